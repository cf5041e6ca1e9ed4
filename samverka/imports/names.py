"""Compare personal names as minutes spell them (no database here).

The rules, and why, are in NOTES.md ("People").
"""

from __future__ import annotations

import enum
import functools
import re
import unicodedata

from rapidfuzz import fuzz

# Both halves of a name must be this similar for a spelling variant
# ("Kurve"/"Kurdve" 91, "Baron"/"Boron" 80, "Mikael"/"Johan" 36).
FIRST_NAME_SIMILARITY = 80.0
SURNAME_SIMILARITY = 80.0

_NAME_TOKEN = re.compile(r"^[A-ZÅÄÖÉÈÜÆØ][\w'’-]*$")


class Likeness(enum.IntEnum):
    """How two names relate, strongest last."""

    NONE = 0
    VARIANT = 1  # a spelling variant: Kurve / Kurdve, Heden / Hedén
    EXTENDS = 2  # one extends the other: Annelie Börjesdotter / Annelie Börjesdotter Tedenlid
    SAME = 3


# Resolving a participant compares their name with every known name, so the
# same few thousand names are folded over and over: remember the latest.
@functools.lru_cache(maxsize=1 << 14)
def fold(name: str) -> str:
    """Return the name case-folded, single-spaced, without accents (Hedén → heden)."""
    decomposed = unicodedata.normalize("NFKD", " ".join(name.split()).casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def tokens(name: str) -> list[str]:
    return fold(name).replace("-", " ").split()


def likeness(a: str, b: str) -> Likeness:
    """Return how name `a` relates to name `b` (symmetric)."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return Likeness.NONE
    if ta == tb:
        return Likeness.SAME
    shorter, longer = (ta, tb) if len(ta) < len(tb) else (tb, ta)
    if len(shorter) >= 2 and longer[: len(shorter)] == shorter:
        return Likeness.EXTENDS
    if len(ta) != len(tb) or len(ta) < 2:
        return Likeness.NONE
    first = fuzz.ratio(ta[0], tb[0])
    rest = fuzz.ratio(" ".join(ta[1:]), " ".join(tb[1:]))
    if first >= FIRST_NAME_SIMILARITY and rest >= SURNAME_SIMILARITY:
        return Likeness.VARIANT
    return Likeness.NONE


def is_first_name_only(name: str) -> bool:
    return len(name.split()) == 1


def first_name(name: str) -> str:
    parts = tokens(name)
    return parts[0] if parts else ""


def looks_like_full_name(text: str) -> bool:
    """Two to four capitalised words: "Anette Edvardsson", "Annika Weman Widegård"."""
    words = text.split()
    return 2 <= len(words) <= 4 and all(_NAME_TOKEN.match(word) for word in words)


def longer_name(a: str, b: str) -> str:
    """Return the fuller of two forms of one name (the display name to keep)."""
    return a if len(tokens(a)) > len(tokens(b)) else b
