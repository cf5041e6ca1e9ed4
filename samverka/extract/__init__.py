"""Read minutes documents and parse them into `samverka.minutes/1`.

This package imports nothing from Django: `read` turns a file into decoded
text with layout hints, `parse` turns that text into dataclasses. The importer
(a Django app) loads those dataclasses into the database.
"""

from __future__ import annotations

from pathlib import Path

from samverka.extract.model import FORMAT, Minutes, SourceText
from samverka.extract.parse import parse
from samverka.extract.read import ReadError, read_bytes, read_file

__all__ = [
    "FORMAT",
    "Minutes",
    "ReadError",
    "SourceText",
    "extract",
    "parse",
    "read_bytes",
    "read_file",
]


def extract(path: Path) -> Minutes:
    """Read and parse one minutes file; raise `ReadError` when it cannot be read."""
    return parse(read_file(path))
