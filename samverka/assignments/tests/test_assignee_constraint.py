from typing import Any

import pytest
from django.db import IntegrityError, transaction

from samverka.accounts.models import User
from samverka.assignments.models import Assignment
from samverka.assignments.services import assignment_create
from samverka.networks.models import Network
from samverka.organisations.models import Organisation


def test_it_accepts_a_person_an_organisation_or_a_network(
    network_a: Network, network_b: Network, alice: User
) -> None:
    helsingborg = Organisation.objects.get(name="Helsingborg")
    assignees: list[dict[str, Any]] = [
        {"person": alice.person},
        {"organisation": helsingborg},
        {"assignee_network": network_b},
    ]
    for assignee in assignees:
        assignment = assignment_create(network=network_a, text="Gör något", **assignee)
        assert assignment.assignee in {alice.person, helsingborg, network_b}


@pytest.mark.parametrize("fields", ["none", "person_and_organisation", "all"])
def test_it_refuses_anything_but_exactly_one_assignee(
    a_objects: dict[str, Any], alice: User, fields: str
) -> None:
    assignees: dict[str, Any] = {
        "none": {},
        "person_and_organisation": {
            "assignee_person": alice.person,
            "assignee_organisation": Organisation.objects.get(name="Bjuv"),
        },
        "all": {
            "assignee_person": alice.person,
            "assignee_organisation": Organisation.objects.get(name="Bjuv"),
            "assignee_network": a_objects["Network"],
        },
    }[fields]
    with pytest.raises(IntegrityError), transaction.atomic():
        Assignment.objects.create(network=a_objects["Network"], text="Oklart", **assignees)
