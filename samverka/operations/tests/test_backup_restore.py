"""SECURITY.md, "Nothing lost": a backup restored into an empty installation has
every record and every file again."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse

from samverka.accounts.models import User
from samverka.invitations.services import invitation_create
from samverka.meetings.models import Meeting
from samverka.operations.archive import MANIFEST, backed_up_models
from samverka.people.services import person_create
from samverka.search.models import SearchEntry

pytestmark = pytest.mark.django_db(transaction=True)


def everything() -> dict[str, list[dict[str, Any]]]:
    """Every row of every backed-up table, by model."""
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values())
        for model in backed_up_models()
    }


def media_files() -> dict[str, bytes]:
    root = Path(settings.MEDIA_ROOT)
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def search_entries() -> set[tuple[str, int]]:
    return set(SearchEntry.objects.values_list("kind", "object_pk"))


@pytest.fixture
def installation(
    alice: User,
    coordinator_a: User,
    bob: User,
    guest_a: User,
    site_admin: User,
    a_objects: dict[str, Any],
    b_objects: dict[str, Any],
) -> dict[str, Any]:
    """A populated installation: personas, two networks' meetings, items, decisions,
    assignments, status reports, an imported original and an attached document."""
    invitation_create(
        network=a_objects["Network"],
        email="nina@example.se",
        name="Nina Nilsson",
        invited_by=coordinator_a,
        site_url="http://testserver",
    )
    return a_objects


def empty_the_installation() -> None:
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


def test_it_restores_every_record_and_file_into_an_empty_installation(
    installation: dict[str, Any], tmp_path: Path, client: Client, alice: User
) -> None:
    rows, files, entries = everything(), media_files(), search_entries()
    assert len(files) == 4  # two imported originals, two documents
    assert all(rows[label] for label in ("meetings.Decision", "assignments.Assignment"))
    archive = tmp_path / "backup.zip"
    call_command("backup", str(archive), verbosity=0)

    empty_the_installation()
    assert not Meeting.objects.exists() and not media_files()

    call_command("restore", str(archive), verbosity=0)

    assert everything() == rows
    assert media_files() == files
    assert search_entries() == entries
    client.force_login(User.objects.get(email=alice.email))
    meeting = installation["Meeting"]
    page = client.get(reverse("meetings:detail", kwargs={"pk": meeting.pk}))
    assert installation["Decision"].text in page.content.decode()


def test_it_lets_new_records_follow_the_restored_ones(
    installation: dict[str, Any], tmp_path: Path
) -> None:
    archive = tmp_path / "backup.zip"
    call_command("backup", str(archive), verbosity=0)
    empty_the_installation()
    call_command("restore", str(archive), verbosity=0)
    person = person_create(name="Ny Person", email="ny@example.se")
    assert person.pk > installation["Membership"].person_id


def test_it_refuses_a_database_that_is_not_empty_unless_forced(
    installation: dict[str, Any], tmp_path: Path
) -> None:
    archive = tmp_path / "backup.zip"
    call_command("backup", str(archive), verbosity=0)
    rows = everything()
    with pytest.raises(CommandError, match=r"not empty.*--force"):
        call_command("restore", str(archive), verbosity=0)
    person_create(name="Tillkommen Person", email="")
    call_command("restore", str(archive), "--force", verbosity=0)
    assert everything() == rows


def test_it_refuses_a_tampered_file_and_touches_nothing(
    installation: dict[str, Any], tmp_path: Path
) -> None:
    archive, tampered = tmp_path / "backup.zip", tmp_path / "tampered.zip"
    call_command("backup", str(archive), verbosity=0)
    empty_the_installation()
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(tampered, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.startswith("media/documents/"):
                data = b"changed" + data
            target.writestr(info, data)
    with pytest.raises(CommandError, match="does not match its checksum"):
        call_command("restore", str(tampered), verbosity=0)
    assert not Meeting.objects.exists() and not media_files()


@pytest.mark.parametrize("damage", ["truncated", "not a zip", "no manifest", "missing"])
def test_it_refuses_a_bad_archive_in_one_line_with_a_non_zero_exit(
    installation: dict[str, Any],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    damage: str,
) -> None:
    archive, bad = tmp_path / "backup.zip", tmp_path / "bad.zip"
    call_command("backup", str(archive), verbosity=0)
    content = archive.read_bytes()
    if damage == "truncated":
        bad.write_bytes(content[: len(content) // 2])
    elif damage == "not a zip":
        bad.write_bytes(b"%PDF-1.7 not a backup")
    elif damage == "no manifest":
        with zipfile.ZipFile(archive) as source, zipfile.ZipFile(bad, "w") as target:
            for info in source.infolist():
                if info.filename != MANIFEST:
                    target.writestr(info, source.read(info))
    empty_the_installation()
    capsys.readouterr()
    from samverka.operations.management.commands.restore import Command

    with pytest.raises(SystemExit) as exit_status:
        Command().run_from_argv(["samverka", "restore", str(bad)])
    assert exit_status.value.code != 0
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "Traceback" not in error, error
    assert str(bad) in error or "Samverka backup" in error
