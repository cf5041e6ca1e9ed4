from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from samverka.operations.archive import BackupError
from samverka.operations.progress import TerminalProgress
from samverka.operations.services import backup_restore


class Command(BaseCommand):
    help = "Restore a `samverka backup` archive into an empty, migrated installation."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="the archive written by `samverka backup`")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace the database even if it holds data (everything in it is lost)",
        )

    def handle(self, *args: Any, path: Path, force: bool, **options: Any) -> None:
        progress = TerminalProgress()
        try:
            manifest = backup_restore(path=path, force=force, progress=progress)
        except BackupError as error:
            raise CommandError(" ".join(str(error).split())) from None
        finally:
            progress.close()
        rows, files = sum(manifest["counts"].values()), len(manifest["files"])
        self.stdout.write(f"{path}: restored {rows} rows and {files} files")
