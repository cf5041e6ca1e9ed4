"""The header pass on a fourth round of unseen layouts, one general rule per test.

Every snippet is invented and worded differently from the minutes that showed
the pattern: an unlabelled place line with a room or a street address, a
place in running prose that wraps, and hybrid meetings.
"""

from __future__ import annotations

import pytest

from samverka.extract.model import SourceText
from samverka.extract.parse.header import parse_header
from samverka.extract.parse.types import Header


def _header(text: str) -> Header:
    return parse_header(SourceText("t.txt", "0", "text/plain", text))


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("Piteå, Rådhuset, konferensrum Norrfjärden", "Piteå, Rådhuset, konferensrum Norrfjärden"),
        # A body's name does not make the line the organiser's when a room or
        # an address follows.
        ("Region Kronoberg, Strandvägen 8, Växjö, sal Linné", None),
        ("Regionförbundet, Kungsgatan 12, Kalmar", None),
    ],
)
def test_an_unlabelled_line_with_a_room_or_an_address_is_the_place(
    line: str, place: str | None
) -> None:
    text = (
        f"Minnesanteckningar\nVälfärdsnätverket\nTisdag 12 mars 2024, kl. 13.00–15.00\n{line}\n\n"
        "Närvarande\nAnna Berg, Luleå\nPer Ek, Piteå\n\n1. Inledning\nVälkomna.\n"
    )
    assert _header(text).place == (place or line)


def test_an_organisers_line_without_a_room_is_no_place() -> None:
    text = (
        "Minnesanteckningar\nSocialförvaltningen, Lund\nTisdag 12 mars 2024, kl. 13–15\n\n"
        "Närvarande\nAnna Berg, Lund\n\n1. Inledning\nVälkomna.\n"
    )
    assert _header(text).place is None


def test_a_place_in_running_prose_may_wrap_onto_the_next_line() -> None:
    text = (
        "Anteckningar\n\nRektorsnätverket möttes onsdagen den 6 mars 2024 kl. 9-12 i Mölndal,\n"
        "Stadshuset, sal Kvarnfallet. Mötet leddes av Anna Berg.\n\n"
        "Deltagare\nAnna Berg, Mölndal\nPer Ek, Härryda\n"
    )
    header = _header(text)
    assert header.place == "Mölndal, Stadshuset, sal Kvarnfallet"
    assert header.digital is False


@pytest.mark.parametrize(
    ("value", "place"),
    [
        ("Kommunhuset, rum Ekorren + Teams för den som inte kan", "Kommunhuset, rum Ekorren"),
        ("Stadshuset, sal 2. Det går också att delta via Zoom", "Stadshuset, sal 2"),
        ("Folkets hus, lokal Valsen och via Teams", "Folkets hus, lokal Valsen"),
    ],
)
def test_a_room_with_a_remote_option_is_an_on_site_meeting(value: str, place: str) -> None:
    text = f"Minnesanteckningar 2024-03-12\nPlats: {value}\n\nNärvarande\nAnna Berg, Lund\n"
    header = _header(text)
    assert (header.place, header.digital) == (place, False)


@pytest.mark.parametrize("value", ["Teams", "Digitalt via Zoom", "Teamsmöte (länk i kallelsen)"])
def test_a_remote_meeting_stays_digital(value: str) -> None:
    text = f"Minnesanteckningar 2024-03-12\nPlats: {value}\n\nNärvarande\nAnna Berg, Lund\n"
    header = _header(text)
    assert (header.place, header.digital) == (value, True)


@pytest.mark.parametrize(
    ("head", "network"),
    [
        # The body's name and the date on the first line, the document type under it.
        ("Äldrenätverket Fyrbodal 2023-10-04\nMinnesanteckningar\n", "Äldrenätverket Fyrbodal"),
        # The name in a cell of its own beside the document type.
        (
            "MINNESANTECKNINGAR | Nätverket för skolkuratorer i Halland\n",
            "Nätverket för skolkuratorer i Halland",
        ),
        # "fört vid … i": the body after the meeting.
        ("PROTOKOLL\nfört vid årsmöte i Föreningen Skånes Fritidschefer\n", None),
        # The body's name under the document type, below a page header.
        (
            "Region Dalarna\nAvdelningen för hälsa\n\nANTECKNINGAR\n"
            "Samråd om suicidprevention i Dalarna\n",
            "Samråd om suicidprevention i Dalarna",
        ),
    ],
)
def test_the_network_is_named_in_the_first_lines(head: str, network: str | None) -> None:
    text = head + "Onsdag 4 oktober 2023, kl. 13–15\n\nNärvarande\nAnna Berg, Lund\n"
    found = _header(text).network
    if network is None:
        assert found is not None and found.startswith("Föreningen Skånes Fritidschefer")
    else:
        assert found == network


@pytest.mark.parametrize(
    ("present", "absent"),
    [("Med på mötet", "Inte med"), ("Med på träffen", "Ej med")],
)
def test_plain_attendance_labels_with_a_colon(present: str, absent: str) -> None:
    text = (
        "Mötesanteckningar 2022-03-03\n\n"
        f"{present}: Lena Lund (Luleå), Nils Rova (Kiruna).\n{absent}: Sara Berg (Boden)\n\n"
        "1. Inledning\nVälkomna.\n"
    )
    people = [(p.name, p.organisation, p.status) for p in _header(text).participants]
    assert people == [
        ("Lena Lund", "Luleå", "present"),
        ("Nils Rova", "Kiruna", "present"),
        ("Sara Berg", "Boden", "absent"),
    ]


def test_med_without_a_colon_is_no_label() -> None:
    text = "Mötesanteckningar 2022-03-03\n\nMed på mötet fanns även Lena Lund från Luleå.\n"
    assert _header(text).participants == []


@pytest.mark.parametrize(
    "line", ["Sammankallande och anteckningar: Kent Öst", "Ordförande och sekreterare: Kent Öst"]
)
def test_one_person_convening_and_taking_the_minutes(line: str) -> None:
    text = f"Anteckningar 2022-03-03\n\nDeltagare: Kent Öst (Piteå), Lisa Berg (Luleå)\n{line}\n"
    assert _header(text).minute_taker == "Kent Öst"


def test_a_yearless_date_takes_the_year_of_the_heading_term() -> None:
    text = (
        "Arbetsgruppen försörjningsstöd – HT 2021\n\nMötesanteckningar 14/10\nKl 9-12, Teams\n\n"
        "Deltagare: Kent Öst (Piteå)\n\n1. Inledning\nVälkomna.\n"
    )
    assert _header(text).date == "2021-10-14"


def test_an_organisation_before_a_bracketed_name_is_that_persons() -> None:
    text = (
        "Minnesanteckningar 2021-11-25\n\nDeltagare: Anna Berg (Lund)\n\n"
        "Anmält förhinder: Tanum (Lisa Holm), Sotenäs (Per Ek), Munkedal (Eva Lind)\n\n"
        "1. Inledning\nVälkomna.\n"
    )
    absent = [(p.name, p.organisation) for p in _header(text).participants if p.status == "absent"]
    assert absent == [("Lisa Holm", "Tanum"), ("Per Ek", "Sotenäs"), ("Eva Lind", "Munkedal")]


def test_a_body_with_a_lower_case_noun_heads_the_names_on_its_line() -> None:
    text = (
        "Minnesanteckningar 2021-11-25\n\nDeltagare\nLund: Anna Berg\n"
        "Sjuhärads kommunalförbund: Per Ek (processledare), Eva Lind\n\n1. Inledning\nVälkomna.\n"
    )
    people = [(p.name, p.organisation) for p in _header(text).participants]
    assert people == [
        ("Anna Berg", "Lund"),
        ("Per Ek", "Sjuhärads kommunalförbund"),
        ("Eva Lind", "Sjuhärads kommunalförbund"),
    ]


def _one(text: str) -> tuple[str | None, str | None]:
    p = _header(text).participants[0]
    return p.organisation, p.role


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # A unit in lower case, then its municipality.
        ("Sara Ek, förvaltningschef, socialförvaltningen, Kalmar kommun", ("Kalmar", None)),
        # A programme with capitals after a title, then the region.
        (
            "Maria Ås, utvecklingsledare Nära vård, Region Västerbotten",
            ("Region Västerbotten", None),
        ),
        # A job title that contains "kommun" is no body.
        ("Nils Berg, kommunpolis, Polisen Lycksele", ("Polisen Lycksele", None)),
        # "mötesordförande" chairs the meeting.
        (
            "Eva Holm, Länsstyrelsen Örebro län, mötesordförande",
            ("Länsstyrelsen Örebro län", "ordförande"),
        ),
    ],
)
def test_the_organisation_and_role_after_a_name(
    line: str, expected: tuple[str | None, str | None]
) -> None:
    text = f"Anteckningar 2023-10-03\n\nNärvarande\n{line}\nPer Ek, Eslövs kommun\n\n1. Start\nA.\n"
    assert _one(text) == expected


def test_a_field_line_under_a_one_line_list_is_not_in_it() -> None:
    text = (
        "Mötesanteckningar 2022-03-03\n\nMed på mötet: Lena Lund (Luleå), Kent Öst (Piteå).\n"
        "Inte med: Överkalix, Jokkmokk.\nSammankallande och anteckningar: Kent Öst\n\n"
        "1. Inledning\nVälkomna.\n"
    )
    assert [p.name for p in _header(text).participants] == ["Lena Lund", "Kent Öst"]


def test_signature_lines_at_the_end_give_the_chair_and_the_secretary() -> None:
    text = (
        "PROTOKOLL 2022-06-08\n\n"
        "Närvarande: Anna Berg (Gävle), Tor Ek (Falun), Lisa Holm (Mora)\n\n"
        "§ 1 Mötets öppnande\nMötet öppnades.\n§ 2 Avslutning\nMötet avslutades.\n\n"
        "Vid protokollet\n\nTor Ek, sekreterare\n\nJusteras\n\n"
        "Anna Berg, ordförande              Lisa Holm\n"
    )
    roles = {p.name: p.role for p in _header(text).participants}
    assert roles == {"Anna Berg": "ordförande", "Tor Ek": "sekreterare", "Lisa Holm": None}


def test_labels_with_a_qualifier_before_the_colon() -> None:
    text = (
        "Protokoll 2024-11-18\n\n"
        "Närvarande styrelseledamöter: Anna Holm (ordförande), Reza Tahir (kassör), Eva Lind\n"
        "Ej närvarande: Lisa Berg\nGäst under § 6: Mia Lund, Borås Stad\n\n§1 Öppnande\nA.\n"
    )
    people = [(p.name, p.organisation, p.role, p.status) for p in _header(text).participants]
    assert people == [
        ("Anna Holm", None, "ordförande", "present"),
        ("Reza Tahir", None, None, "present"),
        ("Eva Lind", None, None, "present"),
        ("Lisa Berg", None, None, "absent"),
        ("Mia Lund", "Borås", None, "guest"),
    ]


def test_a_label_then_prose_is_still_no_list() -> None:
    text = "Protokoll 2024-11-18\n\nNärvarande ledamöter berättade om läget i kommunerna.\n"
    assert _header(text).participants == []


def test_the_place_after_the_date_and_time_of_a_time_and_place_field() -> None:
    text = (
        "Protokoll 2024-11-18\n\n"
        "Tid och plats: Måndag 18/11 2024 kl 18.00–20.15, "
        "föreningens lokal, Allégatan 12, Borås\n\n"
        "Närvarande: Anna Holm, Eva Lind\n"
    )
    header = _header(text)
    assert (header.place, header.digital) == ("föreningens lokal, Allégatan 12, Borås", False)


@pytest.mark.parametrize(
    ("written", "iso"),
    [("tisdag v. 12, 2025", "2025-03-18"), ("Onsdag vecka 2 2024", "2024-01-10")],
)
def test_a_weekday_of_a_numbered_week(written: str, iso: str) -> None:
    text = (
        f"Minnesanteckningar\n\nDatum: {written}, kl 09.00–11.30\n\nNärvarande: Anna Holm (Lund)\n"
    )
    assert _header(text).date == iso


def test_a_role_in_brackets_is_the_meeting_role() -> None:
    text = (
        "Protokoll 2025-09-23\n\nDeltagare\nSofia Ek, socialchef, Örebro kommun (ordförande)\n"
        "Jenny Ahl, processledare, Region Örebro län (sekreterare)\n\n1. Inledning\nVälkomna.\n"
    )
    assert [p.role for p in _header(text).participants] == ["ordförande", "sekreterare"]


def test_lettered_items_after_the_header_fields_start_the_body() -> None:
    text = (
        "Protokoll från möte i Länsgruppen för barn och unga\nRegion Örebro län och kommunerna\n\n"
        "Mötesdatum: 23 sep 2025, 13:00-16:00\nLokal: Eklundavägen 1, Örebro, lokal Berget\n\n"
        "Deltagare\nSofia Ek, Örebro kommun (ordförande)\nPer Lind, Kumla kommun\n\n"
        "Inbjuden gäst under punkt C: Lars Gren, Länsstyrelsen Örebro län\n\n"
        "A) Föregående protokoll\nGicks igenom.\n\nB) Gemensam rutin\nRutinen fastställdes.\n\n"
        "Protokollförare: Per Lind\n"
    )
    header = _header(text)
    assert text[header.body_start :].lstrip().startswith("A) Föregående protokoll")
    assert ("Lars Gren", "guest") in [(p.name, p.status) for p in header.participants]


@pytest.mark.parametrize(
    ("head", "network"),
    [
        (
            "ESLÖVS KOMMUN                                  PROTOKOLL\n"
            "Kommunala funktionshinderrådet                 Sammanträdesdatum\n",
            "Kommunala funktionshinderrådet",
        ),
        ("2024-10-02 Anteckningar arbetsmöte Skolchefer Sjuhärad\n", "Skolchefer Sjuhärad"),
        ("Referensgrupp Trygg hemgång\n", "Referensgrupp Trygg hemgång"),
        ("MINNESANTECKNINGAR BRÅ-RÅDET\nLunds kommun\n", "Brå-rådet"),
    ],
)
def test_more_ways_to_name_the_body(head: str, network: str) -> None:
    text = head + "\nDatum: 2024-10-02\n\nNärvarande: Anna Holm (Lund), Per Ek (Eslöv)\n"
    assert _header(text).network == network


def test_bodies_written_as_x_och_y_and_trainees_are_no_people_or_bodies() -> None:
    text = (
        "Protokoll 2024-09-19\n\nNärvarande ledamöter\n"
        "• Yasmin Kader, Autism- och Aspergerföreningen Skåne\n"
        "Övriga närvarande\nRebecka Nyman, förvaltningens praktikant, §§ 41-45\n"
        "Inbjuden under punkt 4\n• Oskar Lind, trafikplanerare, Lunds kommun\n\n"
        "Punkt 1 – Mötets öppnande\nOrdföranden öppnade mötet.\n"
    )
    people = [(p.name, p.organisation, p.status) for p in _header(text).participants]
    assert people == [
        ("Yasmin Kader", "Autism- och Aspergerföreningen Skåne", "present"),
        ("Rebecka Nyman", None, "present"),
        ("Oskar Lind", "Lund", "guest"),
    ]


def test_a_markdown_attendance_table_with_marks() -> None:
    text = (
        "2025-01-15\nTrygghetsgruppen – minnesanteckningar\n\n"
        "| Namn         | Organisation                 | Funktion              | Närv. |\n"
        "|--------------|------------------------------|-----------------------|-------|\n"
        "| Jens Holm    | Lunds kommun                 | säkerhetssamordnare   | X     |\n"
        "| Dana Petrić  | Räddningstjänsten Syd Mitt   | insatsledare          | X     |\n"
        "| Mira Yılmaz  | Lunds kommun                 | fältsekreterare       | X     |\n"
        "| Gun Borg     | Region Skåne                 | vårdcentralschef      | –     |\n\n"
        "1. Lägesbild\nLugnt.\n"
    )
    people = [(p.name, p.organisation, p.role, p.status) for p in _header(text).participants]
    assert people == [
        ("Jens Holm", "Lund", None, "present"),
        ("Dana Petrić", "Räddningstjänsten Syd Mitt", None, "present"),
        ("Mira Yılmaz", "Lund", None, "present"),
        ("Gun Borg", "Region Skåne", None, "absent"),
    ]


def test_an_iso_date_written_with_full_stops() -> None:
    assert (
        _header("MINNESANTECKNINGAR\n\nDatum: 2024.12.04\nTid: 08.30 - 11.45\n").date
        == "2024-12-04"
    )


def test_organisation_then_dash_then_name_one_per_line() -> None:
    text = (
        "Anteckningar 2024-12-04\n\nNärvarande från kommunerna:\n"
        "Umeå – Kerstin Berg\nSkellefteå – Ali Hassan\nLycksele – Sanna Vik\n\n1. Inledning\nA.\n"
    )
    people = [(p.name, p.organisation) for p in _header(text).participants]
    assert people == [
        ("Kerstin Berg", "Umeå"),
        ("Ali Hassan", "Skellefteå"),
        ("Sanna Vik", "Lycksele"),
    ]


def test_attendance_written_as_sentences() -> None:
    text = (
        "Chefsnätverk hemtjänst\nMinnesanteckningar 12 feb 2025, Teams 13.00–14.30\n\nNärvaro\n"
        "Från Kalix deltog Tove Ek och från Piteå Jukka Niemi. Boden representerades av "
        "Ella Sund, Luleå av Per Wik. Nätverkets ordförande Anna Lund, Överkalix, ledde mötet. "
        "Arjeplog och Jokkmokk hade anmält förhinder.\n\nAntecknat av: Per Wik\n\n"
        "Nyckelfria lås\nPer berättade om upphandlingen.\n"
    )
    people = [(p.name, p.organisation, p.role) for p in _header(text).participants]
    assert sorted(people) == [
        ("Anna Lund", "Överkalix", "ordförande"),
        ("Ella Sund", "Boden", None),
        ("Jukka Niemi", "Piteå", None),
        ("Per Wik", "Luleå", None),
        ("Tove Ek", "Kalix", None),
    ]


def test_names_in_prose_that_do_not_say_who_took_part_are_no_attendance() -> None:
    text = (
        "Minnesanteckningar 2025-02-12\n\nAnna Lund från Kalix berättade om läget, och "
        "Per Wik har slutat.\n\n1. Läget\nDiskussion.\n"
    )
    assert _header(text).participants == []


def test_a_time_range_in_prose_between_two_hours() -> None:
    text = "Minnesanteckningar\nRådet träffades onsdagen den 4 december 2024 mellan 9 och 11.30.\n"
    header = _header(text)
    assert (header.start_time, header.end_time) == ("09:00", "11:30")


@pytest.mark.parametrize(
    "sentence",
    [
        "Årsmötet beslutade att välja Fredrik Holm till sekreterare för mötet.",
        "Till sekreterare för mötet valdes Fredrik Holm.",
    ],
)
def test_the_elected_secretary_takes_the_minutes(sentence: str) -> None:
    text = f"PROTOKOLL 2025-03-27\n\n§ 1 Öppnande\nMötet öppnades.\n§ 2 Val\n{sentence}\n"
    assert _header(text).minute_taker == "Fredrik Holm"


def test_a_body_with_a_compass_name_is_no_person() -> None:
    text = (
        "Anteckningar 2025-02-06\n\nNärvarande\n"
        "Ingrid Carl, förbundschef, Samordningsförbundet Västra Skaraborg\n"
        "Elin Sund, Skövde kommun\n\n1. Inledning\nA.\n"
    )
    assert [p.name for p in _header(text).participants] == ["Ingrid Carl", "Elin Sund"]


def test_a_letterhead_above_the_document_type_and_its_group() -> None:
    text = (
        "Samordningsförbundet Västra Skaraborg\nMinnesanteckningar beredningsgruppen\n\n"
        "Datum: 2025-02-06     Tid: 13.15–15.00     Plats: Teams\n\nNärvarande\n"
        "Ingrid Carl, förbundschef, Samordningsförbundet Västra Skaraborg\n"
        "Elin Sund, Skövde kommun\n\n1. Inledning\nA.\n"
    )
    header = _header(text)
    assert (header.title, header.network) == (
        "Minnesanteckningar beredningsgruppen",
        "beredningsgruppen",
    )
    assert header.participants[0].organisation == "Samordningsförbundet Västra Skaraborg"
