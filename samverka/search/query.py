"""The search box's little language, shared by both backends.

placering familjehem     every word, each also as a prefix of longer words
"vård av barn"           a phrase
-jourhem                 without this word (or -"a phrase")
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from samverka.search.text import STOPWORDS, words

_CHUNK = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')
# Shorter stems would match half the vocabulary as prefixes.
MIN_PREFIX = 3


@dataclass(frozen=True)
class Clause:
    words: tuple[str, ...]
    phrase: bool = False
    negated: bool = False


@dataclass(frozen=True)
class Query:
    clauses: tuple[Clause, ...]

    @property
    def positive(self) -> tuple[Clause, ...]:
        return tuple(c for c in self.clauses if not c.negated)

    @property
    def negative(self) -> tuple[Clause, ...]:
        return tuple(c for c in self.clauses if c.negated)

    def __bool__(self) -> bool:
        return bool(self.positive)

    def terms(self) -> list[str]:
        """Return every positive word, for highlighting."""
        return [word for clause in self.positive for word in clause.words]


def parse(text: str) -> Query:
    """Return the query typed in `text`; stop words alone are dropped."""
    clauses: list[Clause] = []
    for match in _CHUNK.finditer(text[:500]):
        if match.group(2) is not None:
            found = tuple(words(match.group(2)))
            if found and not all(w in STOPWORDS for w in found):
                phrase = len(found) > 1
                clauses.append(Clause(found, phrase=phrase, negated=bool(match.group(1))))
            continue
        negated = bool(match.group(3))
        for word in words(match.group(4)):
            if word not in STOPWORDS:
                clauses.append(Clause((word,), negated=negated))
    return Query(tuple(clauses))
