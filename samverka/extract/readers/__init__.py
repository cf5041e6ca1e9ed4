"""Turn a file from outside into `SourceText`: decoded text plus layout hints.

The format is decided by the content (magic bytes, zip members), never by the
file name; the name only tells Markdown from plain text. Every failure is a
`ReadError` with a one-line message. Limits are in `limits`, heuristics in
`notes/read.md`.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from samverka.extract.model import Hint, SourceText
from samverka.extract.readers.errors import ReadError
from samverka.extract.readers.limits import MAX_INPUT_BYTES, MAX_TEXT_CHARS
from samverka.extract.readers.plain import read_text
from samverka.extract.readers.sniff import looks_like_html
from samverka.extract.readers.textutil import check_length, decode

__all__ = ["MAX_INPUT_BYTES", "MAX_TEXT_CHARS", "ReadError", "read_bytes", "read_file"]

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
PDF = "application/pdf"
HTML = "text/html"
PLAIN = "text/plain"
MARKDOWN = "text/markdown"

_BINARY_MAGIC = [
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "gammalt Word-format (.doc) eller lösenordsskyddat dokument",
    ),
    (b"{\\rtf", "RTF – spara som .docx eller PDF"),
    (b"\x89PNG", "PNG-bild"),
    (b"\xff\xd8\xff", "JPEG-bild"),
    (b"GIF8", "GIF-bild"),
    (b"II*\x00", "TIFF-bild"),
    (b"MM\x00*", "TIFF-bild"),
    (b"\x1f\x8b", "gzip-arkiv"),
    (b"7z\xbc\xaf\x27\x1c", "7z-arkiv"),
    (b"Rar!", "RAR-arkiv"),
    (b"\x7fELF", "program (ELF)"),
    (b"MZ", "program (Windows)"),
    (b"%!PS", "PostScript"),
]
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_MARKDOWN_SUFFIXES = {".md", ".markdown"}


def read_file(path: Path) -> SourceText:
    """Read one file from disk; refuse anything but a regular file under the size cap."""
    # Non-blocking, so that opening a named pipe returns at once instead of
    # waiting for a writer; it changes nothing for a regular file.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        with os.fdopen(os.open(path, flags), "rb") as handle:
            status = os.fstat(handle.fileno())
            if not stat.S_ISREG(status.st_mode):
                raise ReadError("inte en vanlig fil")
            if status.st_size > MAX_INPUT_BYTES:
                raise ReadError(_too_big())
            data = handle.read(MAX_INPUT_BYTES + 1)
    except OSError as error:
        raise ReadError(f"kan inte öppnas: {error.strerror or error}") from None
    return read_bytes(data, path.name)


def read_bytes(data: bytes, name: str) -> SourceText:
    """Read one document held in memory; `name` is kept for display and the Markdown test."""
    if len(data) > MAX_INPUT_BYTES:
        raise ReadError(_too_big())
    if not data:
        raise ReadError("filen är tom (0 byte)")
    try:
        media_type, text, hints, warnings = _read(data, name)
    except RecursionError:
        raise ReadError("dokumentet är för djupt nästlat") from None
    check_length(text)
    if not text.strip() and not warnings:
        warnings.append("dokumentet innehåller ingen text")
    return SourceText(
        name=name,
        sha256=hashlib.sha256(data).hexdigest(),
        media_type=media_type,
        text=text,
        hints=hints,
        warnings=warnings,
    )


def _too_big() -> str:
    return f"filen är för stor (över {MAX_INPUT_BYTES // 2**20} MiB)"


# The readers of formats other than plain text are imported where a file needs
# them: `samverka parse` over plain-text minutes starts without lxml or zipfile.


def _read(data: bytes, name: str) -> tuple[str, str, list[Hint], list[str]]:
    if b"%PDF-" in data[:1024]:
        from samverka.extract.readers.pdf import read_pdf

        return PDF, *read_pdf(data)
    if data.startswith(_ZIP):
        return _read_zip(data)
    for magic, label in _BINARY_MAGIC:
        if data.startswith(magic):
            raise ReadError(f"okänt filformat ({label})")
    text, _, warnings = decode(data)
    if looks_like_html(text):
        from samverka.extract.readers.html import read_html

        html_text, hints, html_warnings = read_html(text)
        return HTML, html_text, hints, warnings + html_warnings
    markdown = Path(name).suffix.lower() in _MARKDOWN_SUFFIXES
    plain_text, hints, text_warnings = read_text(text, markdown)
    return MARKDOWN if markdown else PLAIN, plain_text, hints, warnings + text_warnings


def _read_zip(data: bytes) -> tuple[str, str, list[Hint], list[str]]:
    from samverka.extract.readers.container import open_zip
    from samverka.extract.readers.docx import main_part_name, read_docx
    from samverka.extract.readers.odt import is_odt, read_odt

    archive = open_zip(data)
    main = main_part_name(archive)
    if main is not None:
        return DOCX, *read_docx(archive, main)
    if is_odt(archive):
        return ODT, *read_odt(archive)
    raise ReadError("okänt filformat (zip-arkiv som varken är .docx eller .odt)")
