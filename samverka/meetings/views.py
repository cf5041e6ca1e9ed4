from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from samverka.accounts.access import Action, allows, get_meeting_for_user, role_for
from samverka.assignments.models import Assignment
from samverka.meetings.forms import DecisionFilterForm
from samverka.meetings.models import AgendaItem, Attendance, Decision, Meeting
from samverka.methods import SAFE, refuse_method
from samverka.networks.models import Membership, Network
from samverka.organisations.models import Organisation
from samverka.partials import render_list

# Present first, then guests, then those who sent apologies, as minutes list them.
STATUS_ORDER = [Attendance.Status.PRESENT, Attendance.Status.GUEST, Attendance.Status.ABSENT]

ASSIGNEES = ("assignee_person", "assignee_organisation", "assignee_network")
DECISIONS_PER_PAGE = 50


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_user(request, pk)
    if refused := refuse_method(request, SAFE):
        return refused
    role = role_for(request.user, meeting.network)
    # Previous and next: the network's other meetings that this user may see.
    others = Meeting.objects.visible_to(request.user).for_network(meeting.network)
    others = others.exclude(pk=meeting.pk)
    assignments = Assignment.objects.select_related(
        *ASSIGNEES, "reported_back_item__meeting"
    ).order_by("pk")
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
        "not_represented": not_represented(meeting, attendances),
        "previous": others.filter(_before(meeting)).order_by("-date", "-pk").first(),
        "next": others.exclude(_before(meeting)).order_by("date", "pk").first(),
        "can_view_network": allows(role, Action.VIEW_NETWORK),
        "can_view_source": allows(role, Action.VIEW_SOURCE_DOCUMENTS),
        "status_choices": Assignment.Status.choices,
        "update_any": allows(role, Action.UPDATE_ANY_ASSIGNMENT),
        "update_own": allows(role, Action.UPDATE_OWN_ASSIGNMENT),
    }
    return render(request, "meetings/detail.html", context)


def not_represented(meeting: Meeting, attendances: list[Attendance]) -> list[Organisation]:
    """Member organisations of the network that had nobody at a meeting with recorded attendance."""
    if not attendances:
        return []
    there = {a.organisation_id for a in attendances if a.status != Attendance.Status.ABSENT}
    members = Membership.objects.for_network(meeting.network).current(meeting.date)
    organisations = Organisation.objects.filter(
        Q(networks=meeting.network)
        | Q(pk__in=members.values("organisation"), kind=Organisation.Kind.MUNICIPALITY)
    ).distinct()
    return [o for o in organisations.order_by("name") if o.pk not in there]


def _before(meeting: Meeting) -> Q:
    return Q(date__lt=meeting.date) | Q(date=meeting.date, pk__lt=meeting.pk)


@login_required
@require_safe
def decisions(request: HttpRequest) -> HttpResponse:
    """The decisions register: every decision the user may see, filtered in place with htmx."""
    networks = Network.objects.visible_to(request.user)
    meetings = Meeting.objects.visible_to(request.user)
    form = DecisionFilterForm(request.GET or None, networks=networks, meetings=meetings)
    found = form.filter(
        Decision.objects.visible_to(request.user)
        .select_related("meeting__network", "item")
        .order_by("-meeting__date", "-meeting__pk", "order", "pk")
    )
    page = Paginator(found, DECISIONS_PER_PAGE).get_page(request.GET.get("sida"))
    context = {"form": form, "page": page, "query": _query_without_page(request)}
    return render_list(request, "meetings/decisions.html", "meetings/_decision_list.html", context)


def _query_without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("sida", None)
    return query.urlencode()
