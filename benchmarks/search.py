"""Search at scale: one million synthetic records on SQLite FTS5 and on PostgreSQL.

Usage: .venv/bin/python benchmarks/search.py [--records 1000000] [--queries 200]
       [--backends sqlite,postgresql] [--postgres-url postgres://postgres@127.0.0.1:5432/samverka_bench]

For each backend, in a fresh database of its own (`var/bench_search.sqlite3`,
the PostgreSQL database named in the URL; both are created and dropped here):
`samverka synth --no-index` at the requested size, then the index built in one
pass (records per second), then `--queries` realistic Swedish queries run as a
member of one network through `samverka.search.backends.search` (p50/p95), and,
over the same data in the same run, the plain `icontains` scan one would write
without a full-text index (same access scope, same page of 20 plus the count).
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


# --- one backend, in its own process (Django reads DATABASE_URL at start) -------


def run_backend(options: argparse.Namespace) -> dict[str, Any]:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samverka.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import Q

    from samverka.accounts.models import User
    from samverka.networks.models import Membership
    from samverka.search.backends import search
    from samverka.search.indexing import reindex
    from samverka.search.models import Scope, SearchEntry
    from samverka.search.query import parse
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
            # This process's CPU time: all of SQLite's work, only the client's on PostgreSQL.
            "index_cpu_rate": round(entries / cpu_seconds),
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
            "index_cpu_rate": round(entries / cpu_seconds),
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
    for persona in options.personas.split(","):
        user = personas[persona]
        for text in texts[:10]:  # warm caches the way a running site has them
            search(user, text)
        timings, hits = [], []
        for text in texts:
            started = time.perf_counter()
            hits.append(search(user, text).total)
            timings.append((time.perf_counter() - started) * 1000)
        scope = Scope.of(user)
        scans = []
        for text in texts[: options.scan_queries]:
            condition = Q()
            for word in parse(text).terms():
                condition &= Q(title__icontains=word) | Q(body__icontains=word)
            started = time.perf_counter()
            found = SearchEntry.objects.within(scope).filter(condition)
            list(found.order_by("-date")[:20])
            found.count()
            scans.append((time.perf_counter() - started) * 1000)
        result[persona] = {
            "queries": len(timings),
            "p50_ms": round(statistics.median(timings), 2),
            "p95_ms": round(percentile(timings, 0.95), 2),
            "max_ms": round(max(timings), 2),
            "median_hits": statistics.median(hits),
            "scan_queries": len(scans),
            "scan_p50_ms": round(statistics.median(scans), 1),
            "scan_p95_ms": round(percentile(scans, 0.95), 1),
        }
    return result


# --- the driver ---------------------------------------------------------------


def measure(backend: str, options: argparse.Namespace) -> dict[str, Any]:
    env = dict(os.environ, DEBUG="1")
    with fresh_database(
        backend, SQLITE_FILE, options.postgres_url, options.keep, reuse=options.reuse
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
            f"; index built at {result['index_rate']:,} records/s ({result['index_seconds']} s, "
            f"{result['index_cpu_rate']:,} records per CPU-second of this process)"
        )
    for persona in ("member", "admin"):
        if persona not in result:
            continue
        r = result[persona]
        lines.append(
            f"  as {persona:<6} search p50 {r['p50_ms']:6.1f} ms  p95 {r['p95_ms']:6.1f} ms  "
            f"(median {r['median_hits']} hits) | icontains scan p50 {r['scan_p50_ms']:8.1f} ms  "
            f"p95 {r['scan_p95_ms']:8.1f} ms | {r['scan_p50_ms'] / max(r['p50_ms'], 0.01):,.0f}x"
        )
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
