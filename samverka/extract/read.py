"""The read stage: file → `SourceText`. The readers live in `samverka.extract.readers`."""

from __future__ import annotations

from samverka.extract.readers import (
    MAX_INPUT_BYTES,
    MAX_TEXT_CHARS,
    ReadError,
    read_bytes,
    read_file,
)

__all__ = ["MAX_INPUT_BYTES", "MAX_TEXT_CHARS", "ReadError", "read_bytes", "read_file"]
