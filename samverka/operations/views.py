"""A person's data as a JSON download: one's own, or anyone's for a site admin."""

from __future__ import annotations

import json

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.utils import timezone
from django.views.decorators.http import require_safe

from samverka.accounts.access import Action, get_person_for_user
from samverka.accounts.models import User
from samverka.people.models import Person
from samverka.people.services import person_export


@login_required
@require_safe
def export_own(request: HttpRequest) -> HttpResponse:
    assert isinstance(request.user, User)
    person = Person.objects.filter(user=request.user).first()
    if person is None:
        raise Http404
    return _json_download(get_person_for_user(request, person.pk, Action.EXPORT_OWN_DATA))


@login_required
def export_person(request: HttpRequest, pk: int) -> HttpResponse:
    # Access first, so that a POST from outside gets 404 like everywhere else.
    person = get_person_for_user(request, pk, Action.EXPORT_PERSON)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    return _json_download(person)


def _json_download(person: Person) -> HttpResponse:
    body = json.dumps(person_export(person), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    name = f"samverka-person-{person.pk}-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response
