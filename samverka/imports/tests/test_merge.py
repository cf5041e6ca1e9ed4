"""Site admins merge and split people; a merge can be undone."""

from __future__ import annotations

from pathlib import Path

import pytest

from samverka.assignments.models import Assignment
from samverka.imports.models import PersonMerge, ReviewEntry
from samverka.imports.services import MergeRefused, person_merge, person_merge_undo, person_split
from samverka.imports.tests.builders import MinutesBook, assignment, item, present
from samverka.meetings.models import Attendance
from samverka.people.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_cecilias(tmp_path: Path) -> tuple[Person, Person]:
    book = MinutesBook(tmp_path)
    book.write("2019.txt", "2019-10-18", participants=[present("Cecilia Andersson", "Åstorp")])
    book.write(
        "2021.txt",
        "2021-09-24",
        participants=[present("C. Andersson", "Svalöv")],
        items=[item("Övrigt", assignments=[assignment("C. Andersson", "bjuder in SKR")])],
    )
    book.import_()
    return Person.objects.get(name="Cecilia Andersson"), Person.objects.get(name="C. Andersson")


def test_it_merges_two_people_with_their_records(two_cecilias: tuple[Person, Person]) -> None:
    keep, other = two_cecilias
    other_pk = other.pk
    person_merge(keep=keep, merge=other)
    assert not Person.objects.filter(pk=other_pk).exists()
    assert Attendance.objects.filter(person=keep).count() == 2
    assert Assignment.objects.get().assignee_person == keep
    assert set(keep.names.values_list("name", flat=True)) == {"Cecilia Andersson", "C. Andersson"}
    assert set(keep.organisations.values_list("organisation__name", flat=True)) == {
        "Åstorp",
        "Svalöv",
    }


def test_it_undoes_a_merge(two_cecilias: tuple[Person, Person]) -> None:
    keep, other = two_cecilias
    other_pk = other.pk
    merge = person_merge(keep=keep, merge=other)
    restored = person_merge_undo(merge=merge)
    assert restored.pk == other_pk
    assert restored.name == "C. Andersson"
    assert Attendance.objects.filter(person=keep).count() == 1
    assert Attendance.objects.filter(person=restored).count() == 1
    assert Assignment.objects.get().assignee_person == restored
    assert list(restored.names.values_list("name", flat=True)) == ["C. Andersson"]
    assert PersonMerge.objects.get().undone_at is not None


def test_it_refuses_to_merge_two_people_of_one_meeting(tmp_path: Path) -> None:
    book = MinutesBook(tmp_path)
    book.write(
        "2021.txt",
        "2021-09-24",
        participants=[
            present("Johan Lindberg", "Örkelljunga"),
            present("Johan Lindberg", "Sekretariatet Familjen Helsingborg"),
        ],
    )
    book.import_()
    first, second = Person.objects.filter(name="Johan Lindberg")
    with pytest.raises(MergeRefused):
        person_merge(keep=first, merge=second)


def test_it_splits_name_forms_off_as_a_new_person(two_cecilias: tuple[Person, Person]) -> None:
    keep, other = two_cecilias
    person_merge(keep=keep, merge=other)
    split = person_split(person=keep, names=["C. Andersson"])
    assert split.name == "C. Andersson"
    assert Attendance.objects.filter(person=split).count() == 1
    assert Assignment.objects.get().assignee_person == split
    assert list(keep.names.values_list("name", flat=True)) == ["Cecilia Andersson"]


def test_it_resolves_the_suggestion_a_merge_answers(tmp_path: Path) -> None:
    book = MinutesBook(tmp_path)
    book.write("2019.txt", "2019-10-18", participants=[present("Cecilia Andersson", "Åstorp")])
    book.write("2021.txt", "2021-09-24", participants=[present("Cecilia Andersson", "Svalöv")])
    book.import_()
    suggestion = ReviewEntry.objects.merge_suggestions().get()
    assert suggestion.person is not None and suggestion.other_person is not None
    person_merge(keep=suggestion.other_person, merge=suggestion.person)
    suggestion.refresh_from_db()
    assert suggestion.status == ReviewEntry.Status.RESOLVED
