"""Body rules for layouts and wordings of minutes the extractor has not seen.

Every snippet is synthetic and varies the wording of one pattern: header
labels the header pass does not know, attendance written after the items,
bullet and letter headings, nested numbering, names beyond Latin-1, more
deferral phrasings, decision lead-ins and the verbs of who raised a point.
"""

from __future__ import annotations

import pytest

from samverka.extract.model import Participant, SourceText
from samverka.extract.parse.body import parse_body
from samverka.extract.parse.header import parse_header
from samverka.extract.parse.types import Body, Header

PEOPLE = [
    Participant(name="Dragana Petrović", organisation="Kävlinge"),
    Participant(name="Ayşe Yılmaz", organisation="Lomma"),
    Participant(name="Henrik Holm", organisation="Lund"),
    Participant(name="Sofie Rask", organisation="Eslöv"),
    Participant(name="Niklas Strand", organisation="Höör"),
]


def _body(text: str, header: Header | None = None) -> Body:
    source = SourceText(name="t.txt", sha256="", media_type="text/plain", text=text)
    return parse_body(source, header or Header(date="2024-05-14", participants=PEOPLE))


def _full(text: str) -> Body:
    """Both passes, as `samverka parse` runs them."""
    source = SourceText(name="t.txt", sha256="", media_type="text/plain", text=text)
    return parse_body(source, parse_header(source))


def _titles(body: Body) -> list[str]:
    return [item.title for item in body.items]


# --- the header never takes the items away ---------------------------------


def test_english_labels_before_numbered_items_are_no_items() -> None:
    body = _full(
        "Minnesanteckningar nätverket 2024-05-14\n\n"
        "Attendees: Anna Berg (chair), Per Ek, Dragana Petrović\n"
        "Apologies: Ayşe Yılmaz\n"
        "Notes by: Per Ek\n\n"
        "1) Uppföljning av handlingsplanen\nPlanen följdes upp.\n\n"
        "2) Ekonomi\nBudgeten gicks igenom.\n\n"
        "3) Ledsagning\nDiskussion om rutinerna.\n"
    )
    assert _titles(body) == ["Uppföljning av handlingsplanen", "Ekonomi", "Ledsagning"]


def test_attendance_after_the_items_keeps_the_items() -> None:
    body = _full(
        "Anteckningar från nätverksträff 2024-03-05\n\n"
        "1. Uppföljning\nVi följde upp vårens arbete.\n\n"
        "2. Nytt från kommunerna\nAlla berättade kort.\n\n"
        "3. Nästa möte\n2024-09-12 kl. 9-12.\n\n"
        "Närvarande\nAnna Berg, Lunds kommun\nPer Ek, Eslövs kommun\n"
        "Dragana Petrović, Kävlinge kommun\n"
    )
    assert _titles(body) == ["Uppföljning", "Nytt från kommunerna", "Nästa möte"]
    assert [p.date for p in body.planned_meetings] == ["2024-09-12"]


def test_bullet_items_over_attendance_at_the_end() -> None:
    body = _full(
        "Anteckningar Nätverket för försörjningsstöd 2024-03-05\n\n"
        "• Trygg hemgång\n  - Punkten utgick då föredragande var sjuk.\n"
        "• Ekonomiskt bistånd\n  - Mötet beslöt att anta förslaget.\n\n"
        "Närvarande\nAnna Berg, Lunds kommun\nPer Ek, Eslövs kommun\n"
    )
    assert _titles(body) == ["Trygg hemgång", "Ekonomiskt bistånd"]
    assert body.items[0].outcome == "carried_over"
    assert [d.text for d in body.items[1].decisions] == ["att anta förslaget"]


# --- heading styles ----------------------------------------------------------


def test_letter_headings() -> None:
    body = _body(
        "a. Välkommen\nOrdföranden hälsade alla välkomna.\n"
        "b. Regional strategi\nStrategin diskuterades.\n"
        "c) Övrigt\nInga övriga frågor.\n"
    )
    assert _titles(body) == ["Välkommen", "Regional strategi", "Övrigt"]


def test_nested_numbering_gives_the_sub_items() -> None:
    body = _body(
        "1. Formalia\n1.1 Mötets öppnande\nMötet öppnades.\n1.2 Val av justerare\n"
        "Henrik Holm valdes att justera.\n2. SIP\n2.1 Rutin för SIP\nRutinen gicks igenom.\n"
        "2.2 Uppföljning\nUppföljningen visar goda resultat.\n3. Övrigt\nInget.\n"
    )
    assert _titles(body) == [
        "Mötets öppnande",
        "Val av justerare",
        "Rutin för SIP",
        "Uppföljning",
        "Övrigt",
    ]
    assert [i.number for i in body.items] == ["1.1", "1.2", "2.1", "2.2", "3"]


def test_informal_label_bullets() -> None:
    body = _body(
        "- Ledsagning: Henrik undrade hur de andra kommunerna gör.\n"
        "- Boendestöd: Sofie berättade om det nya upplägget.\n"
        "- Lokalfrågan: Inget nytt sedan sist.\n"
    )
    assert _titles(body) == ["Ledsagning", "Boendestöd", "Lokalfrågan"]


def test_bullet_headings_need_two() -> None:
    body = _body("Ekonomi\nBudgeten gicks igenom.\n\nÖvrigt\nInga frågor.\n")
    assert _titles(body) == ["Ekonomi", "Övrigt"]


# --- names beyond Latin-1 ----------------------------------------------------


@pytest.mark.parametrize("name", ["Dragana Petrović", "Ayşe Yılmaz"])
def test_names_beyond_latin1_raise_items(name: str) -> None:
    body = _body(f"1. Lokaler\n{name} lyfte frågan om lokaler.\n2. Övrigt\nInget.\n")
    assert body.items[0].raised_by == name


# --- deferrals ---------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Frågan tas upp igen i höst.",
        "Tas upp igen efter sommaren.",
        "Utgår.",
        "The item was postponed to next meeting.",
    ],
)
def test_more_deferral_phrasings(sentence: str) -> None:
    body = _body(f"1. Lokaler\n{sentence}\n2. Ekonomi\nBudgeten gicks igenom.\n")
    assert body.items[0].outcome == "carried_over"
    assert body.items[1].outcome != "carried_over"


def test_a_question_that_may_come_up_again_is_not_deferred() -> None:
    body = _body("1. Lokaler\nFrågan kan tas upp igen om behov finns.\n2. Ekonomi\nInget.\n")
    assert body.items[0].outcome != "carried_over"


# --- decisions ---------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Mötet beslöt att anta förslaget.",
        "Beslutades att anta förslaget.",
        "Rådet beslutade att anta förslaget.",
        "Nätverket beslutar: att anta förslaget.",
    ],
)
def test_decision_lead_ins_are_stripped(sentence: str) -> None:
    body = _body(f"1. Förslaget\n{sentence}\n2. Övrigt\nInget.\n")
    assert [d.text for d in body.items[0].decisions] == ["att anta förslaget"]


# --- raised by ---------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Henrik Holm föreslog en gemensam utbildning.",
        "Henrik undrade hur de andra kommunerna gör med ledsagning.",
        "Henrik Holm frågade om någon har en rutin.",
        "Henrik ville diskutera ledsagningen.",
    ],
)
def test_raised_by_verbs(sentence: str) -> None:
    body = _body(f"1. Ledsagning\n{sentence}\n2. Övrigt\nInget.\n")
    assert body.items[0].raised_by == "Henrik Holm"


def test_a_presenter_did_not_raise_the_item() -> None:
    body = _body("1. Kartläggning\nHenrik Holm presenterar kartläggningen.\n2. Övrigt\nInget.\n")
    assert body.items[0].raised_by is None


# --- assignments -------------------------------------------------------------


def _assignments(body: Body) -> list[tuple[str, str, str | None]]:
    return [(a.assignee, a.text, a.due) for item in body.items for a in item.assignments]


def test_responsible_list_after_a_decision_gives_each_the_task() -> None:
    body = _body(
        "1. Utbildning\nBeslutades att ordna en gemensam utbildningsdag i höst. "
        "Ansvarig: Sofie R och Niklas S.\n2. Övrigt\nInget.\n"
    )
    assert _assignments(body) == [
        ("Sofie Rask", "ordna en gemensam utbildningsdag i höst", None),
        ("Niklas Strand", "ordna en gemensam utbildningsdag i höst", None),
    ]


def test_responsible_after_a_narrative_gives_nobody_that_sentence() -> None:
    body = _body(
        "1. Rutiner\nHenrik gick igenom rutinerna. Ansvarig: Sofie Rask och Niklas Strand.\n"
        "2. Övrigt\nInget.\n"
    )
    assert all("gick igenom" not in text for _, text, _ in _assignments(body))


def test_a_deadline_in_the_decision_carries_to_the_assignment() -> None:
    body = _body(
        "1. Enkät\nMötet beslöt att skicka ut enkäten senast 2024-06-15. Ansvarig: Henrik.\n"
        "2. Övrigt\nInget.\n"
    )
    assert _assignments(body) == [
        ("Henrik Holm", "skicka ut enkäten senast 2024-06-15", "2024-06-15")
    ]


@pytest.mark.parametrize(
    "sentence",
    ["Sofie för frågan vidare.", "Sofie tar frågan vidare till ledningsgruppen."],
)
def test_taking_a_question_further_is_a_task(sentence: str) -> None:
    body = _body(f"1. Ledsagning\nDiskussion om ledsagning. {sentence}\n2. Övrigt\nInget.\n")
    assert [a for a, _, _ in _assignments(body)] == ["Sofie Rask"]


def test_due_at_a_named_month_meeting() -> None:
    body = _body(
        "1. Statistik\nNiklas sammanställer statistiken till februarimötet.\n2. Övrigt\nInget.\n",
        Header(date="2024-11-20", participants=PEOPLE),
    )
    assert [d for _, _, d in _assignments(body)] == ["2025-02"]


# --- situation reports -------------------------------------------------------


@pytest.mark.parametrize("title", ["Nytt från kommunerna", "Kommunrundan", "Laget runt"])
def test_bulleted_round_under_a_round_title(title: str) -> None:
    body = _body(
        f"1. {title}\n- Kävlinge: ny enhetschef från maj.\n- Lomma: inget nytt.\n"
        "2. Övrigt\nInget.\n"
    )
    assert [(r.organisation, r.text) for r in body.status_reports] == [
        ("Kävlinge", "ny enhetschef från maj."),
        ("Lomma", "inget nytt."),
    ]


def test_two_bulleted_places_under_an_ordinary_title_are_no_round() -> None:
    body = _body("1. Ekonomi\n- Lund: budget i balans.\n- Lomma: underskott.\n2. Övrigt\nInget.\n")
    assert body.status_reports == []


# --- planned meetings --------------------------------------------------------


def _planned(body: Body) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(p.date, p.start_time, p.end_time, p.place) for p in body.planned_meetings]


def test_next_meeting_with_a_place_after_the_time() -> None:
    body = _body("1. Nästa möte\nNästa möte: 2024-09-12 kl. 09.30-12.00, Teams\n")
    assert _planned(body) == [("2024-09-12", "09:30", "12:00", "Teams")]


def test_then_dates_sharing_a_time_and_place() -> None:
    body = _body(
        "1. Mötesplan\nNästa möte: 2024-09-12 kl. 9-12 på Stadshuset i Lund.\n"
        "Därefter: 2024-10-17 och 2024-11-19 (samtliga kl 13–16 via Teams)\n"
    )
    assert _planned(body) == [
        ("2024-09-12", "09:00", "12:00", "Stadshuset i Lund"),
        ("2024-10-17", "13:00", "16:00", "Teams"),
        ("2024-11-19", "13:00", "16:00", "Teams"),
    ]


def test_a_listed_year_with_places_by_season() -> None:
    body = _body(
        "1. Mötesdatum 2025\nMötesdatum 2025:\n2025-02-11\n2025-05-13\n2025-09-16\n"
        "Vårens möten i Varberg, höstens i Falkenberg, samtliga kl. 9–12.\n"
    )
    assert _planned(body) == [
        ("2025-02-11", "09:00", "12:00", "Varberg"),
        ("2025-05-13", "09:00", "12:00", "Varberg"),
        ("2025-09-16", "09:00", "12:00", "Falkenberg"),
    ]


# --- to-do tables --------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "sep"),
    [("Vad | Vem | När", " | "), ("Vad\tVem\tNär", "\t"), ("Åtgärd    Ansvarig    Klart", "    ")],
)
def test_todo_table_gives_one_assignment_per_name(header: str, sep: str) -> None:
    rows = [
        sep.join(["Boka lokal", "Henrik Holm", "Juni 2024"]),
        sep.join(["Ta fram program", "Sofie Rask, Niklas Strand", "2024-08-31"]),
    ]
    body = _body("1. Utbildningsdag\nVi planerade dagen.\n" + "\n".join([header, *rows]) + "\n")
    assert _assignments(body) == [
        ("Henrik Holm", "Boka lokal", "2024-06"),
        ("Sofie Rask", "Ta fram program", "2024-08-31"),
        ("Niklas Strand", "Ta fram program", "2024-08-31"),
    ]


def test_a_table_of_people_is_no_todo_table() -> None:
    body = _body("1. Deltagare\nNamn | Kommun\nHenrik Holm | Lund\n2. Övrigt\nInget.\n")
    assert _assignments(body) == []


def test_a_todo_table_after_a_round_of_reports() -> None:
    body = _body(
        "1. Laget runt\n- Kävlinge: ny chef.\n- Lomma: inget nytt.\n"
        "Vad | Vem | När\nSkicka ut enkäten | Henrik Holm | 2024-06-01\n"
    )
    assert [r.text for r in body.status_reports] == ["ny chef.", "inget nytt."]
    assert _assignments(body) == [("Henrik Holm", "Skicka ut enkäten", "2024-06-01")]


def test_english_labels_before_plain_headings_are_no_items() -> None:
    body = _body(
        "Attendees: Henrik Holm, Sofie Rask\nApologies: Niklas Strand\nNotes by: Sofie Rask\n\n"
        "Ekonomi\nBudgeten gicks igenom.\n\nLokaler\nInget nytt.\n"
    )
    assert _titles(body) == ["Ekonomi", "Lokaler"]


def test_a_lead_in_with_the_subject_after_the_verb_is_stripped() -> None:
    body = _body("1. Förslaget\nEfter diskussion beslutade nätverket att anta förslaget.\n")
    assert [d.text for d in body.items[0].decisions] == ["att anta förslaget"]


def test_a_presenter_of_a_proposal_raised_it() -> None:
    body = _body(
        "1. Nyckeltal\nHenrik Holm, Lund, presenterar ett förslag på nyckeltal.\n"
        "2. Övrigt\nInget.\n"
    )
    assert body.items[0].raised_by == "Henrik Holm"
