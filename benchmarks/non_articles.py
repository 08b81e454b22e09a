"""Non-article detection on Multi-News dev: precision and recall against a labelled audit.

Reads the Multi-News JSON Lines file with :func:`newsfuse.reading.read_inputs`,
cleans every document in one batch (as one ``newsfuse`` read does), and compares
what the pipeline leaves out of stories and briefs with the audit in
``benchmarks/non_articles_labels.json`` (document ids of the pages that are not
articles; every other document is an article). Two decisions are scored:

* "left out": the document is emptied by boilerplate removal *or* flagged by
  :func:`newsfuse.clean.is_non_article` (what :func:`newsfuse.clean.clean_report`
  moves to ``skipped``);
* "flagged": the detector alone, on documents that still have text.

The notice-share threshold (``SHORT_MIN_NOTICE_SHARE``) was chosen on this data,
so the script also reports a threshold sweep and a 5-fold cross-validation by
cluster: each fold picks the threshold in the middle of the gap between the
training articles' highest share and the training notices' lowest, and is scored
on the held-out clusters.

    python benchmarks/non_articles.py [DATA] [--labels PATH]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from newsfuse.clean import clean_articles, documents  # noqa: E402
from newsfuse.model import Article  # noqa: E402
from newsfuse.reading import read_inputs  # noqa: E402
from shared_data import shared_path  # noqa: E402

DEFAULT_DATA = shared_path("data", "multinews-dev.jsonl")
DEFAULT_LABELS = REPO / "benchmarks" / "non_articles_labels.json"
FOLDS = 5
SWEEP = (0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.10, 0.12, 0.15, 0.20)


def score(predicted: set[str], truth: set[str], ids: Sequence[str]) -> tuple[int, int, int]:
    """True positives, false positives and false negatives over ``ids``."""
    chosen = set(ids)
    return (
        len(predicted & truth & chosen),
        len((predicted - truth) & chosen),
        len((truth - predicted) & chosen),
    )


def describe(counts: tuple[int, int, int]) -> str:
    """'P x.xxx (tp/tp+fp) R x.xxx (tp/tp+fn)'."""
    tp, fp, fn = counts
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return f"P {precision:.3f} ({tp}/{tp + fp}), R {recall:.3f} ({tp}/{tp + fn})"


def flagged_with(threshold: float, cleaned: Sequence[Article]) -> set[str]:
    """Documents the detector flags when the short-document share threshold is ``threshold``."""
    saved = documents.SHORT_MIN_NOTICE_SHARE
    documents.SHORT_MIN_NOTICE_SHARE = threshold
    try:
        return {a.id for a in cleaned if a.text and documents.is_non_article(a)}
    finally:
        documents.SHORT_MIN_NOTICE_SHARE = saved


def fit_threshold(cleaned: Sequence[Article], truth: set[str]) -> float:
    """Middle of the gap between the articles' highest notice share and the notices' lowest.

    Only documents the other gates let through count (short, no dateline, little
    attribution): the share decides nothing for the rest.
    """
    eligible = flagged_with(0.0, cleaned)
    shares = {a.id: documents.describe_notice(a.text).share for a in cleaned if a.id in eligible}
    articles = [share for key, share in shares.items() if key not in truth]
    notices = [share for key, share in shares.items() if key in truth]
    high = max(articles, default=0.0)
    low = min((s for s in notices if s > high), default=high * 2 or 0.1)
    return (high + low) / 2


def main() -> None:
    """Run the audit comparison and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    options = parser.parse_args()
    if not options.data.is_file():
        parser.error(f"{options.data}: no such file; pass the Multi-News JSON Lines path")
    truth = set(json.loads(options.labels.read_text(encoding="utf-8"))["non_articles"])

    report = read_inputs([options.data])
    cleaned = clean_articles(report.articles)
    ids = [a.id for a in cleaned]
    emptied = {a.id for a in cleaned if not a.text}
    flagged = {a.id for a in cleaned if a.non_article}
    with_text = [a.id for a in cleaned if a.text]

    print(f"# Non-article detection on {options.data.name}\n")
    left = len(truth - emptied)
    print(f"{len(ids)} documents, {len(truth)} labelled non-articles "
          f"({len(truth & emptied)} emptied by cleaning, {left} with text left)\n")  # fmt: skip
    print("| decision | documents | result |\n|---|---|---|")
    print(f"| left out before this work (emptied only) | {len(ids)} | "
          f"{describe(score(emptied, truth, ids))} |")  # fmt: skip
    print(f"| left out now (emptied or flagged) | {len(ids)} | "
          f"{describe(score(emptied | flagged, truth, ids))} |")  # fmt: skip
    print(f"| detector alone, documents with text | {len(with_text)} | "
          f"{describe(score(flagged, truth, with_text))} |")  # fmt: skip
    reasons: dict[str, int] = {}
    for article in cleaned:
        if article.non_article:
            kind = article.non_article.split(":")[0]
            reasons[kind] = reasons.get(kind, 0) + 1
    print("\n| reason given | documents |\n|---|---|")
    for kind, count in sorted(reasons.items(), key=lambda item: -item[1]):
        print(f"| {kind} | {count} |")
    missed = sorted(truth - flagged - emptied)
    false = sorted(flagged - truth)
    print(f"\nMissed: {len(missed)} {missed}\nFalse positives: {len(false)} {false}")

    texted = [a for a in cleaned if a.text]
    print("\n| short-document share threshold | detector alone |\n|---|---|")
    for threshold in SWEEP:
        counts = score(flagged_with(threshold, texted), truth, with_text)
        marker = " (chosen)" if threshold == documents.SHORT_MIN_NOTICE_SHARE else ""
        print(f"| {threshold:.2f}{marker} | {describe(counts)} |")

    clusters = sorted({a.id.rsplit("/", 1)[0] for a in texted})
    random.Random(0).shuffle(clusters)
    fold_of = {cluster: number % FOLDS for number, cluster in enumerate(clusters)}
    total = [0, 0, 0]
    fitted = []
    for fold in range(FOLDS):
        train = [a for a in texted if fold_of[a.id.rsplit("/", 1)[0]] != fold]
        test = [a for a in texted if fold_of[a.id.rsplit("/", 1)[0]] == fold]
        threshold = fit_threshold(train, truth)
        fitted.append(threshold)
        counts = score(flagged_with(threshold, test), truth, [a.id for a in test])
        total = [t + c for t, c in zip(total, counts, strict=True)]
    thresholds = ", ".join(f"{t:.3f}" for t in fitted)
    result = describe((total[0], total[1], total[2]))
    print(f"\n{FOLDS}-fold cross-validation by cluster (thresholds fitted per fold: "
          f"{thresholds}): {result}")  # fmt: skip


if __name__ == "__main__":
    main()
