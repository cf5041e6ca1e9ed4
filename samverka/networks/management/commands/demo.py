from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from samverka.networks.demo import demo_create


class Command(BaseCommand):
    help = "Create a small fictional demo network with meetings and print how to log in."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--allow-without-debug",
            action="store_true",
            help="run even though DEBUG is off (the demo logins have a published password)",
        )

    def handle(self, *args: Any, allow_without_debug: bool = False, **options: Any) -> None:
        if not settings.DEBUG and not allow_without_debug:
            raise CommandError("The demo has known passwords; run it with DEBUG=1.")
        logins = demo_create()
        self.stdout.write("Demo network ready. Log in with:")
        for login in logins:
            self.stdout.write(f"  {login.email:<24} {login.password}   ({login.what})")
