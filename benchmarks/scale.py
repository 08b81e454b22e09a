"""Ingest throughput and memory as the corpus grows.

Synthetic articles are built from real text: each one takes a random Multi-News
dev cluster, samples sentences from its documents, shuffles them, and gets a
random date within a year (so stories form and time windows matter). The
articles are ingested into one fresh store in chunks; the table shows, per
chunk, articles per second and milliseconds per article, so one can see
whether the cost per article stays flat as the store grows. Peak resident
memory is the process maximum (``resource.getrusage``).

Usage: python benchmarks/scale.py [DATA] [--total 10000] [--chunk 1000]
       [--embedder minilm|hashing] [--seed N]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
from shared_data import shared_path  # noqa: E402

DEFAULT_DATA = shared_path("data", "multinews-dev.jsonl")

# Sentences per synthetic article: about a short news item (150-250 words).
SENTENCES_PER_ARTICLE = 8

_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def load_clusters(path: Path) -> list[list[str]]:
    """Per Multi-News cluster, the sentences of its documents (longer than 6 words)."""
    clusters = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            documents = json.loads(line)["documents"]
            sentences = [
                s.strip()
                for document in documents
                for s in _SENTENCE.split(" ".join(document.split()))
                if len(s.split()) > 6
            ]
            if len(sentences) >= SENTENCES_PER_ARTICLE:
                clusters.append(sentences)
    return clusters


def make_articles(clusters: list[list[str]], total: int, seed: int) -> list[object]:
    """``total`` synthetic dated articles (see module docstring)."""
    from newsfuse.model import Article

    rng = random.Random(seed)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    articles = []
    for number in range(total):
        sentences = rng.sample(rng.choice(clusters), SENTENCES_PER_ARTICLE)
        articles.append(
            Article(
                id=f"synthetic-{number}",
                title=sentences[0][:120],
                text="\n\n".join(sentences[1:]) + f"\n\nReference {seed}-{number}.",
                source=f"Outlet {number % 37}",
                published=start + timedelta(days=rng.randrange(365), hours=rng.randrange(24)),
            )
        )
    return articles


def cpu_seconds() -> float:
    """User + system CPU time of this process: on a shared machine, a steadier measure
    of cost than wall-clock time, which includes waiting for the other processes."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_memory_mib() -> float:
    """Peak resident set size of this process in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--total", type=int, default=10_000)
    parser.add_argument("--chunk", type=int, default=1_000)
    parser.add_argument(
        "--embedder",
        default="minilm",
        choices=["minilm", "minilm-static", "minilm-torch", "hashing"],
    )
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    from newsfuse import corpus

    articles = make_articles(load_clusters(args.data), args.total, args.seed)
    corpus.load_embedder(args.embedder)  # load the model before timing
    baseline = peak_memory_mib()
    print(f"{args.total} synthetic articles, chunks of {args.chunk}, embedder {args.embedder}")
    print(f"peak RSS before ingest (model loaded): {baseline:.0f} MiB")
    print(
        "| stored after | wall s | articles/s (wall) | CPU ms/article | articles/CPU-s "
        "| stories | peak RSS MiB |"
    )
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as workdir:
        db = Path(workdir) / "scale.db"
        # One handle for the run: it keeps the story index between chunks, as a server does.
        handle = corpus.Corpus(db, embedder=args.embedder)
        overall = time.perf_counter()
        overall_cpu = cpu_seconds()
        for start in range(0, args.total, args.chunk):
            chunk = articles[start : start + args.chunk]
            started = time.perf_counter()
            cpu_started = cpu_seconds()
            handle.ingest_articles(chunk)  # type: ignore[arg-type]
            seconds = time.perf_counter() - started
            cpu = cpu_seconds() - cpu_started
            stories = sum(1 for _ in handle.export())
            print(
                f"| {start + len(chunk)} | {seconds:.1f} | {len(chunk) / seconds:.0f} | "
                f"{1000 * cpu / len(chunk):.1f} | {len(chunk) / cpu:.0f} | {stories} "
                f"| {peak_memory_mib():.0f} |",
                flush=True,
            )
        elapsed = time.perf_counter() - overall
        cpu_total = cpu_seconds() - overall_cpu
        handle.close()
        size = db.stat().st_size / 2**20
    print(
        f"\ntotal {elapsed:.0f} s wall, {args.total / elapsed:.0f} articles/s sustained (wall), "
        f"{args.total / cpu_total:.0f} articles per CPU-second; "
        f"store file {size:.0f} MiB (timings noisy: shared machine)"
    )


if __name__ == "__main__":
    main()
