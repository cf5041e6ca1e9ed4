"""What the start page shows a user: everything read through `visible_to(user)`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Count, Exists, OuterRef

from samverka.accounts.models import is_site_admin
from samverka.assignments.models import Assignment
from samverka.imports.models import ReviewEntry
from samverka.meetings.models import AgendaItem, Decision, Meeting
from samverka.networks.models import Membership, Network

if TYPE_CHECKING:
    from samverka.accounts.models import User

MEETINGS_SHOWN = 10
DECISIONS_SHOWN = 10
WAITING_SHOWN = 20


def my_open_assignments(user: User) -> list[Assignment]:
    """The user's open assignments, overdue first, then by due date."""
    return list(
        Assignment.objects.visible_to(user)
        .assigned_to(user)
        .open()
        .with_overdue()
        .select_related("network", "meeting", "item")
        .order_by("-is_overdue", "due_date", "pk")
    )


def my_waiting_items(user: User) -> list[AgendaItem]:
    """Items the user raised that were carried over and not yet taken up again."""
    continued = AgendaItem.objects.filter(carried_from=OuterRef("pk"))
    return list(
        AgendaItem.objects.visible_to(user)
        .filter(raised_by__user=user, outcome=AgendaItem.Outcome.CARRIED_OVER)
        .exclude(Exists(continued))
        .select_related("meeting__network")
        .order_by("-meeting__date", "order")[:WAITING_SHOWN]
    )


def my_reviews(user: User) -> list[dict[str, Any]]:
    """Open import review entries per network the user coordinates (all for site admins)."""
    entries = ReviewEntry.objects.visible_to(user).open()
    if not is_site_admin(user):
        coordinated = Membership.objects.current().of_user(user).coordinators()
        entries = entries.filter(network__in=coordinated.values("network"))
    return list(
        entries.values("network__slug", "network__name")
        .annotate(count=Count("pk"))
        .order_by("network__name")
    )


def context_for(user: User) -> dict[str, Any]:
    return {
        "networks": Network.objects.visible_to(user).active().select_related("parent"),
        "meetings": Meeting.objects.visible_to(user)
        .upcoming()
        .select_related("network")[:MEETINGS_SHOWN],
        "assignments": my_open_assignments(user),
        "decisions": Decision.objects.visible_to(user)
        .select_related("meeting__network", "item")
        .order_by("-meeting__date", "-meeting__pk", "order")[:DECISIONS_SHOWN],
        "waiting_items": my_waiting_items(user),
        "reviews": my_reviews(user),
    }
