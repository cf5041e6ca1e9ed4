"""What a user may see of the people in the directory.

A network is the boundary (SECURITY.md): a user sees a person only through the
networks and meetings the user may see — a membership or representation in a
network the user sees, or an attendance at a meeting the user sees — or when
the person is the user. A person with nothing visible is not in the user's
directory at all (404), even though every official's name appears somewhere.
Within a visible person's page, memberships, representations and attendance
are limited to the same networks and meetings; the person's name forms and
organisation history are shown whole, as they say nothing about any network.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q
from django.http import Http404, HttpRequest

from samverka.meetings.models import Attendance, Meeting
from samverka.networks.models import Membership, Network, Representation
from samverka.people.models import Person, PersonQuerySet

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from samverka.accounts.models import User


def people_seen_by(user: User | AnonymousUser) -> PersonQuerySet:
    """Return the people the user may find in the directory."""
    if not user.is_authenticated:
        return Person.objects.none()
    networks = Network.objects.visible_to(user)
    seen = (
        Q(pk__in=Membership.objects.filter(network__in=networks).values("person"))
        | Q(pk__in=Representation.objects.filter(network__in=networks).values("person"))
        | Q(
            pk__in=Attendance.objects.filter(meeting__in=Meeting.objects.visible_to(user)).values(
                "person"
            )
        )
        | Q(user=user)
    )
    return Person.objects.filter(seen)


def get_person_for_user(request: HttpRequest, pk: int) -> Person:
    person = people_seen_by(request.user).filter(pk=pk).first()
    if person is None:
        raise Http404
    return person
