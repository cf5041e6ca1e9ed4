"""What the benchmark scripts share: a fresh database per backend, the worker
subprocess that measures in it, percentiles and progress bars."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def progress(total: int, label: str) -> Callable[[int], Any]:
    """A tqdm bar on stderr (hidden when stderr is no terminal); returns its update."""
    from tqdm import tqdm

    bar = tqdm(total=total, desc=label, unit="", disable=None, file=sys.stderr, leave=False)
    return bar.update


def postgres_admin(url: str, statement: str) -> None:
    """Run `statement` on the `postgres` database of the server `url` points at."""
    import psycopg

    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(statement)


def remove_sqlite(sqlite_file: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{sqlite_file}{suffix}").unlink(missing_ok=True)


@contextmanager
def fresh_database(
    backend: str, sqlite_file: Path, postgres_url: str, keep: bool, reuse: bool = False
) -> Iterator[str]:
    """Yield the DATABASE_URL of an empty database for `backend` ("sqlite" or
    "postgresql"), dropped afterwards unless `keep`. With `reuse`, the database
    kept by an earlier run is used as it is, and kept again."""
    name = postgres_url.rsplit("/", 1)[1]
    url = f"sqlite:///{sqlite_file}" if backend == "sqlite" else postgres_url
    if not reuse:
        if backend == "sqlite":
            sqlite_file.parent.mkdir(parents=True, exist_ok=True)
            remove_sqlite(sqlite_file)
        else:
            postgres_admin(postgres_url, f'DROP DATABASE IF EXISTS "{name}"')
            postgres_admin(postgres_url, f'CREATE DATABASE "{name}"')
    try:
        yield url
    finally:
        if not (keep or reuse):
            if backend == "sqlite":
                remove_sqlite(sqlite_file)
            else:
                postgres_admin(postgres_url, f'DROP DATABASE IF EXISTS "{name}"')


def run_worker(script: str, argv: Sequence[str], env: dict[str, str]) -> dict[str, Any]:
    """Run `script --worker *argv` with `env` and return the JSON object it
    prints on its last line of stdout."""
    output = subprocess.run(
        [sys.executable, script, "--worker", *argv],
        env=env,
        cwd=REPO,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    ).stdout
    return dict(json.loads(output.strip().splitlines()[-1]))
