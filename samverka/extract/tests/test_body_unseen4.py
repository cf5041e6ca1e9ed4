"""Body rules from a fourth round of unseen minutes, one general rule per test.

Every snippet is invented and worded differently from the minutes that showed
the pattern.
"""

from __future__ import annotations

import pytest

from samverka.extract.model import Participant, SourceText
from samverka.extract.parse.body import parse_body
from samverka.extract.parse.types import Body, Header

PEOPLE = [
    Participant(name="Dragana Petrović", organisation="Kävlinge"),
    Participant(name="Henrik Holm", organisation="Lund"),
    Participant(name="Sofie Rask", organisation="Eslöv"),
]


def _body(text: str) -> Body:
    source = SourceText(name="t.txt", sha256="", media_type="text/plain", text=text)
    return parse_body(source, Header(date="2024-05-14", participants=PEOPLE))


def _raised(text: str, title: str) -> str | None:
    return next(item.raised_by for item in _body(text).items if item.title == title)


@pytest.mark.parametrize(
    "opening",
    [
        "Sofie lyfte frågan om gemensamma jourhem.",
        "Sofie Rask tar upp behovet av en gemensam rutin för skyddat boende.",
        "Sofie undrar om någon kommun har avtal med ett tolkbolag.",
    ],
)
def test_other_business_raised_by_one_participant_is_theirs(opening: str) -> None:
    text = f"1. Ekonomi\nBudgeten följdes upp.\n\n2. Övrigt\n{opening} Alla var positiva.\n"
    assert _raised(text, "Övrigt") == "Sofie Rask"


@pytest.mark.parametrize(
    "content",
    [
        # Two people bring two matters: the item is nobody's.
        "Sofie lyfte frågan om jourhem. Henrik tog upp lokalfrågan.",
        # Informing is not raising.
        "Henrik informerade om den nya lagen.",
        # A statement first: the item does not open with a raiser.
        "Inga övriga frågor. Sofie lyfte dock att hon slutar i maj.",
    ],
)
def test_other_business_with_several_matters_or_none_raised_is_nobodys(content: str) -> None:
    text = f"1. Ekonomi\nBudgeten följdes upp.\n\n2. Övrigt\n{content}\n"
    assert _raised(text, "Övrigt") is None


def _decisions(text: str) -> list[str]:
    return [d.text for item in _body(text).items for d in item.decisions]


def test_standing_behind_a_proposal_is_a_decision() -> None:
    text = "1. Gemensam rutin\nGruppen ställer sig bakom att ta fram en gemensam rutin för jour.\n"
    assert _decisions(text) == ["Gruppen ställer sig bakom att ta fram en gemensam rutin för jour"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Frågan bordläggs till nästa möte i väntan på underlag.",
        "Lisa Berg (M) yrkar att ärendet återremitteras.",
        "Henrik Holm yrkade bifall till förslaget.",
    ],
)
def test_a_deferral_or_a_motion_is_no_decision(sentence: str) -> None:
    assert _decisions(f"1. Ny taxa\n{sentence}\n") == []


def test_a_deferral_under_a_decision_label_is_the_decision() -> None:
    items = _body("1. Inledning\nVälkomna.\n2. Ny taxa\nBeslut: Ärendet bordläggs.\n").items
    assert [d.text for d in items[1].decisions] == ["Ärendet bordläggs"]
    assert items[1].outcome == "carried_over"
