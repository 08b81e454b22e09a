"""Study: ran on commit e4a9249 (2026-12-04); its result is recorded in docs/benchmarks-stories.md,
"Where Multi-News recall is lost".

Where the story index loses B-cubed recall on Multi-News dev, and what each kind of
miss costs.

Every document is ingested in one seeded order through the real pipeline
(``benchmarks/clustering.py``). Each cluster's main story is the story holding most of
its read documents; every document elsewhere is a miss, put in one kind:

- "non-article": the reader or cleaner left it out (crawl notices, error and login
  pages; the ceiling of ``clustering.py`` counts these as singletons);
- "copy": its text is also a document of another cluster (stored once);
- "bar reached": its join score (``score_join`` of the offline TF-IDF cosine with the
  set's final document frequencies and its MiniLM lead cosine) with some member of the
  main story reaches 1.0, the index's join bar: a conflict rule or the story's centroid
  kept it out;
- "near" (best pair score in [0.7, 1)), "weak" ([0.4, 0.7)) and "other angle" (below
  0.4): how far below the bar its best match with the main story is.

For each kind the script reports how many documents it holds and the B-cubed P / R / F1
if those documents alone were moved into their cluster's main story (a counterfactual:
what a perfect fix of that kind could gain). It also counts the same-cluster pairs of
read documents whose pair score reaches the join bar and that the index still split.

Usage: python benchmarks/studies/recall_losses.py [DATA] [--seed N]
"""

from __future__ import annotations

import argparse
import itertools
import tempfile
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

import study_paths  # noqa: F401
from clustering_bound import compute_scores

from clustering import (
    DEFAULT_DATA,
    bcubed,
    cluster_documents,
    copied_documents,
    load_documents,
)

# Pair-score bins below the join bar (1.0), lower edges, highest first.
BINS = (("near", 0.7), ("weak", 0.4), ("other angle", float("-inf")))
KINDS = ("non-article", "copy", "bar reached", *(name for name, _ in BINS))


def main_stories(
    assignment: Mapping[str, str], gold: Mapping[str, str], read: set[str]
) -> dict[str, str]:
    """Each cluster's main story: the one holding most of its read documents (ties go
    to the smaller story id, so the choice does not depend on dict order)."""
    counts: dict[str, Counter[str]] = {}
    for doc_id in sorted(read):
        counts.setdefault(gold[doc_id], Counter())[assignment[doc_id]] += 1
    return {
        cluster: min(story_counts, key=lambda s: (-story_counts[s], s))
        for cluster, story_counts in counts.items()
    }


def kind_of_miss(best_score: float | None, skipped: bool, copied: bool) -> str:
    """The kind of a document outside its cluster's main story (see the module doc)."""
    if skipped:
        return "non-article"
    if copied:
        return "copy"
    if best_score is not None and best_score >= 1.0:
        return "bar reached"
    score = float("-inf") if best_score is None else best_score
    return next(name for name, low in BINS if score >= low)


def moved_score(
    assignment: Mapping[str, str],
    gold: Mapping[str, str],
    moves: Mapping[str, str],
) -> tuple[float, float, float]:
    """B-cubed P / R / F1 with the documents of ``moves`` put in the stories it names."""
    ids = sorted(gold)
    return bcubed([moves.get(d, assignment[d]) for d in ids], [gold[d] for d in ids])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[3])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()

    from newsfuse import pipeline

    documents = load_documents(args.data)
    gold = {doc_id: cluster for doc_id, cluster, _ in documents}
    copied = copied_documents(documents)
    with tempfile.TemporaryDirectory() as workdir:
        assignment, _ = cluster_documents(documents, args.seed, "minilm", Path(workdir))
    articles = pipeline.read_report([{"id": d, "text": t} for d, _, t in documents]).articles
    position = {a.id: n for n, a in enumerate(articles)}
    joined, _, _ = compute_scores([(a.title, a.text) for a in articles], "minilm")
    read = set(position)
    main = main_stories(assignment, gold, read)

    kinds: dict[str, list[str]] = {kind: [] for kind in KINDS}
    for doc_id, cluster in gold.items():
        story = main.get(cluster)
        if story is None or assignment[doc_id] == story:
            continue
        mates = [d for d in read if gold[d] == cluster and assignment[d] == story]
        best = (
            max(float(joined[position[doc_id], position[m]]) for m in mates)
            if doc_id in read and mates
            else None
        )
        kinds[kind_of_miss(best, doc_id not in read, doc_id in copied)].append(doc_id)

    split_pairs = reached = 0
    for first, second in itertools.combinations(sorted(read), 2):
        if gold[first] != gold[second]:
            continue
        if joined[position[first], position[second]] >= 1.0:
            reached += 1
            split_pairs += assignment[first] != assignment[second]

    p, r, f = moved_score(assignment, gold, {})
    print(
        f"Multi-News dev: {len(documents)} documents, {len(read)} read; order seed "
        f"{args.seed}; now P {p:.3f} R {r:.3f} F1 {f:.3f}"
    )
    print(
        f"Same-cluster pairs of read documents reaching the join bar: {reached}, "
        f"of which split by the index: {split_pairs}"
    )
    print("\n| miss kind | documents | if moved to the main story: P | R | F1 |")
    print("|---|---|---|---|---|")
    for kind in KINDS:
        moved = {d: main[gold[d]] for d in kinds[kind]}
        p, r, f = moved_score(assignment, gold, moved)
        print(f"| {kind} | {len(kinds[kind])} | {p:.3f} | {r:.3f} | {f:.3f} |")
    every = {d: main[gold[d]] for kind in KINDS[1:] for d in kinds[kind]}
    p, r, f = moved_score(assignment, gold, every)
    print(f"| every miss but non-articles | {len(every)} | {p:.3f} | {r:.3f} | {f:.3f} |")


if __name__ == "__main__":
    main()
