from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from samverka.operations.lookup import find_person
from samverka.people.services import person_export


class Command(BaseCommand):
    help = "Print everything Samverka holds about one person as JSON."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email", help="the person's email address (or their login's)")

    def handle(self, *args: Any, email: str, **options: Any) -> None:
        person = find_person(email)
        self.stdout.write(json.dumps(person_export(person), ensure_ascii=False, indent=2))
