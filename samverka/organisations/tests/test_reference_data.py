import pytest

from samverka.organisations.models import Organisation
from samverka.organisations.services import organisation_alias_add

pytestmark = pytest.mark.django_db

FAMILJEN_HELSINGBORG = {
    "Bjuv",
    "Båstad",
    "Helsingborg",
    "Höganäs",
    "Klippan",
    "Landskrona",
    "Perstorp",
    "Svalöv",
    "Åstorp",
    "Ängelholm",
    "Örkelljunga",
}


def test_it_loads_the_290_municipalities_with_codes_and_counties() -> None:
    municipalities = Organisation.objects.municipalities()
    assert municipalities.count() == 290
    assert not municipalities.filter(municipality_code__isnull=True).exists()
    helsingborg = municipalities.get(municipality_code="1283")
    assert (helsingborg.name, helsingborg.county) == ("Helsingborg", "Skåne län")


def test_it_knows_the_eleven_members_of_familjen_helsingborg() -> None:
    cooperation = Organisation.objects.get(name="Familjen Helsingborg")
    assert {m.name for m in cooperation.members.all()} == FAMILJEN_HELSINGBORG


def test_it_loads_the_common_bodies() -> None:
    for name in ["SKR", "Region Skåne", "Kommunförbundet Skåne", "Medelpunkten"]:
        assert Organisation.objects.named(name).exists(), name
    secretariat = Organisation.objects.named("Sekretariatet Familjen Helsingborg").get()
    assert secretariat.parent == Organisation.objects.get(name="Familjen Helsingborg")


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("Hbg", "Helsingborg"),
        ("hbg", "Helsingborg"),
        ("Helsingborgs stad", "Helsingborg"),
        ("Ängelholms kommun", "Ängelholm"),
        ("ÄNGELHOLM", "Ängelholm"),
        ("Höganäs kommun", "Höganäs"),
        ("Örkelljunga kommun", "Örkelljunga"),
        ("Landskrona stad", "Landskrona"),
        ("SKR", "Sveriges Kommuner och Regioner"),
        ("SKL", "Sveriges Kommuner och Regioner"),
    ],
)
def test_it_resolves_the_names_minutes_use(written: str, meant: str) -> None:
    assert Organisation.objects.named(written).get().name == meant


def test_it_keeps_an_alias_with_its_first_owner() -> None:
    bjuv = Organisation.objects.get(name="Bjuv")
    organisation_alias_add(organisation=bjuv, alias="hbg")
    assert Organisation.objects.named("Hbg").get().name == "Helsingborg"
