"""Whole invented minutes in layouts the extractor was not fitted to.

Each `testdata/header/*.txt` is a complete made-up header (a nämnd protocol,
a network memo exported in capitals, a regional council's notes with
municipality-first lists and role fields, an OCR-damaged pensioners' council
protocol); the `.json` beside it holds what the header pass must read, checked
by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from samverka.extract.model import SourceText
from samverka.extract.parse import parse
from samverka.extract.parse.header import parse_header

DATA = Path(__file__).resolve().parents[3] / "testdata" / "header"
DOCS = sorted(DATA.glob("*.txt"))
FIELDS = ("title", "network", "date", "start_time", "end_time", "place", "digital", "minute_taker")


@pytest.mark.parametrize("path", DOCS, ids=[p.stem for p in DOCS])
def test_the_header_of_a_whole_document(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    header = parse_header(SourceText(path.name, "0", "text/plain", text))
    assert {f: getattr(header, f) for f in FIELDS} == {f: expected[f] for f in FIELDS}
    assert [[p.name, p.organisation, p.role, p.status] for p in header.participants] == expected[
        "participants"
    ]
    assert text[header.body_start :].lstrip().startswith(expected["body_starts_with"])


@pytest.mark.parametrize("path", DOCS, ids=[p.stem for p in DOCS])
def test_the_body_still_sees_the_first_agenda_item(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    minutes = parse(SourceText(path.name, "0", "text/plain", text))
    assert minutes.items, "the header swallowed the agenda"
    first = text[minutes.items[0].span[0] : minutes.items[0].span[1]]
    assert expected["body_starts_with"][:8].strip(" 0123456789.§") in first


def test_there_are_four_documents() -> None:
    assert len(DOCS) >= 4
