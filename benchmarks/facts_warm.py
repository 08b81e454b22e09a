"""Time of the fact comparison alone on one story, in a warm process.

Usage::

    python benchmarks/facts_warm.py [INPUT ...] [--runs 10] [--param NAME=VALUE ...]

INPUT (files or folders, as ``newsfuse brief`` takes them) defaults to
``../shared/seeds/``. The articles are read and cleaned, every model is loaded
(``newsfuse.pipeline.warm_up``) and the comparison is run once unmeasured; then
``newsfuse.pipeline.compare_facts`` runs ``--runs`` times with the encoder's memo
cleared before each, and the median wall and CPU seconds are printed beside the
target of issue 14 (0.15 s), with the load average.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from fact_params import add_param_option, parse_params  # noqa: E402
from newsfuse.config import DEFAULT_EMBEDDER  # noqa: E402
from newsfuse.embed import get_embedder  # noqa: E402
from newsfuse.pipeline import compare_facts, read_report, warm_up  # noqa: E402
from shared_data import shared_path  # noqa: E402

# Issue 14: a warm fact comparison of the seeds within this many seconds.
TARGET_SECONDS = 0.15


def main() -> None:
    """Time the warm fact comparison of the inputs and print the medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", type=Path, default=[shared_path("seeds")])
    parser.add_argument("--runs", type=int, default=10)
    add_param_option(parser)
    args = parser.parse_args()
    params = parse_params(args.param)
    articles = list(read_report(args.inputs).articles)
    warm_up()
    embedder = get_embedder(DEFAULT_EMBEDDER)
    facts = compare_facts(articles, fact_params=params)
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(args.runs):
        clear = getattr(embedder, "clear_memo", None)
        if clear is not None:
            clear()
        started, started_cpu = time.perf_counter(), time.process_time()
        compare_facts(articles, fact_params=params)
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    print(f"{len(articles)} articles, {len(facts)} facts; load average {os.getloadavg()[0]:.1f}")
    if args.param:
        print("FactParams changed: " + ", ".join(args.param))
    print("| | median s | min s | target |")
    print("| --- | ---: | ---: | ---: |")
    for label, times in (("wall", wall), ("CPU", cpu)):
        print(f"| {label} | {statistics.median(times):.3f} | {min(times):.3f} | {TARGET_SECONDS} |")


if __name__ == "__main__":
    main()
