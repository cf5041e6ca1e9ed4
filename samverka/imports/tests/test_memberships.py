from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from samverka.extract import model as m
from samverka.imports.tests.builders import MinutesBook, absent, item, present
from samverka.networks.models import Membership, Representation

pytestmark = pytest.mark.django_db


@pytest.fixture
def book(tmp_path: Path) -> MinutesBook:
    folder = tmp_path / "protokoll"
    folder.mkdir()
    return MinutesBook(folder)


def roles(name: str) -> dict[str, tuple[datetime.date | None, datetime.date | None]]:
    return {
        m.role: (m.start_date, m.end_date) for m in Membership.objects.filter(person__name=name)
    }


def test_it_gives_a_chair_listed_in_the_minutes_the_chair_role_then(book: MinutesBook) -> None:
    book.write(
        "2020-03-06.txt",
        "2020-03-06",
        participants=[
            present("Cathrine Eriksson", "Höganäs", role="ordförande"),
            present("Agneta Hugander", "Klippan"),
        ],
    )
    book.write(
        "2020-11-06.txt",
        "2020-11-06",
        participants=[present("Agneta Hugander", "Klippan"), absent("Monica Ehnberg", "Åstorp")],
    )
    book.import_()
    march, november = datetime.date(2020, 3, 6), datetime.date(2020, 11, 6)
    assert roles("Cathrine Eriksson") == {"chair": (march, march), "member": (march, march)}
    # Listed at the latest meeting: still a member.
    assert roles("Agneta Hugander") == {"member": (march, None)}
    assert roles("Monica Ehnberg") == {"member": (november, None)}


def test_it_starts_a_new_term_at_an_election(book: MinutesBook) -> None:
    book.write(
        "2021-09-24.txt",
        "2021-09-24",
        participants=[
            present("Jessica Alfredson", "Bjuv", role="ordförande"),
            present("Johan Lindberg", "Örkelljunga"),
            present("Johan Lindberg", "Sekretariatet Familjen Helsingborg"),
        ],
        items=[
            item(
                "Ordförandeskap nätverket 2021/2022",
                decisions=[
                    m.Decision(
                        "Nätverket väljer Johan Lindberg som tackar ja och Jessica Alfredsson "
                        "sitter kvar i en övergångsperiod",
                        span=(10, 20),
                    )
                ],
            )
        ],
    )
    book.import_()
    chair = Membership.objects.get(role=Membership.Role.CHAIR, person__name="Johan Lindberg")
    assert chair.organisation is not None and chair.organisation.name == "Örkelljunga"
    assert (chair.start_date, chair.end_date) == (datetime.date(2021, 9, 24), None)
    # The secretariat's Johan was visiting, not a member.
    assert not Membership.objects.filter(
        person__name="Johan Lindberg", organisation__name__startswith="Sekretariatet"
    ).exists()


def test_it_leaves_memberships_someone_has_edited(book: MinutesBook) -> None:
    book.write("a.txt", "2020-03-06", participants=[present("Agneta Hugander", "Klippan")])
    book.import_()
    membership = Membership.objects.get()
    membership.end_date = datetime.date(2020, 6, 30)
    membership.save()
    book.write("b.txt", "2020-11-06", participants=[present("Agneta Hugander", "Klippan")])
    book.import_()
    membership.refresh_from_db()
    assert membership.end_date == datetime.date(2020, 6, 30)


def test_it_reads_the_term_an_election_names(book: MinutesBook) -> None:
    book.write(
        "2025-06-13.txt",
        "2025-06-13",
        participants=[
            present("Lars Hedman", "Vårgårda", role="ordförande"),
            present("Sara Lindqvist", "Borås"),
            present("Maria Fransson", "Bollebygd"),
        ],
        items=[
            item(
                "Val av ordförande och vice ordförande",
                decisions=[
                    m.Decision(
                        "att välja Sara Lindqvist, Borås, till ordförande för nätverket från och "
                        "med 1 juli 2025 till och med 30 juni 2026"
                    ),
                    m.Decision(
                        "att välja Maria Fransson, Bollebygd, till vice ordförande för samma period"
                    ),
                ],
            )
        ],
    )
    book.import_()
    term = (datetime.date(2025, 7, 1), datetime.date(2026, 6, 30))
    assert roles("Sara Lindqvist")["chair"] == term
    assert roles("Maria Fransson")["vice_chair"] == term
    assert roles("Lars Hedman")["chair"] == (datetime.date(2025, 6, 13), datetime.date(2025, 6, 30))


def test_it_records_a_representation_the_minutes_name(book: MinutesBook) -> None:
    book.write(
        "2020-11-06.txt",
        "2020-11-06",
        participants=[present("Agneta Hugander", "Klippan")],
        items=[
            item(
                "Representanter Medelpunkten",
                text="Agneta Hugander blir nätverkets representant i Medelpunkten från idag.",
            )
        ],
    )
    book.import_()
    representation = Representation.objects.get()
    assert representation.person.name == "Agneta Hugander"
    assert representation.body.name == "Medelpunkten"
    assert representation.start_date == datetime.date(2020, 11, 6)
