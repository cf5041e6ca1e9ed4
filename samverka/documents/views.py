from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from samverka.accounts.access import get_source_document_for_user
from samverka.methods import SAFE, refuse_method


def _offset(request: HttpRequest, name: str, limit: int) -> int | None:
    value = request.GET.get(name, "")
    return min(int(value), limit) if value.isdigit() else None


@login_required
def source(request: HttpRequest, pk: int) -> HttpResponse:
    """An imported document's decoded text, with `?start=&end=` marked as `#hit`."""
    document = get_source_document_for_user(request, pk)
    if refused := refuse_method(request, SAFE):
        return refused
    text = document.text
    start, end = _offset(request, "start", len(text)), _offset(request, "end", len(text))
    if start is None or end is None or end < start:
        start = end = None
    context = {
        "document": document,
        "network": document.network,
        "before": text[:start] if start is not None else text,
        "hit": text[start:end] if start is not None else None,
        "after": text[end:] if end is not None else "",
    }
    return render(request, "documents/source.html", context)
