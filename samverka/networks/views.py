from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from samverka.accounts.access import Action, allows, get_network_for_user, role_for
from samverka.assignments.models import Assignment
from samverka.meetings.models import Meeting
from samverka.methods import SAFE, refuse_method
from samverka.networks.models import Membership, Network

PAST_MEETINGS_SHOWN = 50
# Chairs first, as the minutes list them.
ROLE_ORDER = [role.value for role in Membership.Role]


@login_required
@require_safe
def start(request: HttpRequest) -> HttpResponse:
    """The start page: my networks, my next meetings, my open assignments."""
    user = request.user
    networks = Network.objects.visible_to(user).active().select_related("parent")
    meetings = Meeting.objects.visible_to(user).upcoming().select_related("network")[:10]
    assignments = (
        Assignment.objects.visible_to(user)
        .assigned_to(user)
        .open()
        .select_related("network", "meeting")
        .order_by("due_date", "pk")
    )
    context = {"networks": networks, "meetings": meetings, "assignments": assignments}
    return render(request, "networks/start.html", context)


@login_required
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    network = get_network_for_user(request, slug)
    if refused := refuse_method(request, SAFE):
        return refused
    members = sorted(
        Membership.objects.current().for_network(network).select_related("person", "organisation"),
        key=lambda m: (ROLE_ORDER.index(m.role), m.person.name),
    )
    visible_ids = set(Network.objects.visible_to(request.user).values_list("pk", flat=True))
    parent = Network.objects.filter(pk=network.parent_id).first() if network.parent_id else None
    context = {
        "network": network,
        "members": members,
        "parent": parent,
        "children": Network.objects.filter(parent=network).active(),
        "visible_network_ids": visible_ids,
        "upcoming": Meeting.objects.for_network(network).upcoming(),
        "past": Meeting.objects.for_network(network).past()[:PAST_MEETINGS_SHOWN],
        "can_invite": allows(role_for(request.user, network), Action.INVITE),
    }
    return render(request, "networks/detail.html", context)
