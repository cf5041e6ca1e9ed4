"""Writing the index: one record as it is saved, or everything at once."""

from __future__ import annotations

import datetime
import functools
import operator
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connection, models, transaction
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone

from samverka.assignments.models import Assignment
from samverka.batching import Batch
from samverka.documents.models import Document, SourceDocument
from samverka.meetings.models import AgendaItem, Decision, Meeting, StatusReport
from samverka.search import postgres_rebuild
from samverka.search.entries import ALIASES, SOURCES, entry_fields, entry_row
from samverka.search.models import SearchEntry
from samverka.search.text import FOLD_FROM, FOLD_TO, TITLE_MARK, fold, stem

_COLUMNS = [f.column for f in SearchEntry._meta.concrete_fields if not f.primary_key]
# One entry's fields as the row tuple `_insert` takes.
_values = operator.itemgetter(*_COLUMNS)

FTS_TABLE = "search_fts"
_FTS_COLUMNS = "title, body, scope"
_NEW = ", ".join(f"new.{c.strip()}" for c in _FTS_COLUMNS.split(","))
_OLD = ", ".join(f"old.{c.strip()}" for c in _FTS_COLUMNS.split(","))

# The FTS rowid of an entry: its date's Julian day number in the high bits,
# its id in the low 32, so that FTS5, which returns matches in rowid order,
# returns them newest first and a page needs no sort of every match. Entries
# without a date come last (day 0). Ids must stay below 2**32.
ID_MASK = 2**32 - 1
_JULIAN_DAY = 1_721_424  # date.toordinal() + this = the day's Julian day number
FTS_KEY = "(CAST(coalesce(julianday({0}date), 0) AS INTEGER) * 4294967296 + {0}id)"


def fts_key(day: datetime.date | None, pk: int) -> int:
    """Return the FTS rowid of an entry dated `day` with id `pk` (`FTS_KEY` in Python)."""
    return ((day.toordinal() + _JULIAN_DAY) if day else 0) * (ID_MASK + 1) + pk


SQLITE_FTS_CREATE = [
    # Contentless: the text lives once, in search_searchentry (the triggers
    # below hand it over), and FTS5 splits it into words itself (unicode61,
    # with remove_diacritics 0 keeping å, ä and ö letters of their own); stems
    # are the term table's business. columnsize=0: no per-row sizes, which
    # only bm25() would read.
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(
        {_FTS_COLUMNS}, content='',
        tokenize="unicode61 remove_diacritics 0", columnsize=0)""",
]
_NEW_KEY = FTS_KEY.format("new.")
_OLD_KEY = FTS_KEY.format("old.")
SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER IF NOT EXISTS search_fts_insert AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO {FTS_TABLE}(rowid, {_FTS_COLUMNS}) VALUES ({_NEW_KEY}, {_NEW}); END""",
    f"""CREATE TRIGGER IF NOT EXISTS search_fts_delete AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {_FTS_COLUMNS})
        VALUES ('delete', {_OLD_KEY}, {_OLD}); END""",
    f"""CREATE TRIGGER IF NOT EXISTS search_fts_update AFTER UPDATE ON search_searchentry BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {_FTS_COLUMNS})
        VALUES ('delete', {_OLD_KEY}, {_OLD});
        INSERT INTO {FTS_TABLE}(rowid, {_FTS_COLUMNS}) VALUES ({_NEW_KEY}, {_NEW}); END""",
]
# Fill the (emptied) FTS table from every stored entry, as the triggers would,
# in rowid order: FTS5 writes out what it holds in memory whenever a rowid is
# lower than the one before, and the stored order is not the date order
# (three times slower at a million entries).
SQLITE_FTS_FILL = [
    f"""CREATE TEMP TABLE search_fts_order AS
        SELECT {FTS_KEY.format("")} AS key, id FROM search_searchentry ORDER BY key""",
    f"""INSERT INTO {FTS_TABLE}(rowid, {_FTS_COLUMNS})
        SELECT o.key, {", ".join(f"e.{c.strip()}" for c in _FTS_COLUMNS.split(","))}
        FROM temp.search_fts_order o JOIN search_searchentry e ON e.id = o.id
        ORDER BY o.rowid""",
    "DROP TABLE temp.search_fts_order",
]
# Every word the FTS index holds, with its stem and the stem's folded form: a
# query word expands into the exact words whose stem begins with its stem
# (FTS5's own prefix queries merge every matching posting list, which at a
# million records costs ~100 ms), and a word typed without å/ä/ö into the
# words whose folded stem begins with it.
SQLITE_TERMS_CREATE = [
    """CREATE TABLE IF NOT EXISTS search_term (
        term TEXT PRIMARY KEY, stem TEXT NOT NULL, folded TEXT NOT NULL) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS search_term_stem ON search_term (stem)",
    "CREATE INDEX IF NOT EXISTS search_term_folded ON search_term (folded)",
]
SQLITE_DROP_TRIGGERS = [
    f"DROP TRIGGER IF EXISTS search_fts_{name}" for name in ("insert", "delete", "update")
]
# The words of the title and body columns, read from the index itself after a
# bulk load (one pass over the index, instead of splitting all text in Python).
_SQLITE_VOCABULARY = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocabulary"
    f" USING fts5vocab(main, {FTS_TABLE}, 'col')",
]
# FTS5 keeps this much of a bulk load in memory before writing a segment
# (1 MB by default): fewer, larger segments to merge.
_BULK_HASH_SIZE = 64 * 1024 * 1024
_DEFAULT_HASH_SIZE = 1024 * 1024

# PostgreSQL: the tsvector of an entry, from its stored title and body. The
# words (`swedish`), then the title's lexemes again, marked (`text.TITLE_MARK`,
# with their folded forms too), which tell a title hit. No weights: a tsquery
# with weights makes PostgreSQL recheck every row the GIN index gives it.
# Plain functions only (no subqueries), so that a rebuild computes it in
# parallel workers (`_reindex_postgres`).
_FOLD_SQL = f"'{FOLD_FROM}', '{FOLD_TO}'"
POSTGRES_VECTOR_FUNCTION = f"""CREATE OR REPLACE FUNCTION search_vector(title text, body text)
    RETURNS tsvector LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
    DECLARE
        words tsvector := to_tsvector('swedish'::regconfig, title);
        marks text := array_to_string(tsvector_to_array(words), ' {TITLE_MARK}');
    BEGIN
        words := words || to_tsvector('swedish'::regconfig, body);
        IF marks = '' THEN
            RETURN words;
        END IF;
        RETURN words || array_to_tsvector(string_to_array(
            '{TITLE_MARK}' || marks || ' {TITLE_MARK}' || translate(marks, {_FOLD_SQL}), ' '));
    END $$"""
# Every word of the index (not the title marks), with its folded form: a query
# word stands for the indexed words it begins, named one by one, and a word
# typed without å, ä or ö for those whose folded form it begins
# (backends/postgres.py). Words are never removed (a stale one only adds a
# term that matches nothing) until a rebuild.
_LEXEME = f"left(lexeme, {len(TITLE_MARK)}) <> '{TITLE_MARK}'"
POSTGRES_LEXEMES_CREATE = [
    """CREATE TABLE IF NOT EXISTS search_lexeme (
        lexeme text COLLATE "C" PRIMARY KEY, folded text COLLATE "C" NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS search_lexeme_folded ON search_lexeme (folded)",
]
POSTGRES_LEXEMES_FILL = f"""INSERT INTO search_lexeme (lexeme, folded)
    SELECT lexeme, translate(lexeme, {_FOLD_SQL})
    FROM ts_stat('SELECT vector FROM search_searchentry') AS stat(lexeme, ndoc, nentry)
    WHERE {_LEXEME} ON CONFLICT DO NOTHING"""
# The vector is kept by a trigger, in the writer's transaction, so it can
# never lag behind the text; a rebuild computes it itself (postgres_rebuild.py).
POSTGRES_TRIGGER = "search_entry_vector"
POSTGRES_VECTOR = [
    POSTGRES_VECTOR_FUNCTION,
    "ALTER TABLE search_searchentry ADD COLUMN IF NOT EXISTS vector tsvector",
    # Statistics of 10× the usual number of lexemes: the planner's choice
    # between the GIN index and a walk of the date index rests on how common
    # it believes a word is, and a rare word must not look common.
    "ALTER TABLE search_searchentry ALTER COLUMN vector SET STATISTICS 1000",
    *POSTGRES_LEXEMES_CREATE,
    f"""CREATE OR REPLACE FUNCTION {POSTGRES_TRIGGER}() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        NEW.vector := search_vector(NEW.title, NEW.body);
        INSERT INTO search_lexeme (lexeme, folded)
            SELECT lexeme, translate(lexeme, {_FOLD_SQL})
            FROM unnest(tsvector_to_array(NEW.vector)) AS lexeme
            WHERE {_LEXEME} ON CONFLICT DO NOTHING;
        RETURN NEW;
    END $$""",
    f"DROP TRIGGER IF EXISTS {POSTGRES_TRIGGER} ON search_searchentry",
    f"""CREATE TRIGGER {POSTGRES_TRIGGER} BEFORE INSERT OR UPDATE OF title, body
    ON search_searchentry FOR EACH ROW EXECUTE FUNCTION {POSTGRES_TRIGGER}()""",
]
POSTGRES_INDEX = [
    "CREATE INDEX IF NOT EXISTS search_entry_vector ON search_searchentry USING gin (vector)",
]
# A site admin's page, newest first, walks this index and stops after a page
# when the query's words are common (backends/postgres.py).
POSTGRES_DATE_INDEX = [
    """CREATE INDEX IF NOT EXISTS search_entry_date
        ON search_searchentry (date DESC NULLS LAST, id DESC)""",
]


def index_object(instance: models.Model) -> None:
    """Write (or rewrite) the entry of one saved record, in the caller's transaction."""
    index_records({type(instance): {instance.pk}})


def unindex_object(instance: models.Model) -> None:
    SearchEntry.objects.of_object(SOURCES[type(instance)].kind, instance.pk).delete()


def index_queryset(queryset: models.QuerySet[Any]) -> None:
    """Reindex the given records of one model (for bulk writers that send no signals)."""
    index_records({queryset.model: set(queryset.values_list("pk", flat=True))})


def index_records(records: dict[type[models.Model], set[Any]]) -> None:
    """Write (or rewrite) the entries of these records, in bulk.

    One query per model reads the records, and one statement writes all their
    entries, new or not (`_upsert`); a record that yields no row (deleted, or
    a deactivated person) loses its entry. Meetings are read first, with the
    date and network of their entries: the parts of a meeting whose date or
    network moved are rewritten too, as they carry them.
    """
    records = dict(records)
    entries: list[tuple[Any, ...]] = []
    terms: set[str] = set()
    meetings = records.pop(Meeting, set())
    if meetings:
        moved = _read_entries(Meeting, meetings, entries, terms, moved=True)
        for model, parts in meeting_parts(moved).items():
            records[model] = records.get(model, set()) | set(parts)
    for model, pks in records.items():
        if pks:
            _read_entries(model, pks, entries, terms)
    if terms:
        remember_terms(terms)
    _upsert(entries)


def meeting_parts(meetings: list[Any]) -> dict[type[models.Model], list[Any]]:
    """Return the pks of the records whose entries carry these meetings' date and network."""
    if not meetings:
        return {}
    in_meetings = Q(meeting__in=meetings)
    wanted = {
        AgendaItem: in_meetings,
        Decision: in_meetings,
        StatusReport: in_meetings,
        Assignment: in_meetings,
        # A document attached to an item takes its date from the item's meeting.
        Document: in_meetings | Q(item__meeting__in=meetings),
        # Imported minutes take the date of the meeting they are the minutes of.
        SourceDocument: Q(
            pk__in=Meeting.objects.filter(pk__in=meetings, source_document__isnull=False).values(
                "source_document_id"
            )
        ),
    }
    parts = {
        model: list(model._default_manager.filter(where).values_list("pk", flat=True))
        for model, where in wanted.items()
    }
    return {model: pks for model, pks in parts.items() if pks}


def _read_entries(
    model: type[models.Model],
    pks: set[Any],
    entries: list[tuple[Any, ...]],
    terms: set[str],
    *,
    moved: bool = False,
) -> list[Any]:
    """Add the entries of these records to `entries` (and their words to `terms`).

    Remove the entries of records that yield no row. With `moved`, read each
    record with its entry's date and network, and return the pks whose entry
    had another date or network.
    """
    source = SOURCES[model]
    # Read at once: `Source.rows`' `.iterator()` would open a server-side cursor
    # on PostgreSQL, three round trips for a handful of rows.
    rows = list(_rows_query(model, moved, timezone.localdate()).filter(pk__in=pks))
    changed: list[Any] = []
    vendor = connection.vendor
    for row in rows:
        fields = entry_fields(entry_row(row), vendor, terms)
        entries.append(_values(fields))
        # An entry's network is never null: null here means the record had no entry.
        if moved and row["indexed_network_pk"] is not None:
            before = (row["indexed_date"], row["indexed_network_pk"])
            if before != (fields["date"], fields["network_pk"]):
                changed.append(fields["object_pk"])
    gone = pks - {row["entry_object_pk"] for row in rows}
    if gone:
        SearchEntry.objects.filter(kind=source.kind, object_pk__in=gone).delete()
    return changed


@functools.lru_cache(maxsize=64)
def _rows_query(
    model: type[models.Model], moved: bool, today: datetime.date
) -> models.QuerySet[Any]:
    """Return the query of `Source.entries` (with `moved`, each entry's date and network
    as indexed).

    Built once per model and day (a person's current organisation depends on
    the day): building it took a good part of a bulk write's time.
    """
    source = SOURCES[model]
    queryset = source.entries(today)
    if not moved:
        return queryset
    entry = SearchEntry.objects.filter(kind=source.kind, object_pk=OuterRef("pk"))
    return queryset.annotate(
        indexed_date=Subquery(entry.values("date")[:1]),
        indexed_network_pk=Subquery(entry.values("network_pk")[:1]),
    ).values(*ALIASES, "indexed_date", "indexed_network_pk")


# --- deferred indexing: collect what one unit of work saved, write it at once -----


# model → pks saved
_deferred: Batch[dict[type[models.Model], set[Any]]] = Batch(dict)


def deferring() -> bool:
    """Whether the receivers should only collect (inside `deferred_indexing()`)."""
    return _deferred.active


def defer(model: type[models.Model], pk: Any) -> None:
    """Note a saved record to index when the outermost `deferred_indexing()` ends."""
    _deferred.pending.setdefault(model, set()).add(pk)


def forget_deferred(model: type[models.Model], pk: Any) -> None:
    """A noted record was deleted (its entry is removed at once)."""
    pks = _deferred.pending.get(model)
    if pks is not None:
        pks.discard(pk)


@contextmanager
def deferred_indexing() -> Iterator[None]:
    """Index the records saved in this block together, when the block ends.

    For a writer that saves many records in one transaction (the importer, per
    document): the receivers only note (model, pk), and on leaving the block —
    which must be inside the writer's transaction, so the entries still commit
    or roll back with the records — every noted record is indexed with one
    query per model and one write (`index_records`). Nested blocks index when
    the outermost ends. When the block raises, nothing is indexed: the
    transaction around it rolls back. Deletions are not deferred.
    """
    with _deferred.collecting(_flush):
        yield


def _flush(pending: dict[type[models.Model], set[Any]]) -> None:
    index_records(pending)


def reindex(progress: Callable[[int], None] = lambda n: None, batch: int = 5000) -> int:
    """Rebuild the whole index from the records and return the number of entries.

    The per-row sync (triggers on SQLite; the GIN index and the vector trigger
    on PostgreSQL) is set aside during the bulk load and the full-text index
    built once at the end, inside the same transaction, which is many times
    faster than maintaining it row by row.
    """
    with transaction.atomic():
        if connection.vendor == "postgresql":
            return _reindex_postgres(progress)
        total = 0
        _prepare_bulk_load()
        day = timezone.localdate()
        for source in SOURCES.values():
            chunk: list[tuple[Any, ...]] = []
            for row in source.rows(day):
                # No words gathered here: on SQLite they are read from the index at the end.
                chunk.append(_values(entry_fields(row, connection.vendor)))
                if len(chunk) >= batch:
                    total += _insert(chunk)
                    progress(len(chunk))
                    chunk = []
            total += _insert(chunk)
            progress(len(chunk))
        _finish_bulk_load()
    return total


def _reindex_postgres(progress: Callable[[int], None]) -> int:
    """Rebuild the index on PostgreSQL in a new table, computed in parallel
    (`postgres_rebuild`), which then gets the vector's trigger and indexes."""
    return postgres_rebuild.rebuild(
        progress,
        finish=[
            *POSTGRES_VECTOR,
            *POSTGRES_INDEX,
            *POSTGRES_DATE_INDEX,
            "TRUNCATE search_lexeme",
            POSTGRES_LEXEMES_FILL,
            # The planner's statistics of the lexemes decide between the GIN
            # index and the date index (backends/postgres.py).
            f"ANALYZE {SearchEntry._meta.db_table}",
        ],
    )


def remember_terms(terms: set[str]) -> None:
    """Add words to SQLite's term table with their stems (stale ones do no harm)."""
    with connection.cursor() as cursor:
        cursor.executemany(
            "INSERT OR IGNORE INTO search_term (term, stem, folded) VALUES (%s, %s, %s)",
            [(term, stemmed, fold(stemmed)) for term in terms for stemmed in [stem(term)]],
        )


def _prepare_bulk_load() -> None:
    table = SearchEntry._meta.db_table
    if connection.vendor == "sqlite":
        _run(
            [
                "PRAGMA cache_size = -262144",
                *SQLITE_FTS_CREATE,
                *SQLITE_TERMS_CREATE,
                *SQLITE_DROP_TRIGGERS,
                "DELETE FROM search_term",
                f"DELETE FROM {table}",
                f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('delete-all')",
            ]
        )
    else:
        SearchEntry.objects.all().delete()


def _finish_bulk_load() -> None:
    if connection.vendor == "sqlite":
        hash_size = f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('hashsize', %s)"
        with connection.cursor() as cursor:
            cursor.execute(hash_size, [_BULK_HASH_SIZE])
            for statement in SQLITE_FTS_FILL:
                cursor.execute(statement)
            cursor.execute(hash_size, [_DEFAULT_HASH_SIZE])
        remember_vocabulary()
        _run(SQLITE_TRIGGERS)


def remember_vocabulary() -> None:
    """Fill SQLite's term table with every word of the index's title and body columns."""
    _run(_SQLITE_VOCABULARY)
    with connection.cursor() as cursor:
        cursor.execute("SELECT DISTINCT term FROM temp.search_vocabulary WHERE col != 'scope'")
        words = {row[0] for row in cursor.fetchall()}
    remember_terms(words)


def _insert(rows: list[tuple[Any, ...]]) -> int:
    if not rows:
        return 0
    table = SearchEntry._meta.db_table
    placeholders = ", ".join(["%s"] * len(_COLUMNS))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({', '.join(_COLUMNS)}) VALUES ({placeholders})", rows
        )
    return len(rows)


_KEY = ("kind", "object_pk")  # the unique constraint `search_entry_once`
_UPSERT_BATCH = 1000  # rows per statement: PostgreSQL takes up to 65,535 parameters


def _upsert(rows: list[tuple[Any, ...]]) -> None:
    """Insert entries, or rewrite the existing entry of the same record, in one statement.

    On SQLite the rewrite fires the FTS update trigger like any UPDATE.
    """
    if not rows:
        return
    table = SearchEntry._meta.db_table
    columns = ", ".join(_COLUMNS)
    row = "(" + ", ".join(["%s"] * len(_COLUMNS)) + ")"
    rewrite = ", ".join(f"{c} = excluded.{c}" for c in _COLUMNS if c not in _KEY)
    conflict = f"ON CONFLICT ({', '.join(_KEY)}) DO UPDATE SET {rewrite}"
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES {row} {conflict}", rows)
            return
        for start in range(0, len(rows), _UPSERT_BATCH):
            batch = rows[start : start + _UPSERT_BATCH]
            values = ", ".join([row] * len(batch))
            params = [value for entry in batch for value in entry]
            cursor.execute(f"INSERT INTO {table} ({columns}) VALUES {values} {conflict}", params)


def _run(statements: list[str]) -> None:
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
