from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.test import Client
from django.urls import reverse

from samverka.accounts.models import User
from samverka.invitations.models import Invitation
from samverka.invitations.services import invitation_create
from samverka.networks.models import Membership, Network

CaptureCallbacks = Callable[..., AbstractContextManager[list[Callable[[], Any]]]]
NEW_PASSWORD = "ett-långt-nytt-lösenord"


def invite(client: Client, network: Network, email: str = "nina@example.se") -> Any:
    data = {"name": "Nina Nilsson", "email": email, "role": Membership.Role.MEMBER}
    return client.post(reverse("invitations:create", kwargs={"slug": network.slug}), data)


def link_in(message: mail.EmailMessage) -> str:
    match = re.search(r"http://testserver(/inbjudan/[^/\s]+/)", str(message.body))
    assert match, message.body
    return match.group(1)


def is_member(email: str, network: Network) -> bool:
    return Membership.objects.current().filter(person__user__email=email, network=network).exists()


@pytest.fixture
def emailed_link(
    client: Client,
    coordinator_a: User,
    network_a: Network,
    a_objects: dict[str, Any],
    django_capture_on_commit_callbacks: CaptureCallbacks,
) -> str:
    client.force_login(coordinator_a)
    with django_capture_on_commit_callbacks(execute=True):
        invite(client, network_a)
    client.logout()
    return link_in(mail.outbox[-1])


def test_it_mails_the_invitation_only_after_commit(
    client: Client,
    coordinator_a: User,
    network_a: Network,
    django_capture_on_commit_callbacks: CaptureCallbacks,
) -> None:
    client.force_login(coordinator_a)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = invite(client, network_a)
        assert response.status_code == 302
        assert Invitation.objects.filter(email="nina@example.se").exists()
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["nina@example.se"]


def test_it_mails_a_title_and_a_link_and_no_minutes_text(
    emailed_link: str, network_a: Network
) -> None:
    message = mail.outbox[-1]
    assert network_a.name in message.subject
    text = message.subject + str(message.body)
    assert "alfaord" not in text  # planted in every minutes text of network A
    assert network_a.purpose not in text
    assert emailed_link.startswith("/inbjudan/")


def test_it_lets_the_invitee_set_a_password_and_join(
    client: Client, emailed_link: str, network_a: Network
) -> None:
    response = client.post(emailed_link, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == network_a.get_absolute_url()
    assert is_member("nina@example.se", network_a)
    user = User.objects.get(email="nina@example.se")
    assert user.check_password(NEW_PASSWORD)
    assert user.person.name == "Nina Nilsson"
    assert client.get(network_a.get_absolute_url()).status_code == 200


def test_it_lets_the_invitee_join_without_a_password(
    client: Client, emailed_link: str, network_a: Network
) -> None:
    response = client.post(emailed_link, {"without_password": "1"})
    assert response.status_code == 302
    user = User.objects.get(email="nina@example.se")
    assert not user.has_usable_password()
    assert is_member("nina@example.se", network_a)
    assert client.session[SESSION_KEY] == str(user.pk)


def test_it_refuses_mismatched_passwords(client: Client, emailed_link: str) -> None:
    response = client.post(emailed_link, {"password1": NEW_PASSWORD, "password2": "annat"})
    assert response.status_code == 200
    assert not User.objects.filter(email="nina@example.se").exists()


def test_it_uses_a_link_once(client: Client, emailed_link: str) -> None:
    client.post(emailed_link, {"without_password": "1"})
    assert Client().get(emailed_link).status_code == 404


def test_it_asks_an_existing_user_to_log_in_first(
    client: Client, bob: User, coordinator_a: User, network_a: Network
) -> None:
    _, token = invitation_create(
        network=network_a, email=bob.email, name="Bob Berg", site_url="http://testserver"
    )
    link = reverse("invitations:accept", kwargs={"token": token})
    response = client.get(link)
    assert response.status_code == 200
    assert reverse("account_login") in response.content.decode()
    client.force_login(bob)
    assert client.post(link).status_code == 302
    assert is_member(bob.email, network_a)


def test_it_hides_an_invitation_from_another_user(
    client: Client, alice: User, network_b: Network
) -> None:
    _, token = invitation_create(
        network=network_b, email="nina@example.se", name="Nina", site_url="http://testserver"
    )
    client.force_login(alice)
    link = reverse("invitations:accept", kwargs={"token": token})
    assert client.get(link).status_code == 404
    assert client.post(link).status_code == 404
    assert not is_member(alice.email, network_b)


def test_it_answers_404_to_a_forged_token(client: Client, db: None) -> None:
    link = reverse("invitations:accept", kwargs={"token": "gissat"})
    assert client.get(link).status_code == 404


def test_it_lets_only_coordinators_invite(client: Client, alice: User, network_a: Network) -> None:
    client.force_login(alice)
    assert invite(client, network_a).status_code == 404
    assert not Invitation.objects.exists()


def test_it_refuses_signup_without_an_invitation(client: Client, db: None) -> None:
    data = {"email": "x@example.se", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    client.post(reverse("account_signup"), data)
    assert not User.objects.filter(email="x@example.se").exists()
