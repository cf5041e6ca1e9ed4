"""Site-wide pages that belong to no domain app: health check and accessibility statement."""

from __future__ import annotations

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@never_cache
@require_safe
def health(request: HttpRequest) -> JsonResponse:
    """Return 200 when the database answers, for load balancers and monitoring."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "not healthy", whatever its class
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


@require_safe
def accessibility(request: HttpRequest) -> HttpResponse:
    contact_email = getattr(settings, "SAMVERKA_CONTACT_EMAIL", "")
    return render(request, "samverka/accessibility.html", {"contact_email": contact_email})
