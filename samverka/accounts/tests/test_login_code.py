"""Log in by a one-time code sent through a real SMTP server on the loopback interface."""

from __future__ import annotations

import re
import socket
import time
from collections.abc import Iterator
from email import message_from_bytes
from email.message import Message
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import reverse
from pytest_django import Settings

from samverka.accounts.models import User

# allauth's codes look like "XRPK-SLNJ", alone on their line.
CODE = r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4}|[A-Z0-9]{6,})\s*$"


class Inbox:
    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(message_from_bytes(envelope.content))
        return "250 Message accepted for delivery"

    def wait_for(self, count: int, timeout: float = 5.0) -> None:
        deadline = time.monotonic() + timeout
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        assert len(self.messages) >= count, "no mail arrived at the SMTP server"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def smtp(settings: Settings) -> Iterator[Inbox]:
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    try:
        yield inbox
    finally:
        controller.stop()


def body_of(message: Message) -> str:
    part = message.get_payload(0) if message.is_multipart() else message
    assert isinstance(part, Message)
    payload = part.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload.decode(part.get_content_charset() or "utf-8")


def test_it_logs_in_with_a_code_sent_by_email(client: Client, alice: User, smtp: Inbox) -> None:
    response = client.post(reverse("account_request_login_code"), {"email": "alice@example.se"})
    assert response.status_code == 302
    smtp.wait_for(1)
    message = smtp.messages[0]
    assert message["To"] == "alice@example.se"
    match = re.search(CODE, body_of(message), re.MULTILINE)
    assert match, body_of(message)
    response = client.post(reverse("account_confirm_login_code"), {"code": match.group(1)})
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(alice.pk)


def test_it_refuses_a_wrong_code(client: Client, alice: User, smtp: Inbox) -> None:
    client.post(reverse("account_request_login_code"), {"email": "alice@example.se"})
    smtp.wait_for(1)
    response = client.post(reverse("account_confirm_login_code"), {"code": "FEL123"})
    assert SESSION_KEY not in client.session
    assert response.status_code == 200


def test_it_sends_no_code_to_an_unknown_address(client: Client, db: None, smtp: Inbox) -> None:
    client.post(reverse("account_request_login_code"), {"email": "okand@example.se"})
    time.sleep(0.3)
    # allauth may tell the unknown address that it has no account, but never a code.
    for message in smtp.messages:
        assert not re.search(CODE, body_of(message), re.MULTILINE)
    assert SESSION_KEY not in client.session
