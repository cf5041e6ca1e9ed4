"""No overview page's number of queries grows with the data: 1 meeting and 50."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samverka import testing
from samverka.accounts.models import User
from samverka.assignments.services import assignment_create
from samverka.meetings.models import AgendaItem, Attendance
from samverka.meetings.services import agenda_item_add, attendance_set, status_report_add
from samverka.networks.models import Network
from samverka.networks.services import network_create, representation_add
from samverka.people.models import Person


def pages(a: dict[str, Any], alice: User) -> list[str]:
    network = a["Network"]
    organisation = a["StatusReport"].organisation_id
    return [
        network.get_absolute_url(),
        reverse("networks:situation", kwargs={"slug": network.slug}),
        reverse("networks:attendance", kwargs={"slug": network.slug}),
        reverse("network_map"),
        reverse("people:directory"),
        reverse("people:detail", kwargs={"pk": alice.person.pk}),
        reverse("organisations:detail", kwargs={"pk": organisation}),
        reverse("municipality_situation", kwargs={"pk": organisation}),
    ]


def grow(network: Network, people: list[Person], meetings: int) -> None:
    """Add meetings with attendance, reports, carried-over items and assignments;
    sub-networks, members and representations alongside."""
    for number in range(meetings):
        meeting = testing.make_meeting(network, days_from_today=-2 - 30 * number)
        for person in people:
            attendance_set(meeting=meeting, person=person, status=Attendance.Status.PRESENT)
        organisation = people[number % len(people)].organisation_on()
        assert organisation is not None
        status_report_add(meeting=meeting, organisation=organisation, text=f"Läget {number}")
        item = agenda_item_add(
            meeting=meeting, title=f"Punkt {number}", outcome=AgendaItem.Outcome.CARRIED_OVER
        )
        assignment_create(network=network, text=f"Uppdrag {number}", person=people[0], item=item)
    for number in range(meetings // 10):
        child = network_create(name=f"Under {number}", slug=f"under-{number}", parent=network)
        person = testing.make_person(f"Ny {number}", f"ny{number}@example.se", "Bjuv")
        testing.make_member(network, person)
        testing.make_member(child, person)
        representation_add(network=child, person=person, body=testing.organisation("Medelpunkten"))


def count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200, url
    return len(context.captured_queries)


@pytest.mark.parametrize("page", range(8))
def test_it_needs_as_many_queries_for_fifty_meetings_as_for_one(
    client: Client,
    alice: User,
    coordinator_a: User,
    a_objects: dict[str, Any],
    page: int,
    django_assert_num_queries: Any,
) -> None:
    client.force_login(alice)
    url = pages(a_objects, alice)[page]
    client.get(url)  # warm the session and content-type caches
    one = count(client, url)
    people = [alice.person, coordinator_a.person]
    grow(a_objects["Network"], people, 49)
    with django_assert_num_queries(one):
        assert client.get(url).status_code == 200
