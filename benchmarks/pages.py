"""Portal pages at scale: p95 per page type, and 20 concurrent users against gunicorn.

Usage: .venv/bin/python benchmarks/pages.py [--networks 50] [--years 10] [--requests 50]
       [--users 20] [--seconds 60] [--backends sqlite,postgresql]
       [--postgres-url postgres://postgres@127.0.0.1:5432/samverka_bench_pages]

For each backend, in a fresh database of its own (`var/bench/pages.sqlite3`, the
PostgreSQL database named in the URL; both are created and dropped here):

1. `samverka synth` builds the installation (50 networks × 10 years by default,
   no search index: no page here searches), and a small additive step gives it
   what the generator leaves out and the portal shows: sub-networks, representations
   in external bodies, former members and items carried over to the next meeting.
2. In-process, with Django's test Client logged in as a member of one network
   (`synth-1-2@example.se`), each page type is requested `--requests` times after
   a few warm-up requests; p50/p95/max per page type (wall clock), and the p95 of
   the CPU time this process spent, which a busy machine disturbs less (on
   SQLite it includes the database's work; on PostgreSQL the server's is not in
   it). Target p95 ≤ 150 ms.
3. gunicorn serves the same database on a free port of 127.0.0.1, with production
   settings (DEBUG off, collected static files), and `--users` threads, each with
   the member's session cookie and a keep-alive connection, walk the page types in
   turn for `--seconds` seconds, waiting `--think` seconds between requests as a
   reader does (`--think 0` saturates the server instead; loopback only, at most
   200,000 requests). Errors (anything but 200, or no answer) and p50/p95.
   Target: 0 errors.

Pages built by others that do not exist yet are skipped. Timings vary with the
machine and its load (the figures in the README were taken on 2 CPUs shared with
other work); nothing here is asserted in tests.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from support import fresh_database, percentile, progress, run_worker

REPO = Path(__file__).resolve().parents[1]
BENCH_DIR = REPO / "var" / "bench"
SQLITE_FILE = BENCH_DIR / "pages.sqlite3"
STATIC_DIR = BENCH_DIR / "static"
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/samverka_bench_pages"
MEMBER = "synth-1-2@example.se"
WARM_UP = 3
MAX_LOAD_REQUESTS = 200_000


def summary(timings: list[float]) -> dict[str, float]:
    return {
        "n": len(timings),
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": round(percentile(timings, 0.95), 1),
        "max_ms": round(max(timings), 1),
    }


# --- the worker: one backend, in its own process (settings read DATABASE_URL) ---


def worker(options: argparse.Namespace) -> dict[str, Any]:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samverka.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from samverka.synth.generator import Plan, build

    result: dict[str, Any] = {"backend": connection.vendor}
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    plan = Plan(options.networks, options.years, seed=options.seed)
    started = time.perf_counter()
    built = build(plan, progress=progress(plan.meetings, f"synth {connection.vendor}"))
    complete_installation()
    result |= {
        "networks": built.networks,
        "meetings": built.meetings,
        "synth_seconds": round(time.perf_counter() - started, 1),
    }
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    client, session, urls = member_client()
    result["session"] = session
    result["urls"] = urls
    result["pages"] = {}
    bar = progress(len(urls) * (options.requests + WARM_UP), "pages")
    for page, url in urls.items():
        timings, cpu = [], []
        for number in range(options.requests + WARM_UP):
            started, cpu_started = time.perf_counter(), time.process_time()
            response = client.get(url)
            elapsed = (time.perf_counter() - started) * 1000
            cpu_elapsed = (time.process_time() - cpu_started) * 1000
            if response.status_code != 200:
                raise RuntimeError(f"{url}: {response.status_code}")
            if number >= WARM_UP:
                timings.append(elapsed)
                cpu.append(cpu_elapsed)
            bar(1)
        result["pages"][page] = summary(timings) | {"cpu_p95_ms": round(percentile(cpu, 0.95), 1)}
    return result


def complete_installation() -> None:
    """Add what `samverka synth` leaves out and the portal shows (additive, here only):
    every fifth network gets the next four as sub-networks; each planning lead
    represents the network in two external bodies; one member per network left a
    year ago; the first item of every meeting is carried over to the next."""
    import datetime

    from django.utils import timezone

    from samverka.meetings.models import AgendaItem
    from samverka.networks.models import Membership, Network, Representation
    from samverka.organisations.models import Organisation
    from samverka.synth import vocabulary as words
    from samverka.synth.generator import SLUG_PREFIX

    networks = list(Network.objects.filter(slug__startswith=SLUG_PREFIX).order_by("pk"))
    for index, network in enumerate(networks):
        if index % 5:
            network.parent = networks[index - index % 5]
            network.save(update_fields=["parent"])
    bodies = list(Organisation.objects.filter(name__in=words.BODIES).order_by("name"))
    leads = Membership.objects.filter(role=Membership.Role.PLANNING_LEAD, network__in=networks)
    Representation.objects.bulk_create(
        Representation(
            network_id=lead.network_id,
            person_id=lead.person_id,
            body=bodies[(number + offset) % len(bodies)],
            start_date=datetime.date(2020, 1, 1),
        )
        for number, lead in enumerate(leads)
        for offset in (0, 1)
        if bodies
    )
    year_ago = timezone.localdate() - datetime.timedelta(days=365)
    for network in networks:
        last = Membership.objects.filter(network=network).order_by("-pk").first()
        if last is not None:
            Membership.objects.filter(pk=last.pk).update(end_date=year_ago)
    AgendaItem.objects.filter(order=1).update(outcome=AgendaItem.Outcome.CARRIED_OVER)


def member_client() -> tuple[Any, str, dict[str, str]]:
    """Return a logged-in test Client, its session key, and one URL per page type."""
    from django.test import Client
    from django.urls import NoReverseMatch, reverse

    from samverka.accounts.models import User
    from samverka.meetings.models import Meeting
    from samverka.networks.models import Membership

    member = User.objects.get(email=MEMBER)
    membership = Membership.objects.filter(person__user=member).select_related("network").first()
    assert membership is not None and membership.organisation_id is not None
    network = membership.network
    meeting = Meeting.objects.for_network(network).held().order_by("-date")[3]
    colleague = Membership.objects.filter(network=network).exclude(person__user=member).first()
    assert colleague is not None
    client = Client()
    client.force_login(member)
    candidates: dict[str, tuple[str, dict[str, Any]]] = {
        "start": ("start", {}),
        "network": ("networks:detail", {"slug": network.slug}),
        "meeting": ("meetings:detail", {"pk": meeting.pk}),
        "assignments": ("assignments:list", {}),
        "decisions": ("meetings:decisions", {}),
        "lagesbild network": ("networks:situation", {"slug": network.slug}),
        "lagesbild municipality": ("municipality_situation", {"pk": membership.organisation_id}),
        "attendance": ("networks:attendance", {"slug": network.slug}),
        "people": ("people:directory", {}),
        "person": ("people:detail", {"pk": colleague.person_id}),
        "organisation": ("organisations:detail", {"pk": membership.organisation_id}),
        "map": ("network_map", {}),
    }
    urls = {}
    for page, (name, kwargs) in candidates.items():
        try:
            urls[page] = reverse(name, kwargs=kwargs)
        except NoReverseMatch:
            print(f"skipped {page}: no URL named {name} yet", file=sys.stderr)
    return client, client.cookies["sessionid"].value, urls


# --- the load test: gunicorn on loopback, threads with the member's cookie ---------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve(env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    workers = str(max(2, os.cpu_count() or 2))
    command = [str(Path(sys.executable).parent / "gunicorn"), "samverka.wsgi"]
    command += ["--bind", f"127.0.0.1:{port}", "--workers", workers, "--threads", "4"]
    command += ["--worker-class", "gthread", "--log-level", "warning"]
    server = subprocess.Popen(command, env=env, cwd=REPO)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/health/")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise RuntimeError("gunicorn did not answer /health/ within 60 s")


def load(
    port: int, session: str, urls: list[str], users: int, seconds: float, think: float
) -> dict[str, Any]:
    timings: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds
    headers = {"Cookie": f"sessionid={session}", "Host": "127.0.0.1"}

    def user(number: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        step = number
        while time.monotonic() < stop and len(timings) + len(errors) < MAX_LOAD_REQUESTS:
            url = urls[step % len(urls)]
            step += 1
            started = time.perf_counter()
            try:
                connection.request("GET", url, headers=headers)
                response = connection.getresponse()
                response.read()
                problem = None if response.status == 200 else f"{url}: {response.status}"
            except (OSError, http.client.HTTPException) as error:
                problem = f"{url}: {error!r}"
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                (errors.append(problem) if problem else timings.append(elapsed))
            if think:
                time.sleep(think)
        connection.close()

    threads = [threading.Thread(target=user, args=(n,)) for n in range(users)]
    for thread in threads:
        thread.start()
    started = time.monotonic()
    while any(thread.is_alive() for thread in threads):
        time.sleep(1)
        done = len(timings) + len(errors)
        print(
            f"\rload: {time.monotonic() - started:4.0f} s  {done:6d} requests  "
            f"{len(errors)} errors",
            end="",
            file=sys.stderr,
            flush=True,
        )
    print(file=sys.stderr)
    result: dict[str, Any] = {
        "users": users,
        "seconds": seconds,
        "think": think,
        "errors": len(errors),
    }
    result["first_errors"] = errors[:5]
    if timings:
        result |= summary(timings)
        result["requests_per_second"] = round(len(timings) / seconds, 1)
    return result


# --- the driver -------------------------------------------------------------------


def measure(backend: str, options: argparse.Namespace) -> dict[str, Any]:
    env = dict(
        os.environ,
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,testserver",
        SECURE_SSL_REDIRECT="0",
        STATIC_ROOT=str(STATIC_DIR),
        DJANGO_SETTINGS_MODULE="samverka.settings",
        PYTHONPATH=str(REPO),
    )
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    with fresh_database(backend, SQLITE_FILE, options.postgres_url, options.keep) as url:
        env["DATABASE_URL"] = url
        result = run_worker(__file__, sys.argv[1:], env)
        if options.seconds > 0:
            port = free_port()
            server = serve(env, port)
            try:
                urls = list(result["urls"].values())
                result["load"] = load(
                    port, result["session"], urls, options.users, options.seconds, options.think
                )
            finally:
                server.terminate()
                server.wait(timeout=30)
        return result


def report(result: dict[str, Any], target: float) -> str:
    lines = [
        f"{result['backend']}: {result['networks']} networks, {result['meetings']:,} meetings "
        f"(synth {result['synth_seconds']} s)"
    ]
    for page, r in result["pages"].items():
        mark = "ok" if r["p95_ms"] <= target else "OVER"
        lines.append(
            f"  {page:<24} p50 {r['p50_ms']:6.1f} ms  p95 {r['p95_ms']:6.1f} ms  "
            f"max {r['max_ms']:6.1f} ms  (this process's CPU p95 {r['cpu_p95_ms']:6.1f} ms)  {mark}"
        )
    if "load" in result:
        r = result["load"]
        lines.append(
            f"  load: {r['users']} users × {r['seconds']:.0f} s, {r['think']} s between a "
            f"user's requests: {r.get('n', 0):,} requests "
            f"({r.get('requests_per_second', 0)}/s), {r['errors']} errors, "
            f"p50 {r.get('p50_ms', 0):.1f} ms, p95 {r.get('p95_ms', 0):.1f} ms"
        )
        lines += [f"    {error}" for error in r["first_errors"]]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--networks", type=int, default=50, help="networks to generate")
    parser.add_argument("--years", type=int, default=10, help="years of meetings per network")
    parser.add_argument("--seed", type=int, default=1, help="seed for the synthetic data")
    parser.add_argument("--requests", type=int, default=50, help="timed requests per page type")
    parser.add_argument("--users", type=int, default=20, help="concurrent users in the load test")
    parser.add_argument(
        "--seconds", type=float, default=60, help="length of the load test (0: no load test)"
    )
    parser.add_argument(
        "--think",
        type=float,
        default=1.0,
        help="seconds each user waits between requests (0: as fast as the server answers)",
    )
    parser.add_argument("--target", type=float, default=150, help="p95 target per page, in ms")
    parser.add_argument(
        "--backends", default="sqlite,postgresql", help="comma-separated: sqlite, postgresql"
    )
    parser.add_argument(
        "--postgres-url", default=DEFAULT_POSTGRES, help="database to create and drop"
    )
    parser.add_argument("--keep", action="store_true", help="keep the databases afterwards")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.worker:
        sys.path.insert(0, str(REPO))
        print(json.dumps(worker(options)))
        return 0
    for backend in options.backends.split(","):
        result = measure(backend.strip(), options)
        print(report(result, options.target), flush=True)
        result.pop("session", None)
        print(json.dumps(result), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
