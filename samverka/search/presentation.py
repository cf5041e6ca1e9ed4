"""Hits as the results page shows them: heading, where they belong, link, excerpt."""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse

from samverka.networks.models import Network
from samverka.organisations.models import Organisation
from samverka.search.backends import Hit, Results
from samverka.search.models import EVERYONE, SearchEntry
from samverka.search.snippets import Marker, highlight

SNIPPET_LENGTH = 240
Kind = SearchEntry.Kind


def present(results: Results) -> None:
    """Fill each hit's `extra` with what the template shows, in two queries per page."""
    networks = {
        n.pk: n
        for n in Network.objects.filter(
            pk__in={h.network_pk for h in results.hits if h.network_pk != EVERYONE}
        ).only("pk", "name", "slug")
    }
    organisations = dict(
        Organisation.objects.filter(
            pk__in={h.organisation_pk for h in results.hits if h.organisation_pk}
        ).values_list("pk", "name")
    )
    marker = Marker(results.query.terms())
    for hit in results.hits:
        network = networks.get(hit.network_pk)
        hit.extra = {
            "kind_label": Kind(hit.kind).label,
            "heading": highlight(hit.title, marker) if hit.title else _heading(hit),
            "snippet": highlight(hit.body, marker, SNIPPET_LENGTH),
            "network": network.name if network else "",
            "organisation": organisations.get(hit.organisation_pk or 0, ""),
            "url": _url(hit, network),
        }


def _heading(hit: Hit) -> str:
    return str(Kind(hit.kind).label)


def _url(hit: Hit, network: Network | None) -> str:
    meeting = _reverse("meetings:detail", hit.meeting_pk) if hit.meeting_pk else ""
    fallback = _reverse("networks:detail", network.slug) if network else ""
    if hit.kind == Kind.MEETING:
        return meeting
    if hit.kind == Kind.ITEM and meeting:
        return f"{meeting}#item-{hit.object_pk}"
    if hit.kind == Kind.STATUS_REPORT and meeting:
        return f"{meeting}#status-reports"
    if hit.kind in (Kind.DECISION, Kind.ASSIGNMENT) and meeting:
        return f"{meeting}#agenda"
    if hit.kind == Kind.SOURCE_DOCUMENT:
        return _reverse("imports:source_download", hit.object_pk) or fallback
    if hit.kind == Kind.PERSON:
        return _reverse("people:detail", hit.object_pk)
    return meeting or fallback


def _reverse(name: str, argument: int | str | None) -> str:
    try:
        return reverse(name, args=[argument])
    except NoReverseMatch:  # a page another part of the site has not added yet
        return ""
