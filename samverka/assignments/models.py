from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samverka.documents.models import FromSource
from samverka.meetings.models import AgendaItem, Meeting
from samverka.networks.models import Membership, Network
from samverka.organisations.models import Organisation
from samverka.people.models import Person, PersonOrganisation

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from samverka.accounts.models import User


class AssignmentQuerySet(models.QuerySet["Assignment"]):
    def open(self) -> AssignmentQuerySet:
        return self.filter(status=Assignment.Status.OPEN)

    def for_network(self, network: Network) -> AssignmentQuerySet:
        return self.filter(network=network)

    def overdue(self, day: datetime.date | None = None) -> AssignmentQuerySet:
        """Open assignments past their due date, or due "at the next meeting" when
        a later meeting of the network has already taken place."""
        day = day or timezone.localdate()
        later_meeting_held = Meeting.objects.filter(
            network=OuterRef("network"),
            date__gt=OuterRef("meeting__date"),
            date__lt=day,
        ).exclude(status=Meeting.Status.CANCELLED)
        return self.open().filter(
            Q(due_date__lt=day)
            | Q(due_next_meeting=True, meeting__isnull=False) & Exists(later_meeting_held)
        )

    def for_organisation(self, organisation: Organisation) -> AssignmentQuerySet:
        """Assignments of the organisation, or of a person who works there now."""
        staff = PersonOrganisation.objects.current().filter(organisation=organisation)
        return self.filter(
            Q(assignee_organisation=organisation) | Q(assignee_person__in=staff.values("person"))
        )

    def with_overdue(self) -> AssignmentQuerySet:
        """Annotate `is_overdue`, for lists that show overdue assignments first."""
        return self.annotate(
            is_overdue=Exists(Assignment.objects.overdue().filter(pk=OuterRef("pk")))
        )

    def assigned_to(self, user: User | AnonymousUser) -> AssignmentQuerySet:
        """Assignments given to the user's person by name."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(assignee_person__user=user)

    def visible_to(self, user: User | AnonymousUser) -> AssignmentQuerySet:
        """Assignments of the user's networks, and those given at meetings a guest attended."""
        return self.filter(
            Q(network__in=Network.objects.visible_to(user))
            | Q(meeting__in=Meeting.objects.guest_of(user))
        )


class Assignment(FromSource):
    """Who (a person, an organisation or a network) does what, by when, for which meeting."""

    class Status(models.TextChoices):
        OPEN = "open", _("pågående")
        DONE = "done", _("klart")
        CANCELLED = "cancelled", _("avbrutet")

    network = models.ForeignKey(
        Network,
        verbose_name=_("uppdragsgivare"),
        related_name="assignments_given",
        on_delete=models.PROTECT,
    )
    assignee_person = models.ForeignKey(
        Person,
        verbose_name=_("ansvarig person"),
        related_name="assignments",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    assignee_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("ansvarig organisation"),
        related_name="assignments",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    assignee_network = models.ForeignKey(
        Network,
        verbose_name=_("ansvarigt nätverk"),
        related_name="assignments",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    text = models.TextField(_("uppdrag"))
    due_date = models.DateField(_("klart senast"), null=True, blank=True)
    due_next_meeting = models.BooleanField(_("till nästa möte"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("givet vid möte"),
        related_name="assignments",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("givet under punkt"),
        related_name="assignments",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    reported_back_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("återrapporterat under punkt"),
        related_name="assignments_reported",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    done_note = models.TextField(_("kommentar vid avslut"), blank=True)
    done_at = models.DateTimeField(_("avslutat"), null=True, blank=True)

    history = HistoricalRecords()
    objects = AssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("uppdrag")
        verbose_name_plural = _("uppdrag")
        ordering = ["status", "due_date", "pk"]
        constraints = [
            models.CheckConstraint(
                name="assignment_exactly_one_assignee",
                condition=(
                    Q(
                        assignee_person__isnull=False,
                        assignee_organisation__isnull=True,
                        assignee_network__isnull=True,
                    )
                    | Q(
                        assignee_person__isnull=True,
                        assignee_organisation__isnull=False,
                        assignee_network__isnull=True,
                    )
                    | Q(
                        assignee_person__isnull=True,
                        assignee_organisation__isnull=True,
                        assignee_network__isnull=False,
                    )
                ),
                violation_error_message=_(
                    "Ett uppdrag har exakt en ansvarig: "
                    "en person, en organisation eller ett nätverk."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def assignee(self) -> Person | Organisation | Network:
        assignee = self.assignee_person or self.assignee_organisation or self.assignee_network
        assert assignee is not None, "the check constraint guarantees one assignee"
        return assignee

    def is_assigned_to(self, user: User | AnonymousUser) -> bool:
        """Return whether the user answers for this assignment: named, or
        currently representing the organisation or a member of the network named."""
        if not user.is_authenticated:
            return False
        if self.assignee_person_id is not None:
            return Person.objects.filter(pk=self.assignee_person_id, user=user).exists()
        memberships = Membership.objects.current().of_user(user)
        if self.assignee_network_id is not None:
            return memberships.filter(network_id=self.assignee_network_id).exists()
        return memberships.filter(
            network=self.network, organisation=self.assignee_organisation
        ).exists()
