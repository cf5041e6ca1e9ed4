"""Split a stretch of minutes into sentences that keep their offsets.

PDF extraction wraps lines mid-sentence and often puts a blank line between
the halves, so a line break never ends a sentence by itself unless the line
was short (a heading, a list line). Whitespace is collapsed in `text`;
`offsets` maps every character back to the source.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from samverka.extract.model import Span

# Abbreviations that end with a full stop inside a sentence ("pga. oseriösa").
_ABBREVIATED = (
    "pga ev bl.a t.ex mm m.m inkl resp ang dvs d.v.s kl ca tf fr.o.m t.o.m nr st tel enl jfr "
    "s k sk fam osv etc ff"
)
ABBREVIATIONS = frozenset(_ABBREVIATED.split())
# A line shorter than this that ends without punctuation is a heading or a
# list line, not a wrapped half of a sentence.
WRAP_WIDTH = 60

_TOKEN = re.compile(r"\S+")
_NONSPACE = re.compile(r"\S")
_ODD_SPACE = re.compile(r"\s\s|[^\S ]")
_END = re.compile(r"[.!?](?=\s)|[.!?]$")


@dataclass(frozen=True)
class Sentence:
    text: str
    # The source offset of text[i] is sources[k] + i - starts[k] for the last
    # segment k with starts[k] <= i: runs of text copied from the source are
    # stored once, not character by character.
    starts: tuple[int, ...]
    sources: tuple[int, ...]
    # The text in lower case, which several passes test for cue words. A plain
    # attribute: functools.cached_property takes a lock on every read.
    low: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "low", self.text.lower())

    def offset(self, i: int) -> int:
        """Return the source offset of text[i]."""
        k = bisect_right(self.starts, i) - 1
        return self.sources[k] + i - self.starts[k]

    @property
    def span(self) -> Span:
        return (self.offset(0), self.offset(len(self.text) - 1) + 1) if self.text else (0, 0)

    def sub_span(self, i: int, j: int) -> Span:
        """Return the source span of text[i:j]."""
        j = max(i + 1, j)
        return (self.offset(i), self.offset(min(j, len(self.text)) - 1) + 1)


def line_is_open(line: str) -> bool:
    """Return whether a line looks wrapped: long and not ending a sentence."""
    stripped = line.rstrip()
    if " " not in stripped.strip():
        return False  # an address or a single long token, not wrapped prose
    if stripped.endswith(","):
        return True
    return len(stripped) >= WRAP_WIDTH and stripped[-1:] not in ".!?:;"


class _Builder:
    """The sentence being read: its pieces of text and where each run came from."""

    __slots__ = ("length", "out", "parts", "sources", "space", "starts")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.starts: list[int] = []
        self.sources: list[int] = []
        self.length = 0
        self.space = False  # the text so far ends in a space
        self.out: list[Sentence] = []

    def add(self, piece: str, at: int) -> None:
        """Append `piece`, copied from source offset `at` on."""
        if not (self.starts and self.sources[-1] + self.length - self.starts[-1] == at):
            self.starts.append(self.length)
            self.sources.append(at)
        self.parts.append(piece)
        self.length += len(piece)
        self.space = piece == " "

    def flush(self) -> None:
        if self.space:
            self.parts.pop()
            self.length -= 1
            if self.starts[-1] == self.length:
                self.starts.pop()
                self.sources.pop()
        if self.parts:
            self.out.append(Sentence("".join(self.parts), tuple(self.starts), tuple(self.sources)))
        self.parts = []
        self.starts = []
        self.sources = []
        self.length = 0
        self.space = False


def sentences(text: str, start: int, end: int) -> list[Sentence]:
    """Return the sentences of text[start:end]."""
    b = _Builder()
    for line_match in _LINE.finditer(text, start, end):
        line_start = line_match.start()
        line = line_match.group()
        if not line.strip():
            continue
        if b.parts and not b.space:
            b.add(" ", line_start - 1)
        last = 0
        for end_match in _END.finditer(line):
            cut = end_match.end()
            _append(b, line[last:cut], line_start + last)
            if _ends_sentence(line, end_match.start(), cut):
                b.flush()
            last = cut
        _append(b, line[last:], line_start + last)
        if not line_is_open(line) and not _ends_with_abbreviation(line.rstrip()):
            b.flush()
    b.flush()
    return b.out


_LINE = re.compile(r"[^\n]+")


def _append(b: _Builder, piece: str, at: int) -> None:
    """Append `piece` with its whitespace collapsed, keeping every character's offset."""
    if not _ODD_SPACE.search(piece):
        # Words separated by single spaces: copy the piece as it is.
        core = piece.strip(" ")
        if not core:
            if piece and b.parts and not b.space:
                b.add(" ", at)
            return
        lead = len(piece) - len(piece.lstrip(" "))
        if lead and b.parts and not b.space:
            b.add(" ", at)
        b.add(core, at + lead)
        if lead + len(core) < len(piece):
            b.add(" ", at + lead + len(core))
        return
    pos = 0
    for m in _TOKEN.finditer(piece):
        if m.start() > pos and b.parts and not b.space:
            b.add(" ", at + m.start() - 1)
        b.add(m.group(), at + m.start())
        pos = m.end()
    if pos < len(piece) and b.parts and not b.space:
        b.add(" ", at + pos)


def _last_token(line: str, end: int) -> str:
    """Return the word that ends at `end`, lower-cased, without an opening bracket."""
    # Look back a little only: rfind over a megabyte line for every full stop
    # would make the scan quadratic.
    floor = max(0, end - 64)
    start = max(line.rfind(" ", floor, end), line.rfind("\t", floor, end), floor - 1) + 1
    return line[start:end].lower().strip("(")


def _ends_with_abbreviation(line: str) -> bool:
    return line.endswith(".") and _last_token(line, len(line) - 1) in ABBREVIATIONS


def _ends_sentence(line: str, dot: int, after: int) -> bool:
    """Return whether the punctuation at `dot` ends a sentence."""
    if line[dot] != ".":
        return True
    token = _last_token(line, dot)
    following = _NONSPACE.search(line, after)
    if following is None:
        return token not in ABBREVIATIONS
    nxt = following.group()
    if token.isdigit() and len(token) <= 2:
        return False  # "Beslut 1. Rapporten …": the number of a point, not a sentence end
    if token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()) or token.isdigit():
        # "mm. Linda meddelar": an abbreviation ends a sentence only before a capital.
        return token not in ("kl", "ca", "nr") and nxt.isupper()
    return nxt.isupper() or nxt.isdigit() or nxt in '"”(-–' or len(token) >= 4
