from __future__ import annotations

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from samverka.accounts.models import User
from samverka.testing import PASSWORD


def login(client: Client, email: str, password: str, ip: str = "10.0.0.1") -> int:
    response = client.post(
        reverse("account_login"), {"login": email, "password": password}, REMOTE_ADDR=ip
    )
    return response.status_code


def logged_in_as(client: Client) -> str | None:
    return client.session.get(SESSION_KEY)


def test_it_logs_in_with_email_and_password(client: Client, alice: User) -> None:
    assert login(client, "alice@example.se", PASSWORD) == 302
    assert logged_in_as(client) == str(alice.pk)
    assert client.get("/").status_code == 200


def test_it_treats_the_email_case_insensitively(client: Client, alice: User) -> None:
    assert login(client, "Alice@Example.SE", PASSWORD) == 302
    assert logged_in_as(client) == str(alice.pk)


def test_it_refuses_a_wrong_password(client: Client, alice: User) -> None:
    assert login(client, "alice@example.se", "fel-lösenord") == 200
    assert logged_in_as(client) is None


def test_it_rotates_the_session_at_login(client: Client, alice: User) -> None:
    client.get(reverse("account_login"))
    client.session.save()
    before = client.session.session_key
    login(client, "alice@example.se", PASSWORD)
    assert client.session.session_key != before
    assert not Session.objects.filter(session_key=before).exists()


def test_it_kills_the_session_at_logout(client: Client, alice: User) -> None:
    login(client, "alice@example.se", PASSWORD)
    session_key = client.session.session_key
    assert session_key is not None
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert not Session.objects.filter(session_key=session_key).exists()
    # The old cookie is worthless afterwards.
    stale = Client()
    stale.cookies["sessionid"] = session_key
    assert stale.get("/").status_code == 302
