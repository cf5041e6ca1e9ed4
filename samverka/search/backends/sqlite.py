"""SQLite FTS5: one MATCH carries the words, the access scope and the filters.

The scope and filters are tokens in the FTS `scope` column ("n12" network,
"m5" meeting, "kdecision" kind, "o1283" organisation), so access narrows the
posting lists inside FTS5 instead of after it; the joined row is checked again
in SQL all the same.
"""

from __future__ import annotations

from typing import Any

from django.db import connection

from samverka.search.backends.base import HIT_COLUMNS, Filters, Hit, Sort
from samverka.search.indexing import FTS_TABLE
from samverka.search.models import Scope
from samverka.search.query import MIN_PREFIX, Clause, Query
from samverka.search.text import is_folded, stem

EXACT = "{title_terms body_terms}"
WITH_FOLDED = "{title_terms body_terms folded_terms}"
# bm25 weights per FTS column: title, body, folded forms, scope tokens.
RANK = f"bm25({FTS_TABLE}, 10.0, 1.0, 0.3, 0.0)"


class SqliteBackend:
    def search(
        self,
        query: Query,
        scope: Scope,
        filters: Filters,
        sort: Sort,
        page: int,
        page_size: int,
    ) -> tuple[list[Hit], int]:
        restriction = _restriction(scope, filters)
        match = _match(query, restriction)
        where, params = _where(match, scope, filters)
        order = (
            f"round({RANK}, 2), e.date DESC, e.id DESC"
            if sort == Sort.RELEVANCE
            else f"e.date DESC, {RANK}, e.id DESC"
        )
        columns = ", ".join(f"e.{c}" for c in HIT_COLUMNS)
        sql = f"""SELECT {columns} FROM {FTS_TABLE}
            JOIN search_searchentry e ON e.id = {FTS_TABLE}.rowid
            WHERE {where} ORDER BY {order} LIMIT %s OFFSET %s"""
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, page_size, (page - 1) * page_size])
            hits = [Hit(*row) for row in cursor.fetchall()]
            if page == 1 and len(hits) < page_size:
                return hits, len(hits)
            cursor.execute(
                f"""SELECT count(*) FROM {FTS_TABLE}
                JOIN search_searchentry e ON e.id = {FTS_TABLE}.rowid WHERE {where}""",
                params,
            )
            return hits, cursor.fetchone()[0]


def _where(match: str, scope: Scope, filters: Filters) -> tuple[str, list[Any]]:
    conditions, params = [f"{FTS_TABLE} MATCH %s"], [match]
    if not scope.everything:
        # The same boundary again on the stored columns, whatever the tokens say.
        networks = ", ".join(str(int(n)) for n in scope.networks) or "NULL"
        meetings = ", ".join(str(int(m)) for m in scope.meetings) or "NULL"
        conditions.append(f"(e.network_pk IN ({networks}) OR e.meeting_pk IN ({meetings}))")
    if filters.date_from:
        conditions.append("e.date >= %s")
        params.append(filters.date_from.isoformat())
    if filters.date_to:
        conditions.append("e.date <= %s")
        params.append(filters.date_to.isoformat())
    return " AND ".join(conditions), params


def _restriction(scope: Scope, filters: Filters) -> str:
    """Return the FTS5 clauses for access and the kind/organisation filters."""
    parts = []
    if not scope.everything:
        tokens = [f"n{int(n)}" for n in scope.networks] + [f"m{int(m)}" for m in scope.meetings]
        parts.append(f"scope : ({' OR '.join(tokens)})")
    if filters.kinds:
        kinds = " OR ".join(
            "k" + kind.replace("_", "") for kind in filters.kinds if kind.isidentifier()
        )
        parts.append(f"scope : ({kinds})")
    if filters.organisation:
        parts.append(f"scope : o{int(filters.organisation)}")
    return " AND ".join(parts)


def _match(query: Query, restriction: str) -> str:
    positive = [_clause(clause, restriction) for clause in query.positive]
    expression = " AND ".join(positive + ([restriction] if restriction else []))
    for clause in query.negative:
        expression = f"({expression}) NOT ({_clause(clause, '', negated=True)})"
    return expression


def _clause(clause: Clause, restriction: str, negated: bool = False) -> str:
    if clause.phrase:
        return f'{EXACT} : "{" ".join(stem(w) for w in clause.words)}"'
    word = clause.words[0]
    term = _term(word)
    if not negated and is_folded(word) and not _exists(f"{EXACT} : {term}", restriction):
        # Typed without å/ä/ö and not a word as typed: look among the folded forms too.
        return f"{WITH_FOLDED} : {term}"
    return f"{EXACT} : {term}"


def _term(word: str) -> str:
    stemmed = stem(word)
    return f'"{stemmed}"' + ("*" if len(stemmed) >= MIN_PREFIX else "")


def _exists(expression: str, restriction: str) -> bool:
    match = f"{expression} AND {restriction}" if restriction else expression
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT 1 FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s LIMIT 1", [match])
        return cursor.fetchone() is not None
