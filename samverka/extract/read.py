"""Placeholder: the reader is being written (see NOTES.md)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from samverka.extract.model import SourceText


class ReadError(Exception):
    """The file cannot be read as minutes; the message is one line for the user."""


def read_bytes(data: bytes, name: str) -> SourceText:
    text = data.decode("utf-8", errors="replace")
    return SourceText(name=name, sha256=hashlib.sha256(data).hexdigest(), media_type="text/plain", text=text)


def read_file(path: Path) -> SourceText:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReadError(f"cannot open: {error.strerror}") from None
    return read_bytes(data, path.name)
