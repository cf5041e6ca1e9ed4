from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from samverka.meetings.models import AgendaItem, Attendance, Decision, Meeting, StatusReport


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    autocomplete_fields = ("person", "organisation")
    exclude = ("source_document", "source_start", "source_end")


class AgendaItemInline(admin.StackedInline):
    model = AgendaItem
    extra = 0
    fk_name = "meeting"
    raw_id_fields = ("raised_by", "carried_from")
    exclude = ("source_document", "source_start", "source_end")


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ("network", "date", "start_time", "status", "place")
    list_filter = ("network", "status")
    date_hierarchy = "date"
    raw_id_fields = ("minute_taker", "source_document")
    inlines = [AttendanceInline, AgendaItemInline]


@admin.register(Decision)
class DecisionAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "meeting")
    raw_id_fields = ("meeting", "item", "source_document")


@admin.register(StatusReport)
class StatusReportAdmin(SimpleHistoryAdmin):
    list_display = ("organisation", "meeting")
    raw_id_fields = ("meeting", "source_document")
    autocomplete_fields = ("organisation",)
