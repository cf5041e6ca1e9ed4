"""The round where each organisation reports its situation ("Höganäs- hög belastning …").

A status report is a line that opens with an organisation's name and a dash
or colon. One such line alone is a remark; a round is at least three of them
in one item, or two under a title that announces a round ("Återkoppling från
deltagarna kring nuläget", "Laget runt"), so a single "Bjuv: …" never counts.
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
        return []  # too few whatever the title: spare the title's search
    needed = 2 if _ROUND_TITLE.search(title) else MIN_ROUND
    if organisations < needed:
        return []
    reports: list[StatusReport] = []
    for k, (line, org, body) in enumerate(starts):
        stop = starts[k + 1][0].start if k + 1 < len(starts) else end
        chunk = text[body:stop]
        report = " ".join(chunk.split())
        reports.append(
            StatusReport(
                organisation=org, text=report, span=(line.start, body + len(chunk.rstrip()))
            )
        )
    return reports
