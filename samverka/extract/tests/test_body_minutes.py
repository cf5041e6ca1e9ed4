# ruff: noqa: E501  (minutes text keeps its long lines)
"""Whole synthetic minutes in layouts none of the seeds use, through the whole extractor.

Four bodies: a nämnd protocol with § paragraphs, OCR damage in the numbers,
"Nämndens beslut" blocks and decisions as bullets; docx-style notes in
capitals with "ÅTGÄRD:" lines and a one-line list of meeting dates; notes
with "Punkt N." headings, raisers in the past tense and the next meeting on
the line under its point; and an OCR text that lost its diacritics. The
assertions are on the body: items, raisers, outcomes, decisions, assignments,
reports and planned meetings.
"""

from __future__ import annotations

from samverka.extract.model import Minutes, SourceText
from samverka.extract.parse import parse


def _parse(text: str) -> Minutes:
    return parse(SourceText(name="t.txt", sha256="", media_type="text/plain", text=text))


A_NAMND = """\
PROTOKOLL
Socialnämnden i Exempelby
Sammanträdesdatum 2024-04-17
Plats och tid: Kommunhuset, sal Ekan, kl. 13.00–15.30

Beslutande
Karin Holm (S), ordförande
Bertil Nyström (M)
Sofia Lind (C)

Övriga närvarande
Tomas Ek, förvaltningschef
Maria Berg, kommundirektör

Underskrifter
Sekreterare Jenny Dahl
Ordförande Karin Holm
Justerande Bertil Nyström

§ 28
Val av justerare
Bertil Nyström valdes att justera protokollet.

§ 29 Delårsrapport för socialnämnden
Förvaltningschefen Tomas Ek redovisar utfallet per mars. Underskottet väntas bli 4 miljoner.
Socialnämndens beslut
Att godkänna delårsrapporten,
att uppdra åt förvaltningschefen att ta fram en åtgärdsplan till juni.

§ 3O Riktlinjer för ekonomiskt bistånd
Ordföranden ställer proposition på förslagen och finner att nämnden bifaller förvaltningens förslag.
Nämnden beslutar att
- anta riktlinjerna,
- ge individ- och familjeomsorgen i uppdrag att informera de sökande.

§ 3l Detaljplan för Norra ängen
Nämnden beslutar att återremittera ärendet till förvaltningen för vidare utredning.

§ 32 Sammanträdesplan 2025
Nämnden beslutar att fastställa följande sammanträdesdagar för 2025: 22 januari, 19 mars, 14 maj och 17 september.
"""


B_CAPS = """\
MINNESANTECKNINGAR
Regionalt nätverk för äldreomsorg
Datum: 2024-02-06
PLATS: Regionhuset, Skövde
DELTAGARE
Anna Karlsson, Skövde
Per Ek, Mariestad
Lisa Moberg, Falköping
Johan Strand, Lidköping
EJ NÄRVARANDE
Eva Lind, Tibro

1. FÖREGÅENDE ANTECKNINGAR
Anteckningarna gicks igenom och lades till handlingarna.

2. BEMANNING I HEMTJÄNSTEN
Per Ek tog upp behovet av en gemensam rekryteringskampanj. Flera kommuner har svårt att rekrytera undersköterskor.
ÅTGÄRD: Per Ek kontaktar Högskolan i Skövde om praktikplatser.

3. LÄGET I KOMMUNERNA
Skövde kommun: stabilt, men ökade kostnader för köpta platser.
Mariestads kommun: ny enhetschef på plats.
Falköpings kommun: brist på sjuksköterskor under sommaren.

4. ÖVRIGT
Lisa Moberg och Johan Strand tar fram en enkät om nattbemanning.

Kommande mötesdatum: 9/4, 14/5, 11/6
Mötena hålls kl. 09.00-12.00 i Regionhuset.
"""


C_PUNKT = """\
Anteckningar från möte i Folkhälsorådet Västby
Tid: 2024-09-12 kl. 14.00-16.00
Plats: Teams
Närvarande: Elin Wall, Perstorp (ordförande); Oskar Lund, Svalöv; Annika Sjögren, Båstad; Malin Roos, Höör, samordnare

Punkt 1. Mötets öppnande
Elin hälsade välkommen.

Punkt 2. Skolans hälsosamtal
Frågan lyftes av Annika som ser att allt färre elever deltar. Samordnaren får i uppdrag att sammanställa statistik från kommunerna.

Punkt 3. Drogförebyggande arbete
Oskar väckte frågan om gemensamma föräldramöten. Ärendet bordläggs till nästa möte eftersom underlaget saknas.

Punkt 4. Budget
Annika återkommer med ett förslag till fördelning till nästa möte.

Punkt 5. Nästa möte
Måndag 14 oktober kl. 14.00 på Folkets hus i Perstorp.
"""


D_OCR = """\
Minnesanteckningar Samverkansgruppen 2023-11-08

Narvarande: Per Ek (Bjuv), Lisa Moberg (Klippan), Elin Wall (Perstorp)

Foregaende anteckningar
Anteckningarna lades till handlingarna.

Lokalfragan
Arendet bordlaggs da underlaget inte var klart.

Gemensam utbildning
Beslut: att genomfora utbildningen i mars, att dela kostnaden lika mellan kommunerna.
Per Ek skickar ut en inbjudan.

Nasta mote
Torsdag 7 december kl. 9.00-11.00 i Bjuv.
"""


def test_a_namnd_protocol_with_ocr_numbers_and_decision_blocks() -> None:
    m = _parse(A_NAMND)
    assert [(i.number, i.title) for i in m.items] == [
        ("28", "Val av justerare"),
        ("29", "Delårsrapport för socialnämnden"),
        ("30", "Riktlinjer för ekonomiskt bistånd"),
        ("31", "Detaljplan för Norra ängen"),
        ("32", "Sammanträdesplan 2025"),
    ]
    assert all(i.raised_by is None for i in m.items)  # officials present, nobody raises
    assert [len(i.decisions) for i in m.items] == [1, 2, 2, 1, 1]
    assert [d.text for d in m.items[2].decisions] == [
        "anta riktlinjerna",
        "ge individ- och familjeomsorgen i uppdrag att informera de sökande",
    ]
    assert [i.outcome for i in m.items].count("carried_over") == 1
    assert m.items[3].outcome == "carried_over"
    assert [(a.assignee, a.due) for a in m.items[1].assignments] == [("Tomas Ek", "2024-06")]
    assert [a.assignee for a in m.items[2].assignments] == ["individ- och familjeomsorgen"]
    assert [p.date for p in m.planned_meetings] == [
        "2025-01-22",
        "2025-03-19",
        "2025-05-14",
        "2025-09-17",
    ]


def test_notes_in_capitals_with_action_lines_and_a_date_list() -> None:
    m = _parse(B_CAPS)
    assert [i.title for i in m.items] == [
        "FÖREGÅENDE ANTECKNINGAR",
        "BEMANNING I HEMTJÄNSTEN",
        "LÄGET I KOMMUNERNA",
        "ÖVRIGT",
    ]
    assert m.items[1].raised_by == "Per Ek"
    assert [a.assignee for a in m.items[1].assignments] == ["Per Ek"]
    assert sorted(a.assignee for a in m.items[3].assignments) == ["Johan Strand", "Lisa Moberg"]
    assert [r.organisation for r in m.status_reports] == ["Skövde", "Mariestad", "Falköping"]
    assert [(p.date, p.start_time, p.place) for p in m.planned_meetings] == [
        ("2024-04-09", "09:00", "Regionhuset"),
        ("2024-05-14", "09:00", "Regionhuset"),
        ("2024-06-11", "09:00", "Regionhuset"),
    ]
    assert all(i.outcome == "handled" for i in m.items)


def test_notes_with_punkt_headings_and_raisers_in_the_past_tense() -> None:
    m = _parse(C_PUNKT)
    assert [i.title for i in m.items] == [
        "Mötets öppnande",
        "Skolans hälsosamtal",
        "Drogförebyggande arbete",
        "Budget",
        "Nästa möte",
    ]
    assert [i.raised_by for i in m.items[1:3]] == ["Annika Sjögren", "Oskar Lund"]
    assert [i.outcome for i in m.items] == [
        "handled",
        "handled",
        "carried_over",
        "handled",
        "handled",
    ]
    assert [a.assignee for a in m.items[1].assignments] == ["Malin Roos"]
    assert [(a.assignee, a.due) for a in m.items[3].assignments] == [
        ("Annika Sjögren", "2024-10-14")
    ]
    assert [(p.date, p.start_time, p.place) for p in m.planned_meetings] == [
        ("2024-10-14", "14:00", "Folkets hus i Perstorp")
    ]


def test_notes_that_lost_their_diacritics() -> None:
    m = _parse(D_OCR)
    assert [i.title for i in m.items] == [
        "Foregaende anteckningar",
        "Lokalfragan",
        "Gemensam utbildning",
        "Nasta mote",
    ]
    assert [i.outcome for i in m.items] == ["handled", "carried_over", "handled", "handled"]
    assert [d.text for d in m.items[2].decisions] == [
        "att genomfora utbildningen i mars",
        "att dela kostnaden lika mellan kommunerna",
    ]
    assert [a.assignee for a in m.items[2].assignments] == ["Per Ek"]
    assert [(p.date, p.start_time) for p in m.planned_meetings] == [("2023-12-07", "09:00")]
