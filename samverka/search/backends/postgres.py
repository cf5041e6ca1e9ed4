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
        # The words as typed first: if that finds anything, every word occurs as
        # typed among what the user may see, so no folded form would count (see
        # `_clause`) and one query answers. Only a query that finds nothing asks,
        # word by word, whether it occurs as typed.
        exact = _tsquery(query, None)
        hits, total = _page(source, [*before, exact, *after], sort, page, page_size)
        if total or not any(_foldable(clause) for clause in query.positive):
            return hits, total

        def exists(tsquery: str) -> bool:
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT 1 FROM {source} LIMIT 1", [*before, tsquery, *after])
                return cursor.fetchone() is not None

        folded = _tsquery(query, exists)
        if folded == exact:
            return hits, total
        return _page(source, [*before, folded, *after], sort, page, page_size)


def _page(
    source: str, params: list[Any], sort: Sort, page: int, page_size: int
) -> tuple[list[Hit], int]:
    """Return one page of hits and the number of all, in one pass over the matches.

    The ranking and the count are computed on ids and sort keys only; the shown
    columns are read for the page's rows alone.
    """
    if sort == Sort.RELEVANCE:
        rank = f"round({RANK}::numeric, 3)"
        order = "{0}rank DESC, {0}date DESC NULLS LAST, {0}id DESC"
    else:
        rank = RANK
        order = "{0}date DESC NULLS LAST, {0}rank DESC, {0}id DESC"
    columns = ", ".join(f"s.{c}" for c in HIT_COLUMNS)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""SELECT {columns}, ranked.total FROM (
                SELECT e.id, e.date, {rank} AS rank, count(*) OVER () AS total
                FROM {source} ORDER BY {order.format("")} LIMIT %s OFFSET %s
            ) ranked JOIN search_searchentry s ON s.id = ranked.id
            ORDER BY {order.format("ranked.")}""",
            [*params, page_size, (page - 1) * page_size],
        )
        rows = cursor.fetchall()
        if rows or page == 1:
            return [Hit(*row[:-1]) for row in rows], rows[0][-1] if rows else 0
        # Past the last page: no row carries the count.
        cursor.execute(f"SELECT count(*) FROM {source}", params)
        return [], cursor.fetchone()[0]


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


def _tsquery(query: Query, exists: Callable[[str], bool] | None) -> str:
    """Return the tsquery; without `exists`, every word as typed (no folded forms)."""
    parts = [_clause(clause, exists) for clause in query.positive]
    parts += [f"!({_clause(clause, None)})" for clause in query.negative]
    return " & ".join(parts)


def _foldable(clause: Clause) -> bool:
    """Whether the clause is a word that could stand for one typed with å, ä or ö."""
    return not clause.phrase and is_folded(clause.words[0])


def _clause(clause: Clause, exists: Callable[[str], bool] | None) -> str:
    """Return one clause as tsquery syntax; `exists` is None for an excluded clause
    (and for the first, as-typed attempt)."""
    if clause.phrase:
        return _phrase(clause.words)
    word = clause.words[0]
    exact = _lexeme(word, weights="AB")
    if exists is not None and _foldable(clause) and not exists(exact):
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
