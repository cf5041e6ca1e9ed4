"""How many hits: exact on SQLite; on PostgreSQL a site admin's count stops past the page.

PostgreSQL counts a site admin's matches up to `COUNT_AHEAD` past the page. When
the newest entries are dense with matches it counts along the date order, at
most `WALK` entries back, and falls back to the whole table when that does not
reach the limit. The constants are made small here so that a few dozen
entries play the part of a million.
"""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from samverka.accounts.models import User
from samverka.networks.models import Network
from samverka.search.backends import Results, postgres, search
from samverka.search.tests.helpers import add_item, meeting_on

TODAY = datetime.date.today()


@pytest.fixture
def small_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    # Page 1 ends at 20: the count's limit is 23, the newest 25 entries decide
    # the page and the walk goes 60 entries back.
    monkeypatch.setattr(postgres, "COUNT_AHEAD", 3)
    monkeypatch.setattr(postgres, "RECENT", 25)
    monkeypatch.setattr(postgres, "WALK", 60)


def meeting_with_items(network: Network, days_ago: int, titles: dict[str, int]) -> None:
    """A meeting `days_ago` with, for each title, that many items numbered after it."""
    meeting = meeting_on(network, TODAY - datetime.timedelta(days=days_ago), f"Möte {days_ago}")
    for title, count in titles.items():
        for number in range(count):
            add_item(meeting, f"{title} {number}")


def dense_recent_meeting(network: Network) -> None:
    """A meeting whose newest 25 entries hold 22 of the word 'jourhem'."""
    meeting_with_items(network, 10, {"Jourhem": 22, "Budget": 3})


def searched(user: User) -> tuple[Results, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        results = search(user, "jourhem")
    return results, [query["sql"] for query in queries.captured_queries]


def assert_more_after_a_walk(results: Results, statements: list[str], exact: int) -> None:
    """PostgreSQL walked the date order and stopped at the limit; SQLite counted `exact`."""
    if connection.vendor == "postgresql":
        assert (results.total, results.more) == (23, True)
        assert any("LIMIT 60)" in sql and "count(*)" in sql for sql in statements)
    else:
        assert (results.total, results.more) == (exact, False)


@pytest.mark.usefixtures("small_counts")
def test_it_says_more_when_the_dates_just_before_reach_the_limit(
    site_admin: User, network_a: Network
) -> None:
    meeting_with_items(network_a, 400, {"Jourhem förra året": 10})
    dense_recent_meeting(network_a)

    results, statements = searched(site_admin)

    assert len(results.hits) == 20
    assert_more_after_a_walk(results, statements, exact=32)


@pytest.mark.usefixtures("small_counts")
def test_it_counts_the_whole_table_when_the_walk_falls_short(
    site_admin: User, network_a: Network
) -> None:
    # Twelve matches lie further back than the walk reaches.
    meeting_with_items(network_a, 800, {"Jourhem då": 12})
    meeting_with_items(network_a, 400, {"Budget däremellan": 40})
    dense_recent_meeting(network_a)

    results, statements = searched(site_admin)

    assert_more_after_a_walk(results, statements, exact=34)


@pytest.mark.usefixtures("small_counts")
def test_it_gives_the_exact_number_below_the_limit(site_admin: User, network_a: Network) -> None:
    dense_recent_meeting(network_a)

    results, _ = searched(site_admin)

    assert (results.total, results.more) == (22, False)
    assert len(results.hits) == 20
