"""The review page and the original's download: coordinators of the network only."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from samverka.accounts.models import User
from samverka.documents.models import SourceDocument
from samverka.imports.models import ReviewEntry
from samverka.imports.services import minutes_import
from samverka.imports.tests.builders import MinutesBook, present
from samverka.networks.models import Network
from samverka.people.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(network_a: Network, tmp_path: Path) -> SourceDocument:
    book = MinutesBook(tmp_path)
    book.write("2019.txt", "2019-10-18", participants=[present("Cecilia Andersson", "Åstorp")])
    book.write("2021.txt", "2021-09-24", participants=[present("Cecilia Andersson", "Svalöv")])
    minutes_import(paths=[tmp_path], network_name=network_a.name, extractor=book.extract)
    return SourceDocument.objects.get(name="2021.txt")


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_it_shows_the_review_queue_to_the_networks_coordinator(
    imported: SourceDocument, network_a: Network, coordinator_a: User
) -> None:
    response = client_for(coordinator_a).get(reverse("imports:review", args=[network_a.slug]))
    assert response.status_code == 200
    assert "Cecilia Andersson (Svalöv)" in response.content.decode()
    assert "2021.txt" in response.content.decode()


@pytest.mark.parametrize("persona", ["alice", "bob"])
def test_it_hides_the_review_queue_from_everyone_else(
    imported: SourceDocument, network_a: Network, persona: str, request: pytest.FixtureRequest
) -> None:
    user = request.getfixturevalue(persona)
    response = client_for(user).get(reverse("imports:review", args=[network_a.slug]))
    assert response.status_code == 404


def test_it_lets_a_coordinator_mark_an_entry_done(
    imported: SourceDocument, network_a: Network, coordinator_a: User
) -> None:
    entry = ReviewEntry.objects.get()
    url = reverse("imports:review_resolve", args=[network_a.slug, entry.pk])
    assert client_for(coordinator_a).post(url).status_code == 302
    entry.refresh_from_db()
    assert entry.status == ReviewEntry.Status.RESOLVED


def test_it_lets_only_a_site_admin_merge_a_suggestion(
    imported: SourceDocument, network_a: Network, coordinator_a: User, site_admin: User
) -> None:
    entry = ReviewEntry.objects.get()
    url = reverse("imports:merge_accept", args=[network_a.slug, entry.pk])
    assert client_for(coordinator_a).post(url).status_code == 404
    assert Person.objects.filter(name="Cecilia Andersson").count() == 2
    assert client_for(site_admin).post(url).status_code == 302
    assert Person.objects.filter(name="Cecilia Andersson").count() == 1


def test_it_serves_the_original_as_an_attachment_to_members(
    imported: SourceDocument, alice: User
) -> None:
    response = client_for(alice).get(reverse("imports:source_download", args=[imported.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == imported.file.open("rb").read()  # type: ignore[attr-defined]


def test_it_hides_the_original_from_other_networks(imported: SourceDocument, bob: User) -> None:
    response = client_for(bob).get(reverse("imports:source_download", args=[imported.pk]))
    assert response.status_code == 404
