"""Study: conflict precision on real news nobody labelled, judged by reading.

facts-real-dev holds 25 of the 122 Multi-News dev clusters; the other clusters are real
news the fact comparison was never scored on. This runs the comparison on each of them
(articles as documents, no publication times, as in facts-real-dev), prints every
predicted conflict with its claims in their sentences, and scores it against the
judgements in ``benchmarks/data/real_conflict_audit.json`` (written by reading, by the
real set's labelling rules). A conflict nobody judged yet is printed as ``unjudged``
so that it can be read and added. Halves: clusters before line 61 (A) and after (B).

Usage:
    python benchmarks/studies/real_conflict_audit.py [MULTINEWS] [--real REAL_DEV]
        [--judged FILE] [--param NAME=VALUE ...] [--quiet] [--embedder NAME]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from fact_errors import AUDIT_HALF, unlabelled_clusters
from study_paths import ROOT

from fact_params import add_param_option, parse_params
from newsfuse.config import DEFAULT_EMBEDDER
from newsfuse.embed import get_embedder
from newsfuse.facts import compare_facts
from shared_data import shared_path

# Characters of a claim's sentence shown at most.
SHOWN_CHARACTERS = 300


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    right = text.find(". ", end)
    return " ".join(text[left : len(text) if right < 0 else right + 1].split())[:SHOWN_CHARACTERS]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(shared_path("data/multinews-dev.jsonl")))
    parser.add_argument("--real", default=str(shared_path("bench/facts-real-dev.jsonl")))
    parser.add_argument("--judged", default=str(ROOT / "benchmarks/data/real_conflict_audit.json"))
    add_param_option(parser)
    parser.add_argument("--quiet", action="store_true", help="the summary only")
    parser.add_argument("--embedder", default=DEFAULT_EMBEDDER, help="clause encoder by name")
    args = parser.parse_args()
    params = parse_params(args.param)
    embedder = get_embedder(args.embedder)
    judged = {
        (item["cluster"], tuple(item["claims"])): item
        for item in json.loads(Path(args.judged).read_text(encoding="utf-8"))["judged"]
    }
    counts = {half: {"clusters": 0, "true": 0, "false": 0, "unjudged": 0} for half in "AB"}
    for number, articles in unlabelled_clusters(Path(args.data), Path(args.real)):
        half = "A" if number < AUDIT_HALF else "B"
        counts[half]["clusters"] += 1
        if len(articles) < 2:
            continue
        texts = {article.id: article.text for article in articles}
        for fact in compare_facts(articles, embedder=embedder, params=params):
            if fact.status != "conflict":
                continue
            key = (number, tuple(sorted(claim.text for claim in fact.claims)))
            item = judged.get(key)
            verdict = "unjudged" if item is None else ("true" if item["true"] else "false")
            counts[half][verdict] += 1
            if args.quiet:
                continue
            why = "" if item is None else f" ({item['why']})"
            print(f"{verdict:8} cluster {number} | {fact.subject}{why}")
            for claim in fact.claims:
                context = _sentence(texts[claim.article_id], claim.start, claim.end)
                print(f"    {claim.article_id} {claim.text!r}: {context}")
    print("| half | clusters | predicted conflicts | judged true | judged false | unjudged |")
    print("|---|---|---|---|---|---|")
    for half, row in counts.items():
        total = row["true"] + row["false"] + row["unjudged"]
        print(f"| {half} | {row['clusters']} | {total} | {row['true']} | {row['false']} | "
              f"{row['unjudged']} |")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
