"""HTTP method checks that come after the access check.

Django's `require_POST`/`require_safe` decorators answer 405 before the view
runs, which tells an outsider that a URL of another network exists. Views call
`refuse_method` right after their `get_<object>_for_user` helper instead, so an
outsider gets 404 for every method (samverka/tests/test_boundary.py checks it).
"""

from __future__ import annotations

from collections.abc import Sequence

from django.http import HttpRequest, HttpResponseNotAllowed

SAFE = ("GET", "HEAD")
POST = ("POST",)


def refuse_method(request: HttpRequest, allowed: Sequence[str]) -> HttpResponseNotAllowed | None:
    """Return a 405 response when the request's method is not allowed, else None."""
    if request.method in allowed:
        return None
    return HttpResponseNotAllowed(list(allowed))
