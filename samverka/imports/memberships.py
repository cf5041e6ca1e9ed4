"""Derive a network's memberships from its imported attendance and elections.

Recomputed from the database after every document, so the result does not
depend on the order documents arrive in. Only memberships the importer made
and nobody has edited are changed; the rules are in NOTES.md ("Memberships").
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Max, Min, Q

from samverka.accounts.models import User
from samverka.extract.dates import find_dates
from samverka.imports.history import (
    bulk_create_as_import,
    edited_since_import,
    save_as_import,
)
from samverka.imports.models import ImportedRecord
from samverka.imports.names import Likeness, likeness
from samverka.meetings.models import Attendance, Decision, Meeting
from samverka.networks.models import Membership, Network
from samverka.organisations.models import Organisation
from samverka.people.models import PersonName

ROLE_OF_ATTENDANCE = {
    "": Membership.Role.MEMBER,
    Attendance.Role.SECRETARY: Membership.Role.MEMBER,
    Attendance.Role.CHAIR: Membership.Role.CHAIR,
    Attendance.Role.VICE_CHAIR: Membership.Role.VICE_CHAIR,
    Attendance.Role.PLANNING_LEAD: Membership.Role.PLANNING_LEAD,
}
_ELECTION = re.compile(
    r"\b(?:väljer|välja|väljs|utser|utse)\s+(?P<name>[A-ZÅÄÖ][\w-]+(?:\s+[A-ZÅÄÖ][\w-]+){1,3})"
    r"(?:,\s*[^,]{1,60},)?"
    r"(?:\s+(?:till|som)\s+(?P<role>vice ordförande|ordförande|planeringsledare|processledare))?"
)
_FROM = ("från och med", "fr.o.m.", "fr o m", "från")
_UNTIL = ("till och med", "t.o.m.", "t o m", "till")
_ROLE_WORDS = [
    ("vice ordförande", Membership.Role.VICE_CHAIR),
    ("ordförande", Membership.Role.CHAIR),
    ("planeringsledare", Membership.Role.PLANNING_LEAD),
    ("processledare", Membership.Role.PLANNING_LEAD),
]

Key = tuple[int, str, int | None]  # person, role, organisation


@dataclass
class Period:
    start: datetime.date
    end: datetime.date | None


def _role_in(text: str) -> Membership.Role | None:
    text = text.casefold()
    for word, role in _ROLE_WORDS:
        if word in text:
            return role
    return None


@dataclass
class Election:
    person_id: int
    role: Membership.Role
    organisation_id: int | None
    start: datetime.date
    end: datetime.date | None = None  # only when the decision says so


def _term(text: str, held: datetime.date) -> tuple[datetime.date, datetime.date | None]:
    """ "… från och med 1 juli 2025 till och med 30 juni 2026" → the term; else from `held`."""
    start, end = held, None
    for found in find_dates(text):
        before = text[: found.span[0]].rstrip().casefold()
        day = found.to_date(default_year=held.year)
        if day is None:
            continue
        if before.endswith(_UNTIL[:3]) or (before.endswith("till") and end is None):
            end = day
        elif before.endswith(_FROM):
            start = day
    return start, end


def elections(network: Network) -> list[Election]:
    """Return the elections in decisions ("Nätverket väljer X", "att välja X till ordförande")."""
    found: list[Election] = []
    decisions = (
        Decision.objects.filter(
            meeting__network=network,
            meeting__status=Meeting.Status.HELD,
        )
        .filter(Q(text__contains="välj") | Q(text__contains="utse"))
        .select_related("item", "meeting")
    )
    for decision in decisions:
        match = _ELECTION.search(decision.text)
        if match is None:
            continue
        role = _role_in(match["role"] or "") or _role_in(
            decision.item.title if decision.item else ""
        )
        if role is None:
            continue
        attendances = list(
            Attendance.objects.filter(meeting=decision.meeting)
            .exclude(status=Attendance.Status.GUEST)
            .select_related("organisation")
        )
        names: dict[int, list[str]] = {}
        for person_id, name in PersonName.objects.filter(
            person__in=[a.person_id for a in attendances]
        ).values_list("person", "name"):
            names.setdefault(person_id, []).append(name)
        elected = [
            a
            for a in attendances
            if any(
                likeness(match["name"], n) >= Likeness.EXTENDS for n in names.get(a.person_id, [])
            )
        ]
        if not elected:
            continue
        # Namesakes in one meeting: the one sitting for a municipality is the member.
        elected.sort(
            key=lambda a: (
                a.organisation is None or a.organisation.kind != Organisation.Kind.MUNICIPALITY,
                a.role != "",
                a.pk,
            )
        )
        chosen = elected[0]
        start, end = _term(decision.text[match.end() :], decision.meeting.date)
        previous = found[-1] if found else None
        if "samma period" in decision.text and previous and previous.start >= decision.meeting.date:
            start, end = previous.start, previous.end
        found.append(Election(chosen.person_id, role, chosen.organisation_id, start, end))
    return found


def desired_memberships(network: Network) -> dict[Key, Period]:
    held = Attendance.objects.filter(
        meeting__network=network, meeting__status=Meeting.Status.HELD
    ).exclude(status=Attendance.Status.GUEST)
    latest = held.aggregate(latest=Max("meeting__date"))["latest"]
    desired: dict[Key, Period] = {}
    rows = held.values("person", "role", "organisation", "organisation__kind").annotate(
        first=Min("meeting__date"), last=Max("meeting__date")
    )
    for row in rows:
        roles = {ROLE_OF_ATTENDANCE.get(row["role"], Membership.Role.MEMBER)}
        if row["organisation__kind"] == Organisation.Kind.MUNICIPALITY:
            roles.add(Membership.Role.MEMBER)
        elif roles == {Membership.Role.MEMBER}:
            # Someone from a body or the secretariat without a role is visiting.
            continue
        for role in roles:
            key = (row["person"], str(role), row["organisation"])
            period = desired.get(key)
            first, last = row["first"], row["last"]
            if period is not None:
                first = min(first, period.start)
                last = max(last, period.end or latest)
            desired[key] = Period(first, None if last == latest else last)
    terms = sorted(elections(network), key=lambda e: e.start)
    for term in terms:
        successor = next(
            (
                t.start
                for t in terms
                if t.role == term.role and t.start > term.start and t.person_id != term.person_id
            ),
            None,
        )
        end = term.end or (successor - datetime.timedelta(days=1) if successor else None)
        key = (term.person_id, str(term.role), term.organisation_id)
        period = desired.get(key)
        if period is not None and period.start < term.start:
            # Held the role before the election too: one period from the first time.
            desired[key] = Period(period.start, end)
        else:
            desired[key] = Period(term.start, end)
        # Whoever held the role without an election hands it over the day before.
        for (person_id, role_held, _), other in desired.items():
            handed_over = role_held == str(term.role) and person_id != term.person_id
            if handed_over and other.end is None and other.start <= term.start:
                other.end = max(other.start, term.start - datetime.timedelta(days=1))
    return desired


def memberships_sync(*, network: Network, by: User | None = None) -> None:
    """Make the importer's memberships of the network match its minutes."""
    membership_type = ContentType.objects.get_for_model(Membership)
    records = {
        r.object_id: r
        for r in ImportedRecord.objects.filter(network=network, content_type=membership_type)
    }
    existing = {
        (m.person_id, m.role, m.organisation_id): m
        for m in Membership.objects.filter(pk__in=records)
    }
    desired = desired_memberships(network)
    new: list[Membership] = []
    for key, period in desired.items():
        membership = existing.pop(key, None)
        if membership is None:
            person_id, role, organisation_id = key
            new.append(
                Membership(
                    network=network,
                    person_id=person_id,
                    role=role,
                    organisation_id=organisation_id,
                    start_date=period.start,
                    end_date=period.end,
                )
            )
            continue
        unchanged = (membership.start_date, membership.end_date) == (period.start, period.end)
        if unchanged or edited_since_import(membership):
            continue
        membership.start_date, membership.end_date = period.start, period.end
        save_as_import(membership, by=by)
    bulk_create_as_import(new, by=by)
    ImportedRecord.objects.bulk_create(
        ImportedRecord(
            network=network,
            content_type=membership_type,
            object_id=membership.pk,
            action=ImportedRecord.Action.CREATED,
        )
        for membership in new
    )
    for membership in existing.values():
        if not edited_since_import(membership):
            records[membership.pk].delete()
            membership.delete()
