from typing import Any

from django.contrib.auth.models import AnonymousUser

from samverka import testing
from samverka.accounts.models import User
from samverka.meetings.models import AgendaItem, Attendance, Decision, Meeting, StatusReport
from samverka.networks.models import Network


def test_it_lists_upcoming_meetings_soonest_first(network_a: Network) -> None:
    later = testing.make_meeting(network_a, days_from_today=30)
    sooner = testing.make_meeting(network_a, days_from_today=3)
    today = testing.make_meeting(network_a, days_from_today=0)
    testing.make_meeting(network_a, days_from_today=-3)
    assert list(Meeting.objects.upcoming()) == [today, sooner, later]


def test_it_leaves_cancelled_meetings_out_of_upcoming(network_a: Network) -> None:
    meeting = testing.make_meeting(network_a, days_from_today=3)
    meeting.status = Meeting.Status.CANCELLED
    meeting.save()
    assert not Meeting.objects.upcoming().exists()


def test_it_lists_past_meetings_latest_first(network_a: Network) -> None:
    older = testing.make_meeting(network_a, days_from_today=-30)
    newer = testing.make_meeting(network_a, days_from_today=-1)
    testing.make_meeting(network_a, days_from_today=1)
    assert list(Meeting.objects.past()) == [newer, older]


def test_it_filters_by_network(network_a: Network, network_b: Network) -> None:
    ours = testing.make_meeting(network_a, days_from_today=3)
    testing.make_meeting(network_b, days_from_today=3)
    assert list(Meeting.objects.upcoming().for_network(network_a)) == [ours]


def test_it_shows_members_only_their_networks_meetings(
    alice: User, bob: User, a_objects: dict[str, Any], b_objects: dict[str, Any]
) -> None:
    assert list(Meeting.objects.visible_to(alice)) == [a_objects["Meeting"]]
    assert list(Meeting.objects.visible_to(bob)) == [b_objects["Meeting"]]


def test_it_shows_a_guest_only_the_meeting_invited_to(
    guest_a: User, meeting_a: Meeting, a_objects: dict[str, Any]
) -> None:
    assert list(Meeting.objects.visible_to(guest_a)) == [meeting_a]


def test_it_shows_a_site_admin_every_meeting(
    site_admin: User, a_objects: dict[str, Any], b_objects: dict[str, Any]
) -> None:
    assert Meeting.objects.visible_to(site_admin).count() == 2


def test_it_shows_an_anonymous_visitor_nothing(
    a_objects: dict[str, Any], anonymous: AnonymousUser
) -> None:
    assert not Meeting.objects.visible_to(anonymous).exists()


def test_it_scopes_every_part_of_a_meeting_like_the_meeting(
    alice: User, a_objects: dict[str, Any], b_objects: dict[str, Any]
) -> None:
    for model in [Attendance, AgendaItem, Decision, StatusReport]:
        visible = set(model.objects.visible_to(alice))  # type: ignore[attr-defined]
        assert a_objects[model.__name__] in visible, model
        assert b_objects[model.__name__] not in visible, model


def test_it_gives_the_start_as_an_aware_time(meeting_a: Meeting) -> None:
    assert meeting_a.starts_at.tzinfo is not None
    assert meeting_a.starts_at.hour == 9
