"""Speed of ``newsfuse.brief`` with the fact table beside sumy LexRank, in one run.

Usage::

    python benchmarks/facts_speed.py [DATA] [--limit N] [--budget 300] [--all-sentences]
                                     [--no-memory-zone] [--param NAME=VALUE ...] [--passes N]

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
``benchmarks/facts.py``, for the cost of a switch; ``--passes 5`` times the clusters
five times over and prints the medians (load on a shared machine moves one pass by 10 %).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from fact_params import add_param_option, parse_params  # noqa: E402
from newsfuse.config import DEFAULT_EMBEDDER  # noqa: E402
from newsfuse.embed import get_embedder  # noqa: E402
from newsfuse.evaluate.data import read_clusters  # noqa: E402
from newsfuse.evaluate.harness import prepare_cluster  # noqa: E402
from newsfuse.evaluate.systems import _load_newsfuse, get_systems  # noqa: E402
from newsfuse.facts import FactParams  # noqa: E402
from newsfuse.pipeline import brief  # noqa: E402
from shared_data import shared_path  # noqa: E402

DEFAULT_DATA = shared_path("data", "multinews-dev.jsonl")


def main() -> None:
    """Time LexRank and the brief with facts over the clusters and print the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=20)
    parser.add_argument("--budget", type=int, default=300)
    parser.add_argument("--passes", type=int, default=1, help="timed passes over the clusters")
    parser.add_argument("--all-sentences", action="store_true", help="tag and parse every sentence")
    parser.add_argument("--no-memory-zone", action="store_true", help="parse outside the zone")
    add_param_option(parser)
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
    passes = [_time_pass(clusters, lexrank, args.budget, params) for _ in range(args.passes)]
    print(f"clusters: {len(clusters)} from {args.data}")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    parsed = "every sentence" if args.all_sentences else "figure and date sentences, neighbours"
    print(f"parsed: {parsed}; in spaCy's memory zone: {params.parse_in_memory_zone}")
    if args.param:
        print("FactParams changed: " + ", ".join(args.param))
    print(f"passes: {args.passes} (medians of the passes' rates; encoder memo cleared each pass)")
    print("| | lexrank clusters/s | brief + facts clusters/s | ratio |")
    print("| --- | ---: | ---: | ---: |")
    for label in ("wall", "CPU"):
        rates = [_rates(wall if label == "wall" else cpu, len(clusters)) for wall, cpu in passes]
        lexrank_rate = statistics.median(rate[0] for rate in rates)
        brief_rate = statistics.median(rate[1] for rate in rates)
        ratio = statistics.median(rate[1] / rate[0] for rate in rates)
        print(f"| {label} | {lexrank_rate:.2f} | {brief_rate:.2f} | {ratio:.2f}x |")
    if args.passes > 1:
        ratios = [rate[1] / rate[0] for rate in (_rates(cpu, len(clusters)) for _, cpu in passes)]
        print("CPU ratio by pass: " + ", ".join(f"{ratio:.3f}" for ratio in ratios))
    facts = [seconds for wall, _ in passes for seconds in wall["facts"]]
    briefs = [seconds for wall, _ in passes for seconds in wall["brief"]]
    print(
        f"facts (wall): median {statistics.median(facts):.3f} s per cluster, "
        f"{sum(facts) / sum(briefs):.0%} of the brief"
    )


def _time_pass(
    clusters: list[Any], lexrank: Any, budget: int, params: FactParams
) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """One pass over the clusters, LexRank and the brief in turn: wall and CPU seconds each."""
    embedder = get_embedder(DEFAULT_EMBEDDER)
    clear = getattr(embedder, "clear_memo", None)
    if clear is not None:
        clear()  # a later pass would otherwise find every vector of the one before
    wall: dict[str, list[float]] = {"lexrank": [], "brief": [], "facts": []}
    cpu: dict[str, list[float]] = {"lexrank": [], "brief": []}
    for cluster in clusters:
        started, started_cpu = time.perf_counter(), time.process_time()
        lexrank.summarize(cluster, budget)
        wall["lexrank"].append(time.perf_counter() - started)
        cpu["lexrank"].append(time.process_time() - started_cpu)
        started, started_cpu = time.perf_counter(), time.process_time()
        result = brief(list(cluster.articles), budget, facts=True, fact_params=params)
        wall["brief"].append(time.perf_counter() - started)
        cpu["brief"].append(time.process_time() - started_cpu)
        wall["facts"].append(result.stats.timings.get("facts", 0.0))
    return wall, cpu


def _rates(times: dict[str, list[float]], count: int) -> tuple[float, float]:
    """Clusters per second of LexRank and of the brief with facts."""
    return count / sum(times["lexrank"]), count / sum(times["brief"])


if __name__ == "__main__":
    main()
