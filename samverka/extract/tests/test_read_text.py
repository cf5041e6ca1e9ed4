"""Plain text and Markdown: encodings, line ends, cleaning."""

from __future__ import annotations

from pathlib import Path

import pytest

from samverka.extract.read import ReadError, read_bytes, read_file

SWEDISH = (
    "Minnesanteckningar för nätverket i Ängelholm, Höganäs och Åstorp\r\n"
    "Beslut: att godkänna rapporten.\r\n"
    "§ 3 Övrigt, kl. 9.30-11\r\n"
)
EXPECTED = SWEDISH.replace("\r\n", "\n")


@pytest.mark.parametrize(
    "encoding",
    ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1"],
)
def test_it_decodes_swedish_in_each_encoding(encoding: str) -> None:
    source = read_bytes(SWEDISH.encode(encoding), "protokoll.txt")
    assert source.text == EXPECTED
    assert source.media_type == "text/plain"
    assert source.warnings == []


@pytest.mark.parametrize("encoding", ["cp850", "mac_roman"])
def test_it_tells_old_dos_and_mac_text_from_windows_text(encoding: str) -> None:
    assert read_bytes(SWEDISH.encode(encoding), "gammal.txt").text == EXPECTED


def test_it_keeps_windows_punctuation_in_cp1252() -> None:
    text = "Åsa sa ”hej” – och gick … 5 €\n"
    assert read_bytes(text.encode("cp1252"), "a.txt").text == text


def test_it_reads_stray_windows_bytes_in_utf8_without_mojibake() -> None:
    data = "Närvarande: Örjan\n".encode() + "Åsa Öberg\n".encode("cp1252")
    source = read_bytes(data, "blandad.txt")
    assert source.text == "Närvarande: Örjan\nÅsa Öberg\n"
    assert any("blandad teckenkodning" in w for w in source.warnings)


def test_it_repairs_utf8_that_was_read_as_windows_and_saved_again() -> None:
    assert read_bytes("HÃ¶ganÃ¤s och Ã…storp".encode(), "a.txt").text == "Höganäs och Åstorp"


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n", "\u2028", "\x85", "\x0b"])
def test_it_makes_every_line_end_a_newline(newline: str) -> None:
    text = read_bytes(f"ett{newline}två{newline}tre".encode(), "a.txt").text
    assert text == "ett\ntvå\ntre"
    assert text.splitlines() == text.split("\n")


def test_it_composes_decomposed_letters() -> None:
    decomposed = "Ho\u0308gana\u0308s"
    assert read_bytes(decomposed.encode(), "mac.txt").text == "Höganäs"


def test_it_replaces_odd_spaces_and_drops_invisible_characters() -> None:
    text = read_bytes("kl.\u00a09.30\u200b–11\u00ad\x07".encode(), "a.txt").text
    assert text == "kl. 9.30–11"


def test_it_marks_form_feeds_as_page_breaks() -> None:
    source = read_bytes(b"sida ett\fsida tv\xc3\xa5", "a.txt")
    assert source.text == "sida ett\nsida två"
    assert [(h.kind, h.span) for h in source.hints] == [("page_break", (9, 9))]


def test_it_gives_markdown_headings_bold_lines_and_list_items() -> None:
    text = "# Minnesanteckningar\n\n**Beslut:**\n\n1. Ekonomi\n   - delpunkt\n"
    source = read_bytes(text.encode(), "protokoll.md")
    assert source.media_type == "text/markdown"
    found = {(h.kind, source.text[h.span[0] : h.span[1]], h.level) for h in source.hints}
    assert found == {
        ("heading", "# Minnesanteckningar", 1),
        ("bold", "**Beslut:**", 0),
        ("list_item", "1. Ekonomi", 0),
        ("list_item", "   - delpunkt", 1),
    }


def test_it_hashes_the_bytes_as_given() -> None:
    import hashlib

    data = SWEDISH.encode("cp1252")
    assert read_bytes(data, "a.txt").sha256 == hashlib.sha256(data).hexdigest()


def test_it_warns_about_a_file_with_no_text() -> None:
    assert read_bytes(b"  \n\n ", "tom.txt").warnings == ["dokumentet innehåller ingen text"]


def test_it_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="kan inte öppnas"):
        read_file(tmp_path / "finns-inte.txt")


def test_it_reads_a_file_from_disk(tmp_path: Path) -> None:
    path = tmp_path / "protokoll.txt"
    path.write_bytes(SWEDISH.encode("cp1252"))
    source = read_file(path)
    assert (source.name, source.text) == ("protokoll.txt", EXPECTED)
