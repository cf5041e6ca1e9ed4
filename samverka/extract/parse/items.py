"""Find the agenda items of a minutes body: where each starts, its number and title.

Minutes mark their items in one of four ways, and one document uses one of
them for its items and the others, if at all, for sub-points inside an item:

- `section`: "§ 84 Mötets öppnande", "FHR 29 …" (a short prefix repeated
  with rising numbers), or bare numbers left where § signs were stripped;
- `numbered`: "1. Titel", "2) Titel" starting a line, or run together in an
  agenda list ("1. Mötets öppnande 2. Föregående …");
- `markup`: a whole line in bold ("- **Titel**"), as readers of Word files write;
- `plain`: a short line that starts with a capital, does not end a sentence
  and is not the wrapped half of one, followed by text (the usual layout of
  notes typed straight into Word).

The kind used for items is the first one the body opens with; § paragraphs
win whenever there are at least two of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from samverka.extract.lazy import compile_on_use
from samverka.extract.model import Span
from samverka.extract.orgs import resolve_organisation
from samverka.extract.parse.people import NAME_WORD, People
from samverka.extract.parse.sentences import ABBREVIATIONS, line_is_open, may_say_beslut

MAX_TITLE = 200
# How far past a heading's number its title is looked for; bounds the work on
# text that runs on for megabytes without a line break.
WINDOW = 600


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str
    # The reader saw a heading here (a Word heading style, an HTML <h2>).
    hinted: bool = False
    # A blank line comes before this one.
    after_blank: bool = False


@dataclass
class Heading:
    start: int
    title: str
    number: str | None
    kind: str
    content_start: int
    raised_by: str | None = None
    # True when raised_by is already a name to report, not a mention to resolve.
    raised_by_final: bool = False


# Lines that label a part of the document, not an item.
SECTION_LABELS = re.compile(
    r"^(?:minnes)?anteckningar|^protokoll(?:et)?$|^dialogpunkter|^informationspunkter|^ärenden$"
    r"|^innehåll(?:sförteckning)?$|^agenda$|^närvarande|^frånvarande|^deltagare|^övriga (?:deltag"
    r"|närvar)"
    # The fields of a protocol's title page and attendance table.
    r"|^beslutande|^ersättare|^ledamöter|^ordinarie|^tjänstgörande|^närvaro|^paragraf"
    r"|^förvaringsplats"
    r"|^underskrift|^justering|^utses|^anslag|^sammanträdesdatum|^plats och tid|^datum|^tid\b"
    r"|^organ\b|^nämnd\b|^sida\b|^utdragsbestyrkande|^gäster|^inbjudna|^förhindrade"
    # English labels of an attendance block: "Attendees:", "Apologies:", "Notes by:".
    r"|^(?:attendees|apologies|present|absent|guests?|notes by|minutes by|in attendance"
    r"|location|venue|chair(?:person)?|date|time)\s*:",
    re.IGNORECASE,
)
# Lines that close the minutes (signature, greeting).
CLOSING = re.compile(
    r"^/?\s*(?:vid (?:tangenterna|tangentbordet|anteckningarna|protokollet|pennan)|antecknat av|"
    r"(?:vänliga |med vänlig(?:a)? )?hälsning(?:ar)?|mvh|justeras|protokollförare|"
    r"sekreterare\b|ordförande\s*$|underskrifter)",
    re.IGNORECASE,
)
# "Övrigt" is the last item by custom; the lines under it are its points.
OTHER_BUSINESS = re.compile(r"^övrig(?:t|a frågor|a ärenden)\s*:?$", re.IGNORECASE)
# The points that conventionally follow "Övrigt".
CLOSING_POINTS = re.compile(
    r"^(?:\d{1,2}\.?\s*)?(?:nästa (?:möte|träff|sammanträde)|mötets avslutande|avslutning)\b", re.I
)
DECISION_LINE = re.compile(r"^(?:läggs |lades )?till handlingarna\.?$", re.IGNORECASE)
# A wrapped line does not end on a word that needs a continuation.
_DANGLING = "i och att för av med som till på om från eller men samt den det de en ett"
DANGLING = frozenset(_DANGLING.split())

_SECTION_AT_START = re.compile(r"^\s*(?:§\s*(\d{1,3})|([A-ZÅÄÖ]{2,5})\s+(\d{1,3}))\b\.?\s*")
# "Punkt 2: Budget", "Ärende 3 – Lokaler".
_POINT_AT_START = re.compile(
    r"^\s*(?:punkt|ärende)\s+(\d{1,2})\s*[.:)–-]?\s+(?=[\"”'(]?[A-ZÅÄÖÉ])", re.IGNORECASE
)
_NUMBERED_AT_START = re.compile(r"^\s*(\d{1,2})\s*[.)]\s+(?=[\"”'(]?[A-ZÅÄÖÉ])")
_BARE_NUMBER_AT_START = re.compile(r"^(\d{1,2})[ \t]+(?=[\"”'(]?[A-ZÅÄÖÉ][a-zåäöé])")
_BOLD_LINE = re.compile(r"^\s*(?:[-*•]\s+)?\*\*(.+?)\*\*\s*$")
_HASH_LINE = re.compile(r"^\s*#{1,6}\s+(.+?)[\s#]*$")
_ITALIC_LINE = re.compile(r"^\s*\*([^*]+)\*\s*$")
_BULLET = re.compile(r"^[-*•·▪o]\s+")
_BULLET_CHARS = frozenset("-*•·▪o")
_TRAILING_RAISER = re.compile(
    rf"^(?P<title>.*\S)\s*[-–]\s*(?P<who>{NAME_WORD}(?:\s+{NAME_WORD})?)"
    r"(?:\s*,?\s+(?P<org>[\w/&-]+(?:\s+[\w/&-]+){0,3}))?\s*\.?\s*$"
)


def split_lines(
    text: str, start: int, end: int, skip: list[Span], headings: list[Span] | None = None
) -> list[Line]:
    """Return the non-blank lines of text[start:end] outside the `skip` spans.

    `headings` are the spans the reader marked as headings.
    """
    marks = sorted(headings or [])
    h = 0
    lines: list[Line] = []
    skip = sorted(skip)
    k = 0
    pos = start
    blank = False
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        raw = text[pos:line_end]
        stripped = raw.strip()
        if not stripped:
            blank = True
        else:
            s = pos + (len(raw) - len(raw.lstrip()))
            e = s + len(stripped)
            while k < len(skip) and skip[k][1] <= s:
                k += 1
            while h < len(marks) and marks[h][1] <= s:
                h += 1
            # A bold word inside a line does not make the line a heading.
            hinted = h < len(marks) and marks[h][0] <= s and e <= marks[h][1]
            if not (k < len(skip) and skip[k][0] <= s < skip[k][1]):
                lines.append(Line(s, e, stripped, hinted, blank))
                blank = False
        pos = line_end + 1
    return lines


def find_headings(
    lines: list[Line], people: People, pages: set[int] | None = None
) -> list[Heading]:
    """Return the item headings among `lines`, in order.

    `pages` holds the start offsets of lines that open a page with its number
    ("2 35 31 TEMA: …"), as some extractions write every page as one line.
    """
    pages = pages or set()
    section = _section_headings(lines, people)
    if len(section) >= 2:
        return section
    numbered = _with_sub_items(_numbered_headings(lines, pages, people), _sub_items(lines, people))
    markup = _markup_headings(lines, people)
    plain = _plain_headings(lines, people)
    bullets = _bullet_headings(lines, people)
    letters = _letter_headings(lines, people)
    colon = _colon_headings(lines, people)
    kinds = [k for k in (numbered, markup, plain, bullets, letters, colon) if k]
    if not kinds:
        return section
    first = min(kinds, key=lambda hs: hs[0].start)
    if (
        first is plain
        and len(numbered) >= 2
        and _before(plain, numbered[0].start) >= len(plain) / 2
    ):
        # "Attendees: …", "Apologies: …": label lines the header did not know, ahead
        # of the numbered items, are no items.
        first = numbered
    if len(first) <= 2:
        # One or two headings ("Dagordning och anteckningar", a stray label line)
        # before a run of bullets or numbers are labels of the list under them,
        # not the document's way of marking items.
        richer = [k for k in kinds if len(k) >= max(3, 2 * len(first))]
        if richer:
            return min(richer, key=lambda hs: hs[0].start)
    return first


def page_starts(text: str) -> set[int]:
    """Return the starts of lines that begin with a running page index 1, 2, 3 …"""
    found: set[int] = set()
    expected = 1
    # The text's first line, then the others found after their newline: a
    # pattern that starts with a literal "\n" is scanned for far faster than "^".
    first = _PAGE_INDEX.match(text)
    candidates = [(0, first[1])] if first else []
    candidates.extend((m.start() + 1, m[1]) for m in _PAGE_INDEX_AFTER_NEWLINE.finditer(text))
    for at, number in candidates:
        line_end = text.find("\n", at)
        long_line = line_end < 0 or line_end - at > 60
        if int(number) in (expected, expected + 1) and long_line:
            found.add(at)
            expected = int(number) + 1
    return found if len(found) >= 2 else set()


_PAGE_INDEX = re.compile(r"^(\d{1,3}) (?=\S)", re.MULTILINE)
_PAGE_INDEX_AFTER_NEWLINE = re.compile(r"\n(\d{1,3}) (?=\S)")


def _heading_paragraph(lines: list[Line], i: int) -> tuple[str, int, int]:
    """Return the text of the paragraph starting at line i, its end offset and last line index."""
    parts = [lines[i].text]
    j = i
    while (
        not lines[j].hinted
        and line_is_open(lines[j].text)
        and j + 1 < len(lines)
        and not lines[j + 1].hinted
        and j - i < 2
        and _continues(lines[j].text, lines[j + 1].text)
    ):
        j += 1
        parts.append(lines[j].text)
    return " ".join(parts), lines[j].end, j


def _continues(line: str, following: str) -> bool:
    """Return whether `following` carries on the heading `line` rather than starting the text.

    A wrapped heading goes on in lower case ("… som gäller / från och med
    2024"), after a word that needs more ("… samverkan med / Region Skåne"), or
    with a few words ("… – Marie / Klippan."); a capitalised sentence after a
    complete line starts the item's text ("… (korttidsvistelse) / Henrik har
    tagit fram ett utkast.").
    """
    first = following.lstrip()[:1]
    if not first.isupper() or len(following.split()) <= 3:
        # A short line is the spill of a name ("… – Marie / Klippan.").
        return True
    words = line.split()
    return bool(words) and (words[-1].lower() in DANGLING or line.rstrip()[-1:] in ",-–")


# "./. Bilaga." marks an item with an attachment.
_ATTACHMENT = re.compile(r"^(?:\./\.\s*)?(?:bilaga\s*\d*\s*[.:]\s*)", re.IGNORECASE)


# "Punkt 3. Budget": the number is the item's, not part of its title.
_POINT_PREFIX = re.compile(r"^(?:punkt|ärende)\s+\d{1,2}\s*[.:)–-]?\s+", re.IGNORECASE)
# Parts of a protocol's paragraph, never an item: "Nämndens beslut", "Att godkänna …".
NOT_AN_ITEM = re.compile(
    r"^(?:[\w-]+s\s+)?(?:beslut(?:et)?|förslag till beslut|beslutsunderlag|ärendebeskrivning"
    r"|sammanfattning av ärendet|yrkanden?|propositionsordning|reservationer?"
    r"|protokollsanteckningar?|expedieras(?: till)?|skickas till)\s*:?$|^att\s",
    re.IGNORECASE,
)


def _clean_title(title: str) -> str:
    title = " ".join(title.split())
    title = _POINT_PREFIX.sub("", title)
    title = _ATTACHMENT.sub("", title)
    return title.strip(" .:-–")


def _split_title(paragraph: str, people: People | None = None) -> tuple[str, str | None, int]:
    """Split a numbered heading paragraph into title, raiser mention and title length."""
    if len(paragraph) > MAX_TITLE:
        m = re.search(r"[.!?](?=\s+[A-ZÅÄÖ])", paragraph)
        cut = m.end() if m and m.end() <= MAX_TITLE else MAX_TITLE
        paragraph = paragraph[:cut]
    # "Nätverksträffar 2021: deltagarna enas om …": a lower-case clause after the
    # colon is the item's text, not its title.
    colon = re.search(r":\s+(?=[a-zåäö0-9])", paragraph)
    if colon and len(paragraph[: colon.start()].split()) < 2:
        colon = None  # "Återrapport: kostnader för …" is a label and its title
    length = len(paragraph)
    if colon:
        paragraph = paragraph[: colon.start()]
        length = colon.end()
    raiser = None
    if people is not None:
        paragraph, raiser = paren_raiser(paragraph, people)
        if raiser:
            return _clean_title(paragraph), raiser, length
    m = _TRAILING_RAISER.match(paragraph)
    if m and (
        (m["org"] and resolve_organisation(m["org"]))
        or _is_org_tail(m["who"])
        or (people is not None and people.resolve(m["who"]) is not None)
        or (len(m["who"].split()) == 2 and m["org"] is not None)
    ):
        raiser = m["who"] + (" " + m["org"] if m["org"] else "")
        paragraph = m["title"]
    return _clean_title(paragraph), raiser, length


# "Lokalfrågan (Karin Berg)", "Jourhem (Olle, Klippan)": who raised it, in brackets.
_PAREN_RAISER = compile_on_use(
    rf"^(?P<title>.*\S)\s*\((?P<who>{NAME_WORD}(?:\s+{NAME_WORD})?)(?:\s*,\s*(?P<org>[^()]{{2,40}}))?\)\.?$"
)


def paren_raiser(title: str, people: People) -> tuple[str, str | None]:
    """Split "Titel (Förnamn Efternamn)" into the title and a participant's name."""
    if not title.endswith((")", ").")):
        return title, None
    m = _PAREN_RAISER.match(title)
    if m is None:
        return title, None
    org = resolve_organisation(m["org"]) if m["org"] else None
    who = people.resolve(m["who"], org)
    return (m["title"], who) if who else (title, None)


def _is_org_tail(who: str) -> bool:
    words = who.split()
    return len(words) == 2 and resolve_organisation(words[1]) is not None


# "§ 84", "FHR 29", and "84 §" as some municipalities write it.
_SECTION = re.compile(
    r"(?<![§\w])(?:§\s*(\d{1,3}|\d[OlI]|[lI]\d)(?![\w-])|([A-ZÅÄÖ]{2,5})\s+(\d{1,3})(?![\d-])"
    r"|(\d{1,3})\s*§(?!§))\.?"
)
# "Dnr SN 2022/00012", "Dnr 2021.123": a file number, never a title.
_FILE_NUMBER = re.compile(r"(?:dnr|diarienr|diarienummer)\b", re.IGNORECASE)
_ORGAN_ABBREVIATION = re.compile(r"[A-ZÅÄÖ]{1,6}")
# OCR reads 0 as O and 1 as l or I next to digits: "§ 3O", "§ 3l".
_OCR_DIGITS = str.maketrans("OlI", "011")
_DIGIT = re.compile(r"\d")
_ITEM_KIND_LABEL = re.compile(r"\b[A-ZÅÄÖ]?[a-zåäö]*ärende\b")


def _section_headings(lines: list[Line], people: People) -> list[Heading]:
    marks: list[tuple[Line, re.Match[str], str]] = []
    prefixes: dict[str, set[str]] = {}
    for line in lines:
        if not _DIGIT.search(line.text):
            continue
        for m in _SECTION.finditer(line.text):
            prefix = "§" if m[1] or m[4] else m[2]
            if prefix != "§" and prefix.lower() in ABBREVIATIONS:
                continue
            rest = line.text[m.end() : m.end() + 20].lstrip()
            # "SN § 18    Dnr SN 2022/00012": the organ's abbreviation before the
            # mark and the file number after it; the title is on the next line.
            lead = line.text[: m.start()].strip()
            alone = (not rest or _FILE_NUMBER.match(rest) is not None) and (
                not lead or (prefix == "§" and _ORGAN_ABBREVIATION.fullmatch(lead) is not None)
            )
            if not alone and not rest[:1].isupper():
                continue
            marks.append((line, m, prefix))
            prefixes.setdefault(prefix, set()).add(_section_number(m))
    # One prefix marks items; an abbreviation with one number is prose ("SOU 2005").
    usable = [p for p in prefixes if len(prefixes[p]) >= 2]
    if not usable:
        return []
    prefix = max(usable, key=lambda p: len(prefixes[p]))
    found: list[Heading] = []
    seen: set[str] = set()
    last = -1
    bare: list[tuple[Line, str]] = []
    chosen = [(line, m) for line, m, p in marks if p == prefix]
    index = {line.start: i for i, line in enumerate(lines)}
    for k, (line, m) in enumerate(chosen):
        number = _section_number(m)
        # Numbers rise; a lower one is a reference ("rättelse av § 72") unless it
        # repeats a paragraph of a contents list.
        if int(number) <= last and number not in seen:
            continue
        following = (
            chosen[k + 1][1].start() if k + 1 < len(chosen) and chosen[k + 1][0] is line else None
        )
        if following is not None and following - m.end() > WINDOW:
            following = None
        segment = line.text[m.end() : following or m.end() + WINDOW].strip()
        if _FILE_NUMBER.match(segment):
            segment = ""
        below = _title_below(lines, index.get(line.start, -1)) if not segment else None
        if below is not None:
            # "§ 30" alone, its title on the next line and the text after that.
            found.append(
                Heading(
                    start=line.start + m.start(),
                    title=_clean_title(below.text),
                    number=number,
                    kind="section",
                    content_start=below.end,
                )
            )
            last = max(last, int(number))
            seen.add(number)
            continue
        if not segment:
            bare.append((line, number))
            last = max(last, int(number))
            seen.add(number)
            continue
        title, raiser = _title_of_segment(segment, following is not None, people)
        found.append(
            Heading(
                start=line.start + m.start(),
                title=title,
                number=number,
                kind="section",
                # "§ 1 Lokaler – Sven Bjuv.": the line is the heading, the text follows.
                content_start=line.end
                if raiser
                else line.start
                + m.end()
                + _offset_after(line.text[m.end() : m.end() + WINDOW], title),
                raised_by=raiser,
            )
        )
        last = max(last, int(number))
        seen.add(number)
    if bare:
        found.extend(_pair_bare_numbers(lines, bare))
        found.sort(key=lambda h: h.start)
    return sorted(_merge_repeats(found), key=lambda h: h.start)


_BARE_SECTION = re.compile(r"^(?:§\s*[\dOlI]{1,3}|\d{1,3}\s*§)\.?$")


def _title_below(lines: list[Line], i: int) -> Line | None:
    """Return the line under a bare "§ 30" that is its title, unless § numbers form a column."""
    if i < 0 or i + 1 >= len(lines):
        return None
    below = lines[i + 1]
    if i > 0 and _BARE_SECTION.match(lines[i - 1].text):
        return None
    if _BARE_SECTION.match(below.text) or _SECTION.match(below.text):
        return None
    if len(below.text) > 120 or not below.text[:1].isupper() or below.text.endswith("."):
        return None
    return below


def _section_number(m: re.Match[str]) -> str:
    return str(m[1] or m[3] or m[4]).translate(_OCR_DIGITS)


def _offset_after(text: str, title: str) -> int:
    """Return how far into `text` its title (written there, maybe re-spaced) ends."""
    if not title:
        return 0
    last_word = title.split()[-1]
    words = len(title.split())
    pos = 0
    for _ in range(words):
        m = re.compile(r"\S+").search(text, pos)
        if not m:
            break
        pos = m.end()
    found = text.find(last_word, max(0, pos - len(last_word) - 1))
    return found + len(last_word) if found >= 0 else pos


def _title_of_segment(
    segment: str, delimited: bool, people: People | None = None
) -> tuple[str, str | None]:
    """Return the title at the start of `segment` and who raised it, if the title says."""
    segment = _ATTACHMENT.sub("", segment)
    if delimited and len(segment.split()) <= 16 and not re.search(r"[.!?]\s", segment):
        return _clean_title(segment), None
    if len(segment) > 80 or re.search(r"[a-zåäö)][.!?]\s+[A-ZÅÄÖ]", segment):
        return _clean_title(_run_on_title(segment)), None
    title, raiser, _ = _split_title(segment, people)
    return title, raiser


def _names_a_sub_point(line: str, title: str) -> bool:
    """Return whether `line` names one of the things `title` gathers."""
    # "Olika meddelanden" followed by "Meddelande om …" lines: sub-points, not items.
    first = line.split()[0].lower().strip(".,:")
    return len(first) >= 6 and any(
        word.startswith(first) and len(word) - len(first) <= 3 for word in title.lower().split()[1:]
    )


def _pair_bare_numbers(lines: list[Line], bare: list[tuple[Line, str]]) -> list[Heading]:
    """Pair "§ 88" … "§ 96" written in a column with the titles in the block after them."""
    after = bare[-1][0].end
    block = [line for line in lines if line.start > after]
    stop = next((k for k, line in enumerate(block) if _SECTION.match(line.text)), len(block))
    titles: list[tuple[int, str]] = []
    parts: list[tuple[int, str]] = []

    def close() -> None:
        if parts:
            text = " ".join(p for _, p in parts)
            text = re.sub(r"\s\d\s", " ", f" {text} ").strip()
            if text and not (titles and _names_a_sub_point(text, titles[-1][1])):
                titles.append((parts[0][0], text))
        parts.clear()

    for line in block[:stop]:
        pos = 0
        for label in _ITEM_KIND_LABEL.finditer(line.text):
            piece = line.text[pos : label.start()].strip()
            if piece:
                parts.append((line.start + pos, piece))
            close()
            pos = label.end()
        piece = line.text[pos:].strip()
        if piece:
            parts.append((line.start + pos, piece))
            # In a column of titles a line ends its title unless it stops mid-phrase.
            if piece.split()[-1].lower() not in DANGLING:
                close()
    close()
    return [
        Heading(
            start=start,
            title=_clean_title(title),
            number=number,
            kind="section",
            content_start=start + len(title),
        )
        for (_, number), (start, title) in zip(bare, titles, strict=False)
    ]


def _merge_repeats(headings: list[Heading]) -> list[Heading]:
    """Keep one heading per number: a contents list is followed by the items themselves."""
    by_number: dict[str, int] = {}
    out: list[Heading] = []
    for h in headings:
        if h.number is not None and h.number in by_number:
            earlier = out[by_number[h.number]]
            if h.title:
                earlier.title = h.title
            # The later occurrence is where the item's text is.
            out[by_number[h.number]] = Heading(
                start=h.start,
                title=h.title or earlier.title,
                number=h.number,
                kind=h.kind,
                content_start=h.content_start,
            )
            continue
        if h.number is not None:
            by_number[h.number] = len(out)
        out.append(h)
    return out


def _run_on_title(rest: str, limit: int = 14) -> str:
    """Return the title at the start of text that runs on without a line break."""
    words = rest[:MAX_TITLE].split(" ")
    kept: list[str] = []
    for k, word in enumerate(words):
        if not word:
            continue
        if kept and _starts_new_sentence(
            word, kept[-1], words[k + 1] if k + 1 < len(words) else ""
        ):
            break
        kept.append(word)
        if len(kept) >= limit:
            break
    return " ".join(kept)


_TITLECASE = re.compile(r"[A-ZÅÄÖ][a-zåäöé]+[,.]?")
_SUB_POINT = re.compile(r"[a-eA-E][.)]?")


def _starts_new_sentence(word: str, previous: str, following: str) -> bool:
    if previous.endswith(":"):
        return False
    if _TITLECASE.fullmatch(word):
        return True
    # Sub-points "a Yttrande …", "A. Sammanfattning …".
    return bool(_SUB_POINT.fullmatch(word) and following[:1].isupper())


@dataclass(frozen=True)
class _Mark:
    line: int
    pos: int  # offset of the number within the line
    after: int  # offset within the line where the title starts
    number: int
    style: str  # "." or ")" after the number, or "" for none
    strong: bool  # at the start of a line or of a page


# A number inside run-on text that opens a point: "… slutrapport 5. Projekt …",
# "… protokollet. 2 Den nationella …".
_INLINE = re.compile(r"(?<=\s)(\d{1,2})(\.(?:/\.)?|\))?\s+(?=[\"”(]?[A-ZÅÄÖ])")
_NO_NUMBER_BEFORE = re.compile(
    r"(?:§|kl\.?|sida|nr|ärende|punkt|paragraf(?:er)?|bilaga|och|till|-|–)\s*$", re.I
)
RUN_ON = 200


def _numbered_headings(lines: list[Line], pages: set[int], people: People) -> list[Heading]:
    marks = _numbered_marks(lines, pages)
    chain: list[_Mark] = []
    style: str | None = None
    first_title = ""
    for mark in marks:
        expected = chain[-1].number + 1 if chain else None
        if expected is None:
            if mark.strong or mark.number == 1:
                chain.append(mark)
                style = mark.style
                first_title = _preview(lines, mark)
            continue
        if mark.number == 1 and _similar(_preview(lines, mark), first_title):
            # The items themselves after an agenda list, perhaps numbered differently.
            chain.append(mark)
            style = mark.style
        elif mark.style == style and mark.number == expected:
            chain.append(mark)
    headings: list[Heading] = []
    for k, mark in enumerate(chain):
        line = lines[mark.line]
        nxt = chain[k + 1] if k + 1 < len(chain) and chain[k + 1].line == mark.line else None
        if mark.strong and mark.pos == 0 and len(line.text) < RUN_ON and nxt is None:
            paragraph, _, _ = _heading_paragraph(lines, mark.line)
            title, raiser, length = _split_title(paragraph[mark.after :], people)
            content_start = _offset_in_lines(lines, mark.line, mark.after + length)
        else:
            if nxt is not None and nxt.pos - mark.after > WINDOW:
                nxt = None
            segment = line.text[mark.after : nxt.pos if nxt else mark.after + WINDOW].strip()
            title, raiser = _title_of_segment(segment, nxt is not None, people)
            window = line.text[mark.after : mark.after + WINDOW]
            content_start = line.start + mark.after + _offset_after(window, title)
        if not title:
            continue
        headings.append(
            Heading(
                start=line.start + mark.pos,
                title=title,
                number=str(mark.number),
                kind="numbered",
                content_start=content_start,
                raised_by=raiser,
            )
        )
    return sorted(_merge_restarts(headings), key=lambda h: h.start)


def _preview(lines: list[Line], mark: _Mark) -> str:
    return _run_on_title(lines[mark.line].text[mark.after : mark.after + MAX_TITLE], limit=8)


def _merge_restarts(headings: list[Heading]) -> list[Heading]:
    """Fold a second run 1, 2, 3 … into the first when it repeats an agenda list's titles."""
    out: list[Heading] = []
    index: dict[str, int] = {}
    merging = False
    for h in headings:
        earlier = out[index[h.number]] if h.number in index else None
        if h.number == "1" and earlier is not None:
            merging = _similar(earlier.title, h.title)
            if not merging:
                break
        if merging and earlier is not None:
            # The item's text follows the later heading, not the agenda list.
            earlier.start = h.start
            earlier.content_start = h.content_start
            continue
        if merging:
            merging = False
        index[h.number or ""] = len(out)
        out.append(h)
    return out


def _similar(a: str, b: str) -> bool:
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= 0.6


# A label that numbered decisions follow: "Beslut", "Nämndens beslut:", "Styrelsen beslutar".
DECISION_LIST_LABEL = re.compile(
    r"^(?:[\w-]+s\s+)?beslut(?:et)?\s*:?$|^[\w ]{0,40}\bbeslut(?:ar|ade)(?: att| följande)?\s*:?$",
    re.IGNORECASE,
)


def _numbered_marks(lines: list[Line], pages: set[int]) -> list[_Mark]:
    marks: list[_Mark] = []
    decision_list = 0  # the number the next decision under a "Beslut" label would have
    quiet = 0
    for i, line in enumerate(lines):
        taken = -1
        if line.start in pages:
            page = _page_item(line.text)
            if page:
                marks.append(page.__class__(i, page.pos, page.after, page.number, page.style, True))
                taken = page.pos
        else:
            m = _NUMBERED_AT_START.match(line.text) or _POINT_AT_START.match(line.text)
            if decision_list:
                # "Beslut" / "1. Planen godkänns." / "2. Per får i uppdrag …": the
                # numbered decisions under the label are no items.
                if m and int(m[1]) == decision_list:
                    decision_list += 1
                    quiet = 0
                    continue
                quiet += 1
                if m or quiet >= 3:
                    decision_list = 0
            if may_say_beslut(line.text.lower()) and DECISION_LIST_LABEL.match(line.text):
                decision_list, quiet = 1, 0
                continue
            if m:
                style = ")" if ")" in m.group() else "."
                marks.append(_Mark(i, 0, m.end(), int(m[1]), style, True))
                taken = 0
            elif len(line.text) <= MAX_TITLE:
                # "1 Mötets öppnande": a heading whose dot was lost, on a line of its own.
                bare = _BARE_NUMBER_AT_START.match(line.text)
                if bare:
                    marks.append(_Mark(i, 0, bare.end(), int(bare[1]), "", True))
                    taken = 0
        if len(line.text) < RUN_ON and line.start not in pages:
            continue
        for m in _INLINE.finditer(line.text):
            if m.start() <= taken:
                continue
            before = line.text[max(0, m.start() - 12) : m.start()]
            style = "" if not m[2] or m[2] == "./." else m[2]
            if _NO_NUMBER_BEFORE.search(before):
                continue
            if not style and not re.search(r"[.!?:]\s*$", before):
                continue
            marks.append(_Mark(i, m.start(), m.end(), int(m[1]), style, False))
    return marks


_PAGE_OF = re.compile(r"\d{1,3}\s*\(\s*\d{1,3}\)?|\(\d{1,3}\)")


def _page_item(text: str) -> _Mark | None:
    """Return the item number that opens a page line, after the page furniture.

    "2 35 31 TEMA" is page 2, protocol page 35, § 31; "3 3 (8) 1 Val …" page 3
    of 8, item 1; "2 2(19 Styrelsen 1 Delgivningar" has a running head between.
    """
    m = re.match(r"\d{1,3}\s+", text)
    if not m:
        return None
    pos = m.end()
    pos = _skip(r"(?:[A-ZÅÄÖ]{3,}\s+)+", text, pos)
    page_of = re.compile(f"(?:{_PAGE_OF.pattern})\\s+").match(text, pos)
    if page_of:
        pos = page_of.end()
        running = re.compile(r"[A-ZÅÄÖ][a-zåäö]+\s+(?=\d)").match(text, pos)
        if running:
            pos = running.end()
    else:
        two = re.compile(r"(\d{1,3})\s+(?=\d{1,3}[\s.])").match(text, pos)
        if not two:
            return None  # a single number after the page index is the page number
        pos = two.end()
    item = re.compile(r"(\d{1,3})(\.(?:/\.)?|\))?\s+(?=[\"”(]?[A-ZÅÄÖ])").match(text, pos)
    if not item:
        return None
    style = "" if not item[2] or item[2] == "./." else item[2]
    return _Mark(0, item.start(), item.end(), int(item[1]), style, True)


def _skip(pattern: str, text: str, pos: int) -> int:
    m = re.compile(pattern).match(text, pos)
    return m.end() if m else pos


def _offset_in_lines(lines: list[Line], i: int, chars: int) -> int:
    """Return the source offset `chars` characters into the paragraph joined from line i."""
    j = i
    while j < len(lines):
        length = len(lines[j].text)
        if chars <= length:
            return lines[j].start + chars
        chars -= length + 1
        j += 1
    return lines[-1].end


def _markup_headings(lines: list[Line], people: People) -> list[Heading]:
    found: list[Heading] = []
    group: str | None = None
    for line in lines:
        m = None
        if "*" in line.text or "#" in line.text:  # else none of the three can match
            italic = _ITALIC_LINE.match(line.text)
            if italic:
                group = _raiser_from_marker(italic[1], people)
                continue
            m = _BOLD_LINE.match(line.text) or _HASH_LINE.match(line.text)
        if m and NOT_AN_ITEM.match(m[1].strip(" *")):
            continue
        if m or (line.hinted and _looks_like_plain_heading(line.text, people, hinted=True)):
            written = m[1] if m else line.text
            numbered = (
                _NUMBERED_AT_START.match(written)
                or _SECTION_AT_START.match(written)
                or _POINT_AT_START.match(written)
            )
            number = (
                numbered.group(1) or numbered.group(len(numbered.groups())) if numbered else None
            )
            if numbered:
                written = written[numbered.end() :]
            raiser = group
            if raiser is None:
                written, raiser = paren_raiser(written.strip(), people)
            title = _clean_title(written) if not written.strip().endswith(".") else written.strip()
            found.append(
                Heading(
                    start=line.start,
                    title=title,
                    number=number,
                    kind="markup",
                    content_start=line.end,
                    raised_by=raiser,
                    raised_by_final=raiser is not None,
                )
            )
        elif group is not None and _looks_like_plain_heading(line.text, people):
            # A plain label between bold items ("Övriga frågor") ends a raiser's group.
            group = None
    return found


def _raiser_from_marker(marker: str, people: People) -> str | None:
    """Return who raised the questions under an italic "*Name, Municipality*" line."""
    parts = [p.strip() for p in marker.split(",")]
    if not parts or not re.fullmatch(rf"{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}}", parts[0]):
        return None
    org = resolve_organisation(parts[-1]) if len(parts) > 1 else None
    return people.resolve(parts[0], org) or parts[0]


_DATE_OR_TIME = re.compile(r"\d{4}-\d\d-\d\d|\bkl\.?\s*\d|§")
_GLUED_OR_SENTENCE = re.compile(r"[a-zåäö][A-ZÅÄÖ][a-zåäö]|[a-zåäö]\.\s+[A-ZÅÄÖ]")
_PERSON_LINE = re.compile(rf"{NAME_WORD}(?:\s+{NAME_WORD})*\s*(?:,|\([A-ZÅÄÖ]{{1,3}}\))")


def _looks_like_plain_heading(text: str, people: People, hinted: bool = False) -> bool:
    if text[:1] in _BULLET_CHARS:
        text = _BULLET.sub("", text).strip()
    if not hinted:
        # The cheap tests first: most lines are prose and fail one of them.
        if not (2 <= len(text) <= 80) or not text[0].isupper():
            return False
        if text[-1] in ".,;:?!" or "*" in text or "http" in text or "@" in text or "|" in text:
            return False
        words = text.split()
        if len(words) > 10 or words[-1].lower() in DANGLING:
            return False
    if SECTION_LABELS.search(text) or CLOSING.search(text) or NOT_AN_ITEM.match(text):
        return False
    if hinted:
        return True
    if DECISION_LINE.match(text):
        return False
    if _DATE_OR_TIME.search(text):
        return False
    # Labels glued to values ("UnderskriftLaila Nabb"), a sentence inside the line,
    # or a person's line in an attendance list ("Elin Ljung, tf verksamhetschef").
    if _GLUED_OR_SENTENCE.search(text):
        return False
    if _PERSON_LINE.match(text):
        return False
    # A line that is only a person's name is a signature.
    return people.resolve(text) is None


# "Celind (C)": the rest of a name and a party letter on a line of their own.
_PARTY = re.compile(r"^(?:[A-ZÅÄÖ][\w-]*\s+){0,2}\([A-ZÅÄÖ]{1,3}\)\s*X?$")


# Headings with no text between them come two or three in a row ("Övrig
# omvärldsbevakning", "Övrigt"); six short lines in a row are a list or a table.
LIST_RUN = 6


def _in_list(lines: list[Line], i: int) -> bool:
    """Return whether line i is one of LIST_RUN or more short lines in a row.

    A line after a blank line with a sentence right under it opens a paragraph
    ("Välkommen / Jenny hälsade alla välkomna."): the agenda list above it,
    which repeats its words, is another block.
    """
    run = 1
    below = lines[i + 1] if i + 1 < len(lines) else None
    opens_paragraph = (
        lines[i].after_blank
        and below is not None
        and not below.after_blank
        and not _looks_short(below.text)
    )
    for step in (1,) if opens_paragraph else (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and run < LIST_RUN and _looks_short(lines[j].text):
            run += 1
            j += step
    return run >= LIST_RUN


def _looks_short(text: str) -> bool:
    # A line ending in a colon introduces what follows; it does not belong to a list.
    return len(text) <= 80 and text.rstrip()[-1:] not in ".!?:"


def _plain_headings(lines: list[Line], people: People) -> list[Heading]:
    found: list[Heading] = []
    previous: Line | None = None
    in_other_business = False
    for i, line in enumerate(lines):
        prev = previous
        previous = line
        if in_other_business and not CLOSING_POINTS.match(line.text):
            continue
        if i + 1 >= len(lines) or not _looks_like_plain_heading(line.text, people):
            continue
        if prev is not None and not prev.hinted and line_is_open(prev.text):
            continue
        if CLOSING.search(lines[i + 1].text):
            continue
        if _NUMBERED_AT_START.match(line.text) or _BULLET.match(line.text):
            continue
        if _in_list(lines, i) or _PARTY.match(lines[i + 1].text):
            continue  # a list, or a name split over two lines of an attendance table
        written, raiser = paren_raiser(line.text, people)
        title = _clean_title(written)
        found.append(
            Heading(
                start=line.start,
                title=title,
                number=None,
                kind="plain",
                content_start=line.end,
                raised_by=raiser,
                raised_by_final=raiser is not None,
            )
        )
        if OTHER_BUSINESS.match(title):
            in_other_business = True
    return found


# Lines that end in a colon and are no item however they stand: labels of a
# decision, a task, a list.
_COLON_LABEL = re.compile(
    r"^(?:beslut|beslutade|åtgärd(?:er)?|ansvarig|att göra|uppdrag|bakgrund"
    r"|diskussion|förslag|noteringar|närvarande|frånvarande|deltagare|övriga|dagordning)\b",
    re.IGNORECASE,
)
# Minutes whose headings all end in a colon need at least this many of them.
_COLON_HEADINGS = 3


def _colon_headings(lines: list[Line], people: People) -> list[Heading]:
    """Return "Läget i kommunerna:"-style headings: a line after a blank line that
    ends in a colon, with text under it, when the minutes have three or more."""
    found: list[Heading] = []
    for i, line in enumerate(lines[:-1]):
        text = line.text
        if not (line.after_blank and text.endswith(":") and not lines[i + 1].after_blank):
            continue
        title = text[:-1].rstrip()
        if _COLON_LABEL.match(title) or not _looks_like_plain_heading(title, people):
            continue
        found.append(
            Heading(
                start=line.start,
                title=_clean_title(title),
                number=None,
                kind="plain",
                content_start=line.end,
            )
        )
    return found if len(found) >= _COLON_HEADINGS else []


def _before(headings: list[Heading], pos: int) -> int:
    return sum(1 for h in headings if h.start < pos)


# "1.1 Mötets öppnande", "2.3. Rutin för SIP".
_SUB_NUMBER = re.compile(r"^(\d{1,2})\.(\d{1,2})\.?\s+(?=[\"”'(]?[^\W\d_])")


def _sub_items(lines: list[Line], people: People) -> list[Heading]:
    found: list[Heading] = []
    for i, line in enumerate(lines):
        if not line.text[:1].isdigit():
            continue
        m = _SUB_NUMBER.match(line.text)
        if not m or not line.text[m.end()].isupper():
            continue
        paragraph = line.text[m.end() :]
        title, raiser, length = _split_title(paragraph, people)
        if not title:
            continue
        found.append(
            Heading(
                start=line.start,
                title=title,
                number=f"{int(m[1])}.{int(m[2])}",
                kind="numbered",
                content_start=_offset_in_lines(lines, i, m.end() + length),
                raised_by=raiser,
            )
        )
    return found if len(found) >= 2 else []


def _with_sub_items(numbered: list[Heading], subs: list[Heading]) -> list[Heading]:
    """Replace a group heading ("1. Formalia") by its numbered sub-items (1.1, 1.2 …)."""
    if not numbered or not subs:
        return numbered
    groups = {h.number.split(".")[0] for h in subs if h.number}
    if not groups & {h.number for h in numbered}:
        return numbered
    kept = [h for h in numbered if h.number not in groups]
    return sorted(kept + [h for h in subs if h.start > numbered[0].start], key=lambda h: h.start)


# "a. Välkommen", "b) Regional strategi".
_LETTER = re.compile(r"^([a-h])[.)]\s+(?=[^\W\d_])")


def _letter_headings(lines: list[Line], people: People) -> list[Heading]:
    found: list[Heading] = []
    expected = "a"
    for i, line in enumerate(lines):
        m = _LETTER.match(line.text)
        if not m or m[1] != expected or not line.text[m.end()].isupper():
            continue
        title, raiser, length = _split_title(line.text[m.end() :], people)
        if not title or len(title) > 80 or title.endswith("."):
            continue
        found.append(
            Heading(
                start=line.start,
                title=title,
                number=None,
                kind="lettered",
                content_start=_offset_in_lines(lines, i, m.end() + length),
                raised_by=raiser,
            )
        )
        expected = chr(ord(expected) + 1)
    return found if len(found) >= 2 else []


# "- Ledsagning: Henrik undrade …": a short label, a colon and a sentence.
_BULLET_LABEL = re.compile(r"^([^\W\d_][\w -]{1,40}?):\s+(?=\S)")


def _bullet_headings(lines: list[Line], people: People) -> list[Heading]:
    """Items written as bullets: "• Trygg hemgång" over "- Punkten utgick …" sub-points,
    or "- Ledsagning: Henrik undrade …" with the text after the label."""
    found: dict[str, list[Heading]] = {}
    labelled: list[Heading] = []
    for i, line in enumerate(lines):
        if line.text[:1] not in _BULLET_CHARS:
            continue
        m = _BULLET.match(line.text)
        if not m:
            continue
        rest = line.text[m.end() :].strip()
        char = line.text[0]
        below = lines[i + 1].text if i + 1 < len(lines) else ""
        if (
            below
            and below[:1] != char
            # Under the bullet, a sentence or the first line of a wrapped paragraph.
            and (below.rstrip()[-1:] in ".!?" or line_is_open(below))
            and _looks_like_plain_heading(rest, people)
        ):
            title = _clean_title(rest)
            found.setdefault(char, []).append(
                Heading(line.start, title, None, "bullet", content_start=line.end)
            )
            continue
        label = _BULLET_LABEL.match(rest)
        if (
            label
            and rest.rstrip()[-1:] in ".!?"
            and label[1][0].isupper()
            and len(label[1].split()) <= 4
            and resolve_organisation(label[1]) is None
            and people.resolve(label[1]) is None
            and not SECTION_LABELS.search(label[1])
            and not CLOSING.search(label[1])
        ):
            labelled.append(
                Heading(
                    line.start,
                    _clean_title(label[1]),
                    None,
                    "bullet",
                    content_start=line.start + m.end() + label.end(),
                )
            )
    best = max(found.values(), key=len, default=[])
    if len(best) >= 2:
        return best
    return labelled if len(labelled) >= 3 else []
