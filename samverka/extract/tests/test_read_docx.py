"""Word .docx and OpenDocument .odt, made in the test."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.enum.text import WD_BREAK

from samverka.extract.model import SourceText
from samverka.extract.read import read_bytes

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def hints(source: SourceText) -> list[tuple[str, str, int]]:
    return [(h.kind, source.text[h.span[0] : h.span[1]], h.level) for h in source.hints]


def minutes_docx() -> bytes:
    document = docx.Document()
    document.add_heading("Minnesanteckningar Socialchefsnätverket", 0)
    document.add_paragraph("Datum: 2021-03-04, kl. 9.30–11")
    document.add_heading("Närvarande", 1)
    table = document.add_table(rows=3, cols=2)
    for row, (name, town) in zip(
        table.rows,
        [("Namn", "Kommun"), ("Åsa Öberg", "Ängelholm"), ("Anna Andersson", "")],
        strict=True,
    ):
        row.cells[0].text, row.cells[1].text = name, town
    document.add_heading("Ärenden", 1)
    document.add_paragraph("Ekonomi", style="List Number")
    document.add_paragraph("Beslut: att godkänna rapporten.")
    document.add_paragraph("Övrigt", style="List Number")
    document.add_paragraph("Nätverket", style="List Bullet")
    bold = document.add_paragraph()
    bold.add_run("Nästa möte").bold = True
    bold.add_run(" ").bold = True
    mixed = document.add_paragraph()
    mixed.add_run("Vid tangenterna: ").bold = True
    mixed.add_run("Åsa Öberg")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph("Bilaga 1")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_it_reads_paragraphs_and_tables_in_body_order() -> None:
    source = read_bytes(minutes_docx(), "protokoll.docx")
    assert source.media_type == DOCX
    assert source.text == (
        "Minnesanteckningar Socialchefsnätverket\n"
        "Datum: 2021-03-04, kl. 9.30–11\n"
        "Närvarande\n"
        "Namn | Kommun\n"
        "Åsa Öberg | Ängelholm\n"
        "Anna Andersson |\n"
        "Ärenden\n"
        "1. Ekonomi\n"
        "Beslut: att godkänna rapporten.\n"
        "2. Övrigt\n"
        "• Nätverket\n"
        "Nästa möte\n"
        "Vid tangenterna: Åsa Öberg\n"
        "\n"
        "Bilaga 1\n"
    )


def test_it_gives_headings_bold_paragraphs_list_items_and_rows_as_hints() -> None:
    source = read_bytes(minutes_docx(), "protokoll.docx")
    found = hints(source)
    assert ("heading", "Minnesanteckningar Socialchefsnätverket", 0) in found
    assert ("heading", "Närvarande", 1) in found
    assert ("table_row", "Åsa Öberg | Ängelholm", 0) in found
    assert ("list_item", "2. Övrigt", 0) in found
    assert ("list_item", "• Nätverket", 0) in found
    assert ("bold", "Nästa möte", 0) in found
    assert not any(text.startswith("Vid tangenterna") for _, text, _ in found)
    assert [h.kind for h in source.hints].count("page_break") == 1


def test_it_keeps_hint_spans_inside_the_text() -> None:
    source = read_bytes(minutes_docx(), "protokoll.docx")
    assert all(0 <= h.span[0] <= h.span[1] <= len(source.text) for h in source.hints)


def test_it_reads_the_docx_whatever_it_is_called() -> None:
    assert read_bytes(minutes_docx(), "protokoll.txt").media_type == DOCX


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_from_body(body: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "word/document.xml", f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
        )
    return buffer.getvalue()


def test_it_skips_deleted_text_and_field_codes_and_keeps_inserted_text() -> None:
    body = (
        "<w:p><w:r><w:t>Beslut: att </w:t></w:r>"
        "<w:del><w:r><w:delText>inte </w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>godkänna</w:t></w:r></w:ins>"
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:hyperlink><w:r><w:t xml:space="preserve"> länk</w:t></w:r></w:hyperlink></w:p>'
    )
    assert read_bytes(docx_from_body(body), "a.docx").text == "Beslut: att godkänna länk\n"


def test_it_skips_hidden_text() -> None:
    body = (
        "<w:p><w:r><w:t>Synlig</w:t></w:r>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t> dold</w:t></w:r></w:p>"
    )
    assert read_bytes(docx_from_body(body), "a.docx").text == "Synlig\n"


def test_it_reads_content_controls_and_text_boxes() -> None:
    body = (
        "<w:sdt><w:sdtContent><w:p><w:r><w:t>I kontroll</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        "<w:p><w:r><w:t>Före</w:t></w:r><w:r><w:pict><w:txbxContent>"
        "<w:p><w:r><w:t>I ruta</w:t></w:r></w:p></w:txbxContent></w:pict></w:r></w:p>"
    )
    assert read_bytes(docx_from_body(body), "a.docx").text == "I kontroll\nFöre\nI ruta\n"


def odt_bytes() -> bytes:
    text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    fo = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
    content = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="{office}" xmlns:text="{text}" xmlns:style="{style}"
  xmlns:table="{table}" xmlns:fo="{fo}">
<office:automatic-styles>
  <style:style style:name="B" style:family="text">
    <style:text-properties fo:font-weight="bold"/></style:style>
  <text:list-style style:name="L1">
    <text:list-level-style-number text:level="1" style:num-format="1"/></text:list-style>
</office:automatic-styles>
<office:body><office:text>
  <text:h text:outline-level="1">Minnesanteckningar</text:h>
  <text:p>Plats:<text:s text:c="2"/>Höganäs<text:tab/>kl. 9</text:p>
  <text:p><text:span text:style-name="B">Närvarande:</text:span></text:p>
  <text:list text:style-name="L1"><text:list-item><text:p>Ekonomi</text:p></text:list-item>
    <text:list-item><text:p>Övrigt</text:p></text:list-item></text:list>
  <table:table><table:table-row><table:table-cell><text:p>Åsa</text:p></table:table-cell>
    <table:table-cell><text:p>Bjuv</text:p></table:table-cell></table:table-row></table:table>
</office:text></office:body></office:document-content>"""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    return buffer.getvalue()


def test_it_reads_an_odt() -> None:
    source = read_bytes(odt_bytes(), "protokoll.odt")
    assert source.media_type == "application/vnd.oasis.opendocument.text"
    assert source.text == (
        "Minnesanteckningar\nPlats:  Höganäs\tkl. 9\nNärvarande:\n"
        "1. Ekonomi\n2. Övrigt\nÅsa | Bjuv\n"
    )
    found = hints(source)
    assert ("heading", "Minnesanteckningar", 1) in found
    assert ("bold", "Närvarande:", 0) in found
    assert ("list_item", "2. Övrigt", 0) in found
    assert ("table_row", "Åsa | Bjuv", 0) in found
