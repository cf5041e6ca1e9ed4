from __future__ import annotations

import pytest

from samverka.extract.orgs import find_organisations, is_municipality, resolve_organisation


@pytest.mark.parametrize(
    ("text", "proper"),
    [
        ("Helsingborgs stad", "Helsingborg"),
        ("Höganäs kommun", "Höganäs"),
        ("Hbg", "Helsingborg"),
        ("Ängelholms kommun", "Ängelholm"),
        ("Bjurholms kommun", "Bjurholm"),
        ("Västerås stad", "Västerås"),
        ("Örkelljunga", "Örkelljunga"),
        ("Sveriges Kommuner och Regioner", "SKR"),
        ("FK", "Försäkringskassan"),
        ("Region Skåne", "Region Skåne"),
        ("Region Halland", "Region Halland"),
        ("Landstinget Västmanland", "Landstinget Västmanland"),
        ("Familjen Helsingborg", "Familjen Helsingborg"),
        ("Sekretariatet Familjen Helsingborg", "Sekretariatet Familjen Helsingborg"),
    ],
)
def test_it_resolves_organisations(text: str, proper: str) -> None:
    assert resolve_organisation(text) == proper


@pytest.mark.parametrize("text", ["Socialchefsnätverket", "", "Anna Svensson", "kansliet"])
def test_it_returns_none_for_unknown_names(text: str) -> None:
    assert resolve_organisation(text) is None


def test_it_knows_municipalities() -> None:
    assert is_municipality("Svalövs kommun")
    assert not is_municipality("Region Skåne")


def test_it_finds_organisations_in_text() -> None:
    text = "Hbg och Höganäs kommun träffar Region Skåne. Vara med på mötet."
    found = find_organisations(text)
    assert [name for _, name in found] == ["Helsingborg", "Höganäs", "Region Skåne"]
    assert [text[s:e] for (s, e), _ in found][1] == "Höganäs kommun"


def test_it_prefers_the_longest_name() -> None:
    found = find_organisations("Johan från Sekretariatet Familjen Helsingborg")
    assert [name for _, name in found] == ["Sekretariatet Familjen Helsingborg"]
