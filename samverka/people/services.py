from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db import transaction

from samverka.accounts.models import User
from samverka.organisations.models import Organisation, name_key
from samverka.people.models import Person, PersonName, PersonOrganisation


def person_name_add(*, person: Person, name: str) -> PersonName:
    record, _ = PersonName.objects.get_or_create(
        person=person, key=name_key(name), defaults={"name": name.strip()}
    )
    return record


@transaction.atomic
def person_create(
    *,
    name: str,
    email: str = "",
    title: str = "",
    organisation: Organisation | None = None,
    since: datetime.date | None = None,
    user: User | None = None,
    name_variants: Iterable[str] = (),
) -> Person:
    """Create a person with their name forms and, if given, their organisation."""
    person = Person.objects.create(name=name.strip(), email=email, title=title, user=user)
    for variant in [name, *name_variants]:
        person_name_add(person=person, name=variant)
    if organisation is not None:
        PersonOrganisation.objects.create(
            person=person, organisation=organisation, title=title, start_date=since
        )
    return person
