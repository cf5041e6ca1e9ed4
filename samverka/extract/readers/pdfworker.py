"""Child process that runs pdfium on one PDF read from stdin, under resource limits.

Usage: python -I -S pdfworker.py SITE_DIR MAX_PAGES MAX_CHARS MEMORY_BYTES CPU_SECONDS < file.pdf

Prints one JSON object: {"pages": [text, ...]} or {"error": code}. pdfium is
C code fed with bytes from outside; running it here means a crash, a runaway
allocation or an endless loop costs this process, never the caller. Runs as a
script without `site` (whose editable-install hooks cost more than pdfium's
import) and imports nothing but pypdfium2 from SITE_DIR, so it starts fast.
"""

from __future__ import annotations

import contextlib
import json
import sys

_PDFIUM_ERRORS = {2: "file", 3: "format", 4: "password", 5: "security"}


def limit_resources(memory: int, cpu: int) -> None:
    try:
        import resource
    except ImportError:  # not on Windows; the parent's timeout still applies
        return
    for limit, value in (
        (resource.RLIMIT_AS, memory),
        (resource.RLIMIT_CPU, cpu),
        (resource.RLIMIT_FSIZE, 0),
        (resource.RLIMIT_CORE, 0),
    ):
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(limit, (value, value))


def extract(data: bytes, max_pages: int, max_chars: int) -> dict[str, object]:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        return {"error": _PDFIUM_ERRORS.get(error.err_code or 0, "format")}
    try:
        if len(document) > max_pages:
            return {"error": "pages", "count": len(document)}
        pages: list[str] = []
        total = 0
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            textpage.close()
            page.close()
            total += len(text)
            if total > max_chars:
                return {"error": "too_long", "count": total}
            pages.append(text)
        return {"pages": pages}
    finally:
        document.close()


def main() -> None:
    sys.path.insert(0, sys.argv[1])
    max_pages, max_chars, memory, cpu = (int(arg) for arg in sys.argv[2:6])
    limit_resources(memory, cpu)
    data = sys.stdin.buffer.read()
    result = extract(data, max_pages, max_chars)
    sys.stdout.write(json.dumps(result))


if __name__ == "__main__":
    main()
