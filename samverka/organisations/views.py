from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from samverka.meetings.models import StatusReport
from samverka.networks.models import Membership, Network, Representation
from samverka.organisations.models import Organisation
from samverka.people.directory import people_seen_by
from samverka.people.models import PersonOrganisation

REPORTS_PER_PAGE = 40


def get_organisation_for_user(request: HttpRequest, pk: int) -> Organisation:
    """Every logged-in user may see the directory of organisations; what is shown
    of them is limited to the user's networks."""
    return get_object_or_404(Organisation.objects.visible_to(request.user), pk=pk)


@login_required
@require_safe
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """An organisation: its people, whom it sends to the user's networks, who sits in it."""
    organisation = get_organisation_for_user(request, pk)
    networks = Network.objects.visible_to(request.user)
    employed = PersonOrganisation.objects.current().filter(organisation=organisation)
    context = {
        "organisation": organisation,
        "people": people_seen_by(request.user)
        .filter(pk__in=employed.values("person"))
        .order_by("name"),
        "memberships": Membership.objects.current()
        .filter(organisation=organisation, network__in=networks)
        .select_related("person", "network")
        .order_by("network__name", "person__name"),
        "representatives": Representation.objects.current()
        .filter(body=organisation, network__in=networks)
        .select_related("person", "network")
        .order_by("network__name", "person__name"),
        "has_reports": StatusReport.objects.visible_to(request.user)
        .filter(organisation=organisation)
        .exists(),
    }
    return render(request, "organisations/detail.html", context)


@login_required
@require_safe
def situation(request: HttpRequest, pk: int) -> HttpResponse:
    """Lägesbild: one municipality's situation reports over time, in meetings the user sees."""
    organisation = get_organisation_for_user(request, pk)
    reports = (
        StatusReport.objects.visible_to(request.user)
        .filter(organisation=organisation)
        .select_related("meeting__network")
        .order_by("-meeting__date", "-meeting__start_time", "meeting__network__name")
    )
    page = Paginator(reports, REPORTS_PER_PAGE).get_page(request.GET.get("sida"))
    context = {"organisation": organisation, "page": page}
    return render(request, "organisations/situation.html", context)
