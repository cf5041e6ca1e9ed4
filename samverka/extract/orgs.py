"""Organisations named in minutes: the 290 municipalities and common public bodies.

Lookups are dict hits on folded surface forms, built once on first use; the
text scan walks capitalised words only, so it is linear in the text.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

_DATA = Path(__file__).resolve().parent / "data" / "kommuner.csv"

# Abbreviations in common use that are unambiguous in Swedish municipal text:
# "Hbg" (Helsingborg), "Gbg" (Göteborg) and "Sthlm" (Stockholm) are the
# municipalities' own short forms on signs and in mail; the agency acronyms are
# the agencies' own. Others ("Lkr", "Äh") are not established, so left out.
_ABBREVIATIONS: dict[str, str] = {
    "hbg": "Helsingborg",
    "gbg": "Göteborg",
    "sthlm": "Stockholm",
    "skr": "SKR",
    "sveriges kommuner och regioner": "SKR",
    "skl": "SKL",
    "sveriges kommuner och landsting": "SKL",
    "fk": "Försäkringskassan",
    "försäkringskassan": "Försäkringskassan",
    "af": "Arbetsförmedlingen",
    "arbetsförmedlingen": "Arbetsförmedlingen",
    "länsstyrelsen": "Länsstyrelsen",
    "socialstyrelsen": "Socialstyrelsen",
    "ivo": "IVO",
    "inspektionen för vård och omsorg": "IVO",
    "polisen": "Polisen",
    "polismyndigheten": "Polismyndigheten",
    "kriminalvården": "Kriminalvården",
    "migrationsverket": "Migrationsverket",
    "medelpunkten": "Medelpunkten",
    "kommunförbundet skåne": "Kommunförbundet Skåne",
    "familjen helsingborg": "Familjen Helsingborg",
    "sekretariatet familjen helsingborg": "Sekretariatet Familjen Helsingborg",
    "familjen helsingborgs sekretariat": "Sekretariatet Familjen Helsingborg",
    "sfh": "Sekretariatet Familjen Helsingborg",
    "folktandvården": "Folktandvården",
    "närhälsan": "Närhälsan",
    "vision": "Vision",
    "kommunal": "Kommunal",
}

# Municipality names that are also everyday Swedish words; in running text
# they count only with "kommun"/"stad" or when not first in a sentence.
_COMMON_WORDS = frozenset({"vara", "mark", "ale", "boden", "sala", "lund", "mora", "orsa", "ydre"})

_COUNTIES = (
    "Stockholm Uppsala Sörmland Östergötland Jönköping Kronoberg Kalmar Gotland Blekinge "
    "Skåne Halland Västra Götaland Värmland Örebro Västmanland Dalarna Gävleborg "
    "Västernorrland Jämtland Härjedalen Västerbotten Norrbotten"
)

_WORD = re.compile(r"[^\W\d_][\w'’&/-]*", re.UNICODE)
_MAX_WORDS = 5


_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Return `text` lower-cased with whitespace and punctuation at the ends normalised."""
    text = unicodedata.normalize("NFC", text).casefold()
    text = _SPACES.sub(" ", text)
    return text.strip(" .,;:()[]*-–—/\"'")


@cache
def _municipalities() -> dict[str, str]:
    names: dict[str, str] = {}
    with _DATA.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            names[row["name"]] = row["code"]
    return names


@cache
def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    for name in _municipalities():
        key = fold(name)
        genitive = key if key.endswith(("s", "x", "z")) else key + "s"
        for form in (key, f"{key} kommun", f"{genitive} kommun", f"{key} stad", f"{genitive} stad"):
            table[form] = name
        table[f"{genitive} kommuns"] = name
        table[f"{genitive} stads"] = name
        table[f"kommunen {key}"] = name
    for county in _COUNTIES.split(" "):
        table[f"region {fold(county)}"] = f"Region {county}"
    table["region västra götaland"] = "Region Västra Götaland"
    table["västra götalandsregionen"] = "Västra Götalandsregionen"
    table["vgr"] = "Västra Götalandsregionen"
    table["region jämtland härjedalen"] = "Region Jämtland Härjedalen"
    table["region gotland"] = "Gotland"
    for key, proper in _ABBREVIATIONS.items():
        table[key] = proper
    return table


_REGION = re.compile(r"^(?:region|landstinget)\s+[A-ZÅÄÖ][\wåäö-]+(?:\s[A-ZÅÄÖ][\wåäö-]+)?$", re.I)
_LANSSTYRELSEN = re.compile(r"^länsstyrelsen\s+(?:i\s+)?[A-ZÅÄÖ][\wåäö ]+$", re.I)


def strip_diacritics(text: str) -> str:
    """Return `text` without accents ("Höganäs" -> "Hoganas"): OCR and plain-text mail lose them."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@cache
def _ascii_table() -> dict[str, str]:
    """The table keyed without diacritics; a key two names share is left out."""
    table: dict[str, str] = {}
    clashes: set[str] = set()
    for key, proper in _table().items():
        bare = strip_diacritics(key)
        if bare in table and table[bare] != proper:
            clashes.add(bare)
        table[bare] = proper
    for bare in clashes:
        del table[bare]
    return table


# OCR reads "m" as "rn" ("Ljungby kornmun").
_OCR_KOMMUN = re.compile(r"ko(?:rn|m)(?:rn|m)un")


@lru_cache(maxsize=65536)
def resolve_organisation(text: str) -> str | None:
    """Return the proper name of the organisation `text` names, or None when unknown.

    Also reads names that lost their diacritics ("Hoganas kommun") and OCR's
    "kornmun" for "kommun".
    """
    if len(text) > 200:
        return None if len(fold(text)) > 80 else _resolve(text)
    # The header asks about the same words many times (every capitalised word
    # of every list line); a small cache spares the folding and lookups.
    return _resolve_cached(text)


@lru_cache(maxsize=16384)
def _resolve_cached(text: str) -> str | None:
    return _resolve(text)


def _resolve(text: str) -> str | None:
    key = fold(text)
    if not key or len(key) > 80:
        return None
    hit = _table().get(key)
    if hit is not None:
        return hit
    if "rn" in key:
        key = _OCR_KOMMUN.sub("kommun", key)
        hit = _table().get(key)
        if hit is not None:
            return hit
    if key.isascii() and len(key) >= 5:
        # Short bare forms are everyday words ("are", "ange"), not Åre or Ånge.
        hit = _ascii_table().get(key)
        if hit is not None:
            return hit
    stripped = text.strip(" .,;:()[]*-–—/\"'")
    if _REGION.match(stripped) or _LANSSTYRELSEN.match(stripped):
        return " ".join(stripped.split())
    return None


def is_municipality(name: str) -> bool:
    """Return whether `name` (any form: "Höganäs kommun", "Hbg") is a Swedish municipality."""
    hit = resolve_organisation(name)
    return hit is not None and hit in _municipalities()


def municipality_code(name: str) -> str | None:
    hit = resolve_organisation(name)
    return _municipalities().get(hit) if hit else None


def find_organisations(
    text: str, start: int = 0, end: int | None = None
) -> list[tuple[tuple[int, int], str]]:
    """Return (span, proper name) for every known organisation in text[start:end], longest first."""
    end = len(text) if end is None else end
    table = _table()
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, start, end)]
    found: list[tuple[tuple[int, int], str]] = []
    i = 0
    while i < len(words):
        hit = None
        for n in range(min(_MAX_WORDS, len(words) - i), 0, -1):
            s, e = words[i][0], words[i + n - 1][1]
            if e - s > 80:
                continue
            surface = text[s:e]
            if not surface[0].isupper() and n == 1:
                # A lower-case single word is prose, not a name ("vision", "polisen").
                continue
            proper = table.get(fold(surface))
            if proper is None:
                continue
            if n == 1 and fold(surface) in _COMMON_WORDS and _sentence_start(text, s):
                continue
            hit = ((s, e), proper, n)
            break
        if hit is None:
            i += 1
            continue
        found.append((hit[0], hit[1]))
        i += hit[2]
    return found


def _sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos].rstrip()
    return not before or before[-1] in ".!?:\n"
