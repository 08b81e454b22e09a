"""Fit and evaluate the citation-support model on the hand-written sentence pairs.

Usage::

    python benchmarks/fit/fit_support.py [tests/fixtures/brief/support_pairs.jsonl]

Prints the fitted logistic-regression coefficients (paste them into
``src/newsfuse/summary/cite.py``), the threshold with the best F0.5 under
leave-one-out cross-validation, and precision/recall of the support decision
(cross-validated, and in-sample for the coefficients shipped in cite.py).
The pair set is small (a few dozen invented pairs), so the figures are rough.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "src"))

from newsfuse.embed import get_embedder  # noqa: E402
from newsfuse.summary import cite  # noqa: E402
from newsfuse.summary.params import BriefParams  # noqa: E402

# Inverse regularisation strength: mild L2, the set is too small for an unregularised fit.
REGULARISATION_C = 10.0
# F-beta used to choose the threshold: precision weighs more than recall (beta < 1).
BETA = 0.5

# The support threshold the brief ships with.
SHIPPED_THRESHOLD = BriefParams().support_threshold


def load_pairs(path: Path) -> list[dict[str, object]]:
    """Read the labelled pairs, one JSON object a line."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def featurize(pairs: list[dict[str, object]]) -> tuple[np.ndarray, np.ndarray]:
    """Embed both sides of every pair and compute the support features."""
    embedder = get_embedder()
    claims = [str(pair["claim"]) for pair in pairs]
    evidence = [str(pair["evidence"]) for pair in pairs]
    vectors = embedder.encode(claims + evidence)
    cosines = np.sum(vectors[: len(pairs)] * vectors[len(pairs) :], axis=1)
    features = np.array(
        [
            cite.support_features(claim, text, float(cosine))
            for claim, text, cosine in zip(claims, evidence, cosines, strict=True)
        ]
    )
    labels = np.array([bool(pair["supports"]) for pair in pairs])
    return features, labels


def precision_recall(predicted: np.ndarray, labels: np.ndarray) -> tuple[float, float, float]:
    """Precision, recall and F-beta of boolean predictions."""
    true_positive = float(np.sum(predicted & labels))
    precision = true_positive / max(1.0, float(np.sum(predicted)))
    recall = true_positive / max(1.0, float(np.sum(labels)))
    denominator = BETA**2 * precision + recall
    f_beta = (1 + BETA**2) * precision * recall / denominator if denominator else 0.0
    return precision, recall, f_beta


def main() -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import LeaveOneOut

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "pairs", nargs="?", default=REPO / "tests/fixtures/brief/support_pairs.jsonl", type=Path
    )
    args = parser.parse_args()
    pairs = load_pairs(args.pairs)
    features, labels = featurize(pairs)

    held_out = np.zeros(len(pairs))
    for train, test in LeaveOneOut().split(features):
        model = LogisticRegression(C=REGULARISATION_C).fit(features[train], labels[train])
        held_out[test] = model.predict_proba(features[test])[:, 1]
    thresholds = np.round(np.arange(0.2, 0.85, 0.05), 2)
    best = max(thresholds, key=lambda t: (precision_recall(held_out >= t, labels)[2], -t))

    model = LogisticRegression(C=REGULARISATION_C).fit(features, labels)
    names = ("cosine", "number_conflict", "number_missing", "name_missing")
    print(f"pairs: {len(pairs)} ({int(labels.sum())} support, {int((~labels).sum())} not)")
    print("fitted coefficients:")
    for name, weight in zip(names, model.coef_[0], strict=True):
        print(f"  {name:16s} {weight:+.2f}")
    print(f"  {'intercept':16s} {model.intercept_[0]:+.2f}")
    print(f"best threshold (leave-one-out, F{BETA}): {best}")
    print()
    print("| model | threshold | precision | recall | F0.5 |")
    print("|---|---|---|---|---|")
    for threshold in (0.5, best):
        p, r, f = precision_recall(held_out >= threshold, labels)
        print(f"| refit, leave-one-out | {threshold} | {p:.2f} | {r:.2f} | {f:.2f} |")
    shipped = np.array(
        [
            cite.support_probability(str(pair["claim"]), str(pair["evidence"]), float(row[0]))
            for pair, row in zip(pairs, features, strict=True)
        ]
    )
    p, r, f = precision_recall(shipped >= SHIPPED_THRESHOLD, labels)
    shipped_row = f"| shipped in cite.py, in-sample | {SHIPPED_THRESHOLD} |"
    print(f"{shipped_row} {p:.2f} | {r:.2f} | {f:.2f} |")
    cosine_only = features[:, 0]
    for threshold in (0.7, 0.8):
        p, r, f = precision_recall(cosine_only >= threshold, labels)
        print(f"| cosine alone (baseline) | {threshold} | {p:.2f} | {r:.2f} | {f:.2f} |")
    wrong = [
        (round(float(prob), 2), pair["kind"], pair["evidence"])
        for prob, pair, label in zip(shipped, pairs, labels, strict=True)
        if (prob >= SHIPPED_THRESHOLD) != label
    ]
    print("\nshipped-model errors:")
    for prob, kind, text in wrong:
        print(f"  p={prob} [{kind}] {text}")


if __name__ == "__main__":
    main()
