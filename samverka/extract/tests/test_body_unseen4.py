"""Body rules from a fourth round of unseen minutes, one general rule per test.

Every snippet is invented and worded differently from the minutes that showed
the pattern.
"""

from __future__ import annotations

import pytest

from samverka.extract.model import Participant, SourceText
from samverka.extract.parse.body import parse_body
from samverka.extract.parse.types import Body, Header

PEOPLE = [
    Participant(name="Dragana Petrović", organisation="Kävlinge"),
    Participant(name="Henrik Holm", organisation="Lund"),
    Participant(name="Sofie Rask", organisation="Eslöv"),
]


def _body(text: str) -> Body:
    source = SourceText(name="t.txt", sha256="", media_type="text/plain", text=text)
    return parse_body(source, Header(date="2024-05-14", participants=PEOPLE))


def _raised(text: str, title: str) -> str | None:
    return next(item.raised_by for item in _body(text).items if item.title == title)


@pytest.mark.parametrize(
    "opening",
    [
        "Sofie lyfte frågan om gemensamma jourhem.",
        "Sofie Rask tar upp behovet av en gemensam rutin för skyddat boende.",
        "Sofie undrar om någon kommun har avtal med ett tolkbolag.",
    ],
)
def test_other_business_raised_by_one_participant_is_theirs(opening: str) -> None:
    text = f"1. Ekonomi\nBudgeten följdes upp.\n\n2. Övrigt\n{opening} Alla var positiva.\n"
    assert _raised(text, "Övrigt") == "Sofie Rask"


@pytest.mark.parametrize(
    "content",
    [
        # Two people bring two matters: the item is nobody's.
        "Sofie lyfte frågan om jourhem. Henrik tog upp lokalfrågan.",
        # Informing is not raising.
        "Henrik informerade om den nya lagen.",
        # A statement first: the item does not open with a raiser.
        "Inga övriga frågor. Sofie lyfte dock att hon slutar i maj.",
    ],
)
def test_other_business_with_several_matters_or_none_raised_is_nobodys(content: str) -> None:
    text = f"1. Ekonomi\nBudgeten följdes upp.\n\n2. Övrigt\n{content}\n"
    assert _raised(text, "Övrigt") is None


def _decisions(text: str) -> list[str]:
    return [d.text for item in _body(text).items for d in item.decisions]


def test_standing_behind_a_proposal_is_a_decision() -> None:
    text = "1. Gemensam rutin\nGruppen ställer sig bakom att ta fram en gemensam rutin för jour.\n"
    assert _decisions(text) == ["Gruppen ställer sig bakom att ta fram en gemensam rutin för jour"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Frågan bordläggs till nästa möte i väntan på underlag.",
        "Lisa Berg (M) yrkar att ärendet återremitteras.",
        "Henrik Holm yrkade bifall till förslaget.",
    ],
)
def test_a_deferral_or_a_motion_is_no_decision(sentence: str) -> None:
    assert _decisions(f"1. Ny taxa\n{sentence}\n") == []


def test_a_deferral_under_a_decision_label_is_the_decision() -> None:
    items = _body("1. Inledning\nVälkomna.\n2. Ny taxa\nBeslut: Ärendet bordläggs.\n").items
    assert [d.text for d in items[1].decisions] == ["Ärendet bordläggs"]
    assert items[1].outcome == "carried_over"


def _titles(text: str) -> list[str]:
    return [item.title for item in _body(text).items]


def test_a_long_heading_does_not_swallow_the_capitalised_sentence_under_it() -> None:
    text = (
        "1. Inledning\nVälkomna.\n\n"
        "2. Gemensam rutin för utredning av korttidsvistelse enligt LSS 9 § 6 (barn)\n"
        "Henrik har tagit fram ett utkast. Rutinen antogs.\n"
    )
    items = _body(text).items
    assert (
        items[1].title == "Gemensam rutin för utredning av korttidsvistelse enligt LSS 9 § 6 (barn)"
    )
    assert [d.text for d in items[1].decisions] == ["Rutinen antogs"]


@pytest.mark.parametrize(
    ("heading", "following", "title"),
    [
        # Lower case: the heading wraps.
        (
            "2. Information om den nya överenskommelsen om placeringar som gäller",
            "från och med januari",
            "Information om den nya överenskommelsen om placeringar som gäller "
            "från och med januari",
        ),
        # After a word that needs more.
        (
            "2. Uppföljning av den gemensamma överenskommelsen om samverkan med",
            "Region Skåne och kommunerna",
            "Uppföljning av den gemensamma överenskommelsen om samverkan med Region Skåne och "
            "kommunerna",
        ),
    ],
)
def test_a_wrapped_heading_still_joins_its_second_line(
    heading: str, following: str, title: str
) -> None:
    text = f"1. Inledning\nVälkomna.\n\n{heading}\n{following}\nVi gick igenom den.\n"
    assert _titles(text)[1] == title


def test_bullet_items_over_wrapped_paragraphs_beat_a_label_line_above_them() -> None:
    text = (
        "Dagordning och minnesanteckningar\n\n"
        "• Inledning\nAnna hälsar välkommen och går igenom dagordningen.\n\n"
        "• Uppföljning av hemtjänsten\n"
        "Henrik redogjorde för uppföljningen av hemtjänsten. Den visar att\n"
        "brukarna är nöjda men att kontinuiteten behöver bli bättre.\n\n"
        "• Ny riktlinje för trygghetslarm\nSkjuts upp till mötet i oktober.\n\n"
        "• Övrigt\nSofie informerade om att hon går i pension efter sommaren och att en\n"
        "en ersättare presenteras senare.\n"
    )
    assert _titles(text) == [
        "Inledning",
        "Uppföljning av hemtjänsten",
        "Ny riktlinje för trygghetslarm",
        "Övrigt",
    ]


def _assignments(text: str) -> list[tuple[str, str, str | None]]:
    return [(a.assignee, a.text, a.due) for item in _body(text).items for a in item.assignments]


def test_responsible_for_a_task_before_the_colon() -> None:
    text = (
        "1. Utvärdering\nRapporten diskuterades.\n"
        "Ansvarig för att ta fram en ny rutin: Henrik Holm, klart till 2024-09-01.\n"
        "Ansvarig för kontakten med regionen: Sofie Rask\n"
    )
    assert _assignments(text) == [
        ("Henrik Holm", "ta fram en ny rutin", "2024-09-01"),
        ("Sofie Rask", "kontakten med regionen", None),
    ]


def test_a_todo_row_that_restates_the_text_is_one_assignment() -> None:
    text = (
        "1. Riktlinjer\nSofie tar fram ett utkast till riktlinjer till nästa möte.\n\n"
        "2. Lokaler\nHenrik bokar lokalen.\n\n"
        "Att göra\nVad\tVem\tNär\n"
        "Utkast riktlinjer\tSofie\tnästa möte\n"
        "Skicka ut anteckningarna\tHenrik\t2024-05-21\n"
    )
    found = [(who, what) for who, what, _ in _assignments(text)]
    assert ("Sofie Rask", "Utkast riktlinjer") not in found
    assert ("Henrik Holm", "Skicka ut anteckningarna") in found
    assert sum(1 for who, _ in found if who == "Sofie Rask") == 1


def test_a_heading_opening_a_paragraph_is_an_item_even_under_an_agenda_list() -> None:
    text = (
        "Dagens agenda\nVälkommen\nBudget 2025\nLokalfrågan\nNuläget i kommunerna\nÖvrigt\n\n"
        "Välkommen\nAnna hälsade alla välkomna. Agendan godkändes.\n\n"
        "Budget 2025\nHenrik gick igenom förslaget till budget för nästa år.\n\n"
        "Lokalfrågan\nFrågan diskuterades utan att något bestämdes om lokalen.\n"
    )
    assert _titles(text)[:3] == ["Välkommen", "Budget 2025", "Lokalfrågan"]


@pytest.mark.parametrize(
    "content",
    [
        "Utgår – flyttas till träffen i maj.",
        "Utgår, föredraganden är sjuk. Tas upp nästa gång.",
        "Sofie hade förberett punkten men den hann inte behandlas. Tas upp vid nästa samråd.",
    ],
)
def test_more_ways_to_put_an_item_off(content: str) -> None:
    items = _body(f"1. Inledning\nVälkomna.\n2. Studiebesök\n{content}\n").items
    assert items[1].outcome == "carried_over"


def test_utgar_fran_is_no_deferral() -> None:
    items = _body("1. Inledning\nVälkomna.\n2. Budget\nUtgår från fjolårets nivå.\n").items
    assert items[1].outcome == "handled"


def test_dates_under_a_heading_of_coming_meetings() -> None:
    text = (
        "1. Inledning\nVälkomna.\n\n2. Kommande träffar\n"
        "15 augusti, 17 oktober och 12 december, alla kl. 9.30–11.00 i Karlstad.\n"
    )
    planned = [(p.date, p.start_time) for p in _body(text).planned_meetings]
    assert planned == [
        ("2024-08-15", "09:30"),
        ("2024-10-17", "09:30"),
        ("2024-12-12", "09:30"),
    ]


def test_the_next_consultation_is_a_planned_meeting() -> None:
    text = "1. Inledning\nVälkomna.\n\nNästa samråd: 5 december 2024 kl. 13.15–16.00, via Teams.\n"
    assert [p.date for p in _body(text).planned_meetings] == ["2024-12-05"]


def test_a_protocol_with_the_organs_abbreviation_and_a_file_number_per_paragraph() -> None:
    text = (
        "KS § 41                                        Dnr KS 2024/00112\n\n"
        "Val av justerare\n\n"
        "Kommunstyrelsens beslut\nKommunstyrelsen beslutar att utse Henrik Holm att justera.\n\n"
        "KS § 42\n\nRevidering av delegationsordningen\n\n"
        "Sammanfattning\nFörvaltningen har tagit fram ett förslag.\n\n"
        "Kommunstyrelsens beslut\n"
        "Kommunstyrelsen beslutar att bordlägga ärendet till sammanträdet den 7 juni 2024.\n"
    )
    body = _body(text)
    assert [(i.number, i.title) for i in body.items] == [
        ("41", "Val av justerare"),
        ("42", "Revidering av delegationsordningen"),
    ]
    assert body.items[1].outcome == "carried_over"
    assert [p.date for p in body.planned_meetings] == ["2024-06-07"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Riktlinjerna antogs 2019 och har nu setts över.",
        "Planen fastställdes i mars 2021 av fullmäktige.",
        "Kostnader för fritidsaktiviteter kan beviljas utöver riksnormen.",
    ],
)
def test_past_or_possible_decisions_are_not_this_meetings(sentence: str) -> None:
    assert _decisions(f"1. Riktlinjer\n{sentence}\n") == []


def test_a_party_letter_between_the_raiser_and_the_verb() -> None:
    text = (
        "1. Ekonomi\nBudgeten följdes upp.\n\n2. Övrigt\nHenrik Holm (C) tar upp frågan om jour.\n"
    )
    assert _raised(text, "Övrigt") == "Henrik Holm"


def test_a_round_of_parties_that_are_not_municipalities() -> None:
    text = (
        "1. Inledning\nVälkomna.\n\n2. Lägesbilder från parterna\n"
        "Polismyndigheten: Färre anmälda rån i centrum.\n"
        "Räddningstjänsten Syd: Färre anlagda bränder.\n"
        "Lundahem: Trygghetsvandringar genomförda.\n"
    )
    assert [r.organisation for r in _body(text).status_reports] == [
        "Polismyndigheten",
        "Räddningstjänsten Syd",
        "Lundahem",
    ]


def test_parties_without_a_rounds_title_are_no_round() -> None:
    text = (
        "1. Inledning\nVälkomna.\n\n2. Trygghet i centrum\n"
        "Räddningstjänsten Syd: Färre anlagda bränder.\nLundahem: Vandringar genomförda.\n"
    )
    assert _body(text).status_reports == []


@pytest.mark.parametrize(
    "content",
    [
        "Ärendet har väckts av Sofie Rask. Flera medlemmar har hört av sig.",
        "Sofie hade anmält punkten och gick igenom vägledningen.",
        "Punkten utgår då Sofie Rask som anmält punkten inte kunde närvara.",
        "Ärende från Eslöv (Sofie Rask). Behov av gemensam utbildning.",
    ],
)
def test_who_brought_the_item(content: str) -> None:
    text = f"1. Inledning\nVälkomna.\n\n2. Gemensam utbildning\n{content}\n"
    assert _raised(text, "Gemensam utbildning") == "Sofie Rask"


def test_dates_under_a_heading_of_the_years_meeting_dates() -> None:
    text = "1. Start\nVälkomna.\n\nMötesdatum 2025\n6 februari, 10 april och 5 juni, kl. 13–16.\n"
    assert [p.date for p in _body(text).planned_meetings] == [
        "2025-02-06",
        "2025-04-10",
        "2025-06-05",
    ]


def test_a_numbered_decision_list_wrapped_into_one_sentence() -> None:
    text = (
        "§ 43 Ekonomisk uppföljning\nBeslut\nVård- och omsorgsnämnden beslutar att\n"
        "1. godkänna ekonomisk uppföljning per april,\n"
        "2. uppdra åt förvaltningen att redovisa åtgärder i juni.\n"
        "§ 44 Övrigt\nInget.\n"
    )
    assert _decisions(text) == [
        "godkänna ekonomisk uppföljning per april",
        "uppdra åt förvaltningen att redovisa åtgärder i juni",
    ]


def test_another_bodys_decision_is_reported_not_taken() -> None:
    text = "1. Strategi\nStrategin antogs av kommunfullmäktige i april. Den gäller till 2027.\n"
    assert _decisions(text) == []


def test_a_round_with_parties_of_two_or_three_words() -> None:
    text = (
        "1. Inledning\nVälkomna.\n\n2. Lägesbild från verksamheterna\n"
        "Polisen: Färre anmälningar om skadegörelse.\n"
        "Vårdcentralen Eslöv: Fler unga söker för psykisk ohälsa.\n"
        "Svenska kyrkan Eslöv: Sommarcafé för äldre startar i juni.\n"
    )
    assert [r.organisation for r in _body(text).status_reports] == [
        "Polisen",
        "Vårdcentralen Eslöv",
        "Svenska kyrkan Eslöv",
    ]


def test_dates_in_a_table_under_a_sentence_below_the_cue() -> None:
    text = (
        "1. Inledning\nVälkomna.\n\n7. Mötestider 2025\n"
        "Beslöts att följande mötestider gäller. Alla möten hålls kl. 9.00–11.30.\n"
        "Datum | Plats\n5 februari | Teams\n23 april | Regionhuset, Kalmar\n"
    )
    planned = [(p.date, p.start_time) for p in _body(text).planned_meetings]
    assert planned == [("2025-02-05", "09:00"), ("2025-04-23", "09:00")]
