from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from samverka.assignments.models import Assignment
from samverka.documents.models import SourceDocument
from samverka.extract import model as m
from samverka.imports.tests.builders import MinutesBook, assignment, item, present
from samverka.meetings.models import AgendaItem, Attendance, Decision, Meeting

pytestmark = pytest.mark.django_db

FEB_26 = datetime.date(2021, 2, 26)


@pytest.fixture
def book(tmp_path: Path) -> MinutesBook:
    folder = tmp_path / "protokoll"
    folder.mkdir()
    return MinutesBook(folder)


def plans_feb_26(book: MinutesBook, name: str = "a-2020-12-04.txt") -> None:
    book.write(
        name,
        "2020-12-04",
        participants=[present("Barbara Boron", "Ängelholm")],
        items=[item("Nätverkskartan", outcome="carried_over")],
        planned_meetings=[
            m.PlannedMeeting("2021-02-26", "12:30", "15:00", "Helsingborg", span=(30, 40))
        ],
    )


def minutes_of_feb_26(book: MinutesBook, name: str = "b-2021-02-26.txt") -> None:
    book.write(
        name,
        "2021-02-26",
        place="Helsingborg",
        participants=[present("Barbara Boron", "Ängelholm")],
        items=[item("Genomgång av nätverkskartan"), item("Yrkesresan")],
    )


def test_it_creates_planned_meetings(book: MinutesBook) -> None:
    plans_feb_26(book)
    book.import_()
    planned = Meeting.objects.get(date=FEB_26)
    assert planned.status == Meeting.Status.PLANNED
    assert (planned.start_time, planned.place) == (datetime.time(12, 30), "Helsingborg")
    assert planned.source_document is not None


def test_it_turns_the_planned_meeting_into_the_held_one(book: MinutesBook) -> None:
    plans_feb_26(book)
    minutes_of_feb_26(book)
    assert book.import_() == ["created", "created"]
    held = Meeting.objects.get(date=FEB_26)
    assert held.status == Meeting.Status.HELD
    assert held.source_document == SourceDocument.objects.get(name="b-2021-02-26.txt")


def test_it_keeps_what_someone_edited_on_the_planned_meeting(book: MinutesBook) -> None:
    plans_feb_26(book)
    book.import_()
    planned = Meeting.objects.get(date=FEB_26)
    planned.place = "Lund"
    planned.save()  # an edit in the web: a history record without the import's reason
    minutes_of_feb_26(book)
    book.import_()
    held = Meeting.objects.get(date=FEB_26)
    assert (held.status, held.place) == (Meeting.Status.HELD, "Lund")


def test_it_keeps_a_carried_over_copy_someone_edited(book: MinutesBook) -> None:
    plans_feb_26(book)
    book.import_()
    copy = AgendaItem.objects.get(meeting__date=FEB_26)
    copy.notes = "Förberett av Barbara."
    copy.save()
    minutes_of_feb_26(book)
    book.import_()
    assert AgendaItem.objects.filter(pk=copy.pk).exists()
    assert AgendaItem.objects.filter(meeting__date=FEB_26).count() == 3


def test_it_does_not_plan_a_meeting_already_held(book: MinutesBook) -> None:
    minutes_of_feb_26(book, "a-2021-02-26.txt")
    plans_feb_26(book, "b-2020-12-04.txt")
    book.import_()
    assert Meeting.objects.get(date=FEB_26).status == Meeting.Status.HELD


def test_it_puts_a_carried_over_item_on_the_next_meetings_agenda(book: MinutesBook) -> None:
    plans_feb_26(book)
    book.import_()
    carried = AgendaItem.objects.get(meeting__date=FEB_26)
    assert carried.title == "Nätverkskartan"
    assert carried.carried_from is not None
    assert carried.carried_from.outcome == AgendaItem.Outcome.CARRIED_OVER


def test_it_links_the_carried_over_item_when_the_next_minutes_arrive(book: MinutesBook) -> None:
    plans_feb_26(book)
    book.import_()
    minutes_of_feb_26(book)
    book.import_()
    items = AgendaItem.objects.filter(meeting__date=FEB_26).order_by("order")
    assert [i.title for i in items] == ["Genomgång av nätverkskartan", "Yrkesresan"]
    assert items[0].carried_from is not None
    assert items[0].carried_from.meeting.date == datetime.date(2020, 12, 4)


def test_it_links_the_carried_over_item_when_the_earlier_minutes_arrive_last(
    book: MinutesBook,
) -> None:
    minutes_of_feb_26(book, "a-2021-02-26.txt")
    book.import_()
    plans_feb_26(book, "b-2020-12-04.txt")
    book.import_()
    later = AgendaItem.objects.get(meeting__date=FEB_26, title="Genomgång av nätverkskartan")
    assert later.carried_from is not None
    assert later.carried_from.meeting.date == datetime.date(2020, 12, 4)
    assert AgendaItem.objects.filter(meeting__date=FEB_26).count() == 2


def test_it_looks_past_a_cancelled_meeting_for_the_carried_over_item(book: MinutesBook) -> None:
    book.write(
        "a-2020-12-04.txt",
        "2020-12-04",
        participants=[present("Barbara Boron", "Ängelholm")],
        items=[item("Nätverkskartan", outcome="carried_over")],
    )
    book.import_()
    december = Meeting.objects.get()
    Meeting.objects.create(
        network=december.network, date=datetime.date(2021, 1, 15), status=Meeting.Status.CANCELLED
    )
    minutes_of_feb_26(book)
    book.import_()
    later = AgendaItem.objects.get(meeting__date=FEB_26, title="Genomgång av nätverkskartan")
    assert later.carried_from is not None
    assert later.carried_from.meeting == december


def test_it_never_reads_the_same_meeting_twice(book: MinutesBook) -> None:
    minutes_of_feb_26(book, "protokoll.txt")
    minutes_of_feb_26(book, "protokoll-kopia.txt")
    (book.folder / "protokoll-kopia.txt").write_text("En annan fil om samma möte " + "y" * 40)
    book.import_()
    assert Meeting.objects.count() == 1
    assert AgendaItem.objects.count() == 2


def test_it_opens_assignments_and_links_every_record_to_its_span(book: MinutesBook) -> None:
    book.write(
        "2020-11-06.txt",
        "2020-11-06",
        text="Minnesanteckningar 2020-11-06. Linda får i uppdrag att kontakta Medelpunkten.",
        participants=[present("Linda Macke", None, role="planeringsledare")],
        items=[
            item(
                "Representanter Medelpunkten",
                decisions=[m.Decision("att uppdra åt Linda", span=(31, 40))],
                assignments=[assignment("Linda", "kontakta Medelpunkten", due="2021-01")],
            )
        ],
    )
    book.import_()
    source = SourceDocument.objects.get()
    given = Assignment.objects.get()
    assert given.status == Assignment.Status.OPEN
    assert given.due_date == datetime.date(2021, 1, 31)
    assert (given.source_document, given.source_start, given.source_end) == (source, 20, 30)
    for model in (Meeting, Attendance, AgendaItem, Decision):
        record = model.objects.get()
        assert record.source_document == source, model
        assert record.source_end is not None


def test_it_keeps_the_original_file_and_its_text(book: MinutesBook) -> None:
    path = book.write("2020-11-06.txt", "2020-11-06", text="Minnesanteckningar – råtext " * 3)
    book.import_()
    source = SourceDocument.objects.get()
    assert source.file.read() == path.read_bytes()
    assert source.text.startswith("Minnesanteckningar – råtext")
    assert len(source.sha256) == 64
