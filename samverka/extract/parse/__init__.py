"""Parse the decoded text of one minutes document into `Minutes`.

Two passes over the same text. The header pass finds what describes the
meeting (title, network, date, time, place, attendance, minute taker) and
which spans of text it consumed; the body pass finds the agenda items with
their decisions, assignments and outcome, the situation reports and the
meetings the text schedules, skipping the spans the header consumed. A last
pass reconciles the two (a heading date that the body contradicts).
"""

from __future__ import annotations

import dataclasses
import re

from samverka.extract.model import Minutes, SourceText
from samverka.extract.parse.body import parse_body
from samverka.extract.parse.header import parse_header, reconcile
from samverka.extract.parse.people import initial_forms

# Markdown's emphasis and heading marks: "**Närvarande ledamöter**",
# "**Frånvarande:** Helén Persson", "# Samverkansrådet – protokoll".
_MARKDOWN_MARKS = re.compile(r"\*\*|__|^[ \t]*#{1,6}(?=[ \t])", re.MULTILINE)


def parse(source: SourceText) -> Minutes:
    """Return the minutes found in `source`."""
    view = _without_initials_column(_without_markdown_marks(source))
    header = parse_header(view)
    body = parse_body(view, header)
    minutes = Minutes(
        source=view,
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
    minutes.source = source
    return minutes


def _without_markdown_marks(source: SourceText) -> SourceText:
    """Return a Markdown document with its emphasis and heading marks blanked out.

    The rules read the words, not the marks around them; blanks of the same
    length keep every span pointing into the document as read, and the
    reader's layout hints still say where the headings and bold lines were.
    """
    if source.media_type != "text/markdown" or not _MARKDOWN_MARKS.search(source.text):
        return source
    text = _MARKDOWN_MARKS.sub(lambda m: " " * len(m.group()), source.text)
    return dataclasses.replace(source, text=text)


# "KSt   Karin Strand   Växjö kommun, MAS": an attendance table keyed by the
# initials the minutes use for each person (opening with the newline before the
# line, which the regex engine scans for).
_INITIALS_ROW = re.compile(
    r"\n(?P<initials>[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{1,3})[ \t]{2,}(?P<first>[A-ZÅÄÖ][\w-]+)[ \t]+"
    r"(?P<last>[A-ZÅÄÖ][\w-]+)"
)
# Rows in a row that make a column of initials.
_INITIALS_ROWS = 3


def _without_initials_column(source: SourceText) -> SourceText:
    """Return the text with a column of initials before the attendance names blanked out.

    A row counts when its initials are those of the name beside it ("KSt" for
    Karin Strand, "LOE" for Lars-Olof Engdahl); three such rows in a row make
    the column. The initials stay in the text the rules read elsewhere.
    """
    rows = [m for m in _INITIALS_ROW.finditer(source.text) if _initials_of(m)]
    column: list[re.Match[str]] = []
    keep: list[re.Match[str]] = []
    for row in rows:
        if column and source.text.count("\n", column[-1].end(), row.start()) > 1:
            keep += column if len(column) >= _INITIALS_ROWS else []
            column = []
        column.append(row)
    keep += column if len(column) >= _INITIALS_ROWS else []
    if not keep:
        return source
    text = list(source.text)
    for row in keep:
        start, end = row.span("initials")
        text[start:end] = " " * (end - start)
    return dataclasses.replace(source, text="".join(text))


def _initials_of(row: re.Match[str]) -> bool:
    """Whether a row's initials stand for the name beside it."""
    return row["initials"].lower() in initial_forms(f"{row['first']} {row['last']}")
