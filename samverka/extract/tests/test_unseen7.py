"""Rules from a seventh round of unseen minutes (other networks and bodies), one per test.

Every snippet is invented and worded differently from the minutes that showed
the pattern.
"""

from __future__ import annotations

from samverka.extract import parse
from samverka.extract.model import Minutes, SourceText


def _parse(text: str, media_type: str = "text/plain") -> Minutes:
    return parse(SourceText(name="t", sha256="", media_type=media_type, text=text))


def _names(minutes: Minutes) -> list[str]:
    return [p.name for p in minutes.participants]


def _assigned(minutes: Minutes) -> list[tuple[str, str]]:
    return [(a.assignee, a.text) for item in minutes.items for a in item.assignments]


def test_markdown_bold_labels_and_lists_are_read_as_attendance() -> None:
    text = (
        "# Styrgruppen för ungdomsmottagningarna – anteckningar\n\n"
        "Onsdag den 9 oktober 2024, kl. 13.00–15.00\n\n"
        "**Deltagare**\n\n"
        "- Ylva Norén, Umeå kommun, ordförande\n"
        "- Oskar Lind, Vännäs kommun\n"
        "- Petra Åkerlund, Region Västerbotten\n\n"
        "**Frånvarande:** Nils Berg, Robertsfors kommun\n\n"
        "**1. Mötets öppnande**\nYlva hälsade välkommen.\n"
    )
    minutes = _parse(text, media_type="text/markdown")
    assert _names(minutes) == ["Ylva Norén", "Oskar Lind", "Petra Åkerlund", "Nils Berg"]
    assert minutes.participants[3].status == "absent"
    assert minutes.title == "Styrgruppen för ungdomsmottagningarna – anteckningar"
    # The spans still point into the text as written, marks and all.
    first = minutes.participants[0]
    assert text[first.span[0] : first.span[1]].startswith("Ylva Norén")


def test_a_round_written_as_sentences_under_a_round_title() -> None:
    text = (
        "Minnesanteckningar vattennätverket 2024-05-02\n\n"
        "1. Läget i kommunerna\n"
        "Lena berättade att provtagningen är klar. Skellefteå har bytt två ledningar "
        "under våren. Lycksele ser ett ökat behov av reservvatten.\n"
        "- Vilhelmina rapporterar att reningsverket byggs om.\n\n"
        "2. Övrigt\nInget.\n"
    )
    reports = _parse(text).status_reports
    assert [r.organisation for r in reports] == ["Skellefteå", "Lycksele", "Vilhelmina"]
    assert reports[1].text.startswith("Lycksele ser ett ökat behov")


def test_sentences_naming_municipalities_without_a_round_title_are_no_round() -> None:
    text = (
        "Minnesanteckningar vattennätverket 2024-05-02\n\n"
        "1. Reservvatten\n"
        "Skellefteå har bytt två ledningar. Lycksele ser ett ökat behov av reservvatten.\n"
    )
    assert _parse(text).status_reports == []


def test_meeting_times_decided_in_an_item_become_planned_meetings() -> None:
    text = (
        "Protokoll förbundsstyrelsen 2024-11-19\n\n"
        "§ 7 Sammanträdestider våren 2025\n"
        "Styrelsen beslutade att sammanträda onsdagen den 5 februari, onsdagen den "
        "2 april och onsdagen den 4 juni 2025, samtliga kl. 13.00.\n"
    )
    dates = [p.date for p in _parse(text).planned_meetings]
    assert dates == ["2025-02-05", "2025-04-02", "2025-06-04"]


def test_a_meeting_cued_again_later_on_the_next_meeting_line() -> None:
    text = (
        "Minnesanteckningar IT-nätverket 2024-10-01\n\n"
        "1. Nästa möte\n"
        "Tisdag 3 december kl. 10–12 i Falun. Därefter digitalt möte den 11 februari 2025.\n"
    )
    dates = [p.date for p in _parse(text).planned_meetings]
    assert dates == ["2024-12-03", "2025-02-11"]


def test_a_season_line_continues_a_list_of_meeting_dates() -> None:
    text = (
        "Minnesanteckningar kulturnätverket 2024-01-17\n\n"
        "5. Kommande möten\n"
        "14 mars kl. 9–11, Teams\n"
        "Hösten: 19 september (Nora) och 21 november kl. 9–11.\n"
    )
    dates = [p.date for p in _parse(text).planned_meetings]
    assert dates == ["2024-03-14", "2024-09-19", "2024-11-21"]


HEAD = (
    "Minnesanteckningar skolnätverket 2024-04-03\n\n"
    "Närvarande: Tove Lind, Gävle; Rasmus Öst, Sandviken; Malin Berg, Hofors\n\n"
)


def test_an_action_label_gives_the_task_whatever_the_verb() -> None:
    text = HEAD + (
        "1. Läromedel\n"
        "Åtgärd: Rasmus Öst lyfter frågan om gemensam upphandling i rektorsgruppen.\n"
        "Åtgärd: Samtliga kommuner skickar in sina avtal före jul.\n"
    )
    assert _assigned(_parse(text)) == [
        ("Rasmus Öst", "lyfter frågan om gemensam upphandling i rektorsgruppen"),
        ("Samtliga kommuner", "skickar in sina avtal före jul"),
    ]


def test_a_list_line_gives_a_person_a_task_in_the_infinitive() -> None:
    text = HEAD + (
        "1. Uppdrag från mötet\n"
        "- Tove Lind – boka lokal för vårens konferens.\n"
        "- Malin Berg och Rasmus Öst – sammanställa enkätsvaren till nästa möte.\n"
        "- Rasmus Öst – ordförande i arbetsgruppen.\n"
    )
    assert [who for who, _ in _assigned(_parse(text))] == ["Tove Lind", "Malin Berg", "Rasmus Öst"]


def test_a_group_in_a_to_do_table_is_the_assignee_as_written() -> None:
    text = HEAD + (
        "1. Att göra\n"
        "| Åtgärd | Ansvarig | Klart |\n"
        "|---|---|---|\n"
        "| Svara på enkäten | Alla kommuner | 30 april |\n"
    )
    assert _assigned(_parse(text)) == [("Alla kommuner", "Svara på enkäten")]


def test_the_title_line_names_the_document_under_a_letterhead() -> None:
    for title in (
        "Minnesanteckningar – Regionala nätverket för fritidschefer",
        "Fritidschefsnätverket Jämtland – minnesanteckningar",
    ):
        text = f"Region Jämtlands län\n{title}\nDatum: 2024-03-05\n\n1. Inledning\nInget.\n"
        assert _parse(text).title == title


def test_a_signature_field_at_the_end_does_not_swallow_the_items() -> None:
    text = (
        "Region Gävleborg\n"
        "GIS-nätverket Gävleborg – minnesanteckningar\n\n"
        "Mötesdatum: tisdag 6 februari 2024\n"
        "Tid: 13:00–15:00\n"
        "Plats: Stadshuset, Gävle\n\n"
        "Deltagare\nEbba Lund (Gävle) – ordförande\nJonas Falk (Hofors)\nMira Ek (Ockelbo)\n\n"
        "Förhinder: Nordanstig, Ljusdal\n\n"
        "KARTUNDERLAG\nEbba visade det nya kartunderlaget för hela länet, som nu finns "
        "i den gemensamma portalen. Flera kommuner vill ha utbildning i verktyget.\n\n"
        "LICENSER\nLicenserna förnyas i maj. Kostnaden delas lika mellan kommunerna, "
        "enligt den fördelning som gällt sedan 2021.\n\n"
        "UTBILDNING\nJonas undersöker om leverantören kan hålla en kurs under hösten, "
        "gärna på plats i Gävle med två tillfällen.\n\n"
        "Sekreterare: Mira Ek\n"
    )
    minutes = _parse(text)
    assert [item.title for item in minutes.items] == ["KARTUNDERLAG", "LICENSER", "UTBILDNING"]
    assert minutes.minute_taker == "Mira Ek"


def test_a_proposal_granted_and_an_agenda_approved_are_decisions() -> None:
    text = (
        "Minnesanteckningar biblioteksnätverket 2024-05-20\n\n"
        "1. Dagordning\nMötet godkände dagordningen.\n\n"
        "2. Gemensam kampanj\nFörslag om en gemensam läsfrämjande kampanj. Förslaget bifölls.\n\n"
        "3. Omvärld\nDen 3 maj godkände riksdagen den nya bibliotekslagen.\n"
    )
    decided = [d.text for item in _parse(text).items for d in item.decisions]
    assert decided == ["Mötet godkände dagordningen", "Förslaget bifölls"]


def test_an_ordinal_in_a_role_and_a_name_with_two_capitals() -> None:
    text = (
        "PROTOKOLL\nSocialnämndens arbetsutskott 2024-03-12\n\n"
        "Beslutande      AnnMarie Holm (S), ordförande\n"
        "                Lars Ek (M), 1:e vice ordförande\n"
        "                Eva Sten (C)\n\n"
        "§ 1 Val av justerare\nEva Sten utses att justera.\n"
    )
    minutes = _parse(text)
    assert _names(minutes) == ["AnnMarie Holm", "Lars Ek", "Eva Sten"]
    assert minutes.participants[1].role == "vice ordförande"


def test_a_place_and_a_season_on_two_lines_are_nobody_raising_the_item() -> None:
    text = (
        "Minnesanteckningar kulturnätverket 2024-01-17\n\n"
        "5. Kommande möten\n"
        "14 mars kl. 9–11, Zoom\n"
        "Våren: 16 maj.\n"
    )
    assert [item.raised_by for item in _parse(text).items] == [None]


def test_declaring_a_conflict_of_interest_raises_nothing() -> None:
    text = (
        "PROTOKOLL\nByggnadsnämndens arbetsutskott 2024-03-12\n\n"
        "Beslutande: Eva Sten (C), ordförande; Lars Ek (M)\n\n"
        "§ 3 Val av justerare\nEva Sten utses att justera.\n\n"
        "§ 4 Bygglov för förråd\n"
        "Lars Ek (M) anmäler jäv och deltar inte i handläggningen.\n"
        "Arbetsutskottet beslutar att bevilja bygglov.\n"
    )
    items = _parse(text).items
    assert [(item.title, item.raised_by) for item in items] == [
        ("Val av justerare", None),
        ("Bygglov för förråd", None),
    ]


def test_a_capitals_title_runs_on_past_the_document_type() -> None:
    text = "MINNESANTECKNINGAR FRÅN ARKIVARIETRÄFFEN\n\nDatum: 2024-10-02\n\n1. Inledning\nInget.\n"
    assert _parse(text).title == "MINNESANTECKNINGAR FRÅN ARKIVARIETRÄFFEN"


def test_at_the_keyboard_names_the_minute_taker() -> None:
    text = (
        "Minnesanteckningar arkivnätverket 2024-10-02\n\n"
        "Närvarande: Lena Holm, Gävle; Per Ek, Hofors\n\n"
        "1. Inledning\nInget.\n\n"
        "Vid tangentbordet: Per Ek\n"
    )
    assert _parse(text).minute_taker == "Per Ek"


def test_a_plural_label_with_its_list_on_the_same_line() -> None:
    text = (
        "Skolkuratorsnätverket i Västmanland\n\n"
        "Datum: 2024-09-10\n\n"
        "Kuratorer: Anna Lind-Köping, Per Al-Amin-Sala, Eva Berg-Norberg\n"
        "Övriga: Lisa Holm, Region Västmanland\n\n"
        "1. Välkomna\nAnna hälsade välkommen.\n"
    )
    minutes = _parse(text)
    assert [(p.name, p.organisation) for p in minutes.participants] == [
        ("Anna Lind", "Köping"),
        ("Per Al-Amin", "Sala"),
        ("Eva Berg", "Norberg"),
        ("Lisa Holm", "Region Västmanland"),
    ]


def test_we_were_and_names_slashed_to_their_municipality() -> None:
    text = (
        "Hej alla!\n\n"
        "Här kommer anteckningarna från vår träff den 4 mars 2024 i Kalmar.\n\n"
        "Vi var: Ida Nord/Kalmar, Olle Ström/Nybro och Siv Ek/Torsås.\n"
        "Förhinder: Jan Bo/Emmaboda.\n\n"
        "1. Arkivfrågor\nIda visade den nya arkivplanen.\n"
    )
    minutes = _parse(text)
    assert [(p.name, p.organisation, p.status) for p in minutes.participants] == [
        ("Ida Nord", "Kalmar", "present"),
        ("Olle Ström", "Nybro", "present"),
        ("Siv Ek", "Torsås", "present"),
        ("Jan Bo", "Emmaboda", "absent"),
    ]


COLON_MINUTES = (
    "Minnesanteckningar från styrgruppen för avfallssamverkan\n\n"
    "Mötet hölls den 3 april 2024 i Lysekil. Närvarande var Eva Holm och Lars Ek från "
    "Lysekil, Stina Berg från Sotenäs samt Omar Said från Munkedal.\n\n"
    "Föregående anteckningar:\n"
    "Godkändes.\n\n"
    "Läget i kommunerna:\n"
    "Lysekil (Eva): Ny sorteringsanläggning tas i drift i maj.\n"
    "Sotenäs (Stina): Upphandlingen av insamling är överklagad.\n"
    "Munkedal (Omar): Inget nytt.\n\n"
    "Matavfall i fritidshus:\n"
    "Gruppen diskuterade hämtning under sommaren.\n\n"
    "Beslut:\n"
    "Lars tar fram ett förslag till nästa möte.\n"
)


def test_headings_that_end_in_a_colon_are_the_items() -> None:
    titles = [item.title for item in _parse(COLON_MINUTES).items]
    assert titles == ["Föregående anteckningar", "Läget i kommunerna", "Matavfall i fritidshus"]


def test_attendance_in_a_sentence_names_and_their_municipalities() -> None:
    minutes = _parse(COLON_MINUTES)
    assert [(p.name, p.organisation) for p in minutes.participants] == [
        ("Eva Holm", "Lysekil"),
        ("Lars Ek", "Lysekil"),
        ("Stina Berg", "Sotenäs"),
        ("Omar Said", "Munkedal"),
    ]


def test_a_round_line_may_name_its_reporter_in_brackets() -> None:
    reports = _parse(COLON_MINUTES).status_reports
    assert [(r.organisation, r.text) for r in reports] == [
        ("Lysekil", "Ny sorteringsanläggning tas i drift i maj."),
        ("Sotenäs", "Upphandlingen av insamling är överklagad."),
        ("Munkedal", "Inget nytt."),
    ]


def test_a_round_written_as_a_table() -> None:
    text = (
        "Minnesanteckningar fritidsnätverket 2024-02-20\n\n"
        "1. Läget hos oss\n\n"
        "| Kommun | Hur det går |\n"
        "|---|---|\n"
        "| Motala | Nya öppettider på fritidsgården. |\n"
        "| Vadstena | Inget nytt. |\n"
        "| Ödeshög | Söker ny fritidsledare. |\n\n"
        "2. Övrigt\nInget.\n"
    )
    reports = _parse(text).status_reports
    assert [(r.organisation, r.text) for r in reports] == [
        ("Motala", "Nya öppettider på fritidsgården."),
        ("Vadstena", "Inget nytt."),
        ("Ödeshög", "Söker ny fritidsledare."),
    ]


def test_the_place_in_a_sentence_after_the_time() -> None:
    text = (
        "Minnesanteckningar från styrgruppen\n\n"
        "Mötet hölls kl. 13.00–15.30 i Tanums kommunhus, Skolgatan 3, rum Vitlycke.\n\n"
        "1. Inledning\nInget.\n"
    )
    assert _parse(text).place == "Tanums kommunhus, Skolgatan 3, rum Vitlycke"


def test_a_column_of_initials_before_the_names() -> None:
    text = (
        "Minnesanteckningar 2024-10-08 | 13.00–15.00 | Teams\n\n"
        "Deltagare\n"
        "ALu   Anna Lund           Kalmar kommun, ordförande\n"
        "POE   Per-Olof Ek         Nybro kommun\n"
        "SBe   Sara Berg-Mora      Torsås kommun\n"
        "MH    Maja Holm           Region Kalmar län, sekreterare\n\n"
        "1. Inledning\nALu hälsade välkommen.\n"
    )
    minutes = _parse(text)
    assert [(p.name, p.organisation) for p in minutes.participants] == [
        ("Anna Lund", "Kalmar"),
        ("Per-Olof Ek", "Nybro"),
        ("Sara Berg-Mora", "Torsås"),
        ("Maja Holm", "Region Kalmar län"),
    ]
    # The initials in the body stay as written.
    assert "ALu hälsade välkommen" in minutes.items[0].text


def test_initials_in_the_body_name_the_participant() -> None:
    text = (
        "Minnesanteckningar äldreomsorgsnätverket 2024-10-08\n\n"
        "Närvarande: Annika Lövgren, Mjölby; Per-Olof Ek, Boxholm; Sara Berg, Ödeshög\n\n"
        "1. Korttidsplatser\n"
        "Platserna flyttas under våren. AL återkommer med en skriftlig redogörelse.\n"
        "POE tar fram en jämförelse av kostnaderna.\n"
    )
    assert [who for who, _ in _assigned(_parse(text))] == ["Annika Lövgren", "Per-Olof Ek"]


def test_initials_after_a_minute_taker_cue() -> None:
    text = (
        "Minnesanteckningar äldreomsorgsnätverket 2024-10-08\n\n"
        "Närvarande: Annika Lövgren, Mjölby; Per-Olof Ek, Boxholm; Sara Berg, Ödeshög\n\n"
        "1. Korttidsplatser\nPlatserna flyttas under våren.\n\n"
        "Antecknat av SBe\n"
    )
    assert _parse(text).minute_taker == "Sara Berg"


def test_a_table_aligned_with_spaces_gives_each_person_the_organisation_column() -> None:
    text = (
        "Minnesanteckningar IFO-nätverket 2025-03-11\n\n"
        "Deltagare\n"
        "Namn                 Kommun           Funktion\n"
        "Eva Holm             Kinda            IFO-chef\n"
        "Per Lund             Ydre             socialchef, ordförande\n"
        "Sara Ek              Boxholm          enhetschef barn och unga\n\n"
        "1. Nuläge\nInget nytt.\n"
    )
    minutes = _parse(text)
    assert [(p.name, p.organisation, p.role) for p in minutes.participants] == [
        ("Eva Holm", "Kinda", None),
        ("Per Lund", "Ydre", "ordförande"),
        ("Sara Ek", "Boxholm", None),
    ]


def test_under_a_bodys_heading_an_unknown_word_after_the_name_is_no_organisation() -> None:
    text = (
        "Minnesanteckningar beroendenätverket 2025-03-20\n\n"
        "Deltagare:\n"
        "Gagnef: Lisa Berg\n"
        "Region Dalarna: Omar Lind, beroendemottagningen; Eva Kurt, utvecklingsledare\n\n"
        "1. Nuläge\nInget nytt.\n"
    )
    minutes = _parse(text)
    assert [(p.name, p.organisation) for p in minutes.participants] == [
        ("Lisa Berg", "Gagnef"),
        ("Omar Lind", "Region Dalarna"),
        ("Eva Kurt", "Region Dalarna"),
    ]


def test_a_sentence_about_who_led_the_meeting_gives_the_chair() -> None:
    text = (
        "Minnesanteckningar arkivnätverket 2024-10-02\n\n"
        "Vi var: Lena Holm/Gävle, Per Ek/Hofors och Sara Berg/Ockelbo. Lena var "
        "ordförande för dagen.\n\n"
        "1. Inledning\nInget.\n"
    )
    assert [(p.name, p.role) for p in _parse(text).participants] == [
        ("Lena Holm", "ordförande"),
        ("Per Ek", None),
        ("Sara Berg", None),
    ]
    led = text.replace("Lena var ordförande för dagen.", "Per ledde mötet.")
    assert [p.role for p in _parse(led).participants] == [None, "ordförande", None]
