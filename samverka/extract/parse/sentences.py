"""Split a stretch of minutes into sentences that keep their offsets.

PDF extraction wraps lines mid-sentence and often puts a blank line between
the halves, so a line break never ends a sentence by itself unless the line
was short (a heading, a list line). Whitespace is collapsed in `text`;
`offsets` maps every character back to the source.
"""

from __future__ import annotations

import re
from bisect import bisect_right

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
# Two whitespace characters, or one that is not a space ("\s\s|[^\S ]"), written
# to open with \s so that the engine scans for whitespace instead of trying
# every position.
_ODD_SPACE = re.compile(r"\s(?:\s|(?<! ))")
_END = re.compile(r"[.!?](?=\s)|[.!?]$")


class Sentence:
    """One sentence with its whitespace collapsed, and the way back to its source offsets.

    A plain class with slots, not a dataclass: a document makes hundreds, and
    a frozen dataclass pays for `object.__setattr__` on every field.
    """

    __slots__ = ("low", "sources", "starts", "text")

    def __init__(self, text: str, starts: tuple[int, ...], sources: tuple[int, ...]) -> None:
        self.text = text
        # The source offset of text[i] is sources[k] + i - starts[k] for the last
        # segment k with starts[k] <= i: runs of text copied from the source are
        # stored once, not character by character.
        self.starts = starts
        self.sources = sources
        # The text in lower case, which several passes test for cue words.
        self.low = text.lower()

    def __repr__(self) -> str:
        return f"Sentence({self.text!r})"

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


def may_say_beslut(low: str) -> bool:
    """Return whether a lower-cased text may hold "beslut" or "beslöt" in any case.

    A cheap test before a case-insensitive pattern that needs one of them:
    re.IGNORECASE also reads the long s "ſ" as "s", which str.lower() keeps.
    """
    return "besl" in low or "beſl" in low


def line_is_open(line: str) -> bool:
    """Return whether a line looks wrapped: long and not ending a sentence."""
    stripped = line.rstrip()
    if " " not in stripped.strip():
        return False  # an address or a single long token, not wrapped prose
    if stripped.endswith(","):
        return True
    return len(stripped) >= WRAP_WIDTH and stripped[-1:] not in ".!?:;"


def sentences(text: str, start: int, end: int) -> list[Sentence]:
    """Return the sentences of text[start:end]."""
    out: list[Sentence] = []
    opened = -1  # source offset of the open sentence's first character, or -1
    for line_match in _LINE.finditer(text, start, end):
        line = line_match.group()
        first = _NONSPACE.search(line)
        if first is None:
            continue
        line_start = line_match.start()
        if opened < 0:
            opened = line_start + first.start()
        for end_match in _END.finditer(line):
            cut = end_match.end()
            if _ends_sentence(line, end_match.start(), cut):
                out.append(_sentence(text, opened, line_start + cut))
                following = _NONSPACE.search(line, cut)
                opened = -1 if following is None else line_start + following.start()
        if opened >= 0 and not line_is_open(line) and not _ends_with_abbreviation(line.rstrip()):
            out.append(_sentence(text, opened, line_start + len(line)))
            opened = -1
    if opened >= 0:
        out.append(_sentence(text, opened, end))
    return out


_LINE = re.compile(r"[^\n]+")
# Whitespace that collapses to one space of a different length: where the
# sentence's text stops being a plain copy of the source.
_LONG_SPACE = re.compile(r"\s\s+")  # not \s{2,}: a pattern that opens with \s is scanned faster


def _sentence(text: str, start: int, end: int) -> Sentence:
    """Return text[start:end] as a sentence, its whitespace collapsed to single spaces.

    A lone whitespace character becomes one space in place, so the text stays a
    copy of the source up to the next run of several: only there does a new
    segment of offsets start.
    """
    while end > start and text[end - 1].isspace():
        end -= 1
    chunk = text[start:end]
    if _ODD_SPACE.search(chunk) is None:
        return Sentence(chunk, (0,), (start,))
    starts = [0]
    sources = [start]
    copied_to = start
    for run in _LONG_SPACE.finditer(text, start, end):
        starts.append(starts[-1] + run.start() - copied_to + 1)
        sources.append(run.end())
        copied_to = run.end()
    return Sentence(" ".join(chunk.split()), tuple(starts), tuple(sources))


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
