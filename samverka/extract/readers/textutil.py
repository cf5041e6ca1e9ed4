"""Decode bytes to text and build text line by line with layout hints."""

from __future__ import annotations

import codecs
import re
import unicodedata
from typing import Literal

from samverka.extract.model import Hint
from samverka.extract.readers.errors import ReadError
from samverka.extract.readers.limits import MAX_TEXT_CHARS

HintKind = Literal["heading", "bold", "list_item", "table_row", "page_break"]

# Every character that str.splitlines() treats as a line end becomes "\n", so that
# offsets agree whether a consumer splits on "\n" or calls splitlines().
# ("\r\n?|[\x0b…]" written to open with one character class, which the engine
# scans for instead of trying every position.)
_LINE_END = re.compile("[\r\x0b\x1c\x1d\x1e\x85\u2028\u2029](?:(?<=\r)\n)?")

_SPACES = "\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))
_DROPPED = "\u00ad\u200b\u200c\u200d\u2060\ufeff\ufffe\uffff"
# Word's Symbol and Wingdings bullets arrive as private-use code points.
_BULLETS = "\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf06e\uf0a8\u25aa\u25cf\u2022\u2023\u2043"

_REPLACEMENTS = {
    **{c: " " for c in _SPACES},
    **{c: "" for c in _DROPPED},
    **{c: "\u2022" for c in _BULLETS},
    **{chr(c): "" for c in range(32) if chr(c) not in "\t\n\f"},
    "\x7f": "",
}
# A regex finds the rare characters to replace; str.translate with a dict visits
# every character in Python and is ten times slower on typical minutes.
_TO_REPLACE = re.compile("[" + re.escape("".join(_REPLACEMENTS)) + "]")

_SINGLE_BYTE = {
    # The six Swedish letters åäöÅÄÖ as each single-byte code page writes them.
    "cp1252": b"\xe5\xe4\xf6\xc5\xc4\xd6",
    "cp850": b"\x86\x84\x94\x8f\x8e\x99",
    "mac_roman": b"\x8c\x8a\x9a\x81\x80\x85",
}

# cp1252 leaves five bytes undefined; read them as latin-1 rather than fail.
_CP1252_FROM_LATIN1 = str.maketrans(
    {b: bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xA0)}
)

_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_BINARY_BYTE = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_MOJIBAKE = re.compile("Ã[¥¤¶…„–©]")


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    chunk = error.object[error.start : error.end]
    return _cp1252(chunk), error.end


def _cp1252(data: bytes) -> str:
    return data.decode("latin-1").translate(_CP1252_FROM_LATIN1)


codecs.register_error("samverka-cp1252", _cp1252_fallback)


def decode(data: bytes) -> tuple[str, str, list[str]]:
    """Return (text, encoding, warnings); raise `ReadError` for binary data.

    Order: byte-order mark, UTF-16 without mark, strict UTF-8, UTF-8 with stray
    single bytes, and last the Swedish single-byte code page that yields the most
    å/ä/ö. See notes/read.md for why this beats a general detector here.
    """
    if len(data) > 4 * MAX_TEXT_CHARS:
        raise ReadError(_too_long(len(data), unit="byte"))
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            text, warnings = _decode_or_replace(data[len(bom) :], encoding)
            return _check_binary_text(text), encoding, warnings
    utf16 = _utf16_without_bom(data)
    if utf16:
        text, warnings = _decode_or_replace(data, utf16)
        return _check_binary_text(text), utf16, warnings
    _check_binary_bytes(data)
    try:
        return _fix_mojibake(data.decode("utf-8")), "utf-8", []
    except UnicodeDecodeError:
        pass
    valid = sum(len(m) for m in _UTF8_SEQUENCE.findall(data))
    stray = len(_HIGH_BYTE.findall(data)) - valid
    if valid and valid >= stray:
        warning = f"blandad teckenkodning: {stray} byte som inte var UTF-8 lästes som Windows-1252"
        return data.decode("utf-8", errors="samverka-cp1252"), "utf-8", [warning]
    scores = {name: sum(data.count(b) for b in letters) for name, letters in _SINGLE_BYTE.items()}
    encoding = max(scores, key=scores.__getitem__)
    # Windows quotes and dashes are DOS letters, so DOS must win clearly.
    if encoding == "cp1252" or scores[encoding] <= 3 * scores["cp1252"]:
        return _cp1252(data), "cp1252", []
    return data.decode(encoding), encoding, []


def _decode_or_replace(data: bytes, encoding: str) -> tuple[str, list[str]]:
    try:
        return data.decode(encoding), []
    except UnicodeDecodeError:
        warning = f"ogiltiga byte i {encoding.upper()}-texten ersattes med �"
        return data.decode(encoding, errors="replace"), [warning]


def _utf16_without_bom(data: bytes) -> str | None:
    head = data[:4096]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _check_binary_bytes(data: bytes) -> None:
    head = data[:65536]
    if len(_BINARY_BYTE.findall(head)) > max(8, len(head) // 100):
        raise ReadError("okänt filformat (binärfil, inte text)")


def _check_binary_text(text: str) -> str:
    head = text[:65536]
    controls = sum(1 for c in head if c < " " and c not in "\t\n\r\f\x1b")
    if controls > max(8, len(head) // 100):
        raise ReadError("okänt filformat (binärfil, inte text)")
    return text


def _fix_mojibake(text: str) -> str:
    """Undo UTF-8 read as Windows-1252 and saved again ("HÃ¶ganÃ¤s")."""
    if not _MOJIBAKE.search(text):
        return text
    try:
        return text.encode("cp1252").decode("utf-8")
    except UnicodeError:
        return text


def clean(text: str) -> str:
    """Return `text` in NFC with uniform line ends, plain spaces and no control characters."""
    text = _LINE_END.sub("\n", text)
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return _TO_REPLACE.sub(_replacement, text)


def _replacement(match: re.Match[str]) -> str:
    return _REPLACEMENTS[match.group()]


def check_length(text: str) -> None:
    if len(text) > MAX_TEXT_CHARS:
        raise ReadError(_too_long(len(text), unit="tecken"))


def _too_long(size: int, unit: str) -> str:
    return f"texten är för lång ({size:,} {unit}; högst {MAX_TEXT_CHARS:,} tecken)".replace(
        ",", " "
    )


class TextBuilder:
    """Collect lines and the hints that point at them; offsets refer to the built text."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._blank = True
        self.hints: list[Hint] = []

    def line(self, text: str, kind: HintKind | None = None, level: int = 0) -> None:
        text = "\n".join(part.strip() for part in clean(text).replace("\f", "\n").split("\n"))
        text = text.strip("\n")
        if not text.strip():
            self.blank()
            return
        start = self._length
        self._append(text)
        if kind:
            self.hints.append(Hint(kind, (start, start + len(text)), level))
        self._blank = False

    def blank(self) -> None:
        if not self._blank:
            self._append("")
            self._blank = True

    def page_break(self) -> None:
        self.hints.append(Hint("page_break", (self._length, self._length)))

    def _append(self, text: str) -> None:
        self._parts.append(text)
        self._parts.append("\n")
        self._length += len(text) + 1
        if self._length > MAX_TEXT_CHARS:
            raise ReadError(_too_long(self._length, unit="tecken"))

    def build(self) -> tuple[str, list[Hint]]:
        text = "".join(self._parts).rstrip("\n")
        text = text + "\n" if text else ""
        hints = [h for h in self.hints if h.span[1] <= len(text)]
        return text, hints
