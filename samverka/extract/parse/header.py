"""The header pass: what describes the meeting, and who was there.

The heuristics, their reasons and their limits are written down in
`samverka/extract/notes/header.md`.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from samverka.extract.dates import MONTHS, find_dates, find_time_ranges
from samverka.extract.lazy import compile_on_use
from samverka.extract.model import Minutes, Participant, SourceText, Span, Status
from samverka.extract.orgs import (
    find_organisations,
    fold,
    is_municipality,
    resolve_organisation,
    strip_diacritics,
)
from samverka.extract.parse.people import People
from samverka.extract.parse.types import Header

# Attendee sections sit in the first part of a document; looking further only
# finds prose ("närvarande" in a sentence) and costs time on long files.
HEAD_CHARS = 6000
TAIL_CHARS = 800


def _letter_class(test: str) -> str:
    """Return a character-class body with every letter below U+3000 for which `test` holds.

    Names are written in any Latin, Greek or Cyrillic letters ("Dragana Petrović",
    "Ayşe Yılmaz", "Nguyễn"): `re` has no \\p{Lu}, so the class is built once.
    """
    ranges: list[tuple[int, int]] = []
    is_case = getattr(str, test)
    for code in range(0x41, 0x3000):
        ch = chr(code)
        if is_case(ch) and ch.isalpha():
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )


# Upper- and lower-case letters of any script (Unicode-aware, not a Swedish list).
_UC = _letter_class("isupper")
_LC = _letter_class("islower")

# Section labels; the alternation is sorted longest first so that "Övriga
# deltagande" wins over "Övriga".
_PRESENT_LABELS = (
    "Närvarande, ej tjg ers",
    "Närvarande ej tjg ers",
    "Närvarande ledamöter",
    "Närvarande ersättare",
    "Närvarande tjänstepersoner",
    "Närvarande tjänstemän",
    "Närvarande övriga",
    "Ledamöter närvarande",
    "Ersättare närvarande",
    "Tjänstepersoner närvarande",
    "Tjänstemän närvarande",
    "Deltagande ledamöter",
    "Mötesdeltagare",
    "Deltog",
    "Deltar",
    "Ej tjänstgörande ersättare",
    "Tjänstgörande ersättare",
    "Övriga deltagande",
    "Övriga deltagare",
    "Övriga närvarande",
    "Ovriga deltagande",
    "Ovriga närvarande",
    "Närvarande",
    "Deltagare",
    "Deltagande",
    "Beslutande",
    "Ledamöter",
    "Ordinarie ledamöter",
    "Ersättare",
    "Adjungerade",
    "Adjungerad",
    "Tjänstepersoner",
    "Tjänstemän",
    "Tjänsteperson",
    "Tjänsteman",
    "Medverkande",
    "Närvarolista",
    "Övriga",
    "Ovriga",
    # English minutes (a Swedish body's international or translated notes).
    "Attendees",
    "Participants",
    "Members present",
    "Present",
    "Attending",
    # "Med: Anna (Lund), Per Ek (Eslöv)": only with a colon (`_COLON_ONLY`).
    "Med",
    "Med på mötet",
    "Med på träffen",
    # "Vi var: Sofia Kling Andersson/Ystad, …" in minutes written as a letter.
    "Vi var",
    "Vi som deltog",
)
_GUEST_LABELS = (
    "Inbjudna gäster",
    "Inbjudna",
    "Inbjuden",
    "Gäster",
    "Gäst",
    "Guests",
    "Guest",
    "Invited",
)
_ABSENT_LABELS = (
    "Ej närvarande",
    "Meddelat förhinder",
    "Anmält förhinder",
    "Anmälda förhinder",
    "Frånvarande",
    "Förhindrade",
    "Förhinder",
    "Ej deltagande",
    "Återbud",
    "Inte med",
    "Ej med",
    "Apologies",
    "Absent",
    "Regrets",
)
# Labels that are ordinary words without their colon ("Med vänliga hälsningar").
_COLON_ONLY = frozenset(
    {"med", "med på mötet", "med på träffen", "inte med", "ej med", "vi var", "vi som deltog"}
    | {"present", "absent", "invited", "attending"}
)
_ALL_LABELS = (*_PRESENT_LABELS, *_GUEST_LABELS, *_ABSENT_LABELS)
_LABEL_STATUS: dict[str, Status] = {
    **{fold(x): "present" for x in _PRESENT_LABELS},
    **{fold(x): "guest" for x in _GUEST_LABELS},
    **{fold(x): "absent" for x in _ABSENT_LABELS},
    # "ande" is the tail of "Närvarande"/"Beslutande" when a PDF column split the label.
    "ande": "present",
}
# Labels that lost their diacritics ("Narvarande", "Franvarande") say the same.
_LABEL_STATUS.update({strip_diacritics(k): v for k, v in list(_LABEL_STATUS.items())})


# No word character or hyphen before a label, tested after its first letter.
_LABEL_START = r"(?<![\w-].)"


def _label_alternation(labels: set[str]) -> str:
    """Return the labels as an alternation grouped by their (capital) first letter.

    "N(?i:ärvarande|…)|D(?i:eltagare|…)": the engine tests one letter per group
    instead of every label at every capital, and the rest matches in any case.
    Each group opens with its letter, `_LABEL_START` after it, so that the
    engine scans for those letters instead of trying every position.
    """
    groups: dict[str, list[str]] = {}
    for label in sorted(labels, key=len, reverse=True):
        groups.setdefault(label[0].upper(), []).append(re.escape(label[1:]).replace(r"\ ", r"\s+"))
    return "|".join(
        f"{first}{_LABEL_START}(?i:{'|'.join(rests)})" for first, rests in groups.items()
    )


_LABEL_ALT = _label_alternation({*_ALL_LABELS, *(strip_diacritics(x) for x in _ALL_LABELS)})
# Case-insensitive so that Word exports in capitals ("DELTAGARE", "EJ NÄRVARANDE")
# count; a match must still start with a capital (`_label_case_ok`).
_LABEL = re.compile(
    r"(?P<label>" + _LABEL_ALT + r"|a" + _LABEL_START + r"nde)"
    # "Närvarande styrelseledamöter:", "Gäst under § 6:": a qualifier before the colon.
    r"(?P<qual>(?:[ \t]+[a-zåäö][\w-]*){1,2}(?=\s?:)"
    # "Inbjuden under punkt 4" alone on its line is a label too.
    r"|(?:[ \t]+[a-zåäö]+)?[ \t]+(?:under|vid|för)[ \t]+(?:§|punkt)[ \t]*[\dA-Z]{1,3}"
    r"(?=\s?:|[ \t]*\n))?"
    r"(?P<colon>\s?:)?"
    r"(?!\s?(?i:frågor|ärenden|punkter|information|övrigt)\b)(?=[\s" + _UC + r"]|$)",
)


def _label_case_ok(label: str) -> bool:
    """A label is written capitalised or in capitals; "närvarande" in lower case is prose."""
    return label == "ande" or (
        label[:1].isupper()
        and all(
            w.islower() or w.isupper() or (w[:1].isupper() and w[1:].islower())
            for w in re.split(r"[\s,]+", label)
            if w
        )
    )


# A line holding only a plural noun and a colon ("Socialchefer:") heads a list
# of people in many networks' minutes; accepted when a name follows.
_GENERIC_WORD = r"[" + _UC + r"][\w-]{2,30}(?:er|ar|or|na|män)"
_GENERIC_LABEL = re.compile(r"(?m)^[ \t]*(?P<label>" + _GENERIC_WORD + r")[ \t]*:[ \t]*$")

# The same label with the list on its own line: "LSS-chefer: Maria Kjellberg-Nyköping, …"
# (opening with the newline before it, which the regex engine scans for).
_GENERIC_INLINE = re.compile(
    r"\n[ \t]*(?P<label>" + _GENERIC_WORD + r")[ \t]*:(?=[ \t]*[" + _UC + r"])"
)

# Labels that end an attendee section.
_STOP = re.compile(
    r"(?:Utses\s+(?:att\s+)?justera|Justerare\b|Justerande\b|Justeringens|Underskrifter|"
    r"Paragrafer|ANSLAG|Anslag\b|Dagordning|Ärenden\b|Föredragningslista|Ärendelista|"
    r"Minnesanteckningar|Anteckningar|Protokoll\b|Sammanträdesdatum|Organ\b|Plats\s+och\s+tid|"
    r"§\s?\d+\s+[" + _UC + r"]|Dialogpunkter|Informationspunkter|Innehållsförteckning)",
)
_SIGNATURE_START = re.compile(r"Underskrifter|Underskrift\b")

# "AnnSofie", "MarieLouise": a second capital inside a first name.
_NAME_WORD = re.compile(
    r"[" + _UC + r"][" + _LC + r"'’]+(?:[" + _UC + r"][" + _LC + r"]{2,})?"
    r"(?:-[" + _UC + r"]?[" + _LC + r"]+)*(?![\w$])"
)
_TOKEN = re.compile(r"[^\W_][\w'’$/&-]*|\S", re.UNICODE)

# Capitalised words that are titles, bodies or places, never part of a name.
_TITLE_WORDS = (
    r"(?:chef|ledare|samordnare|sekreterare|ordförande|handläggare|strateg|ekonom|konsulent|"
    r"kurator|administratör|direktör|controller|representant|revisor|biträde|utvecklare|"
    r"planerare|rådgivare|förmedlare|assistent|ansvarig|ombudsman|inspektör|ledamot|"
    r"ersättare|justerare|notarie|psykolog|läkare|sköterska|pedagog|skötare|kommunalråd|"
    r"oppositionsråd|regionråd|landstingsråd|forskare|kommunpolis|polis|kassör|suppleant|"
    r"praktikant|student|trainee)"
)
_ORG_WORDS = (
    r"(?:kommun|kommuns|region|landstinget|sekretariatet|kansli|kansliet|förvaltning|"
    r"förvaltningen|nämnd|nämnden|förbund|förbundet|enhet|enheten|team|teamet|teamen|"
    r"förening|föreningen|huset|rummet|vägen|gatan|torget|nätverket|rådet|gruppen|styrelsen|"
    r"hotell|center|centrum|skola|skolan|avdelning|avdelningen|bolag|bolaget|myndighet|"
    r"kassan|verket|ringen|konferens|möte|mötet|protokoll|anteckningar|kommuner|regioner|"
    r"landsting|universitet|universitetet|högskola|högskolan|länsstyrelse|länsstyrelsen|"
    r"stiftelse|stiftelsen|församling|församlingen|seniorerna|pensionärer|pensionärerna|"
    r"tjänst|tjänsten|myndigheten|polisen|förvaltningen|förbundet|nämnden)"
)


class _Suffixes:
    """Suffix test on a lower-cased word; `str.endswith` beats an end-anchored regex search.

    The answers are remembered per word: minutes repeat their words, and a
    tuple of a hundred suffixes is tried one by one.
    """

    def __init__(self, alternation: str, genitive: bool = False) -> None:
        words = tuple(alternation.strip("(?:)").split("|"))
        self.ends = words + tuple(w + "s" for w in words) if genitive else words
        self.seen: dict[str, bool] = {}

    def search(self, word: str) -> bool:
        found = self.seen.get(word)
        if found is None:
            if len(self.seen) >= _SUFFIX_MEMORY:
                self.seen.clear()
            found = self.seen[word] = word.lower().endswith(self.ends)
        return found


# Words remembered per suffix test before the memory starts over.
_SUFFIX_MEMORY = 65536


_TITLE_SUFFIX = _Suffixes(_TITLE_WORDS + "|" + _ORG_WORDS.strip("(?:)"), genitive=True)
_ORG_WORD_END = _Suffixes(_ORG_WORDS, genitive=True)
# Words that make the capitalised words before them a venue, not a person.
_VENUE_WORD = re.compile(
    r"(?:Konferens|Hotell|Hotel|Huset|Gård|Gården|Center|Centrum|Kyrka|Skola|Restaurang)\b"
)
_NOT_NAME_WORDS = """
Teams Zoom Skype Datum Tid Plats Lokal Sida Dag Och Ordf Vice Tjg Ers Adj Ej Se
Närvaro Beslut Ärende Punkt Nästa Möte Mötet Info Information Övrigt Övriga Frågor
Från Till Med För Om Vid Den Det Alla Samtliga Kl Klockan Januari Februari Mars April
Maj Juni Juli Augusti September Oktober November December Måndag Tisdag Onsdag
Torsdag Fredag Lördag Söndag Måndagen Tisdagen Onsdagen Torsdagen Fredagen Ordinarie
Ledamöter Ledamot Ersättare Tjänstgörande Gäster Inbjudna Frånvarande Närvarande
Deltagare Beslutande Förhinder Förhindrade Underskrifter Justering Justeringens
Paragrafer Utses Organ Sekreterare Ordförande Justerande Justerare Protokoll
Minnesanteckningar Anteckningar Dagordning Socialchefer Namn Organisation Roll Funktion
Titel Befattning Representerar Representant Kommun Förvaltning Uppdrag Status
Attendees Participants Present Absent Apologies Guest Guests Date Time Location Venue
Chair Chairperson Notes Minutes Agenda Secretary
Östra Västra Norra Södra Mellersta Nordöstra Nordvästra Sydöstra Sydvästra Övre Nedre
"""
_NOT_NAME = frozenset(fold(w) for w in _NOT_NAME_WORDS.split())
# Surname endings common in Swedish; used only to split names that a lost
# layout ran together ("Anette Schön Erling Johansson Ulrika Björklund").
_SURNAME_END = _Suffixes(
    "son|sen|dotter|berg|ström|gren|lund|qvist|kvist|holm|blad|stedt|stam|sjö|ling|mark|vall|dal|dahl|borg|gård|fors|hed|näs|bäck|by|ek|ros|man|rot|strand|ius|ér|én|in|ell"
)
_PARTY = re.compile(r"\(\s?(?:s|m|c|l|kd|v|mp|sd|fp|fi)\s?(?:[,)]|\s|$)", re.I)
_ROLE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"\b(?:vice\s+ordf(?:örande)?|v\.?\s?ordf(?:örande)?|vice\s+ordf\.?)", re.I),
        "vice ordförande",
    ),
    # "ordf6rande": OCR's digit for "ö".
    (
        re.compile(r"\b(?:mötes)?ordf(?:[öo06]rande)?\b|\bordf\.|\bchair(?:person|man)?\b", re.I),
        "ordförande",
    ),
    (re.compile(r"\b(?:planeringsledare|processledare)\b", re.I), "planeringsledare"),
    # "mötessekreterare", "nämndsekreterare"; a socialsekreterare or fältsekreterare
    # is a social worker, not the meeting's secretary.
    (
        re.compile(r"\b(?:(?:mötes|nämnd|protokoll|nätverks|förbunds)?sekreterare|sekr)\b", re.I),
        "sekreterare",
    ),
)
# Attribute text that says how someone attended, not where they come from.
_NOISE = re.compile(
    r"^(?:x|tjg|ej tjg|tjg ers|ers|ej tjg ers|adj|adjungerad|ledamot|ledamöter|ersättare|"
    r"tjänstgörande ersättare|tjänstgörande|ordinarie|justerare|ej|och|samt|from|"
    r"f\.?\s?o\.?\s?m|t\.?\s?o\.?\s?m|mas|mar|sas|"
    r"ärende|ärendena|punkt|§+|del av mötet|via teams|på distans|digitalt)$",
    re.I,
)
# "Eva Holm (S), tjänstgörande ersättare för Lars Nyberg (S)", "Sara Hed (L) för
# Gustav Ek (L)": the person after "för" is the member who was away.
_REPLACES = re.compile(r"(?:ersätter|istf\.?|i stället för|ersättare för|\bför)\s*$", re.I)

_DIGITAL = re.compile(
    r"\b(?:teams\w*|zoom\w*|skype\w*|digital\w*|videomöte\w*|video\w*|distansmöte\w*|webbmöte\w*|"
    r"online|webex|google meet)\b",
    re.I,
)
_PLACE_LABEL = re.compile(
    r"(?:Plats\s+och\s+lokal|Plats\s+och\s+tid|Tid\s+och\s+plats|Plats/lokal|Mötesplats|Lokal"
    r"|Plats|Location|Venue"
    r"|PLATS\s+OCH\s+LOKAL|PLATS\s+OCH\s+TID|MÖTESPLATS|LOKAL|PLATS)(?!\w)\s?:?"
)
_CONTEXT_NOT_MEETING = re.compile(r"(?:justering|anslag|nedtag|uppsätt|upprättad)", re.I)
_DOC_TYPE = re.compile(
    r"(?P<caps>\b(?:MINNESANTECKNINGAR|SAMMANTRÄDESPROTOKOLL|PROTOKOLL|MÖTESANTECKNINGAR|ANTECKNINGAR)\b)"
    r"|(?P<lead>\b(?:Minnesanteckningar|Mötesanteckningar|Anteckningar|Protokoll|Sammanträdesprotokoll)"
    r"(?:\s+(?:från|fört|vid|för)\b)?)"
)
_BODY_NAME = re.compile(
    r"\b["
    + _UC
    + r"]["
    + _LC
    + r"-]*(?:nätverket|rådet|nämnden|styrelsen|förbundet|gruppen|samrådet|"
    r"beredningen|utskottet)\b"
    r"|\bStyrelsen\b"
)
_BODY_PREFIX = re.compile(
    r"^.{0,80}?[\w-]*(?:nämnd|nämnden|förbund|förbundet|rådet|styrelse|styrelsen|nätverket|samråd|"
    r"samrådet|gruppen|beredningen|utskottet)\b",
    re.IGNORECASE,
)
_LEADING_LABELS = re.compile(
    r"^(?:(?:Plats\s+och\s+tid|ande|Tid|Datum|Dag|Sammanträdesdatum|Date|Time)\s?:?\s*)+"
)
_ORGAN_LABEL = re.compile(
    r"(?:Organ och §§|Organ|Nämnd/Styrelse|Nämnd|Nätverk|Styrelse)(?!\w)\s?:?\s*"
)
_TAKER_ROLES = r"\s+och\s+(?:anteckningar|antecknare|sekreterare)(?=\s?:)"
_MINUTE_TAKER = re.compile(
    # Every alternative opens with a capital letter, which the engine scans for.
    r"(?:Vid\s+(?:tangenterna|tangentbordet|anteckningarna|protokollet|pennan|datorn)|Antecknare|Antecknat\s+av|"
    # "Sammankallande och anteckningar: Kent Öhman": one person in two roles.
    r"Sammankallande"
    + _TAKER_ROLES
    + r"|Ordförande"
    + _TAKER_ROLES
    + r"|Mötesledare"
    + _TAKER_ROLES
    + r"|Anteckningar\s+av|Protokollförare|Sekreterare(?=\s?:)|Minnesanteckningar\s+fördes\s+av|"
    r"Notes(?:\s+taken)?\s+by|Minutes(?:\s+taken)?\s+by|Note[\s-]?taker|Minute[\s-]?taker|"
    r"Med\s+vänliga\s+hälsningar|Vänliga\s+hälsningar|Hälsningar|Mvh)"
    r"[ \t]*[,:.]?[\s/.…_]{0,30}(?P<name>(?:[" + _UC + r"][" + _LC + r"'’-]+[ \t]?){1,3})"
)
_SIGNATURE_ROLE = re.compile(r"\b(?P<role>Sekreterare|Ordförande|Justerande|Justerare|Justeras)\b")


@dataclass
class _Run:
    """A candidate person name: consecutive capitalised words."""

    start: int
    end: int
    words: list[tuple[int, int]]


def parse_header(source: SourceText) -> Header:
    text = source.text
    header = Header()
    head_end = _head_end(text)
    participants, consumed = _participants(text, head_end, header.warnings)
    header.participants = participants
    header.consumed = consumed
    _complete_first_names(text, participants)
    _title_and_network(source, header)
    _date_time_place(text, head_end, header)
    _signatures(text, head_end, header)
    _signed_roles(text, header)
    _role_lines(text, head_end, header)
    _chair_in_prose(text, header)
    header.minute_taker = _minute_taker(text, header)
    _drop_network_as_organisation(header)
    header.body_start = _body_start(text, header.consumed)
    _invited(text, header)
    return header


# "Rebecka leder mötet i dag", "Ola ledde mötet", "Amanda var ordförande för dagen":
# the verb first (letters the regex engine scans for), then the name before it.
_CHAIR_VERB = re.compile(
    r"(?:leder|ledde)[ ](?:mötet|träffen|sammanträdet|dagens[ ]möte)\b"
    r"|(?:var|är)[ ](?:mötes)?ordförande\b(?![ ]i[ ](?!dag))"
)
_NAME_BEFORE = compile_on_use(
    r"(?<![\w-])[" + _UC + r"][" + _LC + r"]+(?:-[" + _UC + r"][" + _LC + r"]+)?"
    r"(?:[ ][" + _UC + r"][" + _LC + r"]+){0,2}[ ]$"
)
# How far into the text a sentence about the meeting's chair is read.
_CHAIR_REACH = 3000


def _chair_in_prose(text: str, header: Header) -> None:
    """Give the chair's role to the participant a sentence says led the meeting.

    The sentence outweighs a role the list seemed to give someone else ("…
    Gustav Åkesson/Skånes Kommuner. Amanda var ordförande för dagen." is not
    Gustav's).
    """
    if not header.participants or not any(
        w in text[:_CHAIR_REACH] for w in ("leder ", "ledde ", "ordförande")
    ):
        return
    people = People(header.participants)
    for m in _CHAIR_VERB.finditer(text, 0, min(len(text), _CHAIR_REACH)):
        before = _NAME_BEFORE.search(text, max(0, m.start() - 60), m.start())
        name = people.resolve(before[0].strip()) if before else None
        if name is None:
            continue
        for p in header.participants:
            if p.name == name:
                p.role = "ordförande"
            elif p.role == "ordförande":
                p.role = None
        return


def _complete_first_names(text: str, participants: list[Participant]) -> None:
    """Give "Anna" of "Med: Anna (Lund)" the surname a later mention writes ("Anna Berg")."""
    for p in participants:
        if " " in p.name or not p.name[:1].isupper():
            continue
        surnames = {
            m[1]
            for m in re.finditer(
                r"\b" + re.escape(p.name) + r" ([" + _UC + r"][" + _LC + r"'’-]+)\b", text
            )
            if fold(m[1]) not in _NOT_NAME and not _TITLE_SUFFIX.search(m[1])
        }
        if len(surnames) == 1:
            p.name = f"{p.name} {surnames.pop()}"


def _body_start(text: str, consumed: list[Span]) -> int:
    """Return where the agenda starts: after the header's spans, never past the items.

    An attendance list written after the items (at the end of the minutes) is
    consumed, but the items before it stay the body's.
    """
    agenda = _AGENDA_LINE.search(text, 0, HEAD_CHARS)
    first_item = agenda.start() if agenda else len(text)
    bullet = _BULLET_ITEM_LINE.search(text, 0, HEAD_CHARS)
    first_bullet = bullet.start() if bullet else len(text)
    ends = [
        e
        for s, e in consumed
        # A bullet before a list that closes the text ("• Trygg hemgång" …
        # "Närvarande" / names) was an item: the list came after the items.
        if s < first_item and (s < first_bullet or len(text[e:].strip()) > 200)
    ]
    return max(ends, default=min(_title_end(text), first_item, first_bullet))


# "• Trygg hemgång", "a. Välkommen", "A) Föregående protokoll": a heading styled
# as a bullet or a letter ("A." alone would be an initial).
_BULLET_ITEM_LINE = re.compile(r"\n[ \t]*(?:[•▪◦*]|[a-h][.)]|[A-H]\))[ \t]+[^\W\d_]")


def _head_end(text: str) -> int:
    return min(len(text), HEAD_CHARS)


# --- participants -----------------------------------------------------------------


@dataclass
class _Section:
    label_start: int
    start: int
    end: int
    status: Status
    # A role field outside the lists ("Ordf: Anna Berg"): attendance assumed.
    weak: bool = False


# "Ordf: Anna Berg", "Sekr: Jenny Dahl", "Ordförande för dagen: Cecilia Bok",
# "Processtöd och anteckningar: Lisa Bok": a field whose value is one person
# with a role. The role goes to the name on the label's own line.
_ROLE_LABEL_LINE = re.compile(
    r"(?m)^[ \t]*(?P<label>(?i:"
    r"(?:tf\.?\s+)?(?:mötes)?ordf(?:örande|\.)?(?:\s+för\s+dagen|\s+för\s+mötet)?"
    r"|vice\s+ordf(?:örande|\.)?|sekr(?:\.|eterare)?(?:\s+för\s+dagen)?|protokollförare|"
    r"antecknare|anteckningsförare|anteckningar|mötesanteckningar|"
    r"(?:processtöd|processledare|samordnare|planeringsledare)(?:\s+och\s+(?:anteckningar|sekreterare))?|"
    r"sammankallande|mötesledare|vid\s+(?:pennan|tangenterna|tangentbordet|anteckningarna|protokollet|datorn)|"
    r"antecknat\s+av|anteckningar\s+av|minnesanteckningar\s+fördes\s+av|"
    r"(?:notes|minutes)(?:\s+taken)?\s+by|(?:note|minute)[\s-]?taker|secretary|chair(?:person)?"
    r"))[ \t]*:?[ \t]*(?=[" + _UC + r"])"
)
_ROLE_LABEL_ROLE: tuple[tuple[re.Pattern[str], str | None, bool], ...] = (
    # (label pattern, role, whether the person writes the minutes)
    (re.compile(r"vice", re.I), "vice ordförande", False),
    (re.compile(r"ordf|mötesledare|chair", re.I), "ordförande", False),
    (re.compile(r"anteckn|vid\s|notes|minute|taker", re.I), None, True),
    (re.compile(r"sekr|protokollf|secretary", re.I), "sekreterare", True),
    (re.compile(r"planeringsledare|processledare", re.I), "planeringsledare", False),
)


def _role_label(label: str) -> tuple[str | None, bool]:
    """Return (role, writes the minutes) for a role label ("Sekr" -> sekreterare, True)."""
    role: str | None = None
    taker = False
    for pat, value, writes in _ROLE_LABEL_ROLE:
        if pat.search(label):
            role = role or value
            taker = taker or writes
    return role, taker


# The first agenda line: "§ 1 …", "1. Föregående …", "2) Val …".
_AGENDA_LINE = re.compile(r"\n[ \t]*(?:§[ \t]?\d{1,3}|\d{1,2}[.)])[ \t]+[" + _UC + r"]")


def _role_lines_in(text: str, head_end: int) -> list[re.Match[str]]:
    """Return the role fields in the head: a label and a name, not a sentence.

    "Planeringsledare: Kirti John slutar i månadsskiftet …" is news in an item.
    """
    found = []
    checked = -1
    colon = text.find(":", 0, head_end)
    while colon >= 0:
        # Only lines with a colon can hold a field; matching at their starts
        # avoids trying the pattern at every position of the head.
        line_start = text.rfind("\n", 0, colon) + 1
        nxt = text.find("\n", colon, head_end)
        colon = text.find(":", nxt, head_end) if nxt >= 0 else -1
        if line_start == checked:
            continue
        checked = line_start
        m = _ROLE_LABEL_LINE.match(text, line_start)
        if m is None or not m["label"][:1].isupper():
            continue
        line_end = text.find("\n", m.end(), m.end() + 300)
        if _has_verb_like_words(text[m.end() : line_end if line_end >= 0 else m.end() + 300]):
            continue
        found.append(m)
    return found


def _role_label_at(text: str, line_start: int) -> re.Match[str] | None:
    m = _ROLE_LABEL_LINE.match(text, line_start)
    if m and m["label"][:1].isupper():
        return m
    return None


def _tail_sections(text: str, head_end: int) -> list[_Section]:
    """Return an attendance list placed after the items, at the end of a long text.

    Only a label that starts its line counts there ("Närvarande" / "Anna Berg, …").
    """
    start = text.find("\n", max(head_end - TAIL_LIST_CHARS, len(text) - TAIL_LIST_CHARS))
    if start < 0:
        return []
    return [
        sec
        for sec in _sections(text, len(text), start)
        if not sec.weak and _starts_line(text, sec.label_start)
    ]


# An attendance list at the end of minutes longer than the head.
TAIL_LIST_CHARS = 3000


def _sections(text: str, head_end: int, from_pos: int = 0) -> list[_Section]:
    labels: list[tuple[int, int, Status]] = []
    for m in _LABEL.finditer(text, from_pos, head_end):
        label = m["label"]
        if not _label_case_ok(label) or fold(label) not in _LABEL_STATUS:
            continue
        if label == "ande" and not _ande_is_label(text, m.start()):
            continue
        if _in_table_row(text, m.start()) and not _starts_line(text, m.start()):
            # "| Närvarande" in a row is the row's attendance, not a new list.
            continue
        if not m["colon"] and (fold(label) in _COLON_ONLY or _PROSE_NEXT.match(text, m.end())):
            # "Deltagare från regionen berättade …" is a sentence, not a list.
            continue
        labels.append((m.start(), m.end(), _LABEL_STATUS[fold(label)]))
    # A cheap test first: the pattern opens with ^, which the engine tries everywhere.
    if any(text.find(w, from_pos, head_end) >= 0 for w in ("Namn", "Deltagare")):
        for m in _NAME_TABLE_HEADER.finditer(text, from_pos, head_end):
            # A table whose header row starts "Namn | …" lists the attendance itself.
            if not any(ls <= m.start() <= ls + 40 for ls, _, _ in labels):
                labels.append((m.start(), m.end(), "present"))
    first_label = min((ls for ls, _, _ in labels), default=head_end)
    generic_end = min(head_end, first_label + GENERIC_LABEL_CHARS)
    for m in _generic_labels(text, from_pos, generic_end if from_pos == 0 else from_pos):
        if m.start() > GENERIC_LABEL_CHARS and m.start() < first_label:
            continue
        if fold(m["label"]) in _LABEL_STATUS or _STOP.match(m["label"]):
            continue
        if _org_heading(m["label"]) is not None:
            # "Kommunen:", "SPF Seniorerna:" head a municipality's or body's people.
            continue
        nxt = _next_line(text, m.end(), head_end)
        if _runs(text, nxt[0], nxt[1]) and not _has_verb_like_words(text[nxt[0] : nxt[1]]):
            labels.append((m.start("label"), m.end(), "present"))
    labels.sort()
    role_lines = _role_lines_in(text, head_end) if from_pos == 0 else []
    sections: list[_Section] = []
    pending: Status | None = None
    for i, (ls, le, status) in enumerate(labels):
        limit = labels[i + 1][0] if i + 1 < len(labels) else head_end
        line_end = text.find("\n", le, limit)
        if text[le : line_end if line_end >= 0 else limit].strip(" \t:,."):
            # "Förhinder: Ola Sten, Alingsås; Maria Vik, Vårgårda" on one line:
            # a role field on a later line ("Ordförande för dagen: …") is not in it.
            field_start = next((r.start() for r in role_lines if r.start() > le), limit)
            limit = min(limit, field_start)
            # "Närvarande: A, B, C" and a blank line: the list was that line
            # (and its wrapped continuation); a heading after the gap is an item's.
            gap = _BLANK_LINE.search(text, le, limit)
            if gap:
                limit = gap.start()
            # "Inte med: Överkalix, Jokkmokk. / Sammankallande och anteckningar: …":
            # a field on the next line is not in the list (a body heading would be).
            for field in _NEXT_FIELD_LINE.finditer(text, le, limit):
                line_end = text.find("\n", field.end(), limit)
                if _org_heading_line(text[field.end() : line_end if line_end >= 0 else limit]):
                    continue
                limit = field.start()
                break
        end = _section_end(text, le, limit)
        if not text[le:end].strip(" \t\n:,."):
            # Labels in a row with nothing between them are flattened table
            # columns; the names after the run belong to the first column.
            pending = pending or status
            continue
        sections.append(_Section(ls, le, end, pending or status))
        pending = None
    agenda = _AGENDA_LINE.search(text, 0, head_end)
    agenda_start = agenda.start() if agenda else head_end
    # Below the attendance lists and a paragraph of prose, a role field is the
    # closing signature ("Sekreterare: Pia Rydén" under the last item), not
    # part of the head.
    lists_end = max((sec.end for sec in sections), default=None)
    if lists_end is not None:
        prose = _PROSE_LINE.search(text, lists_end - 1, agenda_start)
        if prose:
            agenda_start = prose.start() + 1
    for r in role_lines:
        # A role field outside every list names someone who was there; after
        # the agenda has begun it is an item's ("Vid anteckningarna: …" at the end).
        if r.start() > agenda_start or any(
            sec.label_start <= r.start() < sec.end for sec in sections
        ):
            continue
        line_end = text.find("\n", r.end(), head_end)
        line_end = head_end if line_end < 0 else line_end
        sections.append(_Section(r.start(), r.end(), line_end, "present", weak=True))
    sections.sort(key=lambda sec: sec.label_start)
    return sections


# A line of running text, longer than any header field or list line (opening
# with the newline before it, which the regex engine scans for).
_PROSE_LINE = re.compile(r"\n[^\n]{80,}")

_LINE_END_COLON = re.compile(r":[ \t]*(?:\n|$)")


def _generic_labels(text: str, lo: int, hi: int) -> list[re.Match[str]]:
    """Return `_GENERIC_LABEL` matches in text[lo:hi], tried only on lines that end in a
    colon, and `_GENERIC_INLINE` ones ("LSS-chefer: Maria Kjellberg-Nyköping, …")."""
    found = []
    for c in _LINE_END_COLON.finditer(text, lo, hi):
        line_start = text.rfind("\n", 0, c.start()) + 1
        if line_start < lo:
            continue
        m = _GENERIC_LABEL.match(text, line_start, hi)
        if m:
            found.append(m)
    found += _GENERIC_INLINE.finditer(text, max(0, lo - 1), hi)
    found.sort(key=lambda m: m.start("label"))
    return found


def _in_table_row(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", max(0, pos - 300), pos) + 1
    line_end = text.find("\n", pos, pos + 300)
    line = text[line_start : line_end if line_end >= 0 else pos + 300]
    return " | " in line or "\t" in line


# Generic "Xer:" labels only count near the top: further down "Åtgärder:" and
# the like head agenda text that also starts with a name.
GENERIC_LABEL_CHARS = 1500
# "Namn | Kommun | …", and a Markdown table's "| Namn | Organisation | … |".
_NAME_TABLE_HEADER = re.compile(r"(?m)^[ \t]*(?:\|[ \t]*)?(?:Namn|Deltagare)[ \t]*(?:\||\t)[^\n]*$")
_LOWER_WORD = re.compile(r"\b[" + _LC + r"]{4,}\b")
_PROSE_NEXT = re.compile(r"[ \t]+[" + _LC + r"]")


def _has_verb_like_words(line: str) -> bool:
    """Return whether `line` reads as a sentence: a lower-case word that is no title."""
    line = re.sub(r"\([^)]*\)", " ", line)
    return any(
        not _TITLE_SUFFIX.search(w) and w not in _LIST_WORDS for w in _LOWER_WORD.findall(line)
    )


_LIST_WORDS = frozenset({"ordf", "vice", "stad", "sekr", "ersättare", "tjänstgörande", "ledamot"})


def _ande_is_label(text: str, pos: int) -> bool:
    # Only as a stray word: preceded by another label word or a line start.
    before = text[max(0, pos - 20) : pos]
    return bool(re.search(r"(?:Plats|Tid|kl|:|^|\n)\s*$", before))


def _next_line(text: str, pos: int, limit: int) -> tuple[int, int]:
    while pos < limit and text[pos] in " \t\r\n":
        pos += 1
    end = text.find("\n", pos, limit)
    return pos, end if end >= 0 else limit


# Two capitalised words in a row: a cheap test before the full name scan.
_MAYBE_NAME = re.compile(r"[" + _UC + r"][" + _LC + r"]+[ -]+[" + _UC + r"]")


# "1. Budget", "2) Val", "§ 3 …": an agenda item begins.
_ITEM_START = re.compile(r"\s*(?:\d{1,2}[.)]\s|§\s?\d)")


def _section_end(text: str, start: int, limit: int) -> int:
    """Return where the attendee list that starts at `start` ends."""
    pos = start
    seen_name = False
    while pos < limit:
        nl = text.find("\n", pos, limit)
        line_end = nl if nl >= 0 else limit
        stop = _STOP.search(text, pos, line_end)
        if stop:
            if seen_name or _runs(text, pos, stop.start()):
                return _trim_end(text, start, stop.start())
            # "Övriga deltagande Utses att justera Peter Molin, …": a stop
            # label with no names before it is a displaced field label.
            pos = stop.end()
            continue
        line = text[pos:line_end]
        if _ITEM_START.match(line) and pos > start:
            # "§ 1 …", "1. FÖREGÅENDE ANTECKNINGAR": the agenda begins.
            return _trim_end(text, start, pos)
        if _org_heading_line(line) is not None or _role_label_at(text, pos):
            # "PRO Sandviken:", "Ordf: Anna Berg" inside a list.
            pos = line_end + 1
            continue
        line_runs = _runs(text, pos, line_end) if _MAYBE_NAME.search(line) else []
        if line_runs and seen_name and _is_sentence_about(text, pos, line_runs[0].start, line):
            # "Mötet öppnades av ordföranden som hälsade Per Ek välkommen."
            return _trim_end(text, start, pos)
        if line_runs or ((caps := _CAPS_NAME.match(line)) and _caps_name(caps["name"])):
            seen_name = True
        elif seen_name and _is_prose(line):
            return _trim_end(text, start, pos)
        pos = line_end + 1
    return _trim_end(text, start, min(pos, limit))


# A column break just before a position: a tab, 2+ spaces or " | ".
_CELL_BREAK_END = re.compile(r"(?:\t|  |\s\|)[ \t|]*$")


def _lead_cell(text: str, start: int) -> str | None:
    """Return the table cell before a name on its line ("Uddevalla" in "Uddevalla<TAB>Ingrid F")."""
    prev = text[start - 1 : start]
    if prev not in ("\t", " ", "|") or (prev == " " and text[start - 2 : start - 1] not in "\t |"):
        return None
    line_start = text.rfind("\n", max(0, start - 200), start) + 1
    lead = text[line_start:start]
    if not lead.strip(" \t•*·-–|") or not _CELL_BREAK_END.search(lead):
        return None
    return lead.strip(" \t|")


def _body_cell(cell: str) -> str | None:
    """Return a cell that names a body by its noun ("Socialförvaltningen Syd"), not a label."""
    words = cell.split()
    if not words or fold(cell) in _LABEL_STATUS or not cell[:1].isupper():
        return None
    return cell if any(_ORG_WORD_END.search(w) for w in words) and _looks_like_org(cell) else None


def _is_sentence_about(text: str, line_start: int, name_start: int, line: str) -> bool:
    """Return whether a line naming someone is a sentence: words before the name and a verb."""
    if _starts_line(text, name_start) or _CELL_BREAK_END.search(text, line_start, name_start):
        # A name in a table's second column ("Uddevalla<TAB>Ingrid F<TAB>…") is a row.
        return False
    prose = [
        w for w in _LOWER_WORD.findall(line) if not _TITLE_SUFFIX.search(w) and w not in _LIST_WORDS
    ]
    return len(prose) >= 3


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _is_prose(line: str) -> bool:
    words = re.findall(r"[^\W\d_]{2,}", line)
    if not words:
        return False
    if len(words) == 1:
        # A lone word ends the list when it is a heading with a colon; a lone
        # capitalised word may be half of a name broken across lines.
        return line.strip().endswith(":") or words[0][0].islower()
    if line.strip().endswith(":"):
        return True
    # "Socialchef, Lunds kommun" under a name is that person's title and body:
    # lower-case title and body words are no prose.
    return any(
        w[0].islower() and len(w) >= 4 and not _ATTRIBUTE_WORD.search(w) and w not in _LIST_WORDS
        for w in words
    )


# Lower-case words that describe a listed person (a title, a municipality or
# administration), not a sentence; narrower than `_TITLE_SUFFIX`, which also
# holds "anteckningar" and "möte" (headings, not attributes).
_ATTRIBUTE_WORD = _Suffixes(
    _TITLE_WORDS + "|kommun|region|stad|förvaltning|förvaltningen|förbund|förbundet|"
    "nämnd|nämnden|enhet|enheten|kansli|kansliet|sekretariatet",
    genitive=True,
)


def _runs(text: str, start: int, end: int) -> list[_Run]:
    """Return runs of two or more name words in text[start:end]."""
    runs: list[_Run] = []
    current: list[tuple[int, int]] = []
    after_org_word = False
    after_ampersand = False
    prev_end = start
    prev_word = ""
    lead_word = ""

    def close(following: str, gap: str) -> None:
        # After "Samordningsteam" the next word names the team ("Samordningsteam
        # Sala Johan Rosengren"); with only two words the pair is the person.
        words = current[1:] if after_org_word and len(current) >= 3 else current
        while words and text[words[-1][0] : words[-1][1]] in _PARTICLES:
            words = words[:-1]
        if len(words) < 2 and not (words and _first_name_with_org(text, words[0])):
            return
        if gap.strip(" ") == "" and following[:1].isupper():
            last = text[words[-1][0] : words[-1][1]]
            if _VENUE_WORD.match(following):
                return
            # "Övre Norrlands Kreditgarantiförening": a genitive before a body.
            if last.endswith("s") and _ORG_WORD_END.search(following):
                return
        if resolve_organisation(text[words[0][0] : words[-1][1]]) is not None:
            return
        if _after_acronym(text, words[0][0]):
            return
        run_text = text[words[0][0] : words[-1][1]]
        if words is current and lead_word and resolve_organisation(f"{lead_word} {run_text}"):
            # "Länsstyrelsen Västra Götaland": the run completes a body's name.
            return
        runs.append(_Run(words[0][0], words[-1][1], list(words)))

    skip_until = start
    for m in _TOKEN.finditer(text, start, end):
        if m.start() < skip_until:
            continue
        word = m.group()
        span = m.span()
        tail_org = False
        if (
            current
            and len(word) == 1
            and word.isupper()
            and word not in "XIV"
            and text[current[-1][1] : m.start()] == " "
        ):
            # An initial: "Anna B. Berg", or a surname cut to its initial ("Gustav E (L)").
            if text[m.end() : m.end() + 1] == ".":
                current.append((m.start(), m.end() + 1))
                skip_until = prev_end = m.end() + 1
                continue
            if len(current) == 1 and not text[m.end() : m.end() + 1].isalnum():
                current.append(span)
                prev_end = m.end()
                continue
        if "-" in word or "/" in word:
            # "Anita Bengtsson-Höganäs", "Malin Jeppsson/Eslöv": a municipality
            # hyphenated or slashed to a surname.
            head, _, tail = word.rpartition("/" if "/" in word else "-")
            if head and _hyphen_org(text, tail, m.end()):
                word, span, tail_org = head, (m.start(), m.start() + len(head)), True
        if word in _PARTICLES and current and text[current[-1][1] : m.start()] == " ":
            # "Anna von Platen": a nobiliary particle inside a name.
            current.append(span)
            prev_end = m.end()
            continue
        is_name = (
            not after_ampersand and _may_be_name(word) and not _is_body_word(text, word, m.end())
        )
        after_ampersand = word == "&"
        gap = text[current[-1][1] : m.start()] if current else ""
        # Across a line break only a lone first name continues ("Mikael\nBogarve").
        joined = (
            gap in (" ", "  ")
            or (
                gap.strip(" ") == "\n"
                and len(current) == 1
                and not is_municipality(text[current[0][0] : current[0][1]])
                # "…, region Nord\nAgneta Berg": a word after lower-case text ends a value,
                # and a word in a table's last cell ("…\tForskare\nElin Berg") is no first name.
                and not text[: current[0][0]].rstrip(" ")[-1:].isalpha()
                and text[: current[0][0]].rstrip(" ")[-1:] not in ("\t", "|")
            )
        )
        if is_name and not current and "\n" in text[prev_end : m.start()]:
            after_org_word = False
        before_end, before_word = prev_end, prev_word
        if is_name and not current:
            lead_word = before_word if text[before_end : m.start()] == " " else ""
        prev_end = m.end()
        prev_word = word
        if is_name and (not current or joined):
            current.append(span)
        else:
            if current:
                close(word, gap)
                lead_word = before_word if text[before_end : m.start()] == " " else ""
            current = [span] if is_name else []
            after_org_word = bool(
                not is_name
                and word[:1].isupper()
                and _ORG_WORD_END.search(word)
                and resolve_organisation(word) is None
            )
        if tail_org:
            close("", "")
            current = []
    close("", "")
    return runs


@lru_cache(maxsize=65536)
def _may_be_name(word: str) -> bool:
    """Return whether a word, whatever surrounds it, can be part of a person's name."""
    return (
        word[:1].isupper()
        and _NAME_WORD.fullmatch(word) is not None
        and fold(word) not in _NOT_NAME
        and not _TITLE_SUFFIX.search(word)
    )


_PAREN_ORG = re.compile(r" ?\((?P<org>[^()\n]{2,60})\)")


def _first_name_with_org(text: str, word: tuple[int, int]) -> bool:
    """Return whether a lone word is a first name with its body: "Med: Anna (Lund), …"."""
    m = _PAREN_ORG.match(text, word[1])
    if m is None or resolve_organisation(m["org"]) is None:
        return False
    before = text[max(0, word[0] - 40) : word[0]].rstrip(" \t")
    return before == "" or before[-1] in ":,;\n•-–"


_ACRONYM_LEAD = re.compile(r"\s*(?=\w{2,6}\b)[" + _UC + r"]\w*[" + _UC + r"]\w*\s+$")


def _after_acronym(text: str, pos: int) -> bool:
    """Return whether the comma-separated piece before `pos` opens with an acronym ("FoU X")."""
    lo = max(0, pos - 40)
    piece_start = max(text.rfind(c, lo, pos) for c in (",", ";", ":", "\n")) + 1
    return piece_start > 0 and _ACRONYM_LEAD.fullmatch(text, piece_start, pos) is not None


_ORG_NOUN_AFTER = re.compile(r"\s[a-zåäö]*(?:förbund|kommun|region|nämnd|förvaltning|stad)\w*\b")


def _hyphen_org(text: str, tail: str, end: int) -> bool:
    """Return whether `tail` of "Elin Wahlgren-Sjuhärads kommunalförbund" starts a body's name.

    Not when an organisation's column follows ("Emma Hellström-Berg   Alvesta
    kommun": Berg is her name there, though it is a municipality too).
    """
    if is_municipality(tail) or (resolve_organisation(tail) and tail[:1].isupper()):
        return not _COLUMN_AFTER.match(text, end)
    return tail[:1].isupper() and _ORG_NOUN_AFTER.match(text, end) is not None


# Two spaces or a tab, then a capitalised word: the next column of a table.
_COLUMN_AFTER = re.compile(r"(?:[ ]{2,}|\t)[ \t]*[A-ZÅÄÖ]")


_PARTICLES = frozenset({"von", "af", "de", "van", "der", "den", "du", "la"})
_MUNICIPALITY_NOUN = re.compile(r"\s(?:kommun|stad|kommuns|stads)\b")


def _is_body_word(text: str, word: str, end: int) -> bool:
    """Return whether `word` names a body: "Närhälsan", or "Karlsborgs" in "Karlsborgs kommun"."""
    if _MUNICIPALITY_NOUN.match(text, end):
        return True
    org = resolve_organisation(word)
    return org is not None and not is_municipality(word)


def _split_run(text: str, run: _Run) -> list[tuple[list[tuple[int, int]], str | None]]:
    """Split a run into person names; a trailing municipality becomes the organisation.

    "Christin Johansson Båstad" is a name and a municipality; "Markus Lund" is
    a name (a municipality after a single word is a surname). Only the last
    word is tested: inside a run a municipality name is more often a surname
    ("Bo Ek Anna Berg Cilla Ahl").
    """
    words = run.words
    last = text[words[-1][0] : words[-1][1]]
    if (
        len(words) in (3, 4)
        and is_municipality(last)
        and not _is_initial(text[words[-2][0] : words[-2][1]])
        and not _org_follows(text, run.end)
    ):
        return [(words[:-1], resolve_organisation(last))]
    return [(part, None) for part in _partition(text, words)]


def _is_initial(word: str) -> bool:
    return len(word.rstrip(".")) == 1


def _org_follows(text: str, pos: int) -> bool:
    """Return whether a known body follows on the line ("Anna Lena Berg, Lunds kommun")."""
    line_end = text.find("\n", pos, pos + 120)
    rest = text[pos : line_end if line_end >= 0 else pos + 120]
    pieces = [piece for piece in _PIECE_SPLIT.split(_PARTY.sub(",", rest)) if piece.strip()]
    return bool(pieces) and resolve_organisation(pieces[0]) is not None


def _partition(text: str, words: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Split a run of name words into names of two or three words, most plausible first."""
    n = len(words)
    if n <= 3:
        return [words]
    surnamey = [bool(_SURNAME_END.search(text[s:e])) for s, e in words]
    best: dict[int, tuple[float, list[int]]] = {0: (0.0, [])}
    for i in range(n):
        if i not in best:
            continue
        cost, cuts = best[i]
        for size in (2, 3):
            j = i + size
            if j > n:
                continue
            c = cost + (0.3 if size == 3 else 0.0)
            c += 0.0 if surnamey[j - 1] else 0.5
            c += 1.0 if surnamey[i] else 0.0
            if j not in best or c < best[j][0]:
                best[j] = (c, [*cuts, j])
    if n not in best:
        return [words]
    parts, prev = [], 0
    for cut in best[n][1]:
        parts.append(words[prev:cut])
        prev = cut
    return parts


def _participants(
    text: str, head_end: int, warnings: list[str]
) -> tuple[list[Participant], list[Span]]:
    participants: list[Participant] = []
    consumed: list[Span] = []
    seen: dict[str, list[Participant]] = {}
    # People named only by a role field ("Ordf: Anna Berg") take their
    # attendance from a list that names them too.
    from_field: set[int] = set()
    sections = _sections(text, head_end)
    tail_from = len(text) - TAIL_LIST_CHARS
    if len(text) > head_end and not any(
        not sec.weak and sec.label_start < tail_from for sec in sections
    ):
        tail = _tail_sections(text, head_end)
        if tail:
            cut = tail[0].label_start
            head = [sec for sec in sections if sec.label_start < cut]
            if not any(not sec.weak for sec in head):
                sections = head + tail
    for section in sections:
        consumed.append((section.label_start, section.end))
        for p in _section_participants(text, section):
            same = seen.setdefault(fold(p.name), [])
            # A name seen again (a role field, a signature, a second list) is the
            # same person unless the organisation differs: two officials may share a name.
            twin = next(
                (
                    q
                    for q in same
                    if p.organisation is None
                    or q.organisation is None
                    or q.organisation == p.organisation
                ),
                None,
            )
            if twin is not None:
                twin.organisation = twin.organisation or p.organisation
                twin.role = twin.role or p.role
                if id(twin) in from_field and not section.weak:
                    twin.status = p.status
                    from_field.discard(id(twin))
                continue
            same.append(p)
            participants.append(p)
            if section.weak:
                from_field.add(id(p))
    if head_end > 0 and not any(not sec.weak for sec in sections):
        # No list, perhaps a role field ("Antecknat av: …"): the attendance may be
        # written as sentences.
        prose, spans = _prose_attendance(text, head_end)
        for p in prose:
            twin = next((q for q in participants if fold(q.name) == fold(p.name)), None)
            if twin is None:
                participants.append(p)
            else:
                twin.organisation = twin.organisation or p.organisation
                twin.role = twin.role or p.role
        consumed += spans
    if not participants and head_end > 0:
        warnings.append("Ingen deltagarlista hittades.")
    return participants, consumed


_PROSE_NAME = (
    r"[" + _UC + r"][" + _LC + r"]+(?:-[" + _UC + r"][" + _LC + r"]+)?"
    r"(?:[ ][" + _UC + r"][" + _LC + r"]+(?:-[" + _UC + r"][" + _LC + r"]+)?){1,2}"
)
_PROSE_ORG = r"[" + _UC + r"][\w-]+(?:[ ][\w-]+){0,2}?"
# "Från Kalix deltog Tove Rönnbäck och från Piteå Jukka Niemi. Boden
# representerades av Ellinor Sundqvist, Luleå av Per Wiklund …". "Nätverkets
# ordförande Annika Lund, Överkalix, ledde mötet."
_PROSE_PRESENT = compile_on_use(
    r"(?:\b[Ff]rån[ ](?P<org1>" + _PROSE_ORG + r")[ ](?:deltog[ ])?"
    r"|\b(?P<org2>" + _PROSE_ORG + r")[ ](?:representerades[ ]av|av)[ ]"
    r"|\b(?P<chair>ordförande)[ ])"
    r"(?P<name>" + _PROSE_NAME + r")(?:,[ ](?P<org3>" + _PROSE_ORG + r"),)?"
)
_PROSE_LIMIT = 3000


def _prose_attendance(text: str, head_end: int) -> tuple[list[Participant], list[Span]]:
    """Read attendance written as sentences, when the minutes have no list.

    Only sentences that say someone took part count ("Från Kalix deltog …",
    "Boden representerades av …"); the organisation must be a known one, or
    stand after "Från … deltog", where the verb says what it is.
    """
    found: list[Participant] = []
    spans: list[Span] = []
    for m in _PROSE_PRESENT.finditer(text, 0, min(head_end, _PROSE_LIMIT)):
        written = m["org1"] or m["org2"] or m["org3"]
        org = resolve_organisation(written) if written else None
        if written and org is None and not (m["org1"] and "deltog" in m.group()):
            continue
        if m["chair"] and not m["org3"]:
            continue
        if any(fold(p.name) == fold(m["name"]) for p in found):
            continue
        role = "ordförande" if m["chair"] else None
        found.append(Participant(m["name"], org or written, role, "present", m.span("name")))
        spans.append(m.span())
    for sentence in _PRESENT_SENTENCE.finditer(text, 0, min(head_end, _PROSE_LIMIT)):
        # "Närvarande var Kjell-Åke Rudberg och Malin Ståhl från Mellerud, Ola
        # Berntsson från Bengtsfors samt Annelie Gran från Åmål."
        for part in _PROSE_PART.finditer(text, sentence.start("list"), sentence.end("list")):
            org = resolve_organisation(part["org"])
            if org is None:
                continue
            for name in _PROSE_NAMES.finditer(text, part.start("names"), part.end("names")):
                if not any(fold(p.name) == fold(name[0]) for p in found):
                    found.append(Participant(name[0], org, None, "present", name.span()))
        spans.append(sentence.span())
    return found, spans


_PRESENT_SENTENCE = compile_on_use(
    r"(?:(?:Närvarande|Deltagare)(?:[ ]vid[ ]mötet)?[ ]var|(?:På|Vid)[ ]mötet[ ]deltog)[ ]"
    r"(?P<list>[^.\n]{10,600})"
)
# "A och B från Mellerud", "C från Bengtsfors": names, then their organisation.
_PROSE_PART = compile_on_use(
    r"(?P<names>" + _PROSE_NAME + r"(?:[ ]och[ ]" + _PROSE_NAME + r")*)[ ]från[ ]"
    r"(?P<org>" + _PROSE_ORG + r")(?=,|[ ]samt[ ]|[ ]och[ ]|$)"
)
_PROSE_NAMES = compile_on_use(_PROSE_NAME)


# "PRO Sandviken:", "Kommunen:", "Lund: Anna Berg, Per Ek": an organisation
# heading the people under it or after it on its line.
_ORG_HEADING = re.compile(
    r"^[ \t]*(?P<org>[" + _UC + r"][\w&.'’ -]{1,50}?)[ \t]*:[ \t]*(?P<rest>[^\n]*)$"
)
_HOME_WORDS = frozenset({"kommunen", "kommun", "staden", "stad"})


def _org_heading_line(line: str) -> str | None:
    m = _ORG_HEADING.match(line)
    if not m:
        return None
    rest = m["rest"].strip()
    if rest and not _MAYBE_NAME.match(rest):
        return None
    org = _org_heading(m["org"])
    if org is None and _is_place_word(m["org"]) and (rest or not _PLURAL_END.search(m["org"])):
        # "Sjövik: Lena Marklund, Hussein Ali": a place heads the names on its line.
        return m["org"].strip()
    return org


# "Socialchefer:", "Politiker:" head people by what they are, not where they come from.
_PLURAL_END = re.compile(r"(?:er|ar|or|na|män|de|ade)\s*$")


def _is_place_word(label: str) -> bool:
    words = label.split()
    return (
        1 <= len(words) <= 2
        and all(_NAME_WORD.fullmatch(w) for w in words)
        and not any(fold(w) in _NOT_NAME or _TITLE_SUFFIX.search(w) for w in words)
        and fold(label) not in _LABEL_STATUS
        and not _role_label_at(label + ": X", 0)
    )


def _org_heading(label: str) -> str | None:
    """Return the organisation a sub-heading names ("PRO Sandviken" -> itself), or None.

    A heading is an organisation when it resolves to one, holds an acronym or a
    municipality, or ends in a body noun ("Socialförvaltningen"); "Kommunen"
    stands for the meeting's own municipality (resolved by the caller).
    """
    label = " ".join(label.split()).strip(" .")
    words = label.split()
    if not 1 <= len(words) <= 6 or fold(label) in _LABEL_STATUS or _STOP.match(label):
        return None
    if _role_label_at(label + ": X", 0) or fold(label) in _NOT_NAME:
        return None
    if fold(label) in _HOME_WORDS:
        return label
    proper = resolve_organisation(label)
    if proper:
        return proper
    if any(len(w) >= 2 and w.isalpha() and w.isupper() for w in words) and len(words) >= 2:
        return label
    if any(is_municipality(w) for w in words[1:]) or (
        len(words) <= 4
        and (
            # "Socialförvaltningen", "Fyrbodals kommunalförbund": a body noun ends it.
            (words[-1][:1].isupper() and _ORG_WORD_END.search(words[-1]))
            or (len(words) >= 2 and words[0][:1].isupper() and _BODY_END.search(words[-1]))
        )
    ):
        return label
    return None


# The nouns that end a body's name written in lower case ("Fyrbodals kommunalförbund").
_BODY_END = _Suffixes(
    "förbund|förbundet|förvaltning|förvaltningen|nämnd|nämnden|kansli|kansliet|"
    "sekretariatet|myndighet|myndigheten|enhet|enheten|förening|föreningen"
)


def _home_municipality(text: str) -> str | None:
    """Return the municipality the first lines name (title, network, place)."""
    for (_, _), proper in find_organisations(text, 0, min(len(text), 400)):
        if is_municipality(proper):
            return proper
    return None


def _org_headings(text: str, section: _Section) -> list[tuple[int, int, str]]:
    """Return (line start, heading end, organisation) for each organisation heading."""
    found: list[tuple[int, int, str]] = []
    pos = section.start
    while pos < section.end:
        nl = text.find("\n", pos, section.end)
        line_end = nl if nl >= 0 else section.end
        line = text[pos:line_end]
        if ":" in line and not _role_label_at(text, pos):
            org = _org_heading_line(line)
            if org is not None:
                if fold(org) in _HOME_WORDS:
                    org = _home_municipality(text) or org
                found.append((pos, pos + line.index(":") + 1, org))
        pos = line_end + 1
    return found


# "ANNA BERG, Lunds kommun": a name in capitals at the start of a list line.
_CAPS_NAME = re.compile(
    r"(?m)^[ \t•*·-]*(?P<name>[" + _UC + r"]{2,}(?:-[" + _UC + r"]{2,})?"
    r"(?:[ \t]+(?:[" + _UC + r"]\.|[" + _UC + r"]{2,}(?:-[" + _UC + r"]{2,})?)){1,3})"
    r"(?=[ \t]*(?:[,(\t|–]|-\s|$))"
)


# A cheap first test: "\n" is a literal prefix the engine jumps between.
_CAPS_LINE = re.compile(r"\n[ \t•*·-]*[" + _UC + r"]{2}")


def _caps_name(name: str) -> str | None:
    """Return a name in capitals title-cased ("ANNA BERG" -> "Anna Berg"), or None if no name."""
    titled = name.title()
    words = titled.split()
    if (
        resolve_organisation(titled)
        or any(fold(w) in _NOT_NAME or _TITLE_SUFFIX.search(w) for w in words)
        or resolve_organisation(words[0])
    ):
        return None
    if len(titled) != len(name):
        return None
    return titled


def _with_caps_names(text: str, start: int, end: int) -> str:
    """Return `text` with names in capitals in text[start:end] title-cased (same offsets)."""
    if not _CAPS_LINE.search(text, max(0, start - 1), end) or not _CAPS_NAME.search(
        text, start, end
    ):
        return text
    parts: list[str] = []
    pos = start
    for m in _CAPS_NAME.finditer(text, start, end):
        titled = _caps_name(m["name"])
        if titled is None:
            continue
        parts += [text[pos : m.start("name")], titled]
        pos = m.end("name")
    if not parts:
        return text
    return text[:start] + "".join(parts) + text[pos:]


def _section_participants(text: str, section: _Section) -> list[Participant]:
    text = _with_caps_names(text, section.start, section.end)
    headings = _org_headings(text, section)
    runs = _per_line(text, _runs(text, section.start, section.end))
    # A run inside a heading ("PRO Sandviken:") is no person, nor is one inside a
    # table cell after other words ("| Räddningstjänsten Dala Mitt |").
    runs = [
        r
        for r in runs
        if not any(hs <= r.start < he for hs, he, _ in headings) and not _inside_cell(text, r.start)
    ]
    people: list[tuple[int, int, str | None]] = []
    # A table with the organisation first ("Uddevalla<TAB>Ingrid F<TAB>socialchef"):
    # the first cell is the person's body, and a row's cells end at its line.
    leads = {run.start: _lead_cell(text, run.start) for run in runs}
    for run in runs:
        parts = _split_run(text, run)
        if _REPLACES.search(text, max(section.start, run.start - 20), run.start):
            # "Britta Rydberg ersätter Hasse Johansson": the replaced member was not there.
            parts = parts[1:]
        people += [(words[0][0], words[-1][1], org) for words, org in parts]
    result: list[Participant] = []
    marked: list[bool] = []
    for i, (s, e, org) in enumerate(people):
        attr_end = people[i + 1][0] if i + 1 < len(people) else section.end
        attrs = text[e:attr_end]
        # A blank line ends what is said about a person; "Ordförande: Bo Ek"
        # on the next line introduces the next person.
        attrs = _TRAILING_ROLE_LABEL.sub("", _BLANK_LINE.split(attrs, maxsplit=1)[0])
        # A line that is a field or a heading ("Ordförande för dagen: …",
        # "SPF Seniorerna:") says nothing more about this person.
        attrs = _NEXT_FIELD_LINE.split(attrs, maxsplit=1)[0]
        lead = leads.get(s)
        if i + 1 < len(people) and leads.get(people[i + 1][0]):
            attrs = attrs.split("\n", 1)[0]
        role, attr_org, has_x = _attributes(attrs)
        if lead and (lead_org := resolve_organisation(lead) or _body_cell(lead)):
            attr_org = lead_org
        status = _row_status(attrs) or section.status
        first_line = attrs.split("\n", 1)[0]
        if status == "present" and _INVITED_ATTR.search(first_line):
            # "Nils Åberg, revisor, inbjuden under § 5": he came at the meeting's call.
            status = "guest"
        elif status == "present" and _INLINE_ABSENT.search(first_line):
            # "Per Ek, Eslöv (frånvarande)": listed, but away.
            status = "absent"
        line_start = text.rfind("\n", 0, s) + 1
        role_field = _role_label_at(text, line_start)
        if role_field and role_field.end() <= s:
            # "Ordf: Anna Berg": the label's role is hers, and a chair is there.
            role = _role_label(role_field["label"])[0] or role
            if status == "absent":
                status = "present"
        bracketed = _org_before_name(text, s, e, section.start)
        if bracketed:
            # "Tanum (Birgitta Holm), Sotenäs (Fredrik Svensson)": the body, then
            # its person in brackets; the body after the bracket is the next one's.
            org = bracketed
        row_end = text.find("\n", s)
        mark = _LAST_CELL.search(text, line_start, row_end if row_end >= 0 else len(text))
        if mark and mark["mark"] in "–-" and status == "present":
            # "| … | – |": the attendance column says the person was not there.
            status = "absent"
        heading = next((h for h in reversed(headings) if h[0] < s), None)
        if heading and attr_org and resolve_organisation(attr_org) is None:
            # "Region Dalarna: Robin Persson, beroendecentrum": under the body's
            # heading, an unknown word after the name is a unit or a title.
            attr_org = None
        span = (s, e + len(attrs.rstrip()))
        result.append(
            Participant(
                _clean_name(text[s:e]),
                org or attr_org or (heading[2] if heading else None),
                role,
                status,
                span,
            )
        )
        marked.append(has_x or mark is not None)
    if sum(marked) * 2 >= len(result) > 0 and any(marked):
        # An attendance table: an X marks who was there; a row without one is
        # someone listed but not attending, which the text does not state.
        result = [p for p, x in zip(result, marked, strict=True) if x]
    return result


# The last cell of a row when it is an attendance mark: "| X |", "| – |".
_LAST_CELL = re.compile(r"\|[ \t]*(?P<mark>[Xx✓–-])[ \t]*\|?[ \t]*$")


def _inside_cell(text: str, pos: int) -> bool:
    """Return whether `pos` follows other words in the same cell of a `|` table row."""
    line_start = text.rfind("\n", 0, pos) + 1
    before = text[line_start:pos]
    if "|" not in before:
        return False
    return bool(before[before.rfind("|") + 1 :].strip())


def _org_before_name(text: str, start: int, end: int, floor: int) -> str | None:
    """Return the organisation written right before a name in brackets: "Tanum (Birgitta Holm)",
    or before a dash at the start of its line: "Umeå – Kerstin Nyström"."""
    if text[start - 1 : start] != "(" or text[end : end + 1] != ")":
        line_start = text.rfind("\n", floor, start) + 1
        dashed = _ORG_DASH.fullmatch(text, max(line_start, floor), start)
        return resolve_organisation(dashed["org"]) if dashed else None
    piece_start = max(text.rfind(c, floor, start - 1) for c in ",;:\n") + 1
    piece = text[max(piece_start, floor) : start - 1].strip(" \t•-–")
    return resolve_organisation(piece) if piece else None


_ORG_DASH = re.compile(r"[ \t•*-]*(?P<org>[^\W\d][^–\n:,()]{1,40}?)[ \t]+[–—-][ \t]+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# ("1:e vice ordförande": the colon of an ordinal ends no field.)
_NEXT_FIELD_LINE = re.compile(r"\n(?=[ \t]*[" + _UC + r"][^\n:]{1,50}:(?![ae]\b))")
_INLINE_ABSENT = re.compile(
    r"[(,–-]\s*(?:frånvarande|franvarande|ej\s+närvarande|anmält\s+förhinder|förhinder|"
    r"återbud|ej\s+närvarande)\b",
    re.I,
)
_INVITED_ATTR = re.compile(r"\b(?:inbjuden|inbjudna|inbjuden gäst|gäst)\b", re.I)
_TRAILING_ROLE_LABEL = re.compile(
    r"(?:Mötesordförande|Vice\s+ordförande|Ordförande|Sekreterare|Justerare)\s?:\s*$"
)


def _per_line(text: str, runs: list[_Run]) -> list[_Run]:
    """Keep one name per line where the list is written one person per line.

    In "Malin Öhrn FoU Sjuhärad Välfärd" the later capitalised words name her
    organisation; a second name on a line counts only after a comma or "och".
    """
    lines: dict[int, list[_Run]] = {}
    for run in runs:
        lines.setdefault(text.count("\n", runs[0].start, run.start), []).append(run)
    if len(lines) < 2 or not all(_starts_line(text, v[0].start) for v in lines.values()):
        return runs
    kept: list[_Run] = []
    for line_runs in lines.values():
        kept.append(line_runs[0])
        for prev, run in itertools.pairwise(line_runs):
            if re.search(r"[,;]|\boch\b", text[prev.end : run.start]):
                kept.append(run)
    return kept


def _starts_line(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", max(0, pos - 200), pos) + 1
    return not text[line_start:pos].strip(" \t•*·-–")


_ROW_ABSENT = re.compile(
    r"\b(?:Frånvarande|Ej närvarande|Förhinder|Anmält förhinder|Meddelat förhinder)\b", re.I
)
_ROW_GUEST = re.compile(r"\b(?:Gäst|Inbjuden|Inbjudna)\b", re.I)


def _row_status(attrs: str) -> Status | None:
    """Return the attendance a table row states after the name ("| Frånvarande")."""
    row = attrs.split("\n", 1)[0]
    if " | " not in row and "\t" not in row:
        return None
    if _ROW_ABSENT.search(row):
        return "absent"
    if _ROW_GUEST.search(row):
        return "guest"
    return None


def _clean_name(name: str) -> str:
    return " ".join(name.split())


_REPLACES_WORD = re.compile(
    r"(?:\b(?:tjänstgörande|tjg)\s+)?\b(?:ersätter|istf\.?|i stället för|ersättare för)\s"
    r"|\bför\s+(?=[" + _UC + r"][" + _LC + r"]+\s[" + _UC + r"])",
    re.I,
)
_HEADING_START = re.compile(r"\s(?:Från|Till|Med|För|Om|Vid|Den|Det|Se)\s")
# (Two spaces or more part the columns of a table aligned with spaces.)
_PIECE_SPLIT = re.compile(r"[,;\n\t|]|[ ]{2,}|\s-\s|\s–\s|\(|\)|(?<![-–])\s(?:och|samt)\s")


_BRACKETED = re.compile(r"\(([^()\n]{1,40})\)")


def _attributes(attrs: str) -> tuple[str | None, str | None, bool]:
    """Return (role, organisation, has attendance X) from the text after a name."""
    role: str | None = None
    has_x = "X" in attrs and bool(re.match(r"\s?(?:\([^)]{0,5}\)\s?)?X\b", attrs))
    # The role written first after the name is this person's, unless one in
    # brackets says what they were at this meeting ("processledare, Region X
    # (sekreterare)").
    first = len(attrs) + 1
    for pat, value in _ROLE_PATTERNS:
        found = pat.search(attrs)
        if found and found.start() < first:
            role, first = value, found.start()
    for bracket in _BRACKETED.finditer(attrs):
        meeting_role = next((v for pat, v in _ROLE_PATTERNS if pat.search(bracket[1])), None)
        if meeting_role:
            role = meeting_role
            break
    # "PRO ersätter Hasse Johansson": the rest names someone who was away.
    attrs = _REPLACES_WORD.split(attrs, maxsplit=1)[0]
    # A capitalised function word starts a new heading ("… Från pensionärsorganisationerna").
    attrs = _HEADING_START.split(attrs, maxsplit=1)[0]
    # "förvaltningschef, socialförvaltningen, Kalmar kommun", "utvecklingsledare
    # God och nära vård, Region Västerbotten": a unit or a programme, then the
    # organisation it belongs to, which is what the list tells.
    org: str | None = None
    for piece in _PIECE_SPLIT.split(_PARTY.sub(",", attrs)):
        candidate = _org_candidate(piece)
        if candidate and resolve_organisation(candidate) == candidate:
            return role, candidate, has_x
        org = org or candidate
    return role, org, has_x


_TITLE_LEAD = re.compile(
    r"^(?:tf\.?\s+|t\.f\.\s+|biträdande\s+|facklig\s+)?["
    + _LC
    + r"-]*"
    + _TITLE_WORDS
    + r"\b(?:\s+för\b)?\s*",
    re.I,
)


# "§ 5", "t o m ärende 7", "2, 3": the items someone attended, after the body.
_TRAILING_PARAGRAPHS = re.compile(
    r"(?:§§?\s?[\d\s,–-]*|\b(?:t\s?o\s?m|fr\s?o\s?m|ärende)\s[\d\s,–-]*)$"
)
_TRAILING_NUMBERS = re.compile(r"\s+\d[\d\s,–-]*$")


def _org_candidate(piece: str) -> str | None:
    piece = piece.strip(" .:-–\t\r")
    if "§" in piece or any(c.isdigit() for c in piece):
        piece = _TRAILING_NUMBERS.sub("", _TRAILING_PARAGRAPHS.sub("", piece).strip()).strip()
    if len(piece) < 3 or len(piece) > 80:
        # Too short for a body unless a known abbreviation ("FK", "AF").
        return resolve_organisation(piece) if piece else None
    proper = resolve_organisation(piece)
    if proper:
        return proper
    low = fold(piece)
    if _NOISE.match(low) or re.fullmatch(r"[\d\s§xX.,/–-]+", piece):
        return None
    if (
        any(pat.search(piece) for pat, _ in _ROLE_PATTERNS)
        and len(_ORDINAL.sub("", piece).split()) <= 3
    ):
        # "ordförande", "1:e vice ordförande", "sekreterare för dagen": a role, not a body.
        return None
    union = re.match(r"facklig\s+\w*(?:\s+för\s+(?P<org>.+))?$", piece, re.I)
    if union:
        # "facklig representant för Vision"; a cut "facklig represent" names no union.
        return union["org"]
    lead = _TITLE_LEAD.match(piece)
    if lead:
        rest = piece[lead.end() :].strip()
        if not rest:
            return None
        # "enhetschef försörjningsstöd": a field of work in lower case, not a body.
        if not rest[:1].isupper() and not rest[:1].isdigit():
            return resolve_organisation(rest)
        return resolve_organisation(rest) or (rest if _looks_like_org(rest) else None)
    words = piece.split()
    if words and _JOB_TITLE_END.search(words[-1]):
        # "Vård- och omsorgschef", "IFO-chef", "Rektor": a job title, not a body.
        return None
    return piece if _looks_like_org(piece) else None


# The last word of a job title ("Vård- och omsorgschef", "Biståndshandläggare").
_JOB_TITLE_END = _Suffixes(_TITLE_WORDS + "|rektor|utvecklare|strateg|konsulent|chefer|ledare")


_NOT_ORG_LEAD = re.compile(
    r"^(?:utsedda?|valda?|via|från|på|i|av|enligt|med|ersätter|som|se|inbjuden|inbjudna|gäst|"
    r"närvarande|deltar|deltog|deltagit|under|punkt|för|tjänstgörande|tjänstgör|ej|kl|fr|t|"
    r"frånvarande|"
    r"förhinder|återbud|anmält)\b",
    re.I,
)
_ORDINAL = re.compile(r"^\s*(?:\d:[ae]|förste|första|andre|andra|tredje)\s+", re.I)


def _looks_like_org(piece: str) -> bool:
    words = piece.split()
    if not 1 <= len(words) <= 7 or _NOT_ORG_LEAD.match(piece):
        return False
    # Acronyms joined by a slash ("MT/CT") name a field of work, not a body.
    return not re.fullmatch(r"[" + _UC + r"]+/[" + _UC + r"]+", piece)


def _drop_network_as_organisation(header: Header) -> None:
    if not header.network:
        return
    own = fold(header.network)
    for p in header.participants:
        if p.organisation and fold(p.organisation) == own:
            p.organisation = None


# --- title, network ---------------------------------------------------------------


def _first_lines(text: str, limit: int = 600) -> list[tuple[int, int]]:
    lines: list[tuple[int, int]] = []
    pos = 0
    end = min(len(text), limit)
    while pos < end and len(lines) < 12:
        nl = text.find("\n", pos, end)
        le = nl if nl >= 0 else end
        s, e = pos, le
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            lines.append((s, e))
        pos = le + 1
    return lines


def _title_end(text: str) -> int:
    lines = _first_lines(text)
    return lines[0][1] if lines else 0


_HEADER_FIELD = re.compile(
    r"(?:Plats\s+och\s+tid|Sammanträdesdatum|Organ\b|Datum\b|Sida\b|Tid\b|Nämnd\s?:|Titel\s?:)",
    re.I,
)


def _title_and_network(source: SourceText, header: Header) -> None:
    text = source.text
    header.title = _heading_title(source) or _title(text)
    header.network = _network(text, header.title)


def _heading_title(source: SourceText) -> str | None:
    """Return the document's first top-level heading, as the reader marked it."""
    headings = [h for h in source.hints if h.kind == "heading" and h.span[0] < HEAD_CHARS]
    if not headings:
        return None
    top = min(h.level or 1 for h in headings)
    first = next(h for h in headings if (h.level or 1) == top)
    return _clean_title(source.text[first.span[0] : min(first.span[1], first.span[0] + 300)])


def _title(text: str) -> str | None:
    head_end = min(len(text), 400)
    matches = list(_DOC_TYPE.finditer(text, 0, head_end))
    m = next((x for x in matches if x["lead"] and len(x["lead"].split()) > 1), None)
    m = m or next((x for x in matches if x["caps"]), None)
    for s, e in _first_lines(text)[:3]:
        # A line holding only the document type ("Minnesanteckningar") under a page header.
        if _DOC_TYPE.fullmatch(text[s:e].strip()) and (not m or not m["lead"] or s < m.start()):
            return text[s:e].strip()
    if m and m["lead"]:
        # A title is one line, and never longer than a few hundred characters.
        line_end = text.find("\n", m.start(), m.start() + 300)
        line_end = min(len(text), m.start() + 300) if line_end < 0 else line_end
        title_end = line_end
        for d in find_dates(text, m.end(), line_end):
            if d.year is not None:
                title_end = d.span[1]
                break
        cut = _HEADER_FIELD.search(text, m.end(), title_end)
        if cut:
            title_end = cut.start()
        return _clean_title(text[m.start() : title_end])
    if m and m["caps"]:
        # "MINNESANTECKNINGAR FRÅN BIBLIOTEKSCHEFSTRÄFF": the rest of a line in capitals.
        caps = _CAPS_DOC_OF.match(text, m.start())
        return _clean_title(caps[0]) if caps else m["caps"]
    for s, e in _first_lines(text)[:3]:
        # "Minnesanteckningar beredningsgruppen" under a letterhead line: the
        # document type and the body it is of; "Minnesanteckningar – Länsnätverket
        # för …", "Digitaliseringsnätverket Skaraborg – minnesanteckningar".
        line = text[s:e].strip()
        if _DOC_THEN_BODY.fullmatch(line) or (
            len(line) <= 120 and _DASHED_DOC_TYPE.fullmatch(line)
        ):
            return _clean_title(line)
    for s, e in _first_lines(text):
        line = text[s:e]
        if not re.search(r"[^\W\d_]{3,}", line) or _PAGE_NUMBER.fullmatch(line):
            continue
        if _HEADER_FIELD.search(line) or ":" in line:
            return None
        if len(line) > 100:
            return None
        # A title line may run on into the date or "(teams)"; keep the words.
        cut = re.search(r"\s[(\d]", line)
        return _clean_title(line[: cut.start()] if cut else line)
    return None


_DOC_THEN_BODY = re.compile(
    r"(?:Minnesanteckningar|Mötesanteckningar|Anteckningar|Protokoll)\s+[a-zåäö][\w-]*"
    r"(?:nätverket|rådet|nämnden|gruppen|styrelsen|utskottet|beredningen)"
)
_CAPS_DOC_OF = re.compile(
    r"[A-ZÅÄÖ]+\s+(?:FRÅN|FÖR|VID|MED)\s+[A-ZÅÄÖ][A-ZÅÄÖ -]*[A-ZÅÄÖ](?=[ \t]*\n)"
)
_DASHED_DOC_TYPE = re.compile(
    r"(?:Minnesanteckningar|Mötesanteckningar|Anteckningar|Protokoll)\s*[–—:-]\s*[A-ZÅÄÖ][^\n]+"
    r"|[A-ZÅÄÖ][^\n]*?\s[–—-]\s*(?i:minnesanteckningar|mötesanteckningar|anteckningar|protokoll)"
)
_PAGE_NUMBER = re.compile(r"(?:Sida|Sid\.?|Page)\s*\d+\s*(?:\(\d+\)|av\s+\d+|/\s*\d+)?", re.I)


def _clean_title(title: str) -> str | None:
    title = " ".join(title.split()).strip(" ,.:-–")
    return title or None


_AFTER_DOC_TYPE = re.compile(
    r"(?i:(?:minnes|mötes|sammanträdes)?(?:anteckningar|protokoll))"
    r"(?:\s+(?:fört|förda))?(?:\s+(?:från|vid|för|över))?\s*[–—:-]?\s+(?P<rest>.+)$"
)
# "Möte med nätverket …", "fört vid styrelsemöte i Föreningen …".
_MEETING_OF = re.compile(
    r"^(?:(?:fört|förda|förd)\s+vid\s+)?"
    r"(?:(?:\w*möte|mötet|sammanträde|sammanträdet|träff)\w*\s+(?:(?:med|i|för)\s+|(?-i:(?=[A-ZÅÄÖ]))))",
    re.I,
)
_GENITIVE_MEETING = re.compile(
    r"^(?P<body>[\w-]+?(?:gruppen|nämnden|rådet|förbundet|nätverket|styrelsen|utskottet|"
    r"samrådet|beredningen))s\s+(?:\w*möte|sammanträde|träff)\w*$",
    re.I,
)


# "2024-10-02 Anteckningar arbetsmöte …": a date written before the document type.
_LEADING_DATE = re.compile(r"^\d{4}-\d\d-\d\d\s+")


def _body_after_doc_type(title: str) -> str | None:
    """Return the body a title names after its document type.

    "Protokoll socialnämnden", "Mötesanteckningar Regionalt forum för
    socialtjänst i Skåne", "Minnesanteckningar från styrgruppens möte" (the
    genitive before a meeting word names the body: "styrgruppen").
    """
    m = _AFTER_DOC_TYPE.match(_LEADING_DATE.sub("", title))
    if not m:
        return None
    rest = _MEETING_OF.sub("", m["rest"].strip())
    cut = re.search(r"\s(?:den\s)?\d|,\s|\s[–—-]\s", rest)
    rest = rest[: cut.start()] if cut else rest
    rest = rest.strip(" ,.:;–-")
    genitive = _GENITIVE_MEETING.match(rest)
    if genitive:
        return genitive["body"]
    if (
        rest
        and len(rest.split()) <= 8
        and _BODY_NOUN.search(rest)
        and not re.search(r"(?i:\bmöte|mötet|träff|sammanträde)\w*\b", rest)
    ):
        return rest
    return None


def _first_line_body(text: str, title: str) -> str | None:
    """Return the title line when it is a body's name, with its abbreviation ("… (KPR)")."""
    if _DOC_WORD.search(title):
        return None
    first = _first_line(text)
    if not first:
        return None
    line = _NAME_TAIL.split(first.strip(), maxsplit=1)[0]
    if not fold(line).startswith(fold(title)) or _DOC_WORD.search(line):
        return None
    m = _BODY_HEADING.fullmatch(line.strip())
    return m.group() if m else None


def _network(text: str, title: str | None) -> str | None:
    head_end = min(len(text), HEAD_CHARS)
    for m in _ORGAN_LABEL.finditer(text, 0, head_end):
        if m.start() > 0 and text[m.start() - 1].isalpha():
            continue
        value_start = m.end()
        value = text[value_start : value_start + 120].split("\n")[0].strip()
        if not value:
            s, e = _next_line(text, value_start, head_end)
            value = text[s:e].strip()
        value = _LEADING_LABELS.sub("", value)
        body = _BODY_PREFIX.match(value)
        if body:
            found = body.group()
            if " " not in found:
                # "Samordningsförbundet Sydnärke": a definite noun and its proper name.
                tail = re.match(r"(?:\s[" + _UC + r"][\w-]+){1,2}", value[len(found) :])
                found += tail.group() if tail else ""
            return _network_from_value(found)
    if title:
        leading = _LEADING_BODY.match(title)
        if leading:
            # "Nätverket för ekonomiskt bistånd i Göteborgsregionen",
            # "Socialnämndens arbetsutskott": the title is the body's whole name.
            return _NAME_TAIL.split(leading.group(), maxsplit=1)[0].strip(" ,.:;–-")
        if _BODY_NAME.fullmatch(title) or _GROUP_TITLE.fullmatch(title):
            # "Socialnämnden", "Styrgrupp Trygg hemgång": the title is the body.
            return title
        caps = _CAPS_DOC_THEN_BODY.match(_first_line(text))
        if caps and fold(caps["doc"]) == fold(title):
            # "MINNESANTECKNINGAR FOLKHÄLSORÅDET": the body after the document type.
            return caps["body"].capitalize()
        whole = _first_line_body(text, title)
        if whole:
            return whole
        named = _TITLE_BODY.match(title)
        if named:
            # "Protokoll från sammanträde med barn- och utbildningsnämnden":
            # the meeting's word comes first, the body after "med"/"i".
            inner = re.match(
                r"(?:\w*(?:sammanträde|möte|träff)\w*)\s+(?:med|i|för)\s+(?P<body>.+)$",
                named["body"],
            )
            if inner and _BODY_NOUN.search(inner["body"]):
                return _NAME_TAIL.split(inner["body"], maxsplit=1)[0].strip(" ,.:;–-")
        # "Protokoll från Verksamhetschefsmöte …" names a meeting, not a body.
        if named and not re.search(r"(?:möte|träff|sammanträde)\w*\b", named["body"]):
            return _NAME_TAIL.split(named["body"], maxsplit=1)[0].strip(" ,.:;–-")
        after = _body_after_doc_type(title)
        if after:
            return after
        inside = _TITLE_NETWORK.search(title)
        if inside:
            # "Minnesanteckningar IFO-chefsnätverket Sjuhärad 19 september 2025"
            return inside.group().strip()
        dashed = re.match(r"\w+\s+[–—:-]\s+(?P<body>.+)$", title)
        if dashed and _BODY_NOUN.search(dashed["body"]):
            # "Minnesanteckningar – Nätverket för äldreomsorg"
            return dashed["body"].strip()
    lines = _first_lines(text, 300)
    title_line = next(
        (i for i, (s, e) in enumerate(lines[:4]) if title and fold(text[s:e]) == fold(title)), None
    )
    if title_line is not None and title_line + 1 < len(lines):
        # "Regionala samverkansrådet Kalmar län – vård, omsorg …": the name
        # before a dash or comma; what follows describes the body or the meeting.
        under = lines[title_line + 1]
        head = _NAME_TAIL.split(text[under[0] : under[1]].strip(), maxsplit=1)[0]
        # "Möte med nätverket för skolkuratorer": the body, not the meeting.
        second = _MEETING_OF.sub("", head)
        if (
            len(second) <= 80
            and (head[:1].isupper() or second[:1].isupper())
            and not re.search(r"[\d:]", second)
            and _BODY_NOUN.search(second)
        ):
            # A body's name on the line under the document type ("Kommunstyrelsens arbetsutskott").
            return second.strip()
    for s, e in lines[:3]:
        for cell in _CELL_SPLIT.split(text[s:e].strip()):
            # A page header or first line that is only the body's name, perhaps
            # with the date ("FoU-nätverket Sjuhärad 2022-05-19") or in a cell of
            # its own ("ANTECKNINGAR | Nätverket för … i Värmland").
            cell = _TRAILING_DATE.sub("", cell).strip(" ,.:;–-")
            only = (
                _TITLE_NETWORK.fullmatch(cell)
                or _LEADING_BODY.match(cell)
                or _ADJECTIVE_BODY.fullmatch(cell)
            )
            if only and len(cell) <= 80:
                return only.group()
    m2 = _BODY_NAME.search(text, 0, min(len(text), 300))
    if m2:
        return m2.group()
    return None


# "Styrgrupp Trygg hemgång", "Referensgrupp LSS": a body's noun and its name.
_GROUP_TITLE = re.compile(
    r"["
    + _UC
    + r"]\w*(?:nätverk|råd|nämnd|grupp|forum)(?:\s+["
    + _UC
    + r"][\w-]*(?:\s+[\w-]+){0,3})?"
)
_CAPS_DOC_THEN_BODY = re.compile(
    r"\s*(?P<doc>(?:MINNES|MÖTES)?ANTECKNINGAR|PROTOKOLL)\s+(?P<body>[A-ZÅÄÖ-]+(?:NÄTVERKET|RÅDET"
    r"|NÄMNDEN|GRUPPEN|STYRELSEN|FÖRBUNDET|SAMRÅDET))\s*$"
)


def _first_line(text: str) -> str:
    lines = _first_lines(text, 300)
    return text[lines[0][0] : lines[0][1]] if lines else ""


# A title that starts with a body's noun and says what it is for, or a genitive
# body and its committee.
_LEADING_BODY = re.compile(
    r"^(?:(?:Nätverket|Nätverk|Rådet|Gruppen|Länsgruppen|Länsgrupp|Arbetsgruppen|Arbetsgrupp|"
    r"Styrgruppen|Styrgrupp|Samverkansgruppen|Samverkansgrupp|Referensgruppen|Referensgrupp|"
    r"Forum|Samrådet|Samråd)\s+(?:för|i|inom|kring|om)\s+[^\d\n]{3,80}"
    r"|[" + _UC + r"][\w-]*(?:\s+och\s+[\w-]+)?s\s+"
    r"(?:arbetsutskott|presidium|beredningsgrupp|beredning|utskott)"
    r"(?:et)?(?:\s+för\s+[^\d\n]{3,60})?)$"
)
_BODY_NOUN = re.compile(
    r"(?:n[äa]tverk|n[äa]tverket|r[åa]d|r[åa]det|n[äa]mnd|n[äa]mnden|styrelse|styrelsen|grupp|"
    r"gruppen|f[öo]rbund|f[öo]rbundet|utskott|utskottet|beredning|beredningen|samr[åa]d|"
    r"samr[åa]det|kommitté|kommittén|forum|förening|föreningen|chefer)\b",
    re.IGNORECASE,
)
_TITLE_NETWORK = re.compile(
    r"(?<![\w-])["
    + _UC
    + r"][\w-]*(?:nätverket|rådet|nämnden|styrelsen|förbundet|gruppen|samrådet|utskottet|"
    r"beredningen)(?:\s(?!(?:den|" + "|".join(MONTHS) + r")\b)[" + _UC + r"][\w-]+){0,2}",
)
_TITLE_BODY = re.compile(
    r"(?:Protokoll|Minnesanteckningar|Anteckningar)\s+(?:från|vid)\s+"
    r"(?P<body>.+?)(?:\s+den\s|\s+\d|$)"
)


_NAME_TAIL = re.compile(r"\s[–—-]\s|,\s")
# Cells of a table row flattened to one line.
_CELL_SPLIT = re.compile(r"\s+\|\s+|\t+|[ ]{3,}")
# "Kommunala pensionärsrådet": an adjective before a body's noun.
_ADJECTIVE_BODY = re.compile(
    r"[" + _UC + r"][a-zåäö]+\s+[a-zåäö][\w-]*(?:rådet|nämnden|nätverket|gruppen|förbundet"
    r"|styrelsen|utskottet|samrådet)"
)
_TRAILING_DATE = re.compile(r"\s+(?:\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}(?:\s+\d{4})?)$")
_DOC_WORD = re.compile(
    r"(?i:minnesanteckningar|anteckningar|protokoll|mötesanteckningar|sammanträdesprotokoll|"
    r"dagordning|kallelse|möte|mötet|sammanträde)"
)
# "Kommunala pensionärsrådet (KPR)", "Samordningsförbundet Västra Mälardalen":
# a heading of a few words whose head is a body noun names the body.
_BODY_HEADING = compile_on_use(
    r"(?:[" + _UC + r"][\w-]*\s+){0,3}[" + _UC + r"]?[\w-]*(?:n[äa]tverket|r[åa]det|n[äa]mnden|"
    r"styrelsen|f[öo]rbundet|gruppen|samr[åa]det|utskottet|beredningen|f[öo]rbund|n[äa]tverk)"
    r"(?:\s+[" + _UC + r"][\w-]+){0,3}(?:\s+län)?(?:\s+\([" + _UC + r"]{2,8}\))?"
)


def _network_from_value(value: str) -> str | None:
    value = " ".join(value.split()).strip(" ,.:")
    return value or None


# --- date, time, place ------------------------------------------------------------


def _date_time_place(text: str, head_end: int, header: Header) -> None:
    # The meeting's date, time and place come before or among the attendance
    # lists; after them a date is an agenda item's.
    last_section = max((e for _, e in header.consumed), default=0)
    area_end = min(head_end, last_section or 1500)
    meeting_date = None
    for d in find_dates(text, 0, area_end):
        if d.year is None or d.day is None:
            continue
        if _CONTEXT_NOT_MEETING.search(text, max(0, d.span[0] - 60), d.span[0]):
            continue
        meeting_date = d
        break
    if meeting_date is not None:
        header.date = meeting_date.iso()
    else:
        header.date = _week_date(text, area_end) or _yearless_date(text, area_end, header.warnings)
        if header.date is None:
            header.warnings.append("Mötesdatum hittades inte i dokumentets början.")
    for t in find_time_ranges(text, 0, area_end):
        if _CONTEXT_NOT_MEETING.search(text, max(0, t.span[0] - 60), t.span[0]):
            continue
        header.start_time, header.end_time = t.start, t.end
        break
    else:
        label = _TIME_LABEL_RANGE.search(text, 0, area_end) or _TIME_BETWEEN.search(
            text, 0, area_end
        )
        if label:
            # "Tid: 9-12": after a time label a range needs no "kl" or minutes.
            start, end = _hhmm(label["h1"], label["m1"]), _hhmm(label["h2"], label["m2"])
            if start and end and start < end:
                header.start_time, header.end_time = start, end
    header.place = (
        _place(text, area_end, header)
        or _place_in_prose(text, area_end)
        or _place_before_time(text, area_end, header)
        or _place_line(text, header)
    )
    if header.place is None:
        header.place = _place_from_title(text, header)
    if header.place:
        header.place, hybrid = _on_site_part(header.place)
        header.digital = not hybrid and bool(_DIGITAL.search(header.place))


# What joins a room to the remote option: "rum Klara + Teams", "rum Storsjön.
# Möjlighet att delta via Teams", "Stadshuset och via Zoom".
_HYBRID_JOIN = re.compile(r"\.\s|\s\+\s?|,?\s(?:och|samt|eller|även|alternativt)\s|\s\(")


def _on_site_part(place: str) -> tuple[str, bool]:
    """Return a hybrid meeting's room without its remote option, and whether it was hybrid.

    A meeting held in a room that people may also join over Teams took place
    on site: the room is the place.
    """
    digital = _DIGITAL.search(place)
    if digital is None:
        return place, False
    joins = list(_HYBRID_JOIN.finditer(place, 0, digital.start()))
    if not joins:
        return place, False
    # Everything before the first remote word: the room, if it names one.
    room = place[: joins[-1].start()].strip(" ,.:;+–-")
    on_site = _VENUE_NOUN.search(room) or _ROOM_WORD.search(room) or _STREET_ADDRESS.search(room)
    return (room, True) if on_site else (place, False)


def _place(text: str, area_end: int, header: Header) -> str | None:
    name_starts = sorted(p.span[0] for p in header.participants)
    for m in _PLACE_LABEL.finditer(text, 0, area_end):
        if m.start() > 0 and text[m.start() - 1].isalpha():
            continue
        pos = m.end()
        # Skip labels that a flattened layout put between the label and its value.
        while True:
            skip = re.match(
                r"\s*(?:ande|Beslutande|Närvarande|Tid|Dag|Datum)\s?:?(?=\s)", text[pos : pos + 30]
            )
            if not skip:
                break
            pos += skip.end()
        line_end = text.find("\n", pos, pos + 300)
        line_end = min(len(text), pos + 300) if line_end < 0 else line_end
        if not text[pos:line_end].strip():
            s, line_end = _next_line(text, pos, area_end)
            pos = s
        end = line_end
        for d in find_dates(text, pos, end):
            end = min(end, d.span[0])
            break
        for t in find_time_ranges(text, pos, end):
            end = min(end, t.span[0])
            break
        if not _LETTERS.search(_WEEKDAY_WORD.sub("", text[pos:end])):
            # "Tid och plats: Måndag 18/11 2024 kl 18.00–20.15, föreningens lokal, …":
            # the date and time first, the place after them.
            after = [t.span[1] for t in find_time_ranges(text, pos, line_end)]
            after += [d.span[1] for d in find_dates(text, pos, line_end)]
            if after:
                pos, end = max(after), line_end
        stop = re.search(r"\bkl\b|\bTid\b|\bNärvarande\b|\bBeslutande\b|\bande\b", text[pos:end])
        if stop:
            end = pos + stop.start()
        for ns in name_starts:
            if pos <= ns < end:
                end = ns
                break
        value = " ".join(text[pos:end].split()).strip(" ,.:;–-")
        if header.network and fold(value).startswith(fold(header.network)):
            value = value[len(header.network) :].strip(" ,.:;–-")
        if (
            value
            and re.search(r"[^\W\d_]{2,}", value)
            and fold(value) != fold(header.network or "")
        ):
            return value
    return None


_LETTERS = re.compile(r"[^\W\d_]{3,}")
# The weekdays, written in full ("tisdag", "tisdagen" with the suffix after it).
_WEEKDAY_NAMES = r"måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag"
_WEEKDAY_WORD = re.compile(r"(?i:\b(?:" + _WEEKDAY_NAMES + r")(?:en)?\b|\bden\b|\bkl\b\.?)")


_TIME_LABEL_RANGE = re.compile(
    r"\b(?:Tid|Datum och tid|Tidpunkt|TID|DATUM OCH TID|Time)\s?:\s?"
    r"(?P<h1>[0-2]?\d)(?:[.:](?P<m1>[0-5]\d))?"
    r"\s?[-–]\s?(?P<h2>[0-2]?\d)(?:[.:](?P<m2>[0-5]\d))?(?![\d-])"
)
# "… den 4 december 2024 mellan 9 och 11.30": a time range in running prose.
_TIME_BETWEEN = re.compile(
    r"\bmellan\s+(?:klockan\s+|kl\.?\s*)?(?P<h1>[0-2]?\d)(?:[.:](?P<m1>[0-5]\d))?"
    r"\s+och\s+(?:klockan\s+|kl\.?\s*)?(?P<h2>[0-2]?\d)(?:[.:](?P<m2>[0-5]\d))?(?![\d-])"
)
_DATE_LABEL_NEAR = re.compile(
    r"(?:Sammanträdesdatum|Mötesdatum|Datum(?:\s+och\s+tid)?|Dag|När)\s?:?\s*$"
)


def _hhmm(hour: str, minute: str | None) -> str | None:
    h, mi = int(hour), int(minute or 0)
    return f"{h:02d}:{mi:02d}" if 0 <= h <= 23 and 0 <= mi <= 59 else None


_WEEKDAYS = ("mån", "tis", "ons", "tor", "fre", "lör", "sön")
_WEEKDAY_BEFORE = re.compile(r"(?i:\b(?P<day>" + _WEEKDAY_NAMES + r")(?:en)?)(?:\s+den)?\s*$")


# "tisdag v. 12, 2025", "Onsdag vecka 7 2024": a weekday of a numbered week.
_WEEK_DATE = re.compile(
    r"(?i:\b(?P<day>" + _WEEKDAY_NAMES + r")(?:en)?)\s+"
    r"(?i:v\.?|vecka)\s*(?P<week>\d{1,2})\b,?\s*(?P<year>(?:19|20)\d\d)\b"
)


def _week_date(text: str, area_end: int) -> str | None:
    """Return the date a weekday of a numbered ISO week names."""
    m = _WEEK_DATE.search(text, 0, area_end)
    if m is None:
        return None
    try:
        day = date.fromisocalendar(
            int(m["year"]), int(m["week"]), _WEEKDAYS.index(m["day"].lower()[:3]) + 1
        )
    except ValueError:
        return None
    return day.isoformat()


_HEADING_YEAR = re.compile(r"(?<![\d/.-])((?:19|20)\d\d)(?![\d/.-])")


def _yearless_date(text: str, area_end: int, warnings: list[str]) -> str | None:
    """Return a labelled or first-lines date without a year, the year taken from the text."""
    lines = _first_lines(text, 400)[:3]
    first_lines_end = lines[-1][1] if lines else 0
    for d in find_dates(text, 0, area_end):
        if d.day is None or d.year is not None:
            continue
        labelled = _DATE_LABEL_NEAR.search(text, max(0, d.span[0] - 40), d.span[0])
        weekday = _WEEKDAY_BEFORE.search(text, max(0, d.span[0] - 20), d.span[0])
        if not labelled and not weekday and d.span[0] >= first_lines_end:
            continue
        years = Counter(
            x.year for x in find_dates(text, 0, min(len(text), 100_000)) if x.year is not None
        )
        if not years:
            # "Arbetsgruppen … – VT 2022 / Mötesanteckningar 3/3": the year of the
            # heading's term or period.
            years = Counter(int(y) for y in _HEADING_YEAR.findall(text, 0, first_lines_end))
        if not years:
            return None
        year = years.most_common(1)[0][0]
        if weekday:
            # "torsdag 14/3": of the years the text names, the one where the day is a Thursday.
            wanted = _WEEKDAYS.index(weekday["day"].lower()[:3])
            fits = [
                y
                for y, _ in years.most_common()
                if (dt := d.to_date(y)) is not None and dt.weekday() == wanted
            ]
            year = fits[0] if fits else year
        warnings.append(f"Mötesdatumet saknar år; antaget {year} efter årtalen i texten.")
        return d.iso(year)
    return None


def _place_before_time(text: str, area_end: int, header: Header) -> str | None:
    """Return the words before the meeting time on its line ("Faxepark, Europa, 09:00 – 14:55")."""
    for t in find_time_ranges(text, 0, area_end):
        if _CONTEXT_NOT_MEETING.search(text, max(0, t.span[0] - 60), t.span[0]):
            continue
        line_start = text.rfind("\n", max(0, t.span[0] - 300), t.span[0]) + 1
        line_start = line_start or max(0, t.span[0] - 300)
        pos = line_start
        for d in find_dates(text, line_start, t.span[0]):
            pos = max(pos, d.span[1])
        value = text[pos : t.span[0]]
        if not re.search(r"[^\W\d_]{3,}", _HEADER_FIELD.sub("", value).replace("kl", "")):
            # "2023-05-04 kl 10-12, Lunds stadshus": the place after the time.
            after_end = text.find("\n", t.span[1], t.span[1] + 200)
            value = text[t.span[1] : after_end if after_end >= 0 else t.span[1] + 200]
        value = _HEADER_FIELD.sub("", value)
        value = re.sub(
            r"\b(?:kl|klockan|Tid|Datum och tid|Datum|Tidpunkt|Time|Date|When)\b\.?:?", "", value
        )
        value = " ".join(value.split()).strip(" ,.:;–-")
        if (
            re.search(r"[^\W\d_]{3,}", value)
            and fold(value) != fold(header.network or "")
            and _plausible_place(value)
        ):
            return value
        return None
    return None


# "Kort avstämning, ca 45 min (": a duration or a cut parenthesis is not a place.
# "Mötet hölls kl. 08.30–11.30 i …": the words before the time are the sentence's.
_NOT_PLACE = re.compile(
    r"\b(?:ca|min|minuter|timm\w*|tim|hölls|ägde|genomfördes|träffades|möttes|sammanträdde"
    r"|samlades)\b|[(\[]$|^[)\]]|:",
    re.I,
)


def _plausible_place(value: str) -> bool:
    return (
        len(value.split()) <= 10
        and value.count("(") == value.count(")")
        and not _NOT_PLACE.search(value)
        and value[:1].isupper()
    )


# "Mötet hölls torsdagen den 5 september 2024 i Borås Stad, Stadshuset, lokal Viskan."
# "Skolchefsnätverket träffades torsdagen den 25 november 2021 kl. 13-16 i
# Vänersborg, Kommunhuset, sal Dalsland.": the place may wrap onto the next line.
_PROSE_PLACE = compile_on_use(
    r"\b(?:(?:Mötet|Sammanträdet|Träffen|Nätverksträffen)\s+(?:hölls|ägde\s+rum|genomfördes|"
    r"var|skedde)|[" + _UC + r"][\w-]+\s+(?:träffades|möttes|sammanträdde|samlades))\b"
    # (A time's dot, "kl. 08.30–11.30", ends no sentence.)
    r"(?:[^.\n]|(?<=\bkl)\.|(?<=\d)\.(?=\d)){0,80}?\s(?:i|på|via)\s+"
    r"(?P<place>[" + _UC + r"][^\n]{1,100}(?:\n[^\n]{1,100})?)"
)


def _place_in_prose(text: str, area_end: int) -> str | None:
    m = _PROSE_PLACE.search(text, 0, min(len(text), max(area_end, 1500)))
    if m is None:
        return None
    value = m["place"]
    value = re.split(r"\s(?:kl|klockan|den|mellan)\b|\.(?:\s|$)", value, maxsplit=1)[0]
    for d in find_dates(value):
        value = value[: d.span[0]]
        break
    value = " ".join(value.split()).strip(" ,.:;–-")
    return value if value and _plausible_place(value) else None


# A header line that is only a place: "Stadshuset, Varberg", "Kommunhuset i Vara".
_VENUE_NOUN = re.compile(
    r"(?i:hus|huset|salen|sal|rummet|rum|lokal|lokalen|gården|gård|center|centrum|kontor|"
    r"kontoret|hotell|hotel|teams|zoom|skype|biblioteket|aulan|kyrkan)\b"
)


# A room named by a lower-case noun ("rum Kilsbergen", "sammanträdesrum Ansia", "sal 3").
_ROOM_WORD = re.compile(r"\b[a-zåäö]*(?:rum|rummet|sal|salen|lokal|lokalen)\b")
# "Stortorget 22", "Drottninggatan 5B".
_STREET_SUFFIX = r"(?:gatan|vägen|torget|gränd|gången|allén|plan|backen)"
_STREET_ADDRESS = compile_on_use(
    r"\b[" + _UC + r"][a-zåäö]+" + _STREET_SUFFIX + r"\s+\d+[A-Za-z]?\b"
)


def _place_line(text: str, header: Header) -> str | None:
    """Return an unlabelled header line that names a venue or a municipality."""
    title = fold(header.title or "")
    for s, e in _first_lines(text, 400)[:6]:
        if s >= header.body_start and header.body_start > 0:
            break
        line = " ".join(text[s:e].split()).strip(" ,.;–-")
        if _ITEM_START.match(line) or _LABEL.match(line):
            break
        if not line or ":" in line or fold(line) == title:
            continue
        if find_dates(line) or find_time_ranges(line) or _DOC_TYPE.search(line):
            continue
        if any(p.span[0] < e and p.span[1] > s for p in header.participants):
            continue
        words = re.findall(r"[^\W\d_][\w-]*", line)
        if not words or len(words) > 6 or _has_verb_like_words(_ROOM_WORD.sub(" ", line)):
            continue
        venue = _VENUE_NOUN.search(line) is not None
        # "Socialförvaltningen, Lund" names the organiser, not a room.
        town = (
            is_municipality(words[-1])
            and len(words) >= 2
            and not any(_ORG_WORD_END.search(w) for w in words)
        )
        if fold(line) == fold(header.network or ""):
            continue
        # "Länsstyrelsen, Stortorget 22, Örebro, rum Kilsbergen": a room or a
        # street address makes the line a place, a body's name and all.
        room = _ROOM_WORD.search(line) is not None or _STREET_ADDRESS.search(line) is not None
        if not room and (_BODY_NOUN.search(line) or _BODY_NAME.search(line)):
            continue
        if (venue or town or room) and _plausible_place(line):
            return line
    return None


def _place_from_title(text: str, header: Header) -> str | None:
    s, e = 0, min(len(text), 300)
    lines = _first_lines(text, 300)[:3]
    if lines:
        s, e = lines[0][0], lines[-1][1]
    m = _DIGITAL.search(text, s, e)
    if m:
        return m.group().capitalize()
    if header.title:
        for word in re.findall(r"[" + _UC + r"][\w-]+", header.title):
            if is_municipality(word) and not fold(header.network or "").endswith(fold(word)):
                return word
    return None


# --- roles from signatures, minute taker ------------------------------------------


def _find_person(name: str, participants: list[Participant]) -> Participant | None:
    key = fold(name)
    exact = [p for p in participants if fold(p.name) == key]
    if exact:
        return exact[0]
    words = key.split()
    if len(words) == 1:
        firsts = [p for p in participants if fold(p.name).split()[0] == key]
        return firsts[0] if len(firsts) == 1 else None
    prefixed = [
        p for p in participants if fold(p.name).startswith(key) or key.startswith(fold(p.name))
    ]
    return prefixed[0] if len(prefixed) == 1 else None


def _signature_end(text: str, start: int, limit: int) -> int:
    """Return where a signature block ends: at its first line that is neither a label nor a name."""
    nl = text.find("\n", start, limit)
    if nl < 0:
        return limit
    pos = nl + 1
    while pos < limit:
        nl = text.find("\n", pos, limit)
        line_end = nl if nl >= 0 else limit
        line = text[pos:line_end]
        head = line[:40]
        if _ITEM_START.match(line):
            # "§ 1 Fastställande av föredragningslista": the agenda begins.
            return pos
        signed = (
            not re.search(r"[^\W\d_]", line)
            or _SIGNATURE_ROLE.search(head)
            or (_MAYBE_NAME.search(head) and _runs(text, pos, min(line_end, pos + 40)))
        )
        if not signed:
            return pos
        pos = line_end + 1
    return limit


def _signatures(text: str, head_end: int, header: Header) -> None:
    m = _SIGNATURE_START.search(text, 0, head_end)
    if not m or not header.participants:
        return
    end = min(len(text), m.end() + 400)
    anslag = re.search(r"ANSLAG|Anslag|Protokollet är justerat", text[m.end() : end])
    if anslag:
        end = m.end() + anslag.start()
    end = _signature_end(text, m.end(), end)
    role_matches = list(_SIGNATURE_ROLE.finditer(text, m.end(), end))
    roles = [(r.start(), r["role"]) for r in role_matches]
    names: list[tuple[int, int, Participant]] = []
    for run in _runs(text, m.end(), end):
        for words, _ in _split_run(text, run):
            s, e = words[0][0], words[-1][1]
            p = _find_person(text[s:e], header.participants)
            if p is not None:
                names.append((s, e, p))
    # The block ends at its last role label or signed name, not 400 characters on:
    # an agenda item may follow on the same page.
    last = max([m.end(), *(r.end() for r in role_matches), *(e for _, e, _ in names)])
    header.consumed.append((m.start(), last))
    pairs: list[tuple[str, Participant]] = []
    for _, e, p in names:
        # "Pär-Olof Stål, ordförande": the role written after the signature.
        inline = re.match(r"\s?,\s?(ordförande|sekreterare)\b", text[e : e + 20], re.I)
        if inline:
            pairs.append((inline.group(1).capitalize(), p))
    if roles and names and roles[-1][0] < names[0][0] and len(roles) == len(names):
        # Labels in a row, then the names in the same order (a flattened table).
        pairs += [(role, p) for (_, role), (_, _, p) in zip(roles, names, strict=True)]
    else:
        for i, (rs, role) in enumerate(roles):
            next_role = roles[i + 1][0] if i + 1 < len(roles) else end
            after = [p for ns, _, p in names if rs < ns < next_role]
            if after:
                pairs.append((role, after[0]))
    for role, p in pairs:
        if role == "Sekreterare" and p.role is None:
            p.role = "sekreterare"
        elif role == "Ordförande" and p.role is None:
            p.role = "ordförande"


# "Tobias Nyström, sekreterare" alone on a line (or before a column gap): a
# signature line under "Vid protokollet" or "Justeras", wherever the block stands.
_SIGNED_ROLE = re.compile(
    r"(?m)^[ \t]*(?P<name>[" + _UC + r"][\w'’-]+(?:[ \t][" + _UC + r"][\w'’-]+){1,2})"
    r"[ \t]*,[ \t]*(?P<role>ordförande|sekreterare)[ \t]*(?:$|\t|[ ]{2,})"
)


def _signed_roles(text: str, header: Header) -> None:
    """Give the chair and the secretary their roles from signature lines."""
    if "ordförande" not in text and "sekreterare" not in text:
        return
    for m in _SIGNED_ROLE.finditer(text):
        p = _find_person(m["name"], header.participants)
        if p is not None and p.role is None:
            p.role = m["role"]


_INVITED = compile_on_use(
    r"\b(?P<name>[" + _UC + r"][" + _LC + r"]+(?:[ \t][" + _UC + r"][" + _LC + r"]+)?)[ \t]+"
    r"(?:har|är|var|hade)[ \t]+(?:blivit[ \t]+)?inbjud[" + _LC + r"]*"
)


def _invited(text: str, header: Header) -> None:
    """Make "Agneta har blivit inbjuden att prata om …" a guest: she came at the network's call."""
    if not header.participants:
        return
    end = min(len(text), header.body_start + 200_000)
    pos = text.find("inbjud", header.body_start, end)
    while pos >= 0:
        # Found by its verb first: a window before each "inbjud" is all the
        # pattern needs, so the scan does not try it at every capital.
        m = _INVITED.search(text, max(header.body_start, pos - 60), min(end, pos + 40))
        pos = text.find("inbjud", pos + 6, end)
        if m is None:
            continue
        p = _find_person(m["name"], header.participants)
        if p is not None and p.status == "present" and p.role is None:
            p.status = "guest"


_ROLE_LINE = re.compile(
    r"(?=[MOVSP])\b(?P<role>Mötesordförande|Ordförande|Vice\s+ordförande|Sekreterare|Protokollförare)"
    r"\s?:[ \t]*(?P<name>(?:[" + _UC + r"][" + _LC + r"'’-]+[ \t]?){2,3})"
)


def _colon_fields(pattern: re.Pattern[str], text: str, head_end: int) -> list[re.Match[str]]:
    """Return the matches of a "Label: value" pattern, tried only around the head's colons.

    Scanning 6 000 characters with a pattern that has no literal start costs more
    than finding the few colons and matching near each.
    """
    found: list[re.Match[str]] = []
    last = 0
    colon = text.find(":", 0, head_end)
    while colon >= 0:
        m = pattern.search(text, max(last, colon - 30), min(len(text), colon + 120))
        if m and m.start() <= colon < m.end():
            found.append(m)
            last = m.end()
        colon = text.find(":", max(colon + 1, last), head_end)
    return found


def _role_lines(text: str, head_end: int, header: Header) -> None:
    """Apply "Ordförande: Anna Berg" header fields to the listed participant."""
    for m in _colon_fields(_ROLE_LINE, text, head_end):
        p = _find_person(" ".join(m["name"].split()), header.participants)
        if p is None or p.role is not None:
            continue
        role = fold(m["role"])
        p.role = (
            "vice ordförande"
            if role.startswith("vice")
            else "sekreterare"
            if role in ("sekreterare", "protokollförare")
            else "ordförande"
        )


_TAKER_INITIALS = compile_on_use(
    r"(?:Antecknat[ ]av|Antecknare|Vid[ ](?:tangenterna|tangentbordet|pennan|anteckningarna"
    r"|protokollet)|Sekreterare)[ \t]*:?[ \t]*(?P<initials>[A-ZÅÄÖ][A-ZÅÄÖa-zåäö]{1,3})(?![\w])"
)


def _minute_taker(text: str, header: Header) -> str | None:
    for m in _role_lines_in(text, min(len(text), HEAD_CHARS)):
        # "Sekr: Jenny Dahl", "Processtöd och anteckningar: Lisa Bok".
        if not _role_label(m["label"])[1]:
            continue
        line_end = text.find("\n", m.end(), m.end() + 200)
        for run in _runs(text, m.end(), line_end if line_end >= 0 else m.end() + 200)[:1]:
            name = _clean_name(text[run.start : run.end])
            p = _find_person(name, header.participants)
            return p.name if p is not None else name
    for lo, hi in ((max(0, len(text) - TAIL_CHARS), len(text)), (0, min(len(text), HEAD_CHARS))):
        for m in _MINUTE_TAKER.finditer(text, lo, hi):
            name = " ".join(m["name"].split())
            if fold(name) in _NOT_NAME:
                continue
            p = _find_person(name, header.participants)
            if p is not None:
                return p.name
            if len(name.split()) >= 2:
                return name
    if header.participants:
        # "Antecknat av TGu": the initials the minutes use for a participant.
        people = People(header.participants)
        for m in _TAKER_INITIALS.finditer(text):
            initialled = people.by_initials(m["initials"])
            if initialled is not None:
                return initialled
    for lo, hi in ((0, min(len(text), HEAD_CHARS)), (max(0, len(text) - TAIL_CHARS), len(text))):
        said = None
        chunk = text[lo:hi]
        cues = ("antecknade", "förde", "ekreterare", "took ")
        for cue in _TAKER_CUE.finditer(text, lo, hi) if any(c in chunk for c in cues) else ():
            # Anchored on the verb: trying the name pattern at every line start costs more.
            said = _TAKER_SENTENCE.match(text, text.rfind("\n", lo, cue.start()) + 1)
            if said:
                break
        found = said and (said["name"] or said["name2"])
        if found and fold(found.split()[0]) not in _NOT_NAME:
            # "Frida Lönn antecknade.", "Anteckningarna fördes av Per Ek."
            name = " ".join(found.rstrip(".").split())
            p = _find_person(name, header.participants)
            return p.name if p is not None else name
    head_end = min(len(text), HEAD_CHARS)
    # Cheap tests first: both patterns need their word, and open with what the
    # engine cannot scan for.
    elected = (
        _ELECTED_SECRETARY.search(text, 0, head_end)
        if text.find("sekreterare", 0, head_end) >= 0
        else None
    )
    if elected:
        # "Årsmötet beslutade att välja Fredrik Holm till sekreterare för mötet."
        name = " ".join((elected["name"] or elected["name2"]).rstrip(".").split())
        p = _find_person(name, header.participants)
        return p.name if p is not None else name
    for role in ("sekreterare", "planeringsledare"):
        holders = [p for p in header.participants if p.role == role]
        if len(holders) == 1:
            return holders[0].name
    signed = (
        _SIGNED_SECRETARY.search(text, 0, head_end)
        if text.find("Sekreterare", 0, head_end) >= 0
        or text.find("Protokollförare", 0, head_end) >= 0
        else None
    )
    if signed:
        # "Underskrifter / Sekreterare Eva Öst": the secretary signs the minutes.
        return _clean_name(signed["name"])
    return None


_TAKER_NAME = (
    r"(?P<name>[" + _UC + r"][" + _LC + r"'’-]+(?:[ \t][" + _UC + r"][" + _LC + r"'’.-]*){0,2})"
)
_TAKER_SENTENCE = compile_on_use(
    r"[ \t]*(?:"
    + _TAKER_NAME
    + r"[ \t]+(?:antecknade|förde\s+(?:minnes)?anteckning\w*|förde\s+protokoll\w*|"
    r"var\s+(?:mötes)?sekreterare|var\s+antecknare|took\s+(?:the\s+)?(?:notes|minutes))\b"
    r"|(?:(?:Minnes)?[Aa]nteckningar(?:na)?|Protokollet|Sekreterare)\s+(?:fördes\s+av|var)\s+"
    + _TAKER_NAME.replace("?P<name>", "?P<name2>")
    + r")"
)
_ELECTED_SECRETARY = compile_on_use(
    r"\b(?:välja|väljer|valdes|utse|utses|utsågs)\s+"
    + _TAKER_NAME
    + r"\s+(?:till|som)\s+(?:mötes)?sekreterare\b"
    r"|\b(?:[Tt]ill|[Ss]om)\s+(?:mötes)?sekreterare\s+(?:för\s+mötet\s+)?(?:valdes|utsågs|utses)\s+"
    + _TAKER_NAME.replace("?P<name>", "?P<name2>")
)
_TAKER_CUE = re.compile(
    r"antecknade|förde\s|fördes\s+av|Sekreterare\s+var|var\s+(?:mötes)?sekreterare|"
    r"var\s+antecknare|took\s"
)
_SIGNED_SECRETARY = compile_on_use(
    r"(?m)^[ \t]*(?:Sekreterare|Protokollförare)[ \t]*:?[ \t]+"
    r"(?P<name>["
    + _UC
    + r"]["
    + _LC
    + r"'’-]+(?:[ \t]["
    + _UC
    + r"]["
    + _LC
    + r"'’.-]*){1,2})[ \t]*$"
)


# --- reconcile ----------------------------------------------------------------------


def reconcile(minutes: Minutes) -> None:
    """Correct a heading year that the rest of the text contradicts, with a warning."""
    if not minutes.date:
        return
    try:
        written = date.fromisoformat(minutes.date)
    except ValueError:
        return
    years: Counter[int] = Counter()
    for pm in minutes.planned_meetings:
        if pm.date[:4].isdigit():
            years[int(pm.date[:4])] += 1
    near = {written.year - 1, written.year, written.year + 1}
    if near & years.keys():
        return
    text = minutes.source.text
    limit = min(len(text), 100_000)
    written_ymd = (written.year, written.month, written.day)
    # Fast path: a date in a year next to the heading's settles it; read the
    # dates only around where such a year is written, not the whole text.
    near_years = {str(y) for y in near}
    for m in _NUMBER.finditer(text, 0, limit):
        if m.group() not in near_years:
            continue
        for d in find_dates(text, max(0, m.start() - 60), min(limit, m.end() + 10)):
            if (
                d.span[0] <= m.start() < d.span[1]
                and d.year in near
                and (d.year, d.month, d.day) != written_ymd
            ):
                return
    short_year = text.find("/", 0, limit) >= 0 and _SHORT_YEAR.search(text, 0, limit)
    if not short_year and all(
        y.isdigit() and int(y) in near for y in _YEAR_TOKEN.findall(text, 0, limit)
    ):
        # Only the heading's own date names a year: nothing contradicts it.
        return
    # The years near the heading decide; a scan of the first 100 000 characters
    # is enough evidence and keeps huge inputs cheap.
    for d in find_dates(text, 0, limit):
        if d.year is not None and (d.year, d.month, d.day) != (
            written.year,
            written.month,
            written.day,
        ):
            years[d.year] += 1
    if not years or any(abs(y - written.year) <= 1 for y in years):
        return
    earliest = min(years)
    for candidate in (earliest - 1, earliest):
        if _one_digit_apart(candidate, written.year):
            try:
                corrected = written.replace(year=candidate)
            except ValueError:
                continue
            minutes.date = corrected.isoformat()
            minutes.warnings.append(
                f"Rubrikens datum {written.isoformat()} stämmer inte med texten "
                f"(som nämner {earliest}); tolkat som {corrected.isoformat()}."
            )
            return
    minutes.warnings.append(
        f"Rubrikens datum {written.isoformat()} stämmer inte med årtalen i texten."
    )


# A year as written, also with OCR's letters for digits ("2O23"), which
# `find_dates` reads; such a token sends `reconcile` to the full scan.
# "8/10-24": a two-digit year that `find_dates` reads.
_SHORT_YEAR = re.compile(r"\d/[01]?\d-\d\d(?!\d)")
# The lookbehind follows the first two characters, not precedes them, so that
# the engine scans for those characters instead of trying every position.
_YEAR_TOKEN = re.compile(r"((?:19|20|l9|I9|2O)(?<![\dOIl]..)[\dOIl]{2})(?![\dOIl])")
# A whole number: a digit run is a year of `near` when it spells one.
_NUMBER = re.compile(r"\d\d*")  # not \d+: a pattern that opens with \d is scanned faster


def _one_digit_apart(a: int, b: int) -> bool:
    sa, sb = f"{a:04d}", f"{b:04d}"
    return sum(x != y for x, y in zip(sa, sb, strict=True)) == 1
