"""Highlighted excerpts: escape everything, then mark the words that matched."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from samverka.search.query import MIN_PREFIX
from samverka.search.text import WORD, fold, is_folded, stem

ELLIPSIS = "…"


class Marker:
    """Decide which words of a text answer the query, the way the index does."""

    def __init__(self, terms: list[str]) -> None:
        self.stems = [(stem(term), is_folded(term)) for term in terms]

    def matches(self, word: str) -> bool:
        stemmed = stem(word.lower())
        for wanted, folded in self.stems:
            candidates = (stemmed, fold(stemmed)) if folded else (stemmed,)
            for candidate in candidates:
                if candidate == wanted or (
                    len(wanted) >= MIN_PREFIX and candidate.startswith(wanted)
                ):
                    return True
        return False


def highlight(text: str, marker: Marker, length: int | None = None) -> SafeString:
    """Return `text` (or `length` characters around its first hit) escaped, hits in <mark>."""
    hits = [(m.start(), m.end()) for m in WORD.finditer(text) if marker.matches(m.group())]
    start, end = 0, len(text)
    if length is not None and len(text) > length:
        first = hits[0][0] if hits else 0
        start = max(0, first - length // 4)
        if start:
            start = text.find(" ", start) + 1 or start
        end = min(len(text), start + length)
        if end < len(text):
            end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    pieces = [ELLIPSIS] if start else []
    cursor = start
    for hit_start, hit_end in hits:
        if hit_start < start or hit_end > end:
            continue
        pieces.append(escape(text[cursor:hit_start]))
        pieces.append(f"<mark>{escape(text[hit_start:hit_end])}</mark>")
        cursor = hit_end
    pieces.append(escape(text[cursor:end]))
    if end < len(text):
        pieces.append(ELLIPSIS)
    # Safe: every piece of the text was escaped above; only <mark> is added.
    return mark_safe("".join(pieces))
