from __future__ import annotations

from django.core.management.base import CommandError

from samverka.people.models import Person


def find_person(email: str) -> Person:
    """Return the one person with this address on their record or their login."""
    people = list(
        Person.objects.filter(email__iexact=email.strip())
        | Person.objects.filter(user__email__iexact=email.strip())
    )
    if len(people) != 1:
        found = "no person" if not people else f"{len(people)} people"
        raise CommandError(f"{found} with the address {email}")
    return people[0]
