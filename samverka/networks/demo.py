"""A small fictional demo network, created through the domain services.

Invented people in real municipalities; four meetings with items, decisions,
assignments and status reports; logins for a coordinator, a member, a guest
and a site admin. Running it again changes nothing but the demo passwords.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from samverka.accounts.models import User
from samverka.assignments.services import assignment_complete, assignment_create
from samverka.meetings.models import AgendaItem, Attendance, Meeting
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

DEMO_SLUG = "demo-socialchefer"
DEMO_PASSWORD = "samverka-demo"

Role = Membership.Role


@dataclass(frozen=True)
class Login:
    email: str
    password: str
    what: str


# name, municipality, role, login email
PEOPLE = [
    ("Karin Lindqvist", "Helsingborg", Role.PLANNING_LEAD, "samordnare@example.se"),
    ("Erik Holm", "Höganäs", Role.CHAIR, "medlem@example.se"),
    ("Johan Ek", "Landskrona", Role.VICE_CHAIR, ""),
    ("Maria Nyström", "Ängelholm", Role.MEMBER, ""),
    ("Lena Berg", "Bjuv", Role.MEMBER, ""),
    ("Anders Sjöberg", "Båstad", Role.MEMBER, ""),
]
GUEST = ("Petra Falk", "Region Skåne", "gast@example.se")
SITE_ADMIN = "admin@example.se"


def demo_create(*, join: Sequence[Network] = ()) -> list[Login]:
    """Create the demo network once; (re)set the demo logins every time.

    The demo coordinator and member also join each network in `join`, so that
    minutes imported into a network of its own can be browsed with the demo logins.
    """
    if not Network.objects.filter(slug=DEMO_SLUG).exists():
        _create_network()
    logins = _reset_logins()
    for network in join:
        _join(network)
    return logins


@transaction.atomic
def _join(network: Network) -> None:
    for email, role, is_coordinator in [
        ("samordnare@example.se", Role.PLANNING_LEAD, True),
        ("medlem@example.se", Role.MEMBER, False),
    ]:
        person = Person.objects.get(user__email=email)
        if not Membership.objects.filter(network=network, person=person).exists():
            membership_add(network=network, person=person, role=role, is_coordinator=is_coordinator)


def _org(name: str) -> Organisation:
    return Organisation.objects.named(name).get()


def _day(offset: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=offset)


def _user(email: str, **extra: bool) -> User:
    user, _ = User.objects.get_or_create(email=email, defaults=extra)
    user.set_password(DEMO_PASSWORD)
    user.save()
    return user


def _reset_logins() -> list[Login]:
    _user(SITE_ADMIN, is_staff=True, is_superuser=True)
    for email in ["samordnare@example.se", "medlem@example.se", GUEST[2]]:
        _user(email)
    return [
        Login("samordnare@example.se", DEMO_PASSWORD, "samordnare (planeringsledare)"),
        Login("medlem@example.se", DEMO_PASSWORD, "medlem (ordförande)"),
        Login(GUEST[2], DEMO_PASSWORD, "gäst vid nästa möte"),
        Login(SITE_ADMIN, DEMO_PASSWORD, "webbplatsadministratör"),
    ]


@transaction.atomic
def _create_network() -> None:
    family = _org("Familjen Helsingborg")
    network = network_create(
        name="Demonätverket för socialchefer",
        slug=DEMO_SLUG,
        purpose=(
            "Ett påhittat nätverk att prova Samverka med: socialcheferna i "
            "Familjen Helsingborg delar läget, beslutar gemensamma uppdrag och "
            "följer upp dem."
        ),
        organisations=family.members.all(),
    )
    network_create(
        name="Demonätverket för IFO-chefer",
        slug="demo-ifo-chefer",
        parent=network,
        purpose="Ett påhittat undernätverk som får uppdrag från socialcheferna.",
    )
    people = [_member(network, *row) for row in PEOPLE]
    guest = person_create(
        name=GUEST[0], email=GUEST[2], organisation=_org(GUEST[1]), user=_user(GUEST[2])
    )
    representation_add(
        network=network,
        person=people[1],
        body=_org("Medelpunkten"),
        body_detail="Lokal samrådsgrupp",
        reporting_duty="Återrapporterar vid varje möte.",
    )
    _meetings(network, people, guest)


def _member(network: Network, name: str, municipality: str, role: Role, email: str) -> Person:
    user = _user(email) if email else None
    organisation = _org(municipality)
    person = person_create(
        name=name,
        email=email or f"{name.split()[0].lower()}@example.se",
        title="Socialchef",
        organisation=organisation,
        user=user,
        name_variants=[name.split()[0]],
    )
    membership_add(
        network=network,
        person=person,
        role=role,
        organisation=organisation,
        start_date=_day(-400),
    )
    return person


def _meetings(network: Network, people: list[Person], guest: Person) -> None:
    karin, erik, johan, maria, lena, anders = people
    first = _meeting(network, -70, "Helsingborg, Stadshuset", karin, people)
    second = _meeting(network, -14, "Teams", karin, [karin, erik, maria, lena, anders])
    attendance_set(meeting=second, person=johan, status=Attendance.Status.ABSENT)
    upcoming = _meeting(network, 21, "Höganäs, Litteraturvägen 10", None, [])
    _meeting(network, 90, "Teams", None, [])
    attendance_set(meeting=upcoming, person=guest, status=Attendance.Status.GUEST)

    status_round = agenda_item_add(
        meeting=first, title="Läget i kommunerna", kind=AgendaItem.Kind.DIALOG
    )
    status_report_add(
        meeting=first,
        organisation=_org("Helsingborg"),
        text="Fler placeringar av barn och unga än i fjol; ekonomiskt bistånd ökar.",
    )
    status_report_add(
        meeting=first,
        organisation=_org("Höganäs"),
        text="Svårt att rekrytera socialsekreterare; två tjänster vakanta.",
    )
    routine = agenda_item_add(
        meeting=first,
        title="Gemensam rutin för våld i nära relationer",
        kind=AgendaItem.Kind.DECISION,
        raised_by=maria,
        notes="Förslaget har tagits fram av IFO-chefernas nätverk.",
    )
    decision_add(meeting=first, item=routine, text="att anta rutinen som gemensam utgångspunkt")
    done = assignment_create(
        network=network,
        text="Skicka rutinen till alla kommuner för synpunkter",
        person=maria,
        item=routine,
        due_date=_day(-30),
    )
    carried = agenda_item_add(
        meeting=first,
        title="Digitala verktyg i handläggningen",
        raised_by=lena,
        outcome=AgendaItem.Outcome.CARRIED_OVER,
        notes="Punkten utgick eftersom Lena inte kunde närvara, flyttas till nästa möte.",
    )
    assignment_create(
        network=network,
        text="Kontakta Medelpunkten om hjälpmedelsförsörjningen",
        person=erik,
        item=status_round,
        due_next_meeting=True,
    )

    report_back = agenda_item_add(
        meeting=second,
        title="Återrapport: rutin för våld i nära relationer",
        kind=AgendaItem.Kind.REPORT_BACK,
        raised_by=maria,
    )
    assignment_complete(
        assignment=done,
        note="Synpunkter inkomna från nio kommuner.",
        reported_back_item=report_back,
    )
    agenda_item_add(
        meeting=second,
        title="Digitala verktyg i handläggningen",
        raised_by=lena,
        carried_from=carried,
        kind=AgendaItem.Kind.DIALOG,
    )
    follow_up = agenda_item_add(
        meeting=second, title="Uppföljning av nätverkets uppdrag", kind=AgendaItem.Kind.DECISION
    )
    decision_add(
        meeting=second,
        item=follow_up,
        text="att IFO-chefernas nätverk återrapporterar sina uppdrag två gånger per år",
    )
    assignment_create(
        network=network,
        text="Ta fram en mall för återrapportering av uppdrag",
        assignee_network=Network.objects.get(slug="demo-ifo-chefer"),
        item=follow_up,
        due_date=_day(60),
    )
    assignment_create(
        network=network,
        text="Sammanställ kommunernas lägesrapporter inför nästa möte",
        organisation=_org("Landskrona"),
        item=follow_up,
        due_date=_day(-2),
    )


def _meeting(
    network: Network,
    offset: int,
    place: str,
    minute_taker: Person | None,
    present: list[Person],
) -> Meeting:
    meeting = meeting_create(
        network=network,
        date=_day(offset),
        start_time=datetime.time(9, 0),
        end_time=datetime.time(12, 0),
        place=place,
        is_digital=place == "Teams",
        status=Meeting.Status.HELD if offset < 0 else Meeting.Status.PLANNED,
        minute_taker=minute_taker,
    )
    for person in present:
        attendance_set(meeting=meeting, person=person)
    return meeting
