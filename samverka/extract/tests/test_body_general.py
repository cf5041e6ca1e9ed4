"""Body rules that must hold for layouts and wordings none of the seeds use.

Every snippet is synthetic; each test varies the wording of one pattern.
"""

from __future__ import annotations

import pytest

from samverka.extract.model import Participant, SourceText
from samverka.extract.parse.body import parse_body
from samverka.extract.parse.types import Body, Header

PEOPLE = [
    Participant(name="Per Ek", organisation="Bjuv"),
    Participant(name="Lisa Moberg", organisation="Klippan"),
    Participant(name="Annika Sjögren", organisation="Båstad"),
    Participant(name="Elin Wall", organisation="Perstorp"),
    Participant(name="Oskar Lund", organisation="Svalöv"),
]


def _parse(
    text: str, date: str | None = "2024-03-12", people: list[Participant] | None = None
) -> Body:
    source = SourceText(name="t.txt", sha256="", media_type="text/plain", text=text)
    header = Header(date=date, participants=PEOPLE if people is None else people)
    return parse_body(source, header)


def _decisions(body: Body) -> list[str]:
    return [d.text for item in body.items for d in item.decisions]


def _assignments(body: Body) -> list[tuple[str, str]]:
    return [(a.assignee, a.text) for item in body.items for a in item.assignments]


# --- items -----------------------------------------------------------------


def test_numbered_headings_in_capitals_are_items() -> None:
    body = _parse(
        "1. FÖREGÅENDE ANTECKNINGAR\nAnteckningarna gicks igenom.\n"
        "2. EKONOMISK UPPFÖLJNING\nUnderskottet minskar.\n"
        "3. ÖVRIGT\nInget att ta upp.\n"
    )
    assert [i.number for i in body.items] == ["1", "2", "3"]
    assert body.items[1].title == "EKONOMISK UPPFÖLJNING"


def test_ocr_letters_in_section_numbers_are_digits() -> None:
    body = _parse(
        "§ 29 Val av justerare\nPer Ek väljs att justera.\n"
        "§ 3O Budget 2025\nBudgeten gicks igenom.\n"
        "§ 3l Information om lokaler\nInformationen noteras.\n"
    )
    assert [(i.number, i.title) for i in body.items] == [
        ("29", "Val av justerare"),
        ("30", "Budget 2025"),
        ("31", "Information om lokaler"),
    ]


def test_a_section_number_with_its_title_on_the_next_line() -> None:
    body = _parse(
        "§ 12\nFastställande av dagordning\nDagordningen fastställs.\n\n"
        "§ 13\nDelårsrapport\nFörvaltningen redogör för rapporten.\n"
        "Folkhälsorådets beslut\nAtt lägga rapporten till handlingarna.\n\n"
        "§ 14\nÖvriga frågor\nInga övriga frågor.\n"
    )
    assert [(i.number, i.title) for i in body.items] == [
        ("12", "Fastställande av dagordning"),
        ("13", "Delårsrapport"),
        ("14", "Övriga frågor"),
    ]
    assert _decisions(body)[-1].startswith("lägga rapporten till handlingarna") or _decisions(body)[
        -1
    ].startswith("Att lägga rapporten")


def test_decision_labels_are_not_plain_items() -> None:
    body = _parse(
        "Budget\nBudgeten för nästa år presenteras av Per.\n\n"
        "Nämndens beslut\nAtt godkänna budgeten.\n\n"
        "Lokaler\nLokalfrågan diskuteras.\n"
    )
    assert [i.title for i in body.items] == ["Budget", "Lokaler"]


def test_a_punkt_prefix_is_not_part_of_the_title() -> None:
    body = _parse("## Punkt 3. Budget\nText om budgeten.\n\n## Punkt 4: Lokaler\nText.\n")
    assert [i.title for i in body.items] == ["Budget", "Lokaler"]


# --- decisions ---------------------------------------------------------------


def test_one_decision_per_att_clause_on_lines_after_the_lead_in() -> None:
    body = _parse(
        "§ 4 Årsredovisning\nÅrsredovisningen presenteras.\nStyrelsen beslutar\n"
        "att godkänna årsredovisningen för 2023,\natt överlämna den till medlemmarna.\n"
        "§ 5 Övrigt\nInget.\n"
    )
    assert _decisions(body) == [
        "att godkänna årsredovisningen för 2023",
        "att överlämna den till medlemmarna",
    ]


def test_one_decision_per_bullet_after_beslutar_att() -> None:
    body = _parse(
        "§ 7 Taxor\nKommunstyrelsen beslutar att\n- fastställa taxan för 2025,\n"
        "- uppdra åt förvaltningen att följa upp taxan.\n§ 8 Övrigt\nInget.\n"
    )
    assert _decisions(body) == [
        "fastställa taxan för 2025",
        "uppdra åt förvaltningen att följa upp taxan",
    ]


def test_inline_att_clauses_after_beslutar_are_separate_decisions() -> None:
    body = _parse(
        "§ 2 Riktlinjer\nNämnden beslutar att anta riktlinjerna, att ge förvaltningen i uppdrag "
        "att informera verksamheterna samt att följa upp arbetet i december.\n§ 3 Övrigt\nInget.\n"
    )
    texts = _decisions(body)
    assert len(texts) == 3
    assert texts[0].endswith("anta riktlinjerna")


def test_past_tense_decisions_and_elected_adjusters() -> None:
    body = _parse(
        "1. Mötets öppnande\nRådet beslutade att begära in en lägesbild från kommunerna.\n"
        "2. Justering\nLisa Moberg valdes att justera protokollet.\n"
        "3. Övrigt\nInget.\n"
    )
    texts = _decisions(body)
    assert any("begära in en lägesbild" in t for t in texts)
    assert any("valdes att justera" in t for t in texts)


def test_a_proposition_is_procedure_not_a_decision() -> None:
    body = _parse(
        "§ 9 Motion om lekplatser\nOrdföranden ställer proposition på förslagen och finner att "
        "nämnden bifaller arbetsutskottets förslag.\n"
        "Nämndens beslut\nAtt bifalla motionen.\n§ 10 Övrigt\nInget.\n"
    )
    texts = _decisions(body)
    assert len(texts) == 1
    assert "bifalla motionen" in texts[0]


def test_decisions_are_found_without_diacritics() -> None:
    body = _parse("§ 5 Lokaler\nArendet bordlaggs.\n§ 6 Budget\nBudgeten faststalls.\n")
    assert body.items[0].outcome == "carried_over"
    assert any("faststalls" in t for t in _decisions(body))


# --- carried over ------------------------------------------------------------


def test_a_referral_back_is_carried_over() -> None:
    body = _parse(
        "§ 3 Detaljplan\nÄrendet återremitteras till förvaltningen.\n"
        "§ 4 Taxa\nNämnden beslutar att återremittera ärendet.\n"
        "§ 5 Övrigt\nInget.\n"
    )
    assert [i.outcome for i in body.items] == ["carried_over", "carried_over", "handled"]


def test_a_report_due_next_meeting_is_an_assignment_not_a_deferral() -> None:
    body = _parse(
        "1. Ekonomi\nAnnika återkommer med redovisningen till nästa möte.\n"
        "2. Lokaler\nNätverket vill ha en redovisning av lokalbehovet till nästa möte.\n"
        "3. Övrigt\nInget.\n"
    )
    assert [i.outcome for i in body.items] == ["handled", "handled", "handled"]
    assert ("Annika Sjögren", "återkommer med redovisningen till nästa möte") in _assignments(body)


# --- assignments -------------------------------------------------------------


def test_assignees_named_by_title_resolve_against_the_attendance_list() -> None:
    text = (
        "Närvarande\nTomas Ek, förbundschef\nMaria Berg, kommundirektör\n\n"
        "1. Samverkansavtal\nFörbundschefen får i uppdrag att ta fram ett nytt avtal.\n"
        "2. Lokaler\nStyrelsen beslutar att uppdra åt kommundirektören att utreda lokalbehovet.\n"
        "3. Övrigt\nInget.\n"
    )
    people = [
        Participant(name="Tomas Ek", span=(text.index("Tomas"), text.index("\nMaria"))),
        Participant(name="Maria Berg", span=(text.index("Maria"), text.index("\n\n1."))),
    ]
    source = SourceText(name="t.txt", sha256="", media_type="text/plain", text=text)
    body = parse_body(
        source, Header(date="2024-03-12", participants=people, body_start=text.index("1."))
    )
    who = [a.assignee for a in body.items[0].assignments + body.items[1].assignments]
    assert who == ["Tomas Ek", "Maria Berg"]


def test_an_administration_can_be_the_assignee() -> None:
    body = _parse(
        "1. Skolskjuts\nNämnden beslutar att ge barn- och utbildningsförvaltningen i uppdrag att "
        "se över reglerna.\n2. Övrigt\nInget.\n"
    )
    assert _assignments(body) == [("barn- och utbildningsförvaltningen", "se över reglerna")]


def test_two_names_joined_by_och_get_one_assignment_each() -> None:
    body = _parse(
        "1. Lägesbild\nLisa M och Elin tar fram en lägesbild till maj.\n2. Övrigt\nInget.\n"
    )
    assert sorted(a for a, _ in _assignments(body)) == ["Elin Wall", "Lisa Moberg"]


def test_commitments_without_the_word_uppdrag() -> None:
    body = _parse(
        "1. Statistik\nOskar tar med frågan till regiongruppen och återkopplar.\n"
        "2. Uppföljning\nElin återrapporterar utfallet i december.\n"
        "3. Övrigt\nInget.\n"
    )
    found = _assignments(body)
    assert [a for a, _ in found] == ["Oskar Lund", "Elin Wall"]
    assert body.items[1].assignments[0].due == "2024-12"


def test_an_action_label_and_a_decision_naming_a_person_are_assignments() -> None:
    body = _parse(
        "1. Arbetsgrupp\nBeslut: att Per Ek sammankallar en arbetsgrupp om hemtjänst.\n"
        "2. Statistik\nÅTGÄRD: Lisa Moberg stämmer av siffrorna med regionen.\n"
        "3. Övrigt\nInget.\n"
    )
    assert [a for a, _ in _assignments(body)] == ["Per Ek", "Lisa Moberg"]


# --- raised by ---------------------------------------------------------------


def test_raised_by_verbs_in_other_tenses_and_passive() -> None:
    body = _parse(
        "Hemtjänst\nFrågan lyftes av Elin som ser ökade köer.\n\n"
        "Skolskjuts\nOskar lyfte frågan om reglerna.\n\n"
        "Bemanning\nLisa Moberg tog upp behovet av fler handläggare.\n\n"
        "Statistik\nPer väckte frågan om en gemensam mall.\n"
    )
    assert [i.raised_by for i in body.items] == ["Elin Wall", "Oskar Lund", "Lisa Moberg", "Per Ek"]


def test_a_presenter_in_a_section_protocol_raised_nothing() -> None:
    body = _parse(
        "§ 4 Ekonomisk uppföljning\nPer Ek redovisar utfallet per april.\n§ 5 Övrigt\nInget.\n"
    )
    assert body.items[0].raised_by is None


# --- status reports ----------------------------------------------------------


def test_a_round_keyed_by_kommun() -> None:
    body = _parse(
        "1. Läget i kommunerna\nBjuvs kommun: fler orosanmälningar.\nKlippans kommun: stabilt.\n"
        "Båstad kommun: ökade kostnader.\n2. Övrigt\nInget.\n"
    )
    assert len(body.status_reports) == 3


# --- planned meetings --------------------------------------------------------


def _dates(body: Body) -> list[str]:
    return sorted(p.date for p in body.planned_meetings)


def test_a_list_of_dates_on_one_line_with_time_and_place_after_it() -> None:
    body = _parse(
        "1. Mötesplan\nKommande mötesdatum: 10/9, 15/10, 19/11\n"
        "Mötena hålls kl. 09.30-12.00 i Regionhuset.\n2. Övrigt\nInget.\n"
    )
    assert _dates(body) == ["2024-09-10", "2024-10-15", "2024-11-19"]
    assert {p.start_time for p in body.planned_meetings} == {"09:30"}
    assert {p.place for p in body.planned_meetings} == {"Regionhuset"}


def test_a_year_in_the_heading_and_places_in_brackets() -> None:
    body = _parse(
        "1. Övrigt\nKommande möten 2025: 14/5 (Ulricehamn), 17/9 (Mark)\n", date="2024-11-20"
    )
    assert _dates(body) == ["2025-05-14", "2025-09-17"]
    assert {p.place for p in body.planned_meetings} == {"Ulricehamn", "Mark"}


def test_meeting_days_listed_in_a_sentence() -> None:
    body = _parse(
        "§ 8 Sammanträdesplan\nNämnden beslutar att fastställa följande sammanträdesdagar för "
        "2025: 7 februari, 17 april, 18 september och 13 november.\n§ 9 Övrigt\nInget.\n",
        date="2024-12-01",
    )
    assert _dates(body) == ["2025-02-07", "2025-04-17", "2025-09-18", "2025-11-13"]


def test_the_last_meeting_of_the_term() -> None:
    body = _parse("1. Övrigt\nTerminens sista möte blir 11 juni kl. 13–15 digitalt.\n")
    assert _dates(body) == ["2024-06-11"]
    assert body.planned_meetings[0].start_time == "13:00"


def test_a_next_meeting_point_with_the_date_and_full_place_on_the_next_line() -> None:
    body = _parse(
        "Punkt 5. Övrigt\nInget.\nPunkt 6. Nästa möte\nMåndag 3 juni kl. 14.00 på Folkets hus.\n"
    )
    assert _dates(body) == ["2024-06-03"]
    assert body.planned_meetings[0].place == "Folkets hus"
    assert body.planned_meetings[0].start_time == "14:00"


# --- the same patterns in other words ------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "raiser"),
    [
        ("Frågan togs upp av Oskar Lund som vill se en gemensam rutin.", "Oskar Lund"),
        ("Punkten väcktes av Per inför mötet.", "Per Ek"),
        ("Lisa Moberg tar upp frågan om jourhem.", "Lisa Moberg"),
        ("Elin Wall väcker frågan om en gemensam mall.", "Elin Wall"),
        ("Annika lyfte att väntetiderna ökar.", "Annika Sjögren"),
        ("Ärendet anmäldes av Per Ek.", "Per Ek"),
    ],
)
def test_raisers_in_other_words(sentence: str, raiser: str) -> None:
    body = _parse(f"Jourhem\n{sentence}\n\nÖvrigt\nInget.\n")
    assert body.items[0].raised_by == raiser


@pytest.mark.parametrize(
    ("sentence", "assignees"),
    [
        ("Per Ek återkopplar till gruppen i maj.", ["Per Ek"]),
        ("Annika och Elin återkommer med ett förslag i oktober.", ["Annika Sjögren", "Elin Wall"]),
        ("Oskar Lund tar med sig frågan till ledningsgruppen.", ["Oskar Lund"]),
        ("Lisa rapporterar tillbaka på nästa möte.", ["Lisa Moberg"]),
        ("Beslut: att Elin sammanställer svaren från kommunerna.", ["Elin Wall"]),
        ("Socialförvaltningen får i uppdrag att ta fram en rutin.", ["Socialförvaltningen"]),
        ("Arbetsgruppen ges i uppdrag att se över avtalet.", ["Arbetsgruppen"]),
        ("Åtgärd: Oskar bokar lokal för nästa träff.", ["Oskar Lund"]),
    ],
)
def test_assignments_in_other_words(sentence: str, assignees: list[str]) -> None:
    body = _parse(f"1. Uppföljning\n{sentence}\n2. Övrigt\nInget.\n")
    assert sorted(a.assignee for a in body.items[0].assignments) == assignees
    assert body.items[0].outcome == "handled"


@pytest.mark.parametrize(
    "sentence",
    [
        "Arbetsutskottet beslöt att skjuta på investeringen till hösten.",
        "Det beslutades att bjuda in regionen.",
        "Beslöts att godkänna verksamhetsplanen.",
        "Till justerare valdes Per Ek.",
        "Nämnden beslutar enligt förvaltningens förslag.",
    ],
)
def test_decisions_in_other_words(sentence: str) -> None:
    body = _parse(f"§ 5 Verksamhetsplan\n{sentence}\n§ 6 Övrigt\nInget.\n")
    assert len(body.items[0].decisions) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "Ordföranden frågar om nämnden kan bifalla förslaget och finner att så är fallet.",
        "Ordföranden ställer förslagen mot varandra och finner att nämnden beslutat enligt "
        "förslaget.",
    ],
)
def test_procedure_is_no_decision(sentence: str) -> None:
    body = _parse(f"§ 5 Motion\n{sentence}\n§ 6 Övrigt\nInget.\n")
    assert body.items[0].decisions == []


@pytest.mark.parametrize(
    ("sentence", "carried"),
    [
        ("Punkten återremitterades till arbetsutskottet.", True),
        ("Frågan bordlades.", True),
        ("Arendet utgick.", True),
        ("Per återrapporterar till nästa möte.", False),
        ("Förvaltningen får i uppdrag att redovisa kostnaderna till nästa möte.", False),
        ("Gruppen begär en lägesrapport till nästa möte.", False),
        ("Diskussionen fortsätter på nästa möte.", True),
        ("Frågan får vänta till nästa möte.", True),
        ("Ärendet tas upp igen på kommande sammanträde.", True),
        ("Punkten sköts upp.", True),
        ("Punkten hann vi inte med.", True),
        ("Per fortsätter arbetet och redovisar på nästa möte.", False),
        ("Vi kan fortsätta diskussionen på nästa möte om tid finns.", False),
    ],
)
def test_deferrals_in_other_words(sentence: str, carried: bool) -> None:
    body = _parse(f"1. Kostnader\n{sentence}\n2. Övrigt\nInget.\n")
    assert (body.items[0].outcome == "carried_over") is carried


@pytest.mark.parametrize(
    ("line", "dates"),
    [
        ("Nästa möte: 2024-05-20 kl. 13–15 i Stadshuset, rum Viskan.", ["2024-05-20"]),
        (
            "Mötesdatum hösten 2024: 12 september, 10 oktober och 14 november.",
            ["2024-09-12", "2024-10-10", "2024-11-14"],
        ),
        ("Kommande träffar: 5/9 och 3/10 kl. 9-12", ["2024-09-05", "2024-10-03"]),
        ("Årets sista möte är den 10 december.", ["2024-12-10"]),
        ("Vårens första träff blir 4/2 2025 i Bjuv.", ["2025-02-04"]),
    ],
)
def test_planned_meetings_in_other_words(line: str, dates: list[str]) -> None:
    body = _parse(f"1. Mötesplanering\n{line}\n2. Övrigt\nInget.\n")
    assert _dates(body) == dates


@pytest.mark.parametrize(
    ("text", "raiser", "title"),
    [
        ("Jourhem (Elin Wall)\nBehovet ökar.\n", "Elin Wall", "Jourhem"),
        ("## Jourhem (Oskar, Svalöv)\nBehovet ökar.\n", "Oskar Lund", "Jourhem"),
        ("1. Jourhem (Per Ek)\nBehovet ökar.\n", "Per Ek", "Jourhem"),
        ("Jourhem\nAnmält av Lisa Moberg. Behovet ökar.\n", "Lisa Moberg", "Jourhem"),
        ("Jourhem\nAnnika vill ta upp behovet av jourhem.\n", "Annika Sjögren", "Jourhem"),
        ("Jourhem (Region Skåne)\nBehovet ökar.\n", None, "Jourhem (Region Skåne)"),
    ],
)
def test_raisers_named_beside_the_title(text: str, raiser: str | None, title: str) -> None:
    rest = "2. Övrigt\nInget.\n" if text.startswith("1.") else "\nÖvrigt\nInget.\n"
    body = _parse(text + rest)
    assert (body.items[0].title, body.items[0].raised_by) == (title, raiser)


def test_a_proposal_is_not_the_decision() -> None:
    body = _parse(
        "§ 5 Budget\nFörvaltningen föreslår att nämnden beslutar att godkänna budgeten.\n"
        "Nämndens beslut\nAtt godkänna budgeten.\n"
        "§ 6 Taxor\nArbetsutskottets förslag till beslut: att höja taxan.\n"
        "Beslut\nNämnden beslutar enligt arbetsutskottets förslag.\n"
    )
    assert _decisions(body) == [
        "Att godkänna budgeten",
        "Nämnden beslutar enligt arbetsutskottets förslag",
    ]


def test_a_question_referred_to_the_next_meeting_is_carried_over() -> None:
    body = _parse("1. Lokaler\nFrågan hänskjuts till nästa möte.\n2. Övrigt\nInget.\n")
    assert body.items[0].outcome == "carried_over"


def test_a_lone_label_before_numbered_items_does_not_hide_them() -> None:
    body = _parse(
        "Dagordning\n1. Mötets öppnande\n2. Budget\n3. Övrigt\n\n"
        "1. Mötets öppnande\nOrdföranden öppnade mötet.\n"
        "2. Budget\nBeslut: att godkänna budgeten.\n3. Övrigt\nInget.\n"
    )
    assert [(i.number, i.title) for i in body.items] == [
        ("1", "Mötets öppnande"),
        ("2", "Budget"),
        ("3", "Övrigt"),
    ]
    assert body.items[1].decisions[0].text == "att godkänna budgeten"


def test_numbered_headings_that_lost_their_dot() -> None:
    body = _parse(
        "1 Mötets öppnande\nOrdföranden öppnade mötet.\n2 Val av justerare\n"
        "Per Ek valdes att justera.\n3 Budget\nI dag finns 3 förslag.\n4 Övrigt\nInget.\n"
    )
    assert [(i.number, i.title) for i in body.items] == [
        ("1", "Mötets öppnande"),
        ("2", "Val av justerare"),
        ("3", "Budget"),
        ("4", "Övrigt"),
    ]


def test_numbered_decisions_under_a_label_are_no_items() -> None:
    body = _parse(
        "1. Plan\nPlanen presenteras.\nBeslut\n1. Planen godkänns.\n"
        "2. Per får i uppdrag att skicka den till kommunerna.\n2. Övrigt\nInget.\n"
    )
    assert [(i.number, i.title) for i in body.items] == [("1", "Plan"), ("2", "Övrigt")]
    assert _decisions(body) == [
        "Planen godkänns",
        "Per får i uppdrag att skicka den till kommunerna",
    ]
    assert [a.assignee for a in body.items[0].assignments] == ["Per Ek"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Förslaget godkändes.",
        "Ansökan beviljades.",
        "Motionen avslogs.",
        "Beslutet blev att avvakta.",
    ],
)
def test_decisions_in_the_past_passive(sentence: str) -> None:
    body = _parse(f"1. Plan\n{sentence}\n2. Övrigt\nInget.\n")
    assert len(body.items[0].decisions) == 1
