from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse

from samverka.accounts.models import User
from samverka.assignments.models import Assignment
from samverka.assignments.services import assignment_create


def mark_done(client: Client, assignment: Assignment, htmx: bool = False) -> Any:
    url = reverse("assignments:update_status", kwargs={"pk": assignment.pk})
    data = {"status": "done", "done_note": "Klart, se bilaga"}
    return client.post(url, data, headers={"HX-Request": "true"} if htmx else None)


def test_it_lets_a_member_mark_her_own_assignment_done(
    client: Client, alice: User, a_objects: dict[str, Any]
) -> None:
    assignment = a_objects["Assignment"]
    client.force_login(alice)
    response = mark_done(client, assignment)
    assert response.status_code == 302
    assert response["Location"].endswith(f"#assignment-{assignment.pk}")
    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.DONE
    assert assignment.done_note == "Klart, se bilaga"
    assert assignment.done_at is not None
    assert assignment.history.first().history_user == alice


def test_it_keeps_a_member_off_another_members_assignment(
    client: Client, alice: User, coordinator_a: User, a_objects: dict[str, Any]
) -> None:
    theirs = assignment_create(
        network=a_objects["Network"], text="Boka lokal", person=coordinator_a.person
    )
    client.force_login(alice)
    # The roles table gives a member UPDATE_OWN_ASSIGNMENT only; the helper answers 404.
    assert mark_done(client, theirs).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == Assignment.Status.OPEN


def test_it_lets_a_coordinator_update_any_assignment(
    client: Client, coordinator_a: User, a_objects: dict[str, Any]
) -> None:
    assignment = a_objects["Assignment"]
    client.force_login(coordinator_a)
    assert mark_done(client, assignment).status_code == 302
    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.DONE


def test_it_answers_htmx_with_the_updated_assignment(
    client: Client, alice: User, a_objects: dict[str, Any]
) -> None:
    assignment = a_objects["Assignment"]
    client.force_login(alice)
    response = mark_done(client, assignment, htmx=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith(f'<li class="card" id="assignment-{assignment.pk}"')
    assert "<html" not in html


def test_it_needs_a_csrf_token(alice: User, a_objects: dict[str, Any]) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    assert mark_done(client, a_objects["Assignment"]).status_code == 403
    a_objects["Assignment"].refresh_from_db()
    assert a_objects["Assignment"].status == Assignment.Status.OPEN


def test_it_refuses_an_unknown_status(
    client: Client, alice: User, a_objects: dict[str, Any]
) -> None:
    client.force_login(alice)
    url = reverse("assignments:update_status", kwargs={"pk": a_objects["Assignment"].pk})
    assert client.post(url, {"status": "deleted"}).status_code == 400


def test_it_shows_the_status_form_only_where_the_user_may_use_it(
    client: Client, alice: User, coordinator_a: User, a_objects: dict[str, Any]
) -> None:
    meeting = a_objects["Meeting"]
    theirs = assignment_create(
        network=a_objects["Network"],
        text="Boka lokal",
        person=coordinator_a.person,
        item=a_objects["AgendaItem"],
    )
    client.force_login(alice)
    html = client.get(meeting.get_absolute_url()).content.decode()
    own_url = reverse("assignments:update_status", kwargs={"pk": a_objects["Assignment"].pk})
    their_url = reverse("assignments:update_status", kwargs={"pk": theirs.pk})
    assert own_url in html
    assert their_url not in html
    client.force_login(coordinator_a)
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert own_url in html and their_url in html
