"""Speed of ``newsfuse.brief`` with the fact table beside sumy LexRank, in one run.

Usage::

    python benchmarks/facts_speed.py [DATA] [--limit N] [--budget 300] [--all-sentences]
                                     [--no-memory-zone] [--param NAME=VALUE ...]

DATA defaults to ``../shared/data/multinews-dev.jsonl``. Clusters are read,
cleaned and split first (not timed), both systems are loaded and warmed up on
the first cluster, then each cluster is briefed by LexRank and by
``newsfuse.pipeline.brief(..., facts=True)`` in turn (interleaved, so both see
the same load on a shared machine). Prints clusters per second for each, their
ratio (the issue's measure), and the fact comparison's share of the brief, in
wall time and in CPU time (this process's, the encoder's threads included; on a
shared machine waiting for a core is in the wall time only), with the load average.
By default only the sentences holding a figure or a date and their neighbours
are tagged and parsed (``FactParams.parse_claim_sentences_only``);
``--all-sentences`` parses every sentence, for comparison; ``--no-memory-zone`` parses
outside spaCy's memory zone (``FactParams.parse_in_memory_zone``), for its cost;
``--param recognise_names_in_whole_text=false`` changes one FactParams field, as in
``benchmarks/facts.py``, for the cost of a switch.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from facts import parse_params  # noqa: E402
from newsfuse.evaluate.data import read_clusters  # noqa: E402
from newsfuse.evaluate.harness import prepare_cluster  # noqa: E402
from newsfuse.evaluate.systems import _load_newsfuse, get_systems  # noqa: E402
from newsfuse.pipeline import brief  # noqa: E402
from shared_data import shared_path  # noqa: E402

DEFAULT_DATA = shared_path("data", "multinews-dev.jsonl")


def main() -> None:
    """Time LexRank and the brief with facts over the clusters and print the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=20)
    parser.add_argument("--budget", type=int, default=300)
    parser.add_argument("--all-sentences", action="store_true", help="tag and parse every sentence")
    parser.add_argument("--no-memory-zone", action="store_true", help="parse outside the zone")
    parser.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="change one FactParams field (repeatable)",
    )
    args = parser.parse_args()
    params = replace(
        parse_params(args.param),
        parse_claim_sentences_only=not args.all_sentences,
        parse_in_memory_zone=not args.no_memory_zone,
    )
    clusters = [prepare_cluster(c) for c in read_clusters(args.data, limit=args.limit).clusters]
    lexrank = get_systems(["lexrank"])[0]
    lexrank.load()
    _load_newsfuse()
    lexrank.summarize(clusters[0], args.budget)
    brief(list(clusters[0].articles), args.budget, facts=True, fact_params=params)
    wall: dict[str, list[float]] = {"lexrank": [], "brief": [], "facts": []}
    cpu: dict[str, list[float]] = {"lexrank": [], "brief": []}
    for cluster in clusters:
        started, started_cpu = time.perf_counter(), time.process_time()
        lexrank.summarize(cluster, args.budget)
        wall["lexrank"].append(time.perf_counter() - started)
        cpu["lexrank"].append(time.process_time() - started_cpu)
        started, started_cpu = time.perf_counter(), time.process_time()
        result = brief(list(cluster.articles), args.budget, facts=True, fact_params=params)
        wall["brief"].append(time.perf_counter() - started)
        cpu["brief"].append(time.process_time() - started_cpu)
        wall["facts"].append(result.stats.timings.get("facts", 0.0))
    print(f"clusters: {len(clusters)} from {args.data}")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    parsed = "every sentence" if args.all_sentences else "figure and date sentences, neighbours"
    print(f"parsed: {parsed}; in spaCy's memory zone: {params.parse_in_memory_zone}")
    if args.param:
        print("FactParams changed: " + ", ".join(args.param))
    print("| | lexrank clusters/s | brief + facts clusters/s | ratio |")
    print("| --- | ---: | ---: | ---: |")
    for label, times in (("wall", wall), ("CPU", cpu)):
        lexrank_rate = len(clusters) / sum(times["lexrank"])
        brief_rate = len(clusters) / sum(times["brief"])
        ratio = brief_rate / lexrank_rate
        print(f"| {label} | {lexrank_rate:.2f} | {brief_rate:.2f} | {ratio:.2f}x |")
    print(
        f"facts (wall): median {statistics.median(wall['facts']):.3f} s per cluster, "
        f"{sum(wall['facts']) / sum(wall['brief']):.0%} of the brief"
    )


if __name__ == "__main__":
    main()
