from __future__ import annotations

import datetime
import enum
from dataclasses import dataclass, field
from typing import NamedTuple, Protocol

from samverka.search.models import Scope
from samverka.search.query import Query


class Sort(enum.StrEnum):
    RELEVANCE = "relevans"
    DATE = "datum"


@dataclass(frozen=True)
class Filters:
    network: int | None = None
    kinds: tuple[str, ...] = ()
    organisation: int | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None


@dataclass
class Hit:
    pk: int
    kind: str
    object_pk: int
    network_pk: int
    meeting_pk: int | None
    organisation_pk: int | None
    date: datetime.date | None
    title: str
    body: str
    # Filled by the view: names, link and highlighted snippets.
    extra: dict[str, object] = field(default_factory=dict)


class Page(NamedTuple):
    """What a backend answers: one page of hits and the number of all."""

    hits: list[Hit]
    total: int
    # Counting stopped at `total`: there are more matches than that.
    more: bool = False


@dataclass
class Results:
    hits: list[Hit]
    total: int
    page: int
    page_size: int
    query: Query
    more: bool = False

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))

    @property
    def has_next(self) -> bool:
        return self.more or self.page < self.pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def first_number(self) -> int:
        return (self.page - 1) * self.page_size + 1


HIT_COLUMNS = (
    "id",
    "kind",
    "object_pk",
    "network_pk",
    "meeting_pk",
    "organisation_pk",
    "date",
    "title",
    "body",
)


class Backend(Protocol):
    def search(
        self,
        query: Query,
        scope: Scope,
        filters: Filters,
        sort: Sort,
        page: int,
        page_size: int,
    ) -> Page: ...
