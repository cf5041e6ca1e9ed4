"""Rebuilding the index on PostgreSQL: a new table made in parallel, swapped in.

Most of a rebuild is `to_tsvector` over every entry's text, and PostgreSQL
computes an expression in parallel workers only for a `SELECT` or a
`CREATE TABLE … AS`, never for an `INSERT`. So a rebuild makes a new table:

1. Every kind's entries (`Source.entries`, the same SQL one saved record is
   read with) are copied into an unlogged stage table, which numbers them.
   That is quick: no vectors yet.
2. `CREATE TABLE … AS SELECT …, search_vector(title, body)` over the stage:
   the vectors, computed by as many workers as PostgreSQL may start.
3. In one step the old table is dropped and the new one takes its name,
   then gets what the old one had: NOT NULL columns, the identity of `id`,
   constraints, indexes and, from `indexing.POSTGRES_VECTOR`, the vector's
   statistics target and trigger; the words with å, ä and ö are listed again
   (`search_lexeme`) and the planner's statistics gathered.

All in the caller's transaction: a rebuild that fails leaves the old index as
it was. Until the swap, searches read the old table; writes wait for the
rebuild from the start (`SHARE` lock), so none is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import connection
from django.utils import timezone

from samverka.search.entries import ALIASES, COLUMNS, SOURCES
from samverka.search.models import SearchEntry

TABLE = SearchEntry._meta.db_table
_STAGE = "search_stage"
_REBUILT = "search_rebuilt"

# What a rebuild changes for its own transaction: no JIT (it compiles the
# expressions of every query, for less than it saves), and parallel workers
# for any table, however few rows the planner expects (their setup is nothing
# beside `to_tsvector`).
_SETTINGS = [
    "SET LOCAL jit = off",
    "SET LOCAL parallel_setup_cost = 0",
    "SET LOCAL parallel_tuple_cost = 0",
    "SET LOCAL min_parallel_table_scan_size = 0",
    "SET LOCAL maintenance_work_mem = '1GB'",
]


def rebuild(progress: Callable[[int], None], finish: list[str]) -> int:
    """Rebuild the index table and return the number of entries.

    `finish` are the statements that give the new table the index's own
    columns, trigger and indexes (idempotent: run on the renamed table).
    """
    columns = ", ".join(COLUMNS)
    with connection.cursor() as cursor:
        for statement in [*_SETTINGS, f"LOCK TABLE {TABLE} IN SHARE MODE"]:
            cursor.execute(statement)
        kept = _Definition.of(cursor)
        types = ", ".join(f"{column} {kept.types[column]}" for column in COLUMNS)
        cursor.execute(
            f"CREATE UNLOGGED TABLE {_STAGE} (id bigint GENERATED ALWAYS AS IDENTITY, {types})"
        )
        total = 0
        day = timezone.localdate()
        for source in SOURCES.values():
            sql, params = source.entries(day).query.sql_with_params()
            cursor.execute(
                f"INSERT INTO {_STAGE} ({columns}) SELECT {', '.join(ALIASES)} FROM ({sql}) entry",
                params,
            )
            total += cursor.rowcount
            progress(cursor.rowcount)
        cursor.execute(
            f"""CREATE TABLE {_REBUILT} AS SELECT id, {columns}, ''::text AS scope,
            search_vector(title, body) AS vector FROM {_STAGE}"""
        )
        cursor.execute(f"DROP TABLE {_STAGE}")
        cursor.execute(f"DROP TABLE {TABLE}")
        cursor.execute(f"ALTER TABLE {_REBUILT} RENAME TO {TABLE}")
        for statement in [*kept.statements(), *finish]:
            cursor.execute(statement)
    return total


class _Definition:
    """What the index table is besides its columns, read from the catalog before
    the rebuild and given to the new table after it: Django's migrations made
    some of it (NOT NULL, identity, primary key, unique constraint, indexes)."""

    def __init__(
        self,
        types: dict[str, str],
        not_null: list[str],
        identity: str,
        constraints: list[tuple[str, str]],
        indexes: list[str],
    ) -> None:
        self.types = types
        self.not_null = not_null
        self.identity = identity
        self.constraints = constraints
        self.indexes = indexes

    @classmethod
    def of(cls, cursor: Any) -> _Definition:
        cursor.execute(
            """SELECT attname, format_type(atttypid, atttypmod), attnotnull, attidentity
            FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped
            ORDER BY attnum""",
            [TABLE],
        )
        attributes = cursor.fetchall()
        cursor.execute(
            """SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
            WHERE conrelid = %s::regclass ORDER BY contype, conname""",
            [TABLE],
        )
        constraints = cursor.fetchall()
        cursor.execute(
            """SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i
            WHERE i.indrelid = %s::regclass
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
            ORDER BY i.indexrelid""",
            [TABLE],
        )
        indexes = [row[0] for row in cursor.fetchall()]
        identity = {"a": "ALWAYS", "d": "BY DEFAULT"}.get(
            next((row[3] for row in attributes if row[0] == "id"), ""), ""
        )
        return cls(
            types={row[0]: row[1] for row in attributes},
            not_null=[row[0] for row in attributes if row[2]],
            identity=identity,
            constraints=constraints,
            indexes=indexes,
        )

    def statements(self) -> list[str]:
        statements = []
        if self.not_null:
            alter = ", ".join(f"ALTER COLUMN {column} SET NOT NULL" for column in self.not_null)
            statements.append(f"ALTER TABLE {TABLE} {alter}")
        if self.identity:
            statements += [
                f"ALTER TABLE {TABLE} ALTER COLUMN id ADD GENERATED {self.identity} AS IDENTITY",
                f"SELECT setval(pg_get_serial_sequence('{TABLE}', 'id'),"
                f" coalesce(max(id), 0) + 1, false) FROM {TABLE}",
            ]
        statements += [
            f'ALTER TABLE {TABLE} ADD CONSTRAINT "{name}" {definition}'
            for name, definition in self.constraints
        ]
        return statements + self.indexes
