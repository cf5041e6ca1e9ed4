"""SECURITY.md, "Privacy": mails carry a title and a link (or a code), never minutes text.

The invitation mail is tested in samverka/invitations/tests/test_invite.py; these
are the mails allauth sends for logging in.
"""

from __future__ import annotations

from typing import Any

from django.core import mail
from django.test import Client
from django.urls import reverse

from samverka.accounts.models import User
from samverka.people.services import person_deactivate


def minutes_texts(objects: dict[str, Any]) -> list[str]:
    return [
        "alfaord",  # planted in every text of network A
        objects["Network"].purpose,
        objects["AgendaItem"].title,
        objects["Decision"].text,
        objects["Assignment"].text,
        objects["StatusReport"].text,
        objects["Document"].title,
        objects["SourceDocument"].text,
    ]


def only_mail_to(address: str) -> mail.EmailMessage:
    (message,) = mail.outbox
    assert message.to == [address]
    return message


def assert_no_minutes(message: mail.EmailMessage, objects: dict[str, Any]) -> None:
    text = message.subject + str(message.body)
    for alternative, _ in getattr(message, "alternatives", []):
        text += str(alternative)
    assert not [t for t in minutes_texts(objects) if t in text]


def test_it_mails_a_login_code_under_a_title_without_minutes_text(
    client: Client, alice: User, a_objects: dict[str, Any]
) -> None:
    client.post(reverse("account_request_login_code"), {"email": alice.email})
    message = only_mail_to(alice.email)
    assert message.subject.startswith("[Samverka] ")
    assert_no_minutes(message, a_objects)


def test_it_mails_a_password_reset_link_without_minutes_text(
    client: Client, alice: User, a_objects: dict[str, Any]
) -> None:
    client.post(reverse("account_reset_password"), {"email": alice.email})
    message = only_mail_to(alice.email)
    assert message.subject.startswith("[Samverka] ")
    assert "/konto/password/reset/key/" in str(message.body)
    assert_no_minutes(message, a_objects)


def test_it_mails_nothing_to_an_address_without_an_account(
    client: Client, alice: User, a_objects: dict[str, Any]
) -> None:
    person_deactivate(person=alice.person)
    for address in ("alice@example.se", "stranger@example.se"):
        client.post(reverse("account_request_login_code"), {"email": address})
        client.post(reverse("account_reset_password"), {"email": address})
    assert mail.outbox == []
