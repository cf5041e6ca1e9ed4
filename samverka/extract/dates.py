"""Swedish dates and clock times in running text.

Pure functions over compiled regexes and a month table; no `dateparser`,
which is two orders of magnitude slower on whole documents. Every pattern is
bounded (no nested quantifiers), so a single multi-megabyte line is scanned in
linear time.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date

Span = tuple[int, int]

# Full names and the abbreviations seen in Swedish minutes ("okt.", "sept",
# "feb"). Keys are lower-case; lookup folds case.
MONTHS: dict[str, int] = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "feb": 2,
    "febr": 2,
    "mars": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "maj": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "augusti": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
    # English names that differ from the Swedish (minutes written in English).
    "january": 1,
    "february": 2,
    "march": 3,
    "may": 5,
    "june": 6,
    "july": 7,
    "october": 10,
    "oct": 10,
}

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = r"(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:en)?"

# ISO dates, tolerating a stray space after a dash ("2020-11- 06"), which PDF
# extraction produces at line ends.
# Also with full stops, as some word processors write them ("2024.12.04").
# The lookbehind (nothing numeric before the year) follows the century, not
# precedes it, so that the engine scans for a "1" or "2" instead of trying
# every position.
_ISO = re.compile(
    r"(?P<y>(?:19|20)(?<![\d.-]..)\d\d)(?:-(?P<m>[01]?\d)- ?|\.(?P<m2>[01]\d)\.)"
    r"(?P<d>[0-3]?\d)(?!\d|\.\d)"
)
# Numeric day/month with optional year: "6/11 2020", "26/2", "6/11-2020", "6/11/2020",
# and a two-digit year after a dash ("8/10-24").
# The day, "(?<![\d/])[0-3]?\d", is written to open with a digit, which the engine
# scans for instead of trying every position: a digit with no digit or slash
# before it, then a second digit if the first is 0 to 3.
_SLASH = re.compile(
    r"(?P<d>\d(?<![\d/].)(?:(?<=[0-3])\d)?)/(?P<m>[01]?\d)"
    r"(?:(?:[ /-]|\s?-\s?)(?P<y>(?:19|20)\d\d)|-(?P<yy>\d\d)(?![.:]\d))?(?![\d/])"
)


def _by_first_letter(names: list[str]) -> str:
    """Return `names` (lower case, longest first) as a month pattern that opens with a class.

    "(?-i:[aAdD…ſ])(?<!\\w.)(?:(?<=a)(?:ugusti|pril|ug|pr)|(?<=d)(?:ecember|ec)|…)":
    the engine scans for the class of first letters, written case-sensitively,
    and a lookbehind picks the names of the letter found (in any case, under
    re.IGNORECASE, which also reads the long s "ſ" as "s"). `(?<!\\w.)` is the
    word boundary before the name.
    """
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(name[0], []).append(name[1:])
    firsts = "".join(groups) + "".join(groups).upper() + ("ſ" if "s" in groups else "")
    rests = "|".join(f"(?<={first})(?:{'|'.join(r)})" for first, r in groups.items())
    return f"(?-i:[{firsts}])(?<!\\w.)(?:{rests})"


# Written month, found by the month name first (anchoring on it keeps the scan
# fast), then the optional weekday, "den" and day are read backwards from it:
# "fredag den 6 mars", "den 18 oktober 2019", "18 okt. 2019", "i januari".
_WORD = re.compile(
    r"(?P<m>" + _by_first_letter(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"
    r"(?:,?\s?(?P<y>(?:19|20)\d\d)\b)?",
    re.IGNORECASE,
)
_WORD_LEAD = re.compile(
    r"(?:\b" + _WEEKDAY + r"\s+)?(?:\bden\s+)?(?:\b(?P<d>[0-3]?\d)(?::e|:a)?\.?\s?)$",
    re.IGNORECASE,
)
_LEAD_WINDOW = 32
# A bare month name needs a cue word, else "mar", "jul" or "dec" in prose would count.
_BARE_MONTH_CUE = re.compile(
    r"\b(?:i|under|från|till|per|efter|före|innan|början av|slutet av|mitten av)\s+$",
    re.IGNORECASE,
)
_FULL_MONTH_NAMES = frozenset(
    {
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    }
)


@dataclass(frozen=True)
class DateMatch:
    span: Span
    year: int | None
    month: int
    day: int | None

    def iso(self, default_year: int | None = None) -> str | None:
        """Return "YYYY-MM-DD", "YYYY-MM" without a day, or None when no year is known."""
        year = self.year if self.year is not None else default_year
        if year is None:
            return None
        if self.day is None:
            return f"{year:04d}-{self.month:02d}"
        return f"{year:04d}-{self.month:02d}-{self.day:02d}"

    def to_date(self, default_year: int | None = None) -> date | None:
        year = self.year if self.year is not None else default_year
        if year is None:
            return None
        try:
            return date(year, self.month, self.day or 1)
        except ValueError:
            return None


def _valid(year: int | None, month: int, day: int | None) -> bool:
    if not 1 <= month <= 12:
        return False
    if day is None:
        return True
    try:
        date(year if year is not None else 2000, month, day)
    except ValueError:
        return False
    return True


class _Taken:
    """Disjoint spans added in any order; overlap test in O(log n)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, span: Span) -> None:
        i = bisect.bisect_left(self.starts, span[0])
        self.starts.insert(i, span[0])
        self.ends.insert(i, span[1])

    def overlaps(self, span: Span) -> bool:
        i = bisect.bisect_left(self.starts, span[1])
        # Only the span starting last before span's end can reach into it,
        # because stored spans do not overlap each other.
        return i > 0 and self.ends[i - 1] > span[0]


# OCR reads 0 as O and 1 as l or I inside numbers ("2023-11-O8", "kl. l3.15 - 16.OO").
# A token of digits, those letters and date/time separators, not touching other
# letters and holding a digit, is read with the letters as digits. The
# replacement keeps every character's offset, so spans stay true to the source.
# Anchored on the digit: digits are rarer than "l" in prose, so the scan is fast.
_OCR_SUSPECT = re.compile(r"\d(?<=[OIl]\d)|\d(?=[.:-]?[OIl])")
_OCR_TOKEN = re.compile(r"(?<![^\W\d_])[\dOIl][\dOIl.:/-]{0,12}[\dOIl](?![^\W\d_])", re.UNICODE)
_OCR_DIGITS = str.maketrans("OIl", "011")
_OCR_LOOKBEHIND = 40


def _ocr_fix(token: re.Match[str]) -> str:
    word = token.group()
    if not any(c.isdigit() for c in word) or word.count("O") + word.count("I") + word.count(
        "l"
    ) > sum(c.isdigit() for c in word):
        return word
    return word.translate(_OCR_DIGITS)


def ocr_view(text: str, start: int, end: int) -> tuple[str, int]:
    """Return (view, offset): text[start:end] (with some lead) with OCR digits mended.

    `view[i - offset]` is `text[i]` for every i in the window; without suspect
    digits the text itself is returned with offset 0, so no copy is made.
    """
    if not _OCR_SUSPECT.search(text, start, end):
        return text, 0
    offset = max(0, start - _OCR_LOOKBEHIND)
    return _OCR_TOKEN.sub(_ocr_fix, text[offset:end]), offset


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMatch]:
    """Return every date in text[start:end], with spans into `text`, in order.

    Digits that OCR misread as letters ("2023-11-O8") are read as digits.
    """
    end = len(text) if end is None else end
    view, offset = ocr_view(text, start, end)
    if offset or view is not text:
        return [
            DateMatch((d.span[0] + offset, d.span[1] + offset), d.year, d.month, d.day)
            for d in _find_dates(view, start - offset, end - offset)
        ]
    return _find_dates(text, start, end)


def _find_dates(text: str, start: int, end: int) -> list[DateMatch]:
    found: list[DateMatch] = []
    taken = _Taken()

    for m in _ISO.finditer(text, start, end):
        y, mo, d = int(m["y"]), int(m["m"] or m["m2"]), int(m["d"])
        if _valid(y, mo, d):
            found.append(DateMatch(m.span(), y, mo, d))
            taken.add(m.span())

    for m in _WORD.finditer(text, start, end):
        if taken.overlaps(m.span()):
            continue
        mo = MONTHS[m["m"].lower()]
        wy = int(m["y"]) if m["y"] else None
        lead_from = max(start, m.start() - _LEAD_WINDOW)
        lead = _WORD_LEAD.search(text, lead_from, m.start())
        wd = int(lead["d"]) if lead else None
        s = lead.start() if lead else m.start()
        if wd is None and wy is None:
            # A bare month: only full names after a cue word ("i januari").
            cue = _BARE_MONTH_CUE.search(text, max(start, m.start() - 14), m.start())
            if m["m"].lower() not in _FULL_MONTH_NAMES or not cue:
                continue
        if not _valid(wy, mo, wd):
            continue
        e = m.end()
        found.append(DateMatch((s, e), wy, mo, wd))
        taken.add((s, e))

    # A numeric date needs its slash, and most stretches of text hold none: the
    # scan, which tries every position, is skipped there.
    if text.find("/", start, end) >= 0:
        for m in _SLASH.finditer(text, start, end):
            if taken.overlaps(m.span()):
                continue
            mo, sd = int(m["m"]), int(m["d"])
            sy = int(m["y"]) if m["y"] else (2000 + int(m["yy"]) if m["yy"] else None)
            if _valid(sy, mo, sd):
                found.append(DateMatch(m.span(), sy, mo, sd))

    found.sort(key=lambda dm: dm.span)
    return found


def infer_year(month: int, day: int | None, reference: date) -> int:
    """Return the year of a yearless date mentioned in minutes of a meeting on `reference`.

    Dates in minutes are mostly at or after the meeting; a month more than
    three months before the meeting's month is taken to be next year (a
    November meeting planning "26 februari"), a nearby earlier month the
    same year (a report-back on "i oktober"). A later month is the same year:
    a January meeting planning the year's meetings lists "5 december".
    """
    if month - reference.month < -3:
        return reference.year + 1
    return reference.year


@dataclass(frozen=True)
class TimeRange:
    span: Span
    start: str
    end: str | None


# "kl. 9.30–11", "12.30-15.00", "kl 13-16", "09:00 - 12:00", "klockan 9-12".
# Without "kl" both ends need minutes ("12.30-15.00") so that "2020-11" or
# "§ 12-15" never reads as a time.
_CLOCK = r"(?P<h1>[0-2]?\d)(?:[.:](?P<m1>[0-5]\d))?"
_CLOCK2 = r"(?P<h2>[0-2]?\d)(?:[.:](?P<m2>[0-5]\d))?"
_DASH = r"\s?(?:-|–|—|till|to)\s?"
_KL_RANGE = re.compile(
    r"\b(?:kl|klockan)\b\.?\s?(?:ca\s)?"
    + _CLOCK
    + r"(?:"
    + _DASH
    + r"(?:kl\.?\s?)?"
    + _CLOCK2
    + r")?(?!\d)",
    re.IGNORECASE,
)
# The first hour, "(?<![\d.:/§-])[0-2]?\d", is written to open with a digit, which
# the engine scans for (as the day of `_SLASH`).
_BARE_RANGE = re.compile(
    r"(?P<h1>\d(?<![\d.:/§-].)(?:(?<=[0-2])\d)?)[.:](?P<m1>[0-5]\d)"
    + _DASH
    + r"(?P<h2>[0-2]?\d)[.:](?P<m2>[0-5]\d)(?![\d.:]\d|\d|-\d)"
)


def _hhmm(hour: str, minute: str | None) -> str | None:
    h = int(hour)
    mi = int(minute) if minute else 0
    if not (0 <= h <= 23 and 0 <= mi <= 59):
        return None
    return f"{h:02d}:{mi:02d}"


def find_time_ranges(text: str, start: int = 0, end: int | None = None) -> list[TimeRange]:
    """Return every clock time or time range in text[start:end], in order.

    Digits that OCR misread as letters ("kl. l3.15 - 16.OO") are read as digits.
    """
    end = len(text) if end is None else end
    view, offset = ocr_view(text, start, end)
    if offset or view is not text:
        return [
            TimeRange((t.span[0] + offset, t.span[1] + offset), t.start, t.end)
            for t in _find_time_ranges(view, start - offset, end - offset)
        ]
    return _find_time_ranges(text, start, end)


def _find_time_ranges(text: str, start: int, end: int) -> list[TimeRange]:
    found: list[TimeRange] = []
    taken = _Taken()
    for m in _KL_RANGE.finditer(text, start, end):
        t1 = _hhmm(m["h1"], m["m1"])
        if t1 is None:
            continue
        t2 = _hhmm(m["h2"], m["m2"]) if m["h2"] else None
        span = m.span() if t2 or not m["h2"] else (m.start(), m.start("h2"))
        found.append(TimeRange(span, t1, t2))
        taken.add(span)
    for m in _BARE_RANGE.finditer(text, start, end):
        if taken.overlaps(m.span()):
            continue
        if _preceded_by_paragraph_sign(text, m.start()):
            continue
        t1, t2 = _hhmm(m["h1"], m["m1"]), _hhmm(m["h2"], m["m2"])
        if t1 is None or t2 is None:
            continue
        found.append(TimeRange(m.span(), t1, t2))
    found.sort(key=lambda tr: tr.span)
    return found


def _preceded_by_paragraph_sign(text: str, pos: int) -> bool:
    lead = text[max(0, pos - 3) : pos]
    return "§" in lead
