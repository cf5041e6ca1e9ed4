"""The round where each organisation reports its situation ("Höganäs- hög belastning …").

A status report is a line that opens with an organisation's name and a dash
or colon. One such line alone is a remark; a round is at least three of them
in one item, or two under a title that announces a round ("Återkoppling från
deltagarna kring nuläget", "Laget runt"), so a single "Bjuv: …" never counts.

Under such a title the round may also be written as sentences whose subject
is the organisation, one per line or one after another in a paragraph
("Halmstad berättade att … Laholm har inventerat …", "- Mora rapporterar att
…"): a sentence that opens with an organisation's name and a word in lower
case starts that organisation's report.
"""

from __future__ import annotations

import re

from samverka.extract.model import StatusReport
from samverka.extract.orgs import resolve_organisation
from samverka.extract.parse.items import Line

MIN_ROUND = 3
_BULLETS = frozenset("-–•*▪")
_ROUND_TITLE = re.compile(
    r"nuläge|läget|lägesrapport|laget runt|runda|rundan|från deltagarna|från kommunerna"
    r"|aktuellt från|rapporter från|nytt från|runt bordet|kommunrapporter|information från"
    r"|kommunerna informerar|omvärld|lägesbild|från parterna|från organisationerna",
    re.IGNORECASE,
)
# Under a round's title, a party that is no municipality: "Räddningstjänsten Kalmar:",
# "Kalmarhem:", "Kriminalvården:".
_PARTY_WORD = re.compile(
    r"^(?:[A-ZÅÄÖ]\w+\s+)?\w*(?:tjänsten|myndigheten|förbundet|förvaltningen|bolaget"
    r"|polisen|regionen|vården|hem|bostäder|bostaden|verket|kassan|centralen|kyrkan|föreningen)\b"
)

_LEAD = re.compile(
    # "Lund: …", "- Höör – …", "• Region Skåne: …".
    r"^(?:[-–•*▪]\s+)?"
    r"((?!\d)\w[\w-]+(?:\s+(?!\d)\w[\w-]+){0,2}?(?:\s+(?:kommun|stad|region|län))?)"
    # "Mellerud (Kjell-Åke): …": who reported, in brackets after the organisation.
    r"(?:\s*\([^()\n]{1,40}\))?"
    r"\s*[-–:]\s*(?=\S)"
)


def find_status_reports(
    text: str, lines: list[Line], end: int, title: str = ""
) -> list[StatusReport]:
    """Return the reports of the round among `lines` (one item's lines), or none."""
    starts: list[tuple[Line, str, int]] = []
    round_title: bool | None = None  # searched for the first party that is no municipality
    for line in lines:
        first = line.text[:1]
        if first == "|":
            # "| Nyköping | Två nya gruppbostäder …|": a table of the round.
            row = _table_row(line)
            if row is not None:
                starts.append(row)
            continue
        if not (first.isupper() or first in _BULLETS):
            continue  # most lines: a cheap test before the regex
        # The lead ends in a colon or a dash: a line with neither is no report's.
        has_mark = ":" in line.text or "-" in line.text or "–" in line.text
        m = _LEAD.match(line.text) if has_mark else None
        if not m or not m[1][0].isupper():
            continue
        org = resolve_organisation(m[1])
        if org is None and _PARTY_WORD.match(m[1]):
            if round_title is None:
                round_title = _ROUND_TITLE.search(title) is not None
            org = m[1] if round_title else None
        if org is None:
            continue
        starts.append((line, org, line.start + m.end()))
    organisations = len({org for _, org, _ in starts})
    if organisations < 2:
        if lines and _ROUND_TITLE.search(title):
            return _sentence_reports(text, lines[0].start, end)
        return []  # too few whatever the title: spare the title's search
    needed = 2 if _ROUND_TITLE.search(title) else MIN_ROUND
    if organisations < needed:
        return []
    reports: list[StatusReport] = []
    for k, (line, org, body) in enumerate(starts):
        stop = starts[k + 1][0].start if k + 1 < len(starts) else end
        chunk = text[body:stop]
        if line.text[:1] == "|":
            chunk = chunk.rstrip().rstrip("|")
        report = " ".join(chunk.split())
        reports.append(
            StatusReport(
                organisation=org, text=report, span=(line.start, body + len(chunk.rstrip()))
            )
        )
    return reports


def _table_row(line: Line) -> tuple[Line, str, int] | None:
    """Return a table row's organisation (its first cell) and where its report begins."""
    second = line.text.find("|", 1)
    if second < 0:
        return None
    org = resolve_organisation(line.text[1:second].strip())
    rest = line.text[second + 1 :]
    if org is None or not rest.strip(" |"):
        return None
    return line, org, line.start + second + 1 + (len(rest) - len(rest.lstrip()))


# A sentence's start (a line's, after a bullet; or after a sentence's end),
# then one to three capitalised words and a word in lower case: "Mora
# rapporterar", "Malung-Sälen har haft", "Region Dalarna ser".
_SUBJECT = re.compile(
    r"(?:^[ \t]*(?:[-–•*▪][ \t]+)?|(?<=[.!?])[ \t]+)"
    r"(?P<org>[A-ZÅÄÖ][\w-]+(?:[ \t]+[A-ZÅÄÖ][\w-]+){0,2})[ \t]+(?=[a-zåäö])",
    re.MULTILINE,
)


def _sentence_reports(text: str, start: int, end: int) -> list[StatusReport]:
    """Return the round written as sentences that organisations are the subjects of."""
    starts: list[tuple[int, str]] = []
    seen: set[str] = set()
    for m in _SUBJECT.finditer(text, start, end):
        org = resolve_organisation(m["org"])
        if org is not None and org not in seen:
            seen.add(org)
            starts.append((m.start("org"), org))
    if len(starts) < 2:
        return []
    reports: list[StatusReport] = []
    for k, (begin, org) in enumerate(starts):
        stop = starts[k + 1][0] if k + 1 < len(starts) else end
        chunk = text[begin:stop].rstrip(" \t\n-–•*▪")
        reports.append(
            StatusReport(
                organisation=org, text=" ".join(chunk.split()), span=(begin, begin + len(chunk))
            )
        )
    return reports
