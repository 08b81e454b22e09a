"""Study: how many labelled figures the claim scanner finds at all, before any alignment.

For every labelled claim (every status, ``single`` included) of a cluster file,
checks whether :func:`newsfuse.facts.extract.scan_claims` finds a claim in
that article with the labelled value (numbers within 3%, exactly below 100,
after unit normalisation; dates equal, a bare weekday name equal to the
labelled day's weekday). Prints recall per value kind and, with
``--misses``, each missed label with its surface text: the ceiling the
aligner and the verdicts work under, and where parsing falls short.

Usage: python benchmarks/studies/fact_extraction.py DATA.jsonl [DATA2.jsonl ...] [--misses]
"""

from __future__ import annotations

import argparse
from collections import Counter
from datetime import date
from pathlib import Path

import study_paths  # noqa: F401
from fact_errors import (
    ISO_DAY_CHARACTERS,
    cluster_articles,
    labelled_clusters,
    numbers_match,
)

from newsfuse.facts.extract import scan_claims
from newsfuse.model import Claim


def found(claims: list[Claim], wanted: dict) -> bool:
    """Whether some claim carries the labelled value (as the evaluator would match it)."""
    value = wanted["value"]
    unit = wanted.get("unit")
    for claim in claims:
        if isinstance(value, str):
            if not isinstance(claim.value, str):
                continue
            day = value[:ISO_DAY_CHARACTERS]
            if claim.value[:ISO_DAY_CHARACTERS] == day:
                return True
            try:
                if claim.value.lower() == date.fromisoformat(day).strftime("%A").lower():
                    return True
            except ValueError:
                continue
            continue
        if isinstance(claim.value, str) or claim.kind == "entity":
            continue
        if unit and (claim.unit or "") != unit:
            continue
        if numbers_match(value, float(claim.value)):
            return True
    return False


def kind_of(wanted: dict) -> str:
    """The label's kind for the table: its unit, "date" or "count"."""
    if isinstance(wanted["value"], str):
        return "date"
    return wanted.get("unit") or "count"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="+")
    parser.add_argument("--misses", action="store_true", help="print every missed label")
    args = parser.parse_args()
    for path in args.data:
        total: Counter[str] = Counter()
        hits: Counter[str] = Counter()
        for cluster in labelled_clusters(Path(path)):
            articles = {a.id: a for a in cluster_articles(cluster)}
            scanned = {key: scan_claims(article) for key, article in articles.items()}
            for item in cluster["expect"]:
                for article_id, wanted in item["claims"].items():
                    kind = kind_of(wanted)
                    total[kind] += 1
                    if found(scanned.get(article_id, []), wanted):
                        hits[kind] += 1
                    elif args.misses:
                        print(
                            f"MISS {cluster['id']}/{article_id} [{item['status']}] {kind} "
                            f"{wanted['value']!r}: {wanted['text']!r}"
                        )
        print(f"{Path(path).name}: found {sum(hits.values())}/{sum(total.values())}", end="")
        print(f" = {sum(hits.values()) / max(1, sum(total.values())):.3f}")
        for kind, count in total.most_common():
            print(f"  {kind:6} {hits[kind]:4}/{count:<4} {hits[kind] / count:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
