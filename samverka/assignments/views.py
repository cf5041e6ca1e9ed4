from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_safe

from samverka.accounts.access import Action, get_assignment_for_user
from samverka.accounts.models import User
from samverka.assignments.forms import AssignmentFilterForm, StatusForm
from samverka.assignments.models import Assignment
from samverka.assignments.rights import mark_updatable
from samverka.assignments.services import assignment_set_status
from samverka.methods import POST, refuse_method
from samverka.networks.models import Membership, Network
from samverka.organisations.models import Organisation
from samverka.partials import render_list
from samverka.people.models import Person

PER_PAGE = 50
ASSIGNEES = ("assignee_person", "assignee_organisation", "assignee_network")


@login_required
@require_safe
def assignment_list(request: HttpRequest) -> HttpResponse:
    """Every assignment the user may see, filtered in place with htmx; open ones by default."""
    assert isinstance(request.user, User)  # login_required
    visible = Assignment.objects.visible_to(request.user)
    data = request.GET.copy()
    data.setdefault("status", Assignment.Status.OPEN)  # "All" sends an empty status
    networks = Network.objects.visible_to(request.user)
    form = AssignmentFilterForm(
        data,
        networks=networks,
        people=Person.objects.filter(pk__in=visible.values("assignee_person")).order_by("name"),
        municipalities=municipalities_of(networks, visible),
    )
    found = (
        form.filter(visible)
        .with_overdue()
        .select_related(*ASSIGNEES, "network", "meeting", "reported_back_item__meeting")
    )
    page = Paginator(found.order_by("-is_overdue", "status", "due_date", "pk"), PER_PAGE)
    page_obj = page.get_page(request.GET.get("sida"))
    mark_updatable(request.user, page_obj.object_list)
    query = request.GET.copy()
    query.pop("sida", None)
    context = {
        "form": form,
        "page": page_obj,
        "query": query.urlencode(),
        "status_choices": Assignment.Status.choices,
        "show_meeting": True,
        "next_url": request.get_full_path(),
    }
    return render_list(request, "assignments/list.html", "assignments/_list.html", context)


def municipalities_of(
    networks: QuerySet[Network], assignments: QuerySet[Assignment]
) -> QuerySet[Organisation]:
    """The municipalities of the user's networks and assignments, not all 290 of Sweden."""
    members = Membership.objects.filter(network__in=networks).values("organisation")
    return (
        Organisation.objects.municipalities()
        .filter(
            Q(pk__in=members)
            | Q(networks__in=networks)
            | Q(pk__in=assignments.values("assignee_organisation"))
        )
        .distinct()
        .order_by("name")
    )


@login_required
def update_status(request: HttpRequest, pk: int) -> HttpResponse:
    """The assignee (or a coordinator of the network) reports an assignment done."""
    assignment = get_assignment_for_user(request, pk, action=Action.UPDATE_OWN_ASSIGNMENT)
    assert isinstance(request.user, User)  # login_required
    if refused := refuse_method(request, POST):
        return refused
    form = StatusForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(form.errors.as_text())
    assignment_set_status(
        assignment=assignment,
        status=form.cleaned_data["status"],
        note=form.cleaned_data["done_note"],
        by=request.user,
    )
    if getattr(request, "htmx", False):
        context = {
            "assignment": assignment,
            "status_choices": Assignment.Status.choices,
            "update_any": True,
            # Sent from the assignments page: keep the row as that page shows it.
            "show_meeting": bool(form.cleaned_data["next"]),
            "next_url": form.cleaned_data["next"],
        }
        return render(request, "assignments/_assignment.html", context)
    next_url = form.cleaned_data["next"]
    if next_url and url_has_allowed_host_and_scheme(next_url, allowed_hosts=None):
        return redirect(next_url)
    if assignment.meeting is not None:
        return redirect(f"{assignment.meeting.get_absolute_url()}#assignment-{assignment.pk}")
    return redirect("start")
