"""Regular expressions compiled on first use.

Each `samverka parse` is a new process, and compiling the extractor's
patterns is most of its start-up: a pattern for names holds the character
classes of every capital and small letter below U+3000 (`_letter_class` in
`parse.header`), which take the compiler a millisecond or more. A pattern that
only some documents need (attendance written as prose, a minute taker named in
a sentence) is made with `compile_on_use`, so that a run over other documents
does not pay for it.
"""

from __future__ import annotations

import re
from typing import Any, cast

# What callers use of a compiled pattern, besides `pattern` and `flags`.
_ATTRIBUTES = (
    "search",
    "match",
    "fullmatch",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
    "groupindex",
    "groups",
)


class _OnUse:
    """Stands in for a compiled pattern and compiles it when first used."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self.flags = flags

    def __getattr__(self, name: str) -> Any:
        # Python calls this only for what the instance lacks. The compiled
        # pattern's methods are then set on the instance, so that later calls
        # go straight to them.
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self.flags)
        for attribute in _ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)


def compile_on_use(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Return what `re.compile(pattern, flags)` returns, compiled when first used."""
    return cast("re.Pattern[str]", _OnUse(pattern, flags))
