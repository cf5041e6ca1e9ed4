"""The body pass: agenda items with decisions, assignments and outcome, the
situation-report round and the meetings the text schedules.

It reads the text from `Header.body_start` to the closing (signature,
greeting), skipping the spans the header pass consumed. The heuristics are
written down in `samverka/extract/notes/body.md`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date
from itertools import pairwise

from samverka.extract.lazy import compile_on_use
from samverka.extract.model import Assignment, Item, SourceText, Span
from samverka.extract.orgs import resolve_organisation
from samverka.extract.parse.assignments import (
    Resolver,
    find_assignments,
    find_table_assignments,
    table_columns,
)
from samverka.extract.parse.decisions import find_decisions, is_carried_over
from samverka.extract.parse.items import (
    CLOSING,
    OTHER_BUSINESS,
    Heading,
    Line,
    find_headings,
    page_starts,
    split_lines,
)
from samverka.extract.parse.people import NAME_WORD, People
from samverka.extract.parse.planned import find_planned_meetings
from samverka.extract.parse.reports import find_status_reports
from samverka.extract.parse.sentences import Sentence, sentences
from samverka.extract.parse.types import Body, Header

# "Ärende från Annelie Börjesdotter: …", "Återkoppling från Dinah Åbinger kring …".
_RAISED_FROM = re.compile(
    rf"(?:^|[,.;]\s+)(?:ärende|fråga|frågor|återkoppling|återrapport(?:ering)?|förslag|punkt"
    rf"|anmält ärende)\s+från\s+({NAME_WORD}(?:\s+{NAME_WORD}){{0,2}})",
    re.IGNORECASE,
)
# "Ulf Sandberg lyfter att …", "Eva Nordström återrapporterar uppdraget …".
_RAISED_VERB = re.compile(
    rf"({NAME_WORD}(?:\s+{NAME_WORD}){{0,2}})(?:,\s*[A-ZÅÄÖ][\w-]*(?:\s+[A-ZÅÄÖ][\w-]*)?,)?"
    # "Per Ek (C) tar upp …": a party's letter after the name.
    r"(?:\s+\([A-ZÅÄÖ]{1,3}\))?\s+"
    r"(?:lyft(?:er|e)|ta(?:r|g)? upp|tog upp|väck(?:er|te)|anmäl(?:er|de)|(?:hade|har) anmält"
    r"|(?:vill|önskar|ville) (?:lyfta|ta upp|diskutera|väcka|ha|veta|informera om)"
    r"|föreslog|föreslår|undr(?:ar|ade)|fråga(?:r|de) (?:om|hur|vad|varför|efter)"
    r"|(?P<presents>återrapporterar|återkopplar|redovisar)"
    r"|(?P<informs>presenter(?:ar|ade)|informer(?:ar|ade)|visade|visar|gick igenom|går igenom))\b"
    # "Kristina Kamp (S) anmäler jäv": a conflict of interest, not a matter raised.
    r"(?!\s+jäv)"
)
# "Frågan lyftes av Elin", "Ärendet togs upp av Per Ek".
_RAISED_PASSIVE = re.compile(
    rf"\b(?i:lyftes|lyfts|lyft|togs upp|tas upp|väcktes|väckts|väckt|anmäldes|anmälts|anmäld|anmält"
    rf"|initierades"
    rf"|initierad|inlämnad)\s+av\s+"
    rf"({NAME_WORD}(?:\s+{NAME_WORD}){{0,2}})"
)
# "Punkten utgår då Tomas Krantz som anmält punkten inte kunde närvara".
_RAISED_RELATIVE = re.compile(
    rf"({NAME_WORD}(?:\s+{NAME_WORD}){{0,2}})\s+som\s+(?:hade\s+|har\s+)?"
    r"(?:anmält|lyft|väckt|tagit upp)\s+(?:punkten|frågan|ärendet)"
)
# "Ärende från Tidaholm (Linnea Berg)": the person in brackets after the body.
_BRACKETED_PERSON = compile_on_use(rf"\s*\(({NAME_WORD}(?:\s+{NAME_WORD}){{1,2}})\)")
# "Agneta Hugander: dialog kring …", "Från föregående möte, Agneta Hugander: hur …".
# (The name's words on one line: ", Teams\nHösten: 12 september" names nobody.)
_RAISED_COLON = re.compile(
    rf"(?:^|[,.]\s+)({NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,2}})(?:[ \t]*,[ \t]*[^:,.\n]{{1,40}})?"
    r"[ \t]*:\s"
)


def parse_body(source: SourceText, header: Header) -> Body:
    text = source.text
    people = People(header.participants, text)
    meeting = _meeting_date(header.date)
    pages = page_starts(text)
    marked = [h.span for h in source.hints if h.kind in ("heading", "bold")]
    headings_seen = {h.span[0] for h in source.hints if h.kind == "heading"}
    if "#" in text or "**" in text or "§" in text:  # else no line is marked up
        headings_seen.update(m.start() for m in _MARKED_HEADING.finditer(text))
    start, consumed = _clip_consumed(
        min(header.body_start, len(text)), header.consumed, pages | headings_seen
    )
    lines = split_lines(text, start, len(text), consumed, marked)
    headings = find_headings(lines, people, pages)
    if not headings and start > 0:
        # The header took the agenda for part of itself (an attendance list placed
        # after the items, labels it did not know): read from under the title.
        lines, headings = _recover(text, start, consumed, marked, people, pages)
    body = Body()
    if headings:
        end = _closing(lines, headings[-1].start, len(text))
        # Attendance written after the items ends the last one.
        after = [a for a, _ in consumed if a > headings[-1].content_start]
        end = min([end, *after])
        lines = [line for line in lines if line.end <= end]
    else:
        end = len(text)
    body.planned_meetings = find_planned_meetings(text, lines, meeting, body.warnings)
    next_meeting = min((p.date for p in body.planned_meetings), default=None)
    resolver = Resolver(people)
    starts = [line.start for line in lines]
    from_tables: list[Assignment] = []
    for k, heading in enumerate(headings):
        item_end = headings[k + 1].start if k + 1 < len(headings) else end
        item_lines = lines[
            bisect_left(starts, heading.content_start) : bisect_left(starts, item_end)
        ]
        content = sentences(text, heading.content_start, item_end)
        # A to-do table closes the round of reports above it.
        table_at = next((ln.start for ln in item_lines if table_columns(ln.text)), item_end)
        reports = find_status_reports(text, item_lines, table_at, heading.title)
        body.status_reports.extend(reports)
        item = Item(
            title=heading.title,
            number=heading.number,
            raised_by=_raised_by(heading, content, people),
            text=" ".join(s.text for s in content),
            span=(heading.start, _trim_end(text, heading.start, item_end)),
        )
        item.decisions = find_decisions(content)
        if not reports:
            item.assignments = find_assignments(content, resolver, meeting, next_meeting)
        table = find_table_assignments(item_lines, resolver, meeting, next_meeting)
        from_tables.extend(table)
        if table:
            rows = [a.span for a in table]
            kept = [
                a
                for a in item.assignments
                if not any(r0 < a.span[1] and a.span[0] < r1 for r0, r1 in rows)
            ]
            item.assignments = sorted(kept + table, key=lambda a: a.span[0])
        if not reports and is_carried_over(content, [a.span for a in item.assignments]):
            item.outcome = "carried_over"
        body.items.append(item)
    _drop_restated(body.items, from_tables)
    body.warnings.extend(_numbering_gaps(headings))
    for item in body.items:
        if item.raised_by and people.participants and not people.resolve(item.raised_by):
            body.warnings.append(
                f"{item.raised_by!r}, som tog upp {item.title!r}, finns inte i deltagarlistan."
            )
    return body


def _drop_restated(items: list[Item], from_tables: list[Assignment]) -> None:
    """Drop the rows of a to-do table that restate an assignment the text already gives.

    "Maja tar fram ett utkast till nästa möte" in the item and "Utkast vägledning
    | Maja | nästa möte" in the list at the end are one task, not two.
    """
    if not from_tables:
        return
    table_ids = {id(a) for a in from_tables}
    in_text = [a for item in items for a in item.assignments if id(a) not in table_ids]
    restated = {
        id(row)
        for row in from_tables
        if any(a.assignee == row.assignee and _stems(a.text) & _stems(row.text) for a in in_text)
    }
    for item in items:
        item.assignments = [a for a in item.assignments if id(a) not in restated]


def _stems(text: str) -> set[str]:
    """Return the first five letters of the longer words: "mejla"/"mejlar", "utkast"/"utkastet"."""
    return {w[:5] for w in _LONG_WORD.findall(text.lower())}


_LONG_WORD = re.compile(r"[^\W\d_]{5,}")


def _recover(
    text: str,
    start: int,
    consumed: list[Span],
    marked: list[Span],
    people: People,
    pages: set[int],
) -> tuple[list[Line], list[Heading]]:
    """Look for items before `body_start` when none follow it."""
    first = text.find("\n", len(text) - len(text.lstrip()))
    begin = first + 1 if 0 <= first < start else start
    lines = split_lines(text, begin, len(text), consumed, marked)
    headings = find_headings(lines, people, pages)
    if not headings:
        # The spans the header consumed may cover the items too.
        lines = split_lines(text, begin, len(text), [], marked)
        headings = [h for h in find_headings(lines, people, pages) if h.number or h.kind != "plain"]
        if len(headings) < 2:
            return split_lines(text, start, len(text), consumed, marked), []
    return lines, headings


def _numbering_gaps(headings: list[Heading]) -> list[str]:
    """Say where item numbers skip, as they do when a heading was lost in extraction."""
    numbers = [int(h.number) for h in headings if h.number and h.number.isdigit()]
    return [
        f"Punkternas numrering hoppar från {a} till {b}; en punkt kan saknas."
        for a, b in pairwise(numbers)
        if b > a + 1
    ]


# Lines no attendance list or signature contains: "## 1. Lokaler", "**Budget**", "§ 4 …".
_MARKED_HEADING = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+\S|\*\*\S|§[ \t]*\d)", re.MULTILINE)


def _clip_consumed(
    start: int, consumed: list[Span], boundaries: set[int]
) -> tuple[int, list[Span]]:
    """Keep what the header consumed from running over a page or a heading.

    When every page is one line, a signature block has no line end to stop at,
    and the items of the next page would be taken for part of it; a table of
    attendees can likewise run on into the first item's heading.
    """
    if not boundaries:
        return start, consumed
    bounds = sorted(boundaries)
    clipped: list[Span] = []
    restart = start
    for a, b in consumed:
        k = bisect_right(bounds, a)
        if k < len(bounds) and bounds[k] < b:
            clipped.append((a, bounds[k]))
            # The body was taken to start where the overrunning span ended.
            if b <= start <= b + 8 or (a < start <= b):
                restart = min(restart, bounds[k])
        else:
            clipped.append((a, b))
    return restart, clipped


def _meeting_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _closing(lines: list[Line], after: int, end: int) -> int:
    """Return where the minutes close (signature, greeting) after the last heading."""
    for line in lines:
        if line.start > after and len(line.text) < 40 and CLOSING.match(line.text):
            return line.start
    return end


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _raised_by(heading: Heading, content: list[Sentence], people: People) -> str | None:
    if heading.raised_by_final:
        return heading.raised_by
    if heading.raised_by:
        # "– Marie Klippan": a name the participants lack is kept as written,
        # without the municipality.
        mention = heading.raised_by
        words = mention.split()
        while len(words) > 1 and (resolve_organisation(" ".join(words[1:])) or len(words) > 2):
            words = words[:-1]
        return _longest_person(mention, people) or " ".join(words)
    if not content:
        return None
    if OTHER_BUSINESS.match(heading.title):
        return _sole_raiser(content, people)
    # The raiser is named at the start: in the first sentence, or the second after
    # "Från föregående möte."
    # (Joined by a line break: a name never runs on from one sentence into the next.)
    first = "\n".join(s.text for s in content[:2])[:240]
    # Cheap tests first: each pattern needs its word ("från" in any case, "av").
    m = _RAISED_FROM.search(first) if "från" in first.lower() else None
    if m is None and "av" in first:
        m = _RAISED_PASSIVE.search(first)
    if m and resolve_organisation(m[1]):
        bracketed = _BRACKETED_PERSON.match(first, m.end())
        if bracketed:
            return _longest_person(bracketed[1], people) or bracketed[1]
    if m is None:
        m = _RAISED_RELATIVE.search(first)
    if m:
        return _longest_person(m[1], people) or m[1]
    verbs = [_RAISED_VERB.match(s.text) for s in content[:2]]
    # "Magnus presenterar kartläggningen": a presenter did not raise the matter,
    # unless what is presented is the presenter's proposal ("presenterar ett förslag").
    verbs = [
        v
        for v in verbs
        if v is None or v["informs"] is None or "förslag" in v.string[v.end() : v.end() + 40]
    ]
    if heading.kind == "section":
        # In a protocol of § paragraphs an official presents the matter; the
        # presenter did not raise it.
        verbs = [v for v in verbs if v is None or v["presents"] is None]
    for m in [*verbs, *_RAISED_COLON.finditer(first)]:
        name = _longest_person(m[1], people) if m else None
        if name:
            return name
        # A first name and a surname the attendance list lacks are still a person,
        # unless they name an organisation ("Familjen Helsingborg: …").
        if m and len(m[1].split()) == 2 and resolve_organisation(m[1]) is None:
            return m[1]
    return None


def _sole_raiser(content: list[Sentence], people: People) -> str | None:
    """Return who raised "Övrigt" when one participant raised all of it.

    "Övrigt" gathers what several people bring: the item is someone's only
    when it opens with a participant raising a matter ("Therese lyfte att …")
    and nobody else raises another in it.
    """
    raisers = set()
    for i, sentence in enumerate(content):
        m = _RAISED_VERB.match(sentence.text)
        if m is None or m["informs"] or m["presents"]:
            if i == 0:
                return None
            continue
        name = _longest_person(m[1], people)
        if name is None:
            return None
        raisers.add(name)
    return raisers.pop() if len(raisers) == 1 else None


def _longest_person(mention: str, people: People) -> str | None:
    words = mention.split()
    for n in range(len(words), 0, -1):
        name = people.resolve(" ".join(words[:n]))
        if name:
            return name
    return None
