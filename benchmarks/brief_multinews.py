"""Speed (and a quick ROUGE check) of ``newsfuse.summary.summarize`` on Multi-News clusters.

Usage::

    python benchmarks/brief_multinews.py [DATA] [--clusters N] [--budget 300] [--runs 1]

DATA defaults to ``../shared/data/multinews-dev.jsonl`` relative to the repo
root. Each cluster's documents become Articles (cleaned by ``newsfuse.clean``
when that stage is present, raw otherwise). Prints one row per cluster with
seconds (median over ``--runs``), sentences embedded and ROUGE F1 × 100
(Google rouge-score, stemmed, output cut at the budget, ROUGE-L, and
ROUGE-Lsum on newline-joined sentences).
The embedder is loaded (and warmed up) before timing starts.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from newsfuse.embed import Embedder, Vectors, get_embedder  # noqa: E402
from newsfuse.model import Article  # noqa: E402
from newsfuse.summary import summarize  # noqa: E402
from shared_data import shared_path  # noqa: E402

DEFAULT_DATA = shared_path("data", "multinews-dev.jsonl")


class CountingEmbedder:
    """Wraps an embedder to count encoded texts and time spent encoding."""

    name = "counting"

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.texts = 0
        self.seconds = 0.0

    def encode(self, texts: Sequence[str]) -> Vectors:
        started = time.perf_counter()
        vectors = self.inner.encode(texts)
        self.seconds += time.perf_counter() - started
        self.texts += len(texts)
        return vectors


def load_clusters(path: Path, limit: int) -> list[dict[str, Any]]:
    """The first ``limit`` clusters of a Multi-News JSON Lines file."""
    clusters = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                clusters.append(json.loads(line))
            if len(clusters) >= limit:
                break
    return clusters


def to_articles(cluster: dict[str, Any], clean: bool) -> list[Article]:
    """Turn a cluster's documents into Articles, cleaned if the clean stage exists."""
    documents = cluster["documents"]
    assert isinstance(documents, list)
    articles = [
        Article(id=f"{cluster['id']}#{index}", text=str(text))
        for index, text in enumerate(documents)
    ]
    if clean:
        try:
            from newsfuse.clean import clean_articles
        except ImportError:
            return articles
        return clean_articles(articles)
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--clusters", type=int, default=10)
    parser.add_argument("--budget", type=int, default=300)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--no-clean", action="store_true", help="Summarise the raw documents.")
    parser.add_argument(
        "--pool",
        type=int,
        default=0,
        help="Speed test: also summarise one cluster of the first N documents of the file.",
    )
    args = parser.parse_args()

    from rouge_score import rouge_scorer

    clusters = load_clusters(args.data, args.clusters)
    if args.pool:
        every = load_clusters(args.data, 10**6)
        pooled = [doc for cluster in every for doc in cluster["documents"]]
        pool = {"id": f"pool-of-{args.pool}", "documents": pooled[: args.pool], "summary": ""}
    rouge = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL", "rougeLsum"], use_stemmer=True)
    started = time.perf_counter()
    embedder = CountingEmbedder(get_embedder())
    embedder.encode(["warm up the model"])
    print(f"embedder loaded in {time.perf_counter() - started:.1f} s")

    rows = []
    print(
        "| cluster | docs | embedded | seconds | CPU s | encode s | words "
        "| R-1 | R-2 | R-L | R-Lsum |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for cluster in [*clusters, *([pool] if args.pool else [])]:
        articles = to_articles(cluster, clean=not args.no_clean)
        times, cpu_times = [], []
        for _ in range(args.runs):
            embedder.texts, embedder.seconds = 0, 0.0
            started, cpu_started = time.perf_counter(), time.process_time()
            brief = summarize(articles, args.budget, embedder=embedder)
            times.append(time.perf_counter() - started)
            cpu_times.append(time.process_time() - cpu_started)
        words = " ".join(s.text for s in brief).split()[: args.budget]
        prediction = "\n".join(" ".join(s.text.split()) for s in brief)
        scores = rouge.score(str(cluster["summary"]), prediction)
        row = (
            len(articles),
            embedder.texts,
            statistics.median(times),
            statistics.median(cpu_times),
            embedder.seconds,
            len(words),
            100 * scores["rouge1"].fmeasure,
            100 * scores["rouge2"].fmeasure,
            100 * scores["rougeL"].fmeasure,
            100 * scores["rougeLsum"].fmeasure,
        )
        if cluster["summary"]:
            rows.append(row)
        name = str(cluster["id"])[-12:]
        print(
            f"| {name} | {row[0]} | {row[1]} | {row[2]:.2f} | {row[3]:.2f} | {row[4]:.2f} "
            f"| {row[5]} | {row[6]:.1f} | {row[7]:.1f} | {row[8]:.1f} | {row[9]:.1f} |"
        )
    table = np.array(rows)
    print(
        f"| **mean of {len(rows)}** | {table[:, 0].mean():.1f} | {table[:, 1].mean():.0f} "
        f"| {table[:, 2].mean():.2f} (median {np.median(table[:, 2]):.2f}) "
        f"| {table[:, 3].mean():.2f} | {table[:, 4].mean():.2f} | {table[:, 5].mean():.0f} "
        f"| {table[:, 6].mean():.1f} | {table[:, 7].mean():.1f} | {table[:, 8].mean():.1f} "
        f"| {table[:, 9].mean():.1f} |"
    )


if __name__ == "__main__":
    main()
