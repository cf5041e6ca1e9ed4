from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samverka.networks.models import NetworkQuerySet
from samverka.organisations.models import Organisation
from samverka.search.backends import Filters, Sort
from samverka.search.models import SearchEntry


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), max_length=200, required=False)
    network = forms.TypedChoiceField(
        label=_("Network"), required=False, coerce=int, empty_value=None
    )
    kind = forms.MultipleChoiceField(
        label=_("Kind"),
        required=False,
        choices=SearchEntry.Kind.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    municipality = forms.TypedChoiceField(
        label=_("Municipality"), required=False, coerce=int, empty_value=None
    )
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[(Sort.RELEVANCE.value, _("Relevance")), (Sort.DATE.value, _("Date"))],
        widget=forms.RadioSelect,
    )
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args: Any, networks: NetworkQuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        everywhere: list[tuple[Any, Any]] = [("", _("All my networks"))]
        network = self.fields["network"]
        municipality = self.fields["municipality"]
        assert isinstance(network, forms.ChoiceField)
        assert isinstance(municipality, forms.ChoiceField)
        network.choices = everywhere + list(networks.values_list("pk", "name"))
        municipalities = Organisation.objects.municipalities().values_list("pk", "name")
        municipality.choices = [("", _("All municipalities")), *municipalities]

    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            network=data.get("network"),
            kinds=tuple(data.get("kind") or ()),
            organisation=data.get("municipality"),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )

    def sort_order(self) -> Sort:
        return Sort(self.cleaned_data.get("sort") or Sort.RELEVANCE)
