from django.contrib import admin

from samverka.calendars.models import CalendarKey


@admin.register(CalendarKey)
class CalendarKeyAdmin(admin.ModelAdmin):
    list_display = ["user", "generation", "changed_at"]
    readonly_fields = ["user", "generation", "changed_at"]
