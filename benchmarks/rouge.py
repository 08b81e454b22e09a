"""ROUGE of newsfuse against every baseline on Multi-News, with newsfuse cross-validated.

Usage::

    python benchmarks/rouge.py [DATA.jsonl] [--folds 5] [--budget 300] [--limit N]
        [--out DIR] [--baselines lexrank,...] [--embedder NAME]

newsfuse's scorer is fitted on these clusters (``benchmarks/fit/fit_scorer.py``),
so scoring the shipped weights here would be scoring the training set. This
benchmark instead scores every cluster with weights fitted on the other folds
(k-fold by cluster, the same folds as ``fit_scorer.py``), and runs the
baselines through the same harness: ROUGE F1 with 95 % bootstrap CIs, paired
bootstrap p-values (newsfuse better), length, time per cluster and leaks.
``--embedder NAME`` (e.g. ``mpnet``) gives newsfuse's brief that encoder for its
repeat check and citation support (``summarize(embedder=...)``) instead of the
default MiniLM; the screen stays ``minilm-static``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks" / "fit"))

import numpy as np  # noqa: E402

from fit_scorer import SEED, fit, prepare  # noqa: E402
from newsfuse.embed import get_embedder  # noqa: E402
from newsfuse.evaluate import evaluate_clusters, format_report, read_clusters  # noqa: E402
from newsfuse.evaluate.systems import (  # noqa: E402
    PreparedCluster,
    System,
    summarize_newsfuse,
)
from newsfuse.summary import summarize  # noqa: E402
from shared_data import shared_path  # noqa: E402

DEFAULT_DATA = shared_path("data", "multinews-dev.jsonl")
BASELINES = ("lead3", "roundrobin", "lexrank", "textrank", "mmr", "oracle")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--budget", type=int, default=300)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument(
        "--baselines",
        default=",".join(BASELINES),
        help="comma-separated baselines to run beside newsfuse (default: all)",
    )
    parser.add_argument(
        "--embedder",
        default=None,
        help="encoder of the brief's repeat check and support, e.g. mpnet (default: minilm)",
    )
    arguments = parser.parse_args()

    baselines = [name for name in arguments.baselines.split(",") if name]
    unknown = sorted(set(baselines) - set(BASELINES))
    if unknown:
        parser.error(
            f"unknown baseline(s) {', '.join(unknown)}; choose from {', '.join(BASELINES)}"
        )
    started = time.perf_counter()
    prepared = prepare(arguments.data, arguments.budget)
    if arguments.limit:
        prepared = prepared[: arguments.limit]
    order = np.random.default_rng(SEED).permutation(len(prepared))
    weights_for = {}
    for fold in range(arguments.folds):
        held = set(order[fold :: arguments.folds].tolist())
        weights = fit([c for i, c in enumerate(prepared) if i not in held])
        weights_for.update({prepared[i]["id"]: weights for i in held})
    print(f"fitted {arguments.folds} folds in {time.perf_counter() - started:.1f} s")

    # A cluster with no sentence to learn from (every document skipped, e.g. only crawl
    # notices) is in no fold; it is still scored, like every cluster `newsfuse eval`
    # scores: newsfuse gives it no brief whatever its weights.
    any_weights = next(iter(weights_for.values()))

    embedder = get_embedder(arguments.embedder) if arguments.embedder else None

    def summarize_held_out(cluster: PreparedCluster, budget: int) -> list[str]:
        weights = weights_for.get(cluster.id, any_weights)
        if embedder is None:
            return summarize_newsfuse(cluster, budget, weights)
        brief = summarize(list(cluster.articles), budget, weights=weights, embedder=embedder)
        return [s.text for s in brief]

    newsfuse = System("newsfuse", summarize_held_out, _load)
    clusters = list(read_clusters(arguments.data).clusters)
    if arguments.limit:
        clusters = [c for c in clusters if c.id in weights_for]
    unlearnable = [c.id for c in clusters if c.id not in weights_for]
    if unlearnable:
        print(f"{len(unlearnable)} cluster(s) with no readable article, scored too: {unlearnable}")
    report = evaluate_clusters(clusters, budget=arguments.budget, systems=[newsfuse, *baselines])
    print(
        f"newsfuse: {arguments.folds}-fold cross-validated by cluster (seed {SEED}), "
        f"brief embedder {arguments.embedder or 'minilm'}"
    )
    print(format_report(report))
    if arguments.out:
        from newsfuse.evaluate import write_outputs

        write_outputs(report, arguments.out)


def _load() -> None:
    from newsfuse.summary.learned import vectorize_sentences

    vectorize_sentences(["warm up the vectoriser import"])


if __name__ == "__main__":
    main()
