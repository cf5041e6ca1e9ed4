"""Resolve how the body names people ("Linda", "Mikael Svalöv", "Filippa Kurdve").

Minutes name a member by first name once the attendance list has given the
full name. A first name resolves when exactly one participant has it, or
when the municipality written beside it picks one out.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz, process

from samverka.extract.lazy import compile_on_use
from samverka.extract.model import Participant
from samverka.extract.orgs import resolve_organisation

# Unicode-aware: "Petrović", "Yılmaz", "Øberg" are names as much as "Åberg".
# Explicit Latin ranges (not a negated class, which re.IGNORECASE would empty).
_UPPER = "A-ZÀ-ÖØ-Þ\u0100-\u017f"
_LOWER = "[a-zß-öø-ÿ\u0100-\u017f]"
# "AnnSofie", "MarieLouise": a second capital inside a first name.
NAME_WORD = rf"[{_UPPER}]{_LOWER}+(?:[{_UPPER}]{_LOWER}{{2,}})?(?:-[{_UPPER}]{_LOWER}+)?"
# "Anette Edvardsson", "Lars-Åke Carlsson", "Annika Weman Widegård".
NAME = compile_on_use(rf"\b{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}}\b")


# The definite forms minutes use for the holder of a role.
ROLE_WORDS = {
    "ordforanden": "ordforande",
    "sekreteraren": "sekreterare",
    "planeringsledaren": "planeringsledare",
    "processledaren": "planeringsledare",
    "samordnaren": "planeringsledare",
}


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


# A job title in an attendance line: "Tomas Ek, förbundschef", "Maria Berg (kommundirektör)".
_TITLE_WORD = re.compile(
    r"[a-zåäö-]*(?:chef|direktör|ordförande|ledare|strateg|samordnare|sekreterare|controller"
    r"|handläggare|utvecklare|ansvarig|sakkunnig|revisor|jurist|ekonom|kommunalråd|tjänsteperson)",
)
_INITIAL = re.compile(r"[A-ZÅÄÖÉÜ]\.?")


class People:
    def __init__(self, participants: list[Participant], text: str = "") -> None:
        self.participants = participants
        self.by_first: dict[str, list[Participant]] = {}
        self.names = [fold(p.name) for p in participants]
        self._cache: dict[tuple[str, str | None], str | None] = {}
        for person in participants:
            first = person.name.split()[0] if person.name.split() else ""
            self.by_first.setdefault(fold(first), []).append(person)
        # Job titles written beside the names in the attendance list, folded.
        # Job titles written beside the names, read on the first title looked up.
        self._text = text
        self._titles: dict[str, set[str]] | None = None
        self._initials: dict[str, set[str]] | None = None

    @property
    def by_title(self) -> dict[str, set[str]]:
        if self._titles is None:
            self._titles = {}
            if self._text:
                self._read_titles(self._text)
        return self._titles

    def _read_titles(self, text: str) -> None:
        """Note the job title written after each name ("Tomas Ek, förbundschef")."""
        assert self._titles is not None
        spanned = sorted(
            (p for p in self.participants if p.span[1] > p.span[0]), key=lambda p: p.span
        )
        for k, person in enumerate(spanned):
            start = person.span[0]
            stop = min(len(text), start + 160)
            if k + 1 < len(spanned) and spanned[k + 1].span[0] > start:
                stop = min(stop, spanned[k + 1].span[0])
            for mark in ("\n", ";"):
                cut = text.find(mark, start, stop)
                if cut >= 0:
                    stop = cut
            for title in _TITLE_WORD.findall(text[start:stop].lower()):
                self._titles.setdefault(fold(title.strip("-")), set()).add(person.name)

    def by_role(self, word: str) -> str | None:
        """Return who holds the role `word` names ("processledaren", "förbundschefen")."""
        folded = fold(word)
        role = ROLE_WORDS.get(folded)
        if role is not None:
            holders = {p.name for p in self.participants if p.role and fold(p.role) == role}
            if len(holders) == 1:
                return holders.pop()
        # A definite job title ("förbundschefen", "kommundirektören") against the
        # titles the attendance list wrote beside the names.
        if not _TITLE_WORD.match(word.lower()):
            return None
        for suffix in ("en", "n", "et", "t"):
            if folded.endswith(suffix) and len(folded) > len(suffix) + 3:
                named = self.by_title.get(folded[: -len(suffix)])
                if named is not None:
                    return next(iter(named)) if len(named) == 1 else None
        return None

    def by_initials(self, written: str) -> str | None:
        """Return the one participant whose initials these are ("AL", "KSt", "LOE")."""
        if self._initials is None:
            self._initials = {}
            for person in self.participants:
                for form in initial_forms(person.name):
                    self._initials.setdefault(form, set()).add(person.name)
        named = self._initials.get(written.lower(), set())
        return next(iter(named)) if len(named) == 1 else None

    def is_first_name(self, word: str) -> bool:
        return fold(word) in self.by_first

    def resolve(self, mention: str, organisation: str | None = None) -> str | None:
        """Return the full name of the participant `mention` names, or None."""
        key = (mention, organisation)
        if key not in self._cache:
            self._cache[key] = self._resolve(mention, organisation)
        return self._cache[key]

    def _resolve(self, mention: str, organisation: str | None) -> str | None:
        words = mention.split()
        if not words or len(words) > 4 or len(mention) > 60:
            return None
        if len(words) >= 2 and self.participants:
            # Spelling varies between the list and the text ("Kurve", "Kurdve").
            best = process.extractOne(
                fold(" ".join(words)), self.names, scorer=fuzz.ratio, score_cutoff=85
            )
            if best is not None:
                return self.participants[best[2]].name
        candidates = self.by_first.get(fold(words[0]), [])
        if len(words) == 2 and _INITIAL.fullmatch(words[1]):
            # "Lisa M": a first name and the initial of the surname.
            initial = fold(words[1][0])
            narrowed = [p for p in candidates if fold(p.name.split()[-1])[:1] == initial]
            return narrowed[0].name if len({p.name for p in narrowed}) == 1 else None
        if len(words) >= 2:
            # "Mikael Svalöv": a first name followed by a municipality; any other
            # second word is a surname that matched nobody.
            written = resolve_organisation(" ".join(words[1:]))
            if written is None:
                return None
            organisation = organisation or written
        if organisation is not None and candidates:
            org = fold(organisation)
            narrowed = [p for p in candidates if p.organisation and fold(p.organisation) == org]
            if narrowed or len(words) >= 2:
                candidates = narrowed
        if len({p.name for p in candidates}) == 1:
            return candidates[0].name
        return None

    def mentions(self, text: str) -> list[tuple[int, int, str]]:
        """Return (start, end, full name) for every participant named in `text`."""
        found = []
        for m in NAME.finditer(text):
            words = m.group().split()
            # Try the longest reading first: "Linda Macke", then "Linda".
            for n in range(len(words), 0, -1):
                mention = " ".join(words[:n])
                if n == 1 and not self.is_first_name(mention):
                    continue
                name = self.resolve(mention)
                if name:
                    end = m.start() + len(mention)
                    found.append((m.start(), end, name))
                    break
        return found


def initial_forms(name: str) -> set[str]:
    """Return the ways minutes write a person's initials, lower-cased: "Annika Lövgren"
    is "al", "alö", "alöv"; "Lars-Olof Engdahl" "loe" and "le"."""
    words = name.split()
    if len(words) < 2:
        return set()
    parts = [p for w in words for p in w.split("-") if p]
    first, last = words[0].lower(), words[-1].lower()
    forms = {"".join(p[0] for p in parts).lower(), first[0] + last[0]}
    forms.update(first[0] + last[:n] for n in (2, 3))
    return {f for f in forms if len(f) >= 2}
