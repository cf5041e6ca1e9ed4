from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from samverka.accounts.models import User
from samverka.calendars.models import CalendarKey


@transaction.atomic
def calendar_key_regenerate(*, user: User) -> CalendarKey:
    """Replace the user's feed URLs: every URL given out before stops working."""
    key, created = CalendarKey.objects.select_for_update().get_or_create(
        user=user, defaults={"generation": 1}
    )
    if not created:
        key.generation = F("generation") + 1
        key.changed_at = timezone.now()
        key.save(update_fields=["generation", "changed_at"])
        key.refresh_from_db()
    return key
