from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from samverka.assignments.models import Assignment, AssignmentQuerySet
from samverka.networks.models import Network
from samverka.organisations.models import Organisation
from samverka.people.models import Person


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Assignment.Status.choices)
    done_note = forms.CharField(label=_("Comment"), required=False, max_length=2000)
    next = forms.CharField(required=False, max_length=2000)


class AssignmentFilterForm(forms.Form):
    """The assignments page's filters; every choice comes from what the user may see."""

    network = forms.ModelChoiceField(
        label=_("Network"),
        queryset=Network.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("All networks"),
    )
    assignee = forms.ModelChoiceField(
        label=_("Assigned to"),
        queryset=Person.objects.none(),
        required=False,
        empty_label=_("Anyone"),
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("All municipalities"),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("All")), *Assignment.Status.choices],
        required=False,
    )
    overdue = forms.BooleanField(label=_("Only overdue"), required=False)

    def __init__(
        self,
        *args: Any,
        networks: QuerySet[Network],
        people: QuerySet[Person],
        municipalities: QuerySet[Organisation],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["network"].queryset = networks  # type: ignore[attr-defined]
        self.fields["assignee"].queryset = people  # type: ignore[attr-defined]
        self.fields["municipality"].queryset = municipalities  # type: ignore[attr-defined]

    def filter(self, assignments: AssignmentQuerySet) -> AssignmentQuerySet:
        if not self.is_valid():
            return assignments.open()
        data = self.cleaned_data
        if data["network"] is not None:
            assignments = assignments.for_network(data["network"])
        if data["assignee"] is not None:
            assignments = assignments.filter(assignee_person=data["assignee"])
        if data["municipality"] is not None:
            assignments = assignments.for_organisation(data["municipality"])
        if data["status"]:
            assignments = assignments.filter(status=data["status"])
        if data["overdue"]:
            assignments = assignments.overdue()
        return assignments
