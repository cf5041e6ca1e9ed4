from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from samverka.accounts.models import User

# `network_pk` of records every logged-in user may find (the directory of people).
EVERYONE = 0


class Scope:
    """What one user may find: networks, single meetings (as a guest), or everything."""

    def __init__(self, networks: list[int], meetings: list[int], everything: bool = False) -> None:
        self.networks = networks
        self.meetings = meetings
        self.everything = everything

    @classmethod
    def of(cls, user: User | AnonymousUser) -> Scope:
        from samverka.accounts.models import is_site_admin
        from samverka.meetings.models import Meeting
        from samverka.networks.models import Network

        if not user.is_authenticated:
            return cls([], [])
        if is_site_admin(user):
            return cls([], [], everything=True)
        networks = list(Network.objects.visible_to(user).values_list("pk", flat=True))
        meetings = list(Meeting.objects.guest_of(user).values_list("pk", flat=True))
        return cls([EVERYONE, *networks], meetings)

    def narrowed_to(self, network: int | None) -> Scope:
        """Return this scope limited to one network (the results page's filter)."""
        if network is None:
            return self
        if self.everything:
            return Scope([network], [])
        return Scope([n for n in self.networks if n == network], [])

    def __bool__(self) -> bool:
        return self.everything or bool(self.networks or self.meetings)


class SearchEntryQuerySet(models.QuerySet["SearchEntry"]):
    def of_object(self, kind: str, pk: int) -> SearchEntryQuerySet:
        return self.filter(kind=kind, object_pk=pk)

    def visible_to(self, user: User | AnonymousUser) -> SearchEntryQuerySet:
        """Entries the user may find; the backends apply the same `Scope` in SQL."""
        return self.within(Scope.of(user))

    def within(self, scope: Scope) -> SearchEntryQuerySet:
        if scope.everything:
            return self.all()
        return self.filter(
            models.Q(network_pk__in=scope.networks)
            | models.Q(meeting_pk__in=scope.meetings, meeting_pk__isnull=False)
        )


class SearchEntry(models.Model):
    """One searchable record, denormalised so that a search is one indexed query.

    `title`/`body` are shown and indexed; on SQLite `scope` feeds the FTS5
    table its access tokens, on PostgreSQL a tsvector column kept by a
    trigger (migrations 0002 and 0007, `indexing.POSTGRES_VECTOR`) is the
    index.
    """

    class Kind(models.TextChoices):
        MEETING = "meeting", _("Möte")
        ITEM = "item", _("Punkt")
        DECISION = "decision", _("Beslut")
        ASSIGNMENT = "assignment", _("Uppdrag")
        STATUS_REPORT = "status_report", _("Lägesrapport")
        DOCUMENT = "document", _("Dokument")
        SOURCE_DOCUMENT = "source_document", _("Källdokument")
        PERSON = "person", _("Person")

    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices)
    object_pk = models.BigIntegerField(_("objekt"))
    # Plain integers, not foreign keys: the index must never block a delete in
    # another app, and a stale row is removed by the same transaction anyway.
    network_pk = models.BigIntegerField(_("nätverk"), db_index=True)
    meeting_pk = models.BigIntegerField(_("möte"), null=True, blank=True, db_index=True)
    organisation_pk = models.BigIntegerField(_("organisation"), null=True, blank=True)
    date = models.DateField(_("datum"), null=True, blank=True)
    title = models.TextField(_("rubrik"), blank=True)
    body = models.TextField(_("text"), blank=True)
    # SQLite: the FTS5 tokens of access and title words (entries.scope_tokens).
    scope = models.TextField(blank=True)

    objects = SearchEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("sökpost")
        verbose_name_plural = _("sökposter")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_pk"], name="search_entry_once"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_pk}"
