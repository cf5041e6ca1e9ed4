"""The repository's own example minutes (what `make run` imports)."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.apps import apps

from samverka.imports.services import minutes_import
from samverka.imports.tests.conftest import EXAMPLES
from samverka.meetings.models import AgendaItem, Meeting
from samverka.people.models import Person

pytestmark = pytest.mark.django_db

FOLDER = EXAMPLES / "ifo-chefsnatverket-sjuharad"
NETWORK = "IFO-chefsnätverket Sjuhärad"


@pytest.fixture
def examples() -> Path:
    if not FOLDER.is_dir():
        pytest.skip(f"no example minutes at {FOLDER}")
    return FOLDER


def row_counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def test_it_imports_the_examples_once(examples: Path) -> None:
    first = minutes_import(paths=[examples], network_name=NETWORK, create_network=True)
    assert first.failed == 0, [d.error for d in first.documents]
    before = row_counts()
    second = minutes_import(paths=[examples], network_name=NETWORK)
    assert {d.status for d in second.documents} == {"unchanged"}
    assert row_counts() == before


def test_it_follows_the_examples_threads(examples: Path) -> None:
    minutes_import(paths=[examples], network_name=NETWORK, create_network=True)
    files = [p for p in examples.iterdir() if p.is_file()]
    assert Meeting.objects.held().count() == len(files)
    assert Meeting.objects.filter(status="planned", date__year=2026).exists()
    # Two different Anna Karlssons (Mark, and the county board) stay two.
    assert Person.objects.filter(name="Anna Karlsson").count() == 2
    kristin = Person.objects.named("Kristin Holm").get()
    assert Person.objects.named("Christin Holm").get() == kristin
    carried = AgendaItem.objects.filter(
        title__startswith="Försörjningsstöd", carried_from__isnull=False
    )
    assert carried.exists()
