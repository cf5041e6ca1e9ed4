"""Hostile files through the real `samverka parse` command: one line or valid JSON, never a hang.

The 10-second bound is the issue's correctness bound for every hostile sample,
asserted as a generous hang guard, not as a benchmark.
"""

from __future__ import annotations

import io
import json
import os
import random
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import docx
import fpdf
import pytest

SAMVERKA = Path(sys.executable).with_name("samverka")
HANG_GUARD_SECONDS = 10.0

MINUTES = (
    "Minnesanteckningar Socialchefsnätverket 2021-03-04\n"
    "Närvarande: Åsa Öberg, Ängelholm; Anna Andersson, Höganäs\n"
    "1. Ekonomi\nBeslut: att godkänna rapporten.\n"
)
CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Target="word/document.xml" Type="http://schemas.openxmlformats.org'
    b'/officeDocument/2006/relationships/officeDocument"/></Relationships>'
)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@dataclass
class Outcome:
    returncode: int
    stdout: str
    stderr: str
    seconds: float


def run_parse(path: Path) -> Outcome:
    start = time.monotonic()
    completed = subprocess.run(
        [str(SAMVERKA), "parse", str(path)],
        capture_output=True,
        text=True,
        timeout=HANG_GUARD_SECONDS * 3,
        check=False,
    )
    return Outcome(
        completed.returncode, completed.stdout, completed.stderr, time.monotonic() - start
    )


def assert_refused(path: Path, message: str) -> None:
    outcome = run_parse(path)
    assert outcome.seconds < HANG_GUARD_SECONDS
    assert outcome.returncode == 2, outcome
    assert "Traceback" not in outcome.stderr
    assert outcome.stderr.count("\n") == 1, outcome.stderr
    assert message in outcome.stderr
    assert outcome.stdout == ""


def assert_parsed(path: Path, warning: str | None = None) -> dict:
    outcome = run_parse(path)
    assert outcome.seconds < HANG_GUARD_SECONDS
    assert outcome.returncode == 0, outcome
    assert outcome.stderr == ""
    result = json.loads(outcome.stdout)
    assert result["format"] == "samverka.minutes/1"
    if warning is not None:
        assert any(warning in w for w in result["warnings"]), result["warnings"]
    return result


def docx_bytes(text: str = MINUTES) -> bytes:
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_with_document_xml(path: Path, document_xml: bytes) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("word/document.xml", document_xml)
    return path


def zip_bomb(path: Path, inflated: int, declared: int | None = None) -> Path:
    """Write a .docx whose document.xml inflates to `inflated` zero bytes.

    The deflate stream is one fully flushed 1 MiB block repeated, so building a
    1 GiB bomb takes milliseconds; `declared` lets the header lie about the size.
    """
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(b"\0" * 2**20) + compressor.flush(zlib.Z_FULL_FLUSH)
    stream = block * (inflated // 2**20) + b"\x03\x00"
    members = [
        ("[Content_Types].xml", CONTENT_TYPES, 0, len(CONTENT_TYPES), zlib.crc32(CONTENT_TYPES)),
        ("_rels/.rels", RELS, 0, len(RELS), zlib.crc32(RELS)),
        ("word/document.xml", stream, 8, inflated if declared is None else declared, 0),
    ]
    out = bytearray()
    directory = bytearray()
    for name, data, method, size, crc in members:
        encoded = name.encode()
        offset = len(out)
        out += struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0, crc, len(data), size, len(encoded), 0
        )
        out += encoded + data
        directory += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50, 20, 20, 0, method, 0, 0, crc, len(data), size,
            len(encoded), 0, 0, 0, 0, 0, offset,
        )  # fmt: skip
        directory += encoded
    end = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(directory), len(out), 0
    )
    path.write_bytes(bytes(out + directory + end))
    return path


def test_it_refuses_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "tom.txt"
    path.write_bytes(b"")
    assert_refused(path, "tom")


def test_it_refuses_binary_garbage(tmp_path: Path) -> None:
    path = tmp_path / "skräp.txt"
    path.write_bytes(b"\x00\x01" + random.Random(3).randbytes(200_000))
    assert_refused(path, "okänt filformat")


def test_it_refuses_an_unknown_binary_with_an_unknown_extension(tmp_path: Path) -> None:
    path = tmp_path / "bild.xyz"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + random.Random(4).randbytes(1000))
    assert_refused(path, "okänt filformat")


def test_it_reads_text_with_an_unknown_extension_by_its_content(tmp_path: Path) -> None:
    path = tmp_path / "protokoll.xyz"
    path.write_text(MINUTES, encoding="utf-8")
    result = assert_parsed(path)
    assert result["source"]["media_type"] == "text/plain"


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_it_reads_html_renamed_as_another_type_as_html(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"sida{suffix}"
    path.write_text(f"<!DOCTYPE html><html><body><h1>Minnesanteckningar</h1><p>{MINUTES}</p>")
    result = assert_parsed(path)
    assert result["source"]["media_type"] == "text/html"


def test_it_refuses_a_password_protected_pdf(tmp_path: Path) -> None:
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "Hemliga minnesanteckningar")
    pdf.set_encryption(owner_password="ägare", user_password="läsare")
    path = tmp_path / "krypterad.pdf"
    pdf.output(str(path))
    assert_refused(path, "lösenordsskyddad")


def test_it_warns_about_a_pdf_without_text(tmp_path: Path) -> None:
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 50, style="F")
    path = tmp_path / "inskannad.pdf"
    pdf.output(str(path))
    assert_parsed(path, warning="saknar textlager")


def test_it_refuses_a_truncated_pdf(tmp_path: Path) -> None:
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "Minnesanteckningar")
    data = bytes(pdf.output())
    path = tmp_path / "avkortad.pdf"
    path.write_bytes(data[: len(data) // 3])
    outcome = run_parse(path)
    # pdfium repairs what it can; either it reads something or it refuses in one line.
    assert outcome.seconds < HANG_GUARD_SECONDS
    assert "Traceback" not in outcome.stderr
    assert outcome.returncode in (0, 2)
    assert outcome.stderr.count("\n") == (1 if outcome.returncode else 0)


def test_it_refuses_a_truncated_docx(tmp_path: Path) -> None:
    data = docx_bytes()
    path = tmp_path / "avkortad.docx"
    path.write_bytes(data[: len(data) // 2])
    assert_refused(path, "zip-fil")


def test_it_refuses_a_docx_zip_bomb_before_inflating_it(tmp_path: Path) -> None:
    path = zip_bomb(tmp_path / "bomb.docx", inflated=2**30)
    outcome = run_parse(path)
    assert_refused(path, "zip-bomb")
    assert outcome.seconds < HANG_GUARD_SECONDS


def test_it_refuses_a_zip_bomb_that_lies_about_its_size(tmp_path: Path) -> None:
    path = zip_bomb(tmp_path / "lögnare.docx", inflated=256 * 2**20, declared=4000)
    assert_refused(path, "zip")


def test_it_refuses_a_zip_with_too_many_entries(tmp_path: Path) -> None:
    path = tmp_path / "många.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        for n in range(5000):
            archive.writestr(f"word/media/{n}.bin", b"")
    assert_refused(path, "för många delar")


def test_it_does_not_resolve_an_external_entity(tmp_path: Path) -> None:
    secret = tmp_path / "hemlig.txt"
    secret.write_text("LÖSENORD=hunter2")
    document = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    ).encode()
    path = docx_with_document_xml(tmp_path / "xxe.docx", document)
    outcome = run_parse(path)
    assert "hunter2" not in outcome.stdout + outcome.stderr
    assert_refused(path, "DOCTYPE")


def test_it_does_not_expand_a_billion_laughs(tmp_path: Path) -> None:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10 if n > 1 else "&lol;" * 10}">'
        for n in range(1, 10)
    )
    document = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    ).encode()
    assert_refused(docx_with_document_xml(tmp_path / "lol.docx", document), "DOCTYPE")


def test_it_does_not_find_a_doctype_hidden_behind_another_encoding(tmp_path: Path) -> None:
    document = (
        f'<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE w:document [<!ENTITY x "y">]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    ).encode("utf-16")
    assert_refused(docx_with_document_xml(tmp_path / "utf16.docx", document), "XML")


def test_it_refuses_deeply_nested_xml(tmp_path: Path) -> None:
    nested = "<w:sdt><w:sdtContent>" * 3000 + "</w:sdtContent></w:sdt>" * 3000
    document = f'<w:document xmlns:w="{W}"><w:body>{nested}</w:body></w:document>'.encode()
    assert_refused(docx_with_document_xml(tmp_path / "djup.docx", document), "XML")


def test_it_refuses_a_docx_with_too_many_elements(tmp_path: Path) -> None:
    paragraphs = "".join(f'<w:p w:rsidR="{n:08X}"/>' for n in range(250_000))
    document = f'<w:document xmlns:w="{W}"><w:body>{paragraphs}</w:body></w:document>'.encode()
    assert_refused(docx_with_document_xml(tmp_path / "många.docx", document), "för många element")


def test_it_reads_deeply_nested_html_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "djup.html"
    path.write_text("<html><body>" + "<div>" * 100_000 + MINUTES + "</div>" * 100_000)
    assert_parsed(path, warning="för djupt nästlad")


def test_it_refuses_html_with_too_many_elements(tmp_path: Path) -> None:
    path = tmp_path / "stor.html"
    path.write_text("<html><body>" + "<p>Beslut</p>" * 500_000)
    assert_refused(path, "för många element")


def test_it_reads_html_that_is_quadratic_for_python_html_parser(tmp_path: Path) -> None:
    path = tmp_path / "kommentarer.html"
    path.write_text(f"<html><body><p>{MINUTES}</p>" + "<!--" * 1_000_000)
    assert_parsed(path)


def test_it_refuses_fifty_megabytes_of_text(tmp_path: Path) -> None:
    path = tmp_path / "stor.txt"
    path.write_bytes((MINUTES.encode() * (50_000_000 // len(MINUTES.encode()) + 1))[:50_000_000])
    assert_refused(path, "för lång")


def test_it_refuses_a_file_over_the_size_cap_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "jättestor.pdf"
    with path.open("wb") as handle:
        handle.truncate(60 * 2**20)
    assert_refused(path, "för stor")


def test_it_refuses_an_eight_megabyte_line(tmp_path: Path) -> None:
    path = tmp_path / "rad.txt"
    path.write_bytes(b"Beslut: att " + b"a" * 8 * 2**20)
    assert_refused(path, "för lång")


def test_it_parses_a_long_line_under_the_cap(tmp_path: Path) -> None:
    path = tmp_path / "lång rad.txt"
    path.write_text("Beslut: att " + "Höganäs kl. 9.30-11 § 3, " * 40_000, encoding="utf-8")
    assert_parsed(path)


def test_it_drops_nul_bytes_in_text_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(MINUTES.encode().replace(b"\n", b"\n\x00"))
    result = assert_parsed(path, warning="NUL")
    assert "\x00" not in json.dumps(result)


def test_it_refuses_a_file_of_nul_bytes(tmp_path: Path) -> None:
    path = tmp_path / "nollor.txt"
    path.write_bytes(b"\x00" * 1_000_000)
    assert_refused(path, "okänt filformat")


def test_it_refuses_an_old_word_document(tmp_path: Path) -> None:
    path = tmp_path / "gammal.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000))
    assert_refused(path, ".doc")


def test_it_refuses_a_zip_that_is_not_a_document(tmp_path: Path) -> None:
    path = tmp_path / "arkiv.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hej")
    assert_refused(path, "varken är .docx eller .odt")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_it_refuses_a_named_pipe_without_waiting_for_a_writer(tmp_path: Path) -> None:
    path = tmp_path / "rör.txt"
    os.mkfifo(path)
    assert_refused(path, "inte en vanlig fil")


def test_it_refuses_a_directory(tmp_path: Path) -> None:
    assert_refused(tmp_path, "kan inte öppnas")


def test_a_reader_that_stops_reading_gets_no_traceback(tmp_path: Path) -> None:
    """`samverka parse *.txt | head -1`: the pipe closes while minutes are still printed."""
    path = tmp_path / "a.txt"
    path.write_text("Minnesanteckningar 2024-03-05\n\n1. Inledning\nVälkomna.\n" * 50)
    reader = subprocess.Popen(
        [str(SAMVERKA), "parse", "--format", "text", *[str(path)] * 200],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert reader.stdout is not None and reader.stderr is not None
    reader.stdout.readline()
    reader.stdout.close()
    stderr = reader.stderr.read().decode()
    assert reader.wait(timeout=HANG_GUARD_SECONDS * 3) == 1
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr
