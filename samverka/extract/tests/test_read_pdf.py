"""PDF made in the test with fpdf2: running header, page marks, hyphenation, no text layer."""

from __future__ import annotations

from pathlib import Path

import fpdf
import pytest

from samverka.extract.read import ReadError, read_bytes
from samverka.extract.readers import limits
from samverka.extract.readers import pdf as pdf_reader

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
HEADER = "Familjen Helsingborg – Socialchefsnätverket"


class _Minutes(fpdf.FPDF):
    def __init__(self, mark: str) -> None:
        super().__init__()
        self.mark = mark
        if FONT.exists():
            self.add_font("body", "", str(FONT))
            self.family = "body"
        else:
            self.family = "helvetica"

    def header(self) -> None:
        self.set_font(self.family, size=10)
        self.cell(0, 8, HEADER, new_x="LMARGIN", new_y="NEXT")

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font(self.family, size=10)
        self.cell(0, 8, self.mark.format(page=self.page_no(), pages="{nb}"), align="R")


def minutes_pdf(mark: str = "{page}({pages})") -> bytes:
    pdf = _Minutes(mark)
    pdf.add_page()
    pdf.set_font(pdf.family, size=12)
    pdf.multi_cell(
        0,
        8,
        "Minnesanteckningar 2021-03-04\n"
        "Vi diskuterade social-\nförvaltningens arbete, barn-\noch ungdomsfrågor.\n"
        "IFO-\nchefer och Anna Bengtsson-\nHöganäs deltog.",
    )
    pdf.add_page()
    pdf.set_font(pdf.family, size=12)
    pdf.multi_cell(0, 8, "Beslut: att godkänna rapporten.\nNästa möte 2021-05-06.")
    return bytes(pdf.output())


@pytest.mark.skipif(not FONT.exists(), reason="needs DejaVu Sans for å, ä, ö")
def test_it_reads_text_without_running_header_page_marks_or_hyphenation() -> None:
    source = read_bytes(minutes_pdf(), "protokoll.pdf")
    assert source.media_type == "application/pdf"
    assert source.warnings == []
    assert source.text == (
        f"{HEADER}\n"
        "Minnesanteckningar 2021-03-04\n"
        "Vi diskuterade socialförvaltningens arbete, barn- och ungdomsfrågor.\n"
        "IFO-chefer och Anna Bengtsson-Höganäs deltog.\n"
        "Beslut: att godkänna rapporten.\n"
        "Nästa möte 2021-05-06.\n"
    )
    breaks = [h.span for h in source.hints if h.kind == "page_break"]
    assert len(breaks) == 1
    assert source.text[breaks[0][0] :].startswith("Beslut")


@pytest.mark.parametrize(
    "mark", ["Sida {page} av {pages}", "{page}/{pages}", "- {page} -", "{page}"]
)
def test_it_drops_page_marks_in_any_common_form(mark: str) -> None:
    text = read_bytes(minutes_pdf(mark), "protokoll.pdf").text
    assert "Sida" not in text
    assert not any(line.strip("-/ ").isdigit() for line in text.splitlines())


def test_it_strips_a_page_mark_that_ends_a_header_line_but_keeps_dates() -> None:
    pdf = fpdf.FPDF()
    pdf.set_font("helvetica", size=12)
    for page in (1, 2):
        pdf.add_page()
        pdf.cell(0, 10, f"Socialchefsnätverket   Sida {page} av 2", new_x="LMARGIN", new_y="NEXT")
        pdf.cell(0, 10, f"Punkt {page}", new_x="LMARGIN", new_y="NEXT")
        pdf.cell(0, 10, f"Nästa möte {page + 3}/5", new_x="LMARGIN", new_y="NEXT")
    text = read_bytes(bytes(pdf.output()), "protokoll.pdf").text
    assert text == "Socialchefsnätverket\nPunkt 1\nNästa möte 4/5\nPunkt 2\nNästa möte 5/5\n"


def test_it_warns_when_a_pdf_has_no_text_layer() -> None:
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 100, 100, style="F")
    source = read_bytes(bytes(pdf.output()), "inskannad.pdf")
    assert source.text == ""
    assert any("saknar textlager" in w for w in source.warnings)


def test_it_refuses_a_password_protected_pdf() -> None:
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "Hemligt")
    pdf.set_encryption(owner_password="a", user_password="b")
    with pytest.raises(ReadError, match="lösenordsskyddad"):
        read_bytes(bytes(pdf.output()), "krypterad.pdf")


def test_it_reads_a_pdf_that_only_restricts_editing() -> None:
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "Beslut: att godkänna")
    pdf.set_encryption(owner_password="a")
    assert "Beslut" in read_bytes(bytes(pdf.output()), "skyddad.pdf").text


def test_it_stops_pdfium_that_runs_too_long(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_reader, "PDF_TIMEOUT_SECONDS", 0.001)
    with pytest.raises(ReadError, match="för lång tid"):
        read_bytes(minutes_pdf(), "protokoll.pdf")


def test_it_stops_pdfium_that_needs_too_much_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_reader, "PDF_MEMORY_BYTES", 20 * 2**20)
    with pytest.raises(ReadError, match="kunde inte läsas"):
        read_bytes(minutes_pdf(), "protokoll.pdf")


def test_it_refuses_a_pdf_with_more_pages_than_the_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_reader, "MAX_PDF_PAGES", 1)
    with pytest.raises(ReadError, match="för många sidor"):
        read_bytes(minutes_pdf(), "protokoll.pdf")


def test_its_limits_are_module_constants() -> None:
    assert limits.MAX_INPUT_BYTES == 50 * 2**20
    assert limits.PDF_TIMEOUT_SECONDS < 10
