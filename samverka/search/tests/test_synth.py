"""`samverka synth`: a small installation, the same for the same seed, searchable."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from samverka.accounts.models import User
from samverka.meetings.models import Meeting, StatusReport
from samverka.networks.models import Network
from samverka.search.backends import search
from samverka.synth.generator import Plan, build

SMALL = Plan(networks=2, years=1, meetings_per_year=2, seed=7)


class Rollback(Exception):
    pass


def snapshot() -> list[str]:
    reports = StatusReport.objects.order_by("meeting__network__name", "meeting__date", "pk")
    return [
        *Network.objects.order_by("name").values_list("name", flat=True),
        *(f"{r.organisation.name}: {r.text}" for r in reports.select_related("organisation")),
    ]


@pytest.mark.django_db
def test_it_builds_the_same_installation_for_the_same_seed() -> None:
    runs = []
    for _ in range(2):
        with pytest.raises(Rollback), transaction.atomic():
            build(SMALL)
            runs.append(snapshot())
            raise Rollback
    assert runs[0] == runs[1]
    assert len(runs[0]) > 2


@pytest.mark.django_db
def test_it_makes_members_of_real_municipalities_who_find_their_minutes() -> None:
    call_command(
        "synth", networks=1, years=1, meetings_per_year=2, stdout=StringIO(), stderr=StringIO()
    )
    assert Meeting.objects.count() == 2
    member = User.objects.get(email="synth-1-2@example.se")
    assert search(member, "minnesanteckningar").total >= 2
    municipalities = Network.objects.get().organisations.all()
    assert municipalities.count() >= 3
    assert all(m.municipality_code for m in municipalities)


@pytest.mark.django_db
def test_it_refuses_to_build_twice_in_one_database() -> None:
    build(Plan(networks=1, years=1, meetings_per_year=1))
    with pytest.raises(ValueError, match="already"):
        build(Plan(networks=1, years=1, meetings_per_year=1))
