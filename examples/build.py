"""Build the .docx, .pdf and .html example minutes from their text sources.

Run `.venv/bin/python examples/build.py` from the repository root. The sources
are in `examples/src/`, one line per paragraph, in a small markup:

    # text            title (Heading 1; <h1>)
    ## text           item heading (Heading 2; <h2>)
    **text**          bold paragraph
    1. text           numbered list item (Word "List Number"; <ol>)
    - text            bulleted list item (Word "List Bullet"; <ul>)
    | a | b |         table row, the first row of a table is its header
    ---               page break (PDF only)
    @header: text     running page header (PDF only)
    anything else     a plain paragraph

The output is byte-for-byte reproducible: the document dates and the ZIP entry
times are fixed, so rebuilding changes nothing unless a source changed.
"""

from __future__ import annotations

import argparse
import html
import io
import re
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import docx
from docx.enum.text import WD_BREAK
from docx.shared import Pt
from fpdf import FPDF

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "src"
OUTPUT = HERE / "ifo-chefsnatverket-sjuharad"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FIXED = datetime(2025, 1, 1, 8, 0, tzinfo=UTC)


@dataclass
class Block:
    kind: str  # title, heading, bold, para, numbered, bullet, table, page_break
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Source:
    blocks: list[Block]
    header: str | None = None


def parse_source(text: str) -> Source:
    """Return the blocks of one source file."""
    source = Source(blocks=[])
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("@header:"):
            source.header = line.removeprefix("@header:").strip()
        elif line == "---":
            source.blocks.append(Block("page_break"))
        elif line.startswith("## "):
            source.blocks.append(Block("heading", line[3:]))
        elif line.startswith("# "):
            source.blocks.append(Block("title", line[2:]))
        elif line.startswith("**") and line.endswith("**"):
            source.blocks.append(Block("bold", line[2:-2]))
        elif line.startswith("- "):
            source.blocks.append(Block("bullet", line[2:]))
        elif match := re.match(r"\d+\.\s+(?=\D)", line):
            source.blocks.append(Block("numbered", line[match.end() :]))
        elif line.startswith("|"):
            cells = [cell.strip() for cell in line.strip("|").split("|")]
            last = source.blocks[-1] if source.blocks else None
            if last is not None and last.kind == "table":
                last.rows.append(cells)
            else:
                source.blocks.append(Block("table", rows=[cells]))
        else:
            source.blocks.append(Block("para", line))
    return source


def build_docx(source: Source) -> bytes:
    """Return a Word document with real heading styles, list styles and tables."""
    document = docx.Document()
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(11)
    for block in source.blocks:
        if block.kind == "title":
            document.add_heading(block.text, level=1)
        elif block.kind == "heading":
            document.add_heading(block.text, level=2)
        elif block.kind == "bold":
            document.add_paragraph().add_run(block.text).bold = True
        elif block.kind == "numbered":
            document.add_paragraph(block.text, style="List Number")
        elif block.kind == "bullet":
            document.add_paragraph(block.text, style="List Bullet")
        elif block.kind == "table":
            table = document.add_table(rows=0, cols=len(block.rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(block.rows):
                cells = table.add_row().cells
                for cell, value in zip(cells, row, strict=True):
                    cell.text = value
                    if r == 0:
                        cell.paragraphs[0].runs[0].bold = True
        elif block.kind == "page_break":
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        else:
            document.add_paragraph(block.text)
    props = document.core_properties
    props.author = "Elin Wahlgren"
    props.last_modified_by = "Elin Wahlgren"
    props.title = ""
    props.created = FIXED.replace(tzinfo=None)
    props.modified = FIXED.replace(tzinfo=None)
    props.last_printed = FIXED.replace(tzinfo=None)
    props.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip_times(buffer.getvalue())


def _fixed_zip_times(data: bytes) -> bytes:
    """Return the ZIP archive with every entry dated `FIXED`, so that builds are identical."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as old,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new,
    ):
        for info in old.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            new.writestr(entry, old.read(info.filename))
    return out.getvalue()


class MinutesPDF(FPDF):
    """A4 pages with a running header and a "1(2)" page mark, as exported from Word."""

    def __init__(self, running_header: str, date: str) -> None:
        super().__init__(format="A4")
        self.running_header = running_header
        self.date = date
        self.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.set_margins(25, 20, 25)
        self.set_auto_page_break(auto=True, margin=20)

    def header(self) -> None:
        self.set_font("DejaVu", "", 9)
        self.cell(0, 5, self.running_header, new_x="LEFT", new_y="TOP")
        self.cell(0, 5, f"{self.page_no()}({{nb}})", align="R", new_x="LMARGIN", new_y="NEXT")
        self.cell(0, 5, f"Minnesanteckningar {self.date}", new_x="LMARGIN", new_y="NEXT")
        self.ln(8)


def build_pdf(source: Source, date: str) -> bytes:
    """Return a two-page PDF set in DejaVu Sans."""
    pdf = MinutesPDF(source.header or "", date)
    pdf.set_creation_date(FIXED)
    pdf.set_creator("Microsoft® Word för Microsoft 365")
    pdf.set_producer("Microsoft® Word för Microsoft 365")
    pdf.set_author("Elin Wahlgren")
    pdf.add_page()
    for block in source.blocks:
        if block.kind == "page_break":
            pdf.add_page()
        elif block.kind == "title":
            pdf.set_font("DejaVu", "B", 16)
            pdf.multi_cell(0, 9, block.text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif block.kind in ("heading", "bold"):
            pdf.ln(3)
            pdf.set_font("DejaVu", "B", 12)
            pdf.multi_cell(0, 7, block.text, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("DejaVu", "", 11)
            pdf.multi_cell(0, 6, block.text, new_x="LMARGIN", new_y="NEXT")
    data = bytes(pdf.output())
    return data


HTML_PAGE = """<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<title>{title} - Marks kommun</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/static/css/main.css">
</head>
<body>
<a class="skip" href="#main">Hoppa till innehållet</a>
<header class="site-header">
  <a href="/" class="logo">Marks kommun</a>
  <nav aria-label="Huvudmeny">
    <ul>
      <li><a href="/omsorg-och-stod">Omsorg och stöd</a></li>
      <li><a href="/kommun-och-politik">Kommun och politik</a></li>
      <li><a href="/kontakt">Kontakta oss</a></li>
    </ul>
  </nav>
</header>
<nav class="breadcrumbs" aria-label="Du är här">
  <a href="/">Startsida</a> &gt; <a href="/omsorg-och-stod">Omsorg och stöd</a> &gt;
  <a href="/omsorg-och-stod/samverkan">Samverkan i Sjuhärad</a> &gt; Minnesanteckningar
</nav>
<main id="main">
<article class="page-content">
{body}
</article>
</main>
<footer class="site-footer">
  <p>Sidan uppdaterades 2025-09-26 av Socialförvaltningen.</p>
  <p>Marks kommun, 511 80 Kinna. Telefon 0320-21 70 00.</p>
  <p><a href="/om-webbplatsen/kakor">Om kakor</a> |
  <a href="/tillganglighet">Tillgänglighetsredogörelse</a></p>
</footer>
</body>
</html>
"""


def build_html(source: Source) -> bytes:
    """Return the minutes as a page of a municipality's web site."""
    parts: list[str] = []
    open_list: str | None = None
    title = ""
    for block in source.blocks:
        tag = {"numbered": "ol", "bullet": "ul"}.get(block.kind)
        if open_list and tag != open_list:
            parts.append(f"</{open_list}>")
            open_list = None
        if tag and not open_list:
            parts.append(f"<{tag}>")
            open_list = tag
        text = html.escape(block.text, quote=False)
        if block.kind == "title":
            title = block.text
            parts.append(f"<h1>{text}</h1>")
        elif block.kind == "heading":
            parts.append(f"<h2>{text}</h2>")
        elif block.kind == "bold":
            parts.append(f"<p><strong>{text}</strong></p>")
        elif tag:
            parts.append(f"  <li>{text}</li>")
        elif block.kind == "para":
            label, sep, rest = block.text.partition(": ")
            if sep and len(label) < 20:
                text = f"<strong>{html.escape(label)}:</strong> {html.escape(rest, quote=False)}"
            parts.append(f"<p>{text}</p>")
    if open_list:
        parts.append(f"</{open_list}>")
    page = HTML_PAGE.format(title=html.escape(title), body="\n".join(parts))
    return page.encode("utf-8")


def date_of(stem: str) -> str:
    """Return the meeting date that starts an example's file name."""
    return stem[:10]


BUILDERS: dict[str, tuple[str, Callable[[Source, str], bytes]]] = {
    "2025-03-28-minnesanteckningar": ("docx", lambda source, date: build_docx(source)),
    "2025-05-23-minnesanteckningar": ("docx", lambda source, date: build_docx(source)),
    "2025-06-13-minnesanteckningar": ("pdf", build_pdf),
    "2025-09-19-minnesanteckningar": ("html", lambda source, date: build_html(source)),
}


def build_all(output: Path = OUTPUT) -> list[Path]:
    """Write every generated example into `output`; return the paths written."""
    written = []
    for stem, (suffix, build) in BUILDERS.items():
        source = parse_source((SOURCES / f"{stem}.txt").read_text(encoding="utf-8"))
        target = output / f"{stem}.{suffix}"
        target.write_bytes(build(source, date_of(stem)))
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the .docx, .pdf and .html examples.")
    parser.add_argument(
        "--out", type=Path, default=OUTPUT, help=f"directory to write to (default {OUTPUT})"
    )
    options = parser.parse_args(argv)
    for path in build_all(options.out):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
