from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render

from samverka.accounts.access import Action, get_assignment_for_user
from samverka.accounts.models import User
from samverka.assignments.forms import StatusForm
from samverka.assignments.models import Assignment
from samverka.assignments.services import assignment_set_status
from samverka.methods import POST, refuse_method


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
        }
        return render(request, "assignments/_assignment.html", context)
    if assignment.meeting is not None:
        return redirect(f"{assignment.meeting.get_absolute_url()}#assignment-{assignment.pk}")
    return redirect("start")
