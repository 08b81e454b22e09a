"""The odd-blockers study's reading of a labelled odd one out and of a row's link."""

from __future__ import annotations

import numpy as np

from newsfuse.facts.params import FactParams
from study_scripts import load_study

study = load_study("odd_blockers")


class _Evaluator:
    @staticmethod
    def value_matches(expected: dict, claim: dict) -> bool:
        return bool(expected["value"] == claim["value"])


def test_three_sources_with_one_differing_name_the_odd_one_and_the_majority() -> None:
    item = {
        "status": "conflict",
        "claims": {"a": {"value": 12}, "b": {"value": 12}, "c": {"value": 14}},
    }
    assert study.odd_one_out(item, _Evaluator) == (["a", "b"], "c")


def test_two_sources_or_three_different_figures_are_no_odd_one_out() -> None:
    pair = {"status": "conflict", "claims": {"a": {"value": 3}, "b": {"value": 4}}}
    spread = {
        "status": "conflict",
        "claims": {"a": {"value": 3}, "b": {"value": 4}, "c": {"value": 5}},
    }
    agreed = {
        "status": "agree",
        "claims": {"a": {"value": 3}, "b": {"value": 3}, "c": {"value": 3}},
    }
    assert study.odd_one_out(pair, _Evaluator) is None
    assert study.odd_one_out(spread, _Evaluator) is None
    assert study.odd_one_out(agreed, _Evaluator) is None


def test_the_link_to_a_row_is_its_best_pair_less_the_discount_but_not_below_the_mean() -> None:
    scores = np.array([[0.0, 0.9, 0.1], [0.9, 0.0, 0.5], [0.1, 0.5, 0.0]])
    params = FactParams()
    value, best = study.link(0, [1, 2], scores, params)
    assert best == 1
    assert abs(value - (0.9 - params.restatement_discount)) < 1e-9
    level = np.array([[0.0, 0.5, 0.5], [0.5, 0.0, 0.5], [0.5, 0.5, 0.0]])
    assert abs(study.link(0, [1, 2], level, params)[0] - 0.5) < 1e-9
