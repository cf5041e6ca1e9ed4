"""OpenDocument text (.odt): content.xml in document order, like .docx."""

from __future__ import annotations

import zipfile

from lxml import etree

from samverka.extract.model import Hint
from samverka.extract.readers.container import parse_xml, read_member
from samverka.extract.readers.errors import ReadError
from samverka.extract.readers.textutil import HintKind, TextBuilder

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
_T = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
_SKIPPED = {f"{_T}note-body", f"{_T}tracked-changes", f"{_OFFICE}annotation"}


def is_odt(archive: zipfile.ZipFile) -> bool:
    mimetype = read_member(archive, "mimetype")
    return (mimetype or b"").strip() == ODT_MIMETYPE or (
        mimetype is None and "content.xml" in archive.NameToInfo
    )


def read_odt(archive: zipfile.ZipFile) -> tuple[str, list[Hint], list[str]]:
    data = read_member(archive, "content.xml")
    if data is None:
        raise ReadError(".odt-filen saknar content.xml")
    root = parse_xml(data, "content.xml")
    styles_data = read_member(archive, "styles.xml")
    roots = [root] + ([parse_xml(styles_data, "styles.xml")] if styles_data else [])
    reader = _Reader(_bold_styles(roots), _numbered_lists(roots))
    body = root.find(f"{_OFFICE}body/{_OFFICE}text")
    if body is None:
        raise ReadError(".odt-filen saknar textinnehåll (office:text)")
    reader.blocks(body, 0)
    text, hints = reader.out.build()
    return text, hints, []


def _bold_styles(roots: list[etree._Element]) -> set[str]:
    bold = set()
    for root in roots:
        for style in root.iter(f"{_STYLE}style"):
            props = style.find(f"{_STYLE}text-properties")
            if props is not None and props.get(f"{_FO}font-weight") in (
                "bold",
                "700",
                "800",
                "900",
            ):
                bold.add(style.get(f"{_STYLE}name") or "")
    return bold


def _numbered_lists(roots: list[etree._Element]) -> set[str]:
    numbered = set()
    for root in roots:
        for style in root.iter(f"{_T}list-style"):
            level = style.find(f"{_T}list-level-style-number")
            if level is not None and level.get(f"{_STYLE}num-format"):
                numbered.add(style.get(f"{_STYLE}name") or "")
    return numbered


class _Reader:
    def __init__(self, bold_styles: set[str], numbered: set[str]) -> None:
        self.bold_styles = bold_styles
        self.numbered = numbered
        self.out = TextBuilder()

    def blocks(self, parent: etree._Element, depth: int, list_style: str | None = None) -> None:
        for child in parent:
            self.block(child, depth, list_style)

    def block(self, child: etree._Element, depth: int, list_style: str | None) -> None:
        tag = child.tag
        if tag == f"{_T}h":
            level = child.get(f"{_T}outline-level") or "1"
            self.paragraph(child, "heading", int(level) if level.isdigit() else 1)
        elif tag == f"{_T}p":
            self.paragraph(child, None, 0)
        elif tag == f"{_T}list":
            self.list(child, depth, child.get(f"{_T}style-name") or list_style)
        elif tag == f"{_TABLE}table":
            self.table(child)
        elif tag in (f"{_T}section", f"{_T}index-body") or str(tag).endswith("table-of-content"):
            self.blocks(child, depth, list_style)
        elif tag == f"{_T}soft-page-break":
            self.out.page_break()

    def list(self, element: etree._Element, depth: int, style: str | None) -> None:
        counter = 0
        for item in element:
            if item.tag not in (f"{_T}list-item", f"{_T}list-header"):
                continue
            counter += 1
            label = f"{counter}." if style in self.numbered else "\u2022"
            for index, child in enumerate(item):
                if child.tag == f"{_T}p" and index == 0:
                    self.paragraph(child, "list_item", depth, label)
                else:
                    self.block(child, depth + 1, style)

    def paragraph(
        self, p: etree._Element, kind: HintKind | None, level: int, label: str = ""
    ) -> None:
        parts: list[str] = []
        weights = [0, 0]
        _inline(p, parts, weights, p.get(f"{_T}style-name") in self.bold_styles, self.bold_styles)
        text = "".join(parts)
        if label and text.strip():
            text = f"{label} {text.strip()}"
        if kind is None and weights[0] and not weights[1]:
            kind = "bold"
        self.out.line(text, kind, level)

    def table(self, table: etree._Element) -> None:
        for row in table.iter(f"{_TABLE}table-row"):
            if next(row.iterancestors(f"{_TABLE}table")) is not table:
                continue
            cells = []
            for cell in row:
                if cell.tag == f"{_TABLE}table-cell":
                    inner = _Reader(self.bold_styles, self.numbered)
                    inner.blocks(cell, 0)
                    cells.append(" ".join(inner.out.build()[0].split()))
            if any(cells):
                self.out.line(" | ".join(cells), "table_row")


def _inline(
    element: etree._Element, parts: list[str], weights: list[int], bold: bool, styles: set[str]
) -> None:
    def add(text: str | None) -> None:
        if text:
            parts.append(text)
            weights[0 if bold else 1] += len(text.replace(" ", ""))

    add(element.text)
    for child in element:
        tag = child.tag
        if tag == f"{_T}s":
            count = child.get(f"{_T}c") or "1"
            parts.append(" " * min(int(count) if count.isdigit() else 1, 100))
        elif tag == f"{_T}tab":
            parts.append("\t")
        elif tag == f"{_T}line-break":
            parts.append("\n")
        elif tag not in _SKIPPED and isinstance(tag, str):
            child_bold = bold or child.get(f"{_T}style-name") in styles
            _inline(child, parts, weights, child_bold, styles)
        add(child.tail)
