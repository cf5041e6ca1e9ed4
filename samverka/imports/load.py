"""Load one document's `Minutes` into the database, in dependency order.

organisations → people → meeting → attendance → items, decisions,
assignments → status reports → planned meetings → carried-over items →
representations → memberships → review entries. The caller holds the
transaction; the heuristics are in NOTES.md.
"""

from __future__ import annotations

import calendar
import datetime
import os
import re
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from django.contrib.contenttypes.models import ContentType
from django.db import models
from rapidfuzz import fuzz

from samverka.accounts.models import User
from samverka.assignments.models import Assignment
from samverka.documents.models import SourceDocument
from samverka.extract import model as extracted
from samverka.imports.history import (
    bulk_create_as_import,
    edited_since_import,
    save_as_import,
    with_edits_noted,
)
from samverka.imports.models import ImportedRecord, ReviewEntry
from samverka.imports.names import (
    Likeness,
    first_name,
    fold,
    is_first_name_only,
    likeness,
    longer_name,
    looks_like_full_name,
)
from samverka.imports.resolve import OrganisationIndex, PeopleIndex
from samverka.meetings.models import AgendaItem, Attendance, Decision, Meeting, StatusReport
from samverka.networks.models import Network, Representation
from samverka.organisations.models import Organisation, OrganisationAlias, name_key
from samverka.people.models import Person, PersonName, PersonOrganisation

# Test hook: after this many saved records, print a line and sleep, so a test
# can SIGKILL the process in the middle of a document. Unset in normal use.
PAUSE_ENV = "SAMVERKA_IMPORT_PAUSE_AFTER_RECORDS"
PAUSED_MESSAGE = "samverka-import-paused"

ATTENDANCE_ROLES = {
    "ordförande": Attendance.Role.CHAIR,
    "vice ordförande": Attendance.Role.VICE_CHAIR,
    "planeringsledare": Attendance.Role.PLANNING_LEAD,
    "processledare": Attendance.Role.PLANNING_LEAD,
    "sekreterare": Attendance.Role.SECRETARY,
}
CARRIED_TITLE_SIMILARITY = 80.0
_NEXT_MEETING = re.compile(r"(till|på|vid) nästa (möte|träff|nätverksmöte)", re.IGNORECASE)
_REPRESENTATIVE = re.compile(
    r"(?P<name>[A-ZÅÄÖ][\w-]+(?: [A-ZÅÄÖ][\w-]+){1,3})\s+"
    r"(?:är|blir|utses till|väljs till|sitter som)\s+(?:nätverkets\s+)?representant\s+"
    r"(?:i|på|för)\s+(?P<body>[A-ZÅÄÖ][\w-]+(?: [A-ZÅÄÖ][\w-]+){0,3})"
)
_QUOTED = re.compile(r"[\"“”'«»]([^\"“”'«»]{3,80})[\"“”'«»]")


def parse_date(text: str | None) -> datetime.date | None:
    if not text:
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


def parse_due(text: str | None) -> datetime.date | None:
    """ "2021-03-15" → that day; "2021-03" → the month's last day."""
    if not text:
        return None
    if re.fullmatch(r"\d{4}-\d{2}", text):
        year, month = (int(part) for part in text.split("-"))
        if 1 <= month <= 12:
            return datetime.date(year, month, calendar.monthrange(year, month)[1])
        return None
    return parse_date(text)


def parse_time(text: str | None) -> datetime.time | None:
    if not text:
        return None
    try:
        return datetime.time.fromisoformat(text)
    except ValueError:
        return None


def looks_like_organisation(text: str) -> bool:
    """A proper name of a few words ("Sjuhärads kommunalförbund", "FoU"), not a
    fragment of a sentence the extractor took for one."""
    words = text.split()
    return (
        1 <= len(words) <= 4
        and words[0][:1].isupper()
        and not re.search(r"[.:;!?()]", text)
        and not any(char.isdigit() for char in text)
    )


def _is_digital(place: str | None) -> bool | None:
    if not place:
        return None
    return True if re.search(r"teams|zoom|digital|online", place, re.IGNORECASE) else None


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    deleted: int = 0
    review: int = 0
    meetings: list[int] = field(default_factory=list)


@dataclass
class Calendar:
    """A network's meetings by date, read once per document; the loader adds what it saves.

    A document needs the meeting on its date, whether a planned meeting's date
    is taken, and the meetings before and after its own: one query, not four.
    """

    meetings: dict[int, tuple[datetime.date, str]]  # id → (date, status)

    @classmethod
    def of(cls, network: Network) -> Calendar:
        rows = Meeting.objects.for_network(network).values_list("pk", "date", "status")
        return cls({pk: (date, status) for pk, date, status in rows})

    def note(self, meeting: Meeting) -> None:
        self.meetings[meeting.pk] = (meeting.date, meeting.status)

    def taken(self, date: datetime.date) -> bool:
        """Whether the network has a meeting that day, cancelled or not."""
        return any(day == date for day, _ in self.meetings.values())

    def on(self, date: datetime.date) -> int | None:
        """The first meeting that day that is not cancelled."""
        return min((pk for pk, (day, _) in self.current() if day == date), default=None)

    def next_after(self, date: datetime.date) -> tuple[int, str] | None:
        """The next meeting after `date` that is not cancelled: (id, status)."""
        later = [(day, pk, status) for pk, (day, status) in self.current() if day > date]
        if not later:
            return None
        _, pk, status = min(later)
        return pk, status

    def last_before(self, date: datetime.date) -> int | None:
        """The latest meeting before `date` that is not cancelled."""
        earlier = [(day, -pk) for pk, (day, _) in self.current() if day < date]
        return -max(earlier)[1] if earlier else None

    def current(self) -> Iterator[tuple[int, tuple[datetime.date, str]]]:
        for pk, (day, status) in self.meetings.items():
            if status != Meeting.Status.CANCELLED:
                yield pk, (day, status)


class PauseHook:
    """The test hook of PAUSE_ENV: counts the records of one run and sleeps at the Nth."""

    def __init__(self) -> None:
        value = os.environ.get(PAUSE_ENV, "")
        self.after = int(value) if value.isdigit() else 0
        self.records = 0

    def tick(self) -> None:
        self.records += 1
        if self.after and self.records == self.after:
            print(PAUSED_MESSAGE, file=sys.stderr, flush=True)
            time.sleep(3600)


class DocumentLoader:
    """Load one document. Construct, call `load()`, read `counts`."""

    def __init__(
        self,
        *,
        network: Network,
        source: SourceDocument,
        minutes: extracted.Minutes,
        organisations: OrganisationIndex,
        people: PeopleIndex,
        by: User | None,
        replaces: SourceDocument | None = None,
        pause: PauseHook | None = None,
    ) -> None:
        self.network = network
        self.source = source
        self.minutes = minutes
        self.organisations = organisations
        self.people = people
        self.by = by
        self.replaces = replaces
        self.counts = Counts()
        self.meeting: Meeting | None = None
        # Meetings this document made: nothing is on them yet, so nothing to look up.
        self.new_meetings: set[int] = set()
        self.participants: dict[int, Attendance] = {}  # person id → attendance here
        self.touched_people: set[int] = set()
        self.pause = pause or PauseHook()
        self.records: list[ImportedRecord] = []
        self.entries: list[ReviewEntry] = []
        # New records waiting for `save_queued()`: (record, span, name seen).
        self.queued: list[tuple[models.Model, extracted.Span | None, str]] = []
        self._content_types: dict[type[models.Model], ContentType] = {}

    # --- bookkeeping ----------------------------------------------------------

    def save(
        self,
        obj: models.Model,
        span: extracted.Span | None = None,
        *,
        action: ImportedRecord.Action = ImportedRecord.Action.CREATED,
        name_seen: str = "",
        link: bool = True,
    ) -> None:
        """Save a record as the importer, linked to this document and span."""
        if link:
            self.link(obj, span)
        save_as_import(obj, by=self.by)
        self.saved(obj, span, action=action, name_seen=name_seen)

    def save_later(
        self, obj: models.Model, span: extracted.Span | None, *, name_seen: str = ""
    ) -> None:
        """Queue a new record for `save_queued()`, which inserts the queue in bulk."""
        self.link(obj, span)
        self.queued.append((obj, span, name_seen))

    def save_queued(self) -> None:
        """Insert the queued records with one INSERT per model, models in the order they
        were first queued (an item before the decisions under it)."""
        by_model: dict[
            type[models.Model], list[tuple[models.Model, extracted.Span | None, str]]
        ] = {}
        for entry in self.queued:
            by_model.setdefault(type(entry[0]), []).append(entry)
        self.queued = []
        for entries in by_model.values():
            bulk_create_as_import([obj for obj, _, _ in entries], by=self.by)
            for obj, span, name_seen in entries:
                self.saved(obj, span, action=ImportedRecord.Action.CREATED, name_seen=name_seen)

    def link(self, obj: models.Model, span: extracted.Span | None) -> None:
        if span is not None and hasattr(obj, "source_document_id"):
            obj.source_document = self.source  # type: ignore[attr-defined]
            obj.source_start, obj.source_end = span  # type: ignore[attr-defined]

    def saved(
        self,
        obj: models.Model,
        span: extracted.Span | None,
        *,
        action: ImportedRecord.Action,
        name_seen: str,
    ) -> None:
        """List a saved record as imported by this document."""
        self.records.append(
            ImportedRecord(
                network=self.network,
                source_document=self.source,
                content_type=self.content_type(type(obj)),
                object_id=obj.pk,
                action=action,
                name_seen=name_seen[:200],
                source_start=span[0] if span else None,
                source_end=span[1] if span else None,
            )
        )
        if action == ImportedRecord.Action.CREATED:
            self.counts.created += 1
        else:
            self.counts.updated += 1
        self.pause.tick()

    def person(self, pk: int) -> Person:
        return self.people.person(pk)

    @cached_property
    def calendar(self) -> Calendar:
        # Read when first needed: after a new version's retirement removed meetings.
        return Calendar.of(self.network)

    def content_type(self, model: type[models.Model]) -> ContentType:
        if model not in self._content_types:
            self._content_types[model] = ContentType.objects.get_for_model(model)
        return self._content_types[model]

    def review(
        self,
        kind: ReviewEntry.Kind,
        message: str,
        span: extracted.Span | None = None,
        *,
        person: Person | None = None,
        other_person: Person | None = None,
        record: models.Model | None = None,
    ) -> None:
        self.entries.append(
            ReviewEntry(
                network=self.network,
                source_document=self.source,
                source_start=span[0] if span else None,
                source_end=span[1] if span else None,
                kind=kind,
                message=message,
                person=person,
                other_person=other_person,
                content_type=self.content_type(type(record)) if record is not None else None,
                object_id=record.pk if record is not None else None,
            )
        )
        self.counts.review += 1
        self.pause.tick()

    # --- the pipeline ---------------------------------------------------------

    def load(self) -> Counts:
        self.load_warnings()
        self.load_meeting()
        if self.meeting is not None:
            self.load_attendance()
            self.load_minute_taker()
            self.load_items()
            self.load_status_reports()
        self.load_planned_meetings()
        if self.meeting is not None:
            self.link_carried_over()
            self.load_representations()
        # Written together at the end: nothing in one document reads them back.
        ImportedRecord.objects.bulk_create(self.records)
        ReviewEntry.objects.bulk_create(self.entries)
        return self.counts

    def load_warnings(self) -> None:
        for warning in [*self.minutes.source.warnings, *self.minutes.warnings]:
            self.review(ReviewEntry.Kind.WARNING, warning, self.span_of_quote(warning))

    def span_of_quote(self, message: str) -> extracted.Span | None:
        """A warning is a string; point at what it quotes, if the text has it."""
        for quoted in _QUOTED.findall(message):
            start = self.source.text.find(quoted)
            if start >= 0:
                return (start, start + len(quoted))
        return None

    def header_span(self) -> extracted.Span:
        spans = [p.span for p in self.minutes.participants if p.span != (0, 0)]
        end = max((s[1] for s in spans), default=min(len(self.source.text), 200))
        return (0, end)

    def load_meeting(self) -> None:
        minutes = self.minutes
        date = parse_date(minutes.date)
        if date is None:
            self.review(
                ReviewEntry.Kind.LOW_CONFIDENCE,
                "Inget mötesdatum hittades; dokumentet sparades men inget möte skapades.",
                self.header_span(),
            )
            return
        on_date = self.calendar.on(date)
        meeting = (
            with_edits_noted(Meeting.objects.filter(pk=on_date)).get()
            if on_date is not None
            else None
        )
        ours = {self.source.pk, self.replaces.pk if self.replaces else None}
        if (
            meeting is not None
            and meeting.status == Meeting.Status.HELD
            and meeting.source_document_id not in ours
        ):
            self.review(
                ReviewEntry.Kind.DUPLICATE,
                f"Mötet {date:%Y-%m-%d} har redan anteckningar från ett annat dokument; "
                "det här dokumentet sparades men lästes inte in en gång till.",
                self.header_span(),
                record=meeting,
            )
            return
        action = ImportedRecord.Action.UPDATED
        if meeting is None:
            meeting = Meeting(network=self.network, date=date)
            action = ImportedRecord.Action.CREATED
        elif meeting.source_document_id not in ours and edited_since_import(meeting):
            # A planned meeting someone has edited: the minutes say it was held,
            # but the edited details (place, time) stay.
            meeting.status = Meeting.Status.HELD
            self.save(meeting, self.header_span(), action=action)
            self.calendar.note(meeting)
            self.meeting = meeting
            self.counts.meetings.append(meeting.pk)
            return
        meeting.status = Meeting.Status.HELD
        meeting.title = (minutes.title or "")[:255]
        meeting.start_time = parse_time(minutes.start_time)
        meeting.end_time = parse_time(minutes.end_time)
        meeting.place = (minutes.place or "")[:255]
        meeting.is_digital = minutes.digital
        self.save(meeting, self.header_span(), action=action)
        if action == ImportedRecord.Action.CREATED:
            self.new_meetings.add(meeting.pk)
        self.calendar.note(meeting)
        self.meeting = meeting
        self.counts.meetings.append(meeting.pk)

    # --- people -----------------------------------------------------------------

    def organisation_id(self, text: str | None, span: extracted.Span) -> int | None:
        if not text:
            return None
        found = self.organisations.organisation(text)
        if found is not None or self.organisations.network(text) is not None:
            return found
        if looks_like_organisation(text):
            organisation = Organisation(name=" ".join(text.split()))
            self.save(organisation, span)
            alias = OrganisationAlias(
                organisation=organisation, alias=organisation.name, key=name_key(organisation.name)
            )
            self.save(alias, span)
            self.organisations.add(organisation.pk, organisation.name, organisation.kind)
            self.review(
                ReviewEntry.Kind.LOW_CONFIDENCE,
                f"Organisationen ”{organisation.name}” fanns inte och lades till.",
                span,
                record=organisation,
            )
            return organisation.pk
        self.review(
            ReviewEntry.Kind.LOW_CONFIDENCE,
            f"Okänd organisation ”{text}”; personen kopplades inte till någon organisation.",
            span,
        )
        return None

    def person_for_participant(
        self, participant: extracted.Participant, organisation_id: int | None
    ) -> Person:
        name = " ".join(participant.name.split())
        match = self.people.match_participant(name, organisation_id, exclude=set(self.participants))
        if match.person_id is not None:
            person = self.person(match.person_id)
            self.note_name(person, name, organisation_id, participant.span)
            if match.ambiguous:
                self.review(
                    ReviewEntry.Kind.LOW_CONFIDENCE,
                    f"”{name}” kan vara flera personer; kopplades till {person.name}.",
                    participant.span,
                    person=person,
                )
            return person
        person = self.person_create(name, organisation_id, participant.span)
        if match.maybe_same_as is not None:
            other = self.person(match.maybe_same_as)
            self.review(
                ReviewEntry.Kind.MERGE_SUGGESTION,
                f"{name} ({self.organisation_name(organisation_id)}) heter som {other.name} "
                f"i en annan organisation. Samma person?",
                participant.span,
                person=person,
                other_person=other,
            )
        return person

    def organisation_name(self, organisation_id: int | None) -> str:
        if organisation_id is None:
            return "okänd organisation"
        return Organisation.objects.get(pk=organisation_id).name

    def person_create(self, name: str, organisation_id: int | None, span: extracted.Span) -> Person:
        person = Person(name=name)
        self.save(person, span, name_seen=name)
        self.note_name(person, name, organisation_id, span)
        return person

    def note_name(
        self, person: Person, name: str, organisation_id: int | None, span: extracted.Span
    ) -> None:
        """Record a new name form or organisation of a known person."""
        known = self.people.people[person.pk]
        if name not in known.names:
            if not PersonName.objects.filter(person=person, key=name_key(name)).exists():
                self.save(PersonName(person=person, name=name, key=name_key(name)), span)
            fuller = longer_name(name, person.name)
            if fuller != person.name and likeness(fuller, person.name) is Likeness.EXTENDS:
                person.name = fuller
                self.save(person, span, action=ImportedRecord.Action.UPDATED, link=False)
        if organisation_id is not None and organisation_id not in known.organisations:
            self.save(
                PersonOrganisation(
                    person=person,
                    organisation_id=organisation_id,
                    start_date=self.meeting.date if self.meeting else None,
                ),
                span,
            )
        self.people.add(person.pk, name, organisation_id)
        self.touched_people.add(person.pk)

    def mention(self, name: str | None, span: extracted.Span) -> Person | None:
        """Resolve a name in the text (raised by, assignee) to a person, if it is one.

        This meeting's participants first (a first name alone resolves only
        there); then everyone known, when exactly one person has that name.
        """
        if not name:
            return None
        name = " ".join(name.split())
        here = self.attendance_candidates(name)
        if len(here) == 1:
            return here[0].person
        if len(here) > 1:
            chosen = self.likeliest_member(here)
            self.review(
                ReviewEntry.Kind.LOW_CONFIDENCE,
                f"”{name}” kan avse flera deltagare; kopplades till {chosen.person.name} "
                f"({chosen.organisation or 'okänd organisation'}).",
                span,
                person=chosen.person,
            )
            return chosen.person
        if is_first_name_only(name):
            return None
        exact = [pk for pk, like in self.people.candidates(name) if like is Likeness.SAME]
        if len(exact) == 1:
            return self.person(exact[0])
        return None

    def attendance_candidates(self, name: str) -> list[Attendance]:
        if is_first_name_only(name):
            wanted = fold(name)
            return [
                a for a in self.participants.values() if first_name(a.person.name) == wanted
            ] or [
                a
                for a in self.participants.values()
                if any(first_name(n) == wanted for n in self.people.people[a.person_id].names)
            ]
        best: list[Attendance] = []
        best_like = Likeness.NONE
        for attendance in self.participants.values():
            like = max(
                (likeness(name, known) for known in self.people.people[attendance.person_id].names),
                default=Likeness.NONE,
            )
            if like > best_like:
                best, best_like = [attendance], like
            elif like is not Likeness.NONE and like == best_like:
                best.append(attendance)
        return best

    def likeliest_member(self, attendances: list[Attendance]) -> Attendance:
        """Among namesakes, prefer who sits for a municipality and is not a guest."""

        def rank(attendance: Attendance) -> tuple[int, int, int]:
            return (
                0 if self.organisations.is_municipality(attendance.organisation_id) else 1,
                0 if attendance.status != Attendance.Status.GUEST else 1,
                attendance.pk,
            )

        return min(attendances, key=rank)

    # --- the meeting's records ------------------------------------------------

    def load_attendance(self) -> None:
        assert self.meeting is not None
        existing = (
            {}
            if self.meeting.pk in self.new_meetings
            else {
                a.person_id: a
                for a in with_edits_noted(Attendance.objects.filter(meeting=self.meeting))
            }
        )
        self.people.load_people(p.name for p in self.minutes.participants)
        for participant in self.minutes.participants:
            organisation_id = self.organisation_id(participant.organisation, participant.span)
            if organisation_id is None and self.attendance_candidates(participant.name):
                # Namesakes are told apart by organisation; without one, a name
                # already on this meeting's list is the same line read twice.
                self.review(
                    ReviewEntry.Kind.LOW_CONFIDENCE,
                    f"{participant.name} står två gånger i deltagarlistan.",
                    participant.span,
                )
                continue
            person = self.person_for_participant(participant, organisation_id)
            if person.pk in self.participants:
                self.review(
                    ReviewEntry.Kind.LOW_CONFIDENCE,
                    f"{participant.name} står två gånger i deltagarlistan.",
                    participant.span,
                    person=person,
                )
                continue
            attendance = existing.get(person.pk)
            if attendance is not None and edited_since_import(attendance):
                self.participants[person.pk] = attendance
                continue
            attendance = attendance or Attendance(meeting=self.meeting, person=person)
            attendance.status = participant.status
            attendance.organisation_id = organisation_id
            attendance.role = ATTENDANCE_ROLES.get((participant.role or "").casefold(), "")
            if attendance.pk is None:
                self.save_later(attendance, participant.span, name_seen=participant.name)
            else:
                self.save(attendance, participant.span, name_seen=participant.name)
            self.participants[person.pk] = attendance
        self.save_queued()

    def load_minute_taker(self) -> None:
        assert self.meeting is not None
        if not self.minutes.minute_taker:
            return
        person = self.mention(self.minutes.minute_taker, self.header_span())
        if person is not None and self.meeting.minute_taker_id != person.pk:
            self.meeting.minute_taker = person
            self.save(self.meeting, None, action=ImportedRecord.Action.UPDATED, link=False)

    def load_items(self) -> None:
        assert self.meeting is not None
        placeholders = (
            []
            if self.meeting.pk in self.new_meetings
            else list(
                with_edits_noted(
                    AgendaItem.objects.filter(
                        meeting=self.meeting, carried_from__isnull=False
                    ).exclude(source_document=self.source)
                )
            )
        )
        self.items: list[AgendaItem] = []
        for order, found in enumerate(self.minutes.items, start=1):
            raised_by = self.mention(found.raised_by, found.span)
            if found.raised_by and raised_by is None:
                self.review(
                    ReviewEntry.Kind.LOW_CONFIDENCE,
                    f"Punkten anmäldes av ”{found.raised_by}”, "
                    "som inte kunde kopplas till en person.",
                    found.span,
                )
            item = AgendaItem(
                meeting=self.meeting,
                order=order,
                number=(found.number or "")[:20],
                title=(found.title or "")[:500] or "–",
                raised_by=raised_by,
                kind=self.item_kind(found),
                notes=found.text,
                outcome=found.outcome,
            )
            self.save_later(item, found.span)
            self.items.append(item)
            for decision_order, decision in enumerate(found.decisions, start=1):
                self.save_later(
                    Decision(
                        meeting=self.meeting, item=item, text=decision.text, order=decision_order
                    ),
                    decision.span,
                )
            for assignment in found.assignments:
                self.load_assignment(assignment, item)
        self.save_queued()
        self.absorb_placeholders(placeholders)

    @staticmethod
    def item_kind(found: extracted.Item) -> AgendaItem.Kind:
        title = found.title.casefold()
        if found.decisions:
            return AgendaItem.Kind.DECISION
        if "återrapport" in title or "återkoppling" in title:
            return AgendaItem.Kind.REPORT_BACK
        if "dialog" in title:
            return AgendaItem.Kind.DIALOG
        return AgendaItem.Kind.INFORMATION

    def load_assignment(self, found: extracted.Assignment, item: AgendaItem) -> None:
        assert self.meeting is not None
        assignment = Assignment(
            network=self.network,
            text=found.text,
            due_date=parse_due(found.due),
            due_next_meeting=bool(_NEXT_MEETING.search(found.text)),
            meeting=self.meeting,
            item=item,
        )
        person = self.mention(found.assignee, found.span)
        organisation_id = None if person else self.organisations.organisation(found.assignee)
        network_id = (
            None if person or organisation_id else self.organisations.network(found.assignee)
        )
        if person is not None:
            assignment.assignee_person = person
        elif organisation_id is not None:
            assignment.assignee_organisation_id = organisation_id
        elif network_id is not None:
            assignment.assignee_network_id = network_id
        elif "nätverk" in found.assignee.casefold():
            assignment.assignee_network = self.network_create(found.assignee, found.span)
        elif looks_like_full_name(found.assignee):
            assignment.assignee_person = self.person_create(found.assignee, None, found.span)
            self.review(
                ReviewEntry.Kind.LOW_CONFIDENCE,
                f"Uppdraget gavs till ”{found.assignee}”, som inte fanns bland deltagarna; "
                "en ny person skapades.",
                found.span,
                person=assignment.assignee_person,
            )
        else:
            self.review(
                ReviewEntry.Kind.LOW_CONFIDENCE,
                f"Uppdrag till ”{found.assignee}” kunde inte kopplas till en person, "
                f"organisation eller ett nätverk och lästes inte in: {found.text}",
                found.span,
            )
            return
        self.save_later(assignment, found.span, name_seen=found.assignee)

    def network_create(self, name: str, span: extracted.Span) -> Network:
        from samverka.networks.services import network_create

        network = network_create(name=name.strip(), by=self.by)
        self.organisations.networks[fold(network.name)] = network.pk
        ImportedRecord.objects.create(
            network=self.network,
            source_document=self.source,
            content_type=self.content_type(Network),
            object_id=network.pk,
            action=ImportedRecord.Action.CREATED,
            source_start=span[0],
            source_end=span[1],
        )
        self.counts.created += 1
        self.review(
            ReviewEntry.Kind.LOW_CONFIDENCE,
            f"Nätverket ”{network.name}” fanns inte och skapades för ett uppdrag.",
            span,
            record=network,
        )
        return network

    def load_status_reports(self) -> None:
        assert self.meeting is not None
        for report in self.minutes.status_reports:
            organisation_id = self.organisations.organisation(report.organisation)
            if organisation_id is None:
                self.review(
                    ReviewEntry.Kind.LOW_CONFIDENCE,
                    f"Lägesrapport från okänd organisation ”{report.organisation}” lästes inte in.",
                    report.span,
                )
                continue
            self.save_later(
                StatusReport(
                    meeting=self.meeting, organisation_id=organisation_id, text=report.text
                ),
                report.span,
            )
        self.save_queued()

    # --- across meetings ------------------------------------------------------

    def absorb_placeholders(self, placeholders: Iterable[AgendaItem]) -> None:
        """A planned meeting got carried-over items from an earlier import; now that its
        own minutes are here, link their items to the earlier ones and drop the copies."""
        for placeholder in placeholders:
            match = self.similar_item(placeholder.title, self.items)
            if match is not None and match.carried_from_id is None:
                match.carried_from_id = placeholder.carried_from_id
                self.save(match, None, action=ImportedRecord.Action.UPDATED, link=False)
            if not edited_since_import(placeholder):
                ImportedRecord.objects.for_object(placeholder).delete()
                placeholder.delete()
                self.counts.deleted += 1

    @staticmethod
    def similar_item(title: str, items: Iterable[AgendaItem]) -> AgendaItem | None:
        best, score = None, CARRIED_TITLE_SIMILARITY
        for item in items:
            similarity = fuzz.token_set_ratio(fold(title), fold(item.title))
            if similarity >= score:
                best, score = item, similarity
        return best

    def link_carried_over(self) -> None:
        """Carried-over items go on the next meeting's agenda; items carried to this
        meeting from the previous one are linked back."""
        assert self.meeting is not None
        carried = [item for item in self.items if item.outcome == AgendaItem.Outcome.CARRIED_OVER]
        following = self.calendar.next_after(self.meeting.date) if carried else None
        if following is not None:
            following_id, status = following
            if status == Meeting.Status.PLANNED:
                self.carry_to(carried, following_id)
            else:
                later_items = list(
                    AgendaItem.objects.filter(meeting=following_id, carried_from__isnull=True)
                )
                for item in carried:
                    match = self.similar_item(item.title, later_items)
                    if match is not None:
                        match.carried_from = item
                        self.save(match, None, action=ImportedRecord.Action.UPDATED, link=False)
        previous = self.calendar.last_before(self.meeting.date)
        if previous is not None:
            earlier = AgendaItem.objects.filter(
                meeting=previous, outcome=AgendaItem.Outcome.CARRIED_OVER
            )
            for old in earlier:
                match = self.similar_item(old.title, self.items)
                if match is not None and match.carried_from_id is None:
                    match.carried_from = old
                    self.save(match, None, action=ImportedRecord.Action.UPDATED, link=False)

    def carry_to(self, items: list[AgendaItem], meeting_id: int) -> None:
        """Put the items on the agenda of a planned meeting, after what it has.

        The items are this document's own, so none of them is there yet.
        """
        order = (
            0
            if meeting_id in self.new_meetings
            else AgendaItem.objects.filter(meeting=meeting_id).count()
        )
        for item in items:
            order += 1
            self.save_later(
                AgendaItem(
                    meeting_id=meeting_id,
                    order=order,
                    number=str(order),
                    title=item.title,
                    raised_by=item.raised_by,
                    kind=item.kind,
                    carried_from=item,
                ),
                (item.source_start or 0, item.source_end or 0),
            )
        self.save_queued()

    def load_planned_meetings(self) -> None:
        held_on = self.meeting.date if self.meeting else None
        for planned in self.minutes.planned_meetings:
            date = parse_date(planned.date)
            if date is None:
                self.review(
                    ReviewEntry.Kind.LOW_CONFIDENCE,
                    f"Ett planerat möte med oläsligt datum ”{planned.date}”.",
                    planned.span,
                )
                continue
            if date == held_on:
                continue
            if self.calendar.taken(date):
                continue
            meeting = Meeting(
                network=self.network,
                date=date,
                status=Meeting.Status.PLANNED,
                start_time=parse_time(planned.start_time),
                end_time=parse_time(planned.end_time),
                place=(planned.place or "")[:255],
                is_digital=_is_digital(planned.place),
            )
            self.save(meeting, planned.span)
            self.new_meetings.add(meeting.pk)
            self.calendar.note(meeting)

    def load_representations(self) -> None:
        """Best effort: "Anna Andersson är nätverkets representant i Medelpunkten"."""
        assert self.meeting is not None
        for found in self.minutes.items:
            for match in _REPRESENTATIVE.finditer(found.text):
                body_id = self.organisations.organisation(match["body"])
                person = self.mention(match["name"], found.span)
                if body_id is None or person is None:
                    continue
                if Representation.objects.filter(
                    network=self.network, person=person, body_id=body_id
                ).exists():
                    continue
                self.save(
                    Representation(
                        network=self.network,
                        person=person,
                        body_id=body_id,
                        start_date=self.meeting.date,
                    ),
                    found.span,
                )
