"""Relevance: a title hit above a body hit; between equal hits the later meeting first."""

from __future__ import annotations

import datetime

import pytest

from samverka.accounts.models import User
from samverka.networks.models import Network
from samverka.search.backends import Filters, Sort, search
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


@pytest.mark.parametrize("who", ["alice", "site_admin"])
def test_it_pages_through_the_same_order_it_ranks(
    who: str, network_a: Network, request: pytest.FixtureRequest
) -> None:
    # Title and body hits on several days, some on the same day, more than a
    # page; a site admin's search takes other paths on PostgreSQL (by parts
    # of the order, the newest entries first) to the same order.
    alice = request.getfixturevalue(who)
    days = [datetime.date(2020, 1, 1) + datetime.timedelta(days=i % 4) for i in range(13)]
    for i, day in enumerate(days):
        meeting = meeting_on(network_a, day)
        add_item(meeting, "Jourhem" if i % 3 else "Övrigt", notes=f"Jourhem nummer {i}.")
        add_item(meeting, "Annat", notes="Läget i kommunerna.")
    for sort in (Sort.RELEVANCE, Sort.DATE):
        everything = search(alice, "jourhem", sort=sort, page_size=100)
        pages = [search(alice, "jourhem", sort=sort, page=n, page_size=4) for n in (1, 2, 3, 4)]
        assert [h.pk for p in pages for h in p.hits] == [h.pk for h in everything.hits]
        assert [p.total for p in pages] == [13, 13, 13, 13]
        assert everything.total == 13
    ranked = search(alice, "jourhem", page_size=100).hits
    titles = [hit.title == "Jourhem" for hit in ranked]
    assert titles == sorted(titles, reverse=True)
    by_date = search(alice, "jourhem", sort=Sort.DATE, page_size=100).hits
    dates = [h.date for h in by_date if h.date is not None]
    assert len(dates) == len(by_date) and dates == sorted(dates, reverse=True)


def test_it_keeps_to_the_dates_asked_for_on_both_sides(alice: User, network_a: Network) -> None:
    days = [datetime.date(2020, 3, d) for d in (1, 2, 3, 4)]
    items = {day: add_item(meeting_on(network_a, day), "Jourhem") for day in days}
    between = Filters(date_from=days[1], date_to=days[2])
    assert sorted(item_pks(alice, "jourhem", filters=between)) == sorted(
        [items[days[1]].pk, items[days[2]].pk]
    )
    until = Filters(date_to=days[0])
    assert item_pks(alice, "jourhem", filters=until) == [items[days[0]].pk]
