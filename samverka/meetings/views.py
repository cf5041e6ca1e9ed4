from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from samverka.accounts.access import Action, allows, get_meeting_for_user, role_for
from samverka.assignments.models import Assignment
from samverka.meetings.models import AgendaItem, Attendance, Decision
from samverka.methods import SAFE, refuse_method

# Present first, then guests, then those who sent apologies, as minutes list them.
STATUS_ORDER = [Attendance.Status.PRESENT, Attendance.Status.GUEST, Attendance.Status.ABSENT]

ASSIGNEES = ("assignee_person", "assignee_organisation", "assignee_network")


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_user(request, pk)
    if refused := refuse_method(request, SAFE):
        return refused
    role = role_for(request.user, meeting.network)
    assignments = Assignment.objects.select_related(*ASSIGNEES).order_by("pk")
    items = (
        AgendaItem.objects.for_meeting(meeting)
        .select_related("raised_by", "carried_from__meeting")
        .prefetch_related(
            Prefetch("decisions", queryset=Decision.objects.order_by("order", "pk")),
            Prefetch("assignments", queryset=assignments),
            Prefetch("carried_to", queryset=AgendaItem.objects.select_related("meeting")),
        )
        .order_by("order", "pk")
    )
    attendances = sorted(
        Attendance.objects.for_meeting(meeting).select_related("person", "organisation"),
        key=lambda a: (
            STATUS_ORDER.index(Attendance.Status(a.status)),
            a.organisation.name if a.organisation else "~",
            a.person.name,
        ),
    )
    context = {
        "meeting": meeting,
        "network": meeting.network,
        "attendances": attendances,
        "items": items,
        "loose_decisions": Decision.objects.for_meeting(meeting)
        .filter(item__isnull=True)
        .order_by("order", "pk"),
        "loose_assignments": assignments.filter(meeting=meeting, item__isnull=True),
        "status_reports": meeting.status_reports.select_related("organisation"),
        "can_view_network": allows(role, Action.VIEW_NETWORK),
        "status_choices": Assignment.Status.choices,
        "update_any": allows(role, Action.UPDATE_ANY_ASSIGNMENT),
        "update_own": allows(role, Action.UPDATE_OWN_ASSIGNMENT),
    }
    return render(request, "meetings/detail.html", context)
