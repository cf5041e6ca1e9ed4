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


_history_models: dict[type[models.Model], Any] = {}


def _history_model(model: type[models.Model]) -> Any:
    # simple-history builds a new manager class on every `.history` access.
    if model not in _history_models:
        manager = getattr(model, "history", None)
        _history_models[model] = manager.model if manager is not None else None
    return _history_models[model]


def edited_since_import(obj: models.Model) -> bool:
    """Return whether anyone but the importer has changed `obj`."""
    history = _history_model(type(obj))
    if history is None:
        return False
    # exclude() keeps rows whose reason is NULL, as an edit without a reason is one.
    rows = history._default_manager.filter(**{obj._meta.pk.attname: obj.pk})
    return bool(rows.exclude(history_change_reason=IMPORT_REASON).exists())
