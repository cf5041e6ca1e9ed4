"""Whatever is typed, the search answers (never a database syntax error)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samverka.accounts.models import User
from samverka.search.backends import search
from samverka.search.query import parse

PIECES = [*"abcåäö \"-*:()&|!'\\^NORTAD12_.,", "OR ", "NOT ", "NEAR", "AND "]
TYPED = st.lists(st.sampled_from(PIECES), max_size=15).map("".join)


def test_it_parses_phrases_exclusions_and_words() -> None:
    query = parse('placeringar "våld i nära relationer" -jourhem -"hem för vård"')
    assert [(c.words, c.phrase, c.negated) for c in query.clauses] == [
        (("placeringar",), False, False),
        (("våld", "i", "nära", "relationer"), True, False),
        (("jourhem",), False, True),
        (("hem", "för", "vård"), True, True),
    ]


def test_it_needs_one_word_to_look_for() -> None:
    assert not parse("-jourhem")
    assert not parse("och att")


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=TYPED)
def test_it_answers_any_typed_text(alice: User, a_objects: dict[str, Any], text: str) -> None:
    assert search(alice, text).total >= 0


@pytest.mark.parametrize("text", ['"', '"alfaord', "alfaord -", "-", "(", "NEAR(alfaord)", "a:b"])
def test_it_answers_unbalanced_and_operator_input(
    alice: User, a_objects: dict[str, Any], text: str
) -> None:
    assert search(alice, text).total >= 0
