"""PostgreSQL: the `vector` column (`swedish` configuration) and its GIN index.

The typed query is parsed once (see query.py) and turned into a tsquery
(`%s::tsquery`, so that PostgreSQL takes its lexemes as they are). Each word
stands for the indexed words (`search_lexeme`) that begin with its Snowball
stem, named one by one — a stem PostgreSQL left a letter longer
("familjehemm") is among them — or, when there are too many, for the stem as
a prefix (`'stem':*`). Title hits are lexemes of their own in the same vector
(`text.TITLE_MARK`), never weights: a weight in a tsquery makes PostgreSQL
fetch and recheck every row the GIN index gives it. A word typed without å,
ä or ö is also looked up among the folded forms of the indexed words.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import connection

from samverka.search.backends.base import HIT_COLUMNS, Filters, Hit, Page, Sort
from samverka.search.models import Scope
from samverka.search.query import MIN_PREFIX, Clause, Query
from samverka.search.text import STOPWORDS, TITLE_MARK, fold, is_folded, stem

# A tsquery that matches nothing: the "title hit" of a query without title words
# (a title mark is never bare).
NOTHING = f"'{TITLE_MARK}'"
# A site admin's search counts this many matches past the page, then says "more".
COUNT_AHEAD = 1000
# A site admin's search looks at this many of the newest entries first.
RECENT = 5000
# ... and counts on along the date order for at most this many entries when the
# newest ones promise to reach the count's limit there.
WALK = 4 * RECENT


class PostgresBackend:
    def search(
        self,
        query: Query,
        scope: Scope,
        filters: Filters,
        sort: Sort,
        page: int,
        page_size: int,
    ) -> Page:
        source = _source(scope, filters)
        words = _Vocabulary()
        titles = _titles(query, words)
        # The words as typed first: if that finds anything, every word occurs as
        # typed among what the user may see, so no folded form would count (see
        # `_clause`) and one query answers. Only a query that finds nothing asks,
        # word by word, whether it occurs as typed.
        exact = _tsquery(query, words, None)
        found = _page(source, exact, titles, sort, page, page_size)
        if found.total or not any(_foldable(clause) for clause in query.positive):
            return found

        def exists(tsquery: str) -> bool:
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT 1 FROM {source.sql} LIMIT 1", source.params(tsquery))
                return cursor.fetchone() is not None

        folded = _tsquery(query, words, exists)
        if folded == exact:
            return found
        return _page(source, folded, titles, sort, page, page_size)


class _Source:
    """The FROM … WHERE … part of a search: what the user may see, the filters and
    `vector @@ q` for a tsquery given with the parameters."""

    def __init__(
        self, sql: str, before: list[Any], after: list[Any], everything: bool, filters: Filters
    ) -> None:
        self.sql = sql
        self.before = before
        self.after = after
        self.everything = everything
        self.filters = filters

    def params(self, tsquery: str) -> list[Any]:
        return [*self.before, tsquery, *self.after]


def _page(
    source: _Source, tsquery: str, titles: str, sort: Sort, page: int, page_size: int
) -> Page:
    """Return one page of hits, best first, and the number of all.

    Relevance is a title hit first, then the date (newest first), then the id,
    as on SQLite; "sort by date" is the date, then a title hit, then the id.
    """
    if source.everything:
        return _page_of_everything(source, tsquery, titles, sort, page, page_size)
    title_hit = "e.vector @@ %s::tsquery"
    order = _order(sort, "{0}title_hit")
    with connection.cursor() as cursor:
        cursor.execute(
            f"""SELECT ranked.id, ranked.total FROM (
                SELECT e.id, e.date, {title_hit} AS title_hit, count(*) OVER () AS total
                FROM {source.sql} ORDER BY {order.format("")} LIMIT %s OFFSET %s
            ) ranked ORDER BY {order.format("ranked.")}""",
            [titles or NOTHING, *source.params(tsquery), page_size, (page - 1) * page_size],
        )
        rows = cursor.fetchall()
    if rows or page == 1:
        return Page(_hits([row[0] for row in rows]), rows[0][1] if rows else 0)
    # Past the last page: no row carries the count.
    return Page([], _count(source, tsquery))


def _page_of_everything(
    source: _Source, tsquery: str, titles: str, sort: Sort, page: int, page_size: int
) -> Page:
    """A site admin's page: the same order, in statements PostgreSQL can stop early.

    A common word matches a quarter of a million entries: ranking and
    counting them in one statement read every one (the GIN index gives row
    addresses only; each row's date, and whether it matches at all, is in the
    table). Here each part of the order is a query of its own on the date
    index or the GIN index (the planner's choice, by how common the words
    are): the title hits newest first, then, if the page is not full, the
    other hits; and the count stops `COUNT_AHEAD` matches past the page ("more
    than 1,020 hits"), which for a common word is read off the first few
    thousand rows.

    Before those, one statement looks at the `RECENT` newest entries only:
    for a common word they hold the page and often the count (see
    `_from_recent`), whatever the planner believes about how common the word
    is (it multiplies the frequencies of words that go together, and guesses
    a hundred matches for ten thousand).
    """
    offset = (page - 1) * page_size
    if sort == Sort.RELEVANCE:
        found = _from_recent(source, tsquery, titles, offset, page_size)
        if found is not None:
            return found
    by_date: tuple[str, list[Any]] = (_order(Sort.DATE, None), [])
    if not titles:
        ids = _ids(source, tsquery, by_date, offset, page_size)
    elif sort == Sort.DATE:
        title_hit = "e.vector @@ %s::tsquery"
        ids = _ids(source, tsquery, (_order(Sort.DATE, title_hit), [titles]), offset, page_size)
    else:
        in_title = f"({tsquery}) & ({titles})"
        ids = _ids(source, in_title, by_date, offset, page_size)
        if len(ids) < page_size:
            before = offset + len(ids) if ids or not offset else _count(source, in_title)
            elsewhere = f"({tsquery}) & !({titles})"
            rest = page_size - len(ids)
            ids += _ids(source, elsewhere, by_date, max(0, offset - before), rest)
    if page == 1 and len(ids) < page_size:
        return Page(_hits(ids), len(ids))
    return _counted(source, tsquery, ids, offset + page_size + COUNT_AHEAD)


def _from_recent(
    source: _Source, tsquery: str, titles: str, offset: int, page_size: int
) -> Page | None:
    """Return the page if the `RECENT` newest entries decide it, else None.

    The newest entries are a prefix of the date order, so their title hits
    are the newest title hits of all: if they fill the page, it is the page.
    Their matches are counted on the way; if there are enough of them, there
    is nothing more to count, and if they are dense enough to reach the limit
    within the `WALK` newest entries, those are counted first.
    """
    everything = Scope([], [], everything=True)
    recent = _source(everything, source.filters, newest=RECENT)
    end = offset + page_size
    with connection.cursor() as cursor:
        cursor.execute(
            f"""SELECT e.id, e.vector @@ %s::tsquery, count(*) OVER ()
            FROM {recent.sql} ORDER BY {_order(Sort.RELEVANCE, "2").format("e.")} LIMIT %s""",
            [titles or NOTHING, *recent.params(tsquery), end],
        )
        rows = cursor.fetchall()
    if len(rows) < end or (titles and not rows[-1][1]):
        return None
    ids = [row[0] for row in rows[offset:]]
    limit = end + COUNT_AHEAD
    matched = rows[0][2]
    if matched > limit or (
        # As dense further back, the count would pass the limit within half
        # the walk: counting along the date index stops there, where the GIN
        # index would first gather every match of every word (150,000 rows
        # for "ekonomiskt bistånd": 40 ms instead of 7).
        matched * WALK >= 2 * limit * RECENT
        and _count(_source(everything, source.filters, newest=WALK), tsquery, limit + 1) > limit
    ):
        return Page(_hits(ids), limit, more=True)
    return _counted(source, tsquery, ids, limit)


def _counted(source: _Source, tsquery: str, ids: list[int], limit: int) -> Page:
    """Return the page of `ids` with the number of matches, counted up to `limit`."""
    total = _count(source, tsquery, limit + 1)
    return Page(_hits(ids), min(total, limit), more=total > limit)


def _order(sort: Sort, title_hit: str | None) -> str:
    """Return the ORDER BY list, `{0}` standing for the table's alias."""
    if title_hit is None:
        return "{0}date DESC NULLS LAST, {0}id DESC"
    if sort == Sort.RELEVANCE:
        return f"{title_hit} DESC, {{0}}date DESC NULLS LAST, {{0}}id DESC"
    return f"{{0}}date DESC NULLS LAST, {title_hit} DESC, {{0}}id DESC"


def _ids(
    source: _Source, tsquery: str, order: tuple[str, list[Any]], offset: int, limit: int
) -> list[int]:
    """Return the ids of `limit` matches from `offset`, in `order` (SQL and parameters)."""
    sql, params = order
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT e.id FROM {source.sql} ORDER BY {sql.format('e.')} LIMIT %s OFFSET %s",
            [*source.params(tsquery), *params, limit, offset],
        )
        return [row[0] for row in cursor.fetchall()]


def _count(source: _Source, tsquery: str, limit: int | None = None) -> int:
    """Return the number of matches, or `limit` if there are that many or more."""
    sql = f"SELECT count(*) FROM {source.sql}"
    params = source.params(tsquery)
    if limit is not None:
        sql = f"SELECT count(*) FROM (SELECT 1 FROM {source.sql} LIMIT %s) counted"
        params.append(limit)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return int(cursor.fetchone()[0])


def _hits(ids: list[int]) -> list[Hit]:
    """Return the shown columns of the entries `ids`, in that order."""
    if not ids:
        return []
    columns = ", ".join(HIT_COLUMNS)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM search_searchentry WHERE id = ANY(%s)", [ids])
        by_id = {row[0]: Hit(*row) for row in cursor.fetchall()}
    return [by_id[pk] for pk in ids if pk in by_id]


def _source(scope: Scope, filters: Filters, newest: int | None = None) -> _Source:
    """Return the FROM … WHERE … part of the search, the tsquery its one parameter to come.

    For a member the rows of their networks are read first (`OFFSET 0` keeps
    PostgreSQL from flattening that): a few thousand rows checked against the
    query beat building a bitmap of the hundreds of thousands of rows a common
    word or prefix matches in the GIN index. A site admin's search, over
    everything, goes through the GIN index or the date index; with `newest`,
    over that many of the newest entries only.
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
    elif newest is not None:
        order = _order(Sort.DATE, None).format("")
        table = f"(SELECT * FROM search_searchentry ORDER BY {order} LIMIT {int(newest)})"
    conditions = ["e.vector @@ %s::tsquery"]
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
    sql = f"{table} e WHERE {where}"
    return _Source(sql, before, params, scope.everything, filters)


# A query word stands for at most this many indexed words; beyond, for its prefix.
MAX_FORMS = 64


class _Vocabulary:
    """The indexed words (`search_lexeme`) a query's stems stand for, looked up
    once per search.

    A prefix in a tsquery (`'hvb':*`) makes the GIN index gather every match
    of every word with that prefix into a bitmap before it intersects them
    with the other words of the query: three to four times slower than the
    same words named one by one, which the index intersects as it reads them.
    """

    def __init__(self) -> None:
        self._found: dict[tuple[str, bool], list[str] | None] = {}

    def forms(self, stemmed: str, folded: bool = False) -> list[str] | None:
        """Return the indexed words whose beginning is `stemmed` (with `folded`:
        whose beginning folds to it), or None if there are more than `MAX_FORMS`."""
        key = (stemmed, folded)
        if key not in self._found:
            column = "folded" if folded else "lexeme"
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT lexeme FROM search_lexeme WHERE {column} LIKE %s"
                    " ORDER BY lexeme LIMIT %s",
                    [_like(stemmed), MAX_FORMS + 1],
                )
                found = [row[0] for row in cursor.fetchall()]
            self._found[key] = found if len(found) <= MAX_FORMS else None
        return self._found[key]

    def beginnings(self, stemmed: str) -> list[str]:
        """Return the beginnings of indexed words, as long as `stemmed`, that fold to it
        and differ from it."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT DISTINCT left(lexeme, %s) FROM search_lexeme WHERE folded LIKE %s",
                [len(stemmed), _like(stemmed)],
            )
            return sorted(row[0] for row in cursor.fetchall() if row[0] != stemmed)


def _like(stemmed: str) -> str:
    """Return the LIKE pattern of words beginning with `stemmed`."""
    return stemmed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _tsquery(query: Query, words: _Vocabulary, exists: Callable[[str], bool] | None) -> str:
    """Return the tsquery; without `exists`, every word as typed (no folded forms)."""
    parts = [_clause(clause, words, exists) for clause in query.positive]
    parts += [f"!({_clause(clause, words, None)})" for clause in query.negative]
    return " & ".join(parts)


def _titles(query: Query, words: _Vocabulary) -> str:
    """Return the tsquery of a title hit: any positive word among the title's stems."""
    stems = [
        stem(word)
        for clause in query.positive
        for word in clause.words
        if not (clause.phrase and word in STOPWORDS)
    ]
    return " | ".join(_word(stemmed, words, TITLE_MARK) for stemmed in dict.fromkeys(stems))


def _foldable(clause: Clause) -> bool:
    """Whether the clause is a word that could stand for one typed with å, ä or ö."""
    return not clause.phrase and is_folded(clause.words[0])


def _clause(clause: Clause, words: _Vocabulary, exists: Callable[[str], bool] | None) -> str:
    """Return one clause as tsquery syntax; `exists` is None for an excluded clause
    (and for the first, as-typed attempt)."""
    if clause.phrase:
        return _phrase(clause.words)
    stemmed = stem(clause.words[0])
    typed = _word(stemmed, words)
    if exists is None or not _foldable(clause):
        return typed
    # Typed without å/ä/ö and not found as typed: the indexed words with å,
    # ä or ö whose folded beginning it is too ("hemtjanst" → 'hemtjänst',
    # 'hemtjänsten'). Those are looked up first: most typed words stand for
    # none, and the look-up is one index range, while PostgreSQL may look for
    # a word as typed by reading the table until it meets one.
    accented = _accented(stemmed, words)
    if accented and not exists(typed):
        return f"({typed} | {accented})"
    return typed


def _accented(stemmed: str, words: _Vocabulary) -> str:
    """Return the tsquery of the indexed words with å, ä or ö that `stemmed`
    stands for when typed without them ('' if none)."""
    forms = words.forms(stemmed, folded=True)
    if forms is None:  # too many: the beginnings that fold to the stem, as prefixes
        return " | ".join(
            _lexeme(beginning, prefix=True) for beginning in words.beginnings(stemmed)
        )
    if len(stemmed) < MIN_PREFIX:
        forms = [form for form in forms if len(form) == len(stemmed)]
    accented = [form for form in forms if fold(form) != form]
    return _any(accented) if accented else ""


def _word(stemmed: str, words: _Vocabulary, mark: str = "") -> str:
    """Return the tsquery of one query word: the indexed words it begins (with
    `mark` before each), or its prefix when they are too many or unknown; a
    word shorter than `MIN_PREFIX` stands for itself only."""
    if len(stemmed) < MIN_PREFIX:
        return _lexeme(mark + stemmed, prefix=False)
    forms = words.forms(stemmed)
    if not forms:
        return _lexeme(mark + stemmed, prefix=True)
    return _any([mark + form for form in forms])


def _any(forms: list[str]) -> str:
    """Return a tsquery matching any of these whole lexemes."""
    return "(" + " | ".join(_lexeme(form, prefix=False) for form in forms) + ")"


def _lexeme(stemmed: str, prefix: bool) -> str:
    """Return `'stem':*` (or `'stem'`, matching the whole lexeme only)."""
    quoted = "'" + stemmed.replace("\\", "\\\\").replace("'", "''") + "'"
    return f"{quoted}:*" if prefix else quoted


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
        out.append(_lexeme(stem(word), prefix=True))
        gap = 0
    return "(" + " ".join(out) + ")" if out else ""
