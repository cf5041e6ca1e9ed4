"""Placeholder: the header pass is being written."""

from __future__ import annotations

from samverka.extract.model import Minutes, SourceText
from samverka.extract.parse.types import Header


def parse_header(source: SourceText) -> Header:
    return Header()


def reconcile(minutes: Minutes) -> None:
    return None
