"""Open a zip container (.docx, .odt) and its XML parts without trusting them.

The zip is judged by its directory before anything is inflated: number of
entries, declared sizes and compression ratio. Python's zipfile never yields
more than a member's declared size, so the declared sizes bound the work.
XML parts are refused if they declare a DOCTYPE or an entity, and are parsed
with entity resolution, DTD loading and network access switched off.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from lxml import etree

from samverka.extract.readers.errors import ReadError
from samverka.extract.readers.limits import (
    MAX_XML_ELEMENTS,
    MAX_XML_PART_BYTES,
    MAX_ZIP_ENTRIES,
    MAX_ZIP_RATIO,
    MAX_ZIP_TOTAL_BYTES,
    ZIP_RATIO_MIN_BYTES,
)

_EOCD = b"PK\x05\x06"
_BROKEN = "skadad eller avkortad zip-fil"


def open_zip(data: bytes) -> zipfile.ZipFile:
    """Return the archive once its directory shows it is not a bomb; raise `ReadError`."""
    _check_directory_record(data)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, struct.error):
        raise ReadError(_BROKEN) from None
    if len(infos) > MAX_ZIP_ENTRIES:
        raise ReadError(f"zip-filen har för många delar ({len(infos)}; högst {MAX_ZIP_ENTRIES})")
    total = sum(info.file_size for info in infos)
    if total > MAX_ZIP_TOTAL_BYTES:
        raise ReadError(f"zip-filen packas upp till {total // 2**20} MiB – avvisas (zip-bomb?)")
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > ZIP_RATIO_MIN_BYTES and ratio > MAX_ZIP_RATIO:
            raise ReadError(
                f"en del av zip-filen packas upp {ratio:.0f} gånger – avvisas (zip-bomb?)"
            )
    return archive


def _check_directory_record(data: bytes) -> None:
    position = data.rfind(_EOCD, max(0, len(data) - 65557))
    if position < 0 or len(data) < position + 22:
        raise ReadError(_BROKEN)
    entries, directory_size = struct.unpack_from("<HI", data, position + 10)
    if entries > MAX_ZIP_ENTRIES or directory_size > MAX_ZIP_ENTRIES * 1024:
        raise ReadError(f"zip-filen har för många delar (över {MAX_ZIP_ENTRIES})")


def read_member(archive: zipfile.ZipFile, name: str) -> bytes | None:
    """Return one member's bytes, None if it is absent; raise `ReadError` if it is unsafe."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.flag_bits & 0x1:
        raise ReadError("dokumentet är krypterat (lösenordsskyddat)")
    if info.file_size > MAX_XML_PART_BYTES:
        raise ReadError(f"{name} är för stor ({info.file_size // 2**20} MiB uppackad)")
    try:
        with archive.open(info) as member:
            return member.read(MAX_XML_PART_BYTES + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError):
        raise ReadError(f"{_BROKEN} ({name} kan inte packas upp)") from None


def refuse_dtd(data: bytes, name: str) -> None:
    # The parser is told the part is UTF-8, so a DOCTYPE cannot hide behind another
    # declared encoding: if it is there, these bytes are there.
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise ReadError(
            f"{name} innehåller en DOCTYPE- eller ENTITY-deklaration – avvisas av säkerhetsskäl"
        )


def parse_xml(data: bytes, name: str) -> etree._Element:
    """Parse one XML part; refuse DTDs and entities instead of resolving them."""
    refuse_dtd(data, name)
    parser = etree.XMLParser(
        encoding="utf-8",
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        raise ReadError(f"skadad XML i {name}") from None
    count = int(root.xpath("count(//*)"))
    if count > MAX_XML_ELEMENTS:
        raise ReadError(f"{name} har för många element ({count}; högst {MAX_XML_ELEMENTS})")
    return root
