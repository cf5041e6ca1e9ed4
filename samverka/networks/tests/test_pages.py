from __future__ import annotations

from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from samverka import testing
from samverka.accounts.models import User
from samverka.networks.models import Network
from samverka.networks.services import network_create


def queries_for(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_it_shows_my_networks_meetings_and_assignments(
    client: Client, alice: User, a_objects: dict[str, Any], b_objects: dict[str, Any]
) -> None:
    upcoming = testing.make_meeting(a_objects["Network"], days_from_today=10)
    client.force_login(alice)
    html = client.get("/").content.decode()
    assert "Nätverk A" in html
    assert "Nätverk B" not in html
    assert upcoming.get_absolute_url() in html
    assert a_objects["Assignment"].text in html
    assert b_objects["Assignment"].text not in html


def test_it_shows_a_network_with_members_and_meetings(
    client: Client, alice: User, coordinator_a: User, a_objects: dict[str, Any]
) -> None:
    network = a_objects["Network"]
    child = network_create(name="Undernätverk A1", slug="a1", parent=network)
    upcoming = testing.make_meeting(network, days_from_today=3)
    client.force_login(alice)
    html = client.get(network.get_absolute_url()).content.decode()
    assert network.purpose in html
    assert "Alice Andersson" in html and "Cecilia Carlsson" in html
    assert "Helsingborg" in html and "Höganäs" in html  # the municipalities they represent
    assert child.name in html
    assert upcoming.get_absolute_url() in html
    assert a_objects["Meeting"].get_absolute_url() in html  # a past meeting
    assert "bjud-in" not in html  # members do not invite


def test_it_offers_invitations_to_coordinators(
    client: Client, coordinator_a: User, network_a: Network
) -> None:
    client.force_login(coordinator_a)
    assert "bjud-in" in client.get(network_a.get_absolute_url()).content.decode()


def test_it_keeps_a_guest_off_the_network_page(
    client: Client, guest_a: User, network_a: Network
) -> None:
    client.force_login(guest_a)
    assert client.get(network_a.get_absolute_url()).status_code == 404


def test_it_needs_as_many_queries_for_ten_meetings_as_for_one(
    client: Client, alice: User, network_a: Network
) -> None:
    testing.make_meeting(network_a, days_from_today=5)
    testing.make_meeting(network_a, days_from_today=-5)
    client.force_login(alice)
    url = network_a.get_absolute_url()
    client.get(url)  # warm the session and content-type caches
    few = queries_for(client, url)
    for days in range(1, 10):
        testing.make_meeting(network_a, days_from_today=days * 7)
        testing.make_meeting(network_a, days_from_today=-days * 7)
        person = testing.make_person(f"Person {days}", f"p{days}@example.se", "Bjuv")
        testing.make_member(network_a, person)
    assert queries_for(client, url) == few


def test_it_needs_as_many_queries_on_the_start_page_for_ten_meetings_as_for_one(
    client: Client, alice: User, a_objects: dict[str, Any]
) -> None:
    network = a_objects["Network"]
    testing.make_meeting(network, days_from_today=5)
    client.force_login(alice)
    client.get("/")
    few = queries_for(client, "/")
    for days in range(1, 10):
        testing.make_meeting(network, days_from_today=days)
        other = testing.make_network(f"Nätverk {days}", f"n{days}")
        testing.make_member(other, alice.person)
    assert queries_for(client, "/") == few


def test_it_shows_the_secretariat_every_network(
    client: Client, site_admin: User, a_objects: dict[str, Any], b_objects: dict[str, Any]
) -> None:
    client.force_login(site_admin)
    html = client.get("/").content.decode()
    assert "Nätverk A" in html and "Nätverk B" in html
    assert client.get(b_objects["Network"].get_absolute_url()).status_code == 200
    assert client.get(b_objects["Meeting"].get_absolute_url()).status_code == 200
    assert 'href="/admin/"' in html


def test_it_sends_anonymous_visitors_from_the_start_page_to_login(client: Client, db: None) -> None:
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")
