import pytest
from django.core.management import CommandError, call_command
from pytest_django import Settings

from samverka.accounts.access import Role, role_for
from samverka.accounts.models import User
from samverka.assignments.models import Assignment
from samverka.meetings.models import Meeting
from samverka.networks.demo import DEMO_PASSWORD, DEMO_SLUG, demo_create
from samverka.networks.models import Network
from samverka.networks.services import network_create

pytestmark = pytest.mark.django_db


def test_it_creates_the_demo_network_once() -> None:
    demo_create()
    counts = (Meeting.objects.count(), Assignment.objects.count())
    demo_create()
    assert (Meeting.objects.count(), Assignment.objects.count()) == counts == (4, 4)
    network = Network.objects.get(slug=DEMO_SLUG)
    assert Meeting.objects.for_network(network).upcoming().count() == 2
    assert Assignment.objects.overdue().exists()


def test_it_prints_logins_with_the_roles_they_claim() -> None:
    logins = demo_create()
    network = Network.objects.get(slug=DEMO_SLUG)
    users = {login.email: User.objects.get(email=login.email) for login in logins}
    assert all(user.check_password(DEMO_PASSWORD) for user in users.values())
    assert role_for(users["samordnare@example.se"], network) == Role.COORDINATOR
    assert role_for(users["medlem@example.se"], network) == Role.MEMBER
    assert role_for(users["gast@example.se"], network) == Role.GUEST
    assert role_for(users["admin@example.se"], network) == Role.SITE_ADMIN


def test_it_refuses_to_run_without_debug(settings: Settings) -> None:
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("demo")
    assert not Network.objects.filter(slug=DEMO_SLUG).exists()


def test_it_lets_the_demo_logins_join_another_network(settings: Settings) -> None:
    settings.DEBUG = True
    other = network_create(name="Importerat nätverk", slug="importerat")
    call_command("demo", "--join", "Importerat nätverk")
    call_command("demo", "--join", "importerat")
    coordinator = User.objects.get(email="samordnare@example.se")
    member = User.objects.get(email="medlem@example.se")
    assert role_for(coordinator, other) == Role.COORDINATOR
    assert role_for(member, other) == Role.MEMBER
    assert other.memberships.count() == 2


def test_it_refuses_an_unknown_network_to_join(settings: Settings) -> None:
    settings.DEBUG = True
    with pytest.raises(CommandError, match="No network"):
        call_command("demo", "--join", "finns-inte")
