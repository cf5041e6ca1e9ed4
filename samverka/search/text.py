"""Swedish words as the index sees them: tokens, Snowball stems, folded forms.

FTS5 has no Swedish stemmer, so stems are computed here, at index and at query
time alike. PostgreSQL stems with its own `swedish` configuration (the same
Snowball algorithm); the query side of both backends uses these stems.
"""

from __future__ import annotations

import re

import snowballstemmer

# Letters and digits; the underscore is not part of a word for FTS5 either.
WORD = re.compile(r"[^\W_]+")

# PostgreSQL's swedish.stop (the Snowball list), so that phrase gaps agree with
# the positions `to_tsvector('swedish', …)` leaves for stop words.
_STOPWORD_TEXT = """
och det att i en jag hon som han på den med var sig för så till är men ett om hade de av
icke mig du henne då sin nu har inte hans honom skulle hennes där min man ej vid kunde
något från ut när efter upp vi dem vara vad över än dig kan sina här ha mot alla under
någon eller allt mycket sedan ju denna själv detta åt utan varit hur ingen mitt ni bli
blev oss din dessa några deras blir mina samma vilken er sådan vår blivit dess inom mellan
sådant varför varje vilka ditt vem vilket sitta sådana vart dina vars vårt våra ert era
vilkas
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

# å, ä and ö are letters of their own in Swedish; folding them is only for
# matching what someone typed on a keyboard without them.
FOLD_FROM, FOLD_TO = "åäöéèüáà", "aaoeeuaa"
_FOLD = str.maketrans(FOLD_FROM, FOLD_TO)
_DOUBLE_END = re.compile(r"([bcdfgjklmnpqrstvxz])\1$")

_stemmer = snowballstemmer.stemmer("swedish")
_stems: dict[str, str] = {}


def words(text: str) -> list[str]:
    """Return the lower-cased words of `text`, as FTS5's unicode61 tokenizer and
    PostgreSQL's parser see them (lower-cased, not case-folded: "ß" stays)."""
    return WORD.findall(text.lower())


def stem(word: str) -> str:
    """Return the Snowball stem, with a final double consonant made single.

    Snowball leaves "familjehemm" for "familjehemmen" and "hemm" for "hemmet";
    undoubling lets those meet "familjehem" and "hem".
    """
    cached = _stems.get(word)
    if cached is None:
        cached = _DOUBLE_END.sub(r"\1", _stemmer.stemWord(word))
        if len(_stems) < 500_000:
            _stems[word] = cached
    return cached


def fold(word: str) -> str:
    return word.translate(_FOLD)


def is_folded(word: str) -> bool:
    """Return whether `word` could stand for a word typed with å, ä or ö."""
    return fold(word) == word and ("a" in word or "o" in word)


# PostgreSQL marks the stems of a title's words (and their folded forms) as
# lexemes of their own in the same tsvector as the text, so that one GIN
# lookup tells a title hit without weights (a weight in a tsquery makes
# PostgreSQL recheck every candidate row). Letters that no Swedish word starts
# with keep them apart from the words of the text (SQLite's scope tokens do
# the same).
TITLE_MARK = "zzt"
