"""Keep the index in step with every write, inside the writer's transaction.

Signals are the exception STYLE.md allows here: services, the admin and the
importer all write these models, and an index that one of them forgets is the
stale search users complain about (see NOTES.md).
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models.signals import post_delete, post_save

from samverka.people.models import Person, PersonOrganisation
from samverka.search.entries import SOURCES
from samverka.search.indexing import (
    defer,
    deferring,
    forget_deferred,
    index_object,
    unindex_object,
)


def _saved(
    sender: type[models.Model], instance: models.Model, raw: bool = False, **kw: Any
) -> None:
    if raw:  # loaddata: `samverka reindex` afterwards
        return
    if deferring():  # indexed in bulk when the block ends (indexing.deferred_indexing)
        defer(type(instance), instance.pk)
    else:  # a meeting's parts follow when its date or network moved
        index_object(instance)


def _deleted(sender: type[models.Model], instance: models.Model, **kw: Any) -> None:
    if deferring():
        forget_deferred(type(instance), instance.pk)
    unindex_object(instance)


def _employment_changed(
    sender: type[models.Model], instance: PersonOrganisation, raw: bool = False, **kw: Any
) -> None:
    """A person's organisation is part of their entry (the municipality filter)."""
    if raw:
        return
    if deferring():
        defer(Person, instance.person_id)
    else:
        index_object(instance.person)


def connect() -> None:
    post_save.connect(_employment_changed, sender=PersonOrganisation, dispatch_uid="search-po")
    post_delete.connect(_employment_changed, sender=PersonOrganisation, dispatch_uid="search-po")
    for model in SOURCES:
        uid = f"search-{model._meta.label_lower}"
        post_save.connect(_saved, sender=model, dispatch_uid=uid)
        post_delete.connect(_deleted, sender=model, dispatch_uid=uid)
