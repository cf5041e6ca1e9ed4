from __future__ import annotations

import datetime
from typing import Any

import icalendar
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samverka import testing
from samverka.accounts.models import User
from samverka.calendars.services import calendar_key_regenerate
from samverka.calendars.tokens import token_for
from samverka.meetings.models import Meeting
from samverka.meetings.services import meeting_update


def feed_url(user: User) -> str:
    return reverse("calendars:feed", kwargs={"token": token_for(user)})


def events(client: Client, url: str) -> dict[str, Any]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_it_lists_the_meetings_alice_may_see_and_no_others(
    client: Client, alice: User, a_objects: dict[str, Any], b_objects: dict[str, Any]
) -> None:
    found = events(client, feed_url(alice))
    mine, theirs = a_objects["Meeting"], b_objects["Meeting"]
    assert f"meeting-{mine.pk}@samverka" in found
    assert f"meeting-{theirs.pk}@samverka" not in found
    event = found[f"meeting-{mine.pk}@samverka"]
    assert str(event["SUMMARY"]) == "Nätverk A"
    assert event.decoded("DTSTART") == mine.starts_at
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["URL"]).endswith(mine.get_absolute_url())


def test_it_updates_a_moved_meeting_instead_of_adding_it_twice(
    client: Client, alice: User, meeting_a: Meeting
) -> None:
    uid = f"meeting-{meeting_a.pk}@samverka"
    before = events(client, feed_url(alice))[uid]
    moved = meeting_update(
        meeting=meeting_a,
        version=meeting_a.version,
        date=meeting_a.date + datetime.timedelta(days=2),
        place="Höganäs, Litteraturvägen 10",
    )
    after_all = events(client, feed_url(alice))
    after = after_all[uid]
    assert len(after_all) == 1
    assert after["SEQUENCE"] == before["SEQUENCE"] + 1
    assert after.decoded("DTSTART") == moved.starts_at
    assert str(after["LOCATION"]) == "Höganäs, Litteraturvägen 10"
    assert after.decoded("LAST-MODIFIED") >= before.decoded("LAST-MODIFIED")


def test_it_marks_a_cancelled_meeting_cancelled(
    client: Client, alice: User, meeting_a: Meeting
) -> None:
    meeting_update(meeting=meeting_a, version=meeting_a.version, status=Meeting.Status.CANCELLED)
    event = events(client, feed_url(alice))[f"meeting-{meeting_a.pk}@samverka"]
    assert str(event["STATUS"]) == "CANCELLED"


def test_it_gives_a_guest_the_meeting_they_were_invited_to(
    client: Client, guest_a: User, meeting_a: Meeting
) -> None:
    assert list(events(client, feed_url(guest_a))) == [f"meeting-{meeting_a.pk}@samverka"]


def test_it_gives_a_network_feed_to_members_only(
    client: Client, alice: User, meeting_a: Meeting, b_objects: dict[str, Any]
) -> None:
    token = token_for(alice)
    url = reverse("calendars:network_feed", kwargs={"token": token, "slug": "natverk-a"})
    assert list(events(client, url)) == [f"meeting-{meeting_a.pk}@samverka"]
    other = reverse("calendars:network_feed", kwargs={"token": token, "slug": "natverk-b"})
    assert client.get(other).status_code == 404


def test_it_answers_404_to_a_wrong_token(client: Client, alice: User) -> None:
    token = token_for(alice)
    for wrong in [token[:-1] + ("0" if token[-1] != "0" else "1"), "1-abc", "x-" + "0" * 32]:
        assert client.get(reverse("calendars:feed", kwargs={"token": wrong})).status_code == 404


def test_it_answers_404_to_someone_elses_token_in_a_logged_in_browser(
    client: Client, alice: User, bob: User
) -> None:
    client.force_login(alice)
    assert client.get(feed_url(bob)).status_code == 404
    assert client.get(feed_url(alice)).status_code == 200


def test_it_stops_the_old_link_when_the_user_replaces_it(client: Client, alice: User) -> None:
    old = feed_url(alice)
    client.force_login(alice)
    page = client.get(reverse("calendars:subscribe")).content.decode()
    assert old in page
    response = client.post(reverse("calendars:regenerate", kwargs={"token": token_for(alice)}))
    assert response.status_code == 302
    assert feed_url(alice) != old
    assert client.get(old).status_code == 404
    assert client.get(feed_url(alice)).status_code == 200


def test_it_refuses_to_replace_with_a_stale_token(client: Client, alice: User) -> None:
    stale = token_for(alice)
    calendar_key_regenerate(user=alice)
    client.force_login(alice)
    response = client.post(reverse("calendars:regenerate", kwargs={"token": stale}))
    assert response.status_code == 404


def test_it_keeps_a_deactivated_user_out(client: Client, alice: User) -> None:
    url = feed_url(alice)
    alice.is_active = False
    alice.save()
    assert client.get(url).status_code == 404


def count_queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_it_needs_as_many_queries_for_fifty_meetings_as_for_one(
    client: Client, alice: User, meeting_a: Meeting
) -> None:
    url = feed_url(alice)
    client.force_login(alice)
    page = reverse("calendars:subscribe")
    one = count_queries(client, url), count_queries(client, page)
    for n in range(49):
        testing.make_meeting(meeting_a.network, days_from_today=n - 20)
        testing.make_member(testing.make_network(f"Nätverk {n}", f"natverk-{n}"), alice.person)
    assert (count_queries(client, url), count_queries(client, page)) == one
