"""A changed file (same path, new content) replaces its earlier version's records."""

from __future__ import annotations

from pathlib import Path

import pytest

from samverka.documents.models import SourceDocument
from samverka.imports.models import ImportedSource, ReviewEntry
from samverka.imports.tests.builders import MinutesBook, item, present
from samverka.meetings.models import AgendaItem, Meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def book(tmp_path: Path) -> MinutesBook:
    folder = tmp_path / "protokoll"
    folder.mkdir()
    return MinutesBook(folder)


def version(book: MinutesBook, number: int, titles: list[str]) -> None:
    book.write(
        "2020-11-06.txt",
        "2020-11-06",
        text=f"Minnesanteckningar, version {number} " + "x" * 40,
        participants=[present("Agneta Hugander", "Klippan")],
        items=[item(title) for title in titles],
    )


def test_it_replaces_the_records_of_an_earlier_version(book: MinutesBook) -> None:
    version(book, 1, ["Yrkesresan", "Testbäddar"])
    assert book.import_() == ["created"]
    version(book, 2, ["Yrkesresan", "Testbäddar i Klippan", "Övrigt"])
    assert book.import_() == ["updated"]
    meeting = Meeting.objects.get()
    new = SourceDocument.objects.get(text__contains="version 2")
    assert [i.title for i in meeting.items.order_by("order")] == [
        "Yrkesresan",
        "Testbäddar i Klippan",
        "Övrigt",
    ]
    assert meeting.source_document == new
    assert meeting.attendances.count() == 1
    old = ImportedSource.objects.get(source_document__text__contains="version 1")
    assert old.superseded_by == new
    assert not ReviewEntry.objects.filter(kind=ReviewEntry.Kind.CONFLICT).exists()


def test_it_keeps_records_edited_since_and_lists_them_as_conflicts(book: MinutesBook) -> None:
    version(book, 1, ["Yrkesresan", "Testbäddar"])
    book.import_()
    edited = AgendaItem.objects.get(title="Testbäddar")
    edited.notes = "Kompletterat av samordnaren efter mötet."
    edited.save()
    version(book, 2, ["Yrkesresan", "Testbäddar i Klippan"])
    assert book.import_() == ["updated"]
    titles = sorted(AgendaItem.objects.values_list("title", flat=True))
    assert titles == ["Testbäddar", "Testbäddar i Klippan", "Yrkesresan"]
    conflict = ReviewEntry.objects.get(kind=ReviewEntry.Kind.CONFLICT)
    assert conflict.record == edited


def test_it_reports_unchanged_for_the_same_content(book: MinutesBook) -> None:
    version(book, 1, ["Yrkesresan"])
    book.import_()
    assert book.import_() == ["unchanged"]


def test_it_does_not_replace_a_namesake_file_about_another_meeting(
    book: MinutesBook, tmp_path: Path
) -> None:
    version(book, 1, ["Yrkesresan"])
    book.import_()
    other_year = tmp_path / "2021"
    other_year.mkdir()
    other = MinutesBook(other_year)
    other.write(
        "2020-11-06.txt", "2021-11-05", participants=[present("Agneta Hugander", "Klippan")]
    )
    assert other.import_() == ["created"]
    assert Meeting.objects.count() == 2
    assert AgendaItem.objects.get().title == "Yrkesresan"
