"""Personas shared by every test (see samverka/testing.py).

alice          member (ledamot) of network A
coordinator_a  Cecilia, planeringsledare of network A
bob            member of network B only
guest_a        Gustav, guest at meeting_a of network A, member of nothing
site_admin     Sara of the secretariat (staff)
anonymous      not logged in
a_objects / b_objects   one of every network-bound record of A / B, by model name
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from pytest_django import Settings

from samverka import testing
from samverka.accounts.models import User
from samverka.meetings.models import Meeting
from samverka.networks.models import Membership, Network
from samverka.organisations.models import Organisation


@pytest.fixture(autouse=True)
def _media_root(settings: Settings, tmp_path: Path) -> None:
    """Keep uploaded files of each test in its own temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings: Settings) -> None:
    """Argon2 is slow by design; the suite creates many users."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _reference_data(request: pytest.FixtureRequest) -> None:
    """Put back the municipalities and bodies that migrations load.

    A transactional test empties every table when it ends, so the ones after
    it would otherwise find no Helsingborg.
    """
    marker = request.node.get_closest_marker("django_db")
    transactional = (marker is not None and marker.kwargs.get("transaction")) or {
        "transactional_db",
        "live_server",
    } & set(request.fixturenames)
    if not transactional:
        return
    request.getfixturevalue("_django_db_helper")
    if not Organisation.objects.exists():
        migration = importlib.import_module("samverka.organisations.migrations.0002_reference_data")
        migration.load(apps, None)


@pytest.fixture
def network_a(db: None) -> Network:
    return testing.make_network("Nätverk A", "natverk-a")


@pytest.fixture
def network_b(db: None) -> Network:
    return testing.make_network("Nätverk B", "natverk-b")


@pytest.fixture
def alice(network_a: Network) -> User:
    person = testing.make_person("Alice Andersson", "alice@example.se", "Helsingborg")
    testing.make_member(network_a, person)
    assert person.user is not None
    return person.user


@pytest.fixture
def coordinator_a(network_a: Network) -> User:
    person = testing.make_person("Cecilia Carlsson", "cecilia@example.se", "Höganäs")
    testing.make_member(network_a, person, Membership.Role.PLANNING_LEAD)
    assert person.user is not None
    return person.user


@pytest.fixture
def bob(network_b: Network) -> User:
    person = testing.make_person("Bob Berg", "bob@example.se", "Landskrona")
    testing.make_member(network_b, person)
    assert person.user is not None
    return person.user


@pytest.fixture
def meeting_a(network_a: Network) -> Meeting:
    return testing.make_meeting(network_a, days_from_today=7)


@pytest.fixture
def guest_a(meeting_a: Meeting) -> User:
    person = testing.make_person("Gustav Gäst", "gustav@example.se", "Region Skåne")
    testing.make_guest(meeting_a, person)
    assert person.user is not None
    return person.user


@pytest.fixture
def site_admin(db: None) -> User:
    return testing.make_user("sara@example.se", is_staff=True, is_superuser=True)


@pytest.fixture
def anonymous() -> AnonymousUser:
    return AnonymousUser()


@pytest.fixture
def a_objects(network_a: Network, alice: User) -> dict[str, Any]:
    return testing.make_network_objects(network_a, alice.person, word="alfaord")


@pytest.fixture
def b_objects(network_b: Network, bob: User) -> dict[str, Any]:
    return testing.make_network_objects(network_b, bob.person, word="betaord")
