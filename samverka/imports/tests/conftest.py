"""Shared for the importer's tests: where the seed minutes are, and a stand-in
extractor that returns the hand-made gold for them, so the loader can be
tested apart from the extractor's current quality."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from samverka.extract import Minutes, read_bytes
from samverka.extract import model as m

REPO = Path(__file__).resolve().parents[3]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "eval" / "gold"
EXAMPLES = REPO / "examples"


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed minutes are not at {SEEDS}")
    return SEEDS


@pytest.fixture
def gold() -> Path:
    if not GOLD.is_dir() or not SEEDS.is_dir():
        pytest.skip(f"the gold files are not at {GOLD}")
    return GOLD


def _span(text: str, needle: str | None) -> m.Span:
    if not needle:
        return (0, 0)
    start = text.find(needle[:40])
    return (start, start + len(needle[:40])) if start >= 0 else (0, 0)


def gold_extractor(data: bytes, name: str) -> Minutes:
    """Return the gold minutes of a seed file, with spans found by searching the text."""
    source = read_bytes(data, name)
    gold: dict[str, Any] = json.loads((GOLD / Path(name).with_suffix(".json").name).read_text())
    text = source.text
    return Minutes(
        source=source,
        title=gold.get("title"),
        network=gold.get("network"),
        date=gold.get("date"),
        start_time=gold.get("start_time"),
        end_time=gold.get("end_time"),
        place=gold.get("place"),
        digital=gold.get("digital"),
        minute_taker=gold.get("minute_taker"),
        participants=[
            m.Participant(
                name=p["name"],
                organisation=p.get("organisation"),
                role=p.get("role"),
                status=p.get("status", "present"),
                span=_span(text, p["name"]),
            )
            for p in gold.get("participants", [])
        ],
        items=[
            m.Item(
                title=i["title"],
                number=i.get("number"),
                raised_by=i.get("raised_by"),
                text=i.get("text", ""),
                outcome=i.get("outcome", "handled"),
                decisions=[
                    m.Decision(text=d["text"], span=_span(text, d["text"]))
                    for d in i.get("decisions", [])
                ],
                assignments=[
                    m.Assignment(
                        assignee=a["assignee"],
                        text=a["text"],
                        due=a.get("due"),
                        span=_span(text, a["text"]),
                    )
                    for a in i.get("assignments", [])
                ],
                span=_span(text, i["title"]),
            )
            for i in gold.get("items", [])
        ],
        status_reports=[
            m.StatusReport(
                organisation=s["organisation"],
                text=s.get("text", ""),
                span=_span(text, s["organisation"]),
            )
            for s in gold.get("status_reports", [])
        ],
        planned_meetings=[
            m.PlannedMeeting(
                date=p["date"],
                start_time=p.get("start_time"),
                end_time=p.get("end_time"),
                place=p.get("place"),
                span=_span(text, p.get("place")),
            )
            for p in gold.get("planned_meetings", [])
        ],
        warnings=list(gold.get("warnings", [])),
    )
