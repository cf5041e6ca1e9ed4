from __future__ import annotations

import uuid
from pathlib import PurePath
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from samverka.accounts.models import User
    from samverka.networks.models import Network


def _stored_name(folder: str, filename: str) -> str:
    """Return a storage path that no uploader can choose: a UUID plus the suffix."""
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"{folder}/{uuid.uuid4().hex}{suffix}"


def source_upload_to(instance: SourceDocument, filename: str) -> str:
    return _stored_name(f"sources/{instance.network_id}", filename)


def document_upload_to(instance: Document, filename: str) -> str:
    return _stored_name(f"documents/{instance.network_id}", filename)


class SourceDocumentQuerySet(models.QuerySet["SourceDocument"]):
    def for_network(self, network: Network) -> SourceDocumentQuerySet:
        return self.filter(network=network)

    def visible_to(self, user: User | AnonymousUser) -> SourceDocumentQuerySet:
        from samverka.networks.models import Network

        return self.filter(network__in=Network.objects.visible_to(user))


class SourceDocument(models.Model):
    """An imported minutes file, kept whole; records created from it point into `text`.

    Never edited after import, so it keeps no history of its own.
    """

    network = models.ForeignKey(
        "networks.Network",
        verbose_name=_("nätverk"),
        related_name="source_documents",
        on_delete=models.PROTECT,
    )
    file = models.FileField(_("originalfil"), upload_to=source_upload_to, max_length=300)
    name = models.CharField(_("filnamn"), max_length=255)
    media_type = models.CharField(_("filtyp"), max_length=100)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    text = models.TextField(_("avkodad text"))
    imported_at = models.DateTimeField(_("importerad"), default=timezone.now)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("importerad av"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )

    objects = SourceDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("källdokument")
        verbose_name_plural = _("källdokument")
        ordering = ["-imported_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "sha256"], name="source_document_unique_per_network"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def excerpt(self, start: int | None, end: int | None) -> str:
        if start is None or end is None:
            return ""
        return self.text[start:end]


class FromSource(models.Model):
    """A record that may have been created from a source document.

    `source_start`/`source_end` are character offsets into the document's
    decoded text, so the record can be shown highlighted in its original.
    """

    source_document = models.ForeignKey(
        SourceDocument,
        verbose_name=_("källdokument"),
        related_name="+",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    source_start = models.PositiveIntegerField(_("början i källan"), null=True, blank=True)
    source_end = models.PositiveIntegerField(_("slut i källan"), null=True, blank=True)

    class Meta:
        abstract = True

    def source_excerpt(self) -> str:
        if self.source_document is None:
            return ""
        return self.source_document.excerpt(self.source_start, self.source_end)


class DocumentQuerySet(models.QuerySet["Document"]):
    def for_network(self, network: Network) -> DocumentQuerySet:
        return self.filter(network=network)

    def visible_to(self, user: User | AnonymousUser) -> DocumentQuerySet:
        """Documents of the user's networks, and those of meetings a guest was invited to."""
        from samverka.meetings.models import Meeting
        from samverka.networks.models import Network

        return self.filter(
            Q(network__in=Network.objects.visible_to(user))
            | Q(meeting__in=Meeting.objects.guest_of(user))
            | Q(item__meeting__in=Meeting.objects.guest_of(user))
        )


class Document(models.Model):
    """An attachment or a routine shared in a network, optionally on a meeting or item."""

    network = models.ForeignKey(
        "networks.Network",
        verbose_name=_("nätverk"),
        related_name="documents",
        on_delete=models.PROTECT,
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("möte"),
        related_name="documents",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    item = models.ForeignKey(
        "meetings.AgendaItem",
        verbose_name=_("punkt"),
        related_name="documents",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    title = models.CharField(_("titel"), max_length=255)
    file = models.FileField(_("fil"), upload_to=document_upload_to, max_length=300)
    original_name = models.CharField(_("ursprungligt filnamn"), max_length=255, blank=True)
    content_type = models.CharField(_("filtyp"), max_length=100, blank=True)
    size = models.PositiveBigIntegerField(_("storlek (byte)"), default=0)
    extracted_text = models.TextField(_("utdragen text"), blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uppladdad av"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    uploaded_at = models.DateTimeField(_("uppladdad"), default=timezone.now)

    history = HistoricalRecords()
    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("dokument")
        verbose_name_plural = _("dokument")
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return self.title
