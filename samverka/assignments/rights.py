"""Which assignments of a list the user may update, in one query for the whole list.

Agrees with `access.can_update_assignment`, which the update view applies to
one assignment: coordinators any assignment of their network, members their
own (named, their organisation's in the network, or their network's).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from samverka.accounts.models import is_site_admin
from samverka.assignments.models import Assignment
from samverka.networks.models import Membership

if TYPE_CHECKING:
    from samverka.accounts.models import User


def mark_updatable(user: User, assignments: Iterable[Assignment]) -> None:
    """Set `can_update` on each assignment."""
    admin = is_site_admin(user)
    memberships = list(
        Membership.objects.current()
        .of_user(user)
        .values_list("network_id", "organisation_id", "role", "is_coordinator")
    )
    coordinated = {
        network
        for network, _, role, flag in memberships
        if flag or role == Membership.Role.PLANNING_LEAD
    }
    member_of = {network for network, *_ in memberships}
    represented = {(network, organisation) for network, organisation, *_ in memberships}
    for assignment in assignments:
        own = (
            (
                assignment.assignee_person is not None
                and assignment.assignee_person.user_id == user.pk
            )
            or assignment.assignee_network_id in member_of
            or (
                assignment.assignee_organisation_id is not None
                and (assignment.network_id, assignment.assignee_organisation_id) in represented
            )
        )
        assignment.can_update = (  # type: ignore[attr-defined]
            admin
            or assignment.network_id in coordinated
            or (assignment.network_id in member_of and own)
        )
