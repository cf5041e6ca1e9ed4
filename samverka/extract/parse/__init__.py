"""Parse the decoded text of one minutes document into `Minutes`.

Two passes over the same text. The header pass finds what describes the
meeting (title, network, date, time, place, attendance, minute taker) and
which spans of text it consumed; the body pass finds the agenda items with
their decisions, assignments and outcome, the situation reports and the
meetings the text schedules, skipping the spans the header consumed. A last
pass reconciles the two (a heading date that the body contradicts).
"""

from __future__ import annotations

from samverka.extract.model import Minutes, SourceText
from samverka.extract.parse.body import parse_body
from samverka.extract.parse.header import parse_header, reconcile


def parse(source: SourceText) -> Minutes:
    """Return the minutes found in `source`."""
    header = parse_header(source)
    body = parse_body(source, header)
    minutes = Minutes(
        source=source,
        title=header.title,
        network=header.network,
        date=header.date,
        start_time=header.start_time,
        end_time=header.end_time,
        place=header.place,
        digital=header.digital,
        minute_taker=header.minute_taker,
        participants=header.participants,
        items=body.items,
        status_reports=body.status_reports,
        planned_meetings=body.planned_meetings,
        warnings=[*header.warnings, *body.warnings],
    )
    reconcile(minutes)
    return minutes
