from __future__ import annotations

import time
from datetime import date

import pytest

from samverka.extract.dates import DateMatch, find_dates, find_time_ranges, infer_year


def _isos(text: str, default_year: int | None = None) -> list[str | None]:
    return [d.iso(default_year) for d in find_dates(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mötet 2020-11-06 i Höganäs", ["2020-11-06"]),
        ("Datum: 2020-11- 06", ["2020-11-06"]),
        ("Möte 6/11 2020 kl 9", ["2020-11-06"]),
        ("den 18 oktober 2019", ["2019-10-18"]),
        ("18 okt. 2019", ["2019-10-18"]),
        ("fredag den 6 mars 2020", ["2020-03-06"]),
        ("Nästa möte 26 FEBRUARI 2021.", ["2021-02-26"]),
        ("Datum 12 sept 2018", ["2018-09-12"]),
    ],
)
def test_it_finds_dates_with_year(text: str, expected: list[str]) -> None:
    assert _isos(text) == expected


def test_it_finds_yearless_dates() -> None:
    found = find_dates("Mötena 26/2, 6 December och den 3 maj.")
    assert [(d.year, d.month, d.day) for d in found] == [(None, 2, 26), (None, 12, 6), (None, 5, 3)]
    assert found[0].iso() is None
    assert found[0].iso(2021) == "2021-02-26"


def test_it_finds_a_month_without_day_after_a_cue() -> None:
    found = find_dates("Återkommer i januari med förslag.")
    assert found == [DateMatch(found[0].span, None, 1, None)]
    assert found[0].iso(2021) == "2021-01"


def test_it_ignores_month_like_words_without_cue() -> None:
    assert find_dates("Vi pratade om maj och dec") == []


def test_it_returns_absolute_spans() -> None:
    text = "xxxx den 5 maj 2020 yyyy 2020-06-01"
    found = find_dates(text, start=5)
    assert [text[s:e] for s, e in (d.span for d in found)] == ["den 5 maj 2020", "2020-06-01"]


def test_it_honours_start_and_end() -> None:
    text = "2020-01-01 2020-02-02 2020-03-03"
    assert [d.iso() for d in find_dates(text, 11, 21)] == ["2020-02-02"]


def test_it_rejects_impossible_dates() -> None:
    assert find_dates("2020-13-40 och 31/2") == []


@pytest.mark.parametrize(
    ("month", "day", "ref", "year"),
    [
        (2, 26, date(2020, 12, 4), 2021),
        (12, 10, date(2020, 12, 4), 2020),
        (11, 1, date(2020, 12, 4), 2020),
        (3, 1, date(2020, 2, 1), 2020),
        (12, 5, date(2021, 1, 20), 2021),
    ],
)
def test_it_infers_years(month: int, day: int, ref: date, year: int) -> None:
    assert infer_year(month, day, ref) == year


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("kl. 9.30–11", "09:30", "11:00"),
        ("Tid 12.30-15.00", "12:30", "15:00"),
        ("kl 13-16", "13:00", "16:00"),
        ("09:00 - 12:00", "09:00", "12:00"),
        ("Tiden är 12.30-15.00", "12:30", "15:00"),
        ("kl. 09.00-12.00", "09:00", "12:00"),
        ("Klockan 8.15", "08:15", None),
    ],
)
def test_it_finds_time_ranges(text: str, start: str, end: str | None) -> None:
    found = find_time_ranges(text)
    assert [(t.start, t.end) for t in found] == [(start, end)]


@pytest.mark.parametrize(
    "text", ["2020-11-06", "§ 12-15", "§12.30-15.00", "kl. 25.00", "6/11-2020", "10-12 personer"]
)
def test_it_does_not_read_dates_or_numbers_as_times(text: str) -> None:
    assert find_time_ranges(text) == []


def _cpu_seconds(text: str) -> float:
    started = time.process_time()
    find_dates(text)
    find_time_ranges(text)
    return time.process_time() - started


def test_it_scans_a_long_line_in_linear_time() -> None:
    line = "den 5 maj 2020 kl 9-12 text 12/3 utan radbrytning 12.30-15.00 " * 2_000
    # CPU time, best of three: other processes on the machine must not fail this.
    small = min(_cpu_seconds(line) for _ in range(3))
    large = min(_cpu_seconds(line * 10) for _ in range(2))
    assert large < 15 * small + 0.5


def test_it_reads_month_names_as_the_plain_case_insensitive_pattern_does() -> None:
    # `_WORD` opens with a case-sensitive class of first letters for speed; it must
    # match what the plain pattern matches, "ſ" (long s) and capitals included.
    import re

    from samverka.extract.dates import _WORD, MONTHS

    names = "|".join(sorted(MONTHS, key=len, reverse=True))
    plain = re.compile(
        r"(?=[adfjmnosADFJMNOS])\b(?P<m>" + names + r")\b\.?(?:,?\s?(?P<y>(?:19|20)\d\d)\b)?",
        re.IGNORECASE,
    )
    for first in {name[0] for name in MONTHS}:
        folds = [chr(c) for c in range(0x3000) if re.fullmatch(first, chr(c), re.IGNORECASE)]
        for fold in folds:
            for name in MONTHS:
                if name[0] == first:
                    for text in (
                        f"{fold}{name[1:]}",
                        f"x{fold}{name[1:]} 2020",
                        f"den 3 {fold}{name[1:].upper()}.",
                    ):
                        found = [(m.span(), m.groups()) for m in _WORD.finditer(text)]
                        assert found == [(m.span(), m.groups()) for m in plain.finditer(text)]
