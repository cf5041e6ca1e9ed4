"""Lines written into each format come back as the same lines, with hints inside the text."""

from __future__ import annotations

import html
import io

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samverka.extract.model import SourceText
from samverka.extract.read import read_bytes

LETTERS = "abcdefghijklmnopqrstuvwxyzåäöÅÄÖABCÉéü0123456789.,:;-–§()/%&\"'?!<>*#"
WORD = st.text(st.sampled_from(LETTERS), min_size=1, max_size=8)
LINE = st.lists(WORD, min_size=1, max_size=8).map(" ".join)
LINES = st.lists(LINE, min_size=1, max_size=25)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_hints_inside(source: SourceText) -> None:
    assert all(0 <= h.span[0] <= h.span[1] <= len(source.text) for h in source.hints)


@SETTINGS
@given(LINES, st.lists(st.booleans(), max_size=25))
def test_it_reads_docx_paragraphs_back(lines: list[str], bold: list[bool]) -> None:
    document = docx.Document()
    for line, is_bold in zip(lines, bold + [False] * len(lines), strict=False):
        document.add_paragraph().add_run(line).bold = is_bold
    buffer = io.BytesIO()
    document.save(buffer)
    source = read_bytes(buffer.getvalue(), "a.docx")
    assert source.text == "\n".join(lines) + "\n"
    assert_hints_inside(source)
    bold_lines = {source.text[h.span[0] : h.span[1]] for h in source.hints if h.kind == "bold"}
    expected = {line for line, b in zip(lines, bold, strict=False) if b}
    assert expected <= bold_lines


@SETTINGS
@given(LINES)
def test_it_reads_html_paragraphs_back(lines: list[str]) -> None:
    page = "<!DOCTYPE html><html><body>" + "".join(f"<p>{html.escape(x)}</p>" for x in lines)
    source = read_bytes(page.encode(), "a.html")
    assert source.text == "\n".join(lines) + "\n"
    assert_hints_inside(source)


@SETTINGS
@given(
    LINES,
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
    st.sampled_from(["\n", "\r\n"]),
)
def test_it_reads_text_lines_back(lines: list[str], encoding: str, newline: str) -> None:
    text = "Minnesanteckningar för Åstorp och Höganäs\n" + "\n".join(lines)
    source = read_bytes(text.replace("\n", newline).encode(encoding), "a.txt")
    assert source.text == text
