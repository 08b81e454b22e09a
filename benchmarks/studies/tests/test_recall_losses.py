"""The miss kinds and counterfactual scores of benchmarks/studies/recall_losses.py."""

from __future__ import annotations

from study_scripts import load_study

GOLD = {"quay#0": "quay", "quay#1": "quay", "quay#2": "quay", "frost#0": "frost"}


def test_the_main_story_holds_most_read_documents_and_ties_go_to_the_smaller_id() -> None:
    study = load_study("recall_losses")
    assignment = {"quay#0": "s-b", "quay#1": "s-b", "quay#2": "s-a", "frost#0": "s-c"}
    assert study.main_stories(assignment, GOLD, set(GOLD)) == {"quay": "s-b", "frost": "s-c"}
    tied = {**assignment, "quay#1": "s-a", "quay#2": "s-z"}
    assert study.main_stories(tied, GOLD, {"quay#0", "quay#1", "frost#0"})["quay"] == "s-a"


def test_a_miss_is_a_non_article_a_copy_or_binned_by_its_best_score() -> None:
    study = load_study("recall_losses")
    assert study.kind_of_miss(None, skipped=True, copied=False) == "non-article"
    assert study.kind_of_miss(0.9, skipped=False, copied=True) == "copy"
    assert study.kind_of_miss(1.3, skipped=False, copied=False) == "bar reached"
    assert study.kind_of_miss(0.75, skipped=False, copied=False) == "near"
    assert study.kind_of_miss(0.5, skipped=False, copied=False) == "weak"
    assert study.kind_of_miss(0.1, skipped=False, copied=False) == "other angle"
    assert study.kind_of_miss(None, skipped=False, copied=False) == "other angle"


def test_moving_a_split_document_to_its_main_story_restores_full_recall() -> None:
    study = load_study("recall_losses")
    assignment = {"quay#0": "s-b", "quay#1": "s-b", "quay#2": "s-a", "frost#0": "s-c"}
    precision, recall, _ = study.moved_score(assignment, GOLD, {})
    assert precision == 1.0 and recall < 1.0
    assert study.moved_score(assignment, GOLD, {"quay#2": "s-b"}) == (1.0, 1.0, 1.0)
