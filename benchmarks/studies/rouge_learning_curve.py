"""Study: ran on commit 249c740 (2026-11-23); its result is recorded in docs/benchmarks-rouge.md,
"Fifth round: is it the features or the data?".

Learning curve of newsfuse's sentence scorer on Multi-News dev: does more data help?

The scorer (``benchmarks/fit/fit_scorer.py``) is fitted on the dev clusters, so its
cross-validated ROUGE could be limited by how few clusters it learns from (about
97 per fold) or by what its features can say. This script refits it, fold by
fold (the folds of ``fit_scorer.py``), on random subsets of each fold's
training clusters of growing size and scores the held-out fold each time. A
curve still rising at the full size says more training clusters would help; a
flat one says the features are the limit.

It uses ``fit_scorer.py``'s selection (TF-IDF repeat check, no embedding), which
scores within about 0.1 of the brief's full path on dev
(docs/benchmarks-rouge.md), so that each point costs seconds.

Usage: python benchmarks/studies/rouge_learning_curve.py [DATA] [--repeats 5] [--sizes 10 20 40 ...]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import study_paths  # noqa: F401

from fit_scorer import DEFAULT_DATA, SEED, evaluate, fit, prepare

FOLDS = 5
METRICS = ("rouge1", "rouge2", "rougeL")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--budget", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=5, help="random subsets per size")
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 10, 20, 40, 60, 80])
    arguments = parser.parse_args()

    started = time.perf_counter()
    clusters = prepare(arguments.data, arguments.budget)
    print(f"prepared {len(clusters)} clusters in {time.perf_counter() - started:.1f} s")
    order = np.random.default_rng(SEED).permutation(len(clusters))
    folds = [sorted(order[fold::FOLDS].tolist()) for fold in range(FOLDS)]
    rng = np.random.default_rng(SEED + 1)
    full = min(len(clusters) - len(held) for held in folds)
    print(f"{FOLDS}-fold by cluster; {arguments.repeats} random subsets per size and fold")
    print("| training clusters | R-1 | R-2 | R-L | (spread of R-1 over subsets) |")
    print("|---|---|---|---|---|")
    for size in [*sorted(s for s in arguments.sizes if s < full), full]:
        runs: list[dict[str, float]] = []
        for _ in range(1 if size == full else arguments.repeats):
            scores: list[dict[str, float]] = []
            for held in folds:
                train = [i for i in range(len(clusters)) if i not in set(held)]
                chosen = rng.choice(train, size=min(size, len(train)), replace=False)
                weights = fit([clusters[int(i)] for i in chosen])
                scores.extend(evaluate(weights, [clusters[i] for i in held], arguments.budget))
            runs.append({m: float(np.mean([s[m] for s in scores])) for m in METRICS})
        means = [float(np.mean([run[m] for run in runs])) for m in METRICS]
        spread = [run["rouge1"] for run in runs]
        print(
            f"| {size}{' (all)' if size == full else ''} | {means[0]:.2f} | {means[1]:.2f} | "
            f"{means[2]:.2f} | {min(spread):.2f}-{max(spread):.2f} |"
        )
    print(f"\n{time.perf_counter() - started:.0f} s in all")


if __name__ == "__main__":
    main()
