"""The header pass on a second round of unseen layouts, one general rule per test.

Every snippet is invented and worded differently from the failure patterns it
guards against (attendance after the items, English labels, names beyond
Latin-1, job titles, municipality-first tables, column layouts, header fields).
"""

from __future__ import annotations

import pytest

from samverka.extract.model import SourceText
from samverka.extract.parse.header import parse_header
from samverka.extract.parse.types import Header

Row = tuple[str, str | None, str | None, str]


def _header(text: str) -> Header:
    return parse_header(SourceText("t.txt", "0", "text/plain", text))


def _people(text: str) -> list[Row]:
    return [(p.name, p.organisation, p.role, p.status) for p in _header(text).participants]


# --- attendance after the items -------------------------------------------------------


@pytest.mark.parametrize(
    "items",
    [
        "1) Uppföljning av planen\nVi gick igenom planen.\n2) Nytt från kommunerna\nKort runda.\n",
        "§ 1 Ekonomi\nBudgeten följdes upp.\n§ 2 Övrigt\nInget.\n",
        "• Trygg hemgång\n  - Punkten utgick.\n• Ledsagning\n  - Diskuterades.\n",
        "a. Välkommen\nOrdföranden hälsade välkommen.\nb. Regional strategi\nDiskuterades.\n",
    ],
)
def test_attendance_after_the_items_never_moves_the_body_start(items: str) -> None:
    head = "Anteckningar från nätverksträff 2024-03-05\n\n"
    text = head + items + "\nDeltagare\nAnna Berg, Lunds kommun\nPer Ek, Eslövs kommun\n"
    header = _header(text)
    assert header.body_start <= len(head)
    assert [(p.name, p.organisation) for p in header.participants] == [
        ("Anna Berg", "Lund"),
        ("Per Ek", "Eslöv"),
    ]
    label = text.index("Deltagare")
    assert all(s >= label for s, _ in header.consumed)


def test_attendance_at_the_end_of_a_long_text_is_read() -> None:
    filler = "Alla diskuterade frågan om samverkan mellan kommunerna länge. " * 6
    items = "".join(f"{i}. Punkt nummer {i}\n{filler}\n\n" for i in range(1, 16))
    text = (
        "Minnesanteckningar äldreomsorgsnätverket 2024-03-12\n\n"
        + items
        + "Närvarande:\nAnna Berg, Lunds kommun\nFrånvarande:\nLisa Holm, Höörs kommun\n"
    )
    assert len(text) > 6000
    header = _header(text)
    assert [(p.name, p.status) for p in header.participants] == [
        ("Anna Berg", "present"),
        ("Lisa Holm", "absent"),
    ]
    assert header.body_start < 100


# --- job titles are not organisations ----------------------------------------------------


@pytest.mark.parametrize(
    ("line", "org"),
    [
        ("Lena Ström, Äldreomsorgschef, Ljungby kommun", "Ljungby"),
        ("Omar Said – Biståndshandläggare, Alvesta", "Alvesta"),
        ("Karin Åberg, Rektor, Växjö kommun", "Växjö"),
        ("Jonas Lie, utvecklingsledare individ- och familjeomsorg", None),
        ("Mira Falk, enhetschef ekonomiskt bistånd, § 12", None),
        ("Sten Ulf, Folkhälsostrateg", None),
    ],
)
def test_a_job_title_is_not_an_organisation(line: str, org: str | None) -> None:
    text = (
        f"Minnesanteckningar 2024-02-01\nNärvarande:\n{line}\n"
        "Per Ek, Tingsryds kommun\n\n1. Start\nText.\n"
    )
    assert _people(text)[0][1] == org


def test_the_chair_named_in_a_field_and_in_the_list_is_one_person() -> None:
    text = (
        "Minnesanteckningar 2024-02-01\nOrdförande: Maja L, Laholm\nNärvarande:\n"
        "Maja L – socialchef, Laholm\nPer Ek, Hylte kommun\n\n1. Start\nText.\n"
    )
    assert _people(text) == [
        ("Maja L", "Laholm", "ordförande", "present"),
        ("Per Ek", "Hylte", None, "present"),
    ]


# --- names beyond Latin-1 ------------------------------------------------------------------


def test_names_in_any_latin_letters_parse_like_any_name() -> None:
    text = (
        "Protokoll 2024-04-09\nDeltagare:\nMiloš Đorđević, Staffanstorps kommun\n"
        "Zeynep Çağlar, Burlövs kommun\nTrần Thị Hoa, Lunds kommun\nBjørn Ødegård, Eslövs kommun\n"
        "Frånvarande:\nŁukasz Wójcik, Höörs kommun\n\n1. Inledning\nText.\n"
    )
    assert [(p.name, p.organisation, p.status) for p in _header(text).participants] == [
        ("Miloš Đorđević", "Staffanstorp", "present"),
        ("Zeynep Çağlar", "Burlöv", "present"),
        ("Trần Thị Hoa", "Lund", "present"),
        ("Bjørn Ødegård", "Eslöv", "present"),
        ("Łukasz Wójcik", "Höör", "absent"),
    ]


# --- English labels, inline lists -----------------------------------------------------------


@pytest.mark.parametrize(
    ("present", "guest", "absent", "notes"),
    [
        ("Attendees:", "Guest:", "Apologies:", "Notes by:"),
        ("Participants:", "Guests:", "Absent:", "Minutes taken by:"),
        ("Present:", "Invited:", "Regrets:", "Note taker:"),
    ],
)
def test_english_labels(present: str, guest: str, absent: str, notes: str) -> None:
    text = (
        "Minutes – Nordic welfare exchange\nDate: 2024-10-02\nLocation: Rådhuset, Malmö\n"
        f"{present}\nSara Lind, Malmö stad (chair)\nJon Berg, Vellinge kommun\n"
        f"{guest}\nTove Ahl, Region Skåne\n{absent}\nIda Nord, Skurups kommun\n"
        f"{notes} Jon Berg\n\n1. Welcome\nSara opened the meeting.\n"
    )
    header = _header(text)
    assert [(p.name, p.organisation, p.role, p.status) for p in header.participants] == [
        ("Sara Lind", "Malmö", "ordförande", "present"),
        ("Jon Berg", "Vellinge", None, "present"),
        ("Tove Ahl", "Region Skåne", None, "guest"),
        ("Ida Nord", "Skurup", None, "absent"),
    ]
    assert header.minute_taker == "Jon Berg"
    assert header.date == "2024-10-02"
    assert header.place == "Rådhuset, Malmö"
    assert header.body_start <= text.index("1. Welcome")


def test_inline_with_list_of_first_names_and_bodies() -> None:
    text = (
        "Anteckningar samverkansgruppen 2024-01-15\nMed: Lotta (Ystad), Björn Sand (Tomelilla), "
        "Ulla (Simrishamn)\n\n1. Läget\nKort runda.\n"
    )
    assert _people(text) == [
        ("Lotta", "Ystad", None, "present"),
        ("Björn Sand", "Tomelilla", None, "present"),
        ("Ulla", "Simrishamn", None, "present"),
    ]


def test_med_without_colon_is_prose() -> None:
    text = "Minnesanteckningar 2024-01-15\nMed Anna Berg som ordförande diskuterades budget.\n"
    assert _people(text) == []


# --- columns separated by spaces ----------------------------------------------------------


def test_space_columns_with_a_comma_in_the_organisation() -> None:
    text = (
        "Minnesanteckningar 2024-01-15\nNärvarande:\n"
        "Nils Å         Kustbevakningen, region Väst\n"
        "Hanna Berg     Kriminalvården\n"
        "Sofia T        Kungsbacka kommun, samordnare\n\n1. Start\nText.\n"
    )
    assert [p.name for p in _header(text).participants] == ["Nils Å", "Hanna Berg", "Sofia T"]


# --- tables with the organisation first ---------------------------------------------------


@pytest.mark.parametrize("sep", ["\t", "    ", " | "])
def test_a_table_with_the_organisation_in_the_first_column(sep: str) -> None:
    rows = [
        ("Kungälv", "Maria Ö", "förvaltningschef, ordförande"),
        ("Stenungsund", "Erik L", "IFO-chef"),
        ("Västra Götalandsregionen", "Karin J", "regional utvecklare hälso- och sjukvård"),
    ]
    table = "".join(sep.join(r) + "\n" for r in rows)
    text = f"Minnesanteckningar 2024-05-06\nNärvarande:\n{table}\n1. Start\nText.\n"
    assert _people(text) == [
        ("Maria Ö", "Kungälv", "ordförande", "present"),
        ("Erik L", "Stenungsund", None, "present"),
        ("Karin J", "Västra Götalandsregionen", None, "present"),
    ]


# --- header fields ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "network"),
    [
        ("Nätverket för ekonomiskt bistånd i Göteborgsregionen", None),
        ("Arbetsgruppen för hemlöshet i Norrbotten", None),
        ("Kommunstyrelsens arbetsutskott", None),
        ("Barn- och utbildningsnämndens presidium", None),
        ("Samrådet kring missbruksvård i Sörmland", None),
    ],
)
def test_a_first_line_that_names_a_body_without_natverk(first: str, network: None) -> None:
    text = f"{first}\nMinnesanteckningar 2024-03-12\n\n1. Inledning\nText.\n"
    assert _header(text).network == (network or first)


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        (
            "Mötet hölls onsdagen den 4 december 2024 i Alingsås, Stadshuset, sal Mjörn.",
            "Alingsås, Stadshuset, sal Mjörn",
        ),
        ("Träffen ägde rum på Folkets hus i Lerum kl. 9-12.", "Folkets hus i Lerum"),
        ("Mötet genomfördes via Teams.", "Teams"),
    ],
)
def test_place_in_a_sentence(sentence: str, place: str) -> None:
    header = _header(f"Minnesanteckningar 2024-12-04\n{sentence}\n\n1. Inledning\nText.\n")
    assert header.place == place
    assert header.digital is (place == "Teams")


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("Kommunhuset, Vara", "Kommunhuset, Vara"),
        ("Rådhuset i Kungsbacka", "Rådhuset i Kungsbacka"),
    ],
)
def test_an_unlabelled_place_line_in_the_header(line: str, place: str) -> None:
    text = (
        f"Minnesanteckningar socialchefsnätverket\n2024-10-08 kl 9-12\n{line}\n\n1. Start\nText.\n"
    )
    assert _header(text).place == place


@pytest.mark.parametrize(("written", "iso"), [("8/10-24", "2024-10-08"), ("15/1-25", "2025-01-15")])
def test_day_month_and_two_digit_year(written: str, iso: str) -> None:
    assert _header(f"Anteckningar IFO-nätverket\n{written}\n\n1. Start\nText.\n").date == iso


@pytest.mark.parametrize(
    "line",
    [
        "Frida Lönn antecknade.",
        "Anteckningarna fördes av Frida Lönn.",
        "Frida Lönn var sekreterare.",
    ],
)
def test_minute_taker_in_a_sentence(line: str) -> None:
    text = f"Minnesanteckningar 2024-03-01\n\n1. Start\nText.\n\n{line}\n"
    assert _header(text).minute_taker == "Frida Lönn"


@pytest.mark.parametrize(
    "line",
    ["Time: 13-15", "Agenda: Kort genomgång, ca 30 min (13.00-13.30)", "Tid: 13.00-15.00"],
)
def test_unknown_labels_give_no_junk_place(line: str) -> None:
    header = _header(f"Teamsmöte IFO-chefer 2024-03-12\n{line}\n\n1. Start\nText.\n")
    assert header.place in (None, "Teams", "Teamsmöte")
    assert header.digital is True


def test_english_month_names_in_a_date_label() -> None:
    text = "Notes – SIP group\nDate: 12 March 2024\nTime: 9-11\nLocation: Teams\n\n1. Welcome\n"
    header = _header(text)
    assert (header.date, header.start_time, header.place, header.digital) == (
        "2024-03-12",
        "09:00",
        "Teams",
        True,
    )


def test_a_first_name_takes_the_surname_of_a_later_mention() -> None:
    text = (
        "Anteckningar samverkansgruppen 2024-01-15\nMed: Lotta (Ystad), Björn Sand (Tomelilla)\n\n"
        "1. Läget\nLotta Wik berättade om läget i Ystad.\n"
    )
    assert [p.name for p in _header(text).participants] == ["Lotta Wik", "Björn Sand"]
