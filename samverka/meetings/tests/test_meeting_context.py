"""The meeting page around the minutes: who was missing, previous and next meeting."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from samverka import testing
from samverka.accounts.models import User
from samverka.meetings.models import Meeting


def test_it_names_member_municipalities_nobody_came_from(
    client: Client, alice: User, coordinator_a: User, a_objects: dict[str, Any]
) -> None:
    meeting = a_objects["Meeting"]  # Alice of Helsingborg was there, Cecilia of Höganäs not
    network = a_objects["Network"]
    network.organisations.add(testing.organisation("Bjuv"))
    client.force_login(alice)
    html = client.get(meeting.get_absolute_url()).content.decode()
    missing = html.split('class="not-represented"', 1)[1].split("</p>", 1)[0]
    assert "Bjuv" in missing
    assert "Höganäs" in missing
    assert "Helsingborg" not in missing


def test_it_links_the_previous_and_next_meeting(
    client: Client, alice: User, a_objects: dict[str, Any]
) -> None:
    meeting = a_objects["Meeting"]
    earlier = testing.make_meeting(meeting.network, days_from_today=-60)
    later = testing.make_meeting(meeting.network, days_from_today=30)
    testing.make_meeting(meeting.network, days_from_today=90)
    client.force_login(alice)
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert f'href="{earlier.get_absolute_url()}" rel="prev"' in html
    assert f'href="{later.get_absolute_url()}" rel="next"' in html


def test_it_shows_a_guest_no_way_to_meetings_they_were_not_invited_to(
    client: Client, guest_a: User, meeting_a: Meeting
) -> None:
    other = testing.make_meeting(meeting_a.network, days_from_today=30)
    client.force_login(guest_a)
    html = client.get(meeting_a.get_absolute_url()).content.decode()
    assert other.get_absolute_url() not in html


def queries_for(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_it_needs_as_many_queries_with_fifty_meetings_as_with_one(
    client: Client, alice: User, a_objects: dict[str, Any]
) -> None:
    meeting = a_objects["Meeting"]
    client.force_login(alice)
    url = meeting.get_absolute_url()
    one = queries_for(client, url)
    for n in range(49):
        testing.make_meeting(meeting.network, days_from_today=n * 7 - 200)
    assert queries_for(client, url) == one
