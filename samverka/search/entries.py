"""What each kind of record puts in the index, as SQL over its own table.

Each kind says, per column of `SearchEntry`, which expression over its model
gives the value: the database composes every entry. One saved object and a
full rebuild use the same query (one filtered on pks and read back, the other
written straight into the index by PostgreSQL, `indexing.reindex`), so the two
paths cannot drift apart.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db import connection, models
from django.db.models import BigIntegerField, F, Func, OuterRef, Subquery, TextField, Value
from django.db.models.functions import Cast, Coalesce, Concat, NullIf, TruncDate

from samverka.assignments.models import Assignment
from samverka.documents.models import Document, SourceDocument
from samverka.meetings.models import AgendaItem, Decision, Meeting, StatusReport
from samverka.people.models import Person, PersonOrganisation, current_on
from samverka.search.models import EVERYONE, SearchEntry
from samverka.search.text import words

Kind = SearchEntry.Kind
Row = dict[str, Any]

# The columns an entry is made of, in this order wherever rows are written.
COLUMNS = (
    "kind",
    "object_pk",
    "network_pk",
    "meeting_pk",
    "organisation_pk",
    "date",
    "title",
    "body",
)
# Annotations may not share a name with a field of the model ("title"), so each
# column is computed under this prefix.
_ALIAS = "entry_"
ALIASES = tuple(_ALIAS + column for column in COLUMNS)


def join_words(*texts: Any) -> Func:
    """The non-empty ones of `texts`, joined by a space (NULLs and '' skipped).

    `substr(coalesce(' ' || nullif(a, ''), '') || …, 2)`: the same SQL on SQLite
    (which has no `concat_ws` before 3.44) and PostgreSQL.
    """
    spaced = [
        Coalesce(
            Func(
                Value(" "), NullIf(text, Value("")), template="(%(expressions)s)", arg_joiner=" || "
            ),
            Value(""),
            output_field=TextField(),
        )
        for text in texts
    ]
    return Func(
        *spaced, template="substr(%(expressions)s, 2)", arg_joiner=" || ", output_field=TextField()
    )


class IsoDate(Func):
    """A date as text, YYYY-MM-DD (SQLite stores dates so already)."""

    output_field = TextField()
    template = "%(expressions)s"

    def as_postgresql(self, compiler: Any, connection: Any, **extra_context: Any) -> Any:
        template = "to_char(%(expressions)s, 'YYYY-MM-DD')"
        return self.as_sql(compiler, connection, template=template, **extra_context)


def _text(expression: Any) -> Coalesce:
    return Coalesce(expression, Value(""), output_field=TextField())


# Typed, so that a table made from the query (`indexing.reindex`) gets the types.
_NO_PK = Cast(Value(None), BigIntegerField())
_NO_DATE = Cast(Value(None), models.DateField())


@dataclass(frozen=True)
class Source:
    """One kind of record: its model and the expression of each entry column."""

    kind: str
    model: type[models.Model]
    # Entry column → expression over the model; a column not given is null.
    columns: Callable[[], dict[str, Any]]
    # Annotations or filters the expressions need, given the day (a person's
    # current organisation depends on it).
    prepare: Callable[[models.QuerySet[Any], datetime.date], models.QuerySet[Any]] = (
        lambda queryset, day: queryset
    )

    def entries(
        self, day: datetime.date, queryset: models.QuerySet[Any] | None = None
    ) -> models.QuerySet[Any]:
        """Return the query of this kind's entries, one `values()` row of `ALIASES` each."""
        queryset = self.model._default_manager.all() if queryset is None else queryset
        given = self.columns()
        expressions = {
            "kind": Value(self.kind, output_field=TextField()),
            "object_pk": F("pk"),
            "network_pk": _NO_PK,
            "meeting_pk": _NO_PK,
            "organisation_pk": _NO_PK,
            "date": _NO_DATE,
            "title": Value(""),
            "body": Value(""),
        } | given
        annotations = {_ALIAS + column: expressions[column] for column in COLUMNS}
        annotations[_ALIAS + "title"] = _text(annotations[_ALIAS + "title"])
        annotations[_ALIAS + "body"] = _text(annotations[_ALIAS + "body"])
        # No ordering: the models' default orderings would make PostgreSQL sort
        # every row (and compute a rebuild's vectors after the sort, in one process).
        queryset = self.prepare(queryset.order_by(), day)
        return queryset.annotate(**annotations).values(*ALIASES)

    def rows(self, day: datetime.date) -> Iterator[Row]:
        """Yield every entry of this kind as a dict of `COLUMNS`."""
        for row in self.entries(day).iterator(chunk_size=5000):
            yield entry_row(row)


def entry_row(row: Row) -> Row:
    """Return a `Source.entries` row under the column names."""
    return {column: row[alias] for column, alias in zip(COLUMNS, ALIASES, strict=True)}


def _meeting_part() -> dict[str, Any]:
    return {
        "network_pk": F("meeting__network_id"),
        "meeting_pk": F("meeting_id"),
        "date": F("meeting__date"),
    }


def _with_minutes_date(queryset: models.QuerySet[Any], day: datetime.date) -> models.QuerySet[Any]:
    held = Meeting.objects.filter(source_document=OuterRef("pk"), status=Meeting.Status.HELD)
    return queryset.annotate(minutes_date=Subquery(held.order_by("date").values("date")[:1]))


def _with_current_organisation(
    queryset: models.QuerySet[Any], day: datetime.date
) -> models.QuerySet[Any]:
    periods = PersonOrganisation.objects.filter(current_on(day), person=OuterRef("pk")).order_by(
        "-start_date"
    )
    return queryset.filter(is_active=True).annotate(
        current_organisation_pk=Subquery(periods.values("organisation_id")[:1]),
        current_organisation_name=Subquery(periods.values("organisation__name")[:1]),
    )


SOURCES: dict[type[models.Model], Source] = {
    source.model: source
    for source in [
        Source(
            Kind.MEETING,
            Meeting,
            lambda: {
                "network_pk": F("network_id"),
                "meeting_pk": F("pk"),
                "date": F("date"),
                # An untitled meeting is "<network> <date>".
                "title": Coalesce(
                    NullIf(F("title"), Value("")),
                    Concat(
                        F("network__name"),
                        Value(" "),
                        IsoDate(F("date")),
                        output_field=TextField(),
                    ),
                    output_field=TextField(),
                ),
                "body": F("place"),
            },
        ),
        Source(
            Kind.ITEM,
            AgendaItem,
            lambda: _meeting_part() | {"title": F("title"), "body": F("notes")},
        ),
        Source(Kind.DECISION, Decision, lambda: _meeting_part() | {"body": F("text")}),
        Source(
            Kind.STATUS_REPORT,
            StatusReport,
            lambda: (
                _meeting_part()
                | {
                    "organisation_pk": F("organisation_id"),
                    "title": F("organisation__name"),
                    "body": F("text"),
                }
            ),
        ),
        Source(
            Kind.ASSIGNMENT,
            Assignment,
            lambda: {
                "network_pk": F("network_id"),
                "meeting_pk": F("meeting_id"),
                "organisation_pk": F("assignee_organisation_id"),
                "date": Coalesce(F("meeting__date"), F("due_date")),
                "body": join_words(
                    Coalesce(
                        NullIf(F("assignee_person__name"), Value("")),
                        NullIf(F("assignee_organisation__name"), Value("")),
                        F("assignee_network__name"),
                        output_field=TextField(),
                    ),
                    F("text"),
                    F("done_note"),
                ),
            },
        ),
        Source(
            Kind.DOCUMENT,
            Document,
            lambda: {
                "network_pk": F("network_id"),
                "meeting_pk": Coalesce(F("meeting_id"), F("item__meeting_id")),
                # A document attached to an item takes its date from the item's meeting.
                "date": Coalesce(
                    F("meeting__date"), F("item__meeting__date"), TruncDate(F("uploaded_at"))
                ),
                "title": F("title"),
                "body": F("extracted_text"),
            },
        ),
        Source(
            Kind.SOURCE_DOCUMENT,
            SourceDocument,
            # No meeting: imported originals are for the network's members,
            # never for guests. Dated by the meeting they are the minutes of
            # ("jourhem in 2019" finds the minutes of 2019, not of the day the
            # archive was imported).
            lambda: {
                "network_pk": F("network_id"),
                "date": Coalesce(F("minutes_date"), TruncDate(F("imported_at"))),
                "title": F("name"),
                "body": F("text"),
            },
            _with_minutes_date,
        ),
        Source(
            Kind.PERSON,
            Person,
            lambda: {
                "network_pk": Value(EVERYONE, output_field=BigIntegerField()),
                "organisation_pk": F("current_organisation_pk"),
                "title": F("name"),
                "body": join_words(F("title"), F("current_organisation_name")),
            },
            _with_current_organisation,
        ),
    ]
}


def entry_fields(row: Row, vendor: str | None = None, terms: set[str] | None = None) -> Row:
    """Return the SearchEntry column values (without the pk) of one entry row.

    SQLite's FTS5 table also needs the entry's scope tokens; `vendor` spares
    the bulk indexer a look-up per row, and the words of the entry are added
    to `terms` when given (SQLite's term table).
    """
    fields = dict(row)
    fields["scope"] = ""
    if (vendor or connection.vendor) == "sqlite":
        # FTS5 reads the title and body itself; stems and folded forms live in
        # the term table (indexing.SQLITE_TERMS_CREATE), not in FTS.
        title_words = words(fields["title"])
        fields["scope"] = scope_tokens(fields, title_words)
        if terms is not None:
            terms.update(title_words)
            terms.update(words(fields["body"]))
    return fields


def scope_tokens(fields: Row, title_words: list[str]) -> str:
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
