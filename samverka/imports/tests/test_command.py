"""`samverka import` as a user runs it: summary, JSON, exit status, one-line errors."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from samverka.documents.models import SourceDocument
from samverka.imports.models import ImportRun
from samverka.networks.models import Network

pytestmark = pytest.mark.django_db

MINUTES = """Socialchefsnätverket

Datum och tid: 2020-11-06 kl. 9.30–11
Plats och lokal: Teamsmöte

Närvarande:
Agneta Hugander Klippan
Christin Johansson Båstad

Yrkesresan
Agneta kommer meddela SKR att majoriteten går med.
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "arkiv"
    (folder / "2020").mkdir(parents=True)
    (folder / "2020" / "2020-11-06.txt").write_text(MINUTES)
    (folder / "2020-03-06.md").write_text(MINUTES.replace("2020-11-06", "2020-03-06"))
    (folder / ".DS_Store").write_bytes(b"\x00\x01")
    (folder / "build.py").write_text("print('not minutes')\n")
    return folder


def run(*args: str) -> str:
    out = StringIO()
    call_command("import", *args, stdout=out)
    return out.getvalue()


def test_it_imports_a_folder_recursively_with_a_summary_per_document(folder: Path) -> None:
    output = run(str(folder), "--network", "Socialchefsnätverket", "--create-network")
    assert "2020/2020-11-06.txt" in output
    assert "2020-03-06.md" in output
    assert ".DS_Store" not in output
    assert "build.py" not in output
    assert SourceDocument.objects.count() == 2
    assert ImportRun.objects.count() == 1


def test_it_prints_the_summary_as_json(folder: Path) -> None:
    run(str(folder), "--network", "Socialchefsnätverket", "--create-network")
    summary = json.loads(run(str(folder), "--network", "Socialchefsnätverket", "--json"))
    assert [d["status"] for d in summary["documents"]] == ["unchanged", "unchanged"]
    assert summary["totals"]["unchanged"] == 2


def test_it_refuses_an_unknown_network_without_create_network(folder: Path) -> None:
    with pytest.raises(CommandError, match="--create-network"):
        run(str(folder), "--network", "Okänt nätverk")
    assert not Network.objects.filter(name="Okänt nätverk").exists()


def test_it_refuses_a_path_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="finns inte"):
        run(str(tmp_path / "saknas"), "--network", "N", "--create-network")


def test_it_imports_the_others_when_one_document_fails(folder: Path) -> None:
    (folder / "trasig.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    out = StringIO()
    with pytest.raises(CommandError) as raised:
        call_command(
            "import",
            str(folder),
            "--network",
            "Socialchefsnätverket",
            "--create-network",
            "--json",
            stdout=out,
        )
    assert raised.value.returncode == 1
    summary = json.loads(out.getvalue())
    statuses = {d["path"]: d["status"] for d in summary["documents"]}
    assert statuses == {
        "2020-03-06.md": "created",
        "2020/2020-11-06.txt": "created",
        "trasig.pdf": "failed",
    }
    assert SourceDocument.objects.count() == 2


def test_it_changes_nothing_on_a_dry_run(folder: Path) -> None:
    output = run(str(folder), "--network", "Socialchefsnätverket", "--create-network", "--dry-run")
    assert "provkörning" in output
    assert not Network.objects.filter(name="Socialchefsnätverket").exists()
    assert SourceDocument.objects.count() == 0
    assert ImportRun.objects.count() == 0
