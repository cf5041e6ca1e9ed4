from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from samverka.assignments.models import Assignment


@admin.register(Assignment)
class AssignmentAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "network", "status", "due_date", "due_next_meeting")
    list_filter = ("status", "network")
    search_fields = ("text",)
    raw_id_fields = (
        "assignee_person",
        "assignee_organisation",
        "assignee_network",
        "meeting",
        "item",
        "reported_back_item",
        "source_document",
    )
