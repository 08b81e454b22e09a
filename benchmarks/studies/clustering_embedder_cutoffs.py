"""Study: each embedder's own join cut-off, fitted on one half of Multi-News dev and
scored on the other (2-fold cross-validation by cluster).

An embedder's cosines sit on their own scale, so MiniLM's join bar (0.66) does not
carry over. For the reference embedder (MiniLM at its bar) and for the embedder
studied, every pair of documents is scored by the cosine of their embedded leads
(the lead length of the default calibration). On the training half, the studied
embedder's bar is the lowest at which its pairs above the bar are one cluster at
least as often as MiniLM's pairs above 0.66 on that half (precision-matched); the
held-out half then gives both embedders' pairwise precision and recall at their bars.
Equal precision with more recall is what would make the stronger encoder pay. It
also prints the label-free calibration: each bar at which the studied embedder passes
the same share of all pairs as MiniLM's join and link bars.

Usage: python benchmarks/studies/clustering_embedder_cutoffs.py [DATA] --embedder mpnet
       [--seed N]
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import study_paths  # noqa: F401

from clustering import DEFAULT_DATA, load_documents

REFERENCE = "minilm"
# Cosine bars tried for the studied embedder: its cosines may sit anywhere in (0, 1).
BARS = [round(0.3 + 0.01 * step, 2) for step in range(66)]  # 0.30 ... 0.95


def lead_cosines(texts: Sequence[str], embedder: str) -> npt.NDArray[np.float64]:
    """Pairwise cosines of the embedded leads of ``texts`` (untitled documents)."""
    from newsfuse.corpus import load_embedder
    from newsfuse.group.features import extract_lead
    from newsfuse.group.params import GroupingParams
    from newsfuse.model import Article

    words = GroupingParams().embedding.lead_words
    leads = [extract_lead(Article(id=str(n), text=t), words) for n, t in enumerate(texts)]
    vectors = np.asarray(load_embedder(embedder).encode(leads), dtype=np.float64)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    cosines = vectors @ vectors.T
    np.fill_diagonal(cosines, -np.inf)
    return cosines


def pair_scores(
    cosines: npt.NDArray[np.float64],
    same: npt.NDArray[np.bool_],
    rows: npt.NDArray[np.intp],
    bar: float,
) -> tuple[float, float]:
    """Pairwise precision and recall, among documents ``rows``, of "cosine >= bar"."""
    sub = cosines[np.ix_(rows, rows)]
    truth = same[np.ix_(rows, rows)]
    upper = np.triu(np.ones_like(truth, dtype=bool), k=1)
    chosen = (sub >= bar) & upper
    hits = int((chosen & truth).sum())
    precision = hits / int(chosen.sum()) if chosen.any() else 1.0
    recall = hits / max(int((truth & upper).sum()), 1)
    return precision, recall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--embedder", default="mpnet")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()

    from newsfuse.group.params import GroupingParams

    documents = load_documents(args.data)
    clusters = sorted({c for _, c, _ in documents})
    random.Random(args.seed).shuffle(clusters)
    fold_of = {c: n % 2 for n, c in enumerate(clusters)}
    labels = np.array([c for _, c, _ in documents])
    same = labels[:, None] == labels[None, :]
    folds = [
        np.array([i for i, (_, c, _) in enumerate(documents) if fold_of[c] == k], dtype=np.intp)
        for k in (0, 1)
    ]
    texts = [t for _, _, t in documents]
    reference = lead_cosines(texts, REFERENCE)
    studied = lead_cosines(texts, args.embedder)
    reference_bar = GroupingParams().embedding.join

    print(
        f"Multi-News dev, {len(documents)} documents; "
        f"{args.embedder} vs {REFERENCE} at {reference_bar}"
    )
    print("| train fold | fitted bar | held-out P ref | held-out R ref | held-out P | held-out R |")
    print("|---|---|---|---|---|---|")
    for train, test in ((0, 1), (1, 0)):
        wanted, _ = pair_scores(reference, same, folds[train], reference_bar)
        fitted = next(
            (b for b in BARS if pair_scores(studied, same, folds[train], b)[0] >= wanted), BARS[-1]
        )
        ref_p, ref_r = pair_scores(reference, same, folds[test], reference_bar)
        p, r = pair_scores(studied, same, folds[test], fitted)
        print(f"| {train} | {fitted:.2f} | {ref_p:.3f} | {ref_r:.3f} | {p:.3f} | {r:.3f} |")

    # Label-free: the bar passing the same share of all pairs as the reference's bar.
    upper = np.triu(np.ones_like(same, dtype=bool), k=1)
    print("\n| reference bar | its share of pairs | quantile-matched bar |")
    print("|---|---|---|")
    for name, bar in (("join", reference_bar), ("link", GroupingParams().embedding.link)):
        share = float((reference[upper] >= bar).mean())
        matched = float(np.quantile(studied[upper], 1.0 - share))
        print(f"| {name} {bar} | {share:.4f} | {matched:.3f} |")


if __name__ == "__main__":
    main()
