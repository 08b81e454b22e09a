"""Study: ran on commit 69513c1 (2026-12-05); what it showed is in docs/benchmarks-facts.md
(rows9). Rows that split an agreeing group (issue 14): for every disputed row of a run
(conflict, revision or differs), each claim of the same kind from an article not in the
row whose figure equals one of the row's figures (the evaluator's ``value_matches``) and
which sits in another row, counted by that row's status, whether the two rows' subjects
share a word, and whether the labels say the claim belongs in the row (BELONGS: a labelled
conflict or revision that the row matches in two or more articles holds it).

Usage:
    python benchmarks/facts.py DATA --clean --predictions /tmp/pred.jsonl
    python benchmarks/studies/split_rows.py DATA /tmp/pred.jsonl [--evaluator facts_eval.py]
        [--verbose]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import study_paths  # noqa: F401
from fact_errors import _load_evaluator, evaluator_path, labelled_clusters, read_predictions

DISPUTED = ("conflict", "revision", "differs")
# Words too common to tie two subjects together.
STOP_WORDS = frozenset({"of", "the", "a", "an", "in", "on", "to", "and", "for", "by"})

Matcher = Callable[[dict[str, Any], dict[str, Any]], bool]


def subject_words(subject: str) -> set[str]:
    """The lower-cased words of a row's subject, without stop words."""
    return set(re.findall(r"[a-z]+", subject.lower())) - STOP_WORDS


def outside_agreements(
    facts: list[dict[str, Any]], items: list[dict[str, Any]], matches: Matcher
) -> list[tuple[dict[str, Any], dict[str, Any], dict[str, Any], bool]]:
    """(row, outside row, outside claim, belongs) for every claim of another article and
    another row that gives one of a disputed row's figures (``matches(expected, claim)``);
    ``items`` are the cluster's labelled conflicts and revisions."""
    found = []
    for row in facts:
        if row["status"] not in DISPUTED:
            continue
        articles = {claim["article"] for claim in row["claims"]}
        for other in facts:
            if other is row or other["kind"] != row["kind"]:
                continue
            for claim in other["claims"]:
                if claim["article"] in articles:
                    continue
                if not any(
                    matches({"value": mine["value"], "unit": mine["unit"]}, claim)
                    for mine in row["claims"]
                ):
                    continue
                found.append((row, other, claim, _belongs(row, claim, items, matches)))
    return found


def _belongs(
    row: dict[str, Any], claim: dict[str, Any], items: list[dict[str, Any]], matches: Matcher
) -> bool:
    """Whether a labelled item that the row matches in two or more articles holds the claim."""
    for item in items:
        hit = [
            article
            for article, expected in item["claims"].items()
            if any(matches(expected, mine) for mine in row["claims"] if mine["article"] == article)
        ]
        wanted = item["claims"].get(claim["article"])
        if len(hit) >= 2 and wanted is not None and matches(wanted, claim):
            return True
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("predictions", type=Path)
    parser.add_argument("--evaluator", type=Path)
    parser.add_argument("--verbose", action="store_true", help="print each case")
    args = parser.parse_args()
    evaluator = _load_evaluator(evaluator_path(args.data, args.evaluator))
    predictions = read_predictions(args.predictions)
    counts: Counter[tuple[str, str, str, str]] = Counter()
    for cluster in labelled_clusters(args.data):
        items = [e for e in cluster["expect"] if e["status"] in ("conflict", "revision")]
        facts = predictions.get(cluster["id"], [])
        for row, other, claim, belongs in outside_agreements(facts, items, evaluator.value_matches):
            shared = bool(subject_words(row["subject"]) & subject_words(other["subject"]))
            key = (
                row["status"],
                other["status"],
                "shared words" if shared else "other words",
                "BELONGS" if belongs else "no",
            )
            counts[key] += 1
            if args.verbose:
                mine = [(c["article"], c["text"]) for c in row["claims"]]
                print(f"{cluster['id']} {row['status']} {row['subject']!r} {mine} | outside "
                      f"{other['status']} {other['subject']!r} {claim['article']} "
                      f"{claim['text']!r} {key[3]}")  # fmt: skip
    for key, count in sorted(counts.items()):
        print(" / ".join(key), count)
    print(
        "total", sum(counts.values()), "belongs", sum(n for k, n in counts.items() if k[3] != "no")
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
