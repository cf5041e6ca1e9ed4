"""Make every skip a failure when `SAMVERKA_REQUIRE_ALL=1`.

Locally the suite skips what the machine lacks (PostgreSQL, Chromium, the
shared seed minutes) with a clear reason; CI sets the variable so that a
missing component can never pass unnoticed.
"""

from __future__ import annotations

import os
from collections.abc import Generator

import pytest
from pluggy import Result


def require_all() -> bool:
    return os.environ.get("SAMVERKA_REQUIRE_ALL", "") not in ("", "0")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, Result[pytest.TestReport], None]:
    outcome = yield
    report = outcome.get_result()
    if require_all() and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[-1] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"skipped, but SAMVERKA_REQUIRE_ALL is set: {reason}"
