"""The one exception every reader raises."""

from __future__ import annotations


class ReadError(Exception):
    """The file cannot be read as minutes; the message is one line for the user."""
