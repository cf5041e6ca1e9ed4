"""Limits on what a reader accepts from outside (see notes/read.md)."""

from __future__ import annotations

MAX_INPUT_BYTES = 50 * 1024 * 1024
"""Refuse a file larger than this before reading it."""

MAX_TEXT_CHARS = 2_000_000
"""Refuse a document whose decoded text is longer (about 600 pages of minutes)."""

MAX_ZIP_ENTRIES = 2_000
MAX_ZIP_TOTAL_BYTES = 256 * 1024 * 1024
"""Declared uncompressed size of all members of a .docx/.odt together."""

MAX_XML_PART_BYTES = 16 * 1024 * 1024
"""Declared uncompressed size of one XML part the reader decompresses and parses."""

MAX_XML_ELEMENTS = 200_000
"""Elements in one XML part; a 100-page Word document has a few tens of thousands."""

MAX_ZIP_RATIO = 200
"""Refuse a member that inflates more than this (Word's XML inflates 5-30×)."""

ZIP_RATIO_MIN_BYTES = 1024 * 1024
"""Apply the ratio test only to members larger than this: tiny parts compress oddly."""

PDF_TIMEOUT_SECONDS = 6.0
PDF_MEMORY_BYTES = 1536 * 1024 * 1024
"""Address-space limit of the child process that runs pdfium."""

MAX_PDF_PAGES = 2_000
