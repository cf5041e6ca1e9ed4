"""PostgreSQL: the generated `vector` column (`swedish` configuration) and its GIN index.

The typed query is parsed once (see query.py) and turned into a tsquery of
Snowball stems with `:*` prefixes, given to `to_tsquery('simple', …)` so that
PostgreSQL does not stem the stems again; stems are compared as prefixes, so
a stem PostgreSQL left a letter longer ("familjehemm") is still found.
"""

from __future__ import annotations

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
        where, params = _where(scope, filters)
        tsquery = _tsquery(query, where, params)
        order = (
            f"round({RANK}::numeric, 3) DESC, e.date DESC NULLS LAST, e.id DESC"
            if sort == Sort.RELEVANCE
            else f"e.date DESC NULLS LAST, {RANK} DESC, e.id DESC"
        )
        columns = ", ".join(f"e.{c}" for c in HIT_COLUMNS)
        source = f"search_searchentry e, to_tsquery('simple', %s) q WHERE e.vector @@ q AND {where}"
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {columns} FROM {source} ORDER BY {order} LIMIT %s OFFSET %s",
                [tsquery, *params, page_size, (page - 1) * page_size],
            )
            hits = [Hit(*row) for row in cursor.fetchall()]
            if page == 1 and len(hits) < page_size:
                return hits, len(hits)
            cursor.execute(f"SELECT count(*) FROM {source}", [tsquery, *params])
            return hits, cursor.fetchone()[0]


def _where(scope: Scope, filters: Filters) -> tuple[str, list[Any]]:
    conditions: list[str] = ["TRUE"]
    params: list[Any] = []
    if not scope.everything and scope.meetings:
        conditions.append("(e.network_pk = ANY(%s) OR e.meeting_pk = ANY(%s))")
        params += [list(scope.networks), list(scope.meetings)]
    elif not scope.everything:
        conditions.append("e.network_pk = ANY(%s)")
        params.append(list(scope.networks))
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
    return " AND ".join(conditions), params


def _tsquery(query: Query, where: str, params: list[Any]) -> str:
    parts = [_clause(clause, where, params) for clause in query.positive]
    parts += [f"!({_clause(clause, '', [], negated=True)})" for clause in query.negative]
    return " & ".join(parts)


def _clause(clause: Clause, where: str, params: list[Any], negated: bool = False) -> str:
    if clause.phrase:
        return _phrase(clause.words)
    word = clause.words[0]
    exact = _lexeme(word, weights="AB")
    if not negated and is_folded(word) and not _exists(exact, where, params):
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


def _exists(tsquery: str, where: str, params: list[Any]) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            f"""SELECT 1 FROM search_searchentry e, to_tsquery('simple', %s) q
            WHERE e.vector @@ q AND {where} LIMIT 1""",
            [tsquery, *params],
        )
        return cursor.fetchone() is not None
