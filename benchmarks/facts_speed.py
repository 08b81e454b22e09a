"""Speed of ``newsfuse.brief`` with the fact table beside sumy LexRank, in one run.

Usage::

    python benchmarks/facts_speed.py [DATA] [--limit N] [--budget 300]

DATA defaults to ``../shared/data/multinews-dev.jsonl``. Clusters are read,
cleaned and split first (not timed), both systems are loaded and warmed up on
the first cluster, then each cluster is briefed by LexRank and by
``newsfuse.pipeline.brief(..., facts=True)`` in turn (interleaved, so both see
the same load on a shared machine). Prints clusters per second for each, their
ratio (the issue's measure), and the fact comparison's share of the brief.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from newsfuse.evaluate.data import read_clusters  # noqa: E402
from newsfuse.evaluate.harness import prepare_cluster  # noqa: E402
from newsfuse.evaluate.systems import _load_newsfuse, get_systems  # noqa: E402
from newsfuse.pipeline import brief  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "data" / "multinews-dev.jsonl"


def main() -> None:
    """Time LexRank and the brief with facts over the clusters and print the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=20)
    parser.add_argument("--budget", type=int, default=300)
    args = parser.parse_args()
    clusters = [prepare_cluster(c) for c in read_clusters(args.data, limit=args.limit).clusters]
    lexrank = get_systems(["lexrank"])[0]
    lexrank.load()
    _load_newsfuse()
    lexrank.summarize(clusters[0], args.budget)
    brief(list(clusters[0].articles), args.budget, facts=True)
    lexrank_seconds: list[float] = []
    brief_seconds: list[float] = []
    fact_seconds: list[float] = []
    for cluster in clusters:
        started = time.perf_counter()
        lexrank.summarize(cluster, args.budget)
        lexrank_seconds.append(time.perf_counter() - started)
        started = time.perf_counter()
        result = brief(list(cluster.articles), args.budget, facts=True)
        brief_seconds.append(time.perf_counter() - started)
        fact_seconds.append(result.stats.timings.get("facts", 0.0))
    lexrank_rate = len(clusters) / sum(lexrank_seconds)
    brief_rate = len(clusters) / sum(brief_seconds)
    print(f"clusters: {len(clusters)} from {args.data}")
    print(f"lexrank:        {lexrank_rate:.2f} clusters/s")
    print(
        f"brief + facts:  {brief_rate:.2f} clusters/s "
        f"(facts median {statistics.median(fact_seconds):.3f} s, "
        f"{sum(fact_seconds) / sum(brief_seconds):.0%} of the brief)"
    )
    print(f"ratio: {brief_rate / lexrank_rate:.2f}x")


if __name__ == "__main__":
    main()
