"""The index follows every write in the same transaction, and `reindex` rebuilds it."""

from __future__ import annotations

import datetime
from io import StringIO
from typing import Any

from django.core.management import call_command
from django.db import connection

from samverka.accounts.models import User
from samverka.networks.models import Network
from samverka.search.models import SearchEntry
from samverka.search.tests.helpers import add_item, found, item_pks, meeting_on


def test_it_finds_an_edit_as_soon_as_it_is_saved(alice: User, network_a: Network) -> None:
    item = add_item(meeting_on(network_a, datetime.date(2021, 1, 1)), "Läget")
    assert item_pks(alice, "barnahus") == []
    item.notes = "Barnahus i Helsingborg öppnar i höst."
    item.save()
    assert item_pks(alice, "barnahus") == [item.pk]
    item.notes = "Inget längre."
    item.save()
    assert item_pks(alice, "barnahus") == []


def test_it_forgets_a_deleted_record(alice: User, a_objects: dict[str, Any]) -> None:
    decision = a_objects["Decision"]
    assert ("decision", decision.pk) in found(alice, "alfaord")
    decision.delete()
    assert ("decision", decision.pk) not in found(alice, "alfaord")


def test_it_forgets_the_parts_of_a_deleted_meeting(alice: User, network_a: Network) -> None:
    meeting = meeting_on(network_a, datetime.date(2021, 1, 1))
    add_item(meeting, "Ensamkommande")
    meeting.delete()
    assert found(alice, "ensamkommande") == []


def test_it_moves_the_parts_when_a_meeting_changes_date(alice: User, network_a: Network) -> None:
    meeting = meeting_on(network_a, datetime.date(2021, 1, 1))
    item = add_item(meeting, "Ensamkommande")
    meeting.date = datetime.date(2022, 6, 1)
    meeting.save()
    assert SearchEntry.objects.of_object("item", item.pk).get().date == meeting.date


def test_it_rebuilds_the_index_with_reindex(alice: User, a_objects: dict[str, Any]) -> None:
    before = found(alice, "alfaord")
    SearchEntry.objects.all().delete()
    assert found(alice, "alfaord") == []
    call_command("reindex", stdout=StringIO(), stderr=StringIO())
    assert sorted(found(alice, "alfaord")) == sorted(before)
    # Writes after a rebuild are indexed again (the SQLite triggers are back).
    item = add_item(a_objects["Meeting"], "Nyckeltal alfaord")
    assert item.pk in item_pks(alice, "nyckeltal")
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('integrity-check')")


def _entries() -> list[tuple[Any, ...]]:
    columns = [f.column for f in SearchEntry._meta.concrete_fields if not f.primary_key]
    return sorted(SearchEntry.objects.values_list(*columns))


def _vectors() -> dict[tuple[str, int], str]:
    if connection.vendor != "postgresql":
        return {}
    with connection.cursor() as cursor:
        cursor.execute("SELECT kind, object_pk, vector::text FROM search_searchentry")
        return {(kind, pk): vector for kind, pk, vector in cursor.fetchall()}


def test_a_rebuild_writes_what_the_writes_did(alice: User, a_objects: dict[str, Any]) -> None:
    # An untitled meeting is named by its network and date; an item without notes.
    meeting = meeting_on(a_objects["Network"], datetime.date(2020, 2, 3))
    add_item(meeting, "Läget i Åstorp")
    written, vectors = _entries(), _vectors()
    assert {entry[0] for entry in written} >= {
        "meeting",
        "item",
        "decision",
        "assignment",
        "status_report",
        "document",
        "source_document",
        "person",
    }
    call_command("reindex", stdout=StringIO(), stderr=StringIO())
    assert _entries() == written
    assert _vectors() == vectors


def test_it_finds_å_ä_ö_typed_without_them_after_a_rebuild(
    alice: User, a_objects: dict[str, Any]
) -> None:
    item = add_item(a_objects["Meeting"], "Högskolans praktikanter", notes="Från Malmö.")
    call_command("reindex", stdout=StringIO(), stderr=StringIO())
    assert item_pks(alice, "hogskolan") == [item.pk]
    assert item_pks(alice, "malmo") == [item.pk]
