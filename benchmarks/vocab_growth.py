"""How spaCy's vocabulary grows as the fact comparison reads new articles.

Usage::

    python benchmarks/vocab_growth.py [DATA] [--limit N] [--param NAME=VALUE ...]

DATA defaults to ``../shared/data/multinews-dev.jsonl``. Clusters are read, cleaned
and split, then compared one after another in one process (``compare_facts``,
embeddings off: the sentence encoder never touches spaCy's vocabulary). After each
quarter of the documents it prints the strings in spaCy's ``StringStore``, the
lexemes its ``Vocab`` holds (counted by iterating it: spaCy's ``len(vocab)`` counts
lexemes added and never subtracts those a memory zone frees, explosion/spaCy#13882),
the entries of the lemmatizer's cache, and the process's RSS. ``--param
parse_in_memory_zone=false`` is the ablation (``FactParams.parse_in_memory_zone``).
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from newsfuse.evaluate.data import read_clusters  # noqa: E402
from newsfuse.evaluate.harness import prepare_cluster  # noqa: E402
from newsfuse.facts import FactParams, compare_facts  # noqa: E402
from newsfuse.facts.nlp import load_pipeline  # noqa: E402
from shared_data import shared_path  # noqa: E402

DEFAULT_DATA = shared_path("data", "multinews-dev.jsonl")


def _rss_mb() -> float:
    """This process's resident set size in MB (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _sizes() -> tuple[int, int, int]:
    """Strings, lexemes and lemmatizer cache entries of the loaded pipeline."""
    nlp = load_pipeline()
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    cache = len(getattr(lemmatizer, "cache", ()))
    return len(nlp.vocab.strings), sum(1 for _ in nlp.vocab), cache


def _parse_param(text: str) -> tuple[str, object]:
    """``name=value`` for a FactParams field; true/false for a flag, else a number."""
    name, _, value = text.partition("=")
    if value.lower() in ("true", "false"):
        return name, value.lower() == "true"
    return name, float(value) if "." in value else int(value)


def main() -> None:
    """Compare the clusters in turn and print the vocabulary after each quarter."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="clusters to read")
    parser.add_argument("--param", action="append", default=[], help="FactParams NAME=VALUE")
    args = parser.parse_args()
    params = replace(FactParams(), **dict(_parse_param(p) for p in args.param))
    clusters = [prepare_cluster(c) for c in read_clusters(args.data, limit=args.limit).clusters]
    documents = sum(len(cluster.articles) for cluster in clusters)
    load_pipeline()
    strings, lexemes, cache = _sizes()
    print(f"{len(clusters)} clusters, {documents} documents; "
          f"parse_in_memory_zone={params.parse_in_memory_zone}")  # fmt: skip
    print("| documents | strings | lexemes | lemmatizer cache | RSS MB | seconds |")
    print("|---:|---:|---:|---:|---:|---:|")
    print(f"| 0 (loaded) | {strings:,} | {lexemes:,} | {cache:,} | {_rss_mb():.0f} | – |")
    started = time.perf_counter()
    done = 0
    quarter = 1
    for cluster in clusters:
        compare_facts(list(cluster.articles), embeddings=False, params=params)
        done += len(cluster.articles)
        if done * 4 >= quarter * documents:
            strings, lexemes, cache = _sizes()
            print(f"| {done} | {strings:,} | {lexemes:,} | {cache:,} | {_rss_mb():.0f} "
                  f"| {time.perf_counter() - started:.0f} |")  # fmt: skip
            while done * 4 >= quarter * documents:
                quarter += 1


if __name__ == "__main__":
    main()
