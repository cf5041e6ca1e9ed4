from __future__ import annotations

from django import template
from django.urls import reverse

from samverka.documents.models import FromSource

register = template.Library()


@register.simple_tag
def source_url(record: FromSource) -> str:
    """Return the URL of the record's span highlighted in its source, or ""."""
    start, end = record.source_start, record.source_end
    if record.source_document_id is None or start is None or end is None:
        return ""
    url = reverse("documents:source", kwargs={"pk": record.source_document_id})
    return f"{url}?start={start}&end={end}#hit"
