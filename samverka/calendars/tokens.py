"""Feed tokens: `<user pk>-<hex HMAC>`, checked in constant time."""

from __future__ import annotations

from django.utils.crypto import constant_time_compare, salted_hmac

from samverka.accounts.models import User
from samverka.calendars.models import CalendarKey

SALT = "samverka.calendars.feed"
DIGEST_LENGTH = 32


def _digest(user_pk: int, generation: int) -> str:
    return salted_hmac(SALT, f"{user_pk}.{generation}", algorithm="sha256").hexdigest()[
        :DIGEST_LENGTH
    ]


def generation_of(user: User) -> int:
    key = CalendarKey.objects.filter(user=user).first()
    return key.generation if key else 0


def token_for(user: User) -> str:
    return f"{user.pk}-{_digest(user.pk, generation_of(user))}"


def owner_of(token: str) -> User | None:
    """Return the active user whose current token this is, or None."""
    pk, _, digest = token.partition("-")
    if not pk.isdigit() or len(digest) != DIGEST_LENGTH:
        return None
    user = User.objects.filter(pk=int(pk), is_active=True).first()
    if user is None:
        return None
    return user if constant_time_compare(digest, _digest(user.pk, generation_of(user))) else None
