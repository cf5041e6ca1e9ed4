from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.db.models import Max

from samverka.accounts.models import User
from samverka.meetings.models import AgendaItem, Attendance, Decision, Meeting, StatusReport
from samverka.networks.models import Network
from samverka.organisations.models import Organisation
from samverka.people.models import Person


class MeetingChangedError(Exception):
    """Someone else saved the meeting after the editor loaded it."""

    def __init__(self, meeting: Meeting) -> None:
        super().__init__(f"Meeting {meeting.pk} is at version {meeting.version}")
        self.current = meeting


# Fields an editor may change through meeting_update.
MEETING_FIELDS = frozenset(
    {
        "title",
        "date",
        "start_time",
        "end_time",
        "place",
        "is_digital",
        "digital_link",
        "status",
        "minute_taker",
    }
)


def meeting_create(
    *,
    network: Network,
    date: datetime.date,
    start_time: datetime.time | None = None,
    end_time: datetime.time | None = None,
    place: str = "",
    is_digital: bool | None = None,
    digital_link: str = "",
    status: Meeting.Status = Meeting.Status.PLANNED,
    title: str = "",
    minute_taker: Person | None = None,
    by: User | None = None,
) -> Meeting:
    meeting = Meeting(
        network=network,
        date=date,
        start_time=start_time,
        end_time=end_time,
        place=place,
        is_digital=is_digital,
        digital_link=digital_link,
        status=status,
        title=title,
        minute_taker=minute_taker,
    )
    meeting._history_user = by  # type: ignore[attr-defined]
    meeting.save()
    return meeting


@transaction.atomic
def meeting_update(
    *, meeting: Meeting, version: int, by: User | None = None, **changes: Any
) -> Meeting:
    """Save `changes` if the meeting is still at `version`, the one the editor loaded.

    Raise MeetingChangedError, carrying the meeting as it is now, when someone
    else saved in between: the second save is refused, never silently merged.
    """
    unknown = set(changes) - MEETING_FIELDS
    if unknown:
        raise ValueError(f"meeting_update cannot change {sorted(unknown)}")
    current = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if current.version != version:
        raise MeetingChangedError(current)
    for field, value in changes.items():
        setattr(current, field, value)
    current.version += 1
    current._history_user = by  # type: ignore[attr-defined]
    current.save()
    return current


def attendance_set(
    *,
    meeting: Meeting,
    person: Person,
    status: Attendance.Status = Attendance.Status.PRESENT,
    organisation: Organisation | None = None,
    role: str = "",
    by: User | None = None,
) -> Attendance:
    """Record how the person attended; the organisation defaults to theirs that day."""
    attendance = Attendance.objects.filter(meeting=meeting, person=person).first() or Attendance(
        meeting=meeting, person=person
    )
    attendance.status = status
    attendance.organisation = organisation or person.organisation_on(meeting.date)
    attendance.role = role
    attendance._history_user = by  # type: ignore[attr-defined]
    attendance.save()
    return attendance


def agenda_item_add(
    *,
    meeting: Meeting,
    title: str,
    kind: AgendaItem.Kind = AgendaItem.Kind.INFORMATION,
    raised_by: Person | None = None,
    notes: str = "",
    outcome: AgendaItem.Outcome = AgendaItem.Outcome.HANDLED,
    carried_from: AgendaItem | None = None,
    number: str = "",
    by: User | None = None,
) -> AgendaItem:
    """Append an item to the meeting's agenda."""
    last = meeting.items.aggregate(last=Max("order"))["last"] or 0
    item = AgendaItem(
        meeting=meeting,
        order=last + 1,
        number=number or str(last + 1),
        title=title,
        kind=kind,
        raised_by=raised_by,
        notes=notes,
        outcome=outcome,
        carried_from=carried_from,
    )
    item._history_user = by  # type: ignore[attr-defined]
    item.save()
    return item


def decision_add(
    *, meeting: Meeting, text: str, item: AgendaItem | None = None, by: User | None = None
) -> Decision:
    last = meeting.decisions.aggregate(last=Max("order"))["last"] or 0
    decision = Decision(meeting=meeting, item=item, text=text, order=last + 1)
    decision._history_user = by  # type: ignore[attr-defined]
    decision.save()
    return decision


def status_report_add(
    *, meeting: Meeting, organisation: Organisation, text: str, by: User | None = None
) -> StatusReport:
    report = StatusReport(meeting=meeting, organisation=organisation, text=text)
    report._history_user = by  # type: ignore[attr-defined]
    report.save()
    return report
