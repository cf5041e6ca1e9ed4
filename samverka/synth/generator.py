"""Generate a realistic synthetic installation, deterministically from a seed.

Networks of real municipalities (the reference data), their members, years of
meetings with Swedish minutes: items, decisions, assignments, situation
reports, attendance, the imported original's text, and a few routines per
network. Everything is written with `bulk_create`, network by network, so a
million searchable records take minutes; no signals fire, so the search index
is built afterwards in one pass (`samverka reindex`, or `build(index=True)`).
"""

from __future__ import annotations

import datetime
import hashlib
import random
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from samverka.accounts.models import User
from samverka.assignments.models import Assignment
from samverka.documents.models import Document, SourceDocument
from samverka.meetings.models import AgendaItem, Attendance, Decision, Meeting, StatusReport
from samverka.networks.models import Membership, Network
from samverka.organisations.models import Organisation
from samverka.people.models import Person, PersonOrganisation
from samverka.synth import vocabulary as words

SLUG_PREFIX = "synth-"
PASSWORD = "synt-losenord-for-benchmarks"
# Searchable records one meeting brings on average: itself, ~6.5 items, ~3
# decisions, ~2 assignments, ~7 situation reports and its original.
RECORDS_PER_MEETING = 20.3


@dataclass(frozen=True)
class Plan:
    networks: int = 50
    years: int = 10
    meetings_per_year: int = 8
    seed: int = 1

    @classmethod
    def for_records(
        cls, records: int, years: int = 10, meetings_per_year: int = 8, seed: int = 1
    ) -> Plan:
        per_network = years * meetings_per_year * RECORDS_PER_MEETING
        return cls(max(1, round(records / per_network)), years, meetings_per_year, seed)

    @property
    def meetings(self) -> int:
        return self.networks * self.years * self.meetings_per_year


@dataclass
class Summary:
    networks: int = 0
    people: int = 0
    meetings: int = 0
    records: int = 0


def build(plan: Plan, progress: Callable[[int], None] = lambda n: None) -> Summary:
    """Create the installation described by `plan`; `progress` gets meetings done."""
    if Network.objects.filter(slug__startswith=SLUG_PREFIX).exists():
        raise ValueError("This database already holds a synthetic installation.")
    rng = random.Random(plan.seed)
    groups = _municipality_groups(rng)
    bodies = list(Organisation.objects.filter(name__in=words.BODIES))
    password = make_password(PASSWORD)
    summary = Summary()
    for number in range(plan.networks):
        with transaction.atomic():
            _network(plan, number, groups[number % len(groups)], bodies, password, rng, summary)
        progress(plan.years * plan.meetings_per_year)
    return summary


def _municipality_groups(rng: random.Random) -> list[list[Organisation]]:
    """Return groups of 8–12 neighbouring municipalities (same county)."""
    by_county: dict[str, list[Organisation]] = {}
    for municipality in Organisation.objects.municipalities().order_by("municipality_code"):
        by_county.setdefault(municipality.county or "", []).append(municipality)
    groups: list[list[Organisation]] = []
    for members in by_county.values():
        size = rng.randint(8, 12)
        groups += [members[i : i + size] for i in range(0, len(members), size)]
    return [group for group in groups if len(group) >= 3]


def _network(
    plan: Plan,
    number: int,
    municipalities: list[Organisation],
    bodies: list[Organisation],
    password: str,
    rng: random.Random,
    summary: Summary,
) -> None:
    kind, purpose = words.NETWORK_KINDS[number % len(words.NETWORK_KINDS)]
    county = (municipalities[0].county or "Sverige").removesuffix(" län")
    name = f"{kind} {county} {number + 1}"
    network = Network.objects.create(
        name=name,
        slug=f"{SLUG_PREFIX}{number + 1}-{slugify(name)}"[:80],
        purpose=f"Nätverkets uppdrag är {purpose}.",
    )
    network.organisations.set(municipalities)
    members = _members(network, number, municipalities, password, rng)
    summary.networks += 1
    summary.people += len(members)
    first_year = timezone.localdate().year - plan.years + 1
    days = [
        datetime.date(year, 1 + index * 11 // plan.meetings_per_year, rng.randint(1, 28))
        for year in range(first_year, first_year + plan.years)
        for index in range(plan.meetings_per_year)
    ]
    summary.records += _meetings(network, days, members, municipalities, bodies, rng)
    summary.meetings += len(days)
    documents = [
        Document(
            network=network,
            title=f"Rutin för {topic}",
            file=f"synth/{network.pk}/rutin-{i}.txt",
            content_type="text/plain",
            extracted_text=f"Gemensam rutin för {topic} i {name}. "
            + " ".join(rng.sample(words.STATUS_FRAGMENTS, 4)),
        )
        for i, topic in enumerate(rng.sample(words.TOPICS, 3))
    ]
    Document.objects.bulk_create(documents)
    summary.records += len(documents) + len(members)


def _members(
    network: Network,
    number: int,
    municipalities: list[Organisation],
    password: str,
    rng: random.Random,
) -> list[tuple[Person, Organisation]]:
    people = [
        Person(
            name=f"{rng.choice(words.FIRST_NAMES)} {rng.choice(words.LAST_NAMES)}",
            email=f"synth-{number + 1}-{i + 1}@example.se",
            title=rng.choice(words.JOB_TITLES),
        )
        for i in range(len(municipalities))
    ]
    # The planning lead and one member of every network can log in.
    users = User.objects.bulk_create(
        [User(email=people[i].email, password=password) for i in (0, 1)]
    )
    people[0].user, people[1].user = users
    Person.objects.bulk_create(people)
    start = datetime.date(2000, 1, 1)
    PersonOrganisation.objects.bulk_create(
        PersonOrganisation(person=p, organisation=o, title=p.title, start_date=start)
        for p, o in zip(people, municipalities, strict=True)
    )
    Membership.objects.bulk_create(
        Membership(
            network=network,
            person=p,
            organisation=o,
            start_date=start,
            role=Membership.Role.PLANNING_LEAD if i == 0 else Membership.Role.MEMBER,
        )
        for i, (p, o) in enumerate(zip(people, municipalities, strict=True))
    )
    return list(zip(people, municipalities, strict=True))


def _meetings(
    network: Network,
    days: list[datetime.date],
    members: list[tuple[Person, Organisation]],
    municipalities: list[Organisation],
    bodies: list[Organisation],
    rng: random.Random,
) -> int:
    """Create the network's meetings with everything in them; return the searchable records."""
    today = timezone.localdate()
    places = [rng.choice(words.PLACES) for _ in days]
    meetings = Meeting.objects.bulk_create(
        Meeting(
            network=network,
            date=day,
            start_time=datetime.time(9, 0),
            end_time=datetime.time(12, 0),
            place=place,
            is_digital=place == "Teams",
            status=Meeting.Status.HELD if day < today else Meeting.Status.PLANNED,
        )
        for day, place in zip(days, places, strict=True)
    )
    attendances, items, reports = [], [], []
    present: dict[int, list[tuple[Person, Organisation]]] = {}
    for meeting in meetings:
        present[meeting.pk] = [(p, o) for p, o in members if rng.random() < 0.85]
        attendances += [
            Attendance(
                meeting=meeting,
                person=p,
                organisation=o,
                status=(
                    Attendance.Status.PRESENT
                    if (p, o) in present[meeting.pk]
                    else Attendance.Status.ABSENT
                ),
            )
            for p, o in members
        ]
        items += [
            AgendaItem(
                meeting=meeting,
                order=i + 1,
                number=str(i + 1),
                title=title,
                notes=_notes(sentence, municipalities, rng),
                raised_by=rng.choice(members)[0],
            )
            for i, (title, sentence) in enumerate(rng.sample(words.ITEMS, rng.randint(5, 8)))
        ]
        reports += [
            StatusReport(
                meeting=meeting,
                organisation=o,
                text=" ".join(rng.sample(words.STATUS_FRAGMENTS, rng.randint(2, 4))),
            )
            for _, o in present[meeting.pk]
        ]
    Attendance.objects.bulk_create(attendances, batch_size=2000)
    AgendaItem.objects.bulk_create(items, batch_size=2000)
    StatusReport.objects.bulk_create(reports, batch_size=2000)
    by_meeting: dict[int, list[AgendaItem]] = {}
    for item in items:
        by_meeting.setdefault(item.meeting_id, []).append(item)
    decisions, assignments = [], []
    for meeting in meetings:
        day = meeting.date
        decisions += [
            Decision(
                meeting=meeting,
                item=item,
                order=i,
                text=_fill(rng.choice(words.DECISIONS), day, bodies, rng),
            )
            for i, item in enumerate(rng.sample(by_meeting[meeting.pk], rng.randint(2, 4)))
        ]
        assignments += [
            Assignment(
                network=network,
                meeting=meeting,
                item=item,
                assignee_person=person,
                text=f"{person.name.split()[0]} "
                + _fill(rng.choice(words.ASSIGNMENTS), day, bodies, rng),
                due_next_meeting=True,
                status=(
                    Assignment.Status.DONE
                    if day < today and rng.random() < 0.7
                    else Assignment.Status.OPEN
                ),
            )
            for item, (person, _) in zip(
                rng.sample(by_meeting[meeting.pk], rng.randint(1, 3)),
                rng.sample(members, 3),
                strict=False,
            )
        ]
    Decision.objects.bulk_create(decisions, batch_size=2000)
    Assignment.objects.bulk_create(assignments, batch_size=2000)
    decided: dict[int, list[Decision]] = {}
    for decision in decisions:
        decided.setdefault(decision.meeting_id, []).append(decision)
    reported: dict[int, list[StatusReport]] = {}
    for report in reports:
        reported.setdefault(report.meeting_id, []).append(report)
    texts = [
        _minutes_text(
            network,
            meeting,
            present[meeting.pk],
            by_meeting[meeting.pk],
            decided[meeting.pk],
            reported.get(meeting.pk, []),
        )
        for meeting in meetings
    ]
    originals = SourceDocument.objects.bulk_create(
        (
            SourceDocument(
                network=network,
                file=f"synth/{network.pk}/{meeting.date:%Y-%m-%d}.txt",
                name=f"Minnesanteckningar {meeting.date:%Y-%m-%d}.txt",
                media_type="text/plain",
                sha256=hashlib.sha256(text.encode()).hexdigest(),
                text=text,
            )
            for meeting, text in zip(meetings, texts, strict=True)
        ),
        batch_size=500,
    )
    # As the importer does: a meeting points to the minutes it was read from.
    for meeting, original in zip(meetings, originals, strict=True):
        meeting.source_document = original
    Meeting.objects.bulk_update(meetings, ["source_document"], batch_size=2000)
    return 2 * len(meetings) + len(items) + len(decisions) + len(assignments) + len(reports)


def _notes(sentence: str, municipalities: list[Organisation], rng: random.Random) -> str:
    who = rng.choice(municipalities).name
    extra = rng.sample(words.STATUS_FRAGMENTS, 2)
    return f"{sentence} {who} berättar om läget. {' '.join(extra)}"


def _fill(template: str, day: datetime.date, bodies: list[Organisation], rng: random.Random) -> str:
    return template.format(
        year=day.year + 1,
        topic=rng.choice(words.TOPICS),
        organisation=rng.choice(bodies).name if bodies else "Region Skåne",
    )


def _minutes_text(
    network: Network,
    meeting: Meeting,
    present: list[tuple[Person, Organisation]],
    items: list[AgendaItem],
    decisions: list[Decision],
    reports: list[StatusReport],
) -> str:
    lines = [
        f"Minnesanteckningar {network.name}",
        f"Datum: {meeting.date:%Y-%m-%d} kl. 09.00–12.00, {meeting.place}",
        "Närvarande: " + ", ".join(f"{p.name}, {o.name}" for p, o in present),
    ]
    decided = {d.item_id: d.text for d in decisions}
    for item in items:
        lines += [f"{item.number}. {item.title}", item.notes]
        if item.pk in decided:
            lines.append(f"Beslut: {decided[item.pk]}")
    lines.append("Återkoppling från deltagarna kring nuläget")
    lines += [f"{r.organisation.name}: {r.text}" for r in reports]
    return "\n".join(lines)
