"""The leave-one-set-out fit of benchmarks/studies/dispute_threshold_cv.py."""

from __future__ import annotations

from study_scripts import load_study


def test_the_evaluator_s_conflict_counts_are_read_from_its_table() -> None:
    study = load_study("dispute_threshold_cv")
    report = "  conflict:  matched=10/20 precision_hits=9/12 (includes 0 matching ...)\n"
    assert study.read_counts(report) == (10, 20, 9, 12)


def test_the_fit_puts_the_worse_set_s_precision_before_pooled_recall() -> None:
    study = load_study("dispute_threshold_cv")
    table = {
        ("quay", 0.5): (9, 10, 9, 12),  # more recall, a false conflict more
        ("quay", 0.6): (8, 10, 8, 8),
        ("frost", 0.5): (4, 5, 4, 4),
        ("frost", 0.6): (3, 5, 3, 3),
    }
    assert study.fit_threshold(table, ["quay", "frost"], shipped=0.5) == 0.6
    assert study.fit_threshold(table, ["frost"], shipped=0.6) == 0.5


def test_ties_go_to_the_shipped_threshold() -> None:
    study = load_study("dispute_threshold_cv")
    table = {("quay", t): (5, 10, 5, 5) for t in (0.5, 0.55, 0.6)}
    assert study.fit_threshold(table, ["quay"], shipped=0.55) == 0.55
