"""Tell a web page from plain text without loading the HTML reader.

`samverka parse` over a folder of plain-text minutes should not pay for lxml,
zipfile and the PDF worker at start-up; `readers` imports a format's module
only when a file turns out to be in that format.
"""

from __future__ import annotations

import re

_LOOKS_LIKE_HTML = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|h[1-6]|table|section|article|main)\b",
    re.I | re.S,
)


def looks_like_html(text: str) -> bool:
    return bool(_LOOKS_LIKE_HTML.match(text[:4096]))
