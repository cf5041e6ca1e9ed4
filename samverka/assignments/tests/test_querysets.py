import datetime
from typing import Any

from django.utils import timezone

from samverka import testing
from samverka.accounts.models import User
from samverka.assignments.models import Assignment
from samverka.assignments.services import assignment_complete, assignment_create
from samverka.networks.models import Network


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def test_it_lists_open_assignments(a_objects: dict[str, Any]) -> None:
    assignment = a_objects["Assignment"]
    assert list(Assignment.objects.open()) == [assignment]
    assignment_complete(assignment=assignment, note="Klart")
    assert not Assignment.objects.open().exists()


def test_it_finds_assignments_past_their_due_date(network_a: Network, alice: User) -> None:
    late = assignment_create(network=network_a, text="Sent", person=alice.person, due_date=days(-1))
    assignment_create(network=network_a, text="I tid", person=alice.person, due_date=days(1))
    done = assignment_create(
        network=network_a, text="Gjort", person=alice.person, due_date=days(-1)
    )
    assignment_complete(assignment=done)
    assert list(Assignment.objects.overdue()) == [late]


def test_it_finds_next_meeting_assignments_once_a_later_meeting_has_passed(
    network_a: Network, alice: User
) -> None:
    given_at = testing.make_meeting(network_a, days_from_today=-30)
    assignment = assignment_create(
        network=network_a,
        text="Till nästa möte",
        person=alice.person,
        due_next_meeting=True,
        meeting=given_at,
    )
    testing.make_meeting(network_a, days_from_today=3)
    assert not Assignment.objects.overdue().exists()
    testing.make_meeting(network_a, days_from_today=-2)
    assert list(Assignment.objects.overdue()) == [assignment]


def test_it_shows_members_only_their_networks_assignments(
    alice: User, bob: User, guest_a: User, a_objects: dict[str, Any], b_objects: dict[str, Any]
) -> None:
    assert list(Assignment.objects.visible_to(alice)) == [a_objects["Assignment"]]
    assert list(Assignment.objects.visible_to(bob)) == [b_objects["Assignment"]]
    assert not Assignment.objects.visible_to(guest_a).exists()


def test_it_knows_whom_an_assignment_is_for(
    alice: User, coordinator_a: User, a_objects: dict[str, Any]
) -> None:
    assignment = a_objects["Assignment"]
    assert list(Assignment.objects.assigned_to(alice)) == [assignment]
    assert assignment.is_assigned_to(alice)
    assert not assignment.is_assigned_to(coordinator_a)
