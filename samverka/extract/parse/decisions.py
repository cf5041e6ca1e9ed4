"""Decisions and deferrals in the sentences of one agenda item.

A decision is one clause: the sentence that carries a decision formula, with
the label in front of it ("Beslut:", "Beslut 1.") cut off. A bare "Till
handlingarna" under "Föregående anteckningar" names nothing decided upon and
is left out; "lägga delgivningarna till handlingarna" names what is filed
and counts.
"""

from __future__ import annotations

import re

from samverka.extract.lazy import compile_on_use
from samverka.extract.model import Decision, Span
from samverka.extract.parse.sentences import Sentence, may_say_beslut

_LABEL = re.compile(
    r"^(?:(?:\w+\s+)?beslut(?:et)?\s*(?:\d{1,2}\s*[.)]\s*)?:?\s*|\d{1,2}\s*[.)]\s+)", re.IGNORECASE
)
# Alternatives that open with \b are grouped between those that open with ^: the
# engine then tests the word boundary once per position, not once per alternative.
_FORMULA = re.compile(
    r"(?:\bbeslut(?:ar|ade|öt|ades)\b|\bbeslut(?:et)?\s*(?:\d{1,2}\s*[.)]\s*)?:?\s+att\b)"
    r"|^beslut\s*:"
    r"|(?:\benas om\b|\benades om\b|\bkommer överens om\b|\bkom överens om\b"
    r"|\bfastställ(?:s|des|er)\b"
    r"|\bgodkänn(?:s|des)\b|\bgodkänner\b|\butses (?:att justera|till)\b|\butsågs\b"
    # "Frågan bordläggs" puts the item off (`CARRIED_OVER`); under a "Beslut"
    # label, or as "beslutar att bordlägga", it is also the decision.
    r"|\bväljer\b[^.]{0,200}\btill\b|\bväljs\b|\btill handlingarna\b"
    r"|\bställ(?:er|de) sig bakom\b"
    r"|\bavslås\b|\bbifalls\b|\bbiföll(?:s)?\b"
    # "Mötet godkände dagordningen", "Nätverket godkände att …" (not "godkände
    # riksdagen …", another body's decision).
    r"|\b(?:mötet|nätverket|gruppen|arbetsgruppen|rådet|styrelsen|direktionen|nämnden"
    r"|utskottet|arbetsutskottet|deltagarna)\s+godkände\b"
    r"|\btillstyrk(?:s|er)\b|\bantas\b|\bantogs\b"
    r"|\bvaldes\b[^.]{0,40}\b(?:justera|till)\b|\b(?:justerare|ordförande) valdes\b"
    r"|\båterremitter|\bbeslöts?\b|\bgodkändes\b|\bbevilja(?:s|des)\b|\bavslogs\b"
    r"|\bbeslutet blev\b)",
)
# "Beslut:" as a label in front of a clause.
_DECISION_LABEL = re.compile(
    r"^(?:\w+\s+)?beslut(?:et)?\b\s*(?:\d{1,2}\s*[.)])?\s*:?", re.IGNORECASE
)
# A filing formula needs an object: "lägga delgivningarna till handlingarna".
_BARE_FILING = re.compile(r"^(?:läggs\s+|lades\s+)?till handlingarna\W*$", re.IGNORECASE)
# Filing the previous minutes is routine, not a decision of the meeting.
_MINUTES_FILED = re.compile(
    r"^(?:föregående |förra )?(?:mötets )?(?:minnes)?(?:anteckningar(?:na)?|protokoll(?:et)?)\b.*"
    r"\btill handlingarna\b",
    re.IGNORECASE,
)
# Past decisions of other bodies are reported, not taken here, and a decision
# "på nästa möte" is yet to be taken.
_REPORTED = re.compile(
    # "Riktlinjerna antogs 2019": a decision of a year gone by.
    r"\b(?:antogs|godkändes|fastställdes|beslöts|beslutades)\s+(?:i\s+\w+\s+|år\s+)?(?:19|20)\d\d\b|"
    # "Strategin antogs av kommunfullmäktige i april": another body's decision.
    r"\b(?:antogs|godkändes|fastställdes|beslöts|beslutades|antagits|fastställts)\s+av\s+"
    r"(?:\w*fullmäktige|kommunstyrelsen|regionstyrelsen|regeringen|riksdagen)\b|"
    # "kostnader kan beviljas", "kan antas": what may be decided, not what was.
    r"\b(?:kan|kunde|får|bör|skulle|kunna)\s+(?:\w+\s+)?(?:beviljas|godkännas|antas|fastställas"
    r"|avslås|bifallas)\b|"
    r"\b(?:på|vid|till) (?:nästa|kommande) (?:möte|sammanträde)|\b(?:förra|föregående) möte|"
    r"\bhar (?:fattat|tagit) beslut\b|\bfattat beslut\b|\bbeslut från\b"
    r"|\btar (?:nätverket )?beslut\b"
    r"|\bbeslutat\b|\bbeslutats\b|\bpolitiskt beslutad\b",
)

# The words for a meeting that an item is put off to.
_NEXT = r"(?:möte|träff|tillfälle|sammanträde|samråd|gång|nätverksträff|nätverksmöte)"
_THE_MEETING = r"(?:mötet|träffen|sammanträdet|samrådet|nätverksträffen|nätverksmötet)"

CARRIED_OVER = re.compile(
    r"^utgår\b(?! från)|(?:\b(?:tas|tags|lyfts) upp igen\b|\bpostponed\b|\bdeferred\b"
    r"|\butgick\b|\b(?:punkten|ärendet|frågan) utgår\b|\bbordl(?:äggs|ades|ägga|agt)\b"
    r"|\bhanns inte med\b"
    r"|\bhanns ej med\b|\bhann(?:s)? (?:inte|ej) (?:behandlas|tas upp|diskuteras)\b"
    r"|\b(?:flyttas|skjuts|sköts|flyttades|hänskjuts|överförs|överflyttas)\b[^.]{0,40}"
    r"\b(?:nästa|kommande|senare)\b"
    r"|\bskjuts (?:upp|fram)\b"
    r"|\b(?:flyttas|skjuts) (?:fram |upp )?till " + _THE_MEETING + r" (?:i|den)\b"
    r"|\btill (?:nästa|kommande) (?:möte|sammanträde), där\b"
    r"|\b(?:fastställs|beslutas|avgörs|tas beslut|beslut tas|tar \w+ beslut)\b[^.]{0,30}"
    r"\b(?:på|vid) (?:nästa|kommande) (?:möte|sammanträde|träff)"
    r"|\b(?:tas|tags|lyfts) upp (?:igen )?(?:(?:på|vid|till) )?(?:nästa|nästkommande|kommande) "
    + _NEXT
    + r"|\bvänta(?:r)? (?:med [^.]{1,40} )?till (?:nästa|kommande) (?:möte|träff|tillfälle"
    r"|sammanträde)"
    r"|\bsköts upp\b|\bhann(?:s)? (?:vi |ni |man |gruppen )?(?:inte|ej) med\b"
    r"|\båterkommer?\b[^.]{0,40}\b(?:nästa|kommande) (?:möte|träff|tillfälle)"
    r"|\b(?:på|vid|till) (?:vårt |nätverkets )?nästa (?:möte|träff"
    r"|tillfälle)\b[^.]{0,60}\b(?:beslut|dialog|diskuter|fortsätt|tar upp|tas upp)"
    r"|\b(?:dialog|diskussion|beslut)(?:en|erna|et)?\b[^.]{0,80}\b(?:på|vid) (?:vårt "
    r"|nätverkets )?nästa (?:möte|träff|tillfälle|sammanträde)\b)",
    re.IGNORECASE,
)
# "Annika återkommer med redovisningen till nästa möte": a promise to bring something.
_RETURNS = re.compile(
    r"\båterkommer\b[^.]{0,60}\b(?:nästa|kommande) (?:möte|träff|tillfälle)", re.IGNORECASE
)
# Things that may happen at the next meeting are no deferral ("kan lyftas på nästa möte"),
# nor is a report asked for by then ("begära en redovisning … till nästa möte"),
# nor is a routine ("på varje möte … tas upp på nästkommande möte"); a point that
# "utgick" or "bordläggs" is deferred whatever else the sentence says.
_NOT_CARRIED = re.compile(
    r"\bkan\b|\bvarje\b|\bbegär|\bredovisning\b|\båterrapport|\bunderlag\b", re.IGNORECASE
)
_SURELY_CARRIED = re.compile(
    r"(?:\båterremitter(?:as|ar|a|ades)\b|\butgick\b|\bbordl(?:äggs|ades)\b)|^utgår\b(?! från)"
    r"|(?:\bhann(?:s)? (?:vi |ni |man |gruppen )?(?:inte|ej) (?:med|behandlas)\b"
    r"|\b(?:flyttas|skjuts) (?:fram "
    r"|upp )?till (?:nästa|kommande|mötet|sammanträdet|ett senare)\b)",
    re.IGNORECASE,
)


# Words one of which every formula contains; a cheap test before the regexes.
_FORMULA_KEYS = (
    "valdes", "återremitter",
    "beslut", "beslöt", "enas", "enades", "överens", "fastst", "godkän", "utses", "utsågs",
    "välj", "handlingarna", "bevilja", "avslogs",
    "avslås", "bifalls", "biföll", "tillstyrk", "antas", "antogs", "bakom",
)  # fmt: skip
_CARRIED_KEYS = (
    "återremitter",
    "utgick", "utgår", "hänskjuts", "överförs",
    "bordl", "hann", "flytta", "skjuts", "sköts", "nästa", "kommande", "igen", "postponed",
    "deferred",
)  # fmt: skip


# "Beslut: att …", "Nämnden beslutar att …": taken here, whatever else the sentence says.
_EXPLICIT = re.compile(
    r"^(?:\w+s\s+)?beslut(?:et)?\s*(?:\d{1,2}\s*[.)])?\s*:|\bbeslut(?:ar|ade) att\b|\bbeslöt att\b",
)
# A proposal put to the meeting is not its decision: "Förslag till beslut: att …",
# "Förvaltningen föreslår att nämnden beslutar att …".
# "Per Ek (C) yrkar att ärendet bordläggs": a motion, not the decision.
_PROPOSAL = re.compile(
    r"\bförslag till beslut\b|\bföresl(?:år|ås|ogs|agit|og)\b|\byrka(?:r|de|nde)\b"
)
_STARTS_LABELLED = re.compile(r"(?:\w+s\s+)?beslut(?:et)?\s*:")
# "Ordföranden ställer proposition … och finner att …": procedure, not the decision.
_PROCEDURE = re.compile(r"\bproposition\b|\bfinner att\b|\bbeslutsgång\b")


# "Styrelsen beslutar" on a line of its own, the att-clauses on the lines after.
_LEAD_IN = re.compile(
    r"^[\w -]{0,60}\b(?:beslutar|beslutade|beslöt)(?:\s+(?:att|följande))?\s*:?$", re.IGNORECASE
)


_LEAD_VERB = re.compile(
    r"^(?:[-–•*]\s+)?(?:[^\W\d_][\w-]*\s+){0,3}?(?:beslutade|beslöt|beslutar|beslutades|beslöts)"
    # "Efter diskussion beslutade nätverket att …".
    r"(?:\s+(?:vi|man|[^\W\d_]+(?:et|en|na)))?\s*:?\s*(?=att\s)",
    re.IGNORECASE,
)
_BARE_LABEL = re.compile(r"(?:\w+s\s+)?beslut(?:et)?\s*:?", re.IGNORECASE)
_NUMBERED = re.compile(r"(?:beslut\s*)?\d{1,2}\s*[.)]\s", re.IGNORECASE)
_LABEL_THEN_LIST = re.compile(r"(?:\w+\s+)?beslut(?:et)?\s*:?$|beslut\s+\d", re.IGNORECASE)
_ONE_WORD = re.compile(r"\w+")
_NEXT_ATT = re.compile(r"(?:[,;]|\s+samt)\s+(?=att\s)", re.IGNORECASE)
_NEXT_BULLET = re.compile(r"[,;]?\s+[-–•]\s+(?=\w)")
_NEXT_NUMBER = re.compile(r"[,;]\s+\d{1,2}[.)]\s+(?=\w)")
_BULLET_START = re.compile(r"^[-–•]\s+")
# "Nämnden beslutar att A, att B": the att-clauses after the formula.
_DECIDES_ATT = re.compile(r"\bbeslut(?:ar|ade)\s+(?=att\s)|\bbeslöt\s+(?=att\s)", re.IGNORECASE)


_FOLD = str.maketrans("åäöéÅÄÖÉ", "aaoeAAOE")


def _folded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """Return `pattern` with å, ä, ö, é folded, for text that lost its diacritics."""
    # Compiled on first use: only a sentence without å, ä and ö that holds a folded
    # cue word needs it.
    return compile_on_use(pattern.pattern.translate(_FOLD), pattern.flags)


def _lost_diacritics(low: str) -> bool:
    """Return whether a sentence reads as Swedish that lost its å, ä and ö ("Arendet bordlaggs")."""
    return "å" not in low and "ä" not in low and "ö" not in low


class _Patterns:
    def __init__(self, fold: bool) -> None:
        f = _folded if fold else (lambda p: p)
        self.formula = f(_FORMULA)
        self.explicit = f(_EXPLICIT)
        self.reported = f(_REPORTED)
        self.carried = f(CARRIED_OVER)
        self.surely = f(_SURELY_CARRIED)
        keys = (k.translate(_FOLD) for k in _FORMULA_KEYS) if fold else _FORMULA_KEYS
        self.formula_keys = tuple(dict.fromkeys(keys))
        ckeys = (k.translate(_FOLD) for k in _CARRIED_KEYS) if fold else _CARRIED_KEYS
        self.carried_keys = tuple(dict.fromkeys(ckeys))


def find_decisions(sentences: list[Sentence]) -> list[Decision]:
    decisions: list[Decision] = []
    labelled = False
    just_labelled = False
    # A cue word absent from the whole item is absent from each sentence: test
    # each sentence for the few cues the item holds, not for all of them.
    keys = _present(sentences, "formula_keys")
    for sentence in sentences:
        text = sentence.text
        first_after_label, just_labelled = just_labelled, False
        low = sentence.low
        # "Beslut" alone on a line, or "Beslut 1. …": what follows are the decisions.
        if may_say_beslut(low) and (_BARE_LABEL.fullmatch(text) or _LEAD_IN.match(text)):
            labelled = just_labelled = True
            continue
        pat = _FOLDED if _lost_diacritics(low) else _PLAIN
        is_decision = (
            any(key in low for key in keys[pat is _FOLDED])
            # The patterns are written in lower case and matched against `low`,
            # which is much faster than case-folding matches on every character.
            and bool(pat.formula.search(low))
            and (
                bool(pat.explicit.search(low))
                or not (pat.reported.search(low) or _PROCEDURE.search(low))
            )
            # "Förvaltningen föreslår att nämnden beslutar att …": a proposal.
            and not (_PROPOSAL.search(low) and not _STARTS_LABELLED.match(low))
        )
        numbered = bool(_NUMBERED.match(text))
        # The sentence right under a "Beslut" label is the decision, whatever its words.
        if labelled and (
            numbered
            or first_after_label
            or low[:4] == "att "
            or _BULLET_START.match(text) is not None
        ):
            is_decision = True
        elif labelled and not is_decision:
            labelled = False
        if not is_decision:
            continue
        if _LABEL_THEN_LIST.match(text):
            labelled = True
        start = 0
        label = _LABEL.match(text)
        if label and (_DECISION_LABEL.match(text) or numbered):
            start = label.end()
        if start == 0:
            # "Mötet beslöt att …", "Beslutades att …": the decision is the att-clause.
            lead = _LEAD_VERB.match(text)
            if lead:
                start = lead.end()
        decides = _DECIDES_ATT.search(text, start)
        if decides and _NEXT_ATT.search(text, decides.end()):
            start = decides.end()  # "Nämnden beslutar att A, att B": each clause its own
        clause = text[start:].strip()
        clause_start = start + (len(text[start:]) - len(text[start:].lstrip()))
        clause = clause.rstrip(".")
        if not clause or _BARE_FILING.match(clause) or _MINUTES_FILED.search(clause):
            continue
        if _ONE_WORD.fullmatch(clause):
            continue
        # "Beslut: att A, att B": a protocol lists each decision as its own att-clause,
        # "beslutar att – A, – B" as bullets.
        pieces = [clause]
        if clause[:4].lower() == "att ":
            pieces = _NEXT_ATT.split(clause)
        elif _BULLET_START.match(clause):
            pieces = _NEXT_BULLET.split(clause[_BULLET_START.match(clause).end() :])  # type: ignore[union-attr]
            clause_start += len(clause) - len(clause.lstrip("-–• "))
        elif numbered and _NEXT_NUMBER.search(clause):
            # "1. godkänna uppföljningen, 2. uppdra åt förvaltningen att …": a
            # numbered list wrapped into one sentence holds one decision a number.
            pieces = _NEXT_NUMBER.split(clause)
        at = clause_start
        for piece in pieces:
            piece = piece.strip().rstrip(".,;")
            if not piece:
                continue
            offset = sentence.text.find(piece, at)
            if offset < 0:
                offset = at
            decisions.append(
                Decision(text=piece, span=sentence.sub_span(offset, offset + len(piece)))
            )
            at = offset + len(piece)
    return decisions


def _present(sentences: list[Sentence], which: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return the plain and the folded cue words `which` that occur anywhere in `sentences`."""
    if not sentences:
        return (), ()
    joined = "\n".join(s.low for s in sentences)
    # Most cue words are the same folded ("beslut", "antas"): search for each once.
    found = {k for k in _EITHER_KEYS[which] if k in joined}
    plain: tuple[str, ...] = getattr(_PLAIN, which)
    folded: tuple[str, ...] = getattr(_FOLDED, which)
    return (
        tuple(k for k in plain if k in found),
        tuple(k for k in folded if k in found),
    )


def is_carried_over(sentences: list[Sentence], explained: list[Span] | None = None) -> bool:
    """Return whether the item was deferred.

    `explained` holds the spans of assignments: "Annika återkommer med
    redovisningen till nästa möte" gives Annika a task due then, it does not
    put the item off.
    """
    keys = _present(sentences, "carried_keys")
    for s in sentences:
        low = s.low
        pat = _FOLDED if _lost_diacritics(low) else _PLAIN
        if not any(key in low for key in keys[pat is _FOLDED]):
            continue
        if pat.surely.search(s.text):
            return True
        if not pat.carried.search(s.text) or _NOT_CARRIED.search(s.text):
            continue
        span = s.span
        if explained and any(a < span[1] and span[0] < b for a, b in explained):
            # Someone "återkommer med …" by the next meeting: their task, unless the
            # sentence also puts the item off ("… och utkastet fastställs på nästa möte").
            rest = _RETURNS.sub(" ", s.text)
            if not pat.carried.search(rest):
                continue
        return True
    return False


_PLAIN = _Patterns(fold=False)
_FOLDED = _Patterns(fold=True)
# The cue words of `_PLAIN` and `_FOLDED`, each once.
_EITHER_KEYS = {
    which: tuple(dict.fromkeys((*getattr(_PLAIN, which), *getattr(_FOLDED, which))))
    for which in ("formula_keys", "carried_keys")
}
