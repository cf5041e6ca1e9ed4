from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from samverka.accounts.models import User
from samverka.imports.models import ImportedSource, ImportRun, PersonMerge, ReviewEntry
from samverka.imports.services import MergeRefused, person_merge, person_merge_undo


def _user(request: HttpRequest) -> User | None:
    return request.user if isinstance(request.user, User) else None


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = ("network", "started_at", "finished_at", "by")
    list_filter = ("network",)
    readonly_fields = ("network", "started_at", "finished_at", "by", "summary")


@admin.register(ImportedSource)
class ImportedSourceAdmin(admin.ModelAdmin):
    list_display = ("path", "source_document", "run", "superseded_by")
    search_fields = ("path",)
    raw_id_fields = ("source_document", "run", "superseded_by")


@admin.register(ReviewEntry)
class ReviewEntryAdmin(admin.ModelAdmin):
    list_display = ("message", "kind", "status", "network", "source_document", "created_at")
    list_filter = ("status", "kind", "network")
    search_fields = ("message",)
    raw_id_fields = ("source_document", "person", "other_person", "resolved_by")
    actions = ["merge_suggested_people"]

    @admin.action(description=_("Slå samman föreslagna personer (den tidigare behålls)"))
    def merge_suggested_people(self, request: HttpRequest, queryset: QuerySet[ReviewEntry]) -> None:
        for entry in queryset.merge_suggestions().open():  # type: ignore[attr-defined]
            if entry.person is None or entry.other_person is None:
                continue
            try:
                person_merge(keep=entry.other_person, merge=entry.person, by=_user(request))
            except MergeRefused as error:
                self.message_user(request, f"{entry}: {error}", messages.ERROR)


@admin.register(PersonMerge)
class PersonMergeAdmin(admin.ModelAdmin):
    list_display = ("merged_name", "kept", "merged_at", "merged_by", "undone_at", "split_link")
    readonly_fields = (
        "kept",
        "merged_person_id",
        "merged_name",
        "merged_data",
        "moved",
        "merged_at",
        "merged_by",
        "undone_at",
    )
    actions = ["undo"]

    @admin.display(description=_("dela person"))
    def split_link(self, merge: PersonMerge) -> SafeString:
        return format_html(
            '<a href="{}">{}</a>', reverse("imports:person_split", args=[merge.kept_id]), _("dela")
        )

    @admin.action(description=_("Ångra sammanslagningen"))
    def undo(self, request: HttpRequest, queryset: QuerySet[PersonMerge]) -> None:
        for merge in queryset.filter(undone_at__isnull=True):
            person_merge_undo(merge=merge, by=_user(request))
