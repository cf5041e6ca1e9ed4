"""Plain text and Markdown: decode, normalise line ends, keep everything else."""

from __future__ import annotations

import re

from samverka.extract.model import Hint
from samverka.extract.readers.textutil import HintKind, check_length, clean

_MD_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$", re.M)
_MD_BOLD = re.compile(r"^[ \t]*(\*\*|__)(?=\S)(.+?)(?<=\S)\1[ \t]*:?[ \t]*$", re.M)
_MD_LIST = re.compile(r"^([ \t]*)(?:\d{1,3}[.)]|[-*+])[ \t]+\S.*$", re.M)


def read_text(text: str, markdown: bool) -> tuple[str, list[Hint], list[str]]:
    """Return the cleaned text with page breaks (form feeds) and, for Markdown, its layout."""
    warnings = []
    nul = text.count("\x00")
    if nul:
        warnings.append(f"filen innehöll {nul} NUL-tecken som togs bort")
    text = clean(text)
    check_length(text)
    hints: list[Hint] = []
    if "\f" in text:
        pages = text.split("\f")
        text = "\n".join(pages)
        position = 0
        for page in pages[:-1]:
            position += len(page) + 1
            hints.append(Hint("page_break", (position, position)))
    if markdown:
        hints.extend(_markdown_hints(text))
        hints.sort(key=lambda h: h.span)
    return text, hints, warnings


def _markdown_hints(text: str) -> list[Hint]:
    hints = [Hint("heading", m.span(), len(m.group(1))) for m in _MD_HEADING.finditer(text)]
    hints += [Hint("bold", m.span()) for m in _MD_BOLD.finditer(text)]
    kind: HintKind = "list_item"
    hints += [
        Hint(kind, m.span(), len(m.group(1).expandtabs(4)) // 2) for m in _MD_LIST.finditer(text)
    ]
    return hints
