from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from samverka.accounts.models import User
from samverka.people.models import Person, PersonOrganisation
from samverka.people.services import person_deactivate


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
    actions = ["deactivate"]

    @admin.action(description=_("Avaktivera: ta bort inloggning och kontaktuppgifter"))
    def deactivate(self, request: HttpRequest, queryset: QuerySet[Person]) -> None:
        """Names stay in the minutes; see person_deactivate."""
        by = request.user if isinstance(request.user, User) else None
        for person in queryset.filter(is_active=True):
            person_deactivate(person=person, by=by)
        self.message_user(request, _("Personerna är avaktiverade."), messages.SUCCESS)
