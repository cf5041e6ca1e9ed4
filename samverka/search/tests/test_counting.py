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


def dense_recent_meeting(network: Network) -> None:
    """A meeting whose newest 25 entries hold 22 of the word 'jourhem'."""
    recent = meeting_on(network, TODAY - datetime.timedelta(days=10), "Nätverksmöte")
    for number in range(22):
        add_item(recent, f"Jourhem {number}")
    for number in range(3):
        add_item(recent, f"Budget {number}")


def searched(user: User) -> tuple[Results, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        results = search(user, "jourhem")
    return results, [query["sql"] for query in queries.captured_queries]


def walked(statements: list[str]) -> bool:
    return any("LIMIT 60)" in sql and "count(*)" in sql for sql in statements)


@pytest.mark.usefixtures("small_counts")
def test_it_says_more_when_the_dates_just_before_reach_the_limit(
    site_admin: User, network_a: Network
) -> None:
    older = meeting_on(network_a, TODAY - datetime.timedelta(days=400), "Förra året")
    for number in range(10):
        add_item(older, f"Jourhem förra året {number}")
    dense_recent_meeting(network_a)

    results, statements = searched(site_admin)

    assert len(results.hits) == 20
    if connection.vendor == "postgresql":
        assert (results.total, results.more) == (23, True)
        assert walked(statements)
    else:
        assert (results.total, results.more) == (32, False)


@pytest.mark.usefixtures("small_counts")
def test_it_counts_the_whole_table_when_the_walk_falls_short(
    site_admin: User, network_a: Network
) -> None:
    # Twelve matches lie further back than the walk reaches.
    oldest = meeting_on(network_a, TODAY - datetime.timedelta(days=800), "Äldst")
    for number in range(12):
        add_item(oldest, f"Jourhem då {number}")
    between = meeting_on(network_a, TODAY - datetime.timedelta(days=400), "Däremellan")
    for number in range(40):
        add_item(between, f"Budget däremellan {number}")
    dense_recent_meeting(network_a)

    results, statements = searched(site_admin)

    if connection.vendor == "postgresql":
        assert (results.total, results.more) == (23, True)
        assert walked(statements)
    else:
        assert (results.total, results.more) == (34, False)


@pytest.mark.usefixtures("small_counts")
def test_it_gives_the_exact_number_below_the_limit(site_admin: User, network_a: Network) -> None:
    dense_recent_meeting(network_a)

    results, _ = searched(site_admin)

    assert (results.total, results.more) == (22, False)
    assert len(results.hits) == 20
