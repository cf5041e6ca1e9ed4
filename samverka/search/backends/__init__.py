"""Two full-text backends behind one function: `search(user, text, filters, sort, page)`."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db import connection

from samverka.accounts.models import User
from samverka.search.backends.base import Backend, Filters, Hit, Results, Sort
from samverka.search.models import Scope
from samverka.search.query import parse

__all__ = ["Filters", "Hit", "Results", "Sort", "backend", "search"]

PAGE_SIZE = 20


def backend() -> Backend:
    if connection.vendor == "postgresql":
        from samverka.search.backends.postgres import PostgresBackend

        return PostgresBackend()
    from samverka.search.backends.sqlite import SqliteBackend

    return SqliteBackend()


def search(
    user: User | AnonymousUser,
    text: str,
    filters: Filters | None = None,
    sort: Sort = Sort.RELEVANCE,
    page: int = 1,
    page_size: int = PAGE_SIZE,
) -> Results:
    """Return one page of what `user` may find for `text`; access is part of the SQL."""
    query = parse(text)
    filters = filters or Filters()
    scope = Scope.of(user).narrowed_to(filters.network)
    if not query or not scope:
        return Results(hits=[], total=0, page=1, page_size=page_size, query=query)
    page = max(page, 1)
    found = backend().search(query, scope, filters, sort, page, page_size)
    return Results(found.hits, found.total, page, page_size, query, more=found.more)
