"""The network page's overview, the lägesbild grid and the attendance statistics."""

from __future__ import annotations

import datetime
from typing import Any

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from samverka import testing
from samverka.accounts.models import User
from samverka.meetings.models import AgendaItem, Attendance
from samverka.meetings.services import agenda_item_add, attendance_set, status_report_add
from samverka.networks import overview
from samverka.networks.models import Membership
from samverka.networks.services import membership_end


def test_it_shows_former_members_representations_assignments_and_waiting_items(
    client: Client, alice: User, coordinator_a: User, a_objects: dict[str, Any]
) -> None:
    network = a_objects["Network"]
    former = testing.make_person("Fredrik Förre", "fredrik@example.se", "Bjuv")
    membership_end(
        membership=testing.make_member(network, former),
        end_date=timezone.localdate() - datetime.timedelta(days=30),
    )
    item = agenda_item_add(
        meeting=a_objects["Meeting"],
        title="Budget för jourhem",
        outcome=AgendaItem.Outcome.CARRIED_OVER,
    )
    client.force_login(alice)
    html = client.get(network.get_absolute_url()).content.decode()
    assert "Fredrik Förre" in html  # among the former members, with the period
    assert f"2020-01-01–{timezone.localdate() - datetime.timedelta(days=30):%Y-%m-%d}" in html
    assert "Medelpunkten" in html  # Alice represents A there
    assert a_objects["Assignment"].text in html
    assert item.title in html
    assert reverse("people:detail", kwargs={"pk": alice.person.pk}) in html


def test_it_shows_the_situation_grid_with_a_header_per_organisation(
    client: Client, alice: User, coordinator_a: User, a_objects: dict[str, Any]
) -> None:
    meeting = a_objects["Meeting"]
    client.force_login(alice)
    url = reverse("networks:situation", kwargs={"slug": meeting.network.slug})
    html = client.get(f"{url}?ar={meeting.date.year}").content.decode()
    assert '<th scope="col">Helsingborg</th>' in html
    assert '<th scope="col">Höganäs</th>' in html  # Cecilia's municipality: no report, a cell
    assert a_objects["StatusReport"].text in html
    assert meeting.get_absolute_url() in html


def test_it_truncates_long_reports_in_the_grid(
    client: Client, alice: User, a_objects: dict[str, Any]
) -> None:
    meeting = a_objects["Meeting"]
    status_report_add(
        meeting=meeting,
        organisation=testing.organisation("Bjuv"),
        text=" ".join(["ord"] * 40) + " slutordet",
    )
    client.force_login(alice)
    url = reverse("networks:situation", kwargs={"slug": meeting.network.slug})
    html = client.get(f"{url}?ar={meeting.date.year}").content.decode()
    assert "slutordet" not in html


def test_it_counts_meetings_with_someone_present_per_organisation_and_year(
    client: Client, alice: User, coordinator_a: User, a_objects: dict[str, Any]
) -> None:
    network = a_objects["Network"]
    second = testing.make_meeting(network, days_from_today=-7)
    attendance_set(meeting=second, person=coordinator_a.person)
    attendance_set(meeting=a_objects["Meeting"], person=coordinator_a.person)
    # Two from Höganäs at the same meeting still make one meeting attended.
    colleague = testing.make_person("Hanna Höganäs", "hanna@example.se", "Höganäs")
    attendance_set(meeting=second, person=colleague)
    attendance_set(meeting=second, person=alice.person, status=Attendance.Status.ABSENT)
    _, held, rows = overview.attendance_table(network)
    assert sum(held) == 2
    # Helsingborg (Alice) was present at one of the two, Höganäs (Cecilia, Hanna) at both.
    totals = {row.organisation.name: row.total for row in rows}
    assert totals["Helsingborg"] == overview.AttendanceCell(held=2, present=1)
    assert totals["Höganäs"] == overview.AttendanceCell(held=2, present=2)
    client.force_login(alice)
    html = client.get(reverse("networks:attendance", kwargs={"slug": network.slug})).content
    assert '1 av 2 <span class="muted">(50&nbsp;%)</span>' in html.decode()


def test_it_keeps_guests_and_outsiders_off_the_overviews(
    client: Client, guest_a: User, bob: User, network_a: Any
) -> None:
    for user in (guest_a, bob):
        client.force_login(user)
        for name in ("networks:situation", "networks:attendance"):
            url = reverse(name, kwargs={"slug": network_a.slug})
            assert client.get(url).status_code == 404


def test_it_lets_a_coordinator_and_a_site_admin_see_the_overviews(
    client: Client, coordinator_a: User, site_admin: User, a_objects: dict[str, Any]
) -> None:
    network = a_objects["Network"]
    assert Membership.objects.filter(network=network).count() == 2
    for user in (coordinator_a, site_admin):
        client.force_login(user)
        for name in ("networks:situation", "networks:attendance"):
            url = reverse(name, kwargs={"slug": network.slug})
            assert client.get(url).status_code == 200
