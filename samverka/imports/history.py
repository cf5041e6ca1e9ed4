"""Tell the importer's own changes from a person's, through django-simple-history."""

from __future__ import annotations

from typing import Any

from django.db import models

from samverka.accounts.models import User

# Every save the importer makes carries this change reason; any other history
# record of an imported row is an edit by someone (in the web, admin or shell).
IMPORT_REASON = "samverka import"


def save_as_import(obj: models.Model, *, by: User | None) -> None:
    obj._change_reason = IMPORT_REASON  # type: ignore[attr-defined]
    obj._history_user = by  # type: ignore[attr-defined]
    obj.save()


def edited_since_import(obj: models.Model) -> bool:
    """Return whether anyone but the importer has changed `obj`."""
    history: Any = getattr(obj, "history", None)
    if history is None:
        return False
    # exclude() keeps rows whose reason is NULL, as an edit without a reason is one.
    return bool(history.exclude(history_change_reason=IMPORT_REASON).exists())
