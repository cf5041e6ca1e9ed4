from __future__ import annotations

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    """allauth counts login attempts in the cache, which outlives a test's transaction."""
    cache.clear()
