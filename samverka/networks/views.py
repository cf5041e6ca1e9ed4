from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import F, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from samverka.accounts.access import Action, allows, get_network_for_user, role_for
from samverka.accounts.models import User
from samverka.assignments.models import Assignment
from samverka.meetings.models import AgendaItem, Meeting
from samverka.methods import SAFE, refuse_method
from samverka.networks import overview, startpage
from samverka.networks.models import Membership, Network, Representation

PAST_MEETINGS_SHOWN = 50
OPEN_ASSIGNMENTS_SHOWN = 30
# Chairs first, as the minutes list them.
ROLE_ORDER = [role.value for role in Membership.Role]


@login_required
@require_safe
def start(request: HttpRequest) -> HttpResponse:
    """The start page: my networks, meetings, assignments, latest decisions, what waits."""
    assert isinstance(request.user, User)  # login_required
    return render(request, "networks/start.html", startpage.context_for(request.user))


@login_required
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    network = get_network_for_user(request, slug)
    if refused := refuse_method(request, SAFE):
        return refused
    memberships = Membership.objects.for_network(network).select_related("person", "organisation")
    members = sorted(memberships.current(), key=lambda m: (ROLE_ORDER.index(m.role), m.person.name))
    visible_ids = set(Network.objects.visible_to(request.user).values_list("pk", flat=True))
    parent = Network.objects.filter(pk=network.parent_id).first() if network.parent_id else None
    meetings = Meeting.objects.for_network(network)
    last_held = meetings.held().past().values("pk")[:1]
    context = {
        "network": network,
        "members": members,
        "former_members": memberships.filter(end_date__lt=timezone.localdate()).order_by(
            "-end_date", "person__name"
        ),
        "parent": parent,
        "children": Network.objects.filter(parent=network).active(),
        "visible_network_ids": visible_ids,
        "representations": Representation.objects.current()
        .filter(network=network)
        .select_related("person", "body"),
        "upcoming": meetings.upcoming(),
        "past": meetings.past()[:PAST_MEETINGS_SHOWN],
        "open_assignments": Assignment.objects.for_network(network)
        .open()
        .select_related("assignee_person", "assignee_organisation", "assignee_network", "meeting")
        .order_by(F("due_date").asc(nulls_last=True), "pk")[:OPEN_ASSIGNMENTS_SHOWN],
        "waiting_items": AgendaItem.objects.filter(
            meeting__in=last_held, outcome=AgendaItem.Outcome.CARRIED_OVER
        ).select_related("meeting", "raised_by"),
        "can_invite": allows(role_for(request.user, network), Action.INVITE),
    }
    return render(request, "networks/detail.html", context)


@login_required
def situation(request: HttpRequest, slug: str) -> HttpResponse:
    """Lägesbild: the member organisations' situation reports, meetings × organisations."""
    network = get_network_for_user(request, slug)
    if refused := refuse_method(request, SAFE):
        return refused
    years = overview.meeting_years(Meeting.objects.for_network(network))
    year = _chosen_year(request, years)
    columns, rows = overview.situation_grid(network, year) if year else ([], [])
    context = {"network": network, "years": years, "year": year, "columns": columns, "rows": rows}
    return render(request, "networks/situation.html", context)


def _chosen_year(request: HttpRequest, years: list[int]) -> int | None:
    """Return the year asked for in `?ar=`, else the latest year with a held meeting."""
    asked = request.GET.get("ar", "")
    if asked.isdigit() and int(asked) in years:
        return int(asked)
    this_year = timezone.localdate().year
    return next((y for y in years if y <= this_year), years[-1] if years else None)


@login_required
def attendance(request: HttpRequest, slug: str) -> HttpResponse:
    """How many held meetings each member organisation attended, per year."""
    network = get_network_for_user(request, slug)
    if refused := refuse_method(request, SAFE):
        return refused
    years, held, rows = overview.attendance_table(network)
    context = {
        "network": network,
        "years": years,
        "held": held,
        "held_total": sum(held),
        "rows": rows,
    }
    return render(request, "networks/attendance.html", context)


@login_required
@require_safe
def network_map(request: HttpRequest) -> HttpResponse:
    """The networks the user may see (and public ones), sub-networks, external bodies."""
    visible = Network.objects.visible_to(request.user)
    networks = Network.objects.active().filter(
        Q(pk__in=visible.values("pk")) | Q(visibility=Network.Visibility.MINUTES_PUBLIC)
    )
    representations = (
        Representation.objects.current()
        .filter(network__in=networks)
        .select_related("person", "body")
        .order_by("body__name", "person__name")
    )
    context = {
        "map": overview.network_map(networks, representations),
        "visible_network_ids": set(visible.values_list("pk", flat=True)),
    }
    return render(request, "networks/map.html", context)
