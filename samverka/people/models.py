from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samverka.organisations.models import Organisation, name_key

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from samverka.accounts.models import User


def current_on(day: datetime.date | None = None) -> Q:
    """Return the condition that a period (start_date, end_date) covers `day`.

    Either end may be unknown (null): an unknown start is taken as "always",
    an unknown end as "still".
    """
    day = day or timezone.localdate()
    return (Q(start_date__isnull=True) | Q(start_date__lte=day)) & (
        Q(end_date__isnull=True) | Q(end_date__gte=day)
    )


class PersonQuerySet(models.QuerySet["Person"]):
    def active(self) -> PersonQuerySet:
        return self.filter(is_active=True)

    def named(self, text: str) -> PersonQuerySet:
        """Return people whose name or a recorded variant of it is `text`."""
        return self.filter(names__key=name_key(text)).distinct()

    def visible_to(self, user: User | AnonymousUser) -> PersonQuerySet:
        """Every logged-in user may see the directory of officials."""
        return self.all() if user.is_authenticated else self.none()


class Person(models.Model):
    """An official. Has a login only if `user` is set."""

    name = models.CharField(_("namn"), max_length=200)
    email = models.EmailField(_("e-postadress"), blank=True)
    title = models.CharField(_("befattning"), max_length=200, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("användare"),
        related_name="person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    is_active = models.BooleanField(_("aktiv"), default=True)

    history = HistoricalRecords()
    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("personer")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def organisation_on(self, day: datetime.date | None = None) -> Organisation | None:
        period = self.organisations.filter(current_on(day)).order_by("-start_date").first()
        return period.organisation if period else None


class PersonName(models.Model):
    """A form of a person's name seen in documents ("Linda", "L. Svensson")."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), related_name="names", on_delete=models.CASCADE
    )
    name = models.CharField(_("namnform"), max_length=200)
    key = models.CharField(_("jämförelseform"), max_length=200, editable=False, db_index=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("namnform")
        verbose_name_plural = _("namnformer")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["person", "key"], name="person_name_unique_per_person"),
        ]

    def __str__(self) -> str:
        return self.name


class PersonOrganisationQuerySet(models.QuerySet["PersonOrganisation"]):
    def current(self, day: datetime.date | None = None) -> PersonOrganisationQuerySet:
        return self.filter(current_on(day))


class PersonOrganisation(models.Model):
    """A period in which a person worked for an organisation."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), related_name="organisations", on_delete=models.CASCADE
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        related_name="people",
        on_delete=models.PROTECT,
    )
    title = models.CharField(_("befattning"), max_length=200, blank=True)
    start_date = models.DateField(_("från"), null=True, blank=True)
    end_date = models.DateField(_("till"), null=True, blank=True)

    history = HistoricalRecords()
    objects = PersonOrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("anställning")
        verbose_name_plural = _("anställningar")
        ordering = ["person", "-start_date"]

    def __str__(self) -> str:
        return f"{self.person} – {self.organisation}"
