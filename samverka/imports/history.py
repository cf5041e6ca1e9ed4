"""Tell the importer's own changes from a person's, through django-simple-history."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef
from django.db.models.signals import post_save
from django.utils import timezone

from samverka.accounts.models import User
from samverka.batching import Batch

# Every save the importer makes carries this change reason; any other history
# record of an imported row is an edit by someone (in the web, admin or shell).
IMPORT_REASON = "samverka import"


# Historical records, in save order.
_pending: Batch[list[models.Model]] = Batch(list)


@contextmanager
def deferred_history() -> Iterator[None]:
    """Write the history records of `save_as_import` saves in bulk when the block ends.

    The importer's unit is one document in one transaction; inside it each
    record's historical row is built as django-simple-history builds it (same
    date, user, change reason, type and fields) and inserted with the others at
    the end, one `bulk_create` per history model, instead of one INSERT each.
    The block must be inside the writer's transaction. Nested blocks write when
    the outermost ends; when the block raises nothing is written.
    """
    with _pending.collecting(_write_history):
        yield


def _write_history(rows: list[models.Model]) -> None:
    by_model: dict[type[models.Model], list[models.Model]] = {}
    for row in rows:
        by_model.setdefault(type(row), []).append(row)
    for model, batch in by_model.items():
        model._default_manager.bulk_create(batch)


def save_as_import(obj: models.Model, *, by: User | None) -> None:
    _mark_as_import(obj, by)
    if not _defers_history(obj):
        obj.save()
        return
    created = obj._state.adding
    with _own_history_skipped(obj):
        obj.save()
    _pending.pending.append(_history_row(obj, created=created, by=by))


def bulk_create_as_import(objs: Sequence[models.Model], *, by: User | None) -> None:
    """Insert new records of one model with one INSERT, as `save_as_import` would one by one.

    The database returns their ids; then every record gets what its save
    would have given it: its history row (in bulk inside `deferred_history()`,
    else at once) and its `post_save` signal, so the search index sees it.
    `bulk_create` skips `save()` and `pre_save`: fine for the importer's
    models, which override neither.
    """
    if not objs:
        return
    model = type(objs[0])
    for obj in objs:
        _mark_as_import(obj, by)
    model._default_manager.bulk_create(objs)
    for obj in objs:
        if not _defers_history(obj):
            _send_post_save(obj)
            continue
        with _own_history_skipped(obj):
            _send_post_save(obj)
        _pending.pending.append(_history_row(obj, created=True, by=by))


def _send_post_save(obj: models.Model) -> None:
    post_save.send(
        sender=type(obj),
        instance=obj,
        created=True,
        update_fields=None,
        raw=False,
        using=obj._state.db,
    )


def _mark_as_import(obj: models.Model, by: User | None) -> None:
    obj._change_reason = IMPORT_REASON  # type: ignore[attr-defined]
    obj._history_user = by  # type: ignore[attr-defined]


@contextmanager
def _own_history_skipped(obj: models.Model) -> Iterator[None]:
    """Keep simple-history's receiver from writing the row the batch will write."""
    obj.skip_history_when_saving = True  # type: ignore[attr-defined]
    try:
        yield
    finally:
        del obj.skip_history_when_saving  # type: ignore[attr-defined]


def _defers_history(obj: models.Model) -> bool:
    history = _history_model(type(obj))
    return (
        _pending.active
        and history is not None
        and not history._history_m2m_fields  # their rows need the saved history row
        and not hasattr(obj, "skip_history_when_saving")
        and getattr(settings, "SIMPLE_HISTORY_ENABLED", True)
    )


def _history_row(obj: models.Model, *, created: bool, by: User | None) -> models.Model:
    """Build the historical record as HistoricalRecords.create_historical_record does."""
    history = _history_model(type(obj))
    row: models.Model = history(
        history_date=getattr(obj, "_history_date", timezone.now()),
        history_type="+" if created else "~",
        history_user=by,
        history_change_reason=IMPORT_REASON,
        **{field.attname: getattr(obj, field.attname) for field in history.tracked_fields},
    )
    if getattr(history, "history_relation", None) is not None:
        row.history_relation_id = obj.pk  # type: ignore[attr-defined]
    return row


_history_models: dict[type[models.Model], Any] = {}


def _history_model(model: type[models.Model]) -> Any:
    # simple-history builds a new manager class on every `.history` access.
    if model not in _history_models:
        manager = getattr(model, "history", None)
        _history_models[model] = manager.model if manager is not None else None
    return _history_models[model]


def cache_history_manager_classes() -> None:
    """Make `Model.history` build its manager class once per model, not per access.

    django-simple-history's `HistoryDescriptor.__get__` calls
    `HistoryManager.from_queryset(HistoricalQuerySet)` — a new class — on every
    access, and `create_historical_record` reads `instance.history` for every
    saved row: about a tenth of an import's CPU time. The class it builds holds
    no state, so building it once per descriptor returns managers that behave
    the same. Called from `ImportsConfig.ready()`; idempotent.
    """
    from simple_history.manager import HistoryDescriptor

    if getattr(HistoryDescriptor, "_samverka_cached", False):
        return

    def __get__(self: Any, instance: models.Model | None, owner: type[models.Model]) -> Any:
        manager_class = self.__dict__.get("_manager_class_built")
        if manager_class is None:
            manager_class = self.manager_class.from_queryset(self.queryset_class)
            self._manager_class_built = manager_class
        return manager_class(self.model, instance)

    HistoryDescriptor.__get__ = __get__
    HistoryDescriptor._samverka_cached = True


_EDITED = "edited_since_import"

M = TypeVar("M", bound=models.Model)


def edited_since_import(obj: models.Model) -> bool:
    """Return whether anyone but the importer has changed `obj`.

    Answered from the record itself when it was read `with_edits_noted()`.
    """
    noted: bool | None = getattr(obj, _EDITED, None)
    if noted is not None:
        return noted
    history = _history_model(type(obj))
    if history is None:
        return False
    return bool(_edits(history, obj._meta.pk.attname, obj.pk).exists())


def with_edits_noted(queryset: models.QuerySet[M]) -> models.QuerySet[M]:
    """Read with each record whether anyone but the importer has changed it, so that
    `edited_since_import()` asks nothing more."""
    history = _history_model(queryset.model)
    if history is None:
        return queryset
    edits = _edits(history, queryset.model._meta.pk.attname, OuterRef("pk"))
    return queryset.annotate(**{_EDITED: Exists(edits)})


def _edits(history: Any, attname: str, pk: Any) -> models.QuerySet[Any]:
    # exclude() keeps rows whose reason is NULL, as an edit without a reason is one.
    rows = history._default_manager.filter(**{attname: pk})
    return rows.exclude(history_change_reason=IMPORT_REASON)
