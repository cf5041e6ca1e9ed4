from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from samverka.methods import SAFE, refuse_method
from samverka.networks.models import Network
from samverka.search.backends import search
from samverka.search.forms import SearchForm
from samverka.search.presentation import present


@login_required
def results(request: HttpRequest) -> HttpResponse:
    """The results page; with htmx only the results region is sent back."""
    networks = Network.objects.visible_to(request.user).order_by("name")
    if refused := refuse_method(request, SAFE):
        return refused
    form = SearchForm(request.GET, networks=networks)
    found = None
    if form.is_valid() and form.cleaned_data["q"].strip():
        found = search(
            request.user,
            form.cleaned_data["q"],
            form.filters(),
            form.sort_order(),
            form.cleaned_data.get("page") or 1,
        )
        present(found)
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "results": found, "query_string": query.urlencode()}
    partial = getattr(request, "htmx", False) and not request.htmx.boosted  # type: ignore[attr-defined]
    template = "search/_results.html" if partial else "search/results.html"
    return render(request, template, context)
