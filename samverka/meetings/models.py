from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, TypeVar

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samverka.documents.models import FromSource
from samverka.networks.models import Network
from samverka.organisations.models import Organisation
from samverka.people.models import Person

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from samverka.accounts.models import User

M = TypeVar("M", bound=models.Model)


class MeetingQuerySet(models.QuerySet["Meeting"]):
    def for_network(self, network: Network) -> MeetingQuerySet:
        return self.filter(network=network)

    def upcoming(self, day: datetime.date | None = None) -> MeetingQuerySet:
        """Planned meetings from `day` (today) on, soonest first."""
        day = day or timezone.localdate()
        return self.filter(date__gte=day, status=Meeting.Status.PLANNED).order_by(
            "date", "start_time"
        )

    def past(self, day: datetime.date | None = None) -> MeetingQuerySet:
        """Meetings before `day` (today), latest first."""
        day = day or timezone.localdate()
        return self.filter(date__lt=day).order_by("-date", "-start_time")

    def held(self) -> MeetingQuerySet:
        return self.filter(status=Meeting.Status.HELD)

    def guest_of(self, user: User | AnonymousUser) -> MeetingQuerySet:
        """Meetings the user was invited to as a guest."""
        if not user.is_authenticated:
            return self.none()
        invited = Attendance.objects.filter(
            person__user=user, person__is_active=True, status=Attendance.Status.GUEST
        )
        return self.filter(pk__in=invited.values("meeting"))

    def visible_to(self, user: User | AnonymousUser) -> MeetingQuerySet:
        """Meetings of the user's networks, and those the user is a guest at."""
        return self.filter(
            Q(network__in=Network.objects.visible_to(user))
            | Q(pk__in=Meeting.objects.guest_of(user).values("pk"))
        )


class Meeting(FromSource):
    """One meeting of a network. `version` guards against two people saving at once."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planerat")
        HELD = "held", _("genomfört")
        CANCELLED = "cancelled", _("inställt")

    network = models.ForeignKey(
        Network, verbose_name=_("nätverk"), related_name="meetings", on_delete=models.PROTECT
    )
    title = models.CharField(_("rubrik"), max_length=255, blank=True)
    date = models.DateField(_("datum"))
    start_time = models.TimeField(_("starttid"), null=True, blank=True)
    end_time = models.TimeField(_("sluttid"), null=True, blank=True)
    place = models.CharField(_("plats"), max_length=255, blank=True)
    is_digital = models.BooleanField(_("digitalt möte"), null=True, blank=True)
    digital_link = models.URLField(_("länk till digitalt möte"), max_length=500, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    minute_taker = models.ForeignKey(
        Person,
        verbose_name=_("antecknare"),
        related_name="minutes_taken",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    history = HistoricalRecords()
    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("möte")
        verbose_name_plural = _("möten")
        ordering = ["-date", "-start_time"]
        indexes = [models.Index(fields=["network", "date"])]

    def __str__(self) -> str:
        return f"{self.network} {self.date:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("meetings:detail", kwargs={"pk": self.pk})

    @property
    def starts_at(self) -> datetime.datetime:
        """Return the aware start in Stockholm time (midnight when the time is unknown)."""
        moment = datetime.datetime.combine(self.date, self.start_time or datetime.time())
        return timezone.make_aware(moment)


class MeetingPartQuerySet(models.QuerySet[M]):
    """Reads shared by the records that belong to one meeting."""

    def for_meeting(self, meeting: Meeting) -> MeetingPartQuerySet[M]:
        return self.filter(meeting=meeting)

    def visible_to(self, user: User | AnonymousUser) -> MeetingPartQuerySet[M]:
        return self.filter(meeting__in=Meeting.objects.visible_to(user))


class AttendanceQuerySet(MeetingPartQuerySet["Attendance"]):
    pass


class Attendance(FromSource):
    """Whether a person was at a meeting, and for which organisation and in which role."""

    class Status(models.TextChoices):
        PRESENT = "present", _("närvarande")
        ABSENT = "absent", _("frånvarande")
        GUEST = "guest", _("gäst")

    class Role(models.TextChoices):
        CHAIR = "chair", _("ordförande")
        VICE_CHAIR = "vice_chair", _("vice ordförande")
        PLANNING_LEAD = "planning_lead", _("planeringsledare")
        SECRETARY = "secretary", _("sekreterare")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("möte"), related_name="attendances", on_delete=models.CASCADE
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), related_name="attendances", on_delete=models.PROTECT
    )
    status = models.CharField(
        _("närvaro"), max_length=10, choices=Status.choices, default=Status.PRESENT
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        related_name="attendances",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    role = models.CharField(_("roll"), max_length=20, choices=Role.choices, blank=True)

    history = HistoricalRecords()
    objects = AttendanceQuerySet.as_manager()

    class Meta:
        verbose_name = _("närvaro")
        verbose_name_plural = _("närvaro")
        ordering = ["meeting", "organisation__name", "person__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"], name="attendance_once_per_meeting"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_status_display()})"


class AgendaItemQuerySet(MeetingPartQuerySet["AgendaItem"]):
    pass


class AgendaItem(FromSource):
    """An item (ärende, punkt) on a meeting's agenda."""

    class Kind(models.TextChoices):
        INFORMATION = "information", _("information")
        DIALOG = "dialog", _("dialog")
        DECISION = "decision", _("beslut")
        REPORT_BACK = "report_back", _("återrapport")

    class Outcome(models.TextChoices):
        HANDLED = "handled", _("behandlad")
        CARRIED_OVER = "carried_over", _("flyttad till nästa möte")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("möte"), related_name="items", on_delete=models.CASCADE
    )
    order = models.PositiveIntegerField(_("ordning"), default=0)
    number = models.CharField(_("nummer"), max_length=20, blank=True)
    title = models.CharField(_("rubrik"), max_length=500)
    raised_by = models.ForeignKey(
        Person,
        verbose_name=_("anmäld av"),
        related_name="items_raised",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices, default=Kind.INFORMATION)
    notes = models.TextField(_("anteckningar"), blank=True)
    outcome = models.CharField(
        _("utfall"), max_length=20, choices=Outcome.choices, default=Outcome.HANDLED
    )
    carried_from = models.ForeignKey(
        "self",
        verbose_name=_("flyttad från"),
        related_name="carried_to",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )

    history = HistoricalRecords()
    objects = AgendaItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("punkt")
        verbose_name_plural = _("punkter")
        ordering = ["meeting", "order"]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}" if self.number else self.title


class DecisionQuerySet(MeetingPartQuerySet["Decision"]):
    pass


class Decision(FromSource):
    """A decision ("Beslut: att …") of a meeting, usually under an item."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("möte"), related_name="decisions", on_delete=models.CASCADE
    )
    item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("punkt"),
        related_name="decisions",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
    )
    text = models.TextField(_("beslut"))
    order = models.PositiveIntegerField(_("ordning"), default=0)

    history = HistoricalRecords()
    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("beslut")
        verbose_name_plural = _("beslut")
        ordering = ["meeting", "order"]

    def __str__(self) -> str:
        return self.text[:80]


class StatusReportQuerySet(MeetingPartQuerySet["StatusReport"]):
    pass


class StatusReport(FromSource):
    """One organisation's situation report (lägesrapport) at one meeting."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("möte"), related_name="status_reports", on_delete=models.CASCADE
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        related_name="status_reports",
        on_delete=models.PROTECT,
    )
    text = models.TextField(_("lägesrapport"))

    history = HistoricalRecords()
    objects = StatusReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("lägesrapport")
        verbose_name_plural = _("lägesrapporter")
        ordering = ["meeting", "organisation__name"]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.meeting}"
