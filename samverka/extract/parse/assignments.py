"""Assignments in the sentences of one agenda item: who does what, by when.

An assignment is a present-tense action verb ("kontaktar", "tar fram",
"skickar ut", "får i uppdrag att") or "kommer (att)" with an action verb, whose
subject is a participant (a first name is enough when it picks out one
person), an organisation or a network. A subject that resolves to nobody is
left out: "Tove sammanställer" about someone who is not at the meeting is a
report, not a task the minutes can track.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from samverka.extract.dates import MONTHS, find_dates
from samverka.extract.lazy import compile_on_use
from samverka.extract.model import Assignment
from samverka.extract.orgs import resolve_organisation
from samverka.extract.parse.items import Line
from samverka.extract.parse.people import NAME_WORD, People
from samverka.extract.parse.sentences import Sentence

_ACTIONS = (
    r"kontaktar|återkommer|tar fram|tar kontakt|tar med sig|skickar(?: ut)?|bifogar|mailar|mejlar"
    r"|vidarebefordrar|meddelar(?! att)|bjuder in|lämnar över|formulerar|sammanställer|undersöker"
    r"|kollar upp|ser över|bokar|kallar|ansvarar för|förbereder|tar reda på|utreder|beställer"
    r"|arbetar in|fördelar|samlar in"
    r"|håller i|samordnar|stämmer av|sammankallar|tar med (?:sig|frågan|frågorna|det|detta)"
    r"|återkopplar till|bevakar|följer upp|skriver|uppdaterar|lyfter frågan (?:till|med|i)"
    r"|lämnar (?:[\wåäö]+ ){1,3}till"
)
_INFINITIVES = (
    r"meddela|kontakta|skicka|ta fram|ta kontakt|återkomma|bjuda in|undersöka|sammanställa"
    r"|formulera"
    r"|boka|lämna över|vidarebefordra|maila|mejla|återrapportera|förbereda|ta reda på|utreda"
    r"|se över"
)
# The first word of every verb phrase VERB matches: a verb can start only at one
# of them, so VERB is tried at those words and not at every position of a sentence.
_VERB_STARTS = frozenset(
    re.split(r"[ (]", alternative)[0] for alternative in f"{_ACTIONS}|får|ges|kommer|ska".split("|")
)


def _by_first_letter(words: frozenset[str]) -> str:
    """Return `words` as an alternation grouped by first letter: "k(?:ontaktar|ollar)|s(?:ka|er)".

    The engine then compares one letter per group at a word instead of trying
    every word. Between \\b and \\b at most one of the words matches at a
    position, so grouping them changes no match.
    """
    groups: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items())


_VERB_START = re.compile(r"\b(?:" + _by_first_letter(_VERB_STARTS) + r")\b")
_VERB_PATTERN = (
    rf"\b(?:(?:får|ges) i uppdrag att|kommer (?:att )?(?:{_INFINITIVES})|ska (?:{_INFINITIVES})"
    rf"|{_ACTIONS})\b"
)
_VERB_LOW = re.compile(_VERB_PATTERN)


@cache
def _verb() -> re.Pattern[str]:
    """The verbs in any case, for the rare text whose lower case changes its length.

    Compiled on first use: case-insensitive, it takes milliseconds of start-up.
    """
    return re.compile(_VERB_PATTERN, re.IGNORECASE)


# "Eva för frågan vidare", "Per tar det vidare till ledningsgruppen"; tried only
# where "vidare" stands, as "för" is one of the commonest words.
_FURTHER = re.compile(r"\b(?:för|tar|driver) (?:[\wåäö]+ ){1,2}vidare\b")
# "\bsom\s+$" with the word boundary tested after "som", so that the engine scans
# for the word instead of trying every position.
_RELATIVE = re.compile(r"som(?<!\w...)\s+$")
# "Ansvarig: Linda", "Ansv: Bjuv kommun" after the task.
_RESPONSIBLE = compile_on_use(
    rf"(?:ansvarig|ansv\.?|ansvar)\s*:\s*((?:{NAME_WORD}|[a-zåäö]+en)(?:\s+{NAME_WORD}){{0,3}})",
    re.IGNORECASE,
)
# "Ansvarig för kontakten med kommunerna: Hanna Möller".
_RESPONSIBLE_FOR = re.compile(
    r"(?:[-–•]\s+)?(?:ansvarig|ansvar)\s+för\s+(?P<task>[^:.]{3,120}?)\s*:\s*(?=\S)",
    re.IGNORECASE,
)
# "att ge processledaren Elin Wahlgren i uppdrag att ta fram …".
_GIVE = re.compile(
    r"\b(?:(?:ge|ger|gav|ges)\s+(.{1,60}?)\s+i uppdrag|uppdra(?:r|s|des)?\s+åt\s+(.{1,60}?))"
    r"\s+att\s+",
    re.IGNORECASE,
)
# A report promised by a date: "Elin återrapporterar utfallet i december",
# "Per redovisar resultatet på nästa möte".
_PROMISE = re.compile(
    r"\b(?:återrapporterar|rapporterar|återkopplar)\b[^.]{0,60}?"
    r"\b(?:till|på|vid|i|senast|under|före)\s+(?:nästa|kommande|nästkommande|januari|februari"
    r"|mars|april|maj|juni|juli|augusti|september|oktober|november|december|vecka|v\.?\s*\d"
    r"|\d)"
    # "redovisar" and "presenterar" narrate what was shown, unless it is for the next meeting.
    r"|\b(?:redovisar|presenterar)\b[^.]{0,60}?\b(?:till|på|vid)\s+(?:nästa|kommande"
    r"|nästkommande)\s+(?:möte|träff|sammanträde)",
    re.IGNORECASE,
)
_PROMISE_KEY = re.compile(r"\b(?:återrapporterar|rapporterar|redovisar|återkopplar|presenterar)\b")
_NAME_SEQ = rf"{NAME_WORD}(?:\s+(?:{NAME_WORD}|[A-ZÅÄÖ]\.?(?=\s)))?"
# "Lisa M och Elin", "Per Ek, Lisa Moberg och …": the first of two subjects.
_PAIR = compile_on_use(rf"(?:^|[\s:])({_NAME_SEQ})\s+(?:och|&)\s+{_NAME_SEQ}\s*$")
_BODY_ENDINGS = ("en", "et", "EN", "ET")
# An organisation part named as it is written: "barn- och utbildningsförvaltningen".
_BODY_PART = re.compile(
    r"(?:^|\s)((?:[\wåäö]+-\s+och\s+)?[\wåäö]*(?:förvaltningen|nämnden|styrelsen|enheten"
    r"|kontoret|avdelningen|kansliet|sekretariatet|arbetsgruppen|styrgruppen|utskottet"
    r"|förbundet|kommunen|regionen))$",
    re.IGNORECASE,
)
# "… mailas till Barbara som skickar ut …": the person after "till" acts.
_TO_WHO = re.compile(rf"\btill ({NAME_WORD}(?:\s+{NAME_WORD})?) som\s+")
# What someone reports ("informerar om att Tranemo ser över …") assigns nothing.
_REPORTED_SPEECH = re.compile(
    r"\b(?:informerar|berättar|meddelar|säger|menar|uppger|redovisar)(?: om)? att\b", re.IGNORECASE
)
_SUBJECT = re.compile(
    rf"({NAME_WORD}(?:[\s-]+(?:{NAME_WORD}|[A-ZÅÄÖ]{{2,}}(?:/[A-ZÅÄÖ]{{2,}})?|[A-ZÅÄÖ]\.?(?=\s|$)))"
    r"{0,3})"
    r"(?:\s*\([^)]{1,20}\))?(?:,\s*[A-ZÅÄÖ][\wåäö]+,?)?\s*$"
)
_PRONOUN = re.compile(r"\b(?:de|hon|han|dom)\s*$", re.IGNORECASE)
# "AL", "KSt", "LOE": two to four letters, the first two capitals.
_INITIALS = re.compile(r"[A-ZÅÄÖ][A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,2}|[A-ZÅÄÖ][a-zåäö]?[A-ZÅÄÖ][a-zåäö]?")
# "Varje kommun meddelar …", "| Samtliga kommuner |": a group acts, named as written.
_GROUP = re.compile(
    r"(?:varje|alla|samtliga|respektive)\s+(?:kommunerna|kommuner|kommun|deltagare|medlemmar"
    r"|medlemskommuner|förvaltningar|nätverksdeltagare)\b",
    re.IGNORECASE,
)
# "Åtgärd: Anders Fält lyfter frågan om …": after an action label, whoever
# opens the sentence and a verb in the present tense.
_ACTION_LABEL = re.compile(
    r"(?:[-–•*]\s+)?(?:åtgärd|åtgärder|att göra|uppdrag)\s*:\s*", re.IGNORECASE
)
# "- Anneli Westberg – skicka ut …": a list line giving a person a task in the infinitive.
_DASHED_TASK = compile_on_use(
    rf"^(?:[-–•*]\s+)?(?P<who>{NAME_WORD}(?:\s+{NAME_WORD})?)"
    rf"(?:\s+(?:och|&)\s+(?P<other>{NAME_WORD}(?:\s+{NAME_WORD})?))?"
    r"\s+[-–]\s+(?P<task>[a-zåäö]+a\b)"
)
_NETWORK = re.compile(
    r"(?:nätverk(?:et)?|gruppen|rådet|förbundet|sekretariatet|kansliet)\b", re.IGNORECASE
)
_NEXT_MEETING = re.compile(r"\btill (?:nästa|kommande) (?:möte|träff)\b", re.IGNORECASE)
# A due date needs a digit or a month's name; find_dates is not run without one.
_DATE_HINT = re.compile(
    r"\d|\b(?:" + "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True)) + ")",
    re.IGNORECASE,
)
_MONTH_MEETING = re.compile(
    r"\b(?:till|på|vid|inför)\s+("
    + "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True))
    + r")(?:s)?mötet\b",
    re.IGNORECASE,
)
_DUE_CUE = re.compile(r"\b(?:i|till|senast|före|innan|under)\s+$", re.IGNORECASE)


class Resolver:
    def __init__(self, people: People) -> None:
        self.people = people

    def assignee(self, mention: str) -> str | None:
        mention = _BRACKETS.sub("", mention).strip(" ,")
        org_hint = None
        if "," in mention:
            mention, _, org_text = mention.partition(",")
            org_hint = resolve_organisation(org_text.strip())
        if " " not in mention.strip():
            holder = self.people.by_role(mention.strip())
            if holder:
                return holder
        part = _BODY_PART.search(mention) if mention.endswith(_BODY_ENDINGS) else None
        if part and resolve_organisation(part[1]) is None:
            return part[1]
        words = mention.split()
        # Drop leading words that are not part of the name ("Önskemål från nätverket att Christin").
        for k in range(len(words)):
            candidate = " ".join(words[k:])
            person = self.people.resolve(candidate, org_hint)
            if person and self.people.is_first_name(words[k]):
                return person
        for k in range(len(words)):
            candidate = " ".join(words[k:])
            org = resolve_organisation(candidate)
            if org:
                return org
            if _NETWORK.search(words[k]) and k == 0:
                return candidate
        return None


def find_assignments(
    sentences: list[Sentence],
    resolver: Resolver,
    meeting: date | None,
    next_meeting: str | None,
) -> list[Assignment]:
    found: list[Assignment] = []
    last_subject: str | None = None
    for n, sentence in enumerate(sentences):
        text = sentence.text
        low = sentence.low
        owner = _RESPONSIBLE_FOR.match(text) if "ansv" in low[:14] else None
        if owner:
            # "Ansvarig för att ta fram en rutin: Fredrik Alm, klart till 1/9": the
            # task between "för" and the colon, the owners and the date after it.
            owners = _responsible_names(text[owner.end() :], resolver)
            task_start = owner.start("task") + (4 if owner["task"][:4].lower() == "att " else 0)
            owner_due = _due(text[owner.end() :], meeting, next_meeting)
            task_end = owner.end("task")
            for name in owners:
                owned = _make(sentence, task_start, task_end, name, [], meeting, next_meeting)
                owned.due = owner_due or owned.due
                found.append(owned)
            if owners:
                continue
        responsible = _RESPONSIBLE.match(text) if "ansv" in low[:12] else None
        if responsible and n > 0:
            # "Ta fram en rutin. Ansvarig: Linda, klart 30/4": the task, then its owner;
            # "Ansvarig: Sofie R och Niklas S" gives the task to each.
            task = sentences[n - 1]
            names = _responsible_names(text[responsible.start(1) :], resolver)
            if names and _is_task(task.text, resolver):
                due = _due(text[responsible.end() :], meeting, next_meeting) or _due(
                    task.text, meeting, next_meeting
                )
                lead = _DECISION_LEAD.match(task.text)
                begin = lead.end() if lead else 0
                made = [
                    _make(task, begin, len(task.text), who, [], meeting, next_meeting)
                    for who in names
                    if not any(a.span[0] >= task.span[0] and a.assignee == who for a in found)
                ]
                for assignment in made:
                    assignment.due = due or assignment.due
                found.extend(made)
                continue
            if names:
                continue
        labelled = _labelled_task(sentence, resolver, meeting, next_meeting)
        if labelled:
            found.extend(labelled)
            last_subject = labelled[-1].assignee
            continue
        give = _GIVE.search(text) if "uppdra" in low else None
        if give:
            who = resolver.assignee(give[1] or give[2]) or _as_written(give[1] or give[2])
            if who:
                found.append(_make(sentence, give.end(), len(text), who, [], meeting, next_meeting))
                last_subject = who
                continue
        to_who = _TO_WHO.search(text) if " som " in text and "till " in low else None
        if to_who:
            who = resolver.assignee(to_who[1])
            if who:
                found.append(_make(sentence, 0, len(text), who, [], meeting, next_meeting))
        verbs: list[re.Match[str]] = []
        if len(low) == len(text):
            # The verbs are written in lower case: match them in `low` (same offsets),
            # only where a verb's first word stands.
            reached = 0
            for start in _VERB_START.finditer(low):
                if start.start() < reached:
                    continue
                verb = _VERB_LOW.match(low, start.start())
                if verb is not None:
                    verbs.append(verb)
                    reached = verb.end()
        else:
            verbs = list(_verb().finditer(text))
        if not verbs and "vidare" in low:
            further = _FURTHER.search(low) if len(low) == len(text) else None
            verbs = [further] if further else []
        # One of these words is in every verb `_PROMISE_KEY` matches: a cheap test first.
        promise_word = (
            "rapporterar" in low
            or "redovisar" in low
            or "återkopplar" in low
            or "presenterar" in low
        )
        if not verbs and promise_word and _PROMISE_KEY.search(low):
            promise = _PROMISE.search(text)
            verbs = [promise] if promise else []
        for verb in verbs:
            # Sentences in damaged text can run on for pages; the subject is near.
            before = text[max(0, verb.start() - 300) : verb.start()]
            if _RELATIVE.search(before):
                continue  # a relative clause describes someone, it assigns nothing
            if _REPORTED_SPEECH.search(before):
                continue
            who = _subject(before, resolver)
            if who is None and verb.start() == 0 and n > 0:
                # "Meddelar namn till Linda.": the subject of the sentence before.
                who = last_subject or _leading_person(sentences[n - 1].text, resolver)
            if who is None:
                continue
            pair = _PAIR.search(before) if " och " in before or "&" in before else None
            other = resolver.assignee(pair[1]) if pair else None
            if other and other != who:
                # "Lisa M och Elin tar fram …": one assignment each.
                found.append(
                    _make(sentence, verb.start(), len(text), other, [], meeting, next_meeting)
                )
            found.append(
                _make(
                    sentence,
                    verb.start(),
                    len(text),
                    who,
                    sentences[n + 1 : n + 2],
                    meeting,
                    next_meeting,
                )
            )
            last_subject = who
            break
        else:
            last_subject = None
    return found


# "ge individ- och familjeomsorgen i uppdrag": a definite noun names who is given the task.
_DEFINITE_GROUP = re.compile(
    r"(?:[a-zåäö]+-\s+(?:och|&)\s+)?[a-zåäö][\wåäö-]{3,}(?:en|et|na)", re.IGNORECASE
)


def _as_written(mention: str) -> str | None:
    mention = mention.strip(" ,")
    return mention if _DEFINITE_GROUP.fullmatch(mention) else None


_BRACKETS = re.compile(r"\s*\([^)]*\)")
# The \b alternatives are grouped, so that the engine tests the boundary once per position.
_CLAUSE_BREAK = re.compile(r"(?:[.;:!?]|(?:\bsamt att\b|\boch att\b|\batt\b|\boch\b|\bmen\b))\s")
_HEAD_NAME = compile_on_use(rf"\s*({NAME_WORD}(?:\s+{NAME_WORD})?)")
_LAST_WORD = re.compile(r"(\w+)\s*$")
_OPENING_NAME = re.compile(rf"\s*(?:[\wåäö]+\s*:\s*)?({NAME_WORD}(?:\s+{NAME_WORD})?)\s")
_LEADING_NAME = re.compile(rf"({NAME_WORD}(?:\s+{NAME_WORD})?)\s")


# "Beslutades att …", "Mötet beslöt att …", "Beslut: …" in front of a task.
_DECISION_LEAD = re.compile(
    r"^(?:[-–•*]\s+)?(?:(?:\w+\s+){0,2}?(?:beslutades|beslöt|beslutade|beslutar|beslöts)\s*:?\s*"
    r"(?:att\s+)?|beslut\s*:\s*(?:att\s+)?)",
    re.IGNORECASE,
)
_LIST_SPLIT = re.compile(r"\s*(?:,|;|/|&|\boch\b|\bsamt\b)\s*")


# A past-tense narrative ("Anna gick igenom rutinerna") is no task to give anyone.
@cache
def _narrative() -> re.Pattern[str]:
    """Compiled on first use: only an "Ansvarig:" line needs it."""
    return re.compile(
        rf"^(?:[-–•*]\s+)?({NAME_WORD}(?:\s+{NAME_WORD})?)\s+(?:gick|var|hade|tog|fick|såg|höll|"
        r"[a-zåäö]+(?:ade|de|te|dde|tt))\b"
    )


def _responsible_names(listed: str, resolver: Resolver) -> list[str]:
    """Return the people (or organisations) an "Ansvarig:" list names, in order."""
    listed = re.split(r"[.(]|\s[-–]\s|\bklart\b|\bsenast\b|\btill\b", listed, maxsplit=1)[0]
    names: list[str] = []
    for part in _LIST_SPLIT.split(listed):
        part = part.strip()
        if not part or len(part) > 60:
            continue
        who = resolver.assignee(part) or resolver.assignee(part.split()[0])
        if who and who not in names:
            names.append(who)
    return names


_PRESENT_VERB = re.compile(r"\s+([a-zåäö]+(?:ar|er|r))\b")


def _labelled_task(
    sentence: Sentence, resolver: Resolver, meeting: date | None, next_meeting: str | None
) -> list[Assignment]:
    """Return the tasks of "Åtgärd: X gör …" and "- X – göra …" lines (none for others)."""
    text = sentence.text
    label = _ACTION_LABEL.match(text) if ":" in text[:20] else None
    if label:
        rest = text[label.end() :]
        group = _GROUP.match(rest)
        head = group or _HEAD_NAME.match(rest)
        if head:
            who = _group(head[0]) if group else resolver.assignee(head[1])
            verb = _PRESENT_VERB.match(rest, head.end())
            if who and verb:
                start = label.end() + verb.start(1)
                return [_make(sentence, start, len(text), who, [], meeting, next_meeting)]
        return []
    dashed = _DASHED_TASK.match(text) if "–" in text or " - " in text else None
    if dashed is None:
        return []
    names = [resolver.assignee(dashed["who"])]
    if dashed["other"]:
        names.append(resolver.assignee(dashed["other"]))
    start = dashed.start("task")
    return [
        _make(sentence, start, len(text), who, [], meeting, next_meeting) for who in names if who
    ]


def _is_task(text: str, resolver: Resolver) -> bool:
    m = _narrative().match(text)
    return m is None or resolver.assignee(m[1]) is None


def _group(mention: str) -> str | None:
    """Return "Varje kommun", "Samtliga kommuner" as written, capitalised; else None."""
    m = _GROUP.fullmatch(mention.strip(" ,"))
    return m[0][:1].upper() + m[0][1:] if m else None


def _subject(before: str, resolver: Resolver) -> str | None:
    clause = _CLAUSE_BREAK.split(before)[-1]
    group = _GROUP.search(clause.rstrip())
    if group and group.end() == len(clause.rstrip()):
        return _group(group[0])
    pronoun = _PRONOUN.search(clause)
    if pronoun:
        # "Bjuv är intresserade av att ansluta, de tar kontakt med …".
        head = _HEAD_NAME.match(before)
        return resolver.assignee(head[1]) if head else None
    role = _LAST_WORD.search(clause[-60:])
    if role and resolver.people.by_role(role[1]):
        return resolver.people.by_role(role[1])
    m = _SUBJECT.search(clause.rstrip())
    if m:
        return resolver.assignee(m.group(0))
    initials = _INITIALS.fullmatch(clause.strip())
    if initials:
        # "AL återkommer …": the initials the minutes use for a participant.
        return resolver.people.by_initials(initials[0])
    # "Kirti John slutar … och lämnar över": the subject opens the sentence.
    head = _OPENING_NAME.match(before)
    if head and len(before.split()) <= 12 and "," not in before and ";" not in before:
        return resolver.assignee(head[1])
    return None


def _leading_person(text: str, resolver: Resolver) -> str | None:
    head = _LEADING_NAME.match(text)
    return resolver.assignee(head[1]) if head else None


def _make(
    sentence: Sentence,
    start: int,
    end: int,
    who: str,
    following: list[Sentence],
    meeting: date | None,
    next_meeting: str | None,
) -> Assignment:
    text = sentence.text[start:end].strip().rstrip(".")
    due = _due(sentence.text[start:], meeting, next_meeting)
    if due is None and following:
        # "Anette meddelar att hennes förslag kommer i januari." names the due date
        # of the assignment just made to her.
        nxt = following[0].text
        first = who.split()[0]
        if re.search(rf"\b{re.escape(first)}\b|\b(?:hennes|hans|deras)\b", nxt):
            due = _due(nxt, meeting, None)
    return Assignment(
        assignee=who, text=text, due=due, span=sentence.sub_span(start, start + len(text))
    )


def _due(text: str, meeting: date | None, next_meeting: str | None) -> str | None:
    if _NEXT_MEETING.search(text):
        return next_meeting
    month_meeting = _MONTH_MEETING.search(text) if "mötet" in text else None
    if month_meeting and meeting is not None:
        # "till februarimötet": the next meeting in that month.
        month = MONTHS.get(month_meeting[1].lower())
        if isinstance(month, int):
            nearest = meeting.year + 1 if month < meeting.month else meeting.year
            return f"{nearest}-{month:02d}"
    if not _DATE_HINT.search(text):
        return None  # no digit and no month name: no date to look for
    for match in find_dates(text):
        lead = text[max(0, match.span[0] - 8) : match.span[0]]
        if match.day is None and not _DUE_CUE.search(lead):
            continue
        year = match.year
        if year is None:
            if meeting is None:
                return None
            year = meeting.year + 1 if match.month < meeting.month else meeting.year
        return match.iso(year)
    return None


# A to-do table: "Vad | Vem | När", "Åtgärd<TAB>Ansvarig<TAB>Klart", columns split by a
# tab, a pipe or two spaces or more.
_CELL_SPLIT = re.compile(r"\s*\|\s*|\t+\s*| {2,}")
_WHAT = re.compile(
    r"^(?:vad|åtgärd(?:er)?|aktivitet(?:er)?|uppgift(?:er)?|att göra|uppdrag|action|task)$"
)
_WHO = re.compile(r"^(?:vem|ansvarig(?:a)?|ansv\.?|ansvar|who|utförare)$")
_WHEN = re.compile(
    r"^(?:när|klart(?: till| senast)?|datum|deadline|tidplan|senast|klar|when|due|tid)$"
)
_PERSON_AS_WRITTEN = compile_on_use(rf"{NAME_WORD}(?:\s+{NAME_WORD}){{1,2}}")


def _cells(text: str) -> list[str]:
    return [c.strip(" :") for c in _CELL_SPLIT.split(text.strip(" |")) if c.strip(" :")]


def table_columns(text: str) -> tuple[list[str], int, int, int | None] | None:
    """Return the cells of a to-do table's header row and its what/who/when columns."""
    if len(text) > 80 or not ("\t" in text or "|" in text or "  " in text):
        return None
    head = [c.lower() for c in _cells(text)]
    what = next((n for n, c in enumerate(head) if _WHAT.match(c)), None)
    who = next((n for n, c in enumerate(head) if _WHO.match(c)), None)
    if what is None or who is None or len(head) > 5:
        return None
    when = next((n for n, c in enumerate(head) if _WHEN.match(c)), None)
    return head, what, who, when


def find_table_assignments(
    lines: list[Line],
    resolver: Resolver,
    meeting: date | None,
    next_meeting: str | None,
) -> list[Assignment]:
    """Return one assignment per person of each row of the to-do tables among `lines`."""
    found: list[Assignment] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        k += 1
        columns = table_columns(line.text)
        if columns is None:
            continue
        head, what, who, when = columns
        while k < len(lines):
            row = _cells(lines[k].text)
            if len(row) < 2 or len(row) > len(head) or set(lines[k].text) <= set("|-: \t"):
                if set(lines[k].text) <= set("|-: \t+="):
                    k += 1  # a Markdown rule under the header
                    continue
                break
            k += 1
            if max(what, who) >= len(row):
                continue
            due = None
            if when is not None and when < len(row):
                due = _due("till " + row[when], meeting, next_meeting)
            for part in _LIST_SPLIT.split(row[who]):
                part = part.strip()
                if not part:
                    continue
                assignee = resolver.assignee(part) or _group(part)
                if assignee is None and _PERSON_AS_WRITTEN.fullmatch(part):
                    assignee = part  # the column names the assignee, listed or not
                if assignee is None:
                    continue
                found.append(
                    Assignment(
                        assignee=assignee,
                        text=row[what],
                        due=due,
                        span=(lines[k - 1].start, lines[k - 1].end),
                    )
                )
    return found
