"""Resolve names in minutes to organisations, networks and people.

Loaded once per run and kept in memory, so that a thousand documents do not
ask the database the same question a thousand times; `reload()` after a
document's transaction rolled back. The rules are in NOTES.md.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from samverka.imports.names import Likeness, fold, likeness
from samverka.networks.models import Network
from samverka.organisations.models import Organisation, OrganisationAlias, name_key
from samverka.people.models import Person, PersonName, PersonOrganisation

_SUFFIXES = re.compile(r"\s+(kommun|stad|kommuns|stads)$")


class OrganisationIndex:
    def __init__(self) -> None:
        self.by_key: dict[str, int] = {}
        self.by_fold: dict[str, int] = {}
        self.kinds: dict[int, str] = {}
        self.networks: dict[str, int] = {}
        self.reload()

    def reload(self) -> None:
        self.by_key.clear()
        self.by_fold.clear()
        for key, organisation_id in OrganisationAlias.objects.values_list("key", "organisation"):
            self.by_key[key] = organisation_id
            self.by_fold.setdefault(fold(key), organisation_id)
        self.kinds = dict(Organisation.objects.values_list("pk", "kind"))
        self.networks = {fold(name): pk for pk, name in Network.objects.values_list("pk", "name")}

    def add(self, organisation_id: int, name: str, kind: str) -> None:
        self.by_key[name_key(name)] = organisation_id
        self.by_fold.setdefault(fold(name), organisation_id)
        self.kinds[organisation_id] = kind

    def organisation(self, text: str | None) -> int | None:
        """Return the id of the organisation `text` names ("Hbg", "Bjuvs kommun"), if known."""
        if not text:
            return None
        key = name_key(text.strip(" ,.-–"))
        found = self.by_key.get(key) or self.by_fold.get(fold(key))
        if found is None:
            found = self.by_fold.get(fold(_SUFFIXES.sub("", key)))
        return found

    def network(self, text: str | None) -> int | None:
        return self.networks.get(fold(text)) if text else None

    def is_municipality(self, organisation_id: int | None) -> bool:
        return self.kinds.get(organisation_id or 0) == Organisation.Kind.MUNICIPALITY


@dataclass
class KnownPerson:
    names: set[str] = field(default_factory=set)
    organisations: set[int] = field(default_factory=set)


@dataclass
class Match:
    person_id: int | None
    likeness: Likeness = Likeness.NONE
    # Someone with the same name elsewhere: a merge suggestion, not a guess.
    maybe_same_as: int | None = None
    ambiguous: bool = False


class PeopleIndex:
    def __init__(self) -> None:
        self.people: dict[int, KnownPerson] = defaultdict(KnownPerson)
        self.by_fold: dict[str, set[int]] = defaultdict(set)
        self.objects: dict[int, Person] = {}
        self.reload()

    def person(self, pk: int) -> Person:
        if pk not in self.objects:
            self.objects[pk] = Person.objects.get(pk=pk)
        return self.objects[pk]

    def load_people(self, names: Iterable[str]) -> None:
        """Read the people known by exactly these names with one query, ahead of `person()`."""
        wanted = {pk for name in names for pk in self.by_fold.get(fold(name), ())}
        missing = wanted - self.objects.keys()
        if missing:
            self.objects.update(Person.objects.in_bulk(missing))

    def reload(self) -> None:
        self.people.clear()
        self.by_fold.clear()
        self.objects.clear()
        for person_id, name in PersonName.objects.values_list("person", "name"):
            self.people[person_id].names.add(name)
            self.by_fold[fold(name)].add(person_id)
        for person_id, organisation_id in PersonOrganisation.objects.values_list(
            "person", "organisation"
        ):
            self.people[person_id].organisations.add(organisation_id)

    def add(self, person_id: int, name: str, organisation_id: int | None) -> None:
        known = self.people[person_id]
        known.names.add(name)
        self.by_fold[fold(name)].add(person_id)
        if organisation_id is not None:
            known.organisations.add(organisation_id)

    def candidates(self, name: str, among: set[int] | None = None) -> list[tuple[int, Likeness]]:
        """Return (person id, likeness) of everyone whose name is like `name`, best first."""
        found = []
        pool = among if among is not None else self.people.keys()
        for person_id in pool:
            best = max(
                (likeness(name, known) for known in self.people[person_id].names),
                default=Likeness.NONE,
            )
            if best is not Likeness.NONE:
                found.append((person_id, best))
        return sorted(found, key=lambda pair: (-pair[1], pair[0]))

    def match_participant(self, name: str, organisation_id: int | None, exclude: set[int]) -> Match:
        """Find the person a participant line names, or say why a new one is needed.

        `exclude` holds people already placed in this meeting: two lines of one
        meeting are two people.
        """
        exact_same_org = [
            pk
            for pk in self.by_fold.get(fold(name), ())
            if pk not in exclude and organisation_id in self.people[pk].organisations
        ]
        if len(exact_same_org) == 1:  # the common case, without fuzzy matching
            return Match(exact_same_org[0], Likeness.SAME)
        found = [(pk, like) for pk, like in self.candidates(name) if pk not in exclude]
        if organisation_id is not None:
            same_org = [
                (pk, like) for pk, like in found if organisation_id in self.people[pk].organisations
            ]
            if same_org:
                best = same_org[0]
                ambiguous = len(same_org) > 1 and same_org[1][1] == best[1]
                return Match(best[0], best[1], ambiguous=ambiguous)
            # Known only without an organisation: the line adds it.
            no_org = [
                (pk, like)
                for pk, like in found
                if like is Likeness.SAME and not self.people[pk].organisations
            ]
            if len(no_org) == 1:
                return Match(no_org[0][0], Likeness.SAME)
            elsewhere = [pk for pk, like in found if like >= Likeness.EXTENDS]
            return Match(None, maybe_same_as=elsewhere[0] if elsewhere else None)
        exact = [pk for pk, like in found if like is Likeness.SAME]
        if len(exact) == 1:
            return Match(exact[0], Likeness.SAME)
        if len(exact) > 1:
            return Match(exact[0], Likeness.SAME, ambiguous=True)
        return Match(None)
