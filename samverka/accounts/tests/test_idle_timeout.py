from __future__ import annotations

import datetime
from unittest import mock

from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from samverka.accounts.models import User


def test_it_renews_the_session_on_every_request(client: Client, alice: User) -> None:
    client.force_login(alice)
    key = client.session.session_key
    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() + datetime.timedelta(minutes=5)
    )
    assert client.get("/").status_code == 200
    renewed = Session.objects.get(session_key=key).expire_date
    assert renewed > timezone.now() + datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE - 60)


def test_it_ends_the_session_after_the_idle_time(client: Client, alice: User) -> None:
    client.force_login(alice)
    assert client.get("/").status_code == 200
    later = timezone.now() + datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE + 1)
    with mock.patch("django.contrib.sessions.backends.db.timezone.now", return_value=later):
        response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")


def test_it_keeps_the_session_while_the_user_is_active(client: Client, alice: User) -> None:
    client.force_login(alice)
    almost = timezone.now() + datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE - 60)
    with mock.patch("django.contrib.sessions.backends.db.timezone.now", return_value=almost):
        assert client.get("/").status_code == 200
