from __future__ import annotations

from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from samverka import testing
from samverka.accounts.models import User
from samverka.assignments.services import assignment_create
from samverka.meetings.models import AgendaItem, Attendance, Meeting
from samverka.meetings.services import (
    agenda_item_add,
    attendance_set,
    decision_add,
    status_report_add,
)


def queries_for(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def add_item(meeting: Meeting, n: int, carried_from: AgendaItem | None = None) -> AgendaItem:
    person = testing.make_person(f"Deltagare {n}", f"d{n}@example.se", "Klippan", login=False)
    attendance_set(meeting=meeting, person=person, status=Attendance.Status.ABSENT)
    item = agenda_item_add(
        meeting=meeting,
        title=f"Punkt {n}",
        raised_by=person,
        outcome=AgendaItem.Outcome.CARRIED_OVER,
        carried_from=carried_from,
    )
    decision_add(meeting=meeting, item=item, text=f"att besluta {n}")
    assignment_create(network=meeting.network, text=f"Uppdrag {n}", person=person, item=item)
    return item


def test_it_shows_a_meeting_with_everything_recorded(
    client: Client, alice: User, guest_a: User, a_objects: dict[str, Any]
) -> None:
    meeting = a_objects["Meeting"]
    later = testing.make_meeting(a_objects["Network"], days_from_today=7)
    deferred = add_item(meeting, 1)
    add_item(later, 2, carried_from=deferred)
    client.force_login(alice)
    html = client.get(meeting.get_absolute_url()).content.decode()
    for text in [
        "Alice Andersson",  # present
        "Helsingborg",  # her municipality that day
        "Deltagare 1",  # absent
        a_objects["AgendaItem"].title,
        a_objects["Decision"].text,
        a_objects["Assignment"].text,
        a_objects["StatusReport"].text,
        later.get_absolute_url(),  # where the deferred item continued
    ]:
        assert text in html, text
    html = client.get(later.get_absolute_url()).content.decode()
    assert f"{meeting.get_absolute_url()}#item-{deferred.pk}" in html


def test_it_shows_a_guest_the_meeting_they_were_invited_to(
    client: Client, guest_a: User, meeting_a: Meeting
) -> None:
    client.force_login(guest_a)
    response = client.get(meeting_a.get_absolute_url())
    assert response.status_code == 200
    assert meeting_a.network.get_absolute_url() not in response.content.decode()


def test_it_keeps_a_guest_off_other_meetings(
    client: Client, guest_a: User, a_objects: dict[str, Any]
) -> None:
    client.force_login(guest_a)
    assert client.get(a_objects["Meeting"].get_absolute_url()).status_code == 404


def test_it_needs_as_many_queries_for_ten_items_as_for_one(
    client: Client, alice: User, a_objects: dict[str, Any]
) -> None:
    meeting = a_objects["Meeting"]
    earlier = testing.make_meeting(a_objects["Network"], days_from_today=-30)
    add_item(meeting, 0, carried_from=add_item(earlier, 100))
    client.force_login(alice)
    url = meeting.get_absolute_url()
    client.get(url)
    few = queries_for(client, url)
    for n in range(1, 10):
        add_item(meeting, n, carried_from=add_item(earlier, 100 + n))
        status_report_add(
            meeting=meeting, organisation=testing.organisation("Bjuv"), text=f"Läget {n}"
        )
    assert queries_for(client, url) == few
