from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from samverka.operations.archive import BackupError
from samverka.operations.progress import TerminalProgress
from samverka.operations.services import backup_create


class Command(BaseCommand):
    help = "Write the database and every stored file into one zip archive."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "path", type=Path, help="the archive to write, e.g. samverka-2026-01-31.zip"
        )

    def handle(self, *args: Any, path: Path, **options: Any) -> None:
        progress = TerminalProgress()
        try:
            manifest = backup_create(path=path, progress=progress)
        except (BackupError, OSError) as error:
            raise CommandError(" ".join(str(error).split())) from None
        finally:
            progress.close()
        rows, files = sum(manifest["counts"].values()), len(manifest["files"])
        self.stdout.write(f"{path}: {rows} rows, {files} files")
