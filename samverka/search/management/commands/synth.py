from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from samverka.search.indexing import reindex
from samverka.synth.generator import Plan, build


class Command(BaseCommand):
    help = (
        "Generate a synthetic installation (networks, members, years of meetings) for benchmarks."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--networks", type=int, default=50, help="number of networks")
        parser.add_argument(
            "--years", type=int, default=10, help="years of meetings, up to this year"
        )
        parser.add_argument(
            "--meetings-per-year", type=int, default=8, help="meetings per network and year"
        )
        parser.add_argument(
            "--records",
            type=int,
            help="aim at about this many searchable records (sets --networks)",
        )
        parser.add_argument("--seed", type=int, default=1, help="the same seed gives the same data")
        parser.add_argument(
            "--no-index", action="store_true", help="skip building the search index"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["records"]:
            plan = Plan.for_records(
                options["records"], options["years"], options["meetings_per_year"], options["seed"]
            )
        else:
            plan = Plan(
                options["networks"], options["years"], options["meetings_per_year"], options["seed"]
            )
        started = time.perf_counter()
        with tqdm(total=plan.meetings, unit="möte", disable=None, file=self.stderr) as bar:
            try:
                summary = build(plan, progress=bar.update)
            except ValueError as error:
                raise CommandError(str(error)) from None
        self.stdout.write(
            f"{summary.networks} nätverk, {summary.people} personer, {summary.meetings} möten, "
            f"{summary.records} sökbara poster på {time.perf_counter() - started:.0f} s."
        )
        if not options["no_index"]:
            with tqdm(total=summary.records, unit="post", disable=None, file=self.stderr) as bar:
                reindex(progress=bar.update)
