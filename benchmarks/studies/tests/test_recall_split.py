"""The pair classes and recall costs of benchmarks/studies/recall_split.py."""

from __future__ import annotations

from study_scripts import load_study

GOLD = {
    "quay#0": "quay",
    "quay#1": "quay",
    "quay#2": "quay",
    "frost#0": "frost",
    "frost#1": "frost",
}


def test_the_costs_of_the_split_pairs_add_up_to_the_recall_lost() -> None:
    study = load_study("recall_split")
    from clustering import bcubed

    assignment = {
        "quay#0": "s-a",
        "quay#1": "s-a",
        "quay#2": "s-b",
        "frost#0": "s-c",
        "frost#1": "s-d",
    }
    split = list(study.split_pairs(assignment, GOLD))
    assert {(first, second) for first, second, _ in split} == {
        ("quay#0", "quay#2"),
        ("quay#1", "quay#2"),
        ("frost#0", "frost#1"),
    }
    ids = sorted(GOLD)
    recall = bcubed([assignment[d] for d in ids], [GOLD[d] for d in ids])[1]
    assert abs(sum(cost for _, _, cost in split) - (1 - recall)) < 1e-12


def test_a_columnist_writing_i_reads_as_opinion_but_a_quoted_i_does_not() -> None:
    study = load_study("recall_split")
    column = "I stood on the Quaymouth pier and I thought of my father. " * 3
    report = 'The harbour master said: "I have never seen the tide so high." ' * 3
    assert study.reads_as_opinion(column)
    assert not study.reads_as_opinion(report)
    assert study.reads_as_opinion("Opinion: why the Quaymouth ferry must stay")


def test_page_furniture_opening_a_text_is_cut_and_the_story_kept() -> None:
    study = load_study("recall_split")
    text = "Loading ... CLOSE The Quaymouth ferry sank on Tuesday."
    assert study.strip_openers(text) == "The Quaymouth ferry sank on Tuesday."
    assert study.strip_openers("Photographers gathered at the pier.") == (
        "Photographers gathered at the pier."
    )
