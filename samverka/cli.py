"""The `samverka` command.

`samverka parse` runs the extractor alone, without Django, so that it starts
fast and works on a machine with no database. Every other subcommand is a
Django management command (`samverka import`, `samverka migrate`, …).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from samverka.extract.model import Minutes


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "parse":
        return parse_main(args[1:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samverka.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["samverka", *args])
    return 0


def parse_main(argv: Sequence[str]) -> int:
    """Print each file's minutes as JSON (JSON Lines for several) or as a summary."""
    parser = argparse.ArgumentParser(
        prog="samverka parse",
        description="Read minutes files and print them in the samverka.minutes/1 format.",
    )
    parser.add_argument(
        "--format",
        choices=["json", "text"],
        default="json",
        help="json: one JSON object per file (JSON Lines for several); text: a readable summary",
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="minutes files to read")
    options = parser.parse_args(argv)

    try:
        return _print_minutes(options.files, options.format)
    except BrokenPipeError:
        # The reader stopped reading ("samverka parse … | head"): stop quietly, and
        # keep Python from complaining again when it flushes stdout on exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _print_minutes(files: Sequence[Path], output: str) -> int:
    from samverka.extract import ReadError, extract

    status = 0
    several = len(files) > 1
    for path in files:
        try:
            minutes = extract(path)
        except ReadError as error:
            print(f"{one_line(path)}: {one_line(error)}", file=sys.stderr)
            status = 2
            continue
        except Exception as error:  # the extractor must never crash the whole run
            reason = type(error).__name__
            print(f"{one_line(path)}: could not be parsed ({reason})", file=sys.stderr)
            status = 2
            continue
        if output == "json":
            indent = None if several else 2
            print(json.dumps(minutes.to_dict(), ensure_ascii=False, indent=indent))
        else:
            print(summary(minutes))
    sys.stdout.flush()
    return status


def one_line(value: object) -> str:
    """Return `value` as text on one line, so that each error is one line on stderr."""
    return " ".join(str(value).split())


def summary(minutes: Minutes) -> str:
    """Return a readable summary of one document's minutes."""
    lines = [f"== {minutes.source.name}"]
    for label, value in [
        ("Rubrik", minutes.title),
        ("Nätverk", minutes.network),
        ("Datum", minutes.date),
        ("Tid", "–".join(t for t in (minutes.start_time, minutes.end_time) if t) or None),
        ("Plats", minutes.place),
        ("Digitalt", {True: "ja", False: "nej", None: None}[minutes.digital]),
        ("Vid tangenterna", minutes.minute_taker),
    ]:
        if value:
            lines.append(f"{label}: {value}")
    status_names = {"present": "närvarande", "absent": "frånvarande", "guest": "gäst"}
    if minutes.participants:
        lines.append("Deltagare:")
        for p in minutes.participants:
            details = ", ".join(x for x in (p.organisation, p.role, status_names[p.status]) if x)
            lines.append(f"  {p.name} ({details})")
    for item in minutes.items:
        number = f"{item.number}. " if item.number else ""
        raised = f" – {item.raised_by}" if item.raised_by else ""
        carried = " [flyttas till nästa möte]" if item.outcome == "carried_over" else ""
        lines.append(f"{number}{item.title}{raised}{carried}")
        lines.extend(f"    Beslut: {d.text}" for d in item.decisions)
        for a in item.assignments:
            due = f" (senast {a.due})" if a.due else ""
            lines.append(f"    Uppdrag: {a.assignee}: {a.text}{due}")
    if minutes.status_reports:
        lines.append("Lägesrapporter:")
        lines.extend(f"  {s.organisation}: {s.text[:70]}" for s in minutes.status_reports)
    if minutes.planned_meetings:
        lines.append("Kommande möten:")
        for m in minutes.planned_meetings:
            time = "–".join(t for t in (m.start_time, m.end_time) if t)
            lines.append(f"  {m.date} {time} {m.place or ''}".rstrip())
    lines.extend(f"Varning: {w}" for w in minutes.to_dict()["warnings"])
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
