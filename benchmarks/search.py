"""Search at scale: one million synthetic records on SQLite FTS5 and on PostgreSQL.

Usage: .venv/bin/python benchmarks/search.py [--records 1000000] [--queries 200]
       [--backends sqlite,postgresql] [--postgres-url postgres://postgres@127.0.0.1:5432/samverka_bench]

For each backend, in a fresh database of its own (`--sqlite-file`, the
PostgreSQL database named in the URL; both are created and dropped here unless
`--keep`; `--reuse` measures again on kept ones, `--reuse --reindex` rebuilds
the index first): `samverka synth --no-index` at the requested size, then the
index built in one pass (records per second), then `--queries` realistic
Swedish queries run through `samverka.search.backends.search` (p50/p95) as a
member of one network and as a site admin, and, over the same data in the same
run, the plain `icontains` scan one would write without a full-text index
(`scan()`: same rows, same access scope, same page of 20 plus the count) on the
first `--scan-queries` of them, compared with the search on those same queries.
Targets: p95 ≤ 50 ms, at least 50× faster than the scan, ≥ 20,000 records/s.
Timings vary with the machine and its load; nothing here is asserted in tests.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from support import fresh_database, percentile, progress, run_worker

REPO = Path(__file__).resolve().parents[1]
SQLITE_FILE = REPO / "var" / "bench_search.sqlite3"
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/samverka_bench"

# What members of social-services networks look for; "2019"-style years, names
# of municipalities and people, phrases, exclusions and accent-free typing.
QUERIES = [
    "placeringar",
    "familjehem",
    "jourhem",
    "familjehemmen",
    "försörjningsstöd",
    "forsorjningsstod",
    "ekonomiskt bistånd",
    '"våld i nära relationer"',
    "våld",
    "barnahus",
    "orosanmälningar",
    "ensamkommande barn",
    "missbruk",
    "samordnad individuell plan",
    "SIP rutin",
    "Medelpunkten",
    "hemtjänst bemanning",
    "hemtjanst",
    "LSS gruppbostad",
    "kompetensförsörjning",
    "socialsekreterare rekrytering",
    "introduktion nyanställda",
    "digitalisering e-tjänster",
    "heltid",
    "hedersrelaterat våld",
    "verksamhetsplan",
    "budget placeringar",
    "HVB kostnader",
    "HVB -jourhem",
    "placeringar -HVB",
    "lex Sarah",
    "socialtjänstlagen",
    "barnkonventionen",
    "öppenvård unga",
    "kontaktfamiljer",
    "särskilt boende",
    "trygg hemgång",
    "skyddat boende",
    "sommarplanering vikarier",
    "Region Skåne avtal",
    "Arbetsförmedlingen",
    "Försäkringskassan",
    "jourhem 2019",
    "placeringar 2021",
    "beslut rutin",
    "uppdrag underlag",
    "sjukfrånvaro",
    "omorganisation",
    "enhetschef",
    "familjehemsrekrytering kampanj",
]
NAMES = ["Lindberg", "Åsa", "Öberg", "Karlsson", "Sjögren", "Håkan", "Nyström", "Fatima"]


def queries(count: int, municipalities: list[str], seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    pool = QUERIES + NAMES + [f"{m} placeringar" for m in municipalities[:5]] + municipalities[:5]
    return [rng.choice(pool) for _ in range(count)]


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def scan(user: Any, text: str, page_size: int) -> int:
    """Run the query a developer would write without a full-text index; return the hits.

    Over the same rows and text as the search (SearchEntry's title and body),
    with the same access scope (`visible_to`, which also works out the user's
    networks, as the search does): every word or quoted phrase `icontains` in
    the title or the body, excluded ones left out, the most recent first, the
    shown columns of one page and, when the page is full, the count.
    """
    from django.db.models import Q

    from samverka.search.backends.base import HIT_COLUMNS
    from samverka.search.models import SearchEntry
    from samverka.search.query import parse

    query = parse(text)
    found = SearchEntry.objects.visible_to(user)
    for clause in query.clauses:
        words = " ".join(clause.words)
        condition = Q(title__icontains=words) | Q(body__icontains=words)
        found = found.exclude(condition) if clause.negated else found.filter(condition)
    page = list(found.only(*HIT_COLUMNS).order_by("-date", "-id")[:page_size])
    return found.count() if page_size and len(page) == page_size else len(page)


def _cpu_rate(vendor: str, entries: int, cpu_seconds: float) -> dict[str, int]:
    """Return the records indexed per CPU-second of this process, on SQLite: there
    it is all of the database's work too, a measure that the machine's load does
    not change. On PostgreSQL the server does the work and the figure would say
    nothing."""
    if vendor != "sqlite" or cpu_seconds <= 0:
        return {}
    return {"index_cpu_rate": round(entries / cpu_seconds)}


# --- one backend, in its own process (Django reads DATABASE_URL at start) -------


def run_backend(options: argparse.Namespace) -> dict[str, Any]:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samverka.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from samverka.accounts.models import User
    from samverka.networks.models import Membership
    from samverka.search.backends import PAGE_SIZE, search
    from samverka.search.indexing import reindex
    from samverka.search.models import SearchEntry
    from samverka.synth.generator import Plan, build

    result: dict[str, Any] = {"backend": connection.vendor}
    if options.reuse and options.reindex:
        call_command("migrate", verbosity=0)
        started, cpu = time.perf_counter(), time.process_time()
        entries = reindex(progress=progress(SearchEntry.objects.count(), "index"))
        index_seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
        result |= {
            "records": entries,
            "index_seconds": round(index_seconds, 1),
            "index_rate": round(entries / index_seconds),
            **_cpu_rate(connection.vendor, entries, cpu_seconds),
        }
    elif options.reuse:
        result["records"] = SearchEntry.objects.count()
    else:
        call_command("migrate", verbosity=0)
        plan = Plan.for_records(options.records, seed=options.seed)
        started = time.perf_counter()
        summary = build(plan, progress=progress(plan.meetings, "synth"))
        synth_seconds = time.perf_counter() - started
        started, cpu = time.perf_counter(), time.process_time()
        entries = reindex(progress=progress(summary.records, "index"))
        index_seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
        result |= {
            **_cpu_rate(connection.vendor, entries, cpu_seconds),
            "records": entries,
            "networks": summary.networks,
            "meetings": summary.meetings,
            "synth_seconds": round(synth_seconds, 1),
            "index_seconds": round(index_seconds, 1),
            "index_rate": round(entries / index_seconds),
        }
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE search_searchentry")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    member = User.objects.get(email="synth-1-2@example.se")
    admin, _ = User.objects.get_or_create(email="bench-admin@example.se", is_staff=True)
    municipalities = list(
        Membership.objects.filter(network__memberships__person__user=member)
        .values_list("organisation__name", flat=True)
        .distinct()
    )
    texts = queries(options.queries, municipalities, options.seed)
    personas = {"member": member, "admin": admin}
    result["load_before"] = _load()
    for persona in options.personas.split(","):
        user = personas[persona]
        for text in texts[:10]:  # warm caches the way a running site has them
            search(user, text)
            scan(user, text, 0)
        timings, hits = [], []
        for text in texts:
            started = time.perf_counter()
            hits.append(search(user, text).total)
            timings.append((time.perf_counter() - started) * 1000)
        compared = texts[: options.scan_queries]
        scans, scan_hits = [], []
        for text in compared:
            started = time.perf_counter()
            scan_hits.append(scan(user, text, PAGE_SIZE))
            scans.append((time.perf_counter() - started) * 1000)
        # The search timings of the very queries the scan ran, for the ratio.
        same = timings[: len(compared)]
        result[persona] = {
            "scope_rows": SearchEntry.objects.visible_to(user).count(),
            "queries": len(timings),
            "p50_ms": round(statistics.median(timings), 2),
            "p95_ms": round(percentile(timings, 0.95), 2),
            "max_ms": round(max(timings), 2),
            "median_hits": statistics.median(hits),
            "scan_queries": len(scans),
            "scan_median_hits": statistics.median(scan_hits),
            "scan_p50_ms": round(statistics.median(scans), 1),
            "scan_p95_ms": round(percentile(scans, 0.95), 1),
            "same_p50_ms": round(statistics.median(same), 2),
            "same_p95_ms": round(percentile(same, 0.95), 2),
        }
    result["load_after"] = _load()
    return result


# --- the driver ---------------------------------------------------------------


def measure(backend: str, options: argparse.Namespace) -> dict[str, Any]:
    # Production settings: with DEBUG on, Django would also log every query.
    env = dict(os.environ, DEBUG="0", SECRET_KEY="benchmark-only-not-a-secret")
    with fresh_database(
        backend, Path(options.sqlite_file), options.postgres_url, options.keep, reuse=options.reuse
    ) as url:
        env["DATABASE_URL"] = url
        return run_worker(__file__, sys.argv[1:], env)


def report(result: dict[str, Any]) -> str:
    lines = [f"{result['backend']}: {result['records']:,} records"]
    if "meetings" in result:
        lines[0] += (
            f" in {result['networks']} networks, {result['meetings']:,} meetings "
            f"(synth {result['synth_seconds']} s)"
        )
    if "index_rate" in result:
        lines[0] += (
            f"; index built at {result['index_rate']:,} records/s ({result['index_seconds']} s"
        )
        if "index_cpu_rate" in result:
            lines[0] += f", {result['index_cpu_rate']:,} records per CPU-second of this process"
        lines[0] += ")"
    if "load_before" in result:
        lines.append(
            f"  load average (1, 5, 15 min) {result['load_before']} before the queries, "
            f"{result['load_after']} after"
        )
    for persona in ("member", "admin"):
        if persona not in result:
            continue
        r = result[persona]
        lines += [
            f"  as {persona} ({r['scope_rows']:,} entries in scope):"
            f" search p50 {r['p50_ms']:.1f} ms  p95 {r['p95_ms']:.1f} ms"
            f"  max {r['max_ms']:.1f} ms over {r['queries']} queries"
            f" (median {r['median_hits']} hits)",
            f"    icontains scan of the same scope (title or body, per word/phrase, page + count)"
            f" on the first {r['scan_queries']}: p50 {r['scan_p50_ms']:,.1f} ms"
            f"  p95 {r['scan_p95_ms']:,.1f} ms (median {r['scan_median_hits']} hits);"
            f" search on those: p50 {r['same_p50_ms']:.1f} ms  p95 {r['same_p95_ms']:.1f} ms;"
            f" scan/search {r['scan_p50_ms'] / max(r['same_p50_ms'], 0.01):,.0f}x at p50,"
            f" {r['scan_p95_ms'] / max(r['same_p95_ms'], 0.01):,.0f}x at p95",
        ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--records", type=int, default=1_000_000, help="searchable records to build"
    )
    parser.add_argument("--queries", type=int, default=200, help="queries to time per backend")
    parser.add_argument(
        "--scan-queries",
        type=int,
        default=20,
        help="of those, how many also run as icontains scans",
    )
    parser.add_argument("--seed", type=int, default=1, help="seed for the data and the queries")
    parser.add_argument(
        "--backends", default="sqlite,postgresql", help="comma-separated: sqlite, postgresql"
    )
    parser.add_argument(
        "--postgres-url", default=DEFAULT_POSTGRES, help="database to create and drop"
    )
    parser.add_argument(
        "--personas",
        default="member,admin",
        help="who searches: member (of one network), admin (sees everything), or both",
    )
    parser.add_argument(
        "--sqlite-file", default=str(SQLITE_FILE), help="SQLite database to create (or reuse)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the databases afterwards")
    parser.add_argument(
        "--reuse", action="store_true", help="time the queries again on databases kept by --keep"
    )
    parser.add_argument(
        "--reindex", action="store_true", help="with --reuse: rebuild the index first, timed"
    )
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.worker:
        sys.path.insert(0, str(REPO))
        print(json.dumps(run_backend(options)))
        return 0
    for backend in options.backends.split(","):
        result = measure(backend.strip(), options)
        print(report(result))
        print(json.dumps(result), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
