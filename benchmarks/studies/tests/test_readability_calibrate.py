"""The repeat cut-off measurement of benchmarks/readability.py --calibrate."""

from __future__ import annotations

import json
from types import ModuleType

import numpy as np

from study_scripts import BENCHMARKS, load_benchmark


def _readability() -> ModuleType:
    return load_benchmark("readability")


def test_among_equally_accurate_cuts_the_midpoint_of_the_first_and_last_is_taken() -> None:
    cosines = np.array([0.9, 0.85, 0.8, 0.6])
    labels = np.array([True, False, True, False])
    # Cutting at 0.8 or at 0.9 labels 3 of 4 right; 0.85 and 0.6 only 2.
    assert abs(_readability().best_cut(cosines, labels) - 0.85) < 1e-9


def test_with_no_repeat_the_best_cut_flags_nothing() -> None:
    cosines = np.array([0.9, 0.6])
    labels = np.array([False, False])
    assert _readability().best_cut(cosines, labels) > 0.9


def test_precision_and_recall_are_counted_at_the_cut() -> None:
    cosines = np.array([0.9, 0.8, 0.75, 0.5])
    labels = np.array([True, False, True, True])
    # Flagged: 0.9 (right) and 0.8 (wrong); missed: 0.75 and 0.5.
    assert _readability().score_cut(cosines, labels, 0.78) == "1/2 | 1/3 | 0.250"


def test_cross_validation_reports_the_dev_pairs_apart() -> None:
    cosines = np.array([0.9, 0.85, 0.88, 0.4, 0.45, 0.5, 0.95, 0.3, 0.97, 0.1])
    labels = np.array([True, True, True, False, False, False, True, False, True, False])
    dev = np.array([False] * 8 + [True] * 2)
    report = _readability().cross_validate(cosines, labels, dev, folds=2, repeats=3)
    # The dev pairs lie far from any cut the folds fit: both are labelled right.
    assert "  dev: precision 1.000, recall 1.000, accuracy 1.000" in report.splitlines()


def test_the_dev_labels_hold_ids_and_indices_not_text() -> None:
    pairs = json.loads((BENCHMARKS / "readability_pairs_dev.json").read_text())["pairs"]
    assert pairs
    for pair in pairs:
        assert set(pair) == {
            "cluster",
            "budget",
            "brief_sentences",
            "first",
            "second",
            "cosine",
            "repeat",
            "why",
            "sample",
        }
        for side in (pair["first"], pair["second"]):
            assert set(side) == {"article", "sentences"}
            low, high = side["sentences"]
            assert 0 <= low <= high
        # A short reason in the labeller's words, not a copied sentence.
        assert len(pair["why"]) < 80
