"""Grouping alone: CPU time of the story index on pre-embedded articles.

The synthetic articles of ``scale.py`` (real Multi-News sentences, random dates within
a year) are embedded once, outside the timing; then each pass places them all into a
fresh :class:`~newsfuse.group.index.StoryIndex` the way the ingest does (term counts,
TF-IDF weights, lead terms, ``place``), with no store. The table gives CPU
milliseconds per article per pass (median of ``--repeat``), and a digest of the
resulting stories, so that a faster index can be shown to place every article as
before. ``--profile`` prints the top functions of one more pass (cProfile).

Usage: python benchmarks/group_speed.py [DATA] [--total 2000] [--repeat 3]
       [--embedder minilm|minilm-static|hashing] [--seed N] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import pstats
import resource
import statistics
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import cast

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsfuse.embed import get_embedder  # noqa: E402
from newsfuse.group.features import ArticleFeatures, compute_features, hash_content  # noqa: E402
from newsfuse.group.index import ArticleSignals, StoryIndex  # noqa: E402
from newsfuse.group.lexical import DocumentFrequencies, count_terms, weigh_terms  # noqa: E402
from newsfuse.group.params import GroupingParams  # noqa: E402
from newsfuse.model import Article  # noqa: E402
from scale import DEFAULT_DATA, load_clusters, make_articles  # noqa: E402

# Fixed ingest time, so that every pass dates the articles alike.
INGESTED_AT = datetime(2025, 1, 1, tzinfo=UTC)


def cpu_seconds() -> float:
    """User + system CPU time of this process (steadier than wall time on a shared box)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def group_all(
    articles: Sequence[Article],
    features: Sequence[ArticleFeatures],
    embeddings: Sequence[object],
    params: GroupingParams,
) -> dict[str, str]:
    """Place every article into a fresh index as the ingest does; return hash -> story."""
    index = StoryIndex(params=params)
    frequencies = DocumentFrequencies.empty()
    story_of: dict[str, str] = {}
    renamed: dict[str, str] = {}
    for article, feature, embedding in zip(articles, features, embeddings, strict=True):
        counts = count_terms(article.title + "\n" + article.text)
        frequencies.add(counts)
        signals = ArticleSignals(
            article_id=feature.content_hash[:16],
            content_hash=feature.content_hash,
            date=feature.date,
            embedding=embedding,  # type: ignore[arg-type]
            terms=weigh_terms(counts, frequencies),
            key_numbers=feature.key_numbers,
            names=feature.names,
            language=article.language,
            lead_terms=weigh_terms(count_terms(feature.event_lead), frequencies),
        )
        placement = index.place(signals)
        story_of[feature.content_hash] = placement.story_id
        renamed.update(placement.renamed_stories)
    return {key: final_id(story, renamed) for key, story in story_of.items()}


def final_id(story_id: str, renamed: dict[str, str]) -> str:
    """The id a story ended up with, following its renames and merges."""
    seen = {story_id}
    while story_id in renamed and renamed[story_id] not in seen:
        story_id = renamed[story_id]
        seen.add(story_id)
    return story_id


def digest(story_of: dict[str, str]) -> str:
    """A short digest of the partition (story ids are content-derived, so order-free)."""
    rows = "\n".join(f"{key} {story}" for key, story in sorted(story_of.items()))
    return hashlib.sha256(rows.encode()).hexdigest()[:12]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--total", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--embedder", default="minilm", choices=["minilm", "minilm-static", "hashing"]
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    params = GroupingParams.for_embedder(args.embedder)
    articles = cast(list[Article], make_articles(load_clusters(args.data), args.total, args.seed))
    features = [compute_features(a, INGESTED_AT, params) for a in articles]
    assert len({hash_content(a) for a in articles}) == len(articles)
    embeddings = list(get_embedder(args.embedder).encode([f.lead for f in features]))

    times = []
    digests = set()
    stories = 0
    for _ in range(args.repeat):
        started = cpu_seconds()
        story_of = group_all(articles, features, embeddings, params)
        times.append(cpu_seconds() - started)
        digests.add(digest(story_of))
        stories = len(set(story_of.values()))
    print(f"{args.total} synthetic articles, embedder {args.embedder}, {args.repeat} passes")
    print("| CPU ms/article (median) | passes | stories | partition digest |")
    print("|---|---|---|---|")
    median = 1000 * statistics.median(times) / args.total
    passes = " / ".join(f"{1000 * t / args.total:.2f}" for t in times)
    print(f"| {median:.2f} | {passes} | {stories} | {', '.join(sorted(digests))} |")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(group_all, articles, features, embeddings, params)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(20)


if __name__ == "__main__":
    main()
