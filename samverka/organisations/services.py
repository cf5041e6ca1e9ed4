from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from samverka.organisations.models import Organisation, OrganisationAlias, name_key


def organisation_alias_add(*, organisation: Organisation, alias: str) -> OrganisationAlias:
    """Record a name for the organisation; a name already taken by another is left alone."""
    record, _ = OrganisationAlias.objects.get_or_create(
        key=name_key(alias), defaults={"organisation": organisation, "alias": alias.strip()}
    )
    return record


@transaction.atomic
def organisation_create(
    *,
    name: str,
    kind: Organisation.Kind = Organisation.Kind.OTHER,
    aliases: Iterable[str] = (),
) -> Organisation:
    organisation = Organisation.objects.create(name=name.strip(), kind=kind)
    for alias in [name, *aliases]:
        organisation_alias_add(organisation=organisation, alias=alias)
    return organisation
