"""PDF: pdfium in a child process, then pages cleaned of running headers, footers and page marks."""

from __future__ import annotations

import functools
import importlib.util
import json
import math
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

from samverka.extract.model import Hint
from samverka.extract.readers.errors import ReadError
from samverka.extract.readers.limits import (
    MAX_PDF_PAGES,
    MAX_TEXT_CHARS,
    PDF_MEMORY_BYTES,
    PDF_TIMEOUT_SECONDS,
)
from samverka.extract.readers.textutil import TextBuilder, clean

_WORKER = Path(__file__).with_name("pdfworker.py")
_ZONE = 3
_PAGE_MARK = re.compile(
    r"(?:(?:sida|page|s\.)\s*)?\d{1,4}\s*(?:\(\s*\d{1,4}\s*\)|/\s*\d{1,4}|(?:av|of)\s+\d{1,4})"
    r"|(?:sida|page)\s+\d{1,4}|[-–]\s*\d{1,4}\s*[-–]",
    re.I,
)
_TRAILING_MARK = re.compile(
    r"^(.*?\S)\s+(?:(?:sida|page)\s*)?(\d{1,4})\s*(?:\(\s*(\d{1,4})\s*\)|/\s*(\d{1,4})"
    r"|(?:av|of)\s+(\d{1,4}))$",
    re.I,
)
_HYPHENATED = re.compile(r"(\w)[-\u00ad]$")
_PDFIUM_HYPHEN = re.compile(r"(\w?)[\ufffe\x02]\s*(\S*)")
_KEEP_HYPHEN_BEFORE = {"och", "eller", "samt", "resp", "resp.", "respektive", "som", "till", "&"}
_MESSAGES = {
    "password": "PDF:en är lösenordsskyddad och kan inte läsas",
    "security": "PDF:en är krypterad på ett sätt som inte stöds",
    "format": "skadad eller ogiltig PDF",
    "file": "skadad eller ogiltig PDF",
}


def read_pdf(data: bytes) -> tuple[str, list[Hint], list[str]]:
    pages = [_page_lines(text) for text in _extract_pages(data)]
    warnings = _text_layer_warnings(pages)
    pages = _strip_page_furniture(pages)
    out = TextBuilder()
    lines: list[tuple[int, str]] = []
    for number, page in enumerate(pages):
        lines.extend((number, line) for line in page)
    current = 0
    for number, line in _join_hyphenated(lines):
        if number != current:
            out.page_break()
            current = number
        out.line(line)
    text, hints = out.build()
    return text, hints, warnings


def _extract_pages(data: bytes) -> list[str]:
    limits = (MAX_PDF_PAGES, MAX_TEXT_CHARS, PDF_MEMORY_BYTES, math.ceil(PDF_TIMEOUT_SECONDS) + 1)
    try:
        completed = subprocess.run(
            [sys.executable, "-I", "-S", str(_WORKER), _pdfium_site(), *map(str, limits)],
            input=data,
            capture_output=True,
            timeout=PDF_TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise ReadError(
            f"PDF:en tog för lång tid att läsa (över {PDF_TIMEOUT_SECONDS:g} s)"
        ) from None
    except OSError as error:
        raise ReadError(f"PDF-läsaren kunde inte startas ({error.strerror})") from None
    try:
        result = json.loads(completed.stdout)
    except ValueError:
        raise ReadError("PDF:en kunde inte läsas (för stor, för komplex eller skadad)") from None
    code = result.get("error")
    if code == "pages":
        raise ReadError(f"PDF:en har för många sidor ({result['count']}; högst {MAX_PDF_PAGES})")
    if code == "too_long":
        raise ReadError("PDF:ens text är för lång")
    if code:
        raise ReadError(_MESSAGES.get(code, "skadad eller ogiltig PDF"))
    return [str(page) for page in result["pages"]]


@functools.cache
def _pdfium_site() -> str:
    """Return the folder pypdfium2 is installed in, without importing it here."""
    spec = importlib.util.find_spec("pypdfium2")
    if spec is None or not spec.submodule_search_locations:
        raise ReadError("PDF-läsaren (pypdfium2) är inte installerad")
    return str(Path(next(iter(spec.submodule_search_locations))).parent)


def _page_lines(text: str) -> list[str]:
    # pdfium joins a line that ends in a hyphen with the next and marks the join
    # with U+FFFE (older builds: U+0002); decide here whether the hyphen stays.
    text = _PDFIUM_HYPHEN.sub(_rejoin, text)
    lines = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        lines.append(" ".join(clean(raw).split()))
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _rejoin(match: re.Match[str]) -> str:
    before, word = match.groups()
    if not word:
        return f"{before}-"
    if _keeps_hyphen(before, word):
        spaced = word.rstrip(",.;:") in _KEEP_HYPHEN_BEFORE
        return f"{before}- {word}" if spaced else f"{before}-{word}"
    return before + word


def _keeps_hyphen(before: str, word: str) -> bool:
    """Tell "barn- och", "IFO-chefer", "Bengtsson-Höganäs" from a hyphenated word."""
    return (
        not word[:1].islower()
        or word.rstrip(",.;:") in _KEEP_HYPHEN_BEFORE
        or before.isupper()
        or before.isdigit()
    )


def _text_layer_warnings(pages: list[list[str]]) -> list[str]:
    if not pages:
        return ["PDF:en har inga sidor"]
    empty = [n + 1 for n, page in enumerate(pages) if sum(len(line) for line in page) < 10]
    if len(empty) == len(pages):
        return ["PDF:en saknar textlager (inskannad bild?) – ingen text kunde läsas; kör OCR först"]
    if empty:
        listed = ", ".join(map(str, empty[:20])) + (" …" if len(empty) > 20 else "")
        return [f"PDF:ens sidor {listed} saknar textlager (inskannade?) – deras text saknas"]
    return []


def _zone(page: list[str]) -> list[int]:
    filled = [i for i, line in enumerate(page) if line]
    return sorted(set(filled[:_ZONE] + filled[-_ZONE:]))


def _is_page_mark(line: str, number: int) -> bool:
    return bool(_PAGE_MARK.fullmatch(line)) or line == str(number)


def _key(line: str, number: int) -> str:
    """Return the line with this page's number folded, so "Sida 3" matches "Sida 4"."""
    return re.sub(rf"(?<!\d){number}(?!\d)", "#", line.lower())


def _running_zones(page: list[str]) -> tuple[list[int], list[int]]:
    """Return the indexes of the header and footer lines, which never overlap."""
    filled = [i for i, line in enumerate(page) if line]
    size = min(_ZONE, len(filled) // 2)
    return filled[:size], filled[len(filled) - size :] if size else []


def _strip_page_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Drop page marks and lines repeated at the top or bottom of most pages.

    A repeated header is kept once, on the first page, where it usually names
    the document; footers go everywhere.
    """
    pages = [list(page) for page in pages]
    for number, page in enumerate(pages, start=1):
        for i in _zone(page):
            if _is_page_mark(page[i], number):
                page[i] = ""
            else:
                match = _TRAILING_MARK.match(page[i])
                # "Nästa möte 4/5" must survive: only this page's own "3/8" is a mark.
                if match and [int(n) for n in match.groups()[1:] if n] == [number, len(pages)]:
                    page[i] = match.group(1)
    if len(pages) < 2:
        return pages
    zones = [_running_zones(page) for page in pages]
    seen: Counter[str] = Counter()
    for number, (page, (header, footer)) in enumerate(zip(pages, zones, strict=True), start=1):
        seen.update({_key(page[i], number) for i in header + footer})
    threshold = max(2, math.ceil(0.5 * len(pages)))
    running = {key for key, count in seen.items() if count >= threshold}
    for number, (page, (header, footer)) in enumerate(zip(pages, zones, strict=True), start=1):
        for i in footer if number == 1 else header + footer:
            if _key(page[i], number) in running:
                page[i] = ""
    return [_trim_blank(page) for page in pages]


def _trim_blank(page: list[str]) -> list[str]:
    start = 0
    while start < len(page) and not page[start]:
        start += 1
    end = len(page)
    while end > start and not page[end - 1]:
        end -= 1
    return page[start:end]


def _join_hyphenated(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Join words broken with a hyphen at a line end ("social-" + "förvaltningen")."""
    result: list[tuple[int, str]] = []
    index = 0
    while index < len(lines):
        number, line = lines[index]
        nxt = index + 1
        while nxt < len(lines) and not lines[nxt][1] and lines[nxt][0] != number:
            nxt += 1  # a page break may leave blank lines between the halves
        match = _HYPHENATED.search(line)
        if match and nxt < len(lines) and lines[nxt][1][:1].islower():
            word, _, rest = lines[nxt][1].partition(" ")
            before = line[-2:-1]
            if word.rstrip(",.;:") in _KEEP_HYPHEN_BEFORE:
                result.append((number, line))
                index += 1
                continue
            stem = line[:-1] + "-" if _keeps_hyphen(before, word) else line[:-1]
            result.append((number, stem + word))
            lines[nxt] = (lines[nxt][0], rest.lstrip())
            index = nxt if rest.strip() else nxt + 1
            continue
        result.append((number, line))
        index += 1
    return result
