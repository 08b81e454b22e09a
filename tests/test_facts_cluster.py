"""Grouping claims into facts (newsfuse.facts.cluster) on invented score matrices."""

from __future__ import annotations

import numpy as np

from newsfuse.facts.cluster import _cluster

# Three reports of one job cut: a and c give 1,200 in different wordings, b gives 1,500.
ARTICLES = ["a", "b", "c"]
AGREEING = np.array([[False, False, True], [False, False, False], [True, False, False]])


def _scores(a_b: float, b_c: float, a_c: float = 0.9) -> np.ndarray:
    inf = -np.inf
    return np.array([[inf, a_b, a_c], [a_b, inf, b_c], [a_c, b_c, inf]])


def _groups(scores: np.ndarray, **options: object) -> list[list[int]]:
    found = _cluster(scores, AGREEING, ARTICLES, 0.45, 0.56, **options)  # type: ignore[arg-type]
    return sorted(sorted(group) for group in found)


def test_a_figure_that_reads_like_one_restatement_joins_the_dispute() -> None:
    # b reads like a's wording (0.78) but not like c's (0.29): the average (0.535) misses
    # the dispute threshold, the best wording does not.
    scores = _scores(a_b=0.78, b_c=0.29)
    assert _groups(scores) == [[0, 2], [1]]
    assert _groups(scores, restatements_as_one=True, restatement_discount=0.06) == [[0, 1, 2]]


def test_the_best_wording_is_discounted() -> None:
    # 0.60 is a best-of-two: less the discount (0.54) it stays below the threshold.
    scores = _scores(a_b=0.60, b_c=0.29)
    assert _groups(scores, restatements_as_one=True, restatement_discount=0.06) == [[0, 2], [1]]
    assert _groups(scores, restatements_as_one=True, restatement_discount=0.0) == [[0, 1, 2]]


def test_the_discount_never_falls_below_the_average() -> None:
    # b reads like both wordings: the average (0.6) decides, not the discounted best (0.55).
    scores = _scores(a_b=0.61, b_c=0.59)
    assert _groups(scores, restatements_as_one=True, restatement_discount=0.06) == [[0, 1, 2]]


def test_one_claim_per_article_per_group() -> None:
    # Two claims of article a never share a group, however well they score.
    scores = np.array([[-np.inf, 2.0, 2.0], [2.0, -np.inf, 2.0], [2.0, 2.0, -np.inf]])
    agreeing = np.zeros((3, 3), dtype=bool)
    found = _cluster(scores, agreeing, ["a", "a", "b"], 0.45, 0.56, restatements_as_one=True)
    assert all(len({["a", "a", "b"][i] for i in group}) == len(group) for group in found)
    assert sorted(len(group) for group in found) == [1, 2]
