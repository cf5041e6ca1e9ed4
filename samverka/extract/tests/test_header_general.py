"""The header pass on layouts it was not fitted to, one general rule per test.

Every snippet is invented (people, bodies and wording), written to vary the
patterns seen on unseen minutes rather than to copy any one document.
"""

from __future__ import annotations

import pytest

from samverka.extract.dates import find_dates, find_time_ranges
from samverka.extract.model import SourceText
from samverka.extract.orgs import resolve_organisation
from samverka.extract.parse.header import parse_header
from samverka.extract.parse.types import Header

Row = tuple[str, str | None, str | None, str]


def _header(text: str) -> Header:
    return parse_header(SourceText("t.txt", "0", "text/plain", text))


def _people(text: str) -> list[Row]:
    return [(p.name, p.organisation, p.role, p.status) for p in _header(text).participants]


def _person(text: str, name: str) -> Row:
    rows = [r for r in _people(text) if r[0] == name]
    assert len(rows) == 1, (name, _people(text))
    return rows[0]


# --- 1. labels in capitals, labels without diacritics ---------------------------------


@pytest.mark.parametrize(
    ("present", "absent", "guest"),
    [
        ("DELTAGARE", "EJ NÄRVARANDE", "GÄSTER"),
        ("NÄRVARANDE:", "FRÅNVARANDE:", "INBJUDNA:"),
        ("Narvarande:", "Franvarande:", "Gaster:"),
        ("Närvarande ledamöter", "Anmält förhinder", "Inbjuden"),
    ],
)
def test_attendance_labels_in_any_case_or_without_diacritics(
    present: str, absent: str, guest: str
) -> None:
    text = (
        f"MINNESANTECKNINGAR\nDatum: 2024-03-14\n{present}\nAnna Berg, Kalmar kommun\n"
        f"Per Ek, Nybro kommun\n{absent}\nLisa Holm, Borgholms kommun\n{guest}\n"
        "Olof Lind, Region Kalmar län\n1. FÖREGÅENDE ANTECKNINGAR\nGodkändes.\n"
    )
    assert _people(text) == [
        ("Anna Berg", "Kalmar", None, "present"),
        ("Per Ek", "Nybro", None, "present"),
        ("Lisa Holm", "Borgholm", None, "absent"),
        ("Olof Lind", "Region Kalmar län", None, "guest"),
    ]
    header = _header(text)
    assert text[header.body_start :].lstrip().startswith("1. FÖREGÅENDE")


def test_a_label_in_lower_case_inside_a_sentence_is_prose() -> None:
    text = "Anteckningar\nMötet inleddes. Alla närvarande Anna Berg och Per Ek hälsades.\n"
    assert _people(text) == []


def test_place_and_time_labels_in_capitals() -> None:
    header = _header("PROTOKOLL\nDATUM: 2024-10-02\nTID: 9-11.30\nPLATS: Vetlanda, Stadshuset\n")
    assert (header.date, header.start_time, header.end_time) == ("2024-10-02", "09:00", "11:30")
    assert header.place == "Vetlanda, Stadshuset"
    assert header.digital is False


# --- 2. the header ends where the agenda begins ---------------------------------------


@pytest.mark.parametrize("first", ["§ 1 Fastställande av dagordning", "1. Mötets öppnande"])
def test_a_signature_block_before_the_agenda_leaves_the_items_to_the_body(first: str) -> None:
    text = (
        "Protokoll\nStyrelsen 2024-02-05\nNärvarande\nEva Holm, ordförande\nJan Dahl\n"
        "Underskrifter\nSekreterare Ylva Strand\nOrdförande Eva Holm\nJusterande Jan Dahl\n"
        f"{first}\nGodkänns.\n§ 2 Ekonomi\nRapport.\n"
    )
    header = _header(text)
    assert text[header.body_start :].lstrip().startswith(first)
    assert all(e <= text.index(first) for _, e in header.consumed)
    assert header.minute_taker == "Ylva Strand"


# --- 3. any label starts a new section; staff are present -----------------------------


def test_staff_and_non_serving_deputies_are_present_in_their_own_sections() -> None:
    text = (
        "Protokoll socialnämnden 2024-04-17\nBeslutande\nKarin Ljung (S), ordförande\n"
        "Olle Björk (M)\nAnmält förhinder\nGustav Edlund (L)\nTjänstepersoner\n"
        "Carina Berglund, förvaltningschef\nTomas Frisk, nämndsekreterare\n"
        "Ej tjänstgörande ersättare\nMona Persson (C)\n§ 1 Val av justerare\n"
    )
    assert _people(text) == [
        ("Karin Ljung", None, "ordförande", "present"),
        ("Olle Björk", None, None, "present"),
        ("Gustav Edlund", None, None, "absent"),
        ("Carina Berglund", None, None, "present"),
        ("Tomas Frisk", None, "sekreterare", "present"),
        ("Mona Persson", None, None, "present"),
    ]


@pytest.mark.parametrize("label", ["IFO-chefer:", "Förvaltningschefer:", "Tjänstemän"])
def test_a_role_plural_heads_a_list(label: str) -> None:
    text = f"Minnesanteckningar\n{label}\nAnna Ahl, Tranås kommun\nBo Ek, Eksjö kommun\n"
    assert [r[:2] for r in _people(text)] == [("Anna Ahl", "Tranås"), ("Bo Ek", "Eksjö")]


# --- 4. what follows a name -------------------------------------------------------------


def test_an_ordinal_vice_chair_is_a_role_not_an_organisation() -> None:
    text = "Närvarande\nAnna Kvist (S), 1:e vice ordförande\nOla Sund (M), 2:e vice ordf.\n"
    assert _people(text) == [
        ("Anna Kvist", None, "vice ordförande", "present"),
        ("Ola Sund", None, "vice ordförande", "present"),
    ]


def test_a_serving_deputy_for_someone_keeps_no_organisation_and_adds_no_one() -> None:
    text = (
        "Närvarande ledamöter\nEva Holm (S), tjänstgörande ersättare för Lars Nyberg (S)\n"
        "Sara Hed (L) för Gustav Ek (L)\nPer Ahl (KD) ersätter Mia Lund (KD)\n"
        "Frånvarande\nGustav Ek (L)\nLars Nyberg (S)\n"
    )
    assert _people(text) == [
        ("Eva Holm", None, None, "present"),
        ("Sara Hed", None, None, "present"),
        ("Per Ahl", None, None, "present"),
        ("Gustav Ek", None, None, "absent"),
        ("Lars Nyberg", None, None, "absent"),
    ]


@pytest.mark.parametrize(
    "line", ["Nils Åkerlund, revisor, inbjuden under § 5", "Nils Åkerlund, gäst § 3"]
)
def test_someone_invited_to_one_item_is_a_guest(line: str) -> None:
    text = f"Närvarande\nKaj Berg, Vara kommun\n{line}\n§ 1 Öppnande\n"
    assert _person(text, "Nils Åkerlund") == ("Nils Åkerlund", None, None, "guest")


def test_an_ocr_damaged_chair_is_still_the_chair() -> None:
    assert _person("Närvarande:\nIda Ros, ordf6rande\nBo Ek\n", "Ida Ros")[2] == "ordförande"


# --- 5. role fields -----------------------------------------------------------------


def test_role_fields_give_the_role_to_the_name_on_their_own_line() -> None:
    text = (
        "Protokoll från sammanträde med kultur- och fritidsnämnden\n"
        "Tid och plats: Onsdagen den 24 januari 2024 kl. 08:30–12:10, Kulturhuset, sal Ran\n"
        "Förhinder: Ola Sten, Alingsås kommun; Maria Vik, Vårgårda kommun\n"
        "Ordförande för dagen: Cecilia Berg\nProcesstöd och anteckningar: Lisa Bok\n"
        "Närvarande\nCecilia Berg, Lerums kommun\nLisa Bok, Lerums kommun\n"
        "Hans Ring, Lerums kommun\n"
        "§ 1 Val av justerare\n"
    )
    header = _header(text)
    assert [(p.name, p.organisation, p.role, p.status) for p in header.participants] == [
        ("Ola Sten", "Alingsås", None, "absent"),
        ("Maria Vik", "Vårgårda", None, "absent"),
        ("Cecilia Berg", "Lerum", "ordförande", "present"),
        ("Lisa Bok", "Lerum", None, "present"),
        ("Hans Ring", "Lerum", None, "present"),
    ]
    assert header.minute_taker == "Lisa Bok"
    assert header.network == "kultur- och fritidsnämnden"
    assert header.place == "Kulturhuset, sal Ran"


@pytest.mark.parametrize(
    ("label", "role", "writes"),
    [
        ("Ordf", "ordförande", False),
        ("Mötesordförande", "ordförande", False),
        ("Sekr", "sekreterare", True),
        ("Anteckningar", None, True),
        ("Antecknare", None, True),
        ("Vice ordf.", "vice ordförande", False),
    ],
)
def test_short_role_fields_inside_a_list(label: str, role: str | None, writes: bool) -> None:
    text = (
        f"Deltagare:\nAnna Berg, Ydre kommun\nPer Ek, Boxholms kommun\n{label}: Per Ek\n\n"
        "1. Inledning\n"
    )
    header = _header(text)
    assert _person(text, "Per Ek") == ("Per Ek", "Boxholm", role, "present")
    assert _person(text, "Anna Berg")[2] is None
    assert header.minute_taker == ("Per Ek" if writes else None)


def test_news_about_a_coordinator_in_an_item_is_no_role_field() -> None:
    text = (
        "Närvarande:\nKirsi Jonsson, planeringsledare\nBo Ek, Lund\n\n1. Övrigt\n"
        "Planeringsledare: Kirsi Jonsson slutar i oktober och lämnar över.\n"
    )
    header = _header(text)
    assert len(header.participants) == 2
    assert text[header.body_start :].lstrip().startswith("1. Övrigt")


# --- 6. organisations of several words ----------------------------------------------


@pytest.mark.parametrize(
    ("line", "org", "role"),
    [
        (
            "Anders Holm, Norrbottens Kommuner – planeringsledare",
            "Norrbottens Kommuner",
            "planeringsledare",
        ),
        ("Karin Ås, Borås stad – sammankallande", "Borås", None),
        ("Elin Wahlgren-Sjuhärads kommunalförbund", "Sjuhärads kommunalförbund", None),
        ("Malin Öhrn FoU Sjuhärad Välfärd", "FoU Sjuhärad Välfärd", None),
        (
            "Anna Karlsson, Länsstyrelsen Västra Götaland, regional utvecklare",
            "Länsstyrelsen Västra Götaland",
            None,
        ),
        ("Jonas Lind, Högskolan Väst, forskare", "Högskolan Väst", None),
    ],
)
def test_a_body_of_several_words_after_a_name_is_one_organisation(
    line: str, org: str, role: str | None
) -> None:
    text = f"Deltagare:\n{line}\nBo Ek, Ulricehamns kommun\n"
    rows = _people(text)
    assert len(rows) == 2, rows
    assert rows[0][1:3] == (org, role)


# --- 7. attendees grouped under organisations ----------------------------------------


def test_attendees_grouped_under_organisation_headings() -> None:
    text = (
        "Protokoll kommunala pensionärsrådet Sandvikens kommun 2024-05-06\nNärvarande:\n"
        "PRO Sandviken:\nGunnel Åberg, vice ordförande\nBengt Sund\nSPF Seniorerna Sandviken:\n"
        "Kjell-Åke Nilsson\nKommunen:\nEva Rask, kommunalråd\nHans Ek, Region Gävleborg\n"
        "§ 1 Öppnande\n"
    )
    assert _people(text) == [
        ("Gunnel Åberg", "PRO Sandviken", "vice ordförande", "present"),
        ("Bengt Sund", "PRO Sandviken", None, "present"),
        ("Kjell-Åke Nilsson", "SPF Seniorerna Sandviken", None, "present"),
        ("Eva Rask", "Sandviken", None, "present"),
        ("Hans Ek", "Region Gävleborg", None, "present"),
    ]


def test_municipality_first_lines() -> None:
    text = "Närvarande:\nLund: Anna Berg, Per Ek\nEslöv: Eva Al\nHöör: Ida Sten, Bo Åkesson\n\n"
    assert [r[:2] for r in _people(text)] == [
        ("Anna Berg", "Lund"),
        ("Per Ek", "Lund"),
        ("Eva Al", "Eslöv"),
        ("Ida Sten", "Höör"),
        ("Bo Åkesson", "Höör"),
    ]


# --- names: initials and capitals ----------------------------------------------------


def test_initials_and_names_in_capitals() -> None:
    text = (
        "Närvarande:\nANNA BERG, Lunds kommun\nAnna B. Berg, Eslövs kommun\n"
        "KJELL-ÅKE NILSSON (S)\nGustav E (L)\n\n"
    )
    assert [r[:2] for r in _people(text)] == [
        ("Anna Berg", "Lund"),
        ("Anna B. Berg", "Eslöv"),
        ("Kjell-Åke Nilsson", None),
        ("Gustav E", None),
    ]


def test_an_attendance_x_is_no_initial() -> None:
    text = "Närvarande\nAnna Berg X\nBo Ek X\nPer Al\n\n"
    assert [r[0] for r in _people(text)] == ["Anna Berg", "Bo Ek"]


# --- 11. date, time and place on one line --------------------------------------------


def test_a_yearless_date_takes_the_year_from_the_text() -> None:
    text = (
        "Minnesanteckningar IFO-chefsnätverket Sjuhärad\n"
        "tisdag 12/3, kl 9–12, Borås Stadshus, rum Viskan\nDeltagare:\nBo Ek, Marks kommun\n\n"
        "1. Nästa möte\nNästa möte 2024-04-09.\n"
    )
    header = _header(text)
    assert header.date == "2024-03-12"
    assert (header.start_time, header.end_time) == ("09:00", "12:00")
    assert header.place == "Borås Stadshus, rum Viskan"
    assert header.network == "IFO-chefsnätverket Sjuhärad"


def test_a_yearless_date_prefers_the_year_its_weekday_fits() -> None:
    # 14 March is a Thursday in 2024 and a Friday in 2025; the text names both years.
    text = (
        "Anteckningar\nDatum: torsdag 14/3\nNärvarande: Bo Ek, Per Al\n\n"
        "1. Planering\nUppföljning av 2025-01-10 och 2025-02-01; rapport från 2024-02-20.\n"
    )
    assert _header(text).date == "2024-03-14"


def test_ocr_digits_in_the_heading_date_and_time() -> None:
    header = _header("Protokoll styrelsemöte 2023-11-O8, kl. l3.15 - 16.OO\nPlats: Köping\n")
    assert header.date == "2023-11-08"
    assert (header.start_time, header.end_time) == ("13:15", "16:00")


# --- 12. OCR and lost diacritics in organisations ------------------------------------


@pytest.mark.parametrize(
    ("written", "proper"),
    [("Ljungby kornmun", "Ljungby"), ("Hoganas kommun", "Höganäs"), ("Angelholm", "Ängelholm")],
)
def test_organisations_read_through_ocr_and_lost_diacritics(written: str, proper: str) -> None:
    assert resolve_organisation(written) == proper


def test_short_bare_words_are_not_municipalities_without_diacritics() -> None:
    assert resolve_organisation("are") is None
    assert resolve_organisation("Ange") is None


def test_ocr_view_keeps_words_and_offsets() -> None:
    text = "Olle ringde kl. l0.3O om Il 2024-O1-05"
    assert [d.iso() for d in find_dates(text)] == ["2024-01-05"]
    assert find_dates(text)[0].span == (28, 38)
    assert [(t.start, t.end) for t in find_time_ranges(text)] == [("10:30", None)]


# --- 14. the network's name ------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "network"),
    [
        (
            "MINNESANTECKNINGAR\n"
            "Regionala samverkansrådet Kalmar län – vård, omsorg och socialtjänst\n",
            "Regionala samverkansrådet Kalmar län",
        ),
        (
            "Kommunala pensionärsrådet (KPR)\nProtokoll 2024-02-05\n",
            "Kommunala pensionärsrådet (KPR)",
        ),
        (
            "Anteckningar\nSamordningsförbundet Västra Mälardalen, styrelsemöte\n",
            "Samordningsförbundet Västra Mälardalen",
        ),
        (
            "Protokoll från sammanträde med barn- och utbildningsnämnden\n",
            "barn- och utbildningsnämnden",
        ),
        (
            "Minnesanteckningar IFO-chefsnätverket Sjuhärad 19 september 2025\n",
            "IFO-chefsnätverket Sjuhärad",
        ),
    ],
)
def test_the_network_keeps_its_full_name(head: str, network: str) -> None:
    assert _header(head + "Datum: 2024-02-05\n").network == network


def test_a_label_of_two_capitalised_words_is_one_label() -> None:
    text = "Närvarande Ledamöter\nUlla Hed (L), hälso- och sjukvårdsnämnden\nÅke Berg (C)\n\n"
    assert [r[0] for r in _people(text)] == ["Ulla Hed", "Åke Berg"]


def test_an_unknown_place_heading_on_its_own_line_gives_its_people_an_organisation() -> None:
    text = (
        "Minnesanteckningar\nDeltagare:\nSjövik:\nLena Marklund, socialchef\nHussein Ali\n"
        "Nordvik:\nBritt Forslund\nSocialchefer:\nBo Ek, Lund\n\n"
    )
    assert [r[:2] for r in _people(text)] == [
        ("Lena Marklund", "Sjövik"),
        ("Hussein Ali", "Sjövik"),
        ("Britt Forslund", "Nordvik"),
        ("Bo Ek", "Lund"),
    ]


def test_bulleted_lists_and_a_tab_table() -> None:
    bullets = (
        "Anteckningar nätverksmöte 2024-09-03\nDeltagare\n• Anna Berg, Lunds kommun\n"
        "• Per Ek, Eslövs kommun (ordförande)\nFrånvarande\n• Eva Ros, Höörs kommun\n"
        "Dagordning\n1. Välkommen\n"
    )
    assert _people(bullets) == [
        ("Anna Berg", "Lund", None, "present"),
        ("Per Ek", "Eslöv", "ordförande", "present"),
        ("Eva Ros", "Höör", None, "absent"),
    ]
    table = (
        "Protokoll 2024-09-03\nNärvarande:\nNamn\tOrganisation\tRoll\n"
        "Anna Berg\tLunds kommun\tOrdförande\nPer Ek\tEslövs kommun\tLedamot\n1. Välkommen\n"
    )
    assert _people(table) == [
        ("Anna Berg", "Lund", "ordförande", "present"),
        ("Per Ek", "Eslöv", None, "present"),
    ]


@pytest.mark.parametrize(
    "label", ["Mötesdeltagare:", "Ledamöter närvarande", "Deltog:", "Deltagande ledamöter"]
)
def test_more_ways_to_head_the_attendance(label: str) -> None:
    text = f"Protokoll\n{label}\nAnna Berg, Lund\nPer Ek, Eslöv\n§ 1 Inledning\n"
    assert _people(text) == [
        ("Anna Berg", "Lund", None, "present"),
        ("Per Ek", "Eslöv", None, "present"),
    ]


def test_an_inline_list_joined_by_och_and_a_minute_taker_field_after_the_absent() -> None:
    text = (
        "Anteckningar 2024-10-01\n"
        "Deltog: Anna Berg, Lunds kommun, Per Ek, Eslövs kommun och Kim Ahl, Region Skåne.\n"
        "Ej närvarande: Ola Sten, Sjöbo kommun.\nVid pennan: Per Ek\n1. Inledning\n"
    )
    header = _header(text)
    assert [(p.name, p.organisation, p.status) for p in header.participants] == [
        ("Anna Berg", "Lund", "present"),
        ("Per Ek", "Eslöv", "present"),
        ("Kim Ahl", "Region Skåne", "present"),
        ("Ola Sten", "Sjöbo", "absent"),
    ]
    assert header.minute_taker == "Per Ek"


@pytest.mark.parametrize(
    ("title", "network"),
    [
        ("Protokoll socialnämnden 2024-04-17", "socialnämnden"),
        ("Minnesanteckningar från styrgruppens möte 2024-10-01", "styrgruppen"),
        (
            "Anteckningar från möte i Länsgruppen för barn och unga, 12 mars 2024",
            "Länsgruppen för barn och unga",
        ),
        (
            "Protokoll fört vid sammanträde med Kommunstyrelsens arbetsutskott",
            "Kommunstyrelsens arbetsutskott",
        ),
        (
            "Mötesanteckningar Regionalt forum för socialtjänst i Skåne 2024-03-12",
            "Regionalt forum för socialtjänst i Skåne",
        ),
    ],
)
def test_the_body_a_title_names_after_its_document_type(title: str, network: str) -> None:
    assert _header(title + "\nNärvarande: Anna Berg, Bo Ek\n").network == network


def test_a_title_naming_a_meeting_names_no_body() -> None:
    assert _header("Protokoll från Verksamhetschefsmöte 2024-03-12\n").network is None


def test_a_flattened_nämnd_front_page_and_a_one_line_field_row() -> None:
    protocol = (
        "Socialnämnden\nSAMMANTRÄDESPROTOKOLL\nSammanträdesdatum 2024-05-21\n"
        "Plats och tid Kommunhuset, Sala, kl 13:00-15:00\n"
        "Beslutande Anna Berg (S), ordförande\nPer Ek (M), vice ordförande\n"
        "Övriga deltagare Eva Al, sekreterare\nKim Ahl, socialchef\nUtses att justera Per Ek\n"
        "Underskrifter Sekreterare\nEva Al\nOrdförande\nAnna Berg\nParagrafer 45-52\n"
        "§ 45 Dagordning\n"
    )
    header = _header(protocol)
    assert (header.network, header.date, header.place) == (
        "Socialnämnden",
        "2024-05-21",
        "Kommunhuset, Sala",
    )
    assert [(p.name, p.role) for p in header.participants] == [
        ("Anna Berg", "ordförande"),
        ("Per Ek", "vice ordförande"),
        ("Eva Al", "sekreterare"),
        ("Kim Ahl", None),
    ]
    assert header.minute_taker == "Eva Al"
    memo = (
        "Kallelse/Minnesanteckningar\nMöte med nätverket för skolkuratorer\n"
        "Datum: 2024-02-08  Tid: 13.00-16.00  Plats: Teams\n"
        "Närvarande: Anna Berg (Lund), Per Ek (Eslöv)\nFrånvarande: Ida Ros (Hörby)\n"
        "Antecknare: Per Ek\nDagordning\n1. Välkomna\n"
    )
    header = _header(memo)
    assert header.network == "nätverket för skolkuratorer"
    assert (header.place, header.digital, header.minute_taker) == ("Teams", True, "Per Ek")
    assert [(p.name, p.organisation, p.status) for p in header.participants] == [
        ("Anna Berg", "Lund", "present"),
        ("Per Ek", "Eslöv", "present"),
        ("Ida Ros", "Hörby", "absent"),
    ]


def test_a_person_over_two_lines_and_labels_in_a_tabbed_column() -> None:
    two_lines = (
        "Minnesanteckningar 2024-02-02\nNärvarande\nAnna Berg\nSocialchef, Lunds kommun\n"
        "Per Ek\nIFO-chef, Eslövs kommun\nFrånvarande\nIda Ros\nHöörs kommun\n1. Inledning\n"
    )
    assert _people(two_lines) == [
        ("Anna Berg", "Lund", None, "present"),
        ("Per Ek", "Eslöv", None, "present"),
        ("Ida Ros", "Höör", None, "absent"),
    ]
    tabbed = (
        "Protokoll 2024-02-02\nNärvarande ledamöter\tAnna Berg (S), ordförande\n\tPer Ek (M)\n"
        "Övriga\tEva Al, sekreterare\n§ 1 Inledning\n"
    )
    assert _people(tabbed) == [
        ("Anna Berg", None, "ordförande", "present"),
        ("Per Ek", None, None, "present"),
        ("Eva Al", None, "sekreterare", "present"),
    ]


def test_prose_after_a_list_still_ends_it() -> None:
    text = (
        "Närvarande:\nAnna Berg, Lund\n"
        "Mötet öppnades av ordföranden som hälsade Per Ek välkommen.\n"
    )
    assert [r[0] for r in _people(text)] == ["Anna Berg"]


def test_absence_written_after_a_name_in_a_list() -> None:
    text = "Deltagare:\nAnna Berg, Lund\nPer Ek, Eslöv (frånvarande)\nEva Al, Höör – återbud\n\n"
    assert _people(text) == [
        ("Anna Berg", "Lund", None, "present"),
        ("Per Ek", "Eslöv", None, "absent"),
        ("Eva Al", "Höör", None, "absent"),
    ]


def test_an_inline_list_ends_at_the_blank_line_before_the_first_heading() -> None:
    text = (
        "Minnesanteckningar 2023-11-08\n\nNarvarande: Per Ek (Bjuv), Lisa Moberg (Klippan)\n\n"
        "Lokalfragan\nArendet bordlaggs da underlaget inte var klart.\n\n"
        "Foregaende anteckningar\nLades till handlingarna.\n"
    )
    header = _header(text)
    assert [(p.name, p.organisation) for p in header.participants] == [
        ("Per Ek", "Bjuv"),
        ("Lisa Moberg", "Klippan"),
    ]
    assert text[header.body_start :].lstrip().startswith("Lokalfragan")
