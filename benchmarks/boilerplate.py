"""Boilerplate removal on Multi-News clusters: what goes, and does any story go with it?

Reads a Multi-News JSON Lines file (``{"id", "documents", "summary"}`` per line)
with :func:`newsfuse.reading.read_inputs`, cleans all documents together with
:func:`newsfuse.clean.clean_articles` (one batch, as ``newsfuse`` does for one
read), and prints a table: documents, characters in and out, blocks removed by
reason, and a proxy for "kept every sentence": the share of reference-summary
unigrams and bigrams that occur in removed text but nowhere in the kept text of
their cluster (should be about 0). ``--show N`` prints a sample of removed
blocks for audit. Timings are medians over ``--repeat`` runs.

    python benchmarks/boilerplate.py [DATA] [--show N] [--repeat R] [--seed S]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from newsfuse.clean import clean_articles  # noqa: E402
from newsfuse.model import Article  # noqa: E402
from newsfuse.reading import read_inputs  # noqa: E402
from shared_data import shared_path  # noqa: E402

DEFAULT_DATA = shared_path("data", "multinews-dev.jsonl")
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def tokens(text: str) -> list[str]:
    """Lowercased word tokens (what ROUGE-style overlap looks at)."""
    return _TOKEN.findall(text.lower())


def ngrams(words: list[str], size: int) -> set[tuple[str, ...]]:
    """The set of ``size``-grams of ``words``."""
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def load_summaries(path: Path) -> dict[str, str]:
    """Cluster id to reference summary."""
    summaries = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            summaries[str(row["id"])] = row.get("summary", "")
    return summaries


def measure_loss(
    cleaned: list[Article], summaries: dict[str, str], size: int
) -> tuple[int, int, Counter[str]]:
    """Reference n-grams lost to removal (in removed text, not in kept text) and their total."""
    kept: dict[str, list[str]] = defaultdict(list)
    removed: dict[str, list[str]] = defaultdict(list)
    for article in cleaned:
        cluster = article.id.rsplit("/", 1)[0]
        kept[cluster].append(article.text)
        removed[cluster].extend(removal.text for removal in article.removed)
    lost_total = reference_total = 0
    lost_examples: Counter[str] = Counter()
    for cluster, summary in summaries.items():
        reference = ngrams(tokens(summary), size)
        kept_grams = ngrams(tokens("\n".join(kept[cluster])), size)
        removed_grams = ngrams(tokens("\n".join(removed[cluster])), size)
        lost = (reference & removed_grams) - kept_grams
        lost_total += len(lost)
        reference_total += len(reference)
        lost_examples.update(" ".join(gram) for gram in lost)
    return lost_total, reference_total, lost_examples


def main() -> None:
    """Run the benchmark and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show", type=int, default=0, help="print N sampled removed blocks")
    parser.add_argument("--repeat", type=int, default=3, help="timing runs (median reported)")
    parser.add_argument("--seed", type=int, default=0, help="seed for the audit sample")
    options = parser.parse_args()
    if not options.data.is_file():
        parser.error(f"{options.data}: no such file; pass the Multi-News JSON Lines path")

    started = time.perf_counter()
    report = read_inputs([options.data])
    read_seconds = time.perf_counter() - started
    times = []
    cleaned: list[Article] = []
    for _ in range(max(1, options.repeat)):
        started = time.perf_counter()
        cleaned = clean_articles(report.articles)
        times.append(time.perf_counter() - started)
    summaries = load_summaries(options.data)

    chars_in = sum(len(article.text) for article in report.articles)
    chars_out = sum(len(article.text) for article in cleaned)
    emptied = sum(1 for article in cleaned if not article.text)
    print(f"# Boilerplate removal on {options.data.name}\n")
    print("| measure | value |\n|---|---|")
    print(f"| clusters | {len(summaries)} |")
    print(f"| documents read | {len(report.articles)} (skipped {len(report.skipped)}) |")
    print(f"| documents emptied (all boilerplate) | {emptied} |")
    flagged = sum(1 for article in cleaned if article.non_article)
    print(f"| documents flagged as not articles (`Article.non_article`) | {flagged} |")
    print(f"| characters in | {chars_in} |")
    print(f"| characters out | {chars_out} ({100 * chars_out / max(1, chars_in):.2f} %) |")
    for size, name in ((1, "unigrams"), (2, "bigrams")):
        lost, total, _ = measure_loss(cleaned, summaries, size)
        print(f"| reference {name} lost to removal | {lost} / {total} "
              f"({100 * lost / max(1, total):.3f} %) |")  # fmt: skip
    print(f"| read time (s) | {read_seconds:.2f} |")
    print(f"| clean time, median of {len(times)} (s) | {statistics.median(times):.2f} |")

    blocks: Counter[str] = Counter()
    block_chars: Counter[str] = Counter()
    for article in cleaned:
        for removal in article.removed:
            blocks[removal.reason] += 1
            block_chars[removal.reason] += len(removal.text)
    print("\n| reason | blocks | characters |\n|---|---|---|")
    for reason, count in blocks.most_common():
        print(f"| {reason} | {count} | {block_chars[reason]} |")

    _, _, lost_bigrams = measure_loss(cleaned, summaries, 2)
    if lost_bigrams:
        print("\nReference bigrams lost:", ", ".join(g for g, _ in lost_bigrams.most_common(20)))
    if options.show:
        removals = [(a.id, r) for a in cleaned for r in a.removed]
        sample = random.Random(options.seed).sample(removals, min(options.show, len(removals)))
        print(f"\n## {len(sample)} removed blocks (seed {options.seed})\n")
        for article_id, removal in sample:
            text = removal.text.replace("\n", " / ")
            print(f"- [{removal.reason}] {article_id}: {text[:300]}")


if __name__ == "__main__":
    main()
