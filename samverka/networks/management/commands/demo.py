from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from samverka.networks.demo import demo_create
from samverka.networks.models import Network


class Command(BaseCommand):
    help = "Create a small fictional demo network with meetings and print how to log in."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--allow-without-debug",
            action="store_true",
            help="run even though DEBUG is off (the demo logins have a published password)",
        )
        parser.add_argument(
            "--join",
            action="append",
            default=[],
            metavar="NETWORK",
            help="slug or name of a further network the demo coordinator and member join "
            "(repeatable), e.g. one the example minutes were imported into",
        )

    def handle(
        self, *args: Any, allow_without_debug: bool = False, join: list[str], **options: Any
    ) -> None:
        if not settings.DEBUG and not allow_without_debug:
            raise CommandError("The demo has known passwords; run it with DEBUG=1.")
        logins = demo_create(join=[_network(name) for name in join])
        self.stdout.write("Demo network ready. Log in with:")
        for login in logins:
            self.stdout.write(f"  {login.email:<24} {login.password}   ({login.what})")


def _network(name: str) -> Network:
    network = Network.objects.filter(slug=name).first() or Network.objects.filter(name=name).first()
    if network is None:
        raise CommandError(f"No network with the slug or name {name!r}.")
    return network
