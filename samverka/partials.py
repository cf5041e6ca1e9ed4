"""When a list page answers htmx with its results region alone."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers


def render_list(
    request: HttpRequest, page: str, partial: str, context: dict[str, object]
) -> HttpResponse:
    """Render the whole `page`, or only `partial` for an htmx filter request.

    htmx restoring history after Back asks for the whole page, so it gets it;
    `Vary: HX-Request` keeps caches from mixing the two answers.
    """
    htmx = getattr(request, "htmx", None)
    only_results = bool(htmx) and not htmx.history_restore_request  # type: ignore[union-attr]
    response = render(request, partial if only_results else page, context)
    patch_vary_headers(response, ["HX-Request"])
    return response
