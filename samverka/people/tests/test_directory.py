"""The directory: people and organisations, as far as the viewer's networks reach."""

from __future__ import annotations

import datetime
from typing import Any

from django.test import Client
from django.urls import reverse

from samverka import testing
from samverka.accounts.models import User
from samverka.meetings.models import Attendance
from samverka.meetings.services import attendance_set
from samverka.people.models import PersonName, PersonOrganisation


def test_it_shows_a_colleague_with_names_organisations_memberships_and_attendance(
    client: Client, alice: User, coordinator_a: User, a_objects: dict[str, Any]
) -> None:
    cecilia = coordinator_a.person
    PersonName.objects.create(person=cecilia, name="C. Carlsson", key="c. carlsson")
    PersonOrganisation.objects.create(
        person=cecilia,
        organisation=testing.organisation("Bjuv"),
        start_date=datetime.date(2015, 1, 1),
        end_date=datetime.date(2019, 12, 31),
    )
    second = testing.make_meeting(a_objects["Network"], days_from_today=-7)
    attendance_set(meeting=a_objects["Meeting"], person=cecilia)
    attendance_set(meeting=second, person=cecilia, status=Attendance.Status.ABSENT)
    client.force_login(alice)
    html = client.get(reverse("people:detail", kwargs={"pk": cecilia.pk})).content.decode()
    assert "C. Carlsson" in html
    assert "Bjuv" in html and "2015-01-01–2019-12-31" in html  # organisation history
    assert "Nätverk A" in html and "planeringsledare" in html.lower()
    assert "1 av 2" in html  # present at one of the two meetings held


def test_it_hides_what_lies_outside_the_viewers_networks(
    client: Client, alice: User, a_objects: dict[str, Any], b_objects: dict[str, Any]
) -> None:
    bob = b_objects["Membership"].person
    testing.make_member(a_objects["Network"], bob)  # Bob joins A too
    client.force_login(alice)
    html = client.get(reverse("people:detail", kwargs={"pk": bob.pk})).content.decode()
    assert "Nätverk A" in html
    assert "Nätverk B" not in html  # his membership in B is not Alice's business


def test_it_gives_404_for_a_person_seen_only_in_another_network(
    client: Client, alice: User, bob: User
) -> None:
    client.force_login(alice)
    assert client.get(reverse("people:detail", kwargs={"pk": bob.person.pk})).status_code == 404
    assert "Bob Berg" not in client.get(reverse("people:directory")).content.decode()


def test_it_lists_and_filters_the_people_of_my_networks(
    client: Client, alice: User, coordinator_a: User
) -> None:
    client.force_login(alice)
    html = client.get(reverse("people:directory")).content.decode()
    assert "Alice Andersson" in html and "Cecilia Carlsson" in html
    html = client.get(reverse("people:directory") + "?q=cecilia").content.decode()
    assert "Cecilia Carlsson" in html and "Alice Andersson" not in html


def test_it_lets_a_guest_see_the_people_of_the_meeting(
    client: Client, guest_a: User, alice: User, meeting_a: Any
) -> None:
    attendance_set(meeting=meeting_a, person=alice.person)
    client.force_login(guest_a)
    assert client.get(reverse("people:detail", kwargs={"pk": alice.person.pk})).status_code == 200


def test_it_shows_an_organisation_with_its_people_and_representatives(
    client: Client, alice: User, a_objects: dict[str, Any], b_objects: dict[str, Any]
) -> None:
    client.force_login(alice)
    helsingborg = a_objects["StatusReport"].organisation_id
    html = client.get(reverse("organisations:detail", kwargs={"pk": helsingborg})).content.decode()
    assert "Alice Andersson" in html
    medelpunkten = a_objects["Representation"].body_id
    url = reverse("organisations:detail", kwargs={"pk": medelpunkten})
    html = client.get(url).content.decode()
    assert "Alice Andersson" in html and "Bob Berg" not in html  # A's representative only


def test_it_shows_a_municipalitys_reports_only_from_visible_meetings(
    client: Client, alice: User, a_objects: dict[str, Any], b_objects: dict[str, Any]
) -> None:
    from samverka.meetings.services import status_report_add

    helsingborg = a_objects["StatusReport"].organisation
    status_report_add(meeting=b_objects["Meeting"], organisation=helsingborg, text="Hemligt i B")
    client.force_login(alice)
    url = reverse("municipality_situation", kwargs={"pk": helsingborg.pk})
    html = client.get(url).content.decode()
    assert a_objects["StatusReport"].text in html
    assert "Hemligt i B" not in html
