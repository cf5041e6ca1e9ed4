from __future__ import annotations

from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samverka import testing
from samverka.accounts.models import User
from samverka.meetings.services import agenda_item_add, decision_add

URL = reverse("meetings:decisions")


def test_it_lists_every_decision_alice_may_see_with_its_meeting_and_item(
    client: Client, alice: User, a_objects: dict[str, Any], b_objects: dict[str, Any]
) -> None:
    client.force_login(alice)
    html = client.get(URL).content.decode()
    assert a_objects["Decision"].text in html
    assert a_objects["AgendaItem"].title in html
    assert a_objects["Meeting"].get_absolute_url() in html
    assert b_objects["Decision"].text not in html


def test_it_filters_by_network_year_and_text(
    client: Client, alice: User, a_objects: dict[str, Any]
) -> None:
    network = a_objects["Network"]
    old = testing.make_meeting(network, days_from_today=-800)
    decision_add(meeting=old, text="att anta riktlinjerna för ekonomiskt bistånd")
    client.force_login(alice)
    year = old.date.year
    html = client.get(URL, {"year": year}).content.decode()
    assert "ekonomiskt bistånd" in html
    assert a_objects["Decision"].text not in html
    html = client.get(URL, {"q": "EKONOMISKT", "network": network.slug}).content.decode()
    assert "ekonomiskt bistånd" in html
    assert a_objects["Decision"].text not in html


def test_it_offers_no_network_of_others_as_a_filter(
    client: Client, alice: User, a_objects: dict[str, Any], b_objects: dict[str, Any]
) -> None:
    client.force_login(alice)
    html = client.get(URL, {"network": b_objects["Network"].slug}).content.decode()
    assert b_objects["Network"].name not in html
    assert b_objects["Decision"].text not in html


def test_it_answers_htmx_with_the_list_alone(
    client: Client, alice: User, a_objects: dict[str, Any]
) -> None:
    client.force_login(alice)
    response = client.get(URL, {"q": "notera"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert a_objects["Decision"].text in html
    assert "<html" not in html


def queries_for(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_it_needs_as_many_queries_for_fifty_meetings_as_for_one(
    client: Client, alice: User, a_objects: dict[str, Any]
) -> None:
    client.force_login(alice)
    one = queries_for(client, URL), queries_for(client, URL + "?q=att")
    for n in range(49):
        meeting = testing.make_meeting(a_objects["Network"], days_from_today=-30 * n - 40)
        item = agenda_item_add(meeting=meeting, title=f"Punkt {n}")
        decision_add(meeting=meeting, item=item, text=f"att besluta {n}")
    assert (queries_for(client, URL), queries_for(client, URL + "?q=att")) == one
