"""Score extracted minutes against hand-made expected minutes (`samverka.minutes/1`).

The rules are those of the shared scorer (`../shared/eval/score.py`), so that the
figures printed here and there agree:

- Every category is micro-averaged: true finds, false finds and misses are summed
  over all documents before precision, recall and F1 are taken.
- A scalar field that the expected minutes leave empty earns nothing when the
  prediction also leaves it empty, and costs a false find when the prediction
  fills it. A category with nothing expected and nothing found in any document is
  left out of the overall score, which is the mean F1 of the remaining categories.
- Records are paired one to one, best pairs first: participants by name (the
  organisation breaks ties) with the attendance status deciding whether the pair
  counts; items and carried-over items by title; decisions and assignments by
  overlapping words (an assignment also needs the same assignee); status reports
  by organisation; planned meetings by date.

Run `python -m samverka.extract.evaluation --gold DIR --docs DIR` to print the
table for every document in DIR that has an expected file in the gold DIR.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

CATEGORIES = (
    "meta",
    "participants",
    "participant_details",
    "items",
    "item_details",
    "carried_over",
    "decisions",
    "assignments",
    "status_reports",
    "planned_meetings",
)
META_FIELDS = (
    "title",
    "network",
    "date",
    "start_time",
    "end_time",
    "place",
    "digital",
    "minute_taker",
)

Record = dict[str, Any]

# Thresholds of the shared scorer.
NAME_THRESHOLD = 0.85
ORG_THRESHOLD = 0.9
TITLE_THRESHOLD = 0.7
DECISION_MIN_SHARE, DECISION_THRESHOLD = 0.25, 0.5
ASSIGNMENT_MIN_SHARE, ASSIGNMENT_THRESHOLD = 0.2, 0.4

_ORG_SUFFIX = re.compile(r"(s)?( kommun| stad| stads| kommunforbund| region)$")


# Similarity of values


def fold(value: object) -> str:
    """Return `value` case-folded, without diacritics, with punctuation as single spaces."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKD", str(value).casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


def tokens(value: object) -> set[str]:
    return {word for word in fold(value).split() if len(word) > 1}


def is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def dice(a: object, b: object) -> float:
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    return 2 * len(ta & tb) / (len(ta) + len(tb))


def text_similarity(gold: object, pred: object, min_share: float) -> float:
    """Return the overlap coefficient of the words, or 0 when the prediction is mostly
    words the gold lacks (a whole paragraph offered as one decision does not count)."""
    tg, tp = tokens(gold), tokens(pred)
    if not tg or not tp or len(tg & tp) / len(tp) < min_share:
        return 0.0
    return len(tg & tp) / min(len(tg), len(tp))


def _ratio(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b).ratio()


def name_similarity(a: object, b: object) -> float:
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return 0.0
    return _ratio(fa, fb)


def same_name(gold: object, pred: object) -> bool:
    return name_similarity(gold, pred) >= NAME_THRESHOLD


def org_key(value: object) -> str:
    """Return the organisation's name without "Region", "kommun", "stad" and the like."""
    folded = re.sub(r"^(region|landstinget) ", "", fold(value))
    return _ORG_SUFFIX.sub("", folded)


def same_org(gold: object, pred: object) -> bool:
    kg, kp = org_key(gold), org_key(pred)
    return bool(kg) and (kg == kp or _ratio(kg, kp) >= ORG_THRESHOLD)


def same_assignee(gold: object, pred: object) -> bool:
    return same_name(gold, pred) or same_org(gold, pred)


def title_similarity(gold: object, pred: object) -> float:
    fg, fp = fold(gold), fold(pred)
    if not fg or not fp:
        return 0.0
    return max(_ratio(fg, fp), dice(gold, pred))


def same_place(gold: object, pred: object) -> bool:
    if dice(gold, pred) >= 0.5:
        return True
    short, long_ = sorted((fold(gold), fold(pred)), key=len)
    return len(short) >= 4 and short in long_ and len(short) >= 0.5 * len(long_)


def same_network(gold: object, pred: object) -> bool:
    fg, fp = fold(gold), fold(pred)
    return same_name(gold, pred) or (len(fp) >= 4 and (fg in fp or fp in fg))


def same_field(name: str, gold: object, pred: object) -> bool:
    """Return whether a predicted scalar field agrees with the expected one."""
    if name == "place":
        return same_place(gold, pred)
    if name == "title":
        return title_similarity(gold, pred) >= TITLE_THRESHOLD
    if name == "network":
        return same_network(gold, pred)
    if name in ("minute_taker", "raised_by", "name"):
        return same_name(gold, pred)
    if name == "organisation":
        return same_org(gold, pred)
    if name == "role":
        return fold(gold) == fold(pred)
    if name == "digital":
        return bool(gold) == bool(pred)
    return str(gold).strip() == str(pred).strip()


# Counting


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def field(self, name: str, gold: object, pred: object) -> bool:
        """Count one scalar field; return False on a miss or a false find."""
        if is_empty(gold) and is_empty(pred):
            return True
        if is_empty(gold):
            self.add(fp=1)
            return False
        if is_empty(pred):
            self.add(fn=1)
            return False
        if same_field(name, gold, pred):
            self.add(tp=1)
            return True
        self.add(fp=1, fn=1)
        return False

    @property
    def used(self) -> bool:
        return bool(self.tp or self.fp or self.fn)

    @property
    def f1(self) -> float:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass
class Matching:
    pairs: list[tuple[Record, Record]]
    missed: list[Record]
    false: list[Record]


def match(
    gold: list[Record],
    pred: list[Record],
    similarity: Callable[[Record, Record], float],
    threshold: float,
) -> Matching:
    """Pair records one to one, best pairs first (ties as the shared scorer breaks them)."""
    scored = sorted(
        (
            (s, i, j)
            for i, g in enumerate(gold)
            for j, p in enumerate(pred)
            if (s := similarity(g, p)) >= threshold
        ),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, i, j in scored:
        if i in used_gold or j in used_pred:
            continue
        used_gold.add(i)
        used_pred.add(j)
        pairs.append((gold[i], pred[j]))
    return Matching(
        pairs=pairs,
        missed=[g for i, g in enumerate(gold) if i not in used_gold],
        false=[p for j, p in enumerate(pred) if j not in used_pred],
    )


@dataclass
class Report:
    """Tallies per category over one or more documents, with what went wrong."""

    tallies: dict[str, Tally] = field(default_factory=lambda: {c: Tally() for c in CATEGORIES})
    misses: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    documents: int = 0

    def scores(self) -> dict[str, float | None]:
        return {c: (round(t.f1, 4) if t.used else None) for c, t in self.tallies.items()}

    @property
    def overall(self) -> float:
        used = [t for t in self.tallies.values() if t.used]
        return round(sum(t.f1 for t in used) / len(used), 4) if used else 0.0

    def table(self) -> str:
        """Return the scores as the shared scorer prints them."""
        lines = [f"{'category':22} {'tp':>4} {'fp':>4} {'fn':>4}   f1"]
        for name, tally in self.tallies.items():
            shown = f"{tally.f1:.3f}" if tally.used else "  n/a"
            lines.append(f"{name:22} {tally.tp:4} {tally.fp:4} {tally.fn:4}   {shown}")
        lines.append(f"overall {self.overall:.3f} over {self.documents} documents")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "failures": self.failures,
            "categories": self.scores(),
            "overall": self.overall,
        }


# Scoring one document


def _records(value: object) -> list[Record]:
    return [x for x in value if isinstance(x, dict)] if isinstance(value, list) else []


def _item_records(minutes: Record, key: str) -> list[Record]:
    return [x for item in _records(minutes.get("items")) for x in _records(item.get(key))]


def _text(record: Record, limit: int) -> str:
    return str(record.get("text") or "")[:limit]


@dataclass
class _DocumentScore:
    """Adds one document's finds, false finds and misses to a report."""

    report: Report
    name: object

    def note(self, category: str, kind: str, what: object) -> None:
        self.report.misses.append(f"{self.name} {category} {kind}: {what}")

    def count(self, category: str, found: Matching, label: Callable[[Record], object]) -> None:
        self.report.tallies[category].add(
            tp=len(found.pairs), fp=len(found.false), fn=len(found.missed)
        )
        for record in found.missed:
            self.note(category, "missed", label(record))
        for record in found.false:
            self.note(category, "false", label(record))

    def field(self, category: str, key: str, gold: object, pred: object, who: str = "") -> None:
        if not self.report.tallies[category].field(key, gold, pred):
            self.note(category, "wrong", f"{who}{key}: gold={gold!r} pred={pred!r}")


def score_document(gold: Record, pred: Record, report: Report) -> None:
    """Add one document's finds, false finds and misses to `report`."""
    doc = _DocumentScore(report, gold.get("file"))
    report.documents += 1
    for key in META_FIELDS:
        doc.field("meta", key, gold.get(key), pred.get(key))
    _score_participants(doc, _records(gold.get("participants")), _records(pred.get("participants")))
    _score_items(doc, _records(gold.get("items")), _records(pred.get("items")))

    decisions = match(
        _item_records(gold, "decisions"),
        _item_records(pred, "decisions"),
        lambda g, p: text_similarity(g["text"], p.get("text"), DECISION_MIN_SHARE),
        DECISION_THRESHOLD,
    )
    doc.count("decisions", decisions, lambda r: _text(r, 90))

    assignments = match(
        _item_records(gold, "assignments"),
        _item_records(pred, "assignments"),
        lambda g, p: (
            text_similarity(g["text"], p.get("text"), ASSIGNMENT_MIN_SHARE)
            if same_assignee(g["assignee"], p.get("assignee"))
            else 0.0
        ),
        ASSIGNMENT_THRESHOLD,
    )
    doc.count("assignments", assignments, lambda r: f"{r.get('assignee')}: {_text(r, 80)}")

    reports = match(
        _records(gold.get("status_reports")),
        _records(pred.get("status_reports")),
        lambda g, p: float(same_org(g["organisation"], p.get("organisation"))),
        1.0,
    )
    doc.count("status_reports", reports, lambda r: r.get("organisation"))

    meetings = match(
        _records(gold.get("planned_meetings")),
        _records(pred.get("planned_meetings")),
        lambda g, p: float(g["date"] == p.get("date")),
        1.0,
    )
    doc.count("planned_meetings", meetings, lambda r: r.get("date"))


def _score_participants(doc: _DocumentScore, gold: list[Record], pred: list[Record]) -> None:
    """Count name and attendance status; then organisation and role of the matched ones."""
    found = match(
        gold,
        pred,
        lambda g, p: (
            name_similarity(g["name"], p.get("name"))
            + 0.01 * same_org(g.get("organisation"), p.get("organisation"))
        ),
        NAME_THRESHOLD,
    )
    right = [(g, p) for g, p in found.pairs if g.get("status") == p.get("status")]
    wrong = [(g, p) for g, p in found.pairs if g.get("status") != p.get("status")]
    doc.report.tallies["participants"].add(
        tp=len(right), fp=len(found.false) + len(wrong), fn=len(found.missed) + len(wrong)
    )
    for g in found.missed:
        doc.note("participants", "missed", g["name"])
    for p in found.false:
        doc.note("participants", "false", p.get("name"))
    for g, p in wrong:
        doc.note(
            "participants", "wrong status", f"{g['name']}: {g.get('status')} vs {p.get('status')}"
        )
    for g, p in found.pairs:
        for key in ("organisation", "role"):
            doc.field("participant_details", key, g.get(key), p.get(key), f"{g['name']} ")


def _score_items(doc: _DocumentScore, gold: list[Record], pred: list[Record]) -> None:
    """Count items and who raised the matched ones, then the carried-over items."""

    def by_title(g: Record, p: Record) -> float:
        return title_similarity(g["title"], p.get("title"))

    found = match(gold, pred, by_title, TITLE_THRESHOLD)
    doc.count("items", found, lambda r: r.get("title"))
    for g, p in found.pairs:
        doc.field(
            "item_details",
            "raised_by",
            g.get("raised_by"),
            p.get("raised_by"),
            f"{g['title'][:50]} ",
        )

    carried = match(
        [g for g in gold if g.get("outcome") == "carried_over"],
        [p for p in pred if p.get("outcome") == "carried_over"],
        by_title,
        TITLE_THRESHOLD,
    )
    doc.count("carried_over", carried, lambda r: r.get("title"))


# Running the extractor over a directory

Predict = Callable[[Path], Record]


def predict_with_extractor(path: Path) -> Record:
    """Return the extractor's minutes for one file as the JSON object it prints."""
    from samverka.extract import extract

    return extract(path).to_dict()


def load_gold(gold_dir: Path) -> list[Record]:
    """Return the expected minutes in `gold_dir`, in file-name order."""
    return [
        json.loads(path.read_text(encoding="utf-8")) for path in sorted(gold_dir.glob("*.json"))
    ]


def evaluate(
    gold: Iterable[Record], docs_dir: Path, predict: Predict = predict_with_extractor
) -> Report:
    """Score every expected document against what `predict` finds in its file.

    A crash scores as finding nothing, as in the shared scorer, and is listed in
    `failures`.
    """
    report = Report()
    for expected in gold:
        try:
            found = predict(docs_dir / expected["file"])
        except Exception as error:
            report.failures.append(f"{expected['file']}: {type(error).__name__}: {error}")
            found = {}
        score_document(expected, found, report)
    return report


def evaluate_each(
    gold: Iterable[Record], docs_dir: Path, predict: Predict = predict_with_extractor
) -> dict[str, Report]:
    """Return one report per document, keyed by its file name."""
    return {expected["file"]: evaluate([expected], docs_dir, predict) for expected in gold}


def predict_from(pred_dir: Path) -> Predict:
    """Return a `Predict` that reads `pred_dir/<document stem>.json` instead of extracting."""

    def predict(path: Path) -> Record:
        found = json.loads((pred_dir / f"{path.stem}.json").read_text(encoding="utf-8"))
        if not isinstance(found, dict):
            raise ValueError("the prediction is not one JSON object")
        return found

    return predict


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m samverka.extract.evaluation",
        description="Score the extractor against hand-made expected minutes.",
    )
    parser.add_argument("--gold", required=True, type=Path, help="directory of expected *.json")
    parser.add_argument("--docs", type=Path, default=Path(), help="directory of the documents")
    parser.add_argument(
        "--pred", type=Path, help="read predictions from DIR/<stem>.json instead of extracting"
    )
    parser.add_argument("--min", type=float, help="exit 1 when the overall score is below this")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--verbose", action="store_true", help="list every miss and false find")
    parser.add_argument(
        "--per-document", action="store_true", help="also print each document's overall score"
    )
    options = parser.parse_args(argv)

    gold = load_gold(options.gold)
    predict = predict_from(options.pred) if options.pred else predict_with_extractor
    report = evaluate(gold, options.docs, predict)
    if options.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        if options.verbose:
            print("\n".join(report.misses))
        for failure in report.failures:
            print("FAILED", failure)
        if options.per_document:
            for name, one in evaluate_each(gold, options.docs, predict).items():
                print(f"{one.overall:.3f}  {name}")
        print(report.table())
    return 1 if options.min is not None and report.overall < options.min else 0


if __name__ == "__main__":
    sys.exit(main())
