from __future__ import annotations

from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import reverse

from samverka.accounts.models import User
from samverka.testing import PASSWORD


def attempt(client: Client, password: str, ip: str, email: str = "alice@example.se") -> int:
    response = client.post(
        reverse("account_login"), {"login": email, "password": password}, REMOTE_ADDR=ip
    )
    return response.status_code


def test_it_locks_the_account_from_one_address_after_five_failures(alice: User) -> None:
    attacker = Client()
    for _ in range(5):
        attempt(attacker, "fel-lösenord", ip="10.0.0.66")
    # Even the right password is refused now, from that address.
    assert attempt(attacker, PASSWORD, ip="10.0.0.66") == 429
    assert SESSION_KEY not in attacker.session


def test_it_still_lets_the_account_in_from_another_address(alice: User) -> None:
    attacker = Client()
    for _ in range(5):
        attempt(attacker, "fel-lösenord", ip="10.0.0.66")
    owner = Client()
    assert attempt(owner, PASSWORD, ip="10.0.0.7") == 302
    assert owner.session[SESSION_KEY] == str(alice.pk)


def test_it_counts_failures_whatever_the_case_of_the_email(alice: User) -> None:
    attacker = Client()
    for email in ["alice@example.se", "ALICE@example.se", "Alice@Example.se"] * 2:
        attempt(attacker, "fel-lösenord", ip="10.0.0.66", email=email)
    assert attempt(attacker, PASSWORD, ip="10.0.0.66") == 429


def test_it_does_not_lock_after_four_failures(alice: User) -> None:
    client = Client()
    for _ in range(4):
        attempt(client, "fel-lösenord", ip="10.0.0.8")
    assert attempt(client, PASSWORD, ip="10.0.0.8") == 302


def test_it_explains_the_lock_out_in_the_site_layout(alice: User) -> None:
    attacker = Client()
    for _ in range(5):
        attempt(attacker, "fel-lösenord", ip="10.0.0.66")
    response = attacker.post(
        reverse("account_login"),
        {"login": "alice@example.se", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.66",
    )
    assert response.status_code == 429
    html = response.content.decode()
    assert "För många misslyckade inloggningsförsök" in html
    assert reverse("account_request_login_code") in html
