from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from samverka.assignments.models import Assignment


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Assignment.Status.choices)
    done_note = forms.CharField(label=_("Comment"), required=False, max_length=2000)
