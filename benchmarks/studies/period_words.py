"""Study: ran on commit 5a56195 (2026-12-05); what it showed is in docs/benchmarks-facts.md
(aspects10). Counts, per data set, the figures whose *period* aspect (facts.aspects) is
read, and how many of those periods hold no time word, and prints a sample of each.

A figure's period is read from the words spaCy tags DATE in its clause; some of those are
no time at all (a name, "47-year-old", "at the age of"). Each figure of each cluster is
read through the product path (ingest + clean, compare_facts without embeddings, which
do not touch the aspects), with ``FactParams.periods_need_time_words`` as given.

Usage (SET: dev, dev2, real-dev, multinews, or a path to a labelled .jsonl):
    python benchmarks/studies/period_words.py SET... [--param periods_need_time_words=false]
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import study_paths  # noqa: F401
from fact_errors import cluster_articles, document_records, labelled_clusters

from newsfuse.facts import compare_facts, describe
from newsfuse.facts.aspects import period_has_time_word
from newsfuse.facts.params import FactParams
from newsfuse.model import Article
from newsfuse.pipeline import read_report
from shared_data import shared_path

# Periods printed per set and class: enough to read the classes, short enough to scan.
SAMPLE = 12
# Periods with a time word printed per set: a few, beside the SAMPLE with none.
TIMED_SAMPLE = 4
# Characters of a period's sentence printed.
SENTENCE_CHARACTERS = 160


def read_set(name: str) -> Iterator[list[Article]]:
    """The clusters of a set, each as cleaned Articles."""
    if name == "multinews":
        for line in shared_path("data", "multinews-dev.jsonl").read_text().splitlines():
            records = document_records(json.loads(line)["documents"], prefix="")
            yield list(read_report(records).articles)
        return
    path = shared_path("bench", f"facts-{name}.jsonl") if "/" not in name else Path(name)
    for cluster in labelled_clusters(path):
        yield cluster_articles(cluster)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+")
    parser.add_argument("--param", action="append", default=[], help="FIELD=true|false")
    args = parser.parse_args()
    changes = {}
    for setting in args.param:
        field, _, value = setting.partition("=")
        changes[field] = value == "true"
    params = replace(FactParams(), **changes)
    seen: list[tuple[str, str]] = []
    original = describe.figure_aspects

    def recording(span: Any, *rest: Any) -> Any:
        aspects = original(span, *rest)
        if aspects.period:
            seen.append((aspects.period, " ".join(span.sent.text.split())[:SENTENCE_CHARACTERS]))
        return aspects

    describe.figure_aspects = recording  # type: ignore[assignment]
    for name in args.sets:
        seen.clear()
        for articles in read_set(name):
            compare_facts(articles, embeddings=False, params=params)
        timeless = [(p, s) for p, s in seen if not period_has_time_word(p)]
        print(f"{name}: {len(seen)} periods read, {len(timeless)} with no time word")
        for period, sentence in timeless[:SAMPLE]:
            print(f"   NO   {period!r}: {sentence}")
        for period, sentence in [x for x in seen if period_has_time_word(x[0])][:TIMED_SAMPLE]:
            print(f"   TIME {period!r}: {sentence}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
