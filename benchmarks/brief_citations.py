"""How often brief sentences get supporting citations on the fact-comparison dev set.

Usage::

    python benchmarks/brief_citations.py [../shared/bench/facts-dev.jsonl] [--budget 120]

The clusters are invented multi-outlet stories (24 clusters, 2-5 articles),
so many facts are stated by several outlets. Prints, per cluster, the brief
sentences and how many carry at least one supporting citation, then a sample of
(brief sentence, cited span, score) pairs to check precision by eye.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from newsfuse.embed import get_embedder  # noqa: E402
from newsfuse.model import Article  # noqa: E402
from newsfuse.summary import summarize  # noqa: E402
from shared_data import shared_path  # noqa: E402

DEFAULT_DATA = shared_path("bench", "facts-dev.jsonl")


def to_article(record: dict[str, str]) -> Article:
    """One article record of facts-dev.jsonl as an Article."""
    published = record.get("published")
    return Article(
        id=record["id"],
        text=record["text"],
        source=record.get("source", ""),
        published=datetime.fromisoformat(published.replace("Z", "+00:00")) if published else None,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--budget", type=int, default=120)
    parser.add_argument("--sample", type=int, default=15)
    args = parser.parse_args()
    embedder = get_embedder()
    total = supported = 0
    samples: list[str] = []
    print("| cluster | articles | brief sentences | with support |")
    print("|---|---|---|---|")
    with args.data.open(encoding="utf-8") as handle:
        for line in handle:
            cluster = json.loads(line)
            articles = [to_article(record) for record in cluster["articles"]]
            by_id = {article.id: article for article in articles}
            brief = summarize(articles, args.budget, embedder=embedder)
            # Support is another article's span: a compressed sentence (summary.compress)
            # or one whose name was written in full cites several spans of its own.
            supports = [
                [c for c in sentence.citations if c.article_id != sentence.citations[0].article_id]
                for sentence in brief
            ]
            with_support = sum(bool(cited) for cited in supports)
            total, supported = total + len(brief), supported + with_support
            print(f"| {cluster['id']} | {len(articles)} | {len(brief)} | {with_support} |")
            for sentence, cited in zip(brief, supports, strict=True):
                for citation in cited:
                    span = by_id[citation.article_id].text[citation.start : citation.end]
                    samples.append(f"{citation.score:.2f} | {sentence.text}\n     => {span}")
    print(f"| **all** | | {total} | {supported} ({100 * supported / max(1, total):.0f} %) |")
    print("\nsupporting citations (score | brief sentence => cited span):")
    for sample in samples[: args.sample]:
        print(sample)


if __name__ == "__main__":
    main()
