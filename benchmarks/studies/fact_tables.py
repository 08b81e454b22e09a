"""Study: print the fact table a reader of ``newsfuse brief`` sees, for reading by hand.

Issue 14 asks for "a table a reader understands": every subject a noun phrase of the
sources' words, rows ordered conflicts, revisions, agreements, single sources, agreeing
names in one "who and where" row, each claim with its text and source, agreement
counted over independent outlets. This prints the text rendering's fact table (the
same ``render.layout.build_fact_rows`` every format uses) for fifteen real Multi-News
dev clusters with figures, spread over the file (each cluster's documents read through
ingest + clean as ``newsfuse brief -`` does), the seeds and the bundled example, so
that the tables can be read as a newcomer reads them and their defects counted.

With ``--defects``, the rows of each class of defect found by reading are counted
instead (rows, and clusters with one), by these tests:

- ``marks``: a subject word with no letter or digit (a figure's sign inside the phrase
  aside), a web address, or one word written twice in a row;
- ``repeated``: a one-source row of a source under a subject (two words or more) that
  an earlier one-source row of that source already shows;
- ``possessive``: a name in the "who and where" row written with a possessive whose
  owner is listed beside it, or that starts with one ("’s Tukwila");
- ``bare``: a subject that is only the kind of figure ("amount", "duration", "year")
  or holds no letter;
- ``subjectless``: a kind word followed by a verb with no subject ("date reported",
  "year to pay");
- ``unit``: a subject naming the figure's own unit ("cents", "distance of feet");
- ``order``: a row after one of a later verdict (conflicts, revisions, differs,
  agreements, single sources).

Usage:
    python benchmarks/studies/fact_tables.py [--sets mn seeds example] [--count 15]
        [--param NAME=VALUE ...] [--defects] [--rows-apart] [--owners-kept]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from typing import TYPE_CHECKING

from study_paths import ROOT

from fact_params import add_param_option, parse_params
from newsfuse.facts.nlp import load_pipeline
from newsfuse.model import Article
from newsfuse.pipeline import brief, read_report
from newsfuse.render.layout import (
    ABSENT_CELL,
    NAMES_SUBJECT,
    FactRow,
    build_fact_rows,
)
from newsfuse.render.text import _render_facts
from shared_data import shared_path

if TYPE_CHECKING:
    from spacy.language import Language

# Subjects that only name the kind of figure.
KIND_WORDS = frozenset(
    {"amount", "percentage", "distance", "area", "mass", "volume", "duration", "speed",
     "temperature", "date", "year", "number", "age"}
)  # fmt: skip
# Unit words: a subject that names one names the figure, not what it measures.
UNIT_WORDS = frozenset(
    {"cent", "cents", "feet", "foot", "metres", "meters", "miles", "km", "years", "days",
     "hours", "minutes", "weeks", "months", "pounds", "o’clock", "o'clock", "percent"}
)  # fmt: skip
FIGURE_SIGNS = frozenset({"%", "$", "£", "€"})
ORDER = ("conflict", "revision", "differs", "agree", "single")
CLASSES = ("marks", "repeated", "possessive", "bare", "subjectless", "unit", "order")
# A cluster is taken when this many of its documents hold a figure written in digits.
DOCUMENTS_WITH_FIGURES = 2
_FIGURE = re.compile(r"\b\d[\d,.]*\b")


def multinews_clusters(count: int) -> list[tuple[str, list[Article]]]:
    """``count`` Multi-News dev clusters with figures in two documents or more, one from
    each of ``count`` equal stretches of the file (the first such line of each)."""
    lines = shared_path("data", "multinews-dev.jsonl").read_text(encoding="utf-8").splitlines()
    stretch = len(lines) / count
    chosen = []
    for part in range(count):
        for number in range(int(part * stretch), int((part + 1) * stretch)):
            documents = json.loads(lines[number])["documents"]
            with_figures = [d for d in documents if len(_FIGURE.findall(d)) >= 2]
            if len(with_figures) < DOCUMENTS_WITH_FIGURES:
                continue
            records = [{"id": f"d{i}", "text": text} for i, text in enumerate(documents)]
            articles = list(read_report(records).articles)
            if len(articles) >= 2:
                chosen.append((f"multinews line {number}", articles))
                break
    return chosen


def count_defects(rows: list[FactRow], tagger: Language) -> Counter[str]:
    """How many rows of one table fall in each class of defect (module docstring)."""
    found: Counter[str] = Counter()
    seen: set[tuple[str, int]] = set()
    rank = 0
    for row in rows:
        words = row.subject.split()
        if row.subject == NAMES_SUBJECT:
            for cell in set(row.cells):
                names = [name.strip() for name in cell.split(",")]
                found["possessive"] += sum(_owned(name, names) for name in names)
        else:
            if _has_marks(words):
                found["marks"] += 1
            if not words or (len(words) == 1 and words[0].lower() in KIND_WORDS):
                found["bare"] += 1
            elif words[0].lower() in KIND_WORDS and len(words) > 1:
                tagged = tagger(row.subject)
                after = tagged[1] if tagged[1].lower_ != "of" or len(tagged) < 3 else None
                if after is not None and (after.tag_.startswith("VB") or after.lower_ == "to"):
                    found["subjectless"] += 1
            if any(word.lower() in UNIT_WORDS for word in words):
                found["unit"] += 1
            stated = [n for n, cell in enumerate(row.cells) if cell != ABSENT_CELL]
            if row.status == "single" and len(stated) == 1 and len(words) >= 2:
                key = (row.subject, stated[0])
                found["repeated"] += key in seen
                seen.add(key)
        position = ORDER.index(row.status) if row.status in ORDER else len(ORDER)
        found["order"] += position < rank
        rank = max(rank, position)
    return found


def _has_marks(words: list[str]) -> bool:
    """A word with no letter or digit (a figure's sign inside aside), an address, a twin."""
    for index, word in enumerate(words):
        if not re.search(r"[^\W_]", word) and not (word in FIGURE_SIGNS and index < len(words) - 1):
            return True
        if "/" in word or re.search(r"\.(com|org|net)$", word):
            return True
        if index and word.replace("’", "'").lower() == words[index - 1].replace("’", "'").lower():
            return True
    return False


def _owned(name: str, names: list[str]) -> bool:
    """A name with a possessive whose owner is listed, or that starts with one."""
    mark = re.search(r"['’]s\b", name)
    if mark is None:
        return False
    owner = name[: mark.start()].strip()
    return not owner or any(o == owner or o.endswith(f" {owner}") for o in names if o != name)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=["mn", "seeds", "example"])
    parser.add_argument("--count", type=int, default=15, help="Multi-News clusters to read")
    add_param_option(parser)
    parser.add_argument("--defects", action="store_true", help="count defects by class")
    parser.add_argument(
        "--rows-apart", action="store_true", help="one row per fact (one_row_per_subject off)"
    )
    parser.add_argument(
        "--owners-kept", action="store_true", help="possessive names as read (names_apart off)"
    )
    args = parser.parse_args()
    params = parse_params(args.param)
    clusters: list[tuple[str, list[Article]]] = []
    if "mn" in args.sets:
        clusters += multinews_clusters(args.count)
    if "seeds" in args.sets:
        clusters.append(("seeds", list(read_report([shared_path("seeds")]).articles)))
    if "example" in args.sets:
        example = ROOT / "examples" / "harbour-fire"
        clusters.append(("example harbour-fire", list(read_report([example]).articles)))
    totals: Counter[str] = Counter()
    affected: Counter[str] = Counter()
    tagger = load_pipeline() if args.defects else None
    for name, articles in clusters:
        result = brief(articles, fact_params=params)
        rows = build_fact_rows(
            result, one_row_per_subject=not args.rows_apart, names_apart=not args.owners_kept
        )
        if tagger is not None:
            found = count_defects(list(rows), tagger)
            totals.update(found)
            affected.update(kind for kind in found if found[kind])
            print(f"{name:<24} rows {len(rows):>3}  " + "  ".join(
                f"{kind} {found[kind]}" for kind in CLASSES
            ))  # fmt: skip
            continue
        print(f"=== {name}: {len(articles)} articles, {len(rows)} rows")
        for number, article in enumerate(result.sources, start=1):
            print(f"  [{number}] {article.label}")
        print(_render_facts(rows) if rows else "(no facts)")
        print()
    if tagger is not None:
        print("class        rows  clusters")
        for kind in CLASSES:
            print(f"{kind:<12} {totals[kind]:>4}  {affected[kind]:>8}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
