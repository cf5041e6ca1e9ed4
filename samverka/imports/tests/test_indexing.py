"""An import's records are findable (and have their history) as soon as it ends,
though the search index and history are written in bulk per document; a failed
document leaves neither."""

from __future__ import annotations

import datetime
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction

from samverka.accounts.models import User
from samverka.imports import services
from samverka.imports.history import IMPORT_REASON
from samverka.imports.load import DocumentLoader
from samverka.imports.models import ImportedRecord
from samverka.imports.services import minutes_import
from samverka.meetings.models import AgendaItem, Meeting
from samverka.networks.models import Network
from samverka.search.entries import SOURCES
from samverka.search.indexing import deferred_indexing
from samverka.search.models import SearchEntry
from samverka.search.tests.helpers import add_item, found, meeting_on

pytestmark = pytest.mark.django_db

MINUTES = """Socialchefsnätverket

Datum och tid: 2020-11-06 kl. 9.30–11
Plats och lokal: Teamsmöte

Närvarande:
Agneta Hugander Klippan
Christin Johansson Båstad

Yrkesresan
Agneta kommer meddela SKR att majoriteten går med.
"""


def _entries() -> list[tuple[Any, ...]]:
    columns = [f.name for f in SearchEntry._meta.concrete_fields if not f.primary_key]
    return sorted(SearchEntry.objects.values_list(*columns))


def _import(tmp_path: Path, network: Network, text: str = MINUTES) -> services.ImportResult:
    path = tmp_path / "2020-11-06.txt"
    path.write_text(text)
    return minutes_import(paths=[path], network_name=network.name)


def test_imported_records_are_findable_right_after_the_import(
    tmp_path: Path, network_a: Network, alice: User
) -> None:
    result = _import(tmp_path, network_a)
    assert [d.status for d in result.documents] == ["created"]
    meeting = Meeting.objects.get(network=network_a, date=datetime.date(2020, 11, 6))
    source = meeting.source_document
    assert source is not None
    assert {("meeting", meeting.pk), ("source_document", source.pk)} <= set(
        found(alice, "socialchefsnätverket")
    )
    assert "person" in [kind for kind, pk in found(alice, "hugander")]
    for item in AgendaItem.objects.filter(meeting=meeting):
        word = max(item.title.split(), key=len)
        assert ("item", item.pk) in found(alice, word)
    # Every imported record of an indexed kind has its entry …
    for record in ImportedRecord.objects.select_related("content_type"):
        model = record.content_type.model_class()
        if model in SOURCES:
            kind = SOURCES[model].kind
            assert SearchEntry.objects.of_object(kind, record.object_id).exists(), record
    # … with exactly what a full rebuild writes.
    after_import = _entries()
    call_command("reindex", stdout=StringIO(), stderr=StringIO())
    assert _entries() == after_import


def test_imported_records_have_their_history(tmp_path: Path, network_a: Network) -> None:
    _import(tmp_path, network_a)
    records = ImportedRecord.objects.select_related("content_type")
    assert records
    for record in records:
        model = record.content_type.model_class()
        assert model is not None
        history = getattr(model, "history", None)
        if history is None:
            continue
        rows = history.filter(**{model._meta.pk.attname: record.object_id})
        assert rows.filter(history_change_reason=IMPORT_REASON).exists(), record
        assert not rows.exclude(history_change_reason=IMPORT_REASON).exists(), record
        if record.action == ImportedRecord.Action.CREATED:
            assert rows.filter(history_type="+").exists(), record


def test_a_failed_document_leaves_no_index_entries_or_history(
    tmp_path: Path, network_a: Network, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _entries()
    meeting_history = Meeting.history.count()

    def load_then_fail(self: DocumentLoader) -> Any:
        self.counts = original(self)
        raise RuntimeError("sist i dokumentet")

    original = DocumentLoader.load
    monkeypatch.setattr(DocumentLoader, "load", load_then_fail)
    result = _import(tmp_path, network_a)
    assert [d.status for d in result.documents] == ["failed"]
    assert not Meeting.objects.filter(network=network_a).exists()
    assert _entries() == before
    assert Meeting.history.count() == meeting_history
    # Nothing of it is left pending for the next document either.
    monkeypatch.setattr(DocumentLoader, "load", original)
    result = _import(tmp_path, network_a)
    assert [d.status for d in result.documents] == ["created"]
    meeting = Meeting.objects.get(network=network_a)
    assert SearchEntry.objects.of_object("meeting", meeting.pk).exists()


def test_deferred_indexing_writes_when_the_outermost_block_ends(
    network_a: Network, alice: User
) -> None:
    meeting = meeting_on(network_a, datetime.date(2021, 1, 1))
    with transaction.atomic(), deferred_indexing():
        with deferred_indexing():
            item = add_item(meeting, "Ensamkommande")
        assert not SearchEntry.objects.of_object("item", item.pk).exists()
        meeting.date = datetime.date(2022, 6, 1)
        meeting.save()
    assert ("item", item.pk) in found(alice, "ensamkommande")
    assert SearchEntry.objects.of_object("item", item.pk).get().date == meeting.date


def test_deferred_indexing_discards_on_an_exception(network_a: Network, alice: User) -> None:
    meeting = meeting_on(network_a, datetime.date(2021, 1, 1))
    with pytest.raises(RuntimeError), transaction.atomic(), deferred_indexing():
        add_item(meeting, "Ensamkommande")
        raise RuntimeError
    assert found(alice, "ensamkommande") == []
    # Outside the block, saves are indexed at once again.
    item = add_item(meeting, "Ensamkommande")
    assert ("item", item.pk) in found(alice, "ensamkommande")


def test_imported_minutes_are_dated_by_their_meeting(tmp_path: Path, network_a: Network) -> None:
    # An archive imported today is still the minutes of 2020: a search limited
    # to 2020 finds them, and they follow the meeting when it moves.
    _import(tmp_path, network_a)
    meeting = Meeting.objects.get(network=network_a, date=datetime.date(2020, 11, 6))
    original = meeting.source_document
    assert original is not None

    def dated() -> datetime.date | None:
        return SearchEntry.objects.of_object("source_document", original.pk).get().date

    assert dated() == datetime.date(2020, 11, 6)
    meeting.date = datetime.date(2020, 11, 13)
    meeting.save()
    assert dated() == datetime.date(2020, 11, 13)
