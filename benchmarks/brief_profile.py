"""Time (and optionally profile) newsfuse's brief alone over an evaluation file.

Usage::

    python benchmarks/brief_profile.py [../shared/data/multinews-dev.jsonl] [--limit N]
        [--budget 300] [--warm-up 5] [--profile [--top 40]]

Clusters are read, cleaned and split first (not timed), the models are loaded and
a few briefs made to warm up; then ``newsfuse.summary.summarize`` runs over every
cluster. Prints wall and CPU seconds per brief (CPU above wall means the encoder
threads ran side by side) and MiniLM sentences embedded per brief; with
``--profile``, cProfile's top functions by cumulative and by own time. Compare code
versions by alternating runs in one sitting: the machine is shared.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from newsfuse.embed import Embedder, Vectors, get_embedder  # noqa: E402
from newsfuse.evaluate.data import read_clusters  # noqa: E402
from newsfuse.evaluate.harness import prepare_cluster  # noqa: E402
from newsfuse.evaluate.systems import PreparedCluster, _load_newsfuse  # noqa: E402
from newsfuse.summary import summarize  # noqa: E402
from shared_data import shared_path  # noqa: E402

DEFAULT_DATA = shared_path("data", "multinews-dev.jsonl")


class CountingEmbedder:
    """The real embedder, counting the distinct texts a brief asks it for."""

    name = "counting minilm"

    def __init__(self, inner: Embedder) -> None:
        self._inner = inner
        self.texts: set[str] = set()

    def encode(self, texts: Sequence[str]) -> Vectors:
        self.texts.update(texts)
        return self._inner.encode(texts)


def time_briefs(clusters: Sequence[PreparedCluster], budget: int) -> tuple[float, float, float]:
    """Wall and CPU seconds per brief, and MiniLM sentences per brief, over ``clusters``."""
    minilm = get_embedder()
    sentences = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for cluster in clusters:
        counting = CountingEmbedder(minilm)
        summarize(list(cluster.articles), budget, embedder=counting)
        sentences += len(counting.texts)
    count = max(len(clusters), 1)
    return (
        (time.perf_counter() - wall) / count,
        (time.process_time() - cpu) / count,
        sentences / count,
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", default=str(DEFAULT_DATA))
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--budget", type=int, default=300)
    parser.add_argument("--warm-up", type=int, default=5)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args(argv)
    clusters = [prepare_cluster(c) for c in read_clusters(args.data, limit=args.limit).clusters]
    _load_newsfuse()
    for cluster in clusters[: args.warm_up]:
        summarize(list(cluster.articles), args.budget)
    profiler = cProfile.Profile() if args.profile else None
    if profiler is not None:
        profiler.enable()
    wall, cpu, sentences = time_briefs(clusters, args.budget)
    if profiler is not None:
        profiler.disable()
    print(
        f"{len(clusters)} briefs, budget {args.budget}: {wall:.3f} s wall, {cpu:.3f} s CPU "
        f"per brief; {sentences:.2f} MiniLM sentences per brief"
    )
    if profiler is not None:
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(args.top)
        stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
