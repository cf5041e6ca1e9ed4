from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from samverka.meetings.models import Decision, Meeting
from samverka.networks.models import Network


class DecisionFilterForm(forms.Form):
    """The decisions register's filters; every choice comes from what the user may see."""

    network = forms.ModelChoiceField(
        label=_("Network"),
        queryset=Network.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("All networks"),
    )
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)
    q = forms.CharField(label=_("Text contains"), required=False, max_length=200)

    def __init__(
        self, *args: Any, networks: QuerySet[Network], meetings: QuerySet[Meeting], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["network"].queryset = networks  # type: ignore[attr-defined]
        years = [day.year for day in meetings.dates("date", "year", order="DESC")]
        self.fields["year"].choices = [("", _("All years"))] + [(y, str(y)) for y in years]  # type: ignore[attr-defined]

    def filter(self, decisions: QuerySet[Decision]) -> QuerySet[Decision]:
        if not self.is_valid():
            return decisions
        data = self.cleaned_data
        if data["network"] is not None:
            decisions = decisions.filter(meeting__network=data["network"])
        if data["year"] is not None:
            decisions = decisions.filter(meeting__date__year=data["year"])
        if data["q"]:
            decisions = decisions.filter(text__icontains=data["q"])
        return decisions
