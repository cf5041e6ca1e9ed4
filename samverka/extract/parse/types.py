"""What the header pass hands to the body pass."""

from __future__ import annotations

from dataclasses import dataclass, field

from samverka.extract.model import Item, Participant, PlannedMeeting, Span, StatusReport


@dataclass
class Header:
    title: str | None = None
    network: str | None = None
    date: str | None = None
    start_time: str | None = None
    end_time: str | None = None
    place: str | None = None
    digital: bool | None = None
    minute_taker: str | None = None
    participants: list[Participant] = field(default_factory=list)
    # Spans the header pass consumed (title block, attendee sections, signature);
    # the body pass does not read agenda items out of them.
    consumed: list[Span] = field(default_factory=list)
    # Offset where the agenda part of the document most likely starts.
    body_start: int = 0
    warnings: list[str] = field(default_factory=list)


@dataclass
class Body:
    items: list[Item] = field(default_factory=list)
    status_reports: list[StatusReport] = field(default_factory=list)
    planned_meetings: list[PlannedMeeting] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
