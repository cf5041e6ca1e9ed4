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
from samverka.assignments.models import Assignment
from samverka.assignments.services import assignment_complete, assignment_create
from samverka.meetings.services import agenda_item_add

URL = reverse("assignments:list")


def give(network: Any, text: str, days: int | None = None, **assignee: Any) -> Assignment:
    due = timezone.localdate() + datetime.timedelta(days=days) if days is not None else None
    return assignment_create(network=network, text=text, due_date=due, **assignee)


def test_it_lists_open_assignments_alice_may_see_overdue_first(
    client: Client, alice: User, a_objects: dict[str, Any], b_objects: dict[str, Any]
) -> None:
    network = a_objects["Network"]
    give(network, "Boka lokal", days=20, person=alice.person)
    give(network, "Skicka inbjudan", days=-3, person=alice.person)
    done = give(network, "Redan klart", person=alice.person)
    assignment_complete(assignment=done)
    client.force_login(alice)
    html = client.get(URL).content.decode()
    assert html.index("Skicka inbjudan") < html.index("Boka lokal")
    assert a_objects["Assignment"].text in html
    assert "Redan klart" not in html
    assert b_objects["Assignment"].text not in html


def test_it_keeps_showing_open_assignments_on_later_pages(
    client: Client, alice: User, a_objects: dict[str, Any]
) -> None:
    done = give(a_objects["Network"], "Redan klart", person=alice.person)
    assignment_complete(assignment=done)
    client.force_login(alice)
    assert "Redan klart" not in client.get(URL, {"sida": "1"}).content.decode()
    assert "Redan klart" in client.get(URL, {"status": ""}).content.decode()


def test_it_filters_by_assignee_municipality_status_and_overdue(
    client: Client, alice: User, coordinator_a: User, a_objects: dict[str, Any]
) -> None:
    network = a_objects["Network"]
    give(network, "Cecilias uppdrag", person=coordinator_a.person)
    give(network, "Bjuvs uppdrag", days=-1, organisation=testing.organisation("Bjuv"))
    client.force_login(alice)

    def shown(**query: Any) -> str:
        return client.get(URL, {"status": "open", **query}).content.decode()

    html = shown(assignee=coordinator_a.person.pk)
    assert "Cecilias uppdrag" in html and "Bjuvs uppdrag" not in html
    html = shown(municipality=testing.organisation("Höganäs").pk)  # Cecilia works there
    assert "Cecilias uppdrag" in html and "Bjuvs uppdrag" not in html
    html = shown(municipality=testing.organisation("Bjuv").pk)
    assert "Bjuvs uppdrag" in html and "Cecilias uppdrag" not in html
    html = shown(overdue="on")
    assert "Bjuvs uppdrag" in html and "Cecilias uppdrag" not in html
    html = shown(network=network.slug, status="done")
    assert "Cecilias uppdrag" not in html


def test_it_lets_alice_mark_her_own_done_from_the_list_and_return_to_it(
    client: Client, alice: User, coordinator_a: User, a_objects: dict[str, Any]
) -> None:
    theirs = give(a_objects["Network"], "Cecilias uppdrag", person=coordinator_a.person)
    mine = a_objects["Assignment"]
    client.force_login(alice)
    html = client.get(URL).content.decode()
    assert reverse("assignments:update_status", kwargs={"pk": mine.pk}) in html
    assert reverse("assignments:update_status", kwargs={"pk": theirs.pk}) not in html
    url = reverse("assignments:update_status", kwargs={"pk": mine.pk})
    data = {"status": "done", "done_note": "Underlaget skickat", "next": URL + "?status=open"}
    response = client.post(url, data)
    assert response.status_code == 302
    assert response["Location"] == URL + "?status=open"
    mine.refresh_from_db()
    assert (mine.status, mine.done_note) == ("done", "Underlaget skickat")


def test_it_returns_nowhere_outside_the_site(
    client: Client, alice: User, a_objects: dict[str, Any]
) -> None:
    mine = a_objects["Assignment"]
    client.force_login(alice)
    url = reverse("assignments:update_status", kwargs={"pk": mine.pk})
    response = client.post(url, {"status": "done", "next": "https://example.com/"})
    assert not response["Location"].startswith("https://example.com")


def test_it_shows_a_coordinator_the_form_on_any_assignment_of_the_network(
    client: Client, coordinator_a: User, a_objects: dict[str, Any]
) -> None:
    client.force_login(coordinator_a)
    html = client.get(URL).content.decode()
    pk = a_objects["Assignment"].pk
    assert reverse("assignments:update_status", kwargs={"pk": pk}) in html


def test_it_links_where_an_assignment_was_reported_back(
    client: Client, alice: User, a_objects: dict[str, Any]
) -> None:
    later = testing.make_meeting(a_objects["Network"], days_from_today=-1)
    item = agenda_item_add(meeting=later, title="Återrapport underlag")
    assignment_complete(assignment=a_objects["Assignment"], reported_back_item=item)
    client.force_login(alice)
    html = client.get(URL, {"status": "done"}).content.decode()
    assert f"{later.get_absolute_url()}#item-{item.pk}" in html


def test_it_answers_htmx_with_the_list_alone(
    client: Client, alice: User, a_objects: dict[str, Any]
) -> None:
    client.force_login(alice)
    html = client.get(URL, {"status": "open"}, headers={"HX-Request": "true"}).content.decode()
    assert a_objects["Assignment"].text in html
    assert "<html" not in html


def queries_for(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_it_needs_as_many_queries_for_fifty_meetings_as_for_one(
    client: Client, alice: User, coordinator_a: User, a_objects: dict[str, Any]
) -> None:
    network = a_objects["Network"]
    give(network, "Försenat", days=-2, person=alice.person)  # so both lists show something
    client.force_login(alice)
    one = queries_for(client, URL), queries_for(client, URL + "?overdue=on&status=")
    for n in range(49):
        meeting = testing.make_meeting(network, days_from_today=-7 * n - 20)
        item = agenda_item_add(meeting=meeting, title=f"Punkt {n}")
        person = alice.person if n % 2 else coordinator_a.person
        assignment_create(network=network, text=f"Uppdrag {n}", person=person, item=item)
        give(network, f"Kommunens uppdrag {n}", days=-n, organisation=testing.organisation("Bjuv"))
    assert (queries_for(client, URL), queries_for(client, URL + "?overdue=on&status=")) == one
