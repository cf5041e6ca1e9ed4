"""Killing `samverka import` mid-document leaves nothing of that document behind.

The import runs as a real process against a file database (a temporary SQLite
file, or a fresh PostgreSQL database when the suite runs on PostgreSQL). The
test hook SAMVERKA_IMPORT_PAUSE_AFTER_RECORDS makes it stop in the middle of a
document; the test then sends SIGKILL.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection

from samverka.imports.load import PAUSE_ENV, PAUSED_MESSAGE
from samverka.imports.tests.conftest import REPO

MINUTES = """Socialchefsnätverket

Datum och tid: {date} kl. 9.30–11
Plats och lokal: Teamsmöte

Närvarande:
Agneta Hugander Klippan
Christin Johansson Båstad
Filippa Kurdve (ordf.) Ängelholm

Yrkesresan
Beslut: att Agneta meddelar SKR att majoriteten går med.
Linda får i uppdrag att kontakta Medelpunkten.

Nätverkskartan
Punkten skjuts fram till nästa möte.
"""

COUNT_ROWS = (
    "import json; from django.apps import apps; "
    "print('COUNTS', json.dumps({m._meta.label: m._default_manager.count() "
    "for m in apps.get_models()}))"
)


@pytest.fixture
def database_url(tmp_path: Path) -> Iterator[str]:
    """A database of the test's own, empty but migrated."""
    if connection.vendor == "postgresql":
        import psycopg

        settings = connection.settings_dict
        name = f"samverka_kill_{uuid.uuid4().hex[:8]}"
        admin = psycopg.connect(
            host=settings["HOST"] or "127.0.0.1",
            port=settings["PORT"] or 5432,
            user=settings["USER"],
            password=settings["PASSWORD"] or None,
            dbname="postgres",
            autocommit=True,
        )
        admin.execute(f'CREATE DATABASE "{name}"')
        url = (
            f"postgres://{settings['USER']}:{settings['PASSWORD'] or ''}@"
            f"{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{name}"
        )
        try:
            yield url
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.close()
    else:
        yield f"sqlite:///{tmp_path / 'kill.sqlite3'}"


def environment(tmp_path: Path, database_url: str, **extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "VAR_DIR": str(tmp_path / "var"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "SECRET_KEY": "only-for-the-kill-test",
        "DEBUG": "0",
        **extra,
    }
    env.pop(PAUSE_ENV, None)
    env.update(extra)
    return env


def samverka(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "samverka.cli", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def row_counts(env: dict[str, str]) -> dict[str, int]:
    done = samverka(env, "shell", "-v", "0", "-c", COUNT_ROWS)
    assert done.returncode == 0, done.stderr
    line = next(line for line in done.stdout.splitlines() if line.startswith("COUNTS "))
    counts: dict[str, int] = json.loads(line.removeprefix("COUNTS "))
    return counts


def test_it_leaves_no_partial_document_when_killed(tmp_path: Path, database_url: str) -> None:
    env = environment(tmp_path, database_url)
    migrated = samverka(env, "migrate", "--noinput", "-v", "0")
    assert migrated.returncode == 0, migrated.stderr
    archive = tmp_path / "arkiv"
    archive.mkdir()
    (archive / "a-2020-03-06.txt").write_text(MINUTES.format(date="2020-03-06"))
    first = samverka(env, "import", str(archive), "--network", "Nätverket", "--create-network")
    assert first.returncode == 0, first.stderr
    before = row_counts(env)

    (archive / "b-2020-11-06.txt").write_text(MINUTES.format(date="2020-11-06"))
    paused = subprocess.Popen(
        [sys.executable, "-m", "samverka.cli", "import", str(archive), "--network", "Nätverket"],
        cwd=REPO,
        env=environment(tmp_path, database_url, **{PAUSE_ENV: "2"}),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert paused.stderr is not None
        for line in paused.stderr:  # wait until it stops mid-document
            if PAUSED_MESSAGE in line:
                break
        else:
            pytest.fail(f"the import never paused (exit {paused.wait()})")
        paused.send_signal(signal.SIGKILL)
        paused.wait(timeout=30)
    finally:
        if paused.poll() is None:
            paused.kill()
    assert paused.returncode == -signal.SIGKILL
    assert row_counts(env) == before  # nothing of b-2020-11-06.txt remains

    again = samverka(env, "import", str(archive), "--network", "Nätverket", "--json")
    assert again.returncode == 0, again.stderr
    statuses = {d["path"]: d["status"] for d in json.loads(again.stdout)["documents"]}
    assert statuses == {"a-2020-03-06.txt": "unchanged", "b-2020-11-06.txt": "created"}
    after = row_counts(env)
    assert after["documents.SourceDocument"] == before["documents.SourceDocument"] + 1
