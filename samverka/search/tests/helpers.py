from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth.models import AnonymousUser

from samverka.accounts.models import User
from samverka.meetings.models import AgendaItem, Meeting
from samverka.meetings.services import agenda_item_add, meeting_create
from samverka.networks.models import Network
from samverka.search.backends import search


def found(user: User | AnonymousUser, text: str, **options: Any) -> list[tuple[str, int]]:
    """Return (kind, pk) of every hit, best first."""
    results = search(user, text, page_size=100, **options)
    return [(hit.kind, hit.object_pk) for hit in results.hits]


def item_pks(user: User | AnonymousUser, text: str, **options: Any) -> list[int]:
    return [pk for kind, pk in found(user, text, **options) if kind == "item"]


def meeting_on(network: Network, day: datetime.date, title: str = "") -> Meeting:
    return meeting_create(network=network, date=day, title=title)


def add_item(meeting: Meeting, title: str, notes: str = "") -> AgendaItem:
    return agenda_item_add(meeting=meeting, title=title, notes=notes)
