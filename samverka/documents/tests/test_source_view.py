from __future__ import annotations

from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samverka import testing
from samverka.accounts.models import User
from samverka.documents.models import SourceDocument
from samverka.meetings.models import Meeting


def source_with_markup(source: SourceDocument) -> SourceDocument:
    source.text = "Närvarande: Alice\n§ 3 <script>alert(1)</script> Beslut: att notera\nSlut"
    source.save()
    return source


def test_it_marks_the_span_and_escapes_the_text(
    client: Client, alice: User, a_objects: dict[str, Any]
) -> None:
    source = source_with_markup(a_objects["SourceDocument"])
    start = source.text.index("<script>")
    end = source.text.index("Slut")
    client.force_login(alice)
    url = reverse("documents:source", kwargs={"pk": source.pk})
    html = client.get(f"{url}?start={start}&end={end}").content.decode()
    assert '<mark id="hit" tabindex="-1">&lt;script&gt;alert(1)&lt;/script&gt; Beslut' in html
    assert "<script>alert" not in html
    assert "Närvarande: Alice" in html
    assert reverse("imports:source_download", kwargs={"pk": source.pk}) in html


def test_it_shows_the_whole_text_without_a_valid_span(
    client: Client, alice: User, a_objects: dict[str, Any]
) -> None:
    source = source_with_markup(a_objects["SourceDocument"])
    client.force_login(alice)
    url = reverse("documents:source", kwargs={"pk": source.pk})
    for query in ["", "?start=9&end=2", "?start=-1&end=4", "?start=a&end=b"]:
        html = client.get(url + query).content.decode()
        assert 'id="hit"' not in html
        assert "Beslut: att notera" in html
    # Offsets past the end are clamped to it.
    assert client.get(url + "?start=5&end=999999").status_code == 200


def test_it_keeps_a_guest_out_of_the_source(
    client: Client, guest_a: User, meeting_a: Meeting, a_objects: dict[str, Any]
) -> None:
    client.force_login(guest_a)
    url = reverse("documents:source", kwargs={"pk": a_objects["SourceDocument"].pk})
    assert client.get(url).status_code == 404


def test_it_links_a_meetings_records_to_their_place_in_the_source(
    client: Client, alice: User, a_objects: dict[str, Any]
) -> None:
    source = a_objects["SourceDocument"]
    decision = a_objects["Decision"]
    decision.source_document, decision.source_start, decision.source_end = source, 3, 12
    decision.save()
    client.force_login(alice)
    html = client.get(a_objects["Meeting"].get_absolute_url()).content.decode()
    assert f"/kallor/{source.pk}/?start=3&amp;end=12#hit" in html


def test_it_needs_as_many_queries_with_fifty_meetings_as_with_one(
    client: Client, alice: User, a_objects: dict[str, Any]
) -> None:
    url = reverse("documents:source", kwargs={"pk": a_objects["SourceDocument"].pk})
    client.force_login(alice)

    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            assert client.get(url + "?start=0&end=5").status_code == 200
        return len(context.captured_queries)

    one = queries()
    for n in range(49):
        testing.make_meeting(a_objects["Network"], days_from_today=-n - 20)
    assert queries() == one
