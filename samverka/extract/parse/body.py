"""Placeholder: the body pass is being written."""

from __future__ import annotations

from samverka.extract.model import SourceText
from samverka.extract.parse.types import Body, Header


def parse_body(source: SourceText, header: Header) -> Body:
    return Body()
