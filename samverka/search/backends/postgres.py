"""PostgreSQL: the generated `vector` column (`swedish` configuration) and its GIN index.

The typed query is parsed once (see query.py) and turned into a tsquery of
Snowball stems with `:*` prefixes, given to `to_tsquery('simple', …)` so that
PostgreSQL does not stem the stems again; stems are compared as prefixes, so
a stem PostgreSQL left a letter longer ("familjehemm") is still found.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import connection

from samverka.search.backends.base import HIT_COLUMNS, Filters, Hit, Sort
from samverka.search.models import Scope
from samverka.search.query import MIN_PREFIX, Clause, Query
from samverka.search.text import STOPWORDS, is_folded, stem

# ts_rank weights for D (folded forms), C (unused), B (body), A (title).
RANK = "ts_rank('{0.05, 0.1, 0.3, 1.0}', e.vector, q)"


class PostgresBackend:
    def search(
        self,
        query: Query,
        scope: Scope,
        filters: Filters,
        sort: Sort,
        page: int,
        page_size: int,
    ) -> tuple[list[Hit], int]:
        source, before, after = _source(scope, filters)
        tsquery = _tsquery(query, source, before, after)
        params = [*before, tsquery, *after]
        order = (
            f"round({RANK}::numeric, 3) DESC, e.date DESC NULLS LAST, e.id DESC"
            if sort == Sort.RELEVANCE
            else f"e.date DESC NULLS LAST, {RANK} DESC, e.id DESC"
        )
        columns = ", ".join(f"e.{c}" for c in HIT_COLUMNS)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {columns} FROM {source} ORDER BY {order} LIMIT %s OFFSET %s",
                [*params, page_size, (page - 1) * page_size],
            )
            hits = [Hit(*row) for row in cursor.fetchall()]
            if page == 1 and len(hits) < page_size:
                return hits, len(hits)
            cursor.execute(f"SELECT count(*) FROM {source}", params)
            return hits, cursor.fetchone()[0]


def _source(scope: Scope, filters: Filters) -> tuple[str, list[Any], list[Any]]:
    """Return the FROM … WHERE … part and its parameters before and after the tsquery.

    For a member the rows of their networks are read first (`OFFSET 0` keeps
    PostgreSQL from flattening that): a few thousand rows checked against the
    query beat building a bitmap of the hundreds of thousands of rows a common
    word or prefix matches in the GIN index. A site admin's search, over
    everything, goes through the GIN index.
    """
    before: list[Any] = []
    params: list[Any] = []
    table = "search_searchentry"
    if not scope.everything:
        visible = "network_pk = ANY(%s)"
        before.append(list(scope.networks))
        if scope.meetings:
            visible += " OR meeting_pk = ANY(%s)"
            before.append(list(scope.meetings))
        table = f"(SELECT * FROM search_searchentry WHERE {visible} OFFSET 0)"
    conditions = ["e.vector @@ q"]
    if filters.kinds:
        conditions.append("e.kind = ANY(%s)")
        params.append(list(filters.kinds))
    if filters.organisation:
        conditions.append("e.organisation_pk = %s")
        params.append(filters.organisation)
    if filters.date_from:
        conditions.append("e.date >= %s")
        params.append(filters.date_from)
    if filters.date_to:
        conditions.append("e.date <= %s")
        params.append(filters.date_to)
    where = " AND ".join(conditions)
    return f"{table} e, to_tsquery('simple', %s) q WHERE {where}", before, params


def _tsquery(query: Query, source: str, before: list[Any], after: list[Any]) -> str:
    def exists(tsquery: str) -> bool:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT 1 FROM {source} LIMIT 1", [*before, tsquery, *after])
            return cursor.fetchone() is not None

    parts = [_clause(clause, exists) for clause in query.positive]
    parts += [f"!({_clause(clause, None)})" for clause in query.negative]
    return " & ".join(parts)


def _clause(clause: Clause, exists: Callable[[str], bool] | None) -> str:
    """Return one clause as tsquery syntax; `exists` is None for an excluded clause."""
    if clause.phrase:
        return _phrase(clause.words)
    word = clause.words[0]
    exact = _lexeme(word, weights="AB")
    if exists is not None and is_folded(word) and not exists(exact):
        return _lexeme(word)  # any weight: the folded forms (D) too
    return exact


def _lexeme(word: str, prefix_always: bool = False, weights: str = "") -> str:
    """Return `'stem':*AB`-style tsquery syntax (`'stem'` alone when short, unweighted)."""
    stemmed = stem(word)
    prefix = "*" if prefix_always or len(stemmed) >= MIN_PREFIX else ""
    return f"'{stemmed}'" + (f":{prefix}{weights}" if prefix or weights else "")


def _phrase(words: tuple[str, ...]) -> str:
    """Return the words at their distances, stop words counted as the gaps they leave."""
    out: list[str] = []
    gap = 0
    for word in words:
        if word in STOPWORDS:
            gap += 1
            continue
        if out:
            out.append(f"<{gap + 1}>")
        out.append(_lexeme(word, prefix_always=True))
        gap = 0
    return "(" + " ".join(out) + ")" if out else ""
