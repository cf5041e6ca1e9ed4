"""Random text through the parser: no exception, every span inside the text."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any, get_args

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samverka.extract.model import Hint, Minutes, SourceText
from samverka.extract.parse import parse
from samverka.extract.read import ReadError, read_bytes
from samverka.extract.readers.textutil import HintKind

FRAGMENTS = [
    "Närvarande:", "Frånvarande:", "Deltagare:", "Gäster:", "Beslut:", "Beslut: att ",
    "Vid tangenterna:", "Nästa möte", "1.", "2.", "§ 3", "§", "kl. 9.30-11", "kl. 13–15.30",
    "2021-03-04", "4 mars 2021", "Höganäs", "Hbg", "Ängelholm", "Åsa Öberg", " – ", "-", ":",
    "får i uppdrag att", "flyttas till nästa möte", "Punkten utgick", "Teams", "Övrigt",
    "\n", "\n\n", "\t", " ", "(", ")", ",", ".", "•", "|",
]  # fmt: skip
ALPHABET = st.characters(
    codec="utf-8", categories=("L", "N", "P", "Zs", "S"), include_characters="åäöÅÄÖé§\n\t"
)
TEXT = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(ALPHABET, max_size=12)), max_size=80)
KINDS = st.sampled_from(get_args(HintKind))


def spans(value: Any) -> Iterator[tuple[int, int]]:
    """Yield every `span` of every record in the minutes, however deep."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            item = getattr(value, field.name)
            if field.name == "span":
                yield item
            elif field.name != "source":
                yield from spans(item)
    elif isinstance(value, list):
        for item in value:
            yield from spans(item)


def assert_spans_inside(minutes: Minutes, text: str) -> None:
    for start, end in spans(minutes):
        assert 0 <= start <= end <= len(text), (start, end, len(text))


@st.composite
def sources(draw: st.DrawFn) -> SourceText:
    text = "".join(draw(TEXT))
    hints = []
    for _ in range(draw(st.integers(0, 5))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        hints.append(Hint(draw(KINDS), (start, end), draw(st.integers(0, 3))))
    return SourceText(
        name="slump.txt", sha256="0" * 64, media_type="text/plain", text=text, hints=hints
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sources())
def test_it_parses_random_text_without_error_and_keeps_spans_inside_it(source: SourceText) -> None:
    assert_spans_inside(parse(source), source.text)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2000))
def test_it_reads_random_bytes_or_refuses_them_with_a_read_error(data: bytes) -> None:
    try:
        source = read_bytes(data, "slump.txt")
    except ReadError as error:
        assert "\n" not in str(error)
        return
    assert all(0 <= h.span[0] <= h.span[1] <= len(source.text) for h in source.hints)
    # Offsets must agree whether the parser splits on "\n" or calls splitlines().
    if source.text:
        assert source.text.splitlines() == source.text.removesuffix("\n").split("\n")
    assert_spans_inside(parse(source), source.text)
