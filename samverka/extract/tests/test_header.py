"""The header pass on small invented minutes, one layout per test.

The people and places here are made up; the real seed documents are read only
from `../shared/seeds` (next to the repository) and those tests skip without it.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from samverka.extract.model import Minutes, SourceText
from samverka.extract.parse.header import parse_header, reconcile
from samverka.extract.parse.types import Header

SEEDS = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"


def _header(text: str) -> Header:
    return parse_header(SourceText("t.txt", "0", "text/plain", text))


def _people(header: Header) -> list[tuple[str, str | None, str | None, str]]:
    return [(p.name, p.organisation, p.role, p.status) for p in header.participants]


PROTOCOL = """Protokoll från styrgruppsmöte
Datum: 12 januari 2022, kl. 13.00–15.30
Plats: Stadshuset, Kristianstad, sal B

Närvarande:
Karin Olofsson, ordförande, Kristianstads kommun
Per Holm, Hässleholms kommun
Maria Svensson, Region Skåne
Ahmed Yusuf, Försäkringskassan

Frånvarande:
Nils Ek, Osby kommun

Gäst: Eva Lind, Länsstyrelsen Skåne

1. Mötets öppnande
Ordföranden hälsade alla välkomna.

Vid protokollet
Per Holm
"""


def test_it_reads_the_meeting_fields() -> None:
    header = _header(PROTOCOL)
    assert header.title == "Protokoll från styrgruppsmöte"
    assert header.network is None
    assert header.date == "2022-01-12"
    assert (header.start_time, header.end_time) == ("13:00", "15:30")
    assert header.place == "Stadshuset, Kristianstad, sal B"
    assert header.digital is False


def test_it_reads_name_comma_role_comma_organisation_lines() -> None:
    assert _people(_header(PROTOCOL)) == [
        ("Karin Olofsson", "Kristianstad", "ordförande", "present"),
        ("Per Holm", "Hässleholm", None, "present"),
        ("Maria Svensson", "Region Skåne", None, "present"),
        ("Ahmed Yusuf", "Försäkringskassan", None, "present"),
        ("Nils Ek", "Osby", None, "absent"),
        ("Eva Lind", "Länsstyrelsen Skåne", None, "guest"),
    ]


def test_it_takes_the_minute_taker_from_vid_protokollet() -> None:
    assert _header(PROTOCOL).minute_taker == "Per Holm"


def test_it_consumes_the_attendee_sections_and_starts_the_body_after_them() -> None:
    header = _header(PROTOCOL)
    assert all(s < e for s, e in header.consumed)
    assert PROTOCOL[header.body_start :].lstrip().startswith("1. Mötets öppnande")


def test_every_participant_has_a_span_on_its_name() -> None:
    header = _header(PROTOCOL)
    for p in header.participants:
        assert PROTOCOL[p.span[0] : p.span[1]].startswith(p.name)


TEAMS_INLINE = """Minnesanteckningar – Nätverket för äldreomsorg
Tisdag den 3 maj 2022 kl 9-11, Teams

Deltagare: Lena Ahl (Eslöv), Omar Haddad (Hörby), Sara Björk (Höör), Tomas Lindqvist (processledare)
Förhinder: Jonas Berg (Lund)

Dagordning
1. Föregående anteckningar
"""


def test_it_reads_inline_lists_with_organisations_in_parentheses() -> None:
    header = _header(TEAMS_INLINE)
    assert header.network == "Nätverket för äldreomsorg"
    assert header.date == "2022-05-03"
    assert header.place == "Teams"
    assert header.digital is True
    assert _people(header) == [
        ("Lena Ahl", "Eslöv", None, "present"),
        ("Omar Haddad", "Hörby", None, "present"),
        ("Sara Björk", "Höör", None, "present"),
        ("Tomas Lindqvist", None, "planeringsledare", "present"),
        ("Jonas Berg", "Lund", None, "absent"),
    ]
    assert header.minute_taker == "Tomas Lindqvist"


NAMND = """SAMMANTRÄDESPROTOKOLL
Kommunstyrelsens arbetsutskott

Sammanträdesdatum 2018-04-09
Plats och tid Kommunhuset, Ydre, kl. 08:30-12:00

Beslutande
Anders Nyström (M), ordförande
Britt Svensson (S), vice ordförande
Kent Åberg (C)

Övriga närvarande
Maria Holm, kommunchef
Ola Persson, sekreterare

Utses att justera Britt Svensson

§ 12 Val av justerare
"""


def test_it_drops_party_letters_and_titles() -> None:
    header = _header(NAMND)
    assert header.title == "SAMMANTRÄDESPROTOKOLL"
    assert header.network == "Kommunstyrelsens arbetsutskott"
    assert header.place == "Kommunhuset, Ydre"
    assert _people(header) == [
        ("Anders Nyström", None, "ordförande", "present"),
        ("Britt Svensson", None, "vice ordförande", "present"),
        ("Kent Åberg", None, None, "present"),
        ("Maria Holm", None, None, "present"),
        ("Ola Persson", None, "sekreterare", "present"),
    ]
    assert header.minute_taker == "Ola Persson"


PER_LINE = """Ledningsnätverket

Datum och tid: 2021-03-05 kl. 9-12
Plats och lokal: Teamsmöte

Medlemmar:
Anna Berg (ordf.) Lund
Bo Ek Sjöbo
Cecilia Holm-Tomelilla

Övriga:
Dan Ström Planeringsledare Ledningsnätverket
Eva Lind Kommunförbundet Skåne

Ej närvarande:
Fia Åkesson Ystad

Anteckningar

Föregående anteckningar
"""


def test_it_reads_name_municipality_lines_under_a_plural_noun_label() -> None:
    header = _header(PER_LINE)
    assert header.network == "Ledningsnätverket"
    assert header.digital is True
    assert _people(header) == [
        ("Anna Berg", "Lund", "ordförande", "present"),
        ("Bo Ek", "Sjöbo", None, "present"),
        ("Cecilia Holm", "Tomelilla", None, "present"),
        # The network's own coordinator: the network is not an organisation.
        ("Dan Ström", None, "planeringsledare", "present"),
        ("Eva Lind", "Kommunförbundet Skåne", None, "present"),
        ("Fia Åkesson", "Ystad", None, "absent"),
    ]
    assert header.minute_taker == "Dan Ström"


def test_it_splits_names_run_together_by_a_lost_layout() -> None:
    header = _header("Närvarande: Anette Berg Erling Johansson Ulrika Björklund\n\n1. Öppnande\n")
    assert [p.name for p in header.participants] == [
        "Anette Berg",
        "Erling Johansson",
        "Ulrika Björklund",
    ]


def test_it_skips_the_member_someone_replaces() -> None:
    header = _header("Ledamöter: Britt Ek PRO ersätter Hans Berg Lars Ahl SPF\n\n1 Val\n")
    assert _people(header) == [
        ("Britt Ek", "PRO", None, "present"),
        ("Lars Ahl", "SPF", None, "present"),
    ]


def test_it_keeps_only_rows_with_an_x_in_an_attendance_table() -> None:
    text = "Beslutande\nNärvaro\nAnna Berg (C)X\nBo Ek (S)X\nCarl Holm (M)\nDan Lind (V)X\n"
    assert [p.name for p in _header(text).participants] == ["Anna Berg", "Bo Ek", "Dan Lind"]


def test_it_reads_roles_from_a_flattened_signature_block() -> None:
    text = (
        "Närvarande: Anna Berg, Lund, Bo Ek, Sjöbo, Cilla Ahl, Ystad\n"
        "Underskrifter Sekreterare Ordförande Justerande Bo Ek Anna Berg Cilla Ahl\n"
    )
    header = _header(text)
    assert [(p.name, p.role) for p in header.participants] == [
        ("Anna Berg", "ordförande"),
        ("Bo Ek", "sekreterare"),
        ("Cilla Ahl", None),
    ]
    assert header.minute_taker == "Bo Ek"


def test_it_resolves_a_closing_first_name_to_the_participant() -> None:
    text = (
        "Möte\n\nDeltagare: Karin Ek-Lund, Per Holm-Ystad\n\n1. Info\nText.\n\nHälsningar\nKarin\n"
    )
    assert _header(text).minute_taker == "Karin Ek"


def test_it_returns_nothing_for_text_without_a_header() -> None:
    header = _header("")
    assert header.participants == [] and header.date is None and header.title is None


def test_reconcile_corrects_a_heading_year_the_text_contradicts() -> None:
    text = "Anteckningar 2010-12-04\n\nNästa möte den 26 februari 2021. Mötesdatum 2021: 7 maj.\n"
    minutes = Minutes(source=SourceText("t", "0", "text/plain", text), date="2010-12-04")
    reconcile(minutes)
    assert minutes.date == "2020-12-04"
    assert minutes.warnings


def test_reconcile_leaves_a_consistent_date_alone() -> None:
    text = "Anteckningar 2020-12-04\n\nNästa möte den 26 februari 2021.\n"
    minutes = Minutes(source=SourceText("t", "0", "text/plain", text), date="2020-12-04")
    reconcile(minutes)
    assert minutes.date == "2020-12-04" and not minutes.warnings


def test_it_stays_fast_on_a_huge_line_without_newlines() -> None:
    line = (
        "Närvarande: Anna Berg, Lund, Bo Ek, Sjöbo. Plats: Ystad 2020-01-01 kl 9-12 " * 110_000
    )[:8_000_000]
    started = time.perf_counter()
    parse_header(SourceText("big", "0", "text/plain", line))
    assert time.perf_counter() - started < 5


@pytest.mark.skipif(not SEEDS.is_dir(), reason="no ../shared/seeds next to the repository")
@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else [])
def test_it_finds_a_date_and_participants_in_every_seed(path: Path) -> None:
    header = _header(path.read_text(encoding="utf-8"))
    assert header.date is not None
    assert len(header.participants) >= 5
    assert all(p.span[1] > p.span[0] for p in header.participants)


ROLE_LABELS = """Protokoll styrelsemöte
2023-05-04 kl 10-12, Lunds stadshus

Närvarande:
Ordförande: Anna Berg, Lund
Vice ordförande: Bo Ek, Sjöbo
Ledamöter: Cia Holm, Ystad; Dan Ahl, Skurup
Sekreterare: Eva Lind

1. Mötet öppnas
"""


def test_it_reads_role_labels_before_names() -> None:
    header = _header(ROLE_LABELS)
    assert header.place == "Lunds stadshus"
    assert _people(header) == [
        ("Anna Berg", "Lund", "ordförande", "present"),
        ("Bo Ek", "Sjöbo", "vice ordförande", "present"),
        ("Cia Holm", "Ystad", None, "present"),
        ("Dan Ahl", "Skurup", None, "present"),
        ("Eva Lind", None, "sekreterare", "present"),
    ]
    assert header.minute_taker == "Eva Lind"


TABLE = """Anteckningar från Ledningsgruppen för barn och unga
Datum: 2023-02-15
Tid: 13.15-16.00
Plats: Digitalt via Zoom

Deltagare
Namn\tOrganisation\tRoll\tNärvaro
Anna von Platen\tMalmö stad\tOrdförande\tNärvarande
Erik Nilsson\tLunds kommun\tLedamot\tFrånvarande
Sofia Al-Hassan\tRegion Skåne\tGäst\tNärvarande

Ärenden
1. Välkommen
"""


def test_it_reads_a_flattened_table_with_an_attendance_column() -> None:
    header = _header(TABLE)
    assert header.network == "Ledningsgruppen för barn och unga"
    assert header.digital is True
    assert _people(header) == [
        ("Anna von Platen", "Malmö", "ordförande", "present"),
        ("Erik Nilsson", "Lund", None, "absent"),
        ("Sofia Al-Hassan", "Region Skåne", None, "guest"),
    ]


def test_a_participant_the_text_says_was_invited_is_a_guest() -> None:
    text = (
        "Närvarande: Anna Berg, Lund, Bo Ek, Sjöbo\n\n"
        "1. Folkhälsa\nBo har blivit inbjuden att berätta om arbetet.\n"
    )
    assert [p.status for p in _header(text).participants] == ["present", "guest"]


def test_it_takes_a_yearless_heading_date_and_a_time_label_range() -> None:
    text = (
        "Minnesanteckningar\nFredag den 6 mars\nTid: 9-12\n\n"
        "Deltagare: Anna Berg, Lund\n\n1. Budget 2020\nBeslut 2020-03-01.\n"
    )
    header = _header(text)
    assert header.date == "2020-03-06"
    assert (header.start_time, header.end_time) == ("09:00", "12:00")
    assert header.warnings


def test_an_agenda_number_ends_the_attendance_list() -> None:
    header = _header("Deltagare:\nAnna Berg Lund\nBo Ek Ystad\n1. Budget\nKarin Holm redovisar.\n")
    assert [p.name for p in header.participants] == ["Anna Berg", "Bo Ek"]


def test_it_does_not_read_people_out_of_sentences_and_action_lists() -> None:
    text = (
        "Anteckningar\n2021-02-02\n\nÅtgärder:\nAnna Berg kontaktar Region Skåne.\n\n"
        "Deltagare från regionen Bo Ek berättade.\n\nDeltagare:\nCia Holm Lund\n"
    )
    assert _people(_header(text)) == [("Cia Holm", "Lund", None, "present")]


def test_a_table_headed_namn_is_an_attendance_list_without_a_label() -> None:
    text = (
        "Minnesanteckningar\n2024-01-01\n\nNamn | Kommun | Närvaro\n"
        "Anna Berg | Lund | Närvarande\nBo Ek | Ystad | Frånvarande\n\n1. Info\n"
    )
    assert _people(_header(text)) == [
        ("Anna Berg", "Lund", None, "present"),
        ("Bo Ek", "Ystad", None, "absent"),
    ]
