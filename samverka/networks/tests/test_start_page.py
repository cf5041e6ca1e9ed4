from __future__ import annotations

import datetime
from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samverka import testing
from samverka.accounts.models import User
from samverka.assignments.services import assignment_create
from samverka.imports.models import ReviewEntry
from samverka.meetings.models import AgendaItem
from samverka.meetings.services import agenda_item_add, decision_add

URL = reverse("start")


def test_it_puts_alices_overdue_assignments_first(
    client: Client, alice: User, a_objects: dict[str, Any]
) -> None:
    today = timezone.localdate()
    network = a_objects["Network"]
    person = alice.person
    late = datetime.timedelta(days=5)
    assignment_create(network=network, text="Senare", person=person, due_date=today + late)
    assignment_create(network=network, text="Försenat", person=person, due_date=today - late)
    client.force_login(alice)
    html = client.get(URL).content.decode()
    assert html.index("Försenat") < html.index("Senare")
    assert "overdue" in html.split("Försenat")[0].rsplit("<li", 1)[1]


def test_it_shows_the_latest_decisions_of_alices_networks_only(
    client: Client, alice: User, a_objects: dict[str, Any], b_objects: dict[str, Any]
) -> None:
    client.force_login(alice)
    html = client.get(URL).content.decode()
    assert a_objects["Decision"].text in html
    assert b_objects["Decision"].text not in html


def test_it_shows_alices_carried_over_items_until_they_are_taken_up(
    client: Client, alice: User, a_objects: dict[str, Any]
) -> None:
    meeting = a_objects["Meeting"]
    item = agenda_item_add(
        meeting=meeting,
        title="Hemlöshet bland unga",
        raised_by=alice.person,
        outcome=AgendaItem.Outcome.CARRIED_OVER,
    )
    link = f"{meeting.get_absolute_url()}#item-{item.pk}"
    client.force_login(alice)
    assert link in client.get(URL).content.decode()
    later = testing.make_meeting(meeting.network, days_from_today=-1)
    agenda_item_add(meeting=later, title="Hemlöshet bland unga", carried_from=item)
    assert link not in client.get(URL).content.decode()


def test_it_tells_a_coordinator_what_waits_for_review(
    client: Client, alice: User, coordinator_a: User, a_objects: dict[str, Any]
) -> None:
    ReviewEntry.objects.create(
        network=a_objects["Network"], kind=ReviewEntry.Kind.WARNING, message="Okänt datum"
    )
    review = reverse("imports:review", kwargs={"slug": a_objects["Network"].slug})
    client.force_login(coordinator_a)
    assert review in client.get(URL).content.decode()
    client.force_login(alice)
    assert review not in client.get(URL).content.decode()


def queries_for(client: Client) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(URL).status_code == 200
    return len(context.captured_queries)


def test_it_needs_as_many_queries_for_fifty_meetings_as_for_one(
    client: Client, coordinator_a: User, a_objects: dict[str, Any]
) -> None:
    network = a_objects["Network"]
    person = coordinator_a.person
    client.force_login(coordinator_a)
    one = queries_for(client)
    for n in range(49):
        meeting = testing.make_meeting(network, days_from_today=n - 25)
        item = agenda_item_add(
            meeting=meeting,
            title=f"Punkt {n}",
            raised_by=person,
            outcome=AgendaItem.Outcome.CARRIED_OVER,
        )
        decision_add(meeting=meeting, item=item, text=f"att besluta {n}")
        assignment_create(network=network, text=f"Uppdrag {n}", person=person, item=item)
        ReviewEntry.objects.create(network=network, kind=ReviewEntry.Kind.WARNING, message="?")
    assert queries_for(client) == one
