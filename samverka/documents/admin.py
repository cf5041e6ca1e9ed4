from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from samverka.documents.models import Document, SourceDocument


@admin.register(Document)
class DocumentAdmin(SimpleHistoryAdmin):
    list_display = ("title", "network", "meeting", "content_type", "uploaded_at")
    list_filter = ("network",)
    search_fields = ("title",)
    raw_id_fields = ("meeting", "item", "uploaded_by")


@admin.register(SourceDocument)
class SourceDocumentAdmin(admin.ModelAdmin):
    list_display = ("name", "network", "media_type", "imported_at")
    list_filter = ("network",)
    search_fields = ("name", "sha256")
    readonly_fields = ("sha256", "text", "imported_at", "imported_by")
