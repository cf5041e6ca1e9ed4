"""The records the extractor returns: `samverka.minutes/1` as dataclasses.

Every record carries `span`, a half-open `(start, end)` range of character
offsets into the decoded source text, so that it can be shown highlighted in
its original document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

FORMAT = "samverka.minutes/1"

Span = tuple[int, int]
Status = Literal["present", "absent", "guest"]
Outcome = Literal["handled", "carried_over"]


@dataclass(frozen=True)
class Hint:
    """A layout hint a reader saw: a heading, a bold paragraph, a list item, a table row."""

    kind: Literal["heading", "bold", "list_item", "table_row", "page_break"]
    span: Span
    level: int = 0


@dataclass
class SourceText:
    """One document as read: its decoded text plus what the reader learnt of its layout."""

    name: str
    sha256: str
    media_type: str
    text: str
    hints: list[Hint] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class Participant:
    name: str
    organisation: str | None = None
    role: str | None = None
    status: Status = "present"
    span: Span = (0, 0)


@dataclass
class Decision:
    text: str
    span: Span = (0, 0)


@dataclass
class Assignment:
    assignee: str
    text: str
    due: str | None = None
    span: Span = (0, 0)


@dataclass
class Item:
    title: str
    number: str | None = None
    raised_by: str | None = None
    text: str = ""
    outcome: Outcome = "handled"
    decisions: list[Decision] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    span: Span = (0, 0)


@dataclass
class StatusReport:
    organisation: str
    text: str
    span: Span = (0, 0)


@dataclass
class PlannedMeeting:
    date: str
    start_time: str | None = None
    end_time: str | None = None
    place: str | None = None
    span: Span = (0, 0)


@dataclass
class Minutes:
    source: SourceText
    title: str | None = None
    network: str | None = None
    date: str | None = None
    start_time: str | None = None
    end_time: str | None = None
    place: str | None = None
    digital: bool | None = None
    minute_taker: str | None = None
    participants: list[Participant] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    status_reports: list[StatusReport] = field(default_factory=list)
    planned_meetings: list[PlannedMeeting] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return the `samverka.minutes/1` JSON object."""
        return {
            "format": FORMAT,
            "source": {
                "name": self.source.name,
                "sha256": self.source.sha256,
                "media_type": self.source.media_type,
            },
            "title": self.title,
            "network": self.network,
            "date": self.date,
            "start_time": self.start_time,
            "end_time": self.end_time,
            "place": self.place,
            "digital": self.digital,
            "minute_taker": self.minute_taker,
            "participants": [_record(p) for p in self.participants],
            "items": [_item(i) for i in self.items],
            "status_reports": [_record(s) for s in self.status_reports],
            "planned_meetings": [_record(m) for m in self.planned_meetings],
            "warnings": [*self.source.warnings, *self.warnings],
        }


def _record(obj: Participant | Decision | Assignment | StatusReport | PlannedMeeting) -> dict:
    data = dict(vars(obj))
    data["span"] = list(obj.span)
    return data


def _item(item: Item) -> dict[str, Any]:
    return {
        "number": item.number,
        "title": item.title,
        "raised_by": item.raised_by,
        "text": item.text,
        "outcome": item.outcome,
        "decisions": [_record(d) for d in item.decisions],
        "assignments": [_record(a) for a in item.assignments],
        "span": list(item.span),
    }
