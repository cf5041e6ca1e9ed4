from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from samverka.organisations.models import Organisation, OrganisationAlias, name_key


class OrganisationAliasInline(admin.TabularInline):
    model = OrganisationAlias
    fields = ("alias",)
    extra = 1


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind", "municipality_code", "county", "is_active")
    list_filter = ("kind", "county", "is_active")
    search_fields = ("name", "municipality_code", "aliases__alias")
    filter_horizontal = ("cooperations",)
    inlines = [OrganisationAliasInline]

    def save_formset(
        self, request: HttpRequest, form: object, formset: object, change: bool
    ) -> None:
        # The comparison key is derived from the alias as typed.
        for alias in formset.save(commit=False):  # type: ignore[attr-defined]
            alias.key = name_key(alias.alias)
            alias.save()
        for removed in formset.deleted_objects:  # type: ignore[attr-defined]
            removed.delete()
