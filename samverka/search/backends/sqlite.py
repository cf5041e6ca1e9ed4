"""SQLite FTS5: one MATCH carries the words, the access scope and the filters.

The scope and filters are tokens in the FTS `scope` column ("zzn12" network,
"zzm5" meeting, "zzkdecision" kind, "zzo1283" organisation), so access narrows
the posting lists inside FTS5 instead of after it; the joined row is checked
again in SQL all the same. FTS5 indexes the words of the title and body as
written; a query word is expanded into the exact words whose stem starts with
its stem ("familjehem": "familjehemmen", "familjehemsvård", …) through the
`search_term` table, and the query uses no column filters: both keep FTS5 on
its fast path, skipping along the short posting list of the scope instead of
merging every long one.
"""

from __future__ import annotations

import itertools
import math
from typing import Any

from django.db import connection

from samverka.search.backends.base import HIT_COLUMNS, Filters, Hit, Page, Sort
from samverka.search.indexing import FTS_TABLE, ID_MASK, fts_key
from samverka.search.models import Scope
from samverka.search.query import MIN_PREFIX, Clause, Query
from samverka.search.text import STOPWORDS, is_folded, stem

# A prefix that expands to more words than this is left to FTS5's own prefix query.
MAX_EXPANSION = 200
# A quoted phrase whose words' forms multiply into more phrases than this is
# looked for as typed.
MAX_PHRASES = 32
_END = "\U0010ffff"


class SqliteBackend:
    def search(
        self,
        query: Query,
        scope: Scope,
        filters: Filters,
        sort: Sort,
        page: int,
        page_size: int,
    ) -> Page:
        restriction = _restriction(scope, filters)
        # The words as typed first: if that finds anything, every word occurs as
        # typed among what the user may see, so no folded form would count (see
        # `_clause`) and one query answers. Only a query that finds nothing asks,
        # word by word, whether it occurs as typed.
        match, title_terms = _match(query, restriction, fold=False)
        found = _page(match, title_terms, restriction, scope, filters, sort, page, page_size)
        if found.total or not any(_foldable(clause) for clause in query.positive):
            return found
        folded, title_terms = _match(query, restriction, fold=True)
        if folded == match:
            return found
        return _page(folded, title_terms, restriction, scope, filters, sort, page, page_size)


def _page(
    match: str,
    title_terms: list[str],
    restriction: str,
    scope: Scope,
    filters: Filters,
    sort: Sort,
    page: int,
    page_size: int,
) -> Page:
    """Return one page of hits, best first, and the number of all.

    The FTS rowid orders entries by date, then id (`indexing.FTS_KEY`), so FTS5
    hands the matches over newest first and stops after a page: the title hits
    (one more MATCH on the "zzt" tokens) and then, if the page is not full,
    the other hits. bm25() would cost a pass over every posting list of the
    query (its IDF), ~30 ms at 1M records, whatever the user's scope.
    """
    checks = _checks(scope, filters)
    offset = (page - 1) * page_size
    titles = ""
    if title_terms:
        titles = " OR ".join(f'"zzt{term}"' for term in title_terms)
    if sort == Sort.DATE:
        hits = _by_date(match, titles, checks, offset, page_size)
    elif titles:
        title_match = f"({match}) AND ({titles})"
        hits = _hits(title_match, checks, offset, page_size)
        if len(hits) < page_size:
            before = offset + len(hits) if hits or not offset else _count(title_match, checks)
            body_match = f"({match}) NOT ({titles})"
            hits += _hits(body_match, checks, max(0, offset - before), page_size - len(hits))
    else:
        hits = _hits(match, checks, offset, page_size)
    if page == 1 and len(hits) < page_size:
        return Page(hits, len(hits))
    return Page(hits, _count(match, checks))


# Conditions on the joined row and the FTS rowid, with their parameters.
Checks = tuple[list[str], list[Any]]
_JOIN = f"JOIN search_searchentry e ON e.id = ({FTS_TABLE}.rowid & {ID_MASK})"


def _hits(match: str, checks: Checks, offset: int, limit: int) -> list[Hit]:
    """Return the matches in FTS rowid order (newest first), `limit` from `offset`."""
    conditions, params = checks
    where = " AND ".join([f"{FTS_TABLE} MATCH %s", *conditions])
    columns = ", ".join(f"e.{c}" for c in HIT_COLUMNS)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""SELECT {columns} FROM {FTS_TABLE} {_JOIN} WHERE {where}
            ORDER BY {FTS_TABLE}.rowid DESC LIMIT %s OFFSET %s""",
            [match, *params, limit, offset],
        )
        return [Hit(*row) for row in cursor.fetchall()]


def _by_date(match: str, titles: str, checks: Checks, offset: int, limit: int) -> list[Hit]:
    """Return a page sorted by date, then title hits first, then id.

    The page ends on or after the day of its last match in rowid order, so
    only the matches from that day on are sorted.
    """
    conditions, params = checks
    where = " AND ".join([f"{FTS_TABLE} MATCH %s", *conditions])
    with connection.cursor() as cursor:
        cursor.execute(
            f"""SELECT {FTS_TABLE}.rowid FROM {FTS_TABLE} {_JOIN} WHERE {where}
            ORDER BY {FTS_TABLE}.rowid DESC LIMIT 1 OFFSET %s""",
            [match, *params, offset + limit - 1],
        )
        last = cursor.fetchone()
        lowest = last[0] - last[0] % (ID_MASK + 1) if last else 0
        title_hit, title_params = "0", []
        if titles:
            title_hit = f"""{FTS_TABLE}.rowid IN (SELECT rowid FROM {FTS_TABLE}
                WHERE {FTS_TABLE} MATCH %s AND rowid >= %s)"""
            title_params = [f"({match}) AND ({titles})", lowest]
        columns = ", ".join(f"e.{c}" for c in HIT_COLUMNS)
        cursor.execute(
            f"""SELECT {columns} FROM {FTS_TABLE} {_JOIN}
            WHERE {where} AND {FTS_TABLE}.rowid >= %s
            ORDER BY {FTS_TABLE}.rowid / {ID_MASK + 1} DESC, {title_hit} DESC,
                {FTS_TABLE}.rowid DESC
            LIMIT %s OFFSET %s""",
            [match, *params, lowest, *title_params, limit, offset],
        )
        return [Hit(*row) for row in cursor.fetchall()]


def _count(match: str, checks: Checks) -> int:
    conditions, params = checks
    with connection.cursor() as cursor:
        if conditions:
            where = " AND ".join([f"{FTS_TABLE} MATCH %s", *conditions])
            cursor.execute(
                f"SELECT count(*) FROM {FTS_TABLE} {_JOIN} WHERE {where}", [match, *params]
            )
        else:
            # Nothing to check on the stored row (a site admin's search): FTS5 counts alone.
            cursor.execute(f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [match])
        return int(cursor.fetchone()[0])


def _checks(scope: Scope, filters: Filters) -> Checks:
    conditions: list[str] = []
    params: list[Any] = []
    if not scope.everything:
        # The same boundary again on the stored columns, whatever the tokens say.
        networks = ", ".join(str(int(n)) for n in scope.networks) or "NULL"
        meetings = ", ".join(str(int(m)) for m in scope.meetings) or "NULL"
        conditions.append(f"(e.network_pk IN ({networks}) OR e.meeting_pk IN ({meetings}))")
    # The dates also bound the rowids, which FTS5 skips to.
    if filters.date_from:
        conditions += ["e.date >= %s", f"{FTS_TABLE}.rowid >= %s"]
        params += [filters.date_from.isoformat(), fts_key(filters.date_from, 0)]
    if filters.date_to:
        conditions += ["e.date <= %s", f"{FTS_TABLE}.rowid <= %s"]
        params += [filters.date_to.isoformat(), fts_key(filters.date_to, ID_MASK)]
    return conditions, params


def _restriction(scope: Scope, filters: Filters) -> str:
    """Return the FTS5 clauses for access and the kind/organisation filters."""
    parts = []
    if not scope.everything:
        tokens = [f"zzn{int(n)}" for n in scope.networks]
        tokens += [f"zzm{int(m)}" for m in scope.meetings]
        parts.append(f"({' OR '.join(tokens)})")
    if filters.kinds:
        kinds = [kind.replace("_", "") for kind in filters.kinds if kind.isidentifier()]
        parts.append("(" + " OR ".join(f"zzk{kind}" for kind in kinds) + ")")
    if filters.organisation:
        parts.append(f"zzo{int(filters.organisation)}")
    return " AND ".join(parts)


def _match(query: Query, restriction: str, fold: bool) -> tuple[str, list[str]]:
    """Return the MATCH expression and the stems whose title hits rank first.

    Without `fold`, every word is looked for as typed (no folded forms).
    """
    positive = [_clause(clause, restriction, fold) for clause in query.positive]
    parts = [expression for expression, _ in positive]
    expression = " AND ".join(parts + ([restriction] if restriction else []))
    for clause in query.negative:
        expression = f"({expression}) NOT ({_clause(clause, '', fold=False)[0]})"
    return expression, [term for _, terms in positive for term in terms]


def _foldable(clause: Clause) -> bool:
    """Whether the clause is a word that could stand for one typed with å, ä or ö."""
    return not clause.phrase and is_folded(clause.words[0])


def _clause(clause: Clause, restriction: str, fold: bool) -> tuple[str, list[str]]:
    """Return one clause as an FTS5 expression and the words whose title hits rank first."""
    if clause.phrase:
        return _phrase(clause.words)
    word = clause.words[0]
    stemmed = stem(word)
    if len(stemmed) < MIN_PREFIX:
        forms = _expand("stem", stemmed, whole=True) or [word]
        return _any(forms), forms
    exact = _expand("stem", stemmed)
    if exact is None:
        return f'"{stemmed}"*', [stemmed]
    # Typed without å/ä/ö: the folded forms count only if the word as typed
    # does not occur among what the user may see.
    if fold and _foldable(clause) and not (exact and _exists(_any(exact), restriction)):
        exact = _expand("folded", stemmed) or []
    return (_any(exact), exact) if exact else (f'"{word}"', [])


def _phrase(words: tuple[str, ...]) -> tuple[str, list[str]]:
    """Return the phrase as every sequence of words with the same stems, in order.

    FTS5 phrases take no alternatives, so the forms of each word (those with
    its stem: "relationer", "relationerna", …) multiply into phrases ORed
    together; past MAX_PHRASES, the words as typed.
    """
    forms = [_expand("stem", stem(word), whole=True) or [word] for word in words]
    if math.prod(len(f) for f in forms) > MAX_PHRASES:
        forms = [[word] for word in words]
    phrases = [" + ".join(f'"{w}"' for w in sequence) for sequence in itertools.product(*forms)]
    title_words = [
        w for word, f in zip(words, forms, strict=True) if word not in STOPWORDS for w in f
    ]
    return "(" + " OR ".join(phrases) + ")", title_words


def _any(terms: list[str]) -> str:
    return "(" + " OR ".join(f'"{term}"' for term in terms) + ")"


def _expand(column: str, prefix: str, whole: bool = False) -> list[str] | None:
    """Return the indexed words whose `column` (stem, folded stem) starts with
    `prefix` (or, `whole`, equals it); None if too many."""
    condition = f"{column} = %s" if whole else f"{column} >= %s AND {column} < %s"
    params = [prefix] if whole else [prefix, prefix + _END]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT term FROM search_term WHERE {condition} ORDER BY term LIMIT %s",
            [*params, MAX_EXPANSION + 1],
        )
        terms = [row[0] for row in cursor.fetchall()]
    return None if len(terms) > MAX_EXPANSION else terms


def _exists(expression: str, restriction: str) -> bool:
    match = f"{expression} AND {restriction}" if restriction else expression
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT 1 FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s LIMIT 1", [match])
        return cursor.fetchone() is not None
