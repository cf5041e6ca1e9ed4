"""Relevance: a title hit above a body hit; between equal hits the later meeting first."""

from __future__ import annotations

import datetime

from samverka.accounts.models import User
from samverka.networks.models import Network
from samverka.search.backends import Sort
from samverka.search.tests.helpers import add_item, item_pks, meeting_on

EARLY = datetime.date(2019, 5, 2)
LATE = datetime.date(2021, 9, 30)


def test_it_ranks_a_title_hit_above_a_body_hit(alice: User, network_a: Network) -> None:
    # The body hit is on the later meeting, so recency alone would put it first.
    body = add_item(meeting_on(network_a, LATE), "Övrigt", notes="Något om jourhem i Klippan.")
    title = add_item(meeting_on(network_a, EARLY), "Jourhem", notes="Läget i kommunerna.")
    assert item_pks(alice, "jourhem") == [title.pk, body.pk]


def test_it_ranks_the_later_meeting_first_between_equal_hits(
    alice: User, network_a: Network
) -> None:
    early = add_item(meeting_on(network_a, EARLY), "Jourhem", notes="Läget i kommunerna.")
    late = add_item(meeting_on(network_a, LATE), "Jourhem", notes="Läget i kommunerna.")
    middle = add_item(
        meeting_on(network_a, datetime.date(2020, 1, 9)), "Jourhem", notes="Läget i kommunerna."
    )
    assert item_pks(alice, "jourhem") == [late.pk, middle.pk, early.pk]


def test_it_sorts_by_date_when_asked(alice: User, network_a: Network) -> None:
    body = add_item(meeting_on(network_a, LATE), "Övrigt", notes="Något om jourhem i Klippan.")
    title = add_item(meeting_on(network_a, EARLY), "Jourhem", notes="Läget i kommunerna.")
    assert item_pks(alice, "jourhem", sort=Sort.DATE) == [body.pk, title.pk]
