from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from samverka.accounts.models import User
from samverka.networks.models import Membership, Network, Representation
from samverka.organisations.models import Organisation
from samverka.people.models import Person, PersonOrganisation


def _free_slug(name: str) -> str:
    base = slugify(name)[:70] or "natverk"
    slug, number = base, 2
    while Network.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def network_create(
    *,
    name: str,
    slug: str = "",
    parent: Network | None = None,
    purpose: str = "",
    visibility: Network.Visibility = Network.Visibility.MEMBERS_ONLY,
    organisations: Iterable[Organisation] = (),
    by: User | None = None,
) -> Network:
    network = Network(
        name=name,
        slug=slug or _free_slug(name),
        parent=parent,
        purpose=purpose,
        visibility=visibility,
    )
    network._history_user = by  # type: ignore[attr-defined]
    network.save()
    network.organisations.set(organisations)
    return network


@transaction.atomic
def membership_add(
    *,
    network: Network,
    person: Person,
    role: Membership.Role = Membership.Role.MEMBER,
    organisation: Organisation | None = None,
    is_coordinator: bool = False,
    start_date: datetime.date | None = None,
    end_date: datetime.date | None = None,
    by: User | None = None,
) -> Membership:
    """Add the person to the network, and their organisation to the network's members."""
    membership = Membership(
        network=network,
        person=person,
        role=role,
        organisation=organisation,
        is_coordinator=is_coordinator,
        start_date=start_date,
        end_date=end_date,
    )
    membership._history_user = by  # type: ignore[attr-defined]
    membership.save()
    if organisation is not None:
        network.organisations.add(organisation)
        if not PersonOrganisation.objects.filter(person=person, organisation=organisation).exists():
            PersonOrganisation.objects.create(
                person=person, organisation=organisation, start_date=start_date
            )
    return membership


def membership_end(
    *, membership: Membership, end_date: datetime.date | None = None, by: User | None = None
) -> Membership:
    membership.end_date = end_date or timezone.localdate()
    membership._history_user = by  # type: ignore[attr-defined]
    membership.save(update_fields=["end_date"])
    return membership


def representation_add(
    *,
    network: Network,
    person: Person,
    body: Organisation,
    body_detail: str = "",
    reporting_duty: str = "",
    start_date: datetime.date | None = None,
    by: User | None = None,
) -> Representation:
    representation = Representation(
        network=network,
        person=person,
        body=body,
        body_detail=body_detail,
        reporting_duty=reporting_duty,
        start_date=start_date,
    )
    representation._history_user = by  # type: ignore[attr-defined]
    representation.save()
    return representation
