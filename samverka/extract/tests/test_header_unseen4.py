"""The header pass on a fourth round of unseen layouts, one general rule per test.

Every snippet is invented and worded differently from the minutes that showed
the pattern: an unlabelled place line with a room or a street address, a
place in running prose that wraps, and hybrid meetings.
"""

from __future__ import annotations

import pytest

from samverka.extract.model import SourceText
from samverka.extract.parse.header import parse_header
from samverka.extract.parse.types import Header


def _header(text: str) -> Header:
    return parse_header(SourceText("t.txt", "0", "text/plain", text))


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("Piteå, Rådhuset, konferensrum Norrfjärden", "Piteå, Rådhuset, konferensrum Norrfjärden"),
        # A body's name does not make the line the organiser's when a room or
        # an address follows.
        ("Region Kronoberg, Strandvägen 8, Växjö, sal Linné", None),
        ("Regionförbundet, Kungsgatan 12, Kalmar", None),
    ],
)
def test_an_unlabelled_line_with_a_room_or_an_address_is_the_place(
    line: str, place: str | None
) -> None:
    text = (
        f"Minnesanteckningar\nVälfärdsnätverket\nTisdag 12 mars 2024, kl. 13.00–15.00\n{line}\n\n"
        "Närvarande\nAnna Berg, Luleå\nPer Ek, Piteå\n\n1. Inledning\nVälkomna.\n"
    )
    assert _header(text).place == (place or line)


def test_an_organisers_line_without_a_room_is_no_place() -> None:
    text = (
        "Minnesanteckningar\nSocialförvaltningen, Lund\nTisdag 12 mars 2024, kl. 13–15\n\n"
        "Närvarande\nAnna Berg, Lund\n\n1. Inledning\nVälkomna.\n"
    )
    assert _header(text).place is None


def test_a_place_in_running_prose_may_wrap_onto_the_next_line() -> None:
    text = (
        "Anteckningar\n\nRektorsnätverket möttes onsdagen den 6 mars 2024 kl. 9-12 i Mölndal,\n"
        "Stadshuset, sal Kvarnfallet. Mötet leddes av Anna Berg.\n\n"
        "Deltagare\nAnna Berg, Mölndal\nPer Ek, Härryda\n"
    )
    header = _header(text)
    assert header.place == "Mölndal, Stadshuset, sal Kvarnfallet"
    assert header.digital is False


@pytest.mark.parametrize(
    ("value", "place"),
    [
        ("Kommunhuset, rum Ekorren + Teams för den som inte kan", "Kommunhuset, rum Ekorren"),
        ("Stadshuset, sal 2. Det går också att delta via Zoom", "Stadshuset, sal 2"),
        ("Folkets hus, lokal Valsen och via Teams", "Folkets hus, lokal Valsen"),
    ],
)
def test_a_room_with_a_remote_option_is_an_on_site_meeting(value: str, place: str) -> None:
    text = f"Minnesanteckningar 2024-03-12\nPlats: {value}\n\nNärvarande\nAnna Berg, Lund\n"
    header = _header(text)
    assert (header.place, header.digital) == (place, False)


@pytest.mark.parametrize("value", ["Teams", "Digitalt via Zoom", "Teamsmöte (länk i kallelsen)"])
def test_a_remote_meeting_stays_digital(value: str) -> None:
    text = f"Minnesanteckningar 2024-03-12\nPlats: {value}\n\nNärvarande\nAnna Berg, Lund\n"
    header = _header(text)
    assert (header.place, header.digital) == (value, True)
