"""Swedish as the networks write it: inflections, compounds, å/ä/ö, phrases, exclusion."""

from __future__ import annotations

import datetime

import pytest

from samverka.accounts.models import User
from samverka.meetings.models import Meeting
from samverka.networks.models import Network
from samverka.search.tests.helpers import add_item, item_pks, meeting_on


@pytest.fixture
def meeting(network_a: Network) -> Meeting:
    return meeting_on(network_a, datetime.date(2021, 2, 4))


def test_it_finds_the_singular_from_the_plural(alice: User, meeting: Meeting) -> None:
    item = add_item(meeting, "Läget", notes="En ny placering i Bjuv.")
    assert item_pks(alice, "placeringar") == [item.pk]


def test_it_finds_the_base_form_from_the_definite_plural(alice: User, meeting: Meeting) -> None:
    item = add_item(meeting, "Rekrytering", notes="Vi behöver fler familjehem.")
    assert item_pks(alice, "familjehemmen") == [item.pk]


def test_it_finds_compounds_by_their_first_part(alice: User, meeting: Meeting) -> None:
    recruiting = add_item(meeting, "Gemensam familjehemsrekrytering")
    care = add_item(meeting, "Uppföljning", notes="Kostnaderna för familjehemsvård ökar.")
    add_item(meeting, "Jourhem", notes="Inget om saken.")
    assert sorted(item_pks(alice, "familjehem")) == sorted([recruiting.pk, care.pk])


def test_it_matches_a_quoted_phrase_only_in_order(alice: User, meeting: Meeting) -> None:
    phrase = add_item(meeting, "Barn", notes="Våld i nära relationer har ökat.")
    add_item(meeting, "Annat", notes="Relationer till nära anhöriga och våld i skolan.")
    assert item_pks(alice, '"våld i nära relationer"') == [phrase.pk]


def test_it_excludes_a_word_after_a_minus(alice: User, meeting: Meeting) -> None:
    kept = add_item(meeting, "Placeringar", notes="HVB och konsulentstödda hem.")
    add_item(meeting, "Placeringar", notes="Jourhem i Åstorp.")
    assert item_pks(alice, "placering -jourhem") == [kept.pk]


def test_it_finds_å_ä_ö_typed_without_them(alice: User, meeting: Meeting) -> None:
    item = add_item(meeting, "Högskolans praktikanter", notes="Socionomer från Malmö.")
    assert item_pks(alice, "hogskolans") == [item.pk]
    assert item_pks(alice, "malmo") == [item.pk]


def test_it_keeps_å_ä_ö_as_letters_when_they_are_typed(alice: User, meeting: Meeting) -> None:
    add_item(meeting, "Hogsta nivå", notes="Ett påhittat ord utan prickar.")
    item = add_item(meeting, "Högsta nivå")
    assert item_pks(alice, "högsta") == [item.pk]


def test_it_does_not_fold_a_word_that_exists_as_typed(alice: User, meeting: Meeting) -> None:
    read = add_item(meeting, "Protokollet las upp")
    add_item(meeting, "Nya lås på kontoret")
    assert item_pks(alice, "las") == [read.pk]


def test_it_ignores_stop_words_alone(alice: User, meeting: Meeting) -> None:
    add_item(meeting, "Och så vidare")
    assert item_pks(alice, "och") == []


def test_it_finds_short_words_and_hyphenated_ones(alice: User, meeting: Meeting) -> None:
    item = add_item(meeting, "Digitalisering", notes="Nya e-tjänster för ekonomiskt bistånd.")
    assert item_pks(alice, "e-tjänster") == [item.pk]
