"""Story clustering quality on Multi-News dev: B-cubed against the true clusters.

Every document of every cluster is pooled, shuffled (seeded) and ingested into a
fresh store through the real pipeline (read, clean, group). Each Multi-News
cluster is one story; documents have no dates, so grouping runs on text alone.
B-cubed precision/recall/F1 (Bagga & Baldwin 1998) compare the stored stories
with the true clusters. A second, differently shuffled ingest measures order
stability: B-cubed F1 and adjusted Rand index between the two partitions.

Documents the reader or cleaner skip (nothing left after boilerplate removal)
count as singleton stories; the "read" rows leave them out (they are reported,
not dropped). Exact copies across clusters (e.g. a web-archive notice that
replaced several different articles) are stored once, so they score as one
story; the "distinct" rows leave those documents out. The "ceiling" line scores
the best any grouping could do: the true clusters, with skipped documents as
singletons and exact copies as one story.

Usage: python benchmarks/clustering.py [DATA] [--embedder NAME] [--seed N]
(NAME: minilm, minilm-static, minilm-torch, hashing or mpnet)
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsfuse.group.params import GroupingParams  # noqa: E402
from shared_data import shared_path  # noqa: E402

DEFAULT_DATA = shared_path("data", "multinews-dev.jsonl")


def bcubed(predicted: Sequence[str], gold: Sequence[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a predicted clustering (Bagga & Baldwin 1998)."""
    predicted_sizes = Counter(predicted)
    gold_sizes = Counter(gold)
    both = Counter(zip(predicted, gold, strict=True))
    precision = sum(both[(p, g)] / predicted_sizes[p] for p, g in zip(predicted, gold, strict=True))
    recall = sum(both[(p, g)] / gold_sizes[g] for p, g in zip(predicted, gold, strict=True))
    precision /= len(predicted)
    recall /= len(predicted)
    return precision, recall, 2 * precision * recall / (precision + recall)


def copied_documents(documents: list[tuple[str, str, str]]) -> set[str]:
    """Ids of documents whose text (whitespace aside) also stands in another cluster."""
    clusters_of_text: dict[str, set[str]] = {}
    for _, cluster, text in documents:
        clusters_of_text.setdefault(" ".join(text.split()), set()).add(cluster)
    return {d for d, _, t in documents if len(clusters_of_text[" ".join(t.split())]) > 1}


def load_documents(path: Path) -> list[tuple[str, str, str]]:
    """(document id, cluster id, text) for every document of every cluster."""
    documents = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            for number, text in enumerate(row["documents"]):
                documents.append((f"{row['id']}#{number}", row["id"], text))
    return documents


def cluster_documents(
    documents: Sequence[tuple[str, str, str]],
    seed: int,
    embedder: str,
    workdir: Path,
    grouping: GroupingParams | None = None,
) -> tuple[dict[str, str], float]:
    """Ingest the documents in a seeded random order; return document -> story, seconds.

    ``grouping`` overrides the grouping tunables (default: the embedder's own).
    """
    from newsfuse import corpus, pipeline
    from newsfuse.group.features import hash_content

    order = list(documents)
    random.Random(seed).shuffle(order)
    records = [{"id": doc_id, "text": text} for doc_id, _, text in order]
    db = workdir / f"clustering-{seed}.db"
    started = time.perf_counter()
    report = pipeline.read_report(records)
    corpus.ingest_articles(
        report.articles, db=db, skipped=report.skipped, embedder=embedder, grouping=grouping
    )
    seconds = time.perf_counter() - started
    with sqlite3.connect(db) as connection:
        story_of_hash = dict(connection.execute("SELECT content_hash, story_id FROM articles"))
    assignment = {a.id: story_of_hash[hash_content(a)] for a in report.articles}
    for doc_id, _, _ in documents:
        assignment.setdefault(doc_id, f"skipped:{doc_id}")
    return assignment, seconds


def _best_possible(
    doc_id: str,
    run: dict[str, str],
    gold: dict[str, str],
    documents: Sequence[tuple[str, str, str]],
) -> str:
    """The story of ``doc_id`` under the best grouping the store allows.

    A skipped document stays alone; an exact copy shares the story of the first
    document with its text (the store keeps one); every other document is in its
    true cluster.
    """
    if run[doc_id].startswith("skipped:"):
        return run[doc_id]
    text = " ".join(next(t for d, _, t in documents if d == doc_id).split())
    first_with_text = next(d for d, _, t in documents if " ".join(t.split()) == text)
    return "gold:" + gold[first_with_text]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument(
        "--embedder",
        default="minilm",
        choices=["minilm", "minilm-static", "minilm-torch", "hashing", "mpnet"],
    )
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()

    from sklearn.metrics import adjusted_rand_score

    documents = load_documents(args.data)
    gold = {doc_id: cluster for doc_id, cluster, _ in documents}
    copied = copied_documents(documents)
    distinct = [d for d, _, _ in documents if d not in copied]

    with tempfile.TemporaryDirectory() as workdir:
        first, seconds_first = cluster_documents(documents, args.seed, args.embedder, Path(workdir))
        second, seconds_second = cluster_documents(
            documents, args.seed + 1, args.embedder, Path(workdir)
        )
    ids = [d for d, _, _ in documents]
    read = [d for d in ids if not first[d].startswith("skipped:")]
    rows = []
    subsets = (("all documents", ids), ("read documents", read), ("distinct documents", distinct))
    for name, subset in subsets:
        for label, run in (("order A", first), ("order B", second)):
            p, r, f = bcubed([run[d] for d in subset], [gold[d] for d in subset])
            rows.append((f"{name}, {label}", len(subset), p, r, f))
    ceiling = bcubed(
        [_best_possible(d, first, gold, documents) for d in ids], [gold[d] for d in ids]
    )
    agreement = bcubed([first[d] for d in ids], [second[d] for d in ids])[2]
    rand = adjusted_rand_score([first[d] for d in ids], [second[d] for d in ids])

    print(
        f"Multi-News dev: {len(documents)} documents, {len(set(gold.values()))} clusters; "
        f"embedder {args.embedder}; seeds {args.seed}, {args.seed + 1}"
    )
    print(f"| {'set':<32} | {'docs':>4} | {'B3 P':>5} | {'B3 R':>5} | {'B3 F1':>5} |")
    print(f"|{'-' * 34}|{'-' * 6}|{'-' * 7}|{'-' * 7}|{'-' * 7}|")
    for name, count, p, r, f in rows:
        print(f"| {name:<32} | {count:>4} | {p:5.3f} | {r:5.3f} | {f:5.3f} |")
    print(
        f"\nCeiling (true clusters, skipped as singletons, copies as one): "
        f"P {ceiling[0]:.3f} R {ceiling[1]:.3f} F1 {ceiling[2]:.3f}"
    )
    print(f"Order stability (A vs B): B-cubed F1 {agreement:.3f}, adjusted Rand {rand:.3f}")
    print(f"Predicted stories: A {len(set(first.values()))}, B {len(set(second.values()))}")
    print(
        f"Ingest time (read+clean+embed+group+store): A {seconds_first:.1f} s, "
        f"B {seconds_second:.1f} s (noisy: shared machine)"
    )


if __name__ == "__main__":
    main()
