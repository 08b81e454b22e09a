"""Study: ran on commit 48fd461 (2026-12-04); its result is recorded in docs/benchmarks-stories.md,
"Ingest throughput measured again; the lead budget on both halves".

The embedded lead's word budget (``embedding.lead_words``), picked on one half of
Multi-News dev and scored on the other.

The encoder's cost grows with the word pieces it reads, so a shorter lead is faster;
this study checks whether it also groups as well on text it was not picked on. The
clusters are split into two halves by a fixed, label-free rule (their position in the
file: even positions are half A, odd half B). Each half is ingested on its own into a
fresh store, in two seeded orders, once per budget; the row is the mean B-cubed
P / R / F1 of the two orders. Then each half's best budget (highest mean F1; a tie goes
to the larger budget, the one that changes least) is scored on the other half.

Usage: python benchmarks/studies/lead_budget_halves.py [DATA] [--budgets 16 20 24 28 32]
       [--embedder minilm] [--seed N]
"""

from __future__ import annotations

import argparse
import dataclasses
import tempfile
from collections.abc import Sequence
from pathlib import Path

import study_paths  # noqa: F401

from clustering import DEFAULT_DATA, bcubed, cluster_documents, load_documents
from newsfuse.group.params import GroupingParams


def split_halves(
    documents: Sequence[tuple[str, str, str]],
) -> dict[str, list[tuple[str, str, str]]]:
    """The documents of the clusters at even (A) and odd (B) positions in the file."""
    clusters = list(dict.fromkeys(cluster for _, cluster, _ in documents))
    half_of = {cluster: "AB"[position % 2] for position, cluster in enumerate(clusters)}
    halves: dict[str, list[tuple[str, str, str]]] = {"A": [], "B": []}
    for document in documents:
        halves[half_of[document[1]]].append(document)
    return halves


def score_budget(
    documents: Sequence[tuple[str, str, str]], budget: int, embedder: str, seed: int
) -> tuple[float, float, float]:
    """Mean B-cubed P, R, F1 over two seeded orders with ``budget`` lead words."""
    params = GroupingParams.for_embedder(embedder)
    params = dataclasses.replace(
        params, embedding=dataclasses.replace(params.embedding, lead_words=budget)
    )
    gold = {doc_id: cluster for doc_id, cluster, _ in documents}
    ids = list(gold)
    totals = [0.0, 0.0, 0.0]
    with tempfile.TemporaryDirectory() as workdir:
        for order_seed in (seed, seed + 1):
            run, _ = cluster_documents(documents, order_seed, embedder, Path(workdir), params)
            result = bcubed([run[d] for d in ids], [gold[d] for d in ids])
            totals = [t + v for t, v in zip(totals, result, strict=True)]
    return totals[0] / 2, totals[1] / 2, totals[2] / 2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--budgets", nargs="+", type=int, default=[16, 20, 24, 28, 32])
    parser.add_argument("--embedder", default="minilm")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()

    halves = split_halves(load_documents(args.data))
    scores: dict[tuple[str, int], tuple[float, float, float]] = {}
    print(f"embedder {args.embedder}; orders {args.seed}, {args.seed + 1} (mean)")
    print("| half | docs | lead words | B3 P | B3 R | B3 F1 |")
    print("|---|---|---|---|---|---|")
    for name, documents in halves.items():
        for budget in args.budgets:
            scores[name, budget] = score_budget(documents, budget, args.embedder, args.seed)
            p, r, f = scores[name, budget]
            print(f"| {name} | {len(documents)} | {budget} | {p:.3f} | {r:.3f} | {f:.3f} |")
    print()
    for picked_on, held_out in (("A", "B"), ("B", "A")):
        best = max(args.budgets, key=lambda b: (round(scores[picked_on, b][2], 3), b))
        print(
            f"picked on {picked_on}: {best} words (F1 {scores[picked_on, best][2]:.3f}); "
            f"held-out {held_out}: F1 {scores[held_out, best][2]:.3f} "
            + " ".join(f"[{b}: {scores[held_out, b][2]:.3f}]" for b in args.budgets)
        )


if __name__ == "__main__":
    main()
