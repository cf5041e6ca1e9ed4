"""Minutes posted as web pages."""

from __future__ import annotations

import pytest

from samverka.extract.model import SourceText
from samverka.extract.read import ReadError, read_bytes

PAGE = """<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>Sidtitel</title>
<style>p { color: red }</style><script>var hemligt = 1;</script></head>
<body>
<nav style="display: none">Meny</nav>
<h1>Minnesanteckningar 2021-03-04</h1>
<p>Plats: <em>Höganäs</em>,
   Litteraturvägen&nbsp;10</p>
<p><strong>Närvarande:</strong></p>
<ul><li>Åsa Öberg, Ängelholm</li><li>Anna Andersson</li></ul>
<h2>Ärenden</h2>
<ol start="3"><li>Ekonomi</li><li>Övrigt<br>med två rader</li></ol>
<table><tr><th>Namn</th><th>Kommun</th></tr><tr><td>Åsa</td><td>Bjuv</td></tr></table>
<p hidden>dold</p><noscript>aktivera javascript</noscript>
</body></html>
"""


def hints(source: SourceText) -> list[tuple[str, str, int]]:
    return [(h.kind, source.text[h.span[0] : h.span[1]], h.level) for h in source.hints]


def test_it_keeps_visible_text_one_block_per_line() -> None:
    source = read_bytes(PAGE.encode(), "sida.html")
    assert source.media_type == "text/html"
    assert source.text == (
        "Minnesanteckningar 2021-03-04\n"
        "Plats: Höganäs, Litteraturvägen 10\n"
        "Närvarande:\n"
        "• Åsa Öberg, Ängelholm\n"
        "• Anna Andersson\n"
        "Ärenden\n"
        "3. Ekonomi\n"
        "4. Övrigt\n"
        "med två rader\n"
        "Namn | Kommun\n"
        "Åsa | Bjuv\n"
    )


def test_it_gives_headings_bold_lines_list_items_and_rows_as_hints() -> None:
    found = hints(read_bytes(PAGE.encode(), "sida.html"))
    assert ("heading", "Minnesanteckningar 2021-03-04", 1) in found
    assert ("heading", "Ärenden", 2) in found
    assert ("bold", "Närvarande:", 0) in found
    assert ("list_item", "3. Ekonomi", 0) in found
    assert ("table_row", "Åsa | Bjuv", 0) in found


def test_it_drops_scripts_styles_and_hidden_elements() -> None:
    text = read_bytes(PAGE.encode(), "sida.html").text
    for hidden in ("hemligt", "color", "Meny", "dold", "javascript", "Sidtitel"):
        assert hidden not in text


def test_it_reads_a_windows_encoded_page() -> None:
    page = '<html><head><meta charset="windows-1252"></head><body><p>Höganäs</p></body></html>'
    assert read_bytes(page.encode("cp1252"), "sida.htm").text == "Höganäs\n"


def test_it_survives_broken_markup() -> None:
    source = read_bytes(b"<html><body><p>ett<p>tv\xc3\xa5</div></td><li>tre<![ bad", "x.html")
    assert source.text.split()[:4] == ["ett", "två", "•", "tre"]


def test_it_reads_repeated_comment_openings_in_linear_time() -> None:
    # Python 3.11's html.parser is quadratic here; 200 000 of them took minutes.
    source = read_bytes(b"<html><body><p>Beslut</p>" + b"<!--" * 200_000, "x.html")
    assert source.text == "Beslut\n"


def test_it_refuses_a_page_with_too_many_elements() -> None:
    with pytest.raises(ReadError, match="för många element"):
        read_bytes(b"<html><body>" + b"<p>a</p>" * 60_000, "x.html")


def test_it_warns_about_text_nested_too_deep() -> None:
    source = read_bytes(b"<html><body><p>Beslut</p>" + b"<div>" * 1000 + b"djup", "x.html")
    assert source.text.startswith("Beslut")
    assert any("djupt nästlad" in w for w in source.warnings)
