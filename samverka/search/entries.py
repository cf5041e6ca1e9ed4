"""What each kind of record puts in the index.

Every kind reads its rows with one `values()` query, for one saved object and
for a full rebuild alike, so the two paths cannot drift apart.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db import connection, models
from django.db.models import OuterRef, Subquery

from samverka.assignments.models import Assignment
from samverka.documents.models import Document, SourceDocument
from samverka.meetings.models import AgendaItem, Decision, Meeting, StatusReport
from samverka.people.models import Person, PersonOrganisation, current_on
from samverka.search.models import EVERYONE, SearchEntry
from samverka.search.text import marked_folded, marked_title, words

Kind = SearchEntry.Kind
Row = dict[str, Any]


@dataclass(frozen=True)
class Source:
    kind: str
    model: type[models.Model]
    fields: tuple[str, ...]
    build: Callable[[Row], dict[str, Any]]
    annotate: Callable[[models.QuerySet[Any]], models.QuerySet[Any]] = lambda qs: qs

    def rows(self, queryset: models.QuerySet[Any] | None = None) -> Iterator[Row]:
        queryset = self.model._default_manager.all() if queryset is None else queryset
        yield from self.annotate(queryset).values(*self.fields).iterator(chunk_size=5000)


def _join(*parts: str | None) -> str:
    return " ".join(part for part in parts if part)


def _meeting(row: Row) -> dict[str, Any]:
    return {
        "network_pk": row["network_id"],
        "meeting_pk": row["pk"],
        "date": row["date"],
        "title": row["title"] or f"{row['network__name']} {row['date']:%Y-%m-%d}",
        "body": row["place"],
    }


def _meeting_part(row: Row) -> dict[str, Any]:
    return {
        "network_pk": row["meeting__network_id"],
        "meeting_pk": row["meeting_id"],
        "date": row["meeting__date"],
    }


def _item(row: Row) -> dict[str, Any]:
    return _meeting_part(row) | {"title": row["title"], "body": row["notes"]}


def _decision(row: Row) -> dict[str, Any]:
    return _meeting_part(row) | {"title": "", "body": row["text"]}


def _status_report(row: Row) -> dict[str, Any]:
    return _meeting_part(row) | {
        "organisation_pk": row["organisation_id"],
        "title": row["organisation__name"],
        "body": row["text"],
    }


def _assignment(row: Row) -> dict[str, Any]:
    assignee = (
        row["assignee_person__name"]
        or row["assignee_organisation__name"]
        or row["assignee_network__name"]
    )
    return {
        "network_pk": row["network_id"],
        "meeting_pk": row["meeting_id"],
        "organisation_pk": row["assignee_organisation_id"],
        "date": row["meeting__date"] or row["due_date"],
        "title": "",
        "body": _join(assignee, row["text"], row["done_note"]),
    }


def _document(row: Row) -> dict[str, Any]:
    uploaded: datetime.datetime | None = row["uploaded_at"]
    return {
        "network_pk": row["network_id"],
        "meeting_pk": row["meeting_id"] or row["item__meeting_id"],
        "date": row["meeting__date"]
        or row["item__meeting__date"]
        or (uploaded and uploaded.date()),
        "title": row["title"],
        "body": row["extracted_text"],
    }


def _source_document(row: Row) -> dict[str, Any]:
    # No meeting: imported originals are for the network's members, never for guests.
    # Dated by the meeting they are the minutes of ("jourhem in 2019" finds the
    # minutes of 2019, not of the day the archive was imported).
    imported: datetime.datetime = row["imported_at"]
    return {
        "network_pk": row["network_id"],
        "date": row["minutes_date"] or imported.date(),
        "title": row["name"],
        "body": row["text"],
    }


def _person(row: Row) -> dict[str, Any]:
    return {
        "network_pk": EVERYONE,
        "organisation_pk": row["organisation_pk"],
        "title": row["name"],
        "body": _join(row["title"], row["organisation_name"]),
    }


def _with_minutes_date(queryset: models.QuerySet[Any]) -> models.QuerySet[Any]:
    held = Meeting.objects.filter(source_document=OuterRef("pk"), status=Meeting.Status.HELD)
    return queryset.annotate(minutes_date=Subquery(held.order_by("date").values("date")[:1]))


def _with_current_organisation(queryset: models.QuerySet[Any]) -> models.QuerySet[Any]:
    periods = PersonOrganisation.objects.filter(current_on(), person=OuterRef("pk")).order_by(
        "-start_date"
    )
    return queryset.filter(is_active=True).annotate(
        organisation_pk=Subquery(periods.values("organisation_id")[:1]),
        organisation_name=Subquery(periods.values("organisation__name")[:1]),
    )


_PART = ("pk", "meeting_id", "meeting__network_id", "meeting__date")

SOURCES: dict[type[models.Model], Source] = {
    source.model: source
    for source in [
        Source(
            Kind.MEETING,
            Meeting,
            ("pk", "network_id", "network__name", "date", "title", "place"),
            _meeting,
        ),
        Source(Kind.ITEM, AgendaItem, (*_PART, "title", "notes"), _item),
        Source(Kind.DECISION, Decision, (*_PART, "text"), _decision),
        Source(
            Kind.STATUS_REPORT,
            StatusReport,
            (*_PART, "text", "organisation_id", "organisation__name"),
            _status_report,
        ),
        Source(
            Kind.ASSIGNMENT,
            Assignment,
            (
                "pk",
                "network_id",
                "meeting_id",
                "meeting__date",
                "due_date",
                "text",
                "done_note",
                "assignee_organisation_id",
                "assignee_person__name",
                "assignee_organisation__name",
                "assignee_network__name",
            ),
            _assignment,
        ),
        Source(
            Kind.DOCUMENT,
            Document,
            (
                "pk",
                "network_id",
                "meeting_id",
                "item__meeting_id",
                "meeting__date",
                "item__meeting__date",
                "uploaded_at",
                "title",
                "extracted_text",
            ),
            _document,
        ),
        Source(
            Kind.SOURCE_DOCUMENT,
            SourceDocument,
            ("pk", "network_id", "imported_at", "minutes_date", "name", "text"),
            _source_document,
            _with_minutes_date,
        ),
        Source(
            Kind.PERSON,
            Person,
            ("pk", "name", "title", "organisation_pk", "organisation_name"),
            _person,
            _with_current_organisation,
        ),
    ]
}


def entry_fields(
    source: Source, row: Row, vendor: str | None = None, terms: set[str] | None = None
) -> dict[str, Any]:
    """Return the SearchEntry column values (without the pk) for one row of `source`.

    `vendor` spares the bulk indexer a look-up per row; on SQLite, the stems
    of the entry are added to `terms` when given.
    """
    fields: dict[str, Any] = {
        "kind": source.kind,
        "object_pk": row["pk"],
        "meeting_pk": None,
        "organisation_pk": None,
        "date": None,
    } | source.build(row)
    title, body = fields["title"] or "", fields["body"] or ""
    fields["title"], fields["body"] = title, body
    fields["title_terms"] = fields["body_terms"] = ""
    if (vendor or connection.vendor) == "sqlite":
        # FTS5 reads the title and body itself; stems and folded forms live in
        # the term table (indexing.SQLITE_TERMS_CREATE), not in FTS.
        title_words = words(title)
        fields["folded_terms"] = ""
        fields["scope"] = scope_tokens(fields, title_words)
        if terms is not None:
            terms.update(title_words)
            terms.update(words(body))
    else:
        # PostgreSQL: the marked lexemes of text.TITLE_MARK and FOLDED_MARK,
        # which the generated tsvector adds to the words (indexing.POSTGRES_VECTOR).
        fields["scope"] = ""
        fields["title_terms"] = marked_title(title)
        fields["folded_terms"] = marked_folded(f"{title} {body}")
    return fields


def scope_tokens(fields: dict[str, Any], title_words: list[str]) -> str:
    """Return the FTS5 tokens that let one MATCH apply access and filters.

    The "zz" keeps them apart from words of the text, so that queries need no
    column filter (which would cost FTS5 its fast skipping between rowids).
    "zzt<word>" marks the words of the title, for ranking title hits first.
    """
    tokens = [f"zzn{fields['network_pk']}", "zzk" + fields["kind"].replace("_", "")]
    if fields["meeting_pk"]:
        tokens.append(f"zzm{fields['meeting_pk']}")
    if fields["organisation_pk"]:
        tokens.append(f"zzo{fields['organisation_pk']}")
    tokens += [f"zzt{word}" for word in dict.fromkeys(title_words)]
    return " ".join(tokens)
