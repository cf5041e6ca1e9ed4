from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from samverka.accounts.access import Action, get_network_for_user, get_source_document_for_user
from samverka.accounts.models import User, is_site_admin
from samverka.imports.models import PersonMerge, ReviewEntry
from samverka.imports.services import (
    MergeRefused,
    person_merge,
    person_merge_undo,
    person_split,
    review_entry_resolve,
)
from samverka.methods import POST, SAFE, refuse_method
from samverka.people.models import Person


def _site_admin(request: HttpRequest) -> User:
    """Merging and splitting people is for site admins; everyone else gets 404."""
    if not is_site_admin(request.user):
        raise Http404
    assert isinstance(request.user, User)
    return request.user


@login_required
def review(request: HttpRequest, slug: str) -> HttpResponse:
    network = get_network_for_user(request, slug, Action.IMPORT_MINUTES)
    if refused := refuse_method(request, SAFE):
        return refused
    entries = (
        ReviewEntry.objects.for_network(network)
        .open()
        .select_related("source_document", "person", "other_person")
        .order_by("source_document__name", "source_start", "pk")
    )
    context = {
        "network": network,
        "entries": entries,
        "can_merge": is_site_admin(request.user),
    }
    return render(request, "imports/review.html", context)


@login_required
def review_resolve(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    network = get_network_for_user(request, slug, Action.IMPORT_MINUTES)
    if refused := refuse_method(request, POST):
        return refused
    entry = get_object_or_404(ReviewEntry, pk=pk, network=network)
    user = request.user if isinstance(request.user, User) else None
    review_entry_resolve(entry=entry, by=user, dismiss=request.POST.get("dismiss") == "1")
    return redirect("imports:review", slug=network.slug)


@login_required
def merge_accept(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Accept a merge suggestion: the person seen earlier is kept."""
    user = _site_admin(request)
    network = get_network_for_user(request, slug, Action.IMPORT_MINUTES)
    if refused := refuse_method(request, POST):
        return refused
    entry = get_object_or_404(
        ReviewEntry.objects.merge_suggestions().open(), pk=pk, network=network
    )
    if entry.person is None or entry.other_person is None:
        raise Http404
    try:
        person_merge(keep=entry.other_person, merge=entry.person, by=user)
    except MergeRefused as error:
        messages.error(request, str(error))
    return redirect("imports:review", slug=network.slug)


@login_required
def merge_undo(request: HttpRequest, pk: int) -> HttpResponse:
    user = _site_admin(request)
    if refused := refuse_method(request, POST):
        return refused
    merge = get_object_or_404(PersonMerge, pk=pk, undone_at__isnull=True)
    person_merge_undo(merge=merge, by=user)
    messages.success(request, _("The merge was undone."))
    return redirect(reverse("admin:imports_personmerge_changelist"))


@login_required
def split(request: HttpRequest, pk: int) -> HttpResponse:
    """Split name forms of a person off as a new person, with what the minutes named so."""
    user = _site_admin(request)
    person = get_object_or_404(Person, pk=pk)
    names = list(person.names.order_by("name"))
    if request.method == "POST":
        chosen = [n.name for n in names if str(n.pk) in request.POST.getlist("names")]
        try:
            new = person_split(person=person, names=chosen, by=user)
        except MergeRefused as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("%(name)s is now a person of their own.") % {"name": new})
            return redirect(reverse("admin:people_person_change", args=[new.pk]))
    return render(request, "imports/person_split.html", {"person": person, "names": names})


@login_required
def source_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    """The original file, as an attachment, never rendered by the browser."""
    source = get_source_document_for_user(request, pk)
    if refused := refuse_method(request, SAFE):
        return refused
    response = FileResponse(
        source.file.open("rb"),
        as_attachment=True,
        filename=source.name,
        content_type="application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
