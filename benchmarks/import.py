"""Benchmark `samverka import`: 1,000 documents into SQLite and into PostgreSQL.

The corpus is the five seed minutes (when ../shared/seeds exists) and the
repository's examples, copied under new names with a small change each, so
every copy has its own hash. Copy k of every file goes to network k, as if
one network after another brought its archive: every copy is imported in
full (no copy is "unchanged" or a second set of minutes of a meeting already
held), and the people resolved across networks make the directory grow the
way it does in use.

    .venv/bin/python benchmarks/import.py                 # 1,000 docs, both databases
    .venv/bin/python benchmarks/import.py --docs 200 --databases sqlite

Each database runs in a child process pinned to one core; the parent prints
documents per second, wall and CPU seconds, SQL queries per document (the
figure the machine's load does not blur) and resident memory (current and
peak) every 100 documents, to show memory stays flat. `--queries N` also lists
the N most frequent statement shapes (literals and parameter lists folded).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"
EXAMPLES = REPO / "examples"
POSTGRES_URL = os.environ.get(
    "BENCHMARK_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres"
)
TARGET_SECONDS_PER_1000 = 60.0


def templates() -> list[Path]:
    found = sorted(SEEDS.glob("*")) if SEEDS.is_dir() else []
    for folder in sorted(p for p in EXAMPLES.iterdir() if p.is_dir() and p.name != "src"):
        found += sorted(p for p in folder.iterdir() if p.is_file())
    return [p for p in found if p.is_file()]


def changed_copy(source: Path, target: Path, number: int) -> None:
    """Copy `source` with a small change that alters the hash and not the minutes."""
    data = source.read_bytes()
    suffix = source.suffix.lower()
    if suffix in {".docx", ".odt"}:
        shutil.copyfile(source, target)
        with zipfile.ZipFile(target, "a") as archive:
            archive.comment = f"kopia {number}".encode()
    elif suffix == ".pdf":
        target.write_bytes(data + f"\n%kopia {number}\n".encode())
    elif suffix in {".html", ".htm"}:
        target.write_bytes(data + f"\n<!-- kopia {number} -->\n".encode())
    else:
        target.write_bytes(data + f"\n\nKopia {number}\n".encode())


def build_corpus(folder: Path, documents: int) -> list[Path]:
    """Write `documents` files into folder/network-<k>/ and return the network folders."""
    sources = templates()
    if not sources:
        sys.exit("no minutes to copy: neither ../shared/seeds nor examples/ has files")
    networks: list[Path] = []
    written = 0
    while written < documents:
        network = folder / f"network-{len(networks) + 1:03d}"
        network.mkdir(parents=True)
        networks.append(network)
        for source in sources:
            if written == documents:
                break
            changed_copy(source, network / f"{written:04d}-{source.name}", written)
            written += 1
    return networks


def rss_mb() -> tuple[float, float]:
    """Return (current, peak) resident memory in MB."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    current = pages * os.sysconf("SC_PAGE_SIZE") / 1e6
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
    return current, peak


_COLUMNS = re.compile(r"^SELECT .*? FROM ", re.DOTALL)
_LITERALS = re.compile(r"'(?:[^']|'')*'|\b\d+\b")
_PARAMETER_LISTS = re.compile(r"\((?:\s*(?:%s|\?|NULL|DEFAULT)\s*,?)+\)(?:\s*,\s*\((?:[^()]*)\))*")


def statement_shape(sql: str) -> str:
    """Fold a statement's literals and parameter lists, so that alike statements count as one."""
    folded = _PARAMETER_LISTS.sub("(…)", _LITERALS.sub("?", sql))
    return _COLUMNS.sub("SELECT … FROM ", folded)[:200]


class QueryCounter:
    """A `connection.execute_wrapper` that counts statements, by shape if asked."""

    def __init__(self, by_shape: bool) -> None:
        self.total = 0
        self.by_shape = by_shape
        self.shapes: Counter[str] = Counter()

    def __call__(
        self, execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any
    ) -> Any:
        self.total += 1
        if self.by_shape:
            self.shapes[statement_shape(sql)] += 1
        return execute(sql, params, many, context)


def run_one(database_url: str, corpus: Path, shapes: int = 0) -> dict[str, Any]:
    """Migrate an empty database and import every network folder (in this process)."""
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("SECRET_KEY", "benchmark-only")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samverka.settings")
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from tqdm import tqdm

    from samverka.imports.services import DocumentResult, minutes_import

    call_command("migrate", verbosity=0, interactive=False)
    networks = sorted(p for p in corpus.iterdir() if p.is_dir())
    total = sum(1 for n in networks for p in n.iterdir() if p.is_file())
    points: list[dict[str, float]] = []
    statuses: dict[str, int] = {}
    done = 0
    bar = tqdm(total=total, unit="dok", file=sys.stderr, disable=not sys.stderr.isatty())
    counter = QueryCounter(by_shape=shapes > 0)
    wall, cpu = time.perf_counter(), time.process_time()

    def progress(document: DocumentResult) -> None:
        nonlocal done
        done += 1
        statuses[document.status] = statuses.get(document.status, 0) + 1
        bar.update(1)
        if done % 100 == 0 or done == total:
            current, peak = rss_mb()
            points.append(
                {
                    "documents": done,
                    "seconds": round(time.perf_counter() - wall, 2),
                    "rss_mb": round(current, 1),
                    "peak_rss_mb": round(peak, 1),
                }
            )

    with connection.execute_wrapper(counter):
        for number, network in enumerate(networks, start=1):
            minutes_import(
                paths=[network],
                network_name=f"Benchmarknätverk {number}",
                create_network=True,
                progress=progress,
            )
    bar.close()
    seconds = time.perf_counter() - wall
    return {
        "documents": done,
        "statuses": statuses,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(time.process_time() - cpu, 2),
        "documents_per_second": round(done / seconds, 1),
        "queries": counter.total,
        "queries_per_document": round(counter.total / max(done, 1), 1),
        "shapes": counter.shapes.most_common(shapes),
        "points": points,
    }


def postgres_database() -> tuple[str, str] | None:
    """Create an empty PostgreSQL database; return (url, name), or None if unreachable."""
    try:
        import psycopg

        with psycopg.connect(POSTGRES_URL, autocommit=True, connect_timeout=3) as admin:
            name = f"samverka_benchmark_{uuid.uuid4().hex[:8]}"
            admin.execute(f'CREATE DATABASE "{name}"')
    except Exception as error:
        print(f"PostgreSQL not reachable at {POSTGRES_URL}: {error}", file=sys.stderr)
        return None
    return POSTGRES_URL.rsplit("/", 1)[0] + f"/{name}", name


def drop_postgres(name: str) -> None:
    import psycopg

    with psycopg.connect(POSTGRES_URL, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def child(database_url: str, corpus: Path, media: Path, shapes: int) -> dict[str, Any]:
    env = {**os.environ, "MEDIA_ROOT": str(media), "VAR_DIR": str(media.parent / "var")}
    command = [sys.executable, __file__, "--child", database_url, "--corpus", str(corpus)]
    done = subprocess.run(
        [*command, "--queries", str(shapes)],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def report(name: str, result: dict[str, Any]) -> None:
    per_1000 = result["seconds"] / result["documents"] * 1000
    verdict = "ok" if per_1000 <= TARGET_SECONDS_PER_1000 else "OVER TARGET"
    print(
        f"{name}: {result['documents']} documents in {result['seconds']} s "
        f"({result['cpu_seconds']} s CPU), {result['documents_per_second']} docs/s, "
        f"{per_1000:.1f} s per 1,000 ({verdict}); "
        f"{result['queries_per_document']} queries per document; {result['statuses']}"
    )
    for point in result["points"]:
        print(
            f"  {point['documents']:>5} docs  {point['seconds']:>7} s  "
            f"RSS {point['rss_mb']:>6} MB  peak {point['peak_rss_mb']:>6} MB"
        )
    for shape, count in result["shapes"]:
        print(f"  {count / result['documents']:>7.2f} per document  {shape}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000, help="how many documents to import")
    parser.add_argument(
        "--databases",
        default="sqlite,postgres",
        help="comma-separated: sqlite, postgres (skipped when unreachable)",
    )
    parser.add_argument(
        "--queries",
        type=int,
        default=0,
        help="also list this many of the most frequent SQL statement shapes",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        print(json.dumps(run_one(options.child, options.corpus, options.queries)))
        return
    with tempfile.TemporaryDirectory(prefix="samverka-benchmark-") as temporary:
        folder = Path(temporary)
        corpus = folder / "corpus"
        networks = build_corpus(corpus, options.docs)
        print(
            f"{options.docs} documents in {len(networks)} networks, from {len(templates())} files"
        )
        wanted = options.databases.split(",")
        if "sqlite" in wanted:
            url = f"sqlite:///{folder / 'benchmark.sqlite3'}"
            report("SQLite", child(url, corpus, folder / "media-sqlite", options.queries))
        if "postgres" in wanted and (database := postgres_database()):
            url, name = database
            try:
                report("PostgreSQL", child(url, corpus, folder / "media-postgres", options.queries))
            finally:
                drop_postgres(name)


if __name__ == "__main__":
    main()
