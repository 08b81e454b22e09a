"""Fit newsfuse's learned sentence scorer on greedy-oracle labels and cross-validate it.

Usage::

    python benchmarks/fit/fit_scorer.py [DATA.jsonl] [--folds 5] [--budget 300]
        [--write src/newsfuse/summary/learned_weights.json]

Every sentence of every cluster gets :func:`newsfuse.summary.learned.extract_features`
and a label: 1 if the greedy ROUGE oracle picks it. A class-balanced logistic
regression is fitted; the table printed is k-fold cross-validated by cluster
(each cluster is scored by a model that never saw it). ``--write`` then refits
on all clusters and writes the plain-JSON coefficients the package ships.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from newsfuse.evaluate.data import read_clusters  # noqa: E402
from newsfuse.evaluate.oracle import select_oracle  # noqa: E402
from newsfuse.evaluate.pipeline import read_cluster, split_cluster  # noqa: E402
from newsfuse.evaluate.rouge import score_summary  # noqa: E402
from newsfuse.evaluate.text import cut_to_budget, split_plain_sentences  # noqa: E402
from newsfuse.summary.learned import (  # noqa: E402
    FEATURE_NAMES,
    ScorerWeights,
    extract_features,
    select_for_rouge,
    vectorize_sentences,
)
from newsfuse.summary.params import BriefParams  # noqa: E402
from shared_data import shared_path  # noqa: E402

DEFAULT_DATA = shared_path("data", "multinews-dev.jsonl")
# Inverse regularisation strength: features are few and standardised, so mild
# regularisation (C = 1, sklearn's default) is enough; 0.1 and 10 scored the same.
REGULARISATION = 1.0
SEED = 13


def prepare(data: Path, budget: int) -> list[dict]:
    """Per cluster: sentences, TF-IDF rows, features, oracle labels, reference sentences."""
    prepared = []
    for cluster in read_clusters(data).clusters:
        sentences = [s for doc in split_cluster(read_cluster(cluster)) for s in doc]
        if not sentences:
            continue
        tfidf = vectorize_sentences([s.text for s in sentences])
        labels = np.zeros(len(sentences))
        labels[select_oracle([s.text for s in sentences], cluster.summary, budget)] = 1.0
        prepared.append(
            {
                "id": cluster.id,
                "sentences": sentences,
                "tfidf": tfidf,
                "features": extract_features(sentences, tfidf),
                "labels": labels,
                "reference": split_plain_sentences(cluster.summary),
            }
        )
    return prepared


def fit(clusters: list[dict]) -> ScorerWeights:
    """Class-balanced, standardised logistic regression on the clusters' sentences."""
    from sklearn.linear_model import LogisticRegression

    features = np.vstack([c["features"] for c in clusters])
    labels = np.concatenate([c["labels"] for c in clusters])
    mean = features.mean(axis=0)
    scale = features.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=REGULARISATION, class_weight="balanced", max_iter=2000)
    model.fit((features - mean) / scale, labels)
    return ScorerWeights(
        features=FEATURE_NAMES,
        mean=tuple(float(v) for v in mean),
        scale=tuple(float(v) for v in scale),
        coefficients=tuple(float(v) for v in model.coef_[0]),
        intercept=float(model.intercept_[0]),
    )


def evaluate(
    weights: ScorerWeights, clusters: list[dict], budget: int, **selection: object
) -> list[dict[str, float]]:
    """ROUGE of the scorer + selection on ``clusters``."""
    scores = []
    for cluster in clusters:
        chosen = select_for_rouge(
            cluster["sentences"],
            weights.score(cluster["features"]),
            budget,
            tfidf=cluster["tfidf"],
            **selection,  # type: ignore[arg-type]
        )
        output = cut_to_budget([s.text for s in chosen], budget)
        scores.append(score_summary(output, cluster["reference"]).as_dict())
    return scores


def cross_validate(
    clusters: list[dict], folds: int, budget: int, **selection: object
) -> list[dict[str, float]]:
    """k-fold scores by cluster: each fold is scored by a model fitted on the others."""
    order = np.random.default_rng(SEED).permutation(len(clusters))
    results: list[tuple[int, dict[str, float]]] = []
    for fold in range(folds):
        held = set(order[fold::folds].tolist())
        train = [c for i, c in enumerate(clusters) if i not in held]
        test = sorted(held)
        weights = fit(train)
        for index, score in zip(
            test, evaluate(weights, [clusters[i] for i in test], budget, **selection), strict=True
        ):
            results.append((index, score))
    return [score for _, score in sorted(results, key=lambda pair: pair[0])]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--budget", type=int, default=300)
    parser.add_argument("--write", type=Path, default=None, help="write the fitted weights here")
    arguments = parser.parse_args()

    started = time.perf_counter()
    clusters = prepare(arguments.data, arguments.budget)
    print(f"prepared {len(clusters)} clusters in {time.perf_counter() - started:.1f} s")
    print(f"| selection | R-1 | R-2 | R-L | R-Lsum |  ({arguments.folds}-fold CV by cluster)")
    print("|---|---|---|---|---|")
    for order in ("source",):
        for redundancy in (0.3, BriefParams().redundancy_tfidf):
            scores = cross_validate(
                clusters, arguments.folds, arguments.budget, order=order, redundancy=redundancy
            )
            means = [np.mean([s[k] for s in scores]) for k in scores[0]]
            cells = " | ".join(f"{m:.2f}" for m in means)
            print(f"| order={order} redundancy={redundancy} | {cells} |")
    if arguments.write:
        weights = fit(clusters)
        arguments.write.write_text(json.dumps(weights.to_json(), indent=2) + "\n")
        print(f"wrote {arguments.write}")


if __name__ == "__main__":
    main()
