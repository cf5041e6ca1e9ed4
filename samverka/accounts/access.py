"""The one access layer: who may do what in which network.

A user's role in a network:

- site admin: an active staff user (the secretariat); may do everything everywhere.
- coordinator: a current membership as planeringsledare/processledare, or one
  marked `is_coordinator` (e.g. a chair who runs the network's pages).
- member: any other current membership (ordförande, vice ordförande, ledamot, adjungerad).
- guest: no current membership, but invited to at least one of the network's
  meetings (an Attendance with status guest). A guest sees only those meetings.

Views open with `get_<object>_for_user(request, …, action=…)`, which return the
object or raise Http404, for GET and POST alike, so that nobody learns whether
an object outside their networks exists. Lists, search, feeds, exports and the
API use the models' `visible_to(user)` querysets, which agree with this table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.http import Http404, HttpRequest

from samverka.accounts.models import is_site_admin
from samverka.assignments.models import Assignment
from samverka.documents.models import Document, SourceDocument
from samverka.meetings.models import Meeting
from samverka.networks.models import Membership, Network
from samverka.people.models import Person

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from samverka.accounts.models import User


class Role(models.TextChoices):
    SITE_ADMIN = "site_admin", "site admin"
    COORDINATOR = "coordinator", "coordinator"
    MEMBER = "member", "member"
    GUEST = "guest", "guest"


class Action(models.TextChoices):
    VIEW_NETWORK = "view_network", "view the network, its members and all its meetings"
    VIEW_MEETING = "view_meeting", "view one meeting (a guest: only meetings invited to)"
    EDIT_NETWORK = "edit_network", "edit the network's name, purpose and visibility"
    EDIT_MEETING = "edit_meeting", "create and edit meetings, items, decisions, attendance"
    MANAGE_MEMBERS = "manage_members", "add, change and end memberships"
    INVITE = "invite", "invite a person to the network or a meeting by email"
    VIEW_DOCUMENTS = "view_documents", "view and download the network's documents"
    EDIT_DOCUMENTS = "edit_documents", "upload, change and remove documents"
    UPDATE_OWN_ASSIGNMENT = "update_own_assignment", "report back on one's own assignment"
    UPDATE_ANY_ASSIGNMENT = "update_any_assignment", "create and change any assignment"
    IMPORT_MINUTES = "import_minutes", "import minutes files into the network"
    VIEW_SOURCE_DOCUMENTS = "view_source_documents", "view imported original minutes"
    VIEW_HISTORY = "view_history", "view who changed what and when"
    VIEW_ADMIN = "view_admin", "use the Django admin"
    EXPORT_OWN_DATA = "export_own_data", "export one's own personal data as JSON"
    EXPORT_PERSON = "export_person", "export any person's data as JSON"
    DEACTIVATE_PERSON = "deactivate_person", "remove a person's login and contact details"


A = Action
_COORDINATOR_ACTIONS = frozenset(
    {
        A.VIEW_NETWORK,
        A.VIEW_MEETING,
        A.EDIT_NETWORK,
        A.EDIT_MEETING,
        A.MANAGE_MEMBERS,
        A.INVITE,
        A.VIEW_DOCUMENTS,
        A.EDIT_DOCUMENTS,
        A.UPDATE_OWN_ASSIGNMENT,
        A.UPDATE_ANY_ASSIGNMENT,
        A.IMPORT_MINUTES,
        A.VIEW_SOURCE_DOCUMENTS,
        A.VIEW_HISTORY,
        A.EXPORT_OWN_DATA,
    }
)
_MEMBER_ACTIONS = frozenset(
    {
        A.VIEW_NETWORK,
        A.VIEW_MEETING,
        A.VIEW_DOCUMENTS,
        A.UPDATE_OWN_ASSIGNMENT,
        A.VIEW_SOURCE_DOCUMENTS,
        A.VIEW_HISTORY,
        A.EXPORT_OWN_DATA,
    }
)
# Exporting one's own data is every person's right, not a network's grant.
_GUEST_ACTIONS = frozenset({A.VIEW_MEETING, A.EXPORT_OWN_DATA})

# Every action has a row: the roles allowed to take it. A new Action without a
# row fails samverka/accounts/tests/test_access_table.py.
PERMISSIONS: dict[Action, frozenset[Role]] = {
    action: frozenset(
        {Role.SITE_ADMIN}
        | ({Role.COORDINATOR} if action in _COORDINATOR_ACTIONS else set())
        | ({Role.MEMBER} if action in _MEMBER_ACTIONS else set())
        | ({Role.GUEST} if action in _GUEST_ACTIONS else set())
    )
    for action in Action
}


def role_for(user: User | AnonymousUser, network: Network) -> Role | None:
    """Return the user's role in the network, or None for no access at all."""
    if is_site_admin(user):
        return Role.SITE_ADMIN
    if not user.is_authenticated:
        return None
    memberships = Membership.objects.current().of_user(user).filter(network=network)
    if memberships.coordinators().exists():
        return Role.COORDINATOR
    if memberships.exists():
        return Role.MEMBER
    if Meeting.objects.guest_of(user).filter(network=network).exists():
        return Role.GUEST
    return None


def allows(role: Role | None, action: Action) -> bool:
    return role is not None and role in PERMISSIONS[action]


def can(user: User | AnonymousUser, action: Action, network: Network) -> bool:
    return allows(role_for(user, network), action)


def can_view_meeting(user: User | AnonymousUser, meeting: Meeting) -> bool:
    """A guest's VIEW_MEETING covers only the meetings the guest was invited to."""
    role = role_for(user, meeting.network)
    if role == Role.GUEST:
        return Meeting.objects.guest_of(user).filter(pk=meeting.pk).exists()
    return allows(role, Action.VIEW_MEETING)


def can_on_meeting(user: User | AnonymousUser, action: Action, meeting: Meeting) -> bool:
    if action == Action.VIEW_MEETING:
        return can_view_meeting(user, meeting)
    return can_view_meeting(user, meeting) and can(user, action, meeting.network)


def can_update_assignment(user: User | AnonymousUser, assignment: Assignment) -> bool:
    if can(user, Action.UPDATE_ANY_ASSIGNMENT, assignment.network):
        return True
    return can(user, Action.UPDATE_OWN_ASSIGNMENT, assignment.network) and (
        assignment.is_assigned_to(user)
    )


# --- view helpers: return the object or raise Http404 ------------------------


def get_network_for_user(
    request: HttpRequest, slug: str, action: Action = Action.VIEW_NETWORK
) -> Network:
    network = Network.objects.filter(slug=slug).first()
    if network is None or not can(request.user, action, network):
        raise Http404
    return network


def get_meeting_for_user(
    request: HttpRequest, pk: int, action: Action = Action.VIEW_MEETING
) -> Meeting:
    meeting = Meeting.objects.select_related("network").filter(pk=pk).first()
    if meeting is None or not can_on_meeting(request.user, action, meeting):
        raise Http404
    return meeting


def get_assignment_for_user(
    request: HttpRequest, pk: int, action: Action = Action.VIEW_MEETING
) -> Assignment:
    """Viewing needs the network, or a guest's meeting that gave the assignment;
    UPDATE_OWN_ASSIGNMENT also needs the user to answer for it."""
    assignment = (
        Assignment.objects.visible_to(request.user)
        .select_related("network", "meeting")
        .filter(pk=pk)
        .first()
    )
    if assignment is None:
        raise Http404
    if action == Action.UPDATE_OWN_ASSIGNMENT:
        allowed = can_update_assignment(request.user, assignment)
    elif action == Action.VIEW_MEETING and assignment.meeting is not None:
        allowed = can_view_meeting(request.user, assignment.meeting)
    else:
        allowed = can(request.user, action, assignment.network)
    if not allowed:
        raise Http404
    return assignment


def get_document_for_user(
    request: HttpRequest, pk: int, action: Action = Action.VIEW_DOCUMENTS
) -> Document:
    """A guest may view a document attached to a meeting (or item) they were invited to."""
    document = (
        Document.objects.visible_to(request.user)
        .select_related("network", "meeting", "item__meeting")
        .filter(pk=pk)
        .first()
    )
    if document is None or not _can_on_document(request.user, action, document):
        raise Http404
    return document


def _can_on_document(user: User | AnonymousUser, action: Action, document: Document) -> bool:
    if can(user, action, document.network):
        return True
    meeting = document.meeting or (document.item.meeting if document.item else None)
    return (
        action == Action.VIEW_DOCUMENTS and meeting is not None and can_view_meeting(user, meeting)
    )


def get_source_document_for_user(
    request: HttpRequest, pk: int, action: Action = Action.VIEW_SOURCE_DOCUMENTS
) -> SourceDocument:
    source = SourceDocument.objects.select_related("network").filter(pk=pk).first()
    if source is None or not can(request.user, action, source.network):
        raise Http404
    return source


# --- people: not bound to one network -----------------------------------------


def can_on_person(user: User | AnonymousUser, action: Action, person: Person) -> bool:
    """A person belongs to no single network: a site admin's role applies, and
    anyone logged in may export their own data."""
    if is_site_admin(user):
        return allows(Role.SITE_ADMIN, action)
    own = user.is_authenticated and person.user_id == user.pk
    return own and action == Action.EXPORT_OWN_DATA


def get_person_for_user(
    request: HttpRequest, pk: int, action: Action = Action.EXPORT_PERSON
) -> Person:
    person = Person.objects.select_related("user").filter(pk=pk).first()
    if person is None or not can_on_person(request.user, action, person):
        raise Http404
    return person
