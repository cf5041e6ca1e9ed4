"""The secret that a person's calendar feed URLs are made from.

A feed URL carries `<user pk>-<HMAC of the user pk and a generation>`, keyed by
SECRET_KEY. Nothing secret is stored: a copy of the database gives no feed, and
showing the URL again needs no stored token. Regenerating bumps `generation`,
which turns every URL given out before into a 404.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CalendarKey(models.Model):
    """Written only when a user replaces their feed URL; absent means generation 0."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("användare"),
        related_name="calendar_key",
        on_delete=models.CASCADE,
    )
    generation = models.PositiveIntegerField(_("generation"), default=0)
    changed_at = models.DateTimeField(_("ändrad"), default=timezone.now)

    class Meta:
        verbose_name = _("kalendernyckel")
        verbose_name_plural = _("kalendernycklar")

    def __str__(self) -> str:
        return f"{self.user} ({self.generation})"
