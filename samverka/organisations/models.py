from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from samverka.accounts.models import User


def name_key(text: str) -> str:
    """Return the form names are compared in: case-folded, single-spaced.

    Computed in Python because SQLite's case-insensitive matching covers ASCII
    only, and minutes are full of å, ä and ö.
    """
    return " ".join(text.split()).casefold()


class OrganisationQuerySet(models.QuerySet["Organisation"]):
    def municipalities(self) -> OrganisationQuerySet:
        return self.filter(kind=Organisation.Kind.MUNICIPALITY)

    def named(self, text: str) -> OrganisationQuerySet:
        """Return organisations whose name or alias ("Hbg", "Helsingborgs stad") is `text`."""
        return self.filter(aliases__key=name_key(text)).distinct()

    def visible_to(self, user: User | AnonymousUser) -> OrganisationQuerySet:
        """Every logged-in user may see the directory of organisations."""
        return self.all() if user.is_authenticated else self.none()


class Organisation(models.Model):
    """A municipality, region, state agency or other body, or a cooperation of them."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("kommun")
        REGION = "region", _("region")
        STATE_AGENCY = "state_agency", _("statlig myndighet")
        ASSOCIATION = "association", _("förbund eller förening")
        COOPERATION = "cooperation", _("samverkan mellan kommuner")
        OTHER = "other", _("övrig")

    name = models.CharField(_("namn"), max_length=200, unique=True)
    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    municipality_code = models.CharField(
        _("kommunkod"), max_length=4, unique=True, null=True, blank=True
    )
    county_code = models.CharField(_("länskod"), max_length=2, blank=True)
    county = models.CharField(_("län"), max_length=100, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("del av"),
        related_name="parts",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    cooperations = models.ManyToManyField(
        "self",
        verbose_name=_("medlem i samverkan"),
        related_name="members",
        symmetrical=False,
        blank=True,
        limit_choices_to={"kind": "cooperation"},
    )
    is_active = models.BooleanField(_("aktiv"), default=True)

    history = HistoricalRecords()
    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class OrganisationAlias(models.Model):
    """A name minutes use for an organisation: its own name, "Hbg", "Helsingborgs stad"."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        related_name="aliases",
        on_delete=models.CASCADE,
    )
    alias = models.CharField(_("namnform"), max_length=200)
    key = models.CharField(_("jämförelseform"), max_length=200, unique=True, editable=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("namnform")
        verbose_name_plural = _("namnformer")
        ordering = ["alias"]
        constraints = [
            models.CheckConstraint(condition=~Q(key=""), name="organisation_alias_key_not_empty"),
        ]

    def __str__(self) -> str:
        return self.alias
