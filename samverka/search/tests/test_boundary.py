"""Only what the user may see, decided inside the query (SECURITY.md's planted word)."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth.models import AnonymousUser

from samverka.accounts.models import User
from samverka.meetings.models import Meeting
from samverka.networks.models import Network
from samverka.search.backends import Filters, search
from samverka.search.tests.helpers import add_item, found, meeting_on


def test_it_gives_a_member_of_a_zero_hits_for_a_word_planted_in_b(
    alice: User, bob: User, a_objects: dict[str, Any], b_objects: dict[str, Any]
) -> None:
    assert found(alice, "betaord") == []
    assert search(alice, "betaord").total == 0
    assert len(found(bob, "betaord")) >= 6


def test_it_finds_every_kind_of_record_in_the_users_own_network(
    alice: User, a_objects: dict[str, Any]
) -> None:
    kinds = {kind for kind, _ in found(alice, "alfaord")}
    assert kinds == {
        "item",
        "decision",
        "assignment",
        "status_report",
        "document",
        "source_document",
    }


def test_it_keeps_the_boundary_when_a_user_asks_for_the_other_network(
    alice: User, b_objects: dict[str, Any], network_b: Network
) -> None:
    assert found(alice, "betaord", filters=Filters(network=network_b.pk)) == []


def test_it_shows_a_guest_only_the_meetings_they_were_invited_to(
    guest_a: User, meeting_a: Meeting, network_a: Network
) -> None:
    invited = add_item(meeting_a, "Gästpunkt om samordning")
    other = add_item(meeting_on(network_a, datetime.date(2020, 1, 1)), "Intern samordning")
    pks = [pk for kind, pk in found(guest_a, "samordning") if kind == "item"]
    assert invited.pk in pks
    assert other.pk not in pks


def test_it_finds_nothing_for_an_anonymous_visitor(a_objects: dict[str, Any]) -> None:
    assert found(AnonymousUser(), "alfaord") == []


def test_it_lets_a_site_admin_find_every_network(
    site_admin: User, a_objects: dict[str, Any], b_objects: dict[str, Any]
) -> None:
    assert found(site_admin, "alfaord") and found(site_admin, "betaord")


def test_it_lets_every_logged_in_user_find_people(alice: User, bob: User) -> None:
    assert ("person", bob.person.pk) in found(alice, "Berg")


def test_it_filters_people_by_their_municipality(alice: User, bob: User) -> None:
    landskrona = bob.person.organisation_on()
    assert landskrona is not None
    hits = found(alice, "Berg", filters=Filters(organisation=landskrona.pk, kinds=("person",)))
    assert hits == [("person", bob.person.pk)]
