"""Minutes written in test code, and an extractor that returns them for a file name.

The files on disk hold the text; `MinutesBook` maps each file name to the
`Minutes` the extractor would have found in it, so the loader's rules can be
tested one at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from samverka.extract import Minutes, read_bytes
from samverka.extract import model as m
from samverka.imports.services import minutes_import

NETWORK = "Socialchefsnätverket"


def present(name: str, organisation: str | None, role: str | None = None) -> m.Participant:
    return m.Participant(name=name, organisation=organisation, role=role, span=(0, 10))


def absent(name: str, organisation: str | None) -> m.Participant:
    return m.Participant(name=name, organisation=organisation, status="absent", span=(0, 10))


def item(title: str, **fields: Any) -> m.Item:
    return m.Item(title=title, span=(10, 20), **fields)


def assignment(assignee: str, text: str, due: str | None = None) -> m.Assignment:
    return m.Assignment(assignee=assignee, text=text, due=due, span=(20, 30))


class MinutesBook:
    """Files in `folder`, each with the minutes the extractor returns for it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.minutes: dict[str, Callable[[m.SourceText], Minutes]] = {}

    def write(self, name: str, date: str | None, text: str = "", **fields: Any) -> Path:
        """Write a file whose minutes are of the meeting on `date`, with `fields`."""
        path = self.folder / name
        path.write_text(text or f"Minnesanteckningar {date}\n" + "x" * 40)

        def build(source: m.SourceText) -> Minutes:
            return Minutes(source=source, date=date, **fields)

        self.minutes[name] = build
        return path

    def extract(self, data: bytes, name: str) -> Minutes:
        return self.minutes[name](read_bytes(data, name))

    def import_(self, *paths: Path, network: str = NETWORK) -> list[str]:
        """Import and return each document's status."""
        result = minutes_import(
            paths=list(paths or [self.folder]),
            network_name=network,
            create_network=True,
            extractor=self.extract,
        )
        return [d.status for d in result.documents]
