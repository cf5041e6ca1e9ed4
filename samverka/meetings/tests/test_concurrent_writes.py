"""Twenty people saving at once must neither fail nor lose a row.

On SQLite this proves the settings: WAL, a busy timeout and BEGIN IMMEDIATE,
so that a transaction that reads and then writes waits for the lock instead
of failing with "database is locked". The same test runs on PostgreSQL.
"""

import datetime
import threading

import pytest
from django.db import connection, transaction

from samverka.meetings.models import Meeting
from samverka.meetings.services import agenda_item_add, meeting_create
from samverka.networks.models import Network
from samverka.networks.services import network_create

THREADS = 20
WRITES_PER_THREAD = 5


def write_meetings(network_pk: int, thread: int, start: threading.Barrier) -> None:
    try:
        start.wait()
        for n in range(WRITES_PER_THREAD):
            with transaction.atomic():
                # Read, then write: the pattern that fails on SQLite's default
                # deferred transactions.
                network = Network.objects.get(pk=network_pk)
                meeting = meeting_create(
                    network=network,
                    date=datetime.date(2030, 1, 1) + datetime.timedelta(days=thread),
                    title=f"{thread}-{n}",
                )
                agenda_item_add(meeting=meeting, title="Läget")
    finally:
        connection.close()


@pytest.mark.django_db(transaction=True)
def test_it_loses_no_row_when_twenty_threads_write_at_once() -> None:
    if connection.vendor == "sqlite":
        assert connection.settings_dict["NAME"] != ":memory:", "the test needs a database file"
        assert "memory" not in str(connection.settings_dict["NAME"])
    network = network_create(name="Samtidigt", slug="samtidigt")
    start = threading.Barrier(THREADS)
    errors: list[BaseException] = []

    def run(thread: int) -> None:
        try:
            write_meetings(network.pk, thread, start)
        except BaseException as error:  # collected and reported below
            errors.append(error)

    threads = [threading.Thread(target=run, args=(t,)) for t in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    meetings = Meeting.objects.filter(network=network)
    assert meetings.count() == THREADS * WRITES_PER_THREAD
    assert {m.title for m in meetings} == {
        f"{t}-{n}" for t in range(THREADS) for n in range(WRITES_PER_THREAD)
    }
    assert all(m.items.count() == 1 for m in meetings)
