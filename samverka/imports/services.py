"""Import minutes files into a network, and merge or split the people they name.

Pipeline per document (see NOTES.md): keep the raw file and its hash → extract
→ resolve → load, all in one transaction, so that a document is either
imported whole or not at all.
"""

from __future__ import annotations

import hashlib
import mimetypes
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from django.apps import apps
from django.core.files.base import ContentFile
from django.db import connection, models, transaction
from django.db.models import ForeignObjectRel
from django.utils import timezone

from samverka.accounts.models import User
from samverka.assignments.models import Assignment
from samverka.documents.models import SourceDocument
from samverka.extract import Minutes, ReadError, parse, read_bytes
from samverka.extract.readers import MAX_INPUT_BYTES
from samverka.imports.history import deferred_history, edited_since_import
from samverka.imports.load import DocumentLoader, PauseHook
from samverka.imports.memberships import memberships_sync
from samverka.imports.models import (
    ImportedRecord,
    ImportedSource,
    ImportRun,
    PersonMerge,
    ReviewEntry,
)
from samverka.imports.resolve import OrganisationIndex, PeopleIndex
from samverka.meetings.models import AgendaItem, Attendance, Decision, Meeting, StatusReport
from samverka.networks.models import Network, Representation
from samverka.organisations.models import name_key
from samverka.people.models import Person, PersonName
from samverka.search.indexing import deferred_indexing

# In a folder, only files that can be minutes are read (a file named on the
# command line is always tried; the reader decides by content either way).
MINUTES_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".odt", ".pdf"})
# Hidden files, Word's lock files and the like are not minutes.
_SKIPPED_PREFIXES = (".", "~$")

# When a new version of a file replaces an old one, its records go in this
# order (children before parents); planned meetings only if still planned.
_REPLACED_IN_ORDER: list[type[models.Model]] = [
    Decision,
    Assignment,
    StatusReport,
    Attendance,
    Representation,
    AgendaItem,
]


class ImportError_(Exception):
    """Bad input for the whole run: one line, shown without a traceback."""


@dataclass
class DocumentResult:
    path: str
    status: str  # created | updated | unchanged | failed
    created: int = 0
    updated: int = 0
    deleted: int = 0
    needs_review: int = 0
    meeting_date: str | None = None
    error: str = ""


@dataclass
class ImportResult:
    network: str
    dry_run: bool
    documents: list[DocumentResult] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return sum(1 for d in self.documents if d.status == "failed")

    def totals(self) -> dict[str, int]:
        totals = {"documents": len(self.documents)}
        for status in ("created", "updated", "unchanged", "failed"):
            totals[status] = sum(1 for d in self.documents if d.status == status)
        totals["needs_review"] = sum(d.needs_review for d in self.documents)
        totals["records_created"] = sum(d.created for d in self.documents)
        return totals

    def to_dict(self) -> dict[str, Any]:
        return {
            "network": self.network,
            "dry_run": self.dry_run,
            "documents": [asdict(d) for d in self.documents],
            "totals": self.totals(),
        }


Extractor = Callable[[bytes, str], Minutes]


def extract_bytes(data: bytes, name: str) -> Minutes:
    return parse(read_bytes(data, name))


class _DryRun(Exception):
    """Raised inside the document's transaction to roll a dry run back."""


def minutes_files(paths: Iterable[Path]) -> list[tuple[Path, str]]:
    """Return (file, name relative to the path given) for every file, folders recursively."""
    found: list[tuple[Path, str]] = []
    for path in paths:
        if path.is_dir():
            for file in sorted(path.rglob("*")):
                relative = file.relative_to(path)
                if (
                    file.is_file()
                    and file.suffix.lower() in MINUTES_SUFFIXES
                    and not any(part.startswith(_SKIPPED_PREFIXES) for part in relative.parts)
                ):
                    found.append((file, relative.as_posix()))
        elif path.is_file():
            found.append((path, path.name))
        else:
            raise ImportError_(f"{path}: finns inte")
    return found


def network_for_import(*, name: str, create: bool, by: User | None = None) -> Network:
    network = Network.objects.filter(name__iexact=name.strip()).first()
    if network is None:
        network = next(
            (n for n in Network.objects.all() if name_key(n.name) == name_key(name)), None
        )
    if network is not None:
        return network
    if not create:
        raise ImportError_(
            f"nätverket ”{name}” finns inte; ange --create-network för att skapa det"
        )
    from samverka.networks.services import network_create

    return network_create(name=name.strip(), by=by)


def minutes_import(
    *,
    paths: Sequence[Path],
    network_name: str,
    create_network: bool = False,
    dry_run: bool = False,
    by: User | None = None,
    progress: Callable[[DocumentResult], None] | None = None,
    extractor: Extractor = extract_bytes,
) -> ImportResult:
    """Import every minutes file under `paths` into the network, one transaction each."""
    files = minutes_files(paths)
    if not files:
        raise ImportError_("inga filer att importera")
    with transaction.atomic():
        network = network_for_import(name=network_name, create=create_network, by=by)
        if dry_run:
            transaction.set_rollback(True)
    importer = _Importer(network=network, by=by, dry_run=dry_run, extractor=extractor)
    result = ImportResult(network=network.name, dry_run=dry_run)
    for path, relative in files:
        document = importer.import_file(path, relative)
        result.documents.append(document)
        if progress is not None:
            progress(document)
    if not dry_run:
        # Memberships follow from all of the network's minutes at once; recomputing
        # them once per run (a no-op when nothing changed) keeps each document's
        # transaction small, and a run after a killed one brings them up to date.
        with transaction.atomic(), deferred_indexing(), deferred_history():
            memberships_sync(network=network, by=by)
    if importer.run is not None:
        importer.run.finished_at = timezone.now()
        importer.run.summary = result.to_dict()
        importer.run.save(update_fields=["finished_at", "summary"])
    return result


class _Importer:
    """State shared by the documents of one run: the indexes of names."""

    def __init__(
        self,
        *,
        network: Network,
        by: User | None,
        dry_run: bool,
        extractor: Extractor,
    ) -> None:
        self.extractor = extractor
        self.network = network
        # Made at the first document that changes anything, so that a run with
        # nothing new leaves every table as it was.
        self.run: ImportRun | None = None
        self.by = by
        self.dry_run = dry_run
        self.organisations = OrganisationIndex()
        self.people = PeopleIndex()
        self.pause = PauseHook()

    def import_file(self, path: Path, relative: str) -> DocumentResult:
        try:
            size = path.stat().st_size
            if size > MAX_INPUT_BYTES:
                raise ReadError("filen är för stor")
            data = path.read_bytes()
        except OSError as error:
            return DocumentResult(relative, "failed", error=f"kan inte läsas: {error.strerror}")
        except ReadError as error:
            return DocumentResult(relative, "failed", error=str(error))
        return self.import_bytes(data, relative)

    def import_bytes(self, data: bytes, relative: str) -> DocumentResult:
        sha256 = hashlib.sha256(data).hexdigest()
        if SourceDocument.objects.filter(network=self.network, sha256=sha256).exists():
            return DocumentResult(relative, "unchanged")
        stored: list[str] = []
        run_before = self.run
        try:
            # The search index and the history of the document's records are written
            # in bulk at the end of the document, still inside its transaction.
            with transaction.atomic(), deferred_indexing(), deferred_history():
                _commit_without_waiting_for_disk()
                # The run is written with its first document, so that a killed or
                # failed import leaves no trace but what was committed.
                if self.run is None and not self.dry_run:
                    self.run = ImportRun.objects.create(network=self.network, by=self.by)
                result = self.load(data, sha256, relative, stored)
                if self.dry_run:
                    raise _DryRun
        except _DryRun:
            self.reload_indexes()
        except ReadError as error:
            self.run = run_before
            self.forget(stored)
            return DocumentResult(relative, "failed", error=str(error))
        except Exception as error:  # one broken document must not stop the others
            self.run = run_before
            self.forget(stored)
            self.reload_indexes()
            return DocumentResult(relative, "failed", error=f"{type(error).__name__}: {error}")
        return result

    def reload_indexes(self) -> None:
        self.organisations.reload()
        self.people.reload()

    def forget(self, stored: list[str]) -> None:
        """The transaction rolled back: remove the file it stored (storage is not transactional)."""
        for name in stored:
            SourceDocument.file.field.storage.delete(name)

    def load(self, data: bytes, sha256: str, relative: str, stored: list[str]) -> DocumentResult:
        name = Path(relative).name
        minutes = self.extractor(data, name)
        source_text = minutes.source
        previous = (
            ImportedSource.objects.current()
            .filter(source_document__network=self.network, path=relative)
            .select_related("source_document")
            .first()
        )
        if previous is not None and not _same_meeting(previous.source_document, minutes):
            # Same file name, another meeting ("protokoll.pdf" of two years): not a
            # new version, so nothing of the other document may be replaced.
            previous = None
        source = SourceDocument(
            network=self.network,
            name=name[:255],
            media_type=source_text.media_type or mimetypes.guess_type(name)[0] or "",
            sha256=sha256,
            text=source_text.text,
            imported_by=self.by,
        )
        if self.dry_run:
            source.file.name = f"dry-run/{name}"
        else:
            source.file.save(name, ContentFile(data), save=False)
            stored.append(source.file.name)
        source.save()
        self.pause.tick()
        ImportedSource.objects.create(source_document=source, run=self.run, path=relative[:1000])
        replaced = None
        deleted = 0
        if previous is not None:
            replaced = previous.source_document
            deleted = source_document_retire(old=replaced, new=source, by=self.by)
        loader = DocumentLoader(
            network=self.network,
            source=source,
            minutes=minutes,
            organisations=self.organisations,
            people=self.people,
            by=self.by,
            replaces=replaced,
            pause=self.pause,
        )
        counts = loader.load()
        if replaced is not None:
            deleted += _drop_orphan_meetings(old=replaced, keep=set(counts.meetings))
        return DocumentResult(
            relative,
            "updated" if replaced else "created",
            created=counts.created,
            updated=counts.updated,
            deleted=deleted + counts.deleted,
            needs_review=counts.review,
            meeting_date=minutes.date,
        )


def _commit_without_waiting_for_disk() -> None:
    """On PostgreSQL, let the document's commit return before its WAL is on disk.

    The durability SQLite has here too (WAL mode, synchronous=NORMAL, in
    settings): a server or power crash may lose the last documents committed
    (under a second's worth), never part of one, and as their hashes go with
    them the next run imports them again. A killed importer loses nothing
    committed. Saves waiting for the disk flush, 3–5 ms of each document.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")


def _same_meeting(old: SourceDocument, minutes: Minutes) -> bool:
    held = (
        Meeting.objects.filter(source_document=old, status=Meeting.Status.HELD)
        .values_list("date", flat=True)
        .first()
    )
    return held is None or held.isoformat() == minutes.date


def source_document_retire(*, old: SourceDocument, new: SourceDocument, by: User | None) -> int:
    """Remove what an earlier version of a file created, except what a person has
    edited since: that is kept and listed as a conflict for review. Return how many
    records went."""
    ImportedSource.objects.filter(source_document=old).update(superseded_by=new)
    records = list(
        ImportedRecord.objects.filter(source_document=old).select_related("content_type")
    )
    by_model: dict[type[models.Model], list[ImportedRecord]] = {}
    for record in records:
        model = record.content_type.model_class()
        if model is not None:
            by_model.setdefault(model, []).append(record)
    deleted = 0
    for model in _REPLACED_IN_ORDER:
        for record in by_model.get(model, []):
            obj = model._default_manager.filter(pk=record.object_id).first()
            if obj is None:
                record.delete()
            elif edited_since_import(obj) or (
                isinstance(obj, AgendaItem) and obj.decisions.exists()
            ):
                # An item stays while a decision kept under it does.
                _conflict(old=old, new=new, record=record, obj=obj)
            else:
                obj.delete()
                record.delete()
                deleted += 1
    for record in by_model.get(Meeting, []):
        meeting = Meeting.objects.filter(pk=record.object_id).first()
        if meeting is None:
            record.delete()
        elif meeting.status == Meeting.Status.PLANNED and record.action == "created":
            if edited_since_import(meeting):
                _conflict(old=old, new=new, record=record, obj=meeting)
            else:
                meeting.delete()
                record.delete()
                deleted += 1
    return deleted


def _drop_orphan_meetings(*, old: SourceDocument, keep: set[int]) -> int:
    """A held meeting the old version created and the new one did not reuse (its date
    changed) goes too, if nobody edited it and nothing is left on it."""
    deleted = 0
    for record in ImportedRecord.objects.of_kind(Meeting).filter(
        source_document=old, action="created"
    ):
        meeting = Meeting.objects.filter(pk=record.object_id).first()
        if meeting is None or meeting.pk in keep:
            continue
        if edited_since_import(meeting) or meeting.items.exists() or meeting.attendances.exists():
            continue
        meeting.delete()
        record.delete()
        deleted += 1
    return deleted


def _conflict(
    *, old: SourceDocument, new: SourceDocument, record: ImportedRecord, obj: models.Model
) -> None:
    ReviewEntry.objects.create(
        network=new.network,
        source_document=old,
        source_start=record.source_start,
        source_end=record.source_end,
        kind=ReviewEntry.Kind.CONFLICT,
        message=(
            f"{obj._meta.verbose_name} ”{str(obj)[:80]}” har ändrats efter importen och "
            f"behölls när {new.name} ersatte den tidigare versionen. Jämför med den nya."
        ),
        content_type=record.content_type,
        object_id=record.object_id,
    )


# --- people: merge, undo, split ---------------------------------------------------


def _person_references() -> list[tuple[type[models.Model], str]]:
    """Every (model, foreign key) pointing to Person, history tables excluded."""
    references: list[tuple[type[models.Model], str]] = []
    for relation in Person._meta.get_fields(include_hidden=True):
        if not isinstance(relation, ForeignObjectRel):
            continue
        model = relation.related_model
        if not isinstance(model, type) or not issubclass(model, models.Model):
            continue
        if model.__name__.startswith("Historical") or model is PersonName:
            continue
        if relation.one_to_many or relation.one_to_one:
            references.append((model, relation.field.name))
    return references


class MergeRefused(Exception):
    pass


@transaction.atomic
def person_merge(*, keep: Person, merge: Person, by: User | None = None) -> PersonMerge:
    """Move everything of `merge` to `keep` and remove `merge`, recording what moved."""
    if keep.pk == merge.pk:
        raise MergeRefused("en person kan inte slås samman med sig själv")
    shared = Attendance.objects.filter(person=keep, meeting__attendances__person=merge)
    if shared.exists():
        raise MergeRefused("båda var med på samma möte, så de är två personer")
    if keep.user_id and merge.user_id:
        raise MergeRefused("båda har en inloggning")
    moved: list[list[Any]] = []
    for model, field_name in _person_references():
        pks = list(
            model._default_manager.filter(**{field_name: merge}).values_list("pk", flat=True)
        )
        if pks:
            model._default_manager.filter(pk__in=pks).update(**{field_name: keep})
            moved.append([model._meta.label, field_name, pks])
    keys = set(PersonName.objects.filter(person=keep).values_list("key", flat=True))
    moved_names, dropped_names = [], []
    for name in PersonName.objects.filter(person=merge):
        if name.key in keys:
            dropped_names.append(name.name)
            name.delete()
        else:
            moved_names.append(name.pk)
    PersonName.objects.filter(pk__in=moved_names).update(person=keep)
    merge_data = {
        "name": merge.name,
        "email": merge.email,
        "title": merge.title,
        "user_id": merge.user_id,
        "is_active": merge.is_active,
        "moved_names": moved_names,
        "dropped_names": dropped_names,
    }
    if merge.user_id and not keep.user_id:
        user_id = merge.user_id
        merge.user = None
        merge.save(update_fields=["user"])
        keep.user_id = user_id
        keep.save(update_fields=["user"])
    record = PersonMerge.objects.create(
        kept=keep,
        merged_person_id=merge.pk,
        merged_name=merge.name,
        merged_data=merge_data,
        moved=moved,
        merged_by=by,
    )
    merge._history_user = by  # type: ignore[attr-defined]
    merge.delete()
    # The suggestion that led here now names `keep` twice.
    ReviewEntry.objects.merge_suggestions().filter(person=keep, other_person=keep).update(
        status=ReviewEntry.Status.RESOLVED, resolved_by=by, resolved_at=timezone.now()
    )
    return record


@transaction.atomic
def person_merge_undo(*, merge: PersonMerge, by: User | None = None) -> Person:
    """Bring the merged person back with everything that was moved from them."""
    if merge.undone_at is not None:
        raise MergeRefused("sammanslagningen är redan ångrad")
    data = merge.merged_data
    person = Person(
        pk=merge.merged_person_id,
        name=data["name"],
        email=data["email"],
        title=data["title"],
        is_active=data["is_active"],
    )
    person._history_user = by  # type: ignore[attr-defined]
    person.save(force_insert=True)
    if data["user_id"] and merge.kept.user_id == data["user_id"]:
        merge.kept.user = None
        merge.kept.save(update_fields=["user"])
        person.user_id = data["user_id"]
        person.save(update_fields=["user"])
    for label, field_name, pks in merge.moved:
        model = apps.get_model(label)
        model._default_manager.filter(pk__in=pks).update(**{field_name: person})
    PersonName.objects.filter(pk__in=data["moved_names"]).update(person=person)
    for name in data["dropped_names"]:
        PersonName.objects.get_or_create(person=person, key=name_key(name), defaults={"name": name})
    merge.undone_at = timezone.now()
    merge.save(update_fields=["undone_at"])
    return person


@transaction.atomic
def person_split(*, person: Person, names: Sequence[str], by: User | None = None) -> Person:
    """Split off the name forms `names` as a new person, with every imported record
    that named `person` by one of them (attendance, items raised, assignments)."""
    keys = {name_key(n) for n in names}
    own = PersonName.objects.filter(person=person)
    if not keys or keys >= set(own.values_list("key", flat=True)):
        raise MergeRefused("välj några, men inte alla, namnformer att dela av")
    new = Person(name=names[0].strip())
    new._history_user = by  # type: ignore[attr-defined]
    new.save()
    own.filter(key__in=keys).update(person=new)
    PersonName.objects.get_or_create(
        person=new, key=name_key(new.name), defaults={"name": new.name}
    )
    for model, field_name in _person_references():
        seen = [
            r.object_id
            for r in ImportedRecord.objects.of_kind(model)
            if name_key(r.name_seen) in keys
        ]
        if seen:
            model._default_manager.filter(pk__in=seen, **{field_name: person}).update(
                **{field_name: new}
            )
    return new


def review_entry_resolve(
    *, entry: ReviewEntry, by: User | None, dismiss: bool = False
) -> ReviewEntry:
    entry.status = ReviewEntry.Status.DISMISSED if dismiss else ReviewEntry.Status.RESOLVED
    entry.resolved_by = by
    entry.resolved_at = timezone.now()
    entry.save(update_fields=["status", "resolved_by", "resolved_at"])
    return entry
