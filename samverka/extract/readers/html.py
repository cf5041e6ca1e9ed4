"""Minutes posted as web pages: the visible text, one block per line.

Parsed by libxml2's HTML parser (through lxml), which is linear on broken
markup and caps nesting at 256; Python 3.11's html.parser takes minutes on a
page of repeated "<!--". The tree is walked with iterwalk, without recursion.
"""

from __future__ import annotations

import re

from lxml import etree

from samverka.extract.model import Hint
from samverka.extract.readers.errors import ReadError
from samverka.extract.readers.textutil import HintKind, TextBuilder

_SKIPPED = {"script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object"}
_SKIPPED |= {"select", "button", "canvas", "audio", "video"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
_VOID |= {"track", "wbr", "param"}
_BLOCKS = {"p", "div", "section", "article", "main", "header", "footer", "nav", "aside"}
_BLOCKS |= {"blockquote", "pre", "address", "figure", "figcaption", "form", "fieldset", "dl"}
_BLOCKS |= {"dt", "dd", "ul", "ol", "table", "caption", "thead", "tbody", "tfoot", "hr", "center"}
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BOLD = {"b", "strong"}
_MAX_DEPTH = 100
MAX_HTML_ELEMENTS = 50_000
"""Refuse a page with more elements (a minutes page, menus and all, has a few thousand)."""


def read_html(text: str) -> tuple[str, list[Hint], list[str]]:
    parser = etree.HTMLParser(
        encoding="utf-8",
        recover=True,
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        huge_tree=False,
        default_doctype=False,
    )
    try:
        root = etree.fromstring(text.encode("utf-8", errors="replace"), parser)
    except (etree.LxmlError, ValueError):
        raise ReadError("HTML:en kunde inte läsas") from None
    warnings = []
    if any("depth" in str(entry.message).lower() for entry in parser.error_log):
        warnings.append("HTML:en är för djupt nästlad; text längre in än 256 nivåer saknas")
    if root is None:
        return "", [], warnings
    count = int(root.xpath("count(//*)"))
    if count > MAX_HTML_ELEMENTS:
        raise ReadError(f"HTML:en har för många element ({count}; högst {MAX_HTML_ELEMENTS})")
    reader = _Reader()
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag:
                reader.handle_starttag(tag.lower(), list(element.attrib.items()))
            if element.text and tag:
                reader.handle_data(element.text)
        else:
            if tag:
                reader.handle_endtag(tag.lower())
            if element.tail:
                reader.handle_data(element.tail)
    reader.end_row()
    reader.flush()
    text, hints = reader.out.build()
    return text, hints, warnings


class _Reader:
    """Turn start tags, end tags and text, in document order, into lines and hints."""

    def __init__(self) -> None:
        self.out = TextBuilder()
        self.chunks: list[str] = []
        self.bold_chars = 0
        self.plain_chars = 0
        self.skip: list[str] = []
        self.bold = 0
        self.heading = 0
        self.pre = 0
        self.lists: list[list[int]] = []  # [is_ordered, counter] per open list
        self.item_label: str | None = None
        self.row: list[str] | None = None
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str]]) -> None:
        if tag in _VOID:
            if tag == "br" and not self.skip:
                self.flush()
            elif tag == "hr" and not self.skip:
                self.flush()
                self.out.blank()
            return
        if self.skip or tag in _SKIPPED or _hidden(attrs):
            self.skip.append(tag)
            return
        if tag in _HEADINGS:
            self.flush()
            self.heading = _HEADINGS[tag]
        elif tag in _BOLD:
            self.bold += 1
        elif tag == "pre":
            self.flush()
            self.pre += 1
        elif tag in ("ul", "ol"):
            self.flush()
            if len(self.lists) < _MAX_DEPTH:
                start = dict(attrs).get("start") or "1"
                first = int(start) if start.isdigit() and len(start) < 6 else 1
                self.lists.append([tag == "ol", first - 1])
        elif tag == "li":
            self.flush()
            if self.lists:
                self.lists[-1][1] += 1
                ordered, counter = self.lists[-1]
                self.item_label = f"{counter}." if ordered else "\u2022"
            else:
                self.item_label = "\u2022"
        elif tag == "tr":
            self.end_row()
            self.flush()
            self.row = []
        elif tag in ("td", "th"):
            self.end_cell()
            if self.row is None:
                self.row = []
            self.cell = []
        elif tag in _BLOCKS:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag in self.skip:
                while self.skip and self.skip.pop() != tag:
                    pass
            return
        if tag in _HEADINGS:
            self.flush()
            self.heading = 0
        elif tag in _BOLD:
            self.bold = max(0, self.bold - 1)
        elif tag == "pre":
            self.flush()
            self.pre = max(0, self.pre - 1)
        elif tag in ("ul", "ol"):
            self.flush()
            if self.lists:
                self.lists.pop()
        elif tag in ("td", "th"):
            self.end_cell()
        elif tag in ("tr", "table"):
            self.end_row()
        elif tag in _BLOCKS or tag == "li":
            self.flush()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.cell is not None:
            self.cell.append(data)
            return
        if self.pre:
            lines = data.split("\n")
            for line in lines[:-1]:
                self.add_text(line)
                self.flush()
            self.add_text(lines[-1])
            return
        self.add_text(data)

    def add_text(self, data: str) -> None:
        self.chunks.append(data)
        chars = len(data) - sum(data.count(c) for c in " \t\n\r\f")
        if self.bold:
            self.bold_chars += chars
        else:
            self.plain_chars += chars

    def end_cell(self) -> None:
        if self.cell is not None and self.row is not None:
            self.row.append(" ".join(" ".join(self.cell).split()))
        self.cell = None

    def end_row(self) -> None:
        self.end_cell()
        if self.row is not None:
            if any(self.row):
                self.flush()
                self.out.line(" | ".join(self.row), "table_row")
            self.item_label = None  # a list item inside a cell labels nothing outside it
        self.row = None

    def flush(self) -> None:
        if self.cell is not None:
            return
        line = " ".join("".join(self.chunks).split())
        kind: HintKind | None = None
        level = 0
        if self.heading:
            kind, level = "heading", self.heading
        elif self.item_label:
            line = f"{self.item_label} {line}"
            kind, level = "list_item", max(0, len(self.lists) - 1)
        elif self.bold_chars and not self.plain_chars:
            kind = "bold"
        if line:
            self.out.line(line, kind, level)
            self.item_label = None
        self.chunks = []
        self.bold_chars = self.plain_chars = 0


def _hidden(attrs: list[tuple[str, str]]) -> bool:
    for name, value in attrs:
        if name == "hidden" or (name == "aria-hidden" and value == "true"):
            return True
        if (
            name == "style"
            and value
            and re.search(r"display\s*:\s*none|visibility\s*:\s*hidden", value)
        ):
            return True
    return False
