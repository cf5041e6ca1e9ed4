from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.test import RequestFactory

from samverka.accounts.access import (
    Action,
    Role,
    can,
    get_assignment_for_user,
    get_document_for_user,
    get_meeting_for_user,
    get_network_for_user,
    get_source_document_for_user,
    role_for,
)
from samverka.accounts.models import User
from samverka.meetings.models import Meeting
from samverka.networks.models import Network
from samverka.networks.services import membership_end


def request_as(user: User | AnonymousUser, method: str = "get") -> Any:
    request = getattr(RequestFactory(), method)("/")
    request.user = user
    return request


def test_it_gives_each_persona_its_role(
    network_a: Network,
    alice: User,
    coordinator_a: User,
    bob: User,
    guest_a: User,
    site_admin: User,
    anonymous: AnonymousUser,
) -> None:
    assert role_for(alice, network_a) == Role.MEMBER
    assert role_for(coordinator_a, network_a) == Role.COORDINATOR
    assert role_for(bob, network_a) is None
    assert role_for(guest_a, network_a) == Role.GUEST
    assert role_for(site_admin, network_a) == Role.SITE_ADMIN
    assert role_for(anonymous, network_a) is None


def test_it_makes_a_chair_marked_coordinator_a_coordinator(network_a: Network, alice: User) -> None:
    alice.person.memberships.update(is_coordinator=True)
    assert role_for(alice, network_a) == Role.COORDINATOR


def test_it_drops_the_role_when_the_membership_ends(network_a: Network, alice: User) -> None:
    membership_end(membership=alice.person.memberships.get())
    # The last day still counts; the access ends the day after.
    assert role_for(alice, network_a) == Role.MEMBER
    alice.person.memberships.update(end_date="2021-01-01")
    assert role_for(alice, network_a) is None


def test_it_lets_members_read_and_coordinators_edit(
    network_a: Network, alice: User, coordinator_a: User
) -> None:
    assert can(alice, Action.VIEW_NETWORK, network_a)
    assert not can(alice, Action.EDIT_MEETING, network_a)
    assert can(coordinator_a, Action.EDIT_MEETING, network_a)


def test_it_returns_the_objects_of_ones_own_network(alice: User, a_objects: dict[str, Any]) -> None:
    request = request_as(alice)
    assert get_network_for_user(request, "natverk-a") == a_objects["Network"]
    assert get_meeting_for_user(request, a_objects["Meeting"].pk) == a_objects["Meeting"]
    assignment = a_objects["Assignment"]
    assert get_assignment_for_user(request, assignment.pk) == assignment
    assert get_document_for_user(request, a_objects["Document"].pk) == a_objects["Document"]
    source = a_objects["SourceDocument"]
    assert get_source_document_for_user(request, source.pk) == source


@pytest.mark.parametrize("method", ["get", "post"])
def test_it_gives_404_for_everything_of_another_network(
    alice: User, b_objects: dict[str, Any], method: str
) -> None:
    request = request_as(alice, method)
    with pytest.raises(Http404):
        get_network_for_user(request, "natverk-b")
    for model, getter in [
        ("Meeting", get_meeting_for_user),
        ("Assignment", get_assignment_for_user),
        ("Document", get_document_for_user),
        ("SourceDocument", get_source_document_for_user),
    ]:
        with pytest.raises(Http404):
            getter(request, b_objects[model].pk)


def test_it_gives_404_to_an_anonymous_visitor(b_objects: dict[str, Any]) -> None:
    with pytest.raises(Http404):
        get_meeting_for_user(request_as(AnonymousUser()), b_objects["Meeting"].pk)


def test_it_gives_404_for_a_missing_object(alice: User) -> None:
    with pytest.raises(Http404):
        get_meeting_for_user(request_as(alice), 999_999)


def test_it_refuses_a_member_an_edit_with_404(alice: User, a_objects: dict[str, Any]) -> None:
    with pytest.raises(Http404):
        get_meeting_for_user(request_as(alice), a_objects["Meeting"].pk, Action.EDIT_MEETING)


def test_it_shows_a_guest_only_the_meeting_invited_to(
    guest_a: User, meeting_a: Meeting, a_objects: dict[str, Any]
) -> None:
    request = request_as(guest_a)
    assert get_meeting_for_user(request, meeting_a.pk) == meeting_a
    with pytest.raises(Http404):
        get_meeting_for_user(request, a_objects["Meeting"].pk)
    with pytest.raises(Http404):
        get_network_for_user(request, "natverk-a")
    with pytest.raises(Http404):
        get_meeting_for_user(request, meeting_a.pk, Action.EDIT_MEETING)


def test_it_lets_a_member_update_only_their_own_assignment(
    alice: User, coordinator_a: User, a_objects: dict[str, Any]
) -> None:
    assignment = a_objects["Assignment"]  # given to Alice
    own = Action.UPDATE_OWN_ASSIGNMENT
    assert get_assignment_for_user(request_as(alice), assignment.pk, own) == assignment
    assignment.assignee_person = coordinator_a.person
    assignment.save()
    with pytest.raises(Http404):
        get_assignment_for_user(request_as(alice), assignment.pk, own)
    assert get_assignment_for_user(request_as(coordinator_a), assignment.pk, own)


def test_it_lets_a_site_admin_see_everything(site_admin: User, b_objects: dict[str, Any]) -> None:
    request = request_as(site_admin)
    assert get_network_for_user(request, "natverk-b", Action.EDIT_NETWORK)
    assert get_meeting_for_user(request, b_objects["Meeting"].pk, Action.EDIT_MEETING)
