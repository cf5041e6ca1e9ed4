"""Personas and objects the whole suite shares, built in readable code.

The pytest fixtures in the repository's `conftest.py` wrap these builders:
Alice is a member of network A, Cecilia coordinates A, Bob is a member of B
only, Gustav is a guest at one meeting of A, Sara is a site admin.
"""

from __future__ import annotations

import contextlib
import datetime
import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.db import connections
from django.utils import timezone

from samverka.accounts.models import User
from samverka.assignments.services import assignment_create
from samverka.documents.models import Document, SourceDocument
from samverka.meetings.models import Attendance, Meeting
from samverka.meetings.services import (
    agenda_item_add,
    attendance_set,
    decision_add,
    meeting_create,
    status_report_add,
)
from samverka.networks.models import Membership, Network
from samverka.networks.services import membership_add, network_create, representation_add
from samverka.organisations.models import Organisation
from samverka.people.models import Person
from samverka.people.services import person_create

PASSWORD = "korrekt-häst-batteri-häftklammer"


def organisation(name: str) -> Organisation:
    return Organisation.objects.named(name).get()


def make_user(email: str, **extra: Any) -> User:
    return User.objects.create_user(email, PASSWORD, **extra)


def make_person(name: str, email: str, municipality: str, *, login: bool = True) -> Person:
    """Create an official of the municipality, with a login unless `login` is False."""
    user = make_user(email) if login else None
    return person_create(name=name, email=email, organisation=organisation(municipality), user=user)


def make_network(name: str, slug: str) -> Network:
    return network_create(name=name, slug=slug, purpose=f"Uppdrag för {name}.")


def make_member(
    network: Network,
    person: Person,
    role: Membership.Role = Membership.Role.MEMBER,
) -> Membership:
    return membership_add(
        network=network,
        person=person,
        role=role,
        organisation=person.organisation_on(),
        start_date=datetime.date(2020, 1, 1),
    )


def make_guest(meeting: Meeting, person: Person) -> Attendance:
    return attendance_set(meeting=meeting, person=person, status=Attendance.Status.GUEST)


def make_meeting(network: Network, days_from_today: int) -> Meeting:
    day = timezone.localdate() + datetime.timedelta(days=days_from_today)
    status = Meeting.Status.PLANNED if days_from_today >= 0 else Meeting.Status.HELD
    return meeting_create(
        network=network,
        date=day,
        start_time=datetime.time(9, 0),
        end_time=datetime.time(12, 0),
        place="Teams",
        is_digital=True,
        status=status,
    )


def make_network_objects(network: Network, member: Person, word: str = "") -> dict[str, Any]:
    """Create one of everything that belongs to `network`, keyed by model name.

    `word` is planted in every text so that search tests can look for it.
    """
    source = SourceDocument(
        network=network,
        name="protokoll.txt",
        media_type="text/plain",
        sha256=f"{network.pk:064d}",
        text=f"Minnesanteckningar {word}",
    )
    source.file.save("protokoll.txt", ContentFile(source.text.encode()), save=False)
    source.save()
    meeting = make_meeting(network, days_from_today=-14)
    attendance = attendance_set(meeting=meeting, person=member)
    item = agenda_item_add(meeting=meeting, title=f"Läget i kommunerna {word}", raised_by=member)
    decision = decision_add(meeting=meeting, item=item, text=f"att notera informationen {word}")
    assignment = assignment_create(
        network=network, text=f"Ta fram underlag {word}", person=member, item=item
    )
    report = status_report_add(
        meeting=meeting,
        organisation=member.organisation_on() or organisation("Helsingborg"),
        text=f"Ökat antal placeringar {word}",
    )
    document = Document(
        network=network, meeting=meeting, title=f"Rutin {word}", content_type="text/plain"
    )
    document.file.save("rutin.txt", ContentFile(f"Rutin {word}".encode()), save=False)
    document.save()
    representation = representation_add(
        network=network, person=member, body=organisation("Medelpunkten")
    )
    return {
        "Network": network,
        "Membership": Membership.objects.get(network=network, person=member),
        "Representation": representation,
        "Meeting": meeting,
        "Attendance": attendance,
        "AgendaItem": item,
        "Decision": decision,
        "Assignment": assignment,
        "StatusReport": report,
        "Document": document,
        "SourceDocument": source,
    }


@contextlib.contextmanager
def chromium_browser(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Launch the Debian `chromium` through Playwright; skip where it is missing.

    Playwright's sync API runs an event loop in this thread, so the ORM calls a
    test makes between page loads run inside Playwright's context and get
    connections of their own: they are closed here, or PostgreSQL cannot drop
    the test database ("being accessed by other users").
    """
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        pytest.skip("needs Chromium: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "1")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=["--no-sandbox"])
        yield browser
        browser.close()
        connections.close_all()
