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
from dataclasses import dataclass, field

from samverka.extract.model import Span
from samverka.extract.orgs import resolve_organisation
from samverka.extract.parse.people import NAME_WORD, People
from samverka.extract.parse.sentences import ABBREVIATIONS, line_is_open

MAX_TITLE = 200


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str


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
    notes: list[str] = field(default_factory=list)


# Lines that label a part of the document, not an item.
SECTION_LABELS = re.compile(
    r"^(?:minnes)?anteckningar|^protokoll(?:et)?$|^dialogpunkter|^informationspunkter|^ärenden$"
    r"|^innehåll(?:sförteckning)?$|^agenda$|^närvarande|^frånvarande|^deltagare|^övriga deltagare",
    re.IGNORECASE,
)
# Lines that close the minutes (signature, greeting).
CLOSING = re.compile(
    r"^/?\s*(?:vid (?:tangenterna|anteckningarna|protokollet|pennan)|antecknat av|"
    r"(?:vänliga |med vänlig(?:a)? )?hälsning(?:ar)?|mvh|justeras|protokollförare|"
    r"sekreterare\b|ordförande\s*$|underskrifter)",
    re.IGNORECASE,
)
# "Övrigt" is the last item by custom; the lines under it are its points.
OTHER_BUSINESS = re.compile(r"^övrig(?:t|a frågor|a ärenden)\s*:?$", re.IGNORECASE)
DECISION_LINE = re.compile(r"^(?:läggs |lades )?till handlingarna\.?$", re.IGNORECASE)
# A wrapped line does not end on a word that needs a continuation.
DANGLING = frozenset(
    [
        "i",
        "och",
        "att",
        "för",
        "av",
        "med",
        "som",
        "till",
        "på",
        "om",
        "från",
        "eller",
        "men",
        "samt",
        "den",
        "det",
        "de",
        "en",
        "ett",
    ]
)

_SECTION_AT_START = re.compile(r"^\s*(?:§\s*(\d{1,3})|([A-ZÅÄÖ]{2,5})\s+(\d{1,3}))\b\.?\s*")
_NUMBERED_AT_START = re.compile(r"^\s*(\d{1,2})\s*[.)]\s+(?=[\"”'(]?[A-ZÅÄÖÉ])")
_BOLD_LINE = re.compile(r"^\s*(?:[-*•]\s+)?\*\*(.+?)\*\*\s*$")
_ITALIC_LINE = re.compile(r"^\s*\*([^*]+)\*\s*$")
_BULLET = re.compile(r"^[-*•·▪o]\s+")
_TRAILING_RAISER = re.compile(
    rf"^(?P<title>.*\S)\s*[-–]\s*(?P<who>{NAME_WORD}(?:\s+{NAME_WORD})?)(?:\s*,?\s+(?P<org>{NAME_WORD}))?\s*\.?\s*$"
)


def split_lines(text: str, start: int, end: int, skip: list[Span]) -> list[Line]:
    """Return the non-blank lines of text[start:end] outside the `skip` spans."""
    lines: list[Line] = []
    skip = sorted(skip)
    k = 0
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        raw = text[pos:line_end]
        stripped = raw.strip()
        if stripped:
            s = pos + (len(raw) - len(raw.lstrip()))
            e = s + len(stripped)
            while k < len(skip) and skip[k][1] <= s:
                k += 1
            if not (k < len(skip) and skip[k][0] <= s < skip[k][1]):
                lines.append(Line(s, e, stripped))
        pos = line_end + 1
    return lines


def find_headings(lines: list[Line], people: People) -> list[Heading]:
    """Return the item headings among `lines`, in order."""
    section = _section_headings(lines)
    if len(section) >= 2:
        return section
    numbered = _numbered_headings(lines)
    markup = _markup_headings(lines, people)
    plain = _plain_headings(lines, people)
    kinds = [k for k in (numbered, markup, plain) if k]
    if not kinds:
        return section
    return min(kinds, key=lambda hs: hs[0].start)


def _heading_paragraph(lines: list[Line], i: int) -> tuple[str, int, int]:
    """Return the text of the paragraph starting at line i, its end offset and last line index."""
    parts = [lines[i].text]
    j = i
    while line_is_open(lines[j].text) and j + 1 < len(lines) and j - i < 2:
        j += 1
        parts.append(lines[j].text)
    return " ".join(parts), lines[j].end, j


def _clean_title(title: str) -> str:
    title = re.sub(r"\s+", " ", title).strip()
    title = re.sub(r"^(?:\./\.\s*)?(?:bilaga\s*\d*\s*[.:]\s*)", "", title, flags=re.IGNORECASE)
    return title.strip(" .:-–")


def _split_title(paragraph: str) -> tuple[str, str | None, int]:
    """Split a numbered heading paragraph into title, raiser mention and title length."""
    if len(paragraph) > MAX_TITLE:
        m = re.search(r"[.!?](?=\s+[A-ZÅÄÖ])", paragraph)
        cut = m.end() if m and m.end() <= MAX_TITLE else MAX_TITLE
        paragraph = paragraph[:cut]
    # "Nätverksträffar 2021: deltagarna enas om …": a lower-case clause after the
    # colon is the item's text, not its title.
    colon = re.search(r":\s+(?=[a-zåäö])", paragraph)
    length = len(paragraph)
    if colon:
        paragraph = paragraph[: colon.start()]
        length = colon.end()
    raiser = None
    m = _TRAILING_RAISER.match(paragraph)
    if m and ((m["org"] and resolve_organisation(m["org"])) or _is_org_tail(m["who"])):
        raiser = m["who"] + (" " + m["org"] if m["org"] else "")
        paragraph = m["title"]
    return _clean_title(paragraph), raiser, length


def _is_org_tail(who: str) -> bool:
    words = who.split()
    return len(words) == 2 and resolve_organisation(words[1]) is not None


def _section_headings(lines: list[Line]) -> list[Heading]:
    found: list[Heading] = []
    prefixes: dict[str, int] = {}
    for i, line in enumerate(lines):
        m = _SECTION_AT_START.match(line.text)
        if not m:
            continue
        prefix = "§" if m[1] else m[2]
        if prefix != "§" and (prefix.lower() in ABBREVIATIONS or not prefix.isupper()):
            continue
        number = m[1] or m[3]
        rest = line.text[m.end() :]
        title, _, _ = _split_title(_run_on_title(rest) if len(rest) > MAX_TITLE else rest)
        prefixes[prefix] = prefixes.get(prefix, 0) + 1
        found.append(
            Heading(
                start=line.start,
                title=title,
                number=number,
                kind="section:" + prefix,
                content_start=line.start + m.end() + len(title),
            )
        )
        del i
    if not prefixes:
        return []
    # One prefix marks items; an abbreviation seen once is prose ("SOU 2005").
    prefix = max(prefixes, key=lambda p: prefixes[p])
    return _merge_repeats([h for h in found if h.kind == "section:" + prefix])


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
                start=earlier.start,
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


def _run_on_title(rest: str) -> str:
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
        if len(kept) >= 14:
            break
    return " ".join(kept)


def _starts_new_sentence(word: str, previous: str, following: str) -> bool:
    if previous.endswith(":"):
        return False
    if re.fullmatch(r"[A-ZÅÄÖ][a-zåäöé]+[,.]?", word):
        return True
    # Sub-points "a Yttrande …", "A. Sammanfattning …".
    return bool(re.fullmatch(r"[a-eA-E][.)]?", word) and following[:1].isupper())


def _numbered_headings(lines: list[Line]) -> list[Heading]:
    found: list[Heading] = []
    expected = 1
    for i, line in enumerate(lines):
        m = _NUMBERED_AT_START.match(line.text)
        if not m:
            continue
        number = int(m[1])
        if number != expected:
            continue
        paragraph, _, _ = _heading_paragraph(lines, i)
        title, raiser, length = _split_title(paragraph[m.end() :])
        if not title:
            continue
        content_start = _offset_in_lines(lines, i, m.end() + length)
        found.append(
            Heading(
                start=line.start,
                title=title,
                number=str(number),
                kind="numbered",
                content_start=content_start,
                raised_by=raiser,
            )
        )
        expected = number + 1
    return found


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
        italic = _ITALIC_LINE.match(line.text)
        if italic:
            group = _raiser_from_marker(italic[1], people)
            continue
        m = _BOLD_LINE.match(line.text)
        if m:
            title = _clean_title(m[1]) if not m[1].strip().endswith(".") else m[1].strip()
            found.append(
                Heading(
                    start=line.start,
                    title=title,
                    number=None,
                    kind="markup",
                    content_start=line.end,
                    raised_by=group,
                    raised_by_final=True,
                )
            )
        elif _looks_like_plain_heading(line.text, people):
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


def _looks_like_plain_heading(text: str, people: People) -> bool:
    text = _BULLET.sub("", text).strip()
    if not (2 <= len(text) <= 80) or len(text.split()) > 10:
        return False
    if not (text[0].isupper() or (text[0].isdigit() and False)):
        return False
    if text[-1] in ".,;:?!" or "*" in text or "http" in text or "@" in text:
        return False
    if text.split()[-1].lower() in DANGLING:
        return False
    if SECTION_LABELS.search(text) or CLOSING.search(text) or DECISION_LINE.match(text):
        return False
    if re.search(r"\d{4}-\d\d-\d\d|\bkl\.?\s*\d", text):
        return False
    # A line that is only a person's name is a signature.
    return people.resolve(text) is None


def _plain_headings(lines: list[Line], people: People) -> list[Heading]:
    found: list[Heading] = []
    previous: Line | None = None
    in_other_business = False
    for i, line in enumerate(lines):
        prev = previous
        previous = line
        if in_other_business:
            break
        if prev is not None and line_is_open(prev.text):
            continue
        if i + 1 >= len(lines) or CLOSING.search(lines[i + 1].text):
            continue
        if not _looks_like_plain_heading(line.text, people):
            continue
        if _NUMBERED_AT_START.match(line.text) or _BULLET.match(line.text):
            continue
        title = _clean_title(line.text)
        found.append(
            Heading(
                start=line.start, title=title, number=None, kind="plain", content_start=line.end
            )
        )
        if OTHER_BUSINESS.match(title):
            in_other_business = True
    return found
