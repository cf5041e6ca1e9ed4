"""Records indexed in bulk (inside `deferred_indexing()`, as the importer does) get the
entries a save outside it, or a full rebuild, gives them: new, edited, and the parts of
a meeting whose date or network moved."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from io import StringIO
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import transaction

from samverka import testing
from samverka.accounts.models import User
from samverka.documents.models import Document
from samverka.meetings.models import Meeting
from samverka.networks.models import Network
from samverka.search.indexing import deferred_indexing
from samverka.search.models import SearchEntry
from samverka.search.tests.helpers import add_item, found, item_pks

pytestmark = pytest.mark.django_db


def _entries() -> list[tuple[Any, ...]]:
    columns = [f.name for f in SearchEntry._meta.concrete_fields if not f.primary_key]
    return sorted(SearchEntry.objects.values_list(*columns))


def _as_rebuilt() -> list[tuple[Any, ...]]:
    call_command("reindex", stdout=StringIO(), stderr=StringIO())
    return _entries()


@contextmanager
def _deferred() -> Iterator[None]:
    with transaction.atomic(), deferred_indexing():
        yield


def _item_document(item: Any, word: str) -> Document:
    """A document attached to an agenda item (not to the meeting itself)."""
    document = Document(
        network=item.meeting.network, item=item, title=f"Bilaga {word}", content_type="text/plain"
    )
    document.file.save("bilaga.txt", ContentFile(word.encode()), save=False)
    document.save()
    return document


def test_it_rewrites_an_edited_record(alice: User, a_objects: dict[str, Any]) -> None:
    item = a_objects["AgendaItem"]
    with _deferred():
        item.title = "Barnahus i Helsingborg"
        item.save()
    assert item_pks(alice, "barnahus") == [item.pk]
    assert item.pk not in item_pks(alice, "alfaord")
    assert _entries() == _as_rebuilt()


def test_it_indexes_new_and_edited_records_together(alice: User, a_objects: dict[str, Any]) -> None:
    meeting = a_objects["Meeting"]
    with _deferred():
        new = add_item(meeting, "Ensamkommande")
        meeting.place = "Kommunhuset i Båstad"
        meeting.save()
    assert ("item", new.pk) in found(alice, "ensamkommande")
    assert ("meeting", meeting.pk) in found(alice, "kommunhuset")
    assert _entries() == _as_rebuilt()


@pytest.mark.parametrize("block", [_deferred, nullcontext], ids=["deferred", "at once"])
def test_it_moves_the_parts_of_a_planned_meeting_turned_held(
    alice: User, network_a: Network, block: Any
) -> None:
    meeting = testing.make_meeting(network_a, days_from_today=7)
    assert meeting.status == Meeting.Status.PLANNED
    item = add_item(meeting, "Ensamkommande")
    document = _item_document(item, "familjehemsvård")
    held_on = meeting.date + datetime.timedelta(days=2)
    with block():
        meeting.status = Meeting.Status.HELD
        meeting.date = held_on
        meeting.save()
    for kind, pk in [("meeting", meeting.pk), ("item", item.pk), ("document", document.pk)]:
        assert SearchEntry.objects.of_object(kind, pk).get().date == held_on
    assert ("document", document.pk) in found(alice, "familjehemsvård")
    assert _entries() == _as_rebuilt()


@pytest.mark.parametrize("block", [_deferred, nullcontext], ids=["deferred", "at once"])
def test_it_moves_the_parts_of_a_meeting_to_its_new_network(
    alice: User, bob: User, network_a: Network, network_b: Network, block: Any
) -> None:
    meeting = testing.make_meeting(network_a, days_from_today=-7)
    item = add_item(meeting, "Ensamkommande")
    assert item_pks(alice, "ensamkommande") == [item.pk]
    with block():
        meeting.network = network_b
        meeting.save()
    assert item_pks(alice, "ensamkommande") == []
    assert item_pks(bob, "ensamkommande") == [item.pk]
    assert _entries() == _as_rebuilt()
