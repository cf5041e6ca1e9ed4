from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from tqdm import tqdm

from samverka.search.entries import SOURCES
from samverka.search.indexing import reindex


class Command(BaseCommand):
    help = "Rebuild the full-text index from every searchable record."

    def handle(self, *args: Any, **options: Any) -> None:
        total = sum(source.model._default_manager.count() for source in SOURCES.values())
        with tqdm(total=total, unit="post", disable=None, file=self.stderr) as bar:
            count = reindex(progress=bar.update)
        self.stdout.write(f"{count} poster indexerade.")
