from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from samverka.meetings.models import Attendance, Meeting
from samverka.methods import SAFE, refuse_method
from samverka.networks.models import Membership, Network, Representation
from samverka.people.directory import get_person_for_user, people_seen_by
from samverka.people.models import PersonOrganisation
from samverka.people.rates import membership_rates

PEOPLE_PER_PAGE = 50


@login_required
@require_safe
def directory(request: HttpRequest) -> HttpResponse:
    """The people the user meets in their networks, filtered by name."""
    query = request.GET.get("q", "").strip()
    people = people_seen_by(request.user).order_by("name", "pk")
    if query:
        people = people.filter(name__icontains=query)
    jobs = PersonOrganisation.objects.current().select_related("organisation")
    people = people.prefetch_related(Prefetch("organisations", jobs, to_attr="current_jobs"))
    page = Paginator(people, PEOPLE_PER_PAGE).get_page(request.GET.get("sida"))
    return render(request, "people/directory.html", {"page": page, "query": query})


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_person_for_user(request, pk)
    if refused := refuse_method(request, SAFE):
        return refused
    networks = Network.objects.visible_to(request.user)
    memberships = list(
        Membership.objects.filter(person=person, network__in=networks)
        .select_related("network", "organisation")
        .order_by("network__name", "-start_date")
    )
    meetings = Meeting.objects.visible_to(request.user)
    present = Attendance.objects.filter(
        person=person, status=Attendance.Status.PRESENT, meeting__in=meetings
    )
    rates, total = membership_rates(memberships, meetings.held(), present)
    context = {
        "person": person,
        "names": person.names.exclude(name=person.name),
        "jobs": person.organisations.select_related("organisation").order_by("-start_date"),
        "memberships": rates,
        "total": total,
        "representations": Representation.objects.filter(person=person, network__in=networks)
        .select_related("network", "body")
        .order_by("-start_date"),
        "visible_network_ids": {m.network_id for m in memberships},
    }
    return render(request, "people/detail.html", context)
