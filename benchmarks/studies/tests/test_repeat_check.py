"""The shared-term rule of benchmarks/studies/repeat_check.py on invented pairs."""

from __future__ import annotations

import numpy as np

from study_scripts import load_study


def test_shared_terms_are_common_content_words_and_numbers() -> None:
    study = load_study("repeat_check")
    shared = study.shared_terms(
        "The Orrin council closed 14 schools on Monday.",
        "On Monday 14 schools shut in Orrin.",
    )
    assert shared == {"orrin", "school", "monday", "14"}


def test_a_floor_on_shared_terms_turns_a_cosine_flag_off() -> None:
    study = load_study("repeat_check")
    cosines = np.array([0.9, 0.8, 0.8])
    shared = np.array([5, 1, 6])
    labels = np.array([True, False, True])
    assert study.rule_accuracy(cosines, shared, labels, 0.7, 0) == 2 / 3
    assert study.rule_accuracy(cosines, shared, labels, 0.7, 2) == 1.0


def test_leave_one_out_chooses_the_floor_without_the_held_pair() -> None:
    study = load_study("repeat_check")
    cosines = np.array([0.9, 0.8, 0.8, 0.85])
    shared = np.array([5, 1, 6, 0])
    labels = np.array([True, False, True, False])
    accuracy, chosen = study.leave_one_out(cosines, shared, labels, 0.7)
    # Without the pair that shares 1 term, a floor of 1 already fits the rest, so that
    # pair is flagged when it is held out: the held pair never sets its own floor.
    assert chosen == [2, 1, 2, 2]
    assert accuracy == 0.75
