"""Meetings the minutes schedule: "Nästa möte: 2021-03-05 kl 9-12", a list of dates.

Two shapes count. A sentence that names the next meeting ("Nästa träff den 6
December i Höganäs. 12.30-15.30"), and a list of lines that each open with a
date, under a line that speaks of meetings or dates ("Nätverksträffar 2021:
deltagarna enas om följande datum:"). A year written in that lead line
("2021") is the year of the list; otherwise a date without a year is the next
such date after the meeting. A time range stated once after a list applies
to every date in it. Dates before the meeting are history, not plans.
"""

from __future__ import annotations

import re
from datetime import date

from samverka.extract.dates import DateMatch, TimeRange
from samverka.extract.dates import find_dates as _find_dates
from samverka.extract.dates import find_time_ranges as _find_time_ranges
from samverka.extract.model import PlannedMeeting
from samverka.extract.parse.items import Line

# The alternatives that open with \b are grouped after the one that opens with ^
# (which only "därefter" at the start of the text matches, where no other can): the
# engine then tests the word boundary once per position, not once per alternative.
_NEXT = re.compile(
    r"^därefter\s*:"
    r"|\b(?:(?:nästa|kommande|följande)\s+(?:möte|träff|sammanträde|nätverksmöte|nätverksträff"
    r"|samråd|styrelsemöte|arbetsgruppsmöte)"
    r"|nästa\s+(?:gång|tillfälle)\b"
    # "… 20 november i Skövde. Därefter fysiskt möte den 22 januari 2025."
    r"|därefter\s+(?:[a-zåäö]+\s+)?(?:möte|träff|sammanträde)\b"
    # "… bordlägga ärendet till sammanträdet den 7 april 2022": a meeting with a date.
    r"|till\s+(?:mötet|sammanträdet|träffen|samrådet)\s+den\b"
    r"|(?:terminens|årets|höstens|vårens)\s+(?:sista|första|nästa|avslutande)\s+"
    r"(?:möte|träff|sammanträde))",
    re.IGNORECASE,
)
_NEXT_HEADING = re.compile(
    r"^(?:(?:punkt|ärende)\s+)?(?:\d{1,2}\s*[.:)]?\s*|§\s*\d+\s*)?"
    r"(?:nästa|kommande) (?:möte|träff|sammanträde|samråd)\s*:?$",
    re.IGNORECASE,
)
# Text that lost its diacritics ("Nasta mote") is read with them folded.
_FOLD = str.maketrans("åäöéÅÄÖÉ", "aaoeAAOE")
_NEXT_FOLDED = re.compile(_NEXT.pattern.translate(_FOLD), re.IGNORECASE)
_NEXT_HEADING_FOLDED = re.compile(_NEXT_HEADING.pattern.translate(_FOLD), re.IGNORECASE)


def _next_heading(text: str) -> bool:
    return bool(_NEXT_HEADING.match(text) or _NEXT_HEADING_FOLDED.match(text))


# Every pattern below needs one of these; a cheap test first.
_CUES = (
    "möte", "träff", "sammantr", "datum", "gång", "tillfälle", "mote", "traff", "därefter",
    "samråd",
)  # fmt: skip
_LIST_CUE = re.compile(
    r"träffar|möten\b|mötesdatum|mötestider|sammanträden|sammanträdesdatum|följande datum"
    r"|datum för|sammanträdesdagar|mötesdagar|träffdatum|mötesplan|sammanträdesplan"
    # "Sammanträdestider hösten 2024", "… beslutade att sammanträda den 17 september, …".
    r"|sammanträdestider|att\s+sammanträda\b"
    # "^därefter", with the start of the text tested after the "d" (no character
    # before it), so that every alternative opens with a letter the engine scans for.
    r"|d(?<![\s\S].)ärefter\s*:",
)
_PLACE = re.compile(
    r"(?<!\w)(?:i|på|hos)\s+([A-ZÅÄÖ][\wåäöé-]+(?:\s+[A-ZÅÄÖ][\wåäöé-]+)?"
    # "på Folkets hus", "i Stora salen": a place noun after the name belongs to it.
    r"(?:\s+[a-zåäö]*(?:hus|huset|salen|sal|rummet|rum|gården|gård|skolan|biblioteket"
    r"|kyrkan|lokalen|hallen|torget|centrum)\b)?"
    # "på Stadshuset i Lund": the building and its town.
    r"(?:\s+i\s+[A-ZÅÄÖ][\wåäöé-]+)?)"
    # "via Teams", "på Zoom".
    r"|(?<!\w)(?:via|över|på|i)\s+(Teams|Zoom|Skype|Google Meet)\b"
)
# "14/5 (Ulricehamn)": the place of one date in a list.
_BRACKETED_PLACE = re.compile(r"\s*\(([A-ZÅÄÖ][\wåäöé -]{1,40})\)")
_YEAR = re.compile(r"\b(20\d\d|19\d\d)\b")


INLINE_REACH = 400
# Lines that may stand between a list's cue and its first date.
_LEAD_LINES = 2
_DIGIT = re.compile(r"\d")
_TWO_NUMBERS = re.compile(r"\d\D+\d")


def find_dates(text: str, start: int, end: int) -> list[DateMatch]:
    """Dates in text[start:end]; a stretch without a digit has none, and is not scanned."""
    return _find_dates(text, start, end) if _DIGIT.search(text, start, end) else []


def find_time_ranges(text: str, start: int, end: int) -> list[TimeRange]:
    return _find_time_ranges(text, start, end) if _DIGIT.search(text, start, end) else []


def find_planned_meetings(
    text: str, lines: list[Line], meeting: date | None, warnings: list[str] | None = None
) -> list[PlannedMeeting]:
    """Return the meetings scheduled in `lines`; note dated contradictions in `warnings`."""
    warnings = [] if warnings is None else warnings
    found: list[PlannedMeeting] = []
    # A cue absent from all the lines is absent from each: test each line only
    # for the cues the text holds (most seed texts hold one or two).
    joined = "\n".join(line.text for line in lines).lower()
    cues = tuple(cue for cue in _CUES if cue in joined)
    i = 0
    while cues and i < len(lines):
        line = lines[i]
        low = line.text.lower()
        if not any(cue in low for cue in cues):
            i += 1
            continue
        listed = []
        if _LIST_CUE.search(low):
            listed = _inline_list(text, lines, i, meeting)
            if listed:
                found.extend(listed)
                i += 1
                continue
            listed = _date_list(text, lines, i, meeting)
        if listed:
            found.extend(listed)
            i += len(listed) + 1
            continue
        following = lines[i + 1] if i + 1 < len(lines) else None
        if following is not None and _next_heading(line.text):
            # "Nästa möte" as a heading, the date on the line under it.
            line = Line(line.start, following.end, text[line.start : following.end])
            following = lines[i + 2] if i + 2 < len(lines) else None
        found.extend(_next_meeting(text, line, following, meeting, warnings))
        i += 1
    return _dedupe(found)


def _date_list(text: str, lines: list[Line], i: int, meeting: date | None) -> list[PlannedMeeting]:
    year_match = _YEAR.search(lines[i].text)
    year = int(year_match[1]) if year_match else None
    out: list[PlannedMeeting] = []
    leads: list[Line] = []
    j = i + 1
    while j < len(lines):
        line = lines[j]
        dates = find_dates(text, line.start, line.end)
        if out and dates and _SEASON_LINE.match(line.text):
            # "Hösten: 12 september (…) och 5 december …" under the list's dates.
            days = [d for d in dates if d.day is not None]
            for k, match in enumerate(days):
                piece_end = days[k + 1].span[0] if k + 1 < len(days) else line.end
                planned = _planned(text, match, Line(match.span[0], piece_end, ""), year, meeting)
                if planned is not None:
                    out.append(planned)
            j += 1
            continue
        if not dates or dates[0].span[0] - line.start > 3 or dates[0].day is None:
            if not out and j - i <= _LEAD_LINES:
                # "Beslöts att … Alla möten hålls kl. 9.00–11.30.", "Datum | Plats": a
                # sentence or a table's header row between the cue and the dates.
                leads.append(line)
                j += 1
                continue
            break
        planned = _planned(text, dates[0], line, year, meeting)
        if planned is None:
            break
        out.append(planned)
        j += 1
    if j < len(lines) and out:
        # "Tiden är 12.30-15.00 inkl. lunch", "Vårens möten i Varberg, höstens i
        # Falkenberg": for the whole list.
        under = lines[j]
        if (
            find_time_ranges(text, under.start, under.end)
            or _SHARED.search(under.text)
            or _SEASONS.search(under.text)
        ):
            _apply_shared(text, under, out)
    for lead in leads if out else []:
        if find_time_ranges(text, lead.start, lead.end) or _SHARED.search(lead.text):
            _apply_shared(text, lead, out)
    return out


def _inline_list(
    text: str, lines: list[Line], i: int, meeting: date | None
) -> list[PlannedMeeting]:
    """Read "Kommande mötesdatum: 10/9, 15/10, 19/11" and "… sammanträdesdagar för 2025:
    7 februari, 17 april och 13 november" (two dates or more on the cue line)."""
    line = lines[i]
    cue = _LIST_CUE.search(line.text.lower())
    if cue is None:
        return []
    after = line.start + cue.end()
    rest = _SEASON_WORD.sub("", _YEAR.sub("", line.text[cue.end() :]))
    if not rest.strip(" :.") and i + 1 < len(lines):
        # "Kommande träffar" or "Mötesdatum 2024" as a heading, "15 mars, 17 maj och
        # 13 september" under it.
        line = Line(line.start, lines[i + 1].end, text[line.start : lines[i + 1].end])
        i += 1
    # The dates follow the cue closely; a line of megabytes is not read to its end.
    reach = min(line.end, after + INLINE_REACH)
    if not _TWO_NUMBERS.search(text, after, reach):
        return []
    dates = [d for d in find_dates(text, after, reach) if d.day is not None]
    if len(dates) < 2:
        return []
    lead = text[line.start : dates[0].span[0]]
    year_match = _YEAR.search(lead)
    year = int(year_match[1]) if year_match else None
    out: list[PlannedMeeting] = []
    for k, match in enumerate(dates):
        stop = dates[k + 1].span[0] if k + 1 < len(dates) else min(line.end, reach + 200)
        piece = Line(match.span[0], stop, "")
        planned = _planned(text, match, piece, year, meeting)
        if planned is None:
            continue
        bracket = _BRACKETED_PLACE.match(text, match.span[1], stop)
        if bracket:
            planned.place = bracket[1].strip()
        planned.span = (match.span[0], match.span[1])
        out.append(planned)
    if out:
        # "… 2024-09-17 och 2024-11-19 (samtliga kl 13–16 via Teams)": for every date.
        tail_start = dates[-1].span[1]
        tail = text[tail_start : min(line.end, tail_start + INLINE_REACH)]
        if _SHARED.search(tail):
            _apply_shared(text, Line(tail_start, tail_start + len(tail), tail), out, force=True)
    if out and i + 1 < len(lines):
        _apply_shared(text, lines[i + 1], out)
    return out


_SHARED = re.compile(r"\b(?:samtliga|alla|båda|bägge|samma)\b", re.IGNORECASE)
# "Sammanträdestider hösten 2024": the season says nothing the dates do not.
_SEASON = r"(?:under\s+)?(?:våren|hösten|sommaren|vintern)"
_SEASON_WORD = re.compile(r"\b" + _SEASON + r"\b", re.IGNORECASE)
# "Hösten: 12 september (…) och 5 december kl. 9–12": a season's dates on one line.
_SEASON_LINE = re.compile(r"^\s*" + _SEASON + r"(?:\s+\d{4})?\s*:", re.IGNORECASE)
# "Vårens möten i Varberg, höstens i Falkenberg".
_SEASONS = re.compile(
    r"\bvårens\b[^.;]{0,40}?\bi\s+([A-ZÅÄÖ][\wåäöé-]+)[^.;]{0,20}?\bhöstens\b[^.;]{0,40}?"
    r"\bi\s+([A-ZÅÄÖ][\wåäöé-]+)",
    re.IGNORECASE,
)


def _apply_shared(text: str, line: Line, out: list[PlannedMeeting], force: bool = False) -> None:
    """Apply "Mötena hålls kl. 09.30-12.00 i Regionhuset" under a list to each date.

    `force`: the words say every date shares them ("samtliga kl 13–16"), so
    they replace what one date's tail seemed to say.
    """
    if find_dates(text, line.start, line.end):
        return
    seasons = _SEASONS.search(line.text)
    if seasons:
        for p in out:
            spring = int(p.date[5:7]) <= 6
            if p.place is None or force:
                p.place = seasons[1] if spring else seasons[2]
    times = find_time_ranges(text, line.start, line.end)
    place = None if seasons else _PLACE.search(line.text)
    for p in out:
        if times and (p.start_time is None or force):
            p.start_time, p.end_time = times[0].start, times[0].end
        if place and (p.place is None or force):
            p.place = place[1] or place[2]


def _next_meeting(
    text: str, line: Line, following: Line | None, meeting: date | None, warnings: list[str]
) -> list[PlannedMeeting]:
    cue = _NEXT.search(line.text)
    if cue is None and "ä" not in line.text and "ö" not in line.text:
        cue = _NEXT_FOLDED.search(line.text)
    if not cue:
        return []
    dates = [d for d in find_dates(text, line.start + cue.end(), line.end) if d.day is not None]
    if not dates:
        return []
    planned = _planned(text, dates[0], line, None, meeting)
    if planned is None:
        if dates[0].year is not None and meeting is not None:
            written = text[dates[0].span[0] : dates[0].span[1]]
            warnings.append(
                f"Nästa möte anges till {written!r}, som inte ligger efter detta möte "
                f"({meeting}); inget planerat möte registrerat."
            )
        return []
    if (
        planned.start_time is None
        and following is not None
        and not find_dates(text, following.start, following.end)
    ):
        times = find_time_ranges(text, following.start, following.end)
        if times and times[0].span[0] - following.start < 5:
            planned.start_time, planned.end_time = times[0].start, times[0].end
    return [planned, *_later_meetings(text, line, line.start + cue.end(), meeting)]


def _later_meetings(
    text: str, line: Line, after: int, meeting: date | None
) -> list[PlannedMeeting]:
    """Return the meetings cued again later on the line: "… i Skövde. Därefter fysiskt
    möte den 22 januari 2025."."""
    out: list[PlannedMeeting] = []
    for cue in _NEXT.finditer(text, after, line.end):
        dates = [d for d in find_dates(text, cue.end(), line.end) if d.day is not None]
        if dates:
            piece = Line(dates[0].span[0], line.end, "")
            planned = _planned(text, dates[0], piece, None, meeting)
            if planned is not None:
                out.append(planned)
    return out


def _planned(
    text: str, match: DateMatch, line: Line, year: int | None, meeting: date | None
) -> PlannedMeeting | None:
    if match.year is not None:
        year = match.year
    elif year is None:
        if meeting is None:
            return None
        year = meeting.year
        if (match.month, match.day or 1) < (meeting.month, meeting.day):
            year += 1
    when = match.to_date(year)
    if when is None or (meeting is not None and when <= meeting):
        return None
    # "26 februari i Helsingborg", "28 februari kl. 9.00-12.00 i Borås, Stadshuset".
    tail = text[match.span[1] : line.end]
    sentence_end = re.search(r"[.!?](?:\s|$)(?!\d)", tail)
    place_match = _PLACE.search(tail[: sentence_end.start() if sentence_end else None])
    times = find_time_ranges(text, match.span[1], line.end)
    start_time = times[0].start if times else None
    end_time = times[0].end if times else None
    return PlannedMeeting(
        date=when.isoformat(),
        start_time=start_time,
        end_time=end_time,
        place=(place_match[1] or place_match[2]) if place_match else _trailing_place(tail),
        span=(line.start, line.end),
    )


# "2024-09-12 kl. 09.30-12.00, Teams", "…, Stadshuset Lund": a place after a comma.
_TRAILING_PLACE = re.compile(
    r",\s*((?:Teams|Zoom|Skype)|[A-ZÅÄÖ][\wåäöé-]+(?:\s+(?:[A-ZÅÄÖ][\wåäöé-]+|i|på))"
    r"{0,2})\s*\.?\s*$"
)


def _trailing_place(tail: str) -> str | None:
    m = _TRAILING_PLACE.search(tail[:200])
    if m is None or m[1].split()[-1] in ("i", "på"):
        return None
    return m[1]


def _dedupe(found: list[PlannedMeeting]) -> list[PlannedMeeting]:
    by_date: dict[str, PlannedMeeting] = {}
    for p in found:
        kept = by_date.get(p.date)
        if kept is None:
            by_date[p.date] = p
            continue
        kept.place = kept.place or p.place
        kept.start_time = kept.start_time or p.start_time
        kept.end_time = kept.end_time or p.end_time
    return list(by_date.values())
