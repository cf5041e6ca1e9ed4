from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from samverka.accounts.models import User
from samverka.assignments.models import Assignment
from samverka.meetings.models import AgendaItem, Meeting
from samverka.networks.models import Network
from samverka.organisations.models import Organisation
from samverka.people.models import Person


def assignment_create(
    *,
    network: Network,
    text: str,
    person: Person | None = None,
    organisation: Organisation | None = None,
    assignee_network: Network | None = None,
    due_date: datetime.date | None = None,
    due_next_meeting: bool = False,
    meeting: Meeting | None = None,
    item: AgendaItem | None = None,
    by: User | None = None,
) -> Assignment:
    """Give an assignment to exactly one of a person, an organisation or a network."""
    assignment = Assignment(
        network=network,
        text=text,
        assignee_person=person,
        assignee_organisation=organisation,
        assignee_network=assignee_network,
        due_date=due_date,
        due_next_meeting=due_next_meeting,
        meeting=meeting or (item.meeting if item else None),
        item=item,
    )
    assignment._history_user = by  # type: ignore[attr-defined]
    assignment.save()
    return assignment


@transaction.atomic
def assignment_set_status(
    *, assignment: Assignment, status: str, note: str = "", by: User | None = None
) -> Assignment:
    """Record a new status; `done_at` marks when the assignment left "open"."""
    assignment.status = status
    assignment.done_note = note
    assignment.done_at = None if status == Assignment.Status.OPEN else timezone.now()
    assignment._history_user = by  # type: ignore[attr-defined]
    assignment.save(update_fields=["status", "done_note", "done_at"])
    return assignment


def assignment_complete(
    *,
    assignment: Assignment,
    note: str = "",
    reported_back_item: AgendaItem | None = None,
    at: datetime.datetime | None = None,
    by: User | None = None,
) -> Assignment:
    """Mark the assignment done, with the item where it was reported back."""
    assignment.status = Assignment.Status.DONE
    assignment.done_note = note
    assignment.reported_back_item = reported_back_item
    assignment.done_at = at or timezone.now()
    assignment._history_user = by  # type: ignore[attr-defined]
    assignment.save()
    return assignment
