"""What an import leaves behind besides the records themselves.

The records (meetings, attendance, items …) live in their own apps and point
to their SourceDocument through `FromSource`. This app keeps what the other
apps have no place for: which records each document created (so that a new
version of the file can replace them), the review queue, and the person
merges an admin can undo.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverka.documents.models import FromSource, SourceDocument
from samverka.networks.models import Network
from samverka.people.models import Person

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from samverka.accounts.models import User


class ImportRun(models.Model):
    """One `samverka import` (or upload) into one network."""

    network = models.ForeignKey(
        Network, verbose_name=_("nätverk"), related_name="import_runs", on_delete=models.CASCADE
    )
    started_at = models.DateTimeField(_("startad"), default=timezone.now)
    finished_at = models.DateTimeField(_("klar"), null=True, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("av"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    summary = models.JSONField(_("sammanfattning"), default=dict, blank=True)

    class Meta:
        verbose_name = _("importkörning")
        verbose_name_plural = _("importkörningar")
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.network} {self.started_at:%Y-%m-%d %H:%M}"


class ImportedSourceQuerySet(models.QuerySet["ImportedSource"]):
    def current(self) -> ImportedSourceQuerySet:
        return self.filter(superseded_by__isnull=True)


class ImportedSource(models.Model):
    """Where a SourceDocument came from, and whether a newer version replaced it."""

    source_document = models.OneToOneField(
        SourceDocument,
        verbose_name=_("källdokument"),
        related_name="imported",
        on_delete=models.CASCADE,
    )
    run = models.ForeignKey(
        ImportRun,
        verbose_name=_("importkörning"),
        related_name="sources",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    path = models.CharField(_("sökväg vid import"), max_length=1000)
    superseded_by = models.ForeignKey(
        SourceDocument,
        verbose_name=_("ersatt av"),
        related_name="supersedes",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )

    objects = ImportedSourceQuerySet.as_manager()

    class Meta:
        verbose_name = _("importerad fil")
        verbose_name_plural = _("importerade filer")
        indexes = [models.Index(fields=["path"])]

    def __str__(self) -> str:
        return self.path


class ImportedRecordQuerySet(models.QuerySet["ImportedRecord"]):
    def of_kind(self, model: type[models.Model]) -> ImportedRecordQuerySet:
        return self.filter(content_type=ContentType.objects.get_for_model(model))

    def for_object(self, obj: models.Model) -> ImportedRecordQuerySet:
        return self.of_kind(type(obj)).filter(object_id=obj.pk)


class ImportedRecord(models.Model):
    """A record an import created or changed, with the span it came from.

    Memberships are derived from all of a network's minutes at once and have
    no single document: for them `source_document` is null.
    """

    class Action(models.TextChoices):
        CREATED = "created", _("skapad")
        UPDATED = "updated", _("uppdaterad")

    network = models.ForeignKey(
        Network, verbose_name=_("nätverk"), related_name="+", on_delete=models.CASCADE
    )
    source_document = models.ForeignKey(
        SourceDocument,
        verbose_name=_("källdokument"),
        related_name="imported_records",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    action = models.CharField(_("åtgärd"), max_length=10, choices=Action.choices)
    name_seen = models.CharField(_("namnform i källan"), max_length=200, blank=True)
    source_start = models.PositiveIntegerField(null=True, blank=True)
    source_end = models.PositiveIntegerField(null=True, blank=True)

    objects = ImportedRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("importerad post")
        verbose_name_plural = _("importerade poster")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.content_type.model} {self.object_id}"


class ReviewEntryQuerySet(models.QuerySet["ReviewEntry"]):
    def open(self) -> ReviewEntryQuerySet:
        return self.filter(status=ReviewEntry.Status.OPEN)

    def for_network(self, network: Network) -> ReviewEntryQuerySet:
        return self.filter(network=network)

    def merge_suggestions(self) -> ReviewEntryQuerySet:
        return self.filter(kind=ReviewEntry.Kind.MERGE_SUGGESTION)

    def visible_to(self, user: User | AnonymousUser) -> ReviewEntryQuerySet:
        return self.filter(network__in=Network.objects.visible_to(user))


class ReviewEntry(FromSource):
    """Something an import was unsure of, for a coordinator to look at."""

    class Kind(models.TextChoices):
        WARNING = "warning", _("varning från inläsningen")
        LOW_CONFIDENCE = "low_confidence", _("osäker tolkning")
        MERGE_SUGGESTION = "merge_suggestion", _("förslag: samma person?")
        CONFLICT = "conflict", _("ändrad efter import")
        DUPLICATE = "duplicate", _("mötet finns redan")

    class Status(models.TextChoices):
        OPEN = "open", _("att granska")
        RESOLVED = "resolved", _("åtgärdad")
        DISMISSED = "dismissed", _("avfärdad")

    network = models.ForeignKey(
        Network, verbose_name=_("nätverk"), related_name="review_entries", on_delete=models.CASCADE
    )
    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices)
    message = models.TextField(_("meddelande"))
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        related_name="+",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
    )
    other_person = models.ForeignKey(
        Person,
        verbose_name=_("möjligen samma som"),
        related_name="+",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
    )
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", null=True, blank=True
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    record = GenericForeignKey("content_type", "object_id")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(_("skapad"), default=timezone.now)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("åtgärdad av"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    resolved_at = models.DateTimeField(_("åtgärdad"), null=True, blank=True)

    objects = ReviewEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("att granska")
        verbose_name_plural = _("att granska")
        ordering = ["status", "-created_at", "pk"]

    def __str__(self) -> str:
        return self.message[:80]


class PersonMerge(models.Model):
    """A merge of `merged_person_id` into `kept`, with what it moved, so it can be undone."""

    kept = models.ForeignKey(
        Person, verbose_name=_("kvar"), related_name="+", on_delete=models.CASCADE
    )
    merged_person_id = models.PositiveBigIntegerField(_("sammanslagen person (id)"))
    merged_name = models.CharField(_("sammanslagen person"), max_length=200)
    # Field values of the removed person, and names it took to `kept` or dropped.
    merged_data = models.JSONField(_("sammanslagen persons uppgifter"), default=dict)
    # [[app_label.model, field name, [pk, …]], …]: every row repointed to `kept`.
    moved = models.JSONField(_("flyttade poster"), default=list)
    merged_at = models.DateTimeField(_("sammanslagen"), default=timezone.now)
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("av"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    undone_at = models.DateTimeField(_("ångrad"), null=True, blank=True)

    class Meta:
        verbose_name = _("sammanslagning av personer")
        verbose_name_plural = _("sammanslagningar av personer")
        ordering = ["-merged_at"]

    def __str__(self) -> str:
        return f"{self.merged_name} → {self.kept}"
