"""Study: ran on commit c09b924 (2026-11-23); its result is recorded in docs/benchmarks-stories.md
(the sensitivity tables of each join bar).

How story-clustering B-cubed F1 moves with one threshold of the story index.

Sets a module constant of :mod:`newsfuse.group.index` (``MERGE_SCORE``,
``LEXICAL_JOIN``, ``EMBEDDING_JOIN``...) to each given value and reruns the
Multi-News dev clustering benchmark (two shuffled orders) with it, printing one
row per value. Use it to check that a threshold sits on a plateau rather than a
peak tuned to this set.

Usage: python benchmarks/studies/clustering_sensitivity.py [DATA] --constant MERGE_SCORE
       --values 0.8 0.9 1.0 1.1 [--set NAME=VALUE ...] [--embedder hashing|minilm]
       [--seed N]

``--set`` fixes other constants for the whole run (a row of a two-way grid, e.g.
``--constant MIX_JOIN --values 0.75 0.8 0.85 0.9 --set JOIN_MIX=0.7``).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from clustering import DEFAULT_DATA, bcubed, cluster_documents, load_documents  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--constant", default="MERGE_SCORE")
    parser.add_argument("--values", type=float, nargs="+", default=[0.8, 0.9, 1.0, 1.1, 1.2])
    parser.add_argument(
        "--embedder",
        default="hashing",
        choices=["minilm", "minilm-static", "minilm-torch", "hashing"],
    )
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--set", nargs="*", default=[], metavar="NAME=VALUE")
    args = parser.parse_args()

    import newsfuse.group.index as story_index

    fixed = dict(item.split("=", 1) for item in args.set)
    for name in [args.constant, *fixed]:
        if not hasattr(story_index, name):
            parser.error(f"newsfuse.group.index has no constant {name}")
    for name, value in fixed.items():
        setattr(story_index, name, float(value))
    documents = load_documents(args.data)
    gold = {doc_id: cluster for doc_id, cluster, _ in documents}
    ids = [doc_id for doc_id, _, _ in documents]
    print(
        f"{args.constant} on {args.data.name}, embedder {args.embedder}, "
        f"seeds {args.seed}, {args.seed + 1}; fixed: {fixed or 'none'}"
    )
    print(f"| {args.constant} | P A / B | R A / B | F1 A / B |")
    print("|---|---|---|---|")
    for value in args.values:
        setattr(story_index, args.constant, value)
        scores = []
        for seed in (args.seed, args.seed + 1):
            with tempfile.TemporaryDirectory() as workdir:
                run, _ = cluster_documents(documents, seed, args.embedder, Path(workdir))
            scores.append(bcubed([run[d] for d in ids], [gold[d] for d in ids]))
        (pa, ra, fa), (pb, rb, fb) = scores
        print(f"| {value:g} | {pa:.3f} / {pb:.3f} | {ra:.3f} / {rb:.3f} | {fa:.3f} / {fb:.3f} |")


if __name__ == "__main__":
    main()
