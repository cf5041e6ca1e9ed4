from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from samverka.people.models import Person, PersonOrganisation


class PersonOrganisationInline(admin.TabularInline):
    model = PersonOrganisation
    extra = 0
    autocomplete_fields = ("organisation",)


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ("name", "email", "title", "user", "is_active")
    list_filter = ("is_active",)
    search_fields = ("name", "email", "names__name")
    raw_id_fields = ("user",)
    inlines = [PersonOrganisationInline]
