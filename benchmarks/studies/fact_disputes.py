"""Study: ran on commit 36269be (2026-12-03); its result is recorded in docs/benchmarks-facts.md
(the evidence per dispute and the transfer tables). What tells a true conflict from two
look-alike figures.

Runs the fact comparison up to the grouping on a labelled cluster file, and for
every group whose figures differ prints one JSON line: the evidence the verdict
can read (the weakest disagreeing pair's alignment score, the ratio between
the differing values, whether the counted nouns match, roles, approximators)
and whether the evaluator's rule would match the group to a labelled conflict
or revision (``true``). Used to choose the ``conflict_*`` fields of
:class:`~newsfuse.facts.FactParams` on some sets and score them on the others.

Usage: python benchmarks/studies/fact_disputes.py DATA.jsonl [--out FEATURES.jsonl]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import study_paths  # noqa: F401
from fact_errors import (
    ISO_DAY_CHARACTERS,
    cluster_articles,
    labelled_clusters,
    numbers_match,
)

from newsfuse.config import DEFAULT_EMBEDDER
from newsfuse.embed import get_embedder
from newsfuse.facts.cluster import group_mentions
from newsfuse.facts.describe import describe_claim
from newsfuse.facts.entities import parse_articles
from newsfuse.facts.extract import scan_claims
from newsfuse.facts.params import FactParams
from newsfuse.facts.verdict import dispute_evidence, values_agree
from newsfuse.model import Claim


def _same_value(claim: Claim, expected: dict) -> bool:
    value = expected["value"]
    if isinstance(value, str) or isinstance(claim.value, str):
        return str(claim.value)[:ISO_DAY_CHARACTERS] == str(value)[:ISO_DAY_CHARACTERS]
    return numbers_match(value, float(claim.value))


def _matches(claims: list[Claim], expect: list[dict]) -> bool:
    """Whether some labelled conflict or revision has every article's value in the group."""
    for item in expect:
        if item["status"] not in ("conflict", "revision"):
            continue
        if all(
            any(c.article_id == article and _same_value(c, wanted) for c in claims)
            for article, wanted in item["claims"].items()
        ):
            return True
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data")
    parser.add_argument("--out")
    args = parser.parse_args()
    params = FactParams()
    embedder = get_embedder(DEFAULT_EMBEDDER)
    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout  # noqa: SIM115
    for cluster in labelled_clusters(Path(args.data)):
        articles = cluster_articles(cluster)
        docs = parse_articles(articles)
        mentions = [
            describe_claim(claim, doc, params)
            for article, doc in zip(articles, docs, strict=True)
            for claim in scan_claims(article)
            if not claim.vague
        ]
        published = {article.id: article.published for article in articles}
        crowd = Counter((m.claim.article_id, m.dimension) for m in mentions)
        for alignment in group_mentions(mentions, embedder, published, params):
            claims = [m.claim for m in alignment.mentions]
            if all(values_agree(claims[0], other, params) for other in claims[1:]):
                continue
            evidence = dispute_evidence(alignment.mentions, alignment.dispute_score, params)
            record = {
                "cluster": cluster["id"],
                "true": _matches(claims, cluster["expect"]),
                "values": {c.article_id: c.value for c in claims},
                "texts": [c.text for c in claims],
                "heads": [m.head for m in alignment.mentions],
                "crowd": max(crowd[(m.claim.article_id, m.dimension)] for m in alignment.mentions),
                "same_head": len({m.head for m in alignment.mentions}) == 1
                and alignment.mentions[0].head != "",
                "lede": any(m.lede for m in alignment.mentions),
                "margin": alignment.dispute_margin
                if alignment.dispute_margin != float("inf")
                else None,
                "words": max(len(a.text.split()) for a in articles),
                **evidence,
            }
            out.write(json.dumps(record) + "\n")
            out.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
