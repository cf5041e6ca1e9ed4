"""Security headers on every response, and the account key for login lock-out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse

# No inline scripts or styles anywhere: htmx and the stylesheet are served from 'self'.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "object-src 'none'",
    ]
)

Middleware = Callable[[HttpRequest], HttpResponse]


def security_headers_middleware(get_response: Middleware) -> Middleware:
    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    return middleware


def axes_username(request: HttpRequest, credentials: dict[str, Any] | None = None) -> str | None:
    """Return the login email that django-axes keys its lock-out on.

    allauth authenticates with ``email=``, while its form posts ``login``; both
    are normalised so that "Alice@x.se" and "alice@x.se" count as one account.
    """
    value = None
    if credentials:
        value = credentials.get("email") or credentials.get("username") or credentials.get("login")
    if not value and request is not None and request.method == "POST":
        value = request.POST.get("login") or request.POST.get("email")
    return str(value).strip().lower() if value else None
