"""Word .docx: body paragraphs and tables in document order, with numbering and hints.

The package is read directly (zip + lxml) rather than through python-docx so
that only the three parts needed are inflated and parsed, each under the
checks in `container` (python-docx loads every part, images included).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from samverka.extract.model import Hint
from samverka.extract.readers.container import parse_xml, read_member, refuse_dtd
from samverka.extract.readers.errors import ReadError
from samverka.extract.readers.textutil import HintKind, TextBuilder

_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_OFFICE_DOCUMENT = "/officeDocument"
_TRUE = {"1", "true", "on"}
_HEADING_NAME = re.compile(r"(?:heading|rubrik|überschrift|titre)\s*([1-9])$", re.I)
_MAX_STYLE_CHAIN = 20
_STYLE_ID = re.compile(rb'\bw:styleId="([^"]*)"')
_DEFAULT = re.compile(rb'\bw:default="(?:1|true|on)"')


def main_part_name(archive: zipfile.ZipFile) -> str | None:
    """Return the name of the main document part, or None if this is not a .docx."""
    rels = read_member(archive, "_rels/.rels")
    if rels is not None:
        for rel in parse_xml(rels, "_rels/.rels").iter(f"{{{_REL}}}Relationship"):
            if rel.get("Type", "").endswith(_OFFICE_DOCUMENT):
                target = rel.get("Target", "").lstrip("/")
                if target in archive.NameToInfo:
                    return target
    return "word/document.xml" if "word/document.xml" in archive.NameToInfo else None


def read_docx(archive: zipfile.ZipFile, main: str) -> tuple[str, list[Hint], list[str]]:
    data = read_member(archive, main)
    assert data is not None
    root = parse_xml(data, main)
    ns = etree.QName(root).namespace or ""
    folder = posixpath.dirname(main)
    styles_xml = read_member(archive, posixpath.join(folder, "styles.xml"))
    numbering_xml = read_member(archive, posixpath.join(folder, "numbering.xml"))
    reader = _Reader(
        ns,
        _Styles(styles_xml, ns),
        _Numbering(parse_xml(numbering_xml, "numbering.xml"), ns) if numbering_xml else None,
    )
    body = root.find(f"{{{ns}}}body")
    if body is None:
        raise ReadError(f"{main} saknar dokumentkropp (w:body)")
    reader.blocks(body)
    text, hints = reader.out.build()
    return text, hints, []


@dataclass
class _Style:
    name: str = ""
    based_on: str | None = None
    outline: int | None = None
    bold: bool | None = None
    num_id: str | None = None
    ilvl: int | None = None


def _style_elements(data: bytes) -> Iterator[tuple[bytes, bytes]]:
    """Yield (start tag, whole element) of each <w:style> in styles.xml, found with find()."""
    position = data.find(b"<w:style ")
    while position >= 0:
        close = data.find(b">", position)
        if close < 0:
            return
        end = close + 1
        if data[close - 1 : close] != b"/":
            end = data.find(b"</w:style>", close)
            if end < 0:
                return
            end += len(b"</w:style>")
        yield data[position : close + 1], data[position:end]
        position = data.find(b"<w:style ", end)


def _read_style(element: etree._Element, w: str) -> _Style:
    style = _Style()
    name = element.find(f"{w}name")
    style.name = (name.get(f"{w}val") or "") if name is not None else ""
    based = element.find(f"{w}basedOn")
    style.based_on = based.get(f"{w}val") if based is not None else None
    ppr = element.find(f"{w}pPr")
    if ppr is not None:
        outline = ppr.find(f"{w}outlineLvl")
        if outline is not None:
            style.outline = _int(outline.get(f"{w}val"))
        style.num_id, style.ilvl = _num_pr(ppr, w)
    rpr = element.find(f"{w}rPr")
    if rpr is not None:
        style.bold = _bold(rpr, w)
    return style


class _Styles:
    """The paragraph and character styles a document uses, parsed when first asked for.

    styles.xml is often the largest part (python-docx's template: 350 KB, mostly
    styles nobody uses), so each style is cut out of the bytes and parsed alone.
    """

    def __init__(self, data: bytes | None, ns: str) -> None:
        self.w = f"{{{ns}}}"
        self.wrapper = f'<w:styles xmlns:w="{ns}">'.encode()
        self.sources: dict[str, bytes | etree._Element] = {}
        self.styles: dict[str, _Style | None] = {}
        self.chains: dict[str | None, list[_Style]] = {}
        self.default_paragraph: str | None = None
        if data is None:
            return
        refuse_dtd(data, "styles.xml")
        for head, element in _style_elements(data):
            style_id = _STYLE_ID.search(head)
            if style_id:
                key = style_id.group(1).decode("utf-8", errors="replace")
                self.sources.setdefault(key, element)
                if b'w:type="paragraph"' in head and _DEFAULT.search(head):
                    self.default_paragraph = key
        if not self.sources and b"styleId" in data:  # another prefix than w:
            root = parse_xml(data, "styles.xml")
            for element in root.iter(f"{self.w}style"):
                key = element.get(f"{self.w}styleId") or ""
                self.sources.setdefault(key, element)
                paragraph = element.get(f"{self.w}type") == "paragraph"
                if paragraph and element.get(f"{self.w}default") in _TRUE:
                    self.default_paragraph = key

    def style(self, style_id: str) -> _Style | None:
        if style_id not in self.styles:
            source = self.sources.get(style_id)
            if isinstance(source, bytes):
                source = parse_xml(self.wrapper + source + b"</w:styles>", "styles.xml")[0]
            self.styles[style_id] = None if source is None else _read_style(source, self.w)
        return self.styles[style_id]

    def chain(self, style_id: str | None) -> list[_Style]:
        if style_id in self.chains:
            return self.chains[style_id]
        result: list[_Style] = []
        self.chains[style_id] = result
        start = style_id
        while style_id and len(result) < _MAX_STYLE_CHAIN:
            style = self.style(style_id)
            if style is None:
                break
            result.append(style)
            style_id = style.based_on
        self.chains[start] = result
        return result

    def heading_level(self, style_id: str | None) -> int | None:
        for style in self.chain(style_id):
            name = style.name.strip().lower()
            if name in ("title", "rubrik"):
                return 0
            match = _HEADING_NAME.search(name)
            if match:
                return int(match.group(1))
            if style.outline is not None and 0 <= style.outline < 9:
                return style.outline + 1
        return None

    def bold(self, style_id: str | None) -> bool:
        for style in self.chain(style_id):
            if style.bold is not None:
                return style.bold
        return False

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        for style in self.chain(style_id):
            if style.num_id is not None:
                return style.num_id, style.ilvl
        return None, None


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class _Numbering:
    root: etree._Element | None
    ns: str
    abstract: dict[str, dict[int, _Level]] = field(default_factory=dict)
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)
    counters: dict[str, list[int | None]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.root is None:
            return
        w = f"{{{self.ns}}}"
        for element in self.root.iter(f"{w}abstractNum"):
            levels: dict[int, _Level] = {}
            for lvl in element.iter(f"{w}lvl"):
                level = _Level()
                for tag, attr in (("numFmt", "fmt"), ("lvlText", "text")):
                    child = lvl.find(f"{w}{tag}")
                    if child is not None:
                        setattr(level, attr, child.get(f"{w}val") or "")
                start = lvl.find(f"{w}start")
                if start is not None:
                    level.start = _int(start.get(f"{w}val")) or 0
                levels[_int(lvl.get(f"{w}ilvl")) or 0] = level
            self.abstract[element.get(f"{w}abstractNumId") or ""] = levels
        for element in self.root.iter(f"{w}num"):
            ref = element.find(f"{w}abstractNumId")
            overrides: dict[int, int] = {}
            for override in element.iter(f"{w}lvlOverride"):
                start = override.find(f"{w}startOverride")
                if start is not None:
                    overrides[_int(override.get(f"{w}ilvl")) or 0] = _int(start.get(f"{w}val")) or 0
            if ref is not None:
                self.nums[element.get(f"{w}numId") or ""] = (ref.get(f"{w}val") or "", overrides)

    def label(self, num_id: str, ilvl: int) -> str | None:
        """Advance the counter of this list level and return its label ("2.", "a)", "•")."""
        if num_id not in self.nums or not 0 <= ilvl < 9:
            return None
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        level = levels.get(ilvl, _Level())
        if level.fmt == "bullet":
            return "\u2022"
        if level.fmt == "none":
            return None
        counters = self.counters.setdefault(num_id, [None] * 9)
        current = counters[ilvl]
        counters[ilvl] = overrides.get(ilvl, level.start) if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None

        def number(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            other = levels.get(index, _Level())
            value = counters[index]
            if value is None:
                value = overrides.get(index, other.start)
            return _format_number(value, other.fmt)

        return re.sub(r"%([1-9])", number, level.text).strip() or None


class _Reader:
    def __init__(self, ns: str, styles: _Styles, numbering: _Numbering | None) -> None:
        self.w = f"{{{ns}}}"
        self.styles = styles
        self.numbering = numbering
        self.out = TextBuilder()
        self.text_boxes: list[etree._Element] = []

    def blocks(self, parent: etree._Element) -> None:
        w = self.w
        for child in parent:
            tag = child.tag
            if tag == f"{w}p":
                self.paragraph(child)
            elif tag == f"{w}tbl":
                self.table(child)
            elif tag in (f"{w}sdt", f"{w}customXml", f"{w}ins", f"{w}moveTo"):
                content = child.find(f"{w}sdtContent")
                self.blocks(content if content is not None else child)

    def paragraph(self, p: etree._Element) -> None:
        w = self.w
        ppr = p.find(f"{w}pPr")
        style_id = self.styles.default_paragraph
        num_id: str | None = None
        ilvl: int | None = None
        outline: int | None = None
        if ppr is not None:
            style = ppr.find(f"{w}pStyle")
            if style is not None:
                style_id = style.get(f"{w}val")
            num_id, ilvl = _num_pr(ppr, w)
            element = ppr.find(f"{w}outlineLvl")
            if element is not None:
                outline = _int(element.get(f"{w}val"))
            if _on(ppr.find(f"{w}pageBreakBefore"), w):
                self.out.page_break()
        runs = _Runs(self, self.styles.bold(style_id))
        runs.inline(p)
        text = "".join(runs.parts)
        level = self.styles.heading_level(style_id)
        if outline is not None:
            level = outline + 1 if 0 <= outline < 9 else None
        kind: HintKind | None = None
        hint_level = 0
        if text.strip():
            style_num, style_ilvl = self.styles.numbering(style_id)
            num_id = num_id if num_id is not None else style_num
            ilvl = ilvl if ilvl is not None else style_ilvl
            if num_id and num_id != "0" and self.numbering is not None:
                label = self.numbering.label(num_id, ilvl or 0)
                if label:
                    text = f"{label} {text.lstrip()}"
                    kind, hint_level = "list_item", ilvl or 0
            if level is not None:
                kind, hint_level = "heading", level
            elif kind is None and runs.bold_chars and not runs.plain_chars:
                kind = "bold"
        for _ in range(runs.page_breaks):
            self.out.page_break()
        self.out.line(text, kind, hint_level)
        boxes, self.text_boxes = self.text_boxes, []
        for box in boxes:
            self.blocks(box)

    def table(self, tbl: etree._Element) -> None:
        w = self.w
        for row in tbl.iter(f"{w}tr"):
            if _ancestor_table(row, w) is not tbl:
                continue
            cells = [self.cell_text(tc) for tc in row.iter(f"{w}tc") if _ancestor_row(tc, w) is row]
            if any(cells):
                self.out.line(" | ".join(cells), "table_row")

    def cell_text(self, tc: etree._Element) -> str:
        inner = _Reader(self.w[1:-1], self.styles, self.numbering)
        inner.blocks(tc)
        text, _ = inner.out.build()
        return " ".join(text.split())


class _Runs:
    """Collect a paragraph's visible text and how much of it is bold."""

    def __init__(self, reader: _Reader, paragraph_bold: bool) -> None:
        self.reader = reader
        self.w = reader.w
        self.paragraph_bold = paragraph_bold
        self.parts: list[str] = []
        self.bold_chars = 0
        self.plain_chars = 0
        self.page_breaks = 0
        self.containers = {
            f"{self.w}{name}"
            for name in (
                "hyperlink",
                "ins",
                "moveTo",
                "smartTag",
                "customXml",
                "fldSimple",
                "dir",
                "bdo",
            )
        }

    def inline(self, parent: etree._Element) -> None:
        w = self.w
        for child in parent:
            tag = child.tag
            if tag == f"{w}r":
                self.run(child)
            elif tag in self.containers:
                self.inline(child)
            elif tag == f"{w}sdt":
                content = child.find(f"{w}sdtContent")
                if content is not None:
                    self.inline(content)

    def run(self, r: etree._Element) -> None:
        w = self.w
        rpr = r.find(f"{w}rPr")
        bold = self.paragraph_bold
        if rpr is not None:
            if _on(rpr.find(f"{w}vanish"), w):
                return  # hidden text, which Word neither shows nor prints
            style = rpr.find(f"{w}rStyle")
            if style is not None and self.reader.styles.bold(style.get(f"{w}val")):
                bold = True
            explicit = _bold(rpr, w)
            if explicit is not None:
                bold = explicit
        for child in r:
            tag = child.tag
            if tag == f"{w}t":
                text = child.text or ""
                self.parts.append(text)
                chars = len(text) - text.count(" ")
                if bold:
                    self.bold_chars += chars
                else:
                    self.plain_chars += chars
            elif tag in (f"{w}tab", f"{w}ptab"):
                self.parts.append("\t")
            elif tag == f"{w}br":
                if child.get(f"{w}type") == "page":
                    self.page_breaks += 1
                    self.parts.append("\n")
                else:
                    self.parts.append("\n")
            elif tag == f"{w}cr":
                self.parts.append("\n")
            elif tag == f"{w}noBreakHyphen":
                self.parts.append("-")
            elif tag in (f"{w}drawing", f"{w}pict", f"{{{_MC}}}AlternateContent"):
                self.reader.text_boxes.extend(_text_boxes(child, w))


def _text_boxes(element: etree._Element, w: str) -> list[etree._Element]:
    """Return the text-box contents in a drawing, skipping VML fallbacks that duplicate them."""
    boxes = []
    for box in element.iter(f"{w}txbxContent"):
        if not any(a.tag == f"{{{_MC}}}Fallback" for a in box.iterancestors()):
            boxes.append(box)
    return boxes


def _ancestor_table(element: etree._Element, w: str) -> etree._Element | None:
    return next(element.iterancestors(f"{w}tbl"), None)


def _ancestor_row(element: etree._Element, w: str) -> etree._Element | None:
    return next(element.iterancestors(f"{w}tr"), None)


def _num_pr(ppr: etree._Element, w: str) -> tuple[str | None, int | None]:
    num_pr = ppr.find(f"{w}numPr")
    if num_pr is None:
        return None, None
    num = num_pr.find(f"{w}numId")
    lvl = num_pr.find(f"{w}ilvl")
    return (
        num.get(f"{w}val") if num is not None else None,
        _int(lvl.get(f"{w}val")) if lvl is not None else None,
    )


def _bold(rpr: etree._Element, w: str) -> bool | None:
    element = rpr.find(f"{w}b")
    if element is None:
        return None
    return _on(element, w)


def _on(element: etree._Element | None, w: str) -> bool:
    if element is None:
        return False
    value = element.get(f"{w}val")
    return value is None or value.lower() in _TRUE


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    value = value.strip()
    return int(value) if value.lstrip("-").isdigit() and len(value) < 8 else None


def _format_number(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter") and value > 0:
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and 0 < value < 4000:
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _roman(value: int) -> str:
    result = []
    for number, letters in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        count, value = divmod(value, number)
        result.append(letters * count)
    return "".join(result)
