"""Attendance rates of one person: per membership and over all of them."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from samverka.meetings.models import Attendance, Meeting
from samverka.networks.models import Membership


@dataclass(frozen=True)
class Rate:
    held: int
    present: int

    @property
    def percent(self) -> int | None:
        return round(100 * self.present / self.held) if self.held else None


@dataclass(frozen=True)
class MembershipRate:
    membership: Membership
    rate: Rate


def membership_rates(
    memberships: list[Membership],
    held: QuerySet[Meeting],
    present: QuerySet[Attendance],
) -> tuple[list[MembershipRate], Rate]:
    """Return, per membership, the held meetings of its network within its period and
    how many of them the person was present at; and the same over all memberships.

    Two queries, however many meetings there are.
    """
    networks = {m.network_id for m in memberships}
    meetings = list(held.filter(network__in=networks).values_list("pk", "network_id", "date"))
    attended = set(present.values_list("meeting_id", flat=True))
    rates, counted = [], set()
    for membership in memberships:
        during = {
            pk
            for pk, network_id, day in meetings
            if network_id == membership.network_id
            and (membership.start_date is None or membership.start_date <= day)
            and (membership.end_date is None or day <= membership.end_date)
        }
        counted |= during
        rates.append(MembershipRate(membership, Rate(len(during), len(during & attended))))
    return rates, Rate(len(counted), len(counted & attended))
