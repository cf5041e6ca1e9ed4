from __future__ import annotations

import json
import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from samverka.imports.services import DocumentResult, ImportError_, ImportResult, minutes_import


class Command(BaseCommand):
    help = (
        "Import minutes files (txt, md, html, docx, odt, pdf) into a network: "
        "one transaction per document, idempotent by content hash."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "paths", nargs="+", type=Path, metavar="PATH", help="files or folders (recursively)"
        )
        parser.add_argument(
            "--network", required=True, help="name of the network the minutes belong to"
        )
        parser.add_argument(
            "--create-network",
            action="store_true",
            help="create the network if no network has that name",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="read and resolve everything, report, and roll every document back",
        )
        parser.add_argument(
            "--json", action="store_true", help="print the summary as JSON on standard output"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        bar = tqdm(
            unit="dok",
            file=sys.stderr,
            disable=not sys.stderr.isatty(),
            dynamic_ncols=True,
        )

        def progress(document: DocumentResult) -> None:
            bar.update(1)
            bar.set_postfix_str(document.path[-40:], refresh=False)

        try:
            result = minutes_import(
                paths=options["paths"],
                network_name=options["network"],
                create_network=options["create_network"],
                dry_run=options["dry_run"],
                progress=progress,
            )
        except ImportError_ as error:
            raise CommandError(str(error)) from None
        finally:
            bar.close()
        if options["json"]:
            self.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(summary(result))
        if result.failed:
            raise CommandError(
                f"{result.failed} av {len(result.documents)} dokument kunde inte importeras",
                returncode=1,
            )


STATUS_WORDS = {
    "created": "ny",
    "updated": "ny version",
    "unchanged": "oförändrad",
    "failed": "MISSLYCKADES",
}


def summary(result: ImportResult) -> str:
    lines = []
    for d in result.documents:
        detail = (
            d.error
            if d.status == "failed"
            else f"{d.created} skapade, {d.updated} uppdaterade, {d.needs_review} att granska"
        )
        if d.status == "unchanged":
            detail = "inget ändrat"
        lines.append(f"{STATUS_WORDS[d.status]:>12}  {d.path}: {detail}")
    totals = result.totals()
    lines.append(
        f"{result.network}: {totals['documents']} dokument – {totals['created']} nya, "
        f"{totals['updated']} nya versioner, {totals['unchanged']} oförändrade, "
        f"{totals['failed']} misslyckade, {totals['needs_review']} att granska"
        + (" (provkörning, inget sparat)" if result.dry_run else "")
    )
    return "\n".join(lines)
