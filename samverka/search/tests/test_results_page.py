"""The results page: Swedish, escaped, highlighted, filtered, paged, in place with htmx."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from samverka.accounts.models import User
from samverka.meetings.models import Meeting
from samverka.networks.models import Network
from samverka.search.backends import postgres
from samverka.search.tests.helpers import add_item, meeting_on

URL = "/sok/"


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_it_lives_at_sok() -> None:
    assert reverse("search:results") == URL


def test_it_sends_an_anonymous_visitor_to_the_login_page(client: Client) -> None:
    response = client.get(URL, {"q": "alfaord"})
    assert response.status_code == 302
    assert "/konto/login/" in response["Location"]


def test_it_shows_hits_with_marked_words_in_swedish(alice: User, a_objects: dict[str, Any]) -> None:
    response = client_for(alice).get(URL, {"q": "alfaord"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<mark>alfaord</mark>" in html
    assert "träffar" in html
    assert 'role="search"' in html


def test_it_escapes_what_was_written_before_marking_hits(alice: User, network_a: Network) -> None:
    add_item(meeting_on(network_a, datetime.date(2021, 1, 1)), "<script>alert(1)</script> jourhem")
    html = client_for(alice).get(URL, {"q": "jourhem"}).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <mark>jourhem</mark>" in html


def test_it_never_shows_the_planted_word_of_another_network(
    alice: User, b_objects: dict[str, Any]
) -> None:
    html = client_for(alice).get(URL, {"q": "betaord"}).content.decode()
    assert "betaord</mark>" not in html
    assert "0 träffar" in html


def test_it_filters_by_kind_and_date(alice: User, network_a: Network) -> None:
    old = meeting_on(network_a, datetime.date(2019, 5, 1))
    new = meeting_on(network_a, datetime.date(2022, 5, 1))
    add_item(old, "Barnahus förr")
    add_item(new, "Barnahus nu")
    client = client_for(alice)
    html = client.get(URL, {"q": "barnahus", "date_from": "2020-01-01"}).content.decode()
    assert "nu" in html and "förr" not in html
    html = client.get(URL, {"q": "barnahus", "kind": "decision"}).content.decode()
    assert "0 träffar" in html


def test_it_pages_through_many_hits(alice: User, meeting_a: Meeting) -> None:
    for number in range(25):
        add_item(meeting_a, f"Jourhem {number}")
    client = client_for(alice)
    first = client.get(URL, {"q": "jourhem"}).content.decode()
    assert "25 träffar" in first and "Sida 1 av 2" in first and 'rel="next"' in first
    second = client.get(URL, {"q": "jourhem", "page": "2"}).content.decode()
    assert second.count('class="card"') == 5


def test_it_answers_htmx_with_the_results_region_only(
    alice: User, a_objects: dict[str, Any]
) -> None:
    response = client_for(alice).get(URL, {"q": "alfaord"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="search-results"')
    assert "<html" not in html


def test_it_sorts_by_date_on_request(alice: User, network_a: Network) -> None:
    add_item(meeting_on(network_a, datetime.date(2019, 1, 1)), "Jourhem", notes="Äldst")
    add_item(meeting_on(network_a, datetime.date(2022, 1, 1)), "Övrigt", notes="jourhem nyast")
    html = client_for(alice).get(URL, {"q": "jourhem", "sort": "datum"}).content.decode()
    assert html.index("nyast") < html.index("Äldst")


def test_it_renders_the_search_box_partial(alice: User) -> None:
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    request = RequestFactory().get("/", {"q": "placering"})
    request.user = alice
    html = render_to_string("search/box.html", request=request)
    assert 'action="/sok/"' in html and 'value="placering"' in html


def test_it_puts_the_search_box_on_every_page(alice: User) -> None:
    html = client_for(alice).get("/").content.decode()
    assert 'id="search-box-q"' in html and 'action="/sok/"' in html


def test_it_says_more_than_when_a_site_admins_count_stops_early(
    site_admin: User, meeting_a: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    # PostgreSQL stops counting a site admin's matches some way past the page
    # (a common word has a quarter of a million); SQLite counts them all.
    monkeypatch.setattr(postgres, "COUNT_AHEAD", 3)
    for number in range(30):
        add_item(meeting_a, f"Jourhem {number}")
    client = client_for(site_admin)
    first = client.get(URL, {"q": "jourhem"}).content.decode()
    second = client.get(URL, {"q": "jourhem", "page": "2"}).content.decode()
    if connection.vendor == "postgresql":
        assert "Fler än 23 träffar" in first and "Sida 1<" in first and 'rel="next"' in first
        assert "Fler än" not in second and "30 träffar" in second  # page 2 reaches the end
    else:
        assert "30 träffar" in first and "Sida 1 av 2" in first
    assert second.count('class="card"') == 10
