from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from samverka.operations.lookup import find_person
from samverka.people.services import person_deactivate


class Command(BaseCommand):
    help = (
        "Remove a person's login and contact details; their name stays in the minutes "
        "(attendance, items, assignments)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email", help="the person's email address (or their login's)")

    def handle(self, *args: Any, email: str, **options: Any) -> None:
        person = person_deactivate(person=find_person(email))
        self.stdout.write(f"{person.name}: deactivated")
