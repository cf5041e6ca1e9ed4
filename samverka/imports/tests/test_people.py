from __future__ import annotations

from pathlib import Path

import pytest

from samverka.assignments.models import Assignment
from samverka.imports.models import ReviewEntry
from samverka.imports.tests.builders import MinutesBook, assignment, item, present
from samverka.people.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def book(tmp_path: Path) -> MinutesBook:
    folder = tmp_path / "protokoll"
    folder.mkdir()
    return MinutesBook(folder)


def names_of(person: Person) -> set[str]:
    return set(person.names.values_list("name", flat=True))


def test_it_makes_one_person_of_spelling_variants_in_one_organisation(book: MinutesBook) -> None:
    book.write(
        "2019.txt",
        "2019-10-18",
        participants=[
            present("Barbara Baron", "Ängelholm"),
            present("Matilda Hedén", "Örkelljunga"),
            present("Filippa Kurve", "Ängelholm"),
            present("Annelie Börjesdotter", "Perstorp"),
        ],
    )
    book.write(
        "2020.txt",
        "2020-11-06",
        participants=[
            present("Barbara Boron", "Ängelholm"),
            present("Matilda Heden", "Örkelljunga"),
            present("Filippa Kurdve", "Ängelholm"),
            present("Annelie Börjesdotter Tedenlid", "Perstorp"),
        ],
    )
    assert book.import_() == ["created", "created"]
    assert Person.objects.count() == 4
    assert names_of(Person.objects.named("Barbara Boron").get()) == {
        "Barbara Baron",
        "Barbara Boron",
    }
    assert names_of(Person.objects.named("Matilda Heden").get()) == {
        "Matilda Hedén",
        "Matilda Heden",
    }
    assert names_of(Person.objects.named("Filippa Kurdve").get()) == {
        "Filippa Kurve",
        "Filippa Kurdve",
    }
    annelie = Person.objects.named("Annelie Börjesdotter").get()
    assert annelie.name == "Annelie Börjesdotter Tedenlid"


def test_it_keeps_namesakes_of_two_organisations_apart_even_in_one_meeting(
    book: MinutesBook,
) -> None:
    book.write(
        "2021.txt",
        "2021-09-24",
        participants=[
            present("Johan Lindberg", "Örkelljunga"),
            present("Johan Lindberg", "Sekretariatet Familjen Helsingborg"),
        ],
    )
    book.import_()
    johans = Person.objects.filter(name="Johan Lindberg")
    assert johans.count() == 2
    organisations = {j.organisation_on() for j in johans}
    assert {o.name for o in organisations if o is not None} == {
        "Örkelljunga",
        "Sekretariatet Familjen Helsingborg",
    }
    assert not ReviewEntry.objects.merge_suggestions().exists()


def test_it_does_not_mix_people_sharing_a_surname(book: MinutesBook) -> None:
    book.write(
        "2020.txt",
        "2020-03-06",
        participants=[present("Mikael Lindberg", "Svalöv"), present("Johan Lindberg", "Svalöv")],
    )
    book.import_()
    assert Person.objects.count() == 2


def test_it_resolves_a_first_name_in_an_assignment_to_the_meetings_participant(
    book: MinutesBook,
) -> None:
    book.write("2019.txt", "2019-05-01", participants=[present("Linda Berg", "Bjuv")])
    book.write(
        "2020.txt",
        "2020-11-06",
        participants=[
            present("Linda Macke", None, role="planeringsledare"),
            present("Agneta Hugander", "Klippan"),
        ],
        items=[
            item(
                "Representanter Medelpunkten",
                assignments=[assignment("Linda", "kontakta Medelpunkten gällande detta")],
            )
        ],
    )
    book.import_()
    given = Assignment.objects.get()
    assert given.assignee_person == Person.objects.get(name="Linda Macke")
    assert given.status == Assignment.Status.OPEN


def test_it_suggests_a_merge_for_a_name_seen_for_another_municipality_later(
    book: MinutesBook,
) -> None:
    book.write("2019.txt", "2019-10-18", participants=[present("Cecilia Andersson", "Åstorp")])
    book.write("2021.txt", "2021-09-24", participants=[present("Cecilia Andersson", "Svalöv")])
    book.import_()
    first, second = Person.objects.filter(name="Cecilia Andersson").order_by("pk")
    suggestion = ReviewEntry.objects.merge_suggestions().get()
    assert (suggestion.person, suggestion.other_person) == (second, first)
    assert suggestion.source_document is not None


def test_it_gives_an_assignment_to_an_organisation_or_a_network(book: MinutesBook) -> None:
    book.write(
        "2020.txt",
        "2020-03-06",
        participants=[present("Jessica Alfredson", "Bjuv")],
        items=[
            item(
                "Uppdrag",
                assignments=[
                    assignment("Bjuv", "tar kontakt med Helsingborg"),
                    assignment("Myndighetschefsnätverket ÄO/LSS", "se över nätverken"),
                ],
            )
        ],
    )
    book.import_()
    to_bjuv, to_network = Assignment.objects.order_by("pk")
    assert to_bjuv.assignee_organisation is not None
    assert to_bjuv.assignee_organisation.name == "Bjuv"
    assert to_network.assignee_network is not None
    assert ReviewEntry.objects.filter(kind=ReviewEntry.Kind.LOW_CONFIDENCE).exists()
