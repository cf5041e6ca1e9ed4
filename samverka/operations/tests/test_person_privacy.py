"""SECURITY.md, "Privacy": a person's data exported as JSON, and a person deactivated
with login and contact details gone and the name kept in the minutes."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from samverka import testing
from samverka.accounts.models import User
from samverka.invitations.models import Invitation
from samverka.invitations.services import invitation_create
from samverka.networks.models import Membership, Network
from samverka.people.models import Person
from samverka.people.services import person_deactivate, person_export


@pytest.fixture
def alices_minutes(a_objects: dict[str, Any], alice: User) -> dict[str, Any]:
    return a_objects


def export_of(client: Client, url: str) -> dict[str, Any]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment;")
    return dict(json.loads(response.content))


def test_it_exports_memberships_attendance_and_assignments(
    alices_minutes: dict[str, Any], alice: User
) -> None:
    data = person_export(alice.person)
    network, meeting = alices_minutes["Network"], alices_minutes["Meeting"]
    assert data["person"]["name"] == "Alice Andersson"
    assert data["account"]["email"] == alice.email
    assert [m["network"] for m in data["memberships"]] == [network.name]
    assert [a["meeting_id"] for a in data["attendance"]] == [meeting.pk]
    assert [a["text"] for a in data["assignments"]] == [alices_minutes["Assignment"].text]
    assert [i["title"] for i in data["items_raised"]] == [alices_minutes["AgendaItem"].title]
    assert data["representations"][0]["body"] == "Medelpunkten"
    assert "password" not in json.dumps(data)
    json.dumps(data)  # JSON-ready as it is


def test_it_lets_a_user_download_their_own_data(
    client: Client, alices_minutes: dict[str, Any], alice: User
) -> None:
    client.force_login(alice)
    data = export_of(client, reverse("privacy:export_own"))
    assert data["person"]["id"] == alice.person.pk


def test_it_lets_a_site_admin_download_anyones_data(
    client: Client, site_admin: User, bob: User
) -> None:
    client.force_login(site_admin)
    data = export_of(client, reverse("privacy:export_person", kwargs={"pk": bob.person.pk}))
    assert data["person"]["name"] == "Bob Berg"


def test_it_hides_other_peoples_data_from_members_and_coordinators(
    client: Client, alice: User, coordinator_a: User
) -> None:
    url = reverse("privacy:export_person", kwargs={"pk": alice.person.pk})
    for user in (alice, coordinator_a):
        client.force_login(user)
        assert client.get(url).status_code == 404


def test_it_prints_a_persons_data_from_the_command_line(
    alices_minutes: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    call_command("person-export", "ALICE@example.se")
    data = json.loads(capsys.readouterr().out)
    assert data["person"]["name"] == "Alice Andersson"


def test_it_refuses_login_after_deactivation(
    alices_minutes: dict[str, Any], alice: User, client: Client
) -> None:
    person_deactivate(person=alice.person)
    response = client.post(
        reverse("account_login"), {"login": "alice@example.se", "password": testing.PASSWORD}
    )
    assert "_auth_user_id" not in client.session
    assert response.status_code == 200  # the form again, with an error
    # No code is sent: allauth answers as for an unknown address, with no pending login.
    client.post(reverse("account_request_login_code"), {"email": "alice@example.se"})
    pending = client.session["account_login"]
    assert pending["user_pk"] is None
    assert "code" not in pending["state"]["stages"]["login_by_code"]["data"]


def test_it_ends_every_session_of_a_deactivated_user(
    alices_minutes: dict[str, Any], alice: User, coordinator_a: User
) -> None:
    browsers = [Client(), Client()]
    for browser in browsers:
        browser.force_login(alice)
        assert browser.get(reverse("start")).status_code == 200
    other = Client()
    other.force_login(coordinator_a)
    person_deactivate(person=alice.person)
    for browser in browsers:
        response = browser.get(reverse("start"))
        assert response.status_code == 302 and "/konto/login/" in response["Location"]
    assert other.get(reverse("start")).status_code == 200
    assert Session.objects.count() == 1


def test_it_removes_login_and_contact_details(
    alices_minutes: dict[str, Any], alice: User, coordinator_a: User, network_a: Network
) -> None:
    invitation_create(
        network=network_a,
        email="alice@example.se",
        name="Alice Andersson",
        invited_by=coordinator_a,
        site_url="http://testserver",
    )
    EmailAddress.objects.create(user=alice, email=alice.email, verified=True, primary=True)
    person_deactivate(person=alice.person)
    user = User.objects.get(pk=alice.pk)
    person = Person.objects.get(pk=alice.person.pk)
    assert not user.is_active and not user.has_usable_password()
    assert "alice" not in user.email
    assert person.email == "" and not person.is_active
    assert not EmailAddress.objects.filter(user=user).exists()
    assert not Invitation.objects.filter(email__icontains="alice").exists()
    assert not person.history.filter(email__icontains="alice").exists()
    ends = Membership.objects.filter(person=person).values_list("end_date", flat=True)
    assert set(ends) == {timezone.localdate()}


def test_it_keeps_the_name_in_the_minutes(
    alices_minutes: dict[str, Any], alice: User, coordinator_a: User, client: Client
) -> None:
    person_deactivate(person=alice.person)
    person = Person.objects.get(pk=alice.person.pk)
    assert person.name == "Alice Andersson"
    assert person.attendances.count() == 1 and person.assignments.count() == 1
    client.force_login(coordinator_a)
    meeting = alices_minutes["Meeting"]
    page = client.get(reverse("meetings:detail", kwargs={"pk": meeting.pk}))
    assert page.status_code == 200
    assert "Alice Andersson" in page.content.decode()


def test_it_deactivates_from_the_command_line(alices_minutes: dict[str, Any]) -> None:
    call_command("person-deactivate", "alice@example.se", stdout=io.StringIO())
    assert not Person.objects.get(name="Alice Andersson").is_active


def test_it_deactivates_from_the_admin(client: Client, site_admin: User, alice: User) -> None:
    client.force_login(site_admin)
    selected = {"action": "deactivate", "_selected_action": [alice.person.pk]}
    response = client.post(reverse("admin:people_person_changelist"), selected)
    assert response.status_code == 302
    assert not Person.objects.get(pk=alice.person.pk).is_active
    assert not User.objects.get(pk=alice.pk).is_active
