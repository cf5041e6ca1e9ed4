from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samverka.accounts.models import is_site_admin
from samverka.organisations.models import Organisation
from samverka.people.models import Person, current_on

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from samverka.accounts.models import User


class NetworkQuerySet(models.QuerySet["Network"]):
    def active(self) -> NetworkQuerySet:
        return self.filter(is_active=True)

    def public(self) -> NetworkQuerySet:
        return self.filter(visibility=Network.Visibility.MINUTES_PUBLIC)

    def visible_to(self, user: User | AnonymousUser) -> NetworkQuerySet:
        """Networks the user is a current member of; every network for a site admin.

        A guest is not a member: guests see single meetings
        (`Meeting.objects.visible_to`), not the network.
        """
        if is_site_admin(user):
            return self.all()
        if not user.is_authenticated:
            return self.none()
        return self.filter(pk__in=Membership.objects.current().of_user(user).values("network"))


class Network(models.Model):
    """A standing group of officials, possibly under a parent network."""

    class Visibility(models.TextChoices):
        MEMBERS_ONLY = "members_only", _("endast medlemmar")
        MINUTES_PUBLIC = "minutes_public", _("minnesanteckningar offentliga")

    name = models.CharField(_("namn"), max_length=200)
    slug = models.SlugField(_("kortnamn"), max_length=80, unique=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("överordnat nätverk"),
        related_name="children",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    purpose = models.TextField(_("uppdrag"), blank=True)
    visibility = models.CharField(
        _("synlighet"),
        max_length=20,
        choices=Visibility.choices,
        default=Visibility.MEMBERS_ONLY,
    )
    organisations = models.ManyToManyField(
        Organisation,
        verbose_name=_("medlemsorganisationer"),
        related_name="networks",
        blank=True,
    )
    is_active = models.BooleanField(_("aktivt"), default=True)

    history = HistoricalRecords(m2m_fields=[organisations])
    objects = NetworkQuerySet.as_manager()

    class Meta:
        verbose_name = _("nätverk")
        verbose_name_plural = _("nätverk")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("networks:detail", kwargs={"slug": self.slug})


class MembershipQuerySet(models.QuerySet["Membership"]):
    def current(self, day: datetime.date | None = None) -> MembershipQuerySet:
        return self.filter(current_on(day))

    def of_user(self, user: User | AnonymousUser) -> MembershipQuerySet:
        if not user.is_authenticated:
            return self.none()
        return self.filter(person__user=user, person__is_active=True)

    def coordinators(self) -> MembershipQuerySet:
        return self.filter(Membership.coordinator_condition())

    def for_network(self, network: Network) -> MembershipQuerySet:
        return self.filter(network=network)

    def visible_to(self, user: User | AnonymousUser) -> MembershipQuerySet:
        return self.filter(network__in=Network.objects.visible_to(user))


class Membership(models.Model):
    """A person in a network with a role, for a period.

    A planning lead (planeringsledare/processledare) coordinates the network;
    `is_coordinator` gives the same rights to anyone else, such as a chair.
    """

    class Role(models.TextChoices):
        CHAIR = "chair", _("ordförande")
        VICE_CHAIR = "vice_chair", _("vice ordförande")
        PLANNING_LEAD = "planning_lead", _("planeringsledare/processledare")
        MEMBER = "member", _("ledamot")
        CO_OPTED = "co_opted", _("adjungerad")

    person = models.ForeignKey(
        Person, verbose_name=_("person"), related_name="memberships", on_delete=models.CASCADE
    )
    network = models.ForeignKey(
        Network, verbose_name=_("nätverk"), related_name="memberships", on_delete=models.CASCADE
    )
    role = models.CharField(_("roll"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    is_coordinator = models.BooleanField(
        _("samordnare"),
        default=False,
        help_text=_("Får redigera nätverkets möten, medlemmar och dokument."),
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("företräder"),
        related_name="memberships",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    start_date = models.DateField(_("från"), null=True, blank=True)
    end_date = models.DateField(_("till"), null=True, blank=True)

    history = HistoricalRecords()
    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("medlemskap")
        verbose_name_plural = _("medlemskap")
        ordering = ["network", "person__name"]
        indexes = [models.Index(fields=["network", "person"])]

    def __str__(self) -> str:
        return f"{self.person} – {self.network} ({self.get_role_display()})"

    @staticmethod
    def coordinator_condition() -> Q:
        return Q(role=Membership.Role.PLANNING_LEAD) | Q(is_coordinator=True)

    @property
    def coordinates(self) -> bool:
        return self.role == Membership.Role.PLANNING_LEAD or self.is_coordinator


class RepresentationQuerySet(models.QuerySet["Representation"]):
    def current(self, day: datetime.date | None = None) -> RepresentationQuerySet:
        return self.filter(current_on(day))

    def visible_to(self, user: User | AnonymousUser) -> RepresentationQuerySet:
        return self.filter(network__in=Network.objects.visible_to(user))


class Representation(models.Model):
    """A person representing a network in an external body, for a period."""

    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        related_name="representations",
        on_delete=models.CASCADE,
    )
    network = models.ForeignKey(
        Network,
        verbose_name=_("nätverk"),
        related_name="representations",
        on_delete=models.CASCADE,
    )
    body = models.ForeignKey(
        Organisation,
        verbose_name=_("organ"),
        related_name="representations",
        on_delete=models.PROTECT,
    )
    body_detail = models.CharField(_("grupp eller uppdrag i organet"), max_length=200, blank=True)
    reporting_duty = models.TextField(_("återrapportering"), blank=True)
    start_date = models.DateField(_("från"), null=True, blank=True)
    end_date = models.DateField(_("till"), null=True, blank=True)

    history = HistoricalRecords()
    objects = RepresentationQuerySet.as_manager()

    class Meta:
        verbose_name = _("representation")
        verbose_name_plural = _("representationer")
        ordering = ["network", "body__name"]

    def __str__(self) -> str:
        return f"{self.person} – {self.body}"
