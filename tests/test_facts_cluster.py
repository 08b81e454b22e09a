"""Grouping claims into facts (newsfuse.facts.cluster) on invented score matrices."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from newsfuse.facts.cluster import _close_rows, _cluster

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


def _mentions(*articles: str) -> list[SimpleNamespace]:
    """Stand-ins for mentions: row closure reads only each claim's article."""
    return [SimpleNamespace(claim=SimpleNamespace(article_id=article)) for article in articles]


# Row closure: 0 = a's "16 weeks" in a dispute with 1 = b's "52 weeks"; a repeats its
# figure as 2 = "16 weeks", grouped with 3 = c's "16 weeks".
CLOSURE_ARTICLES = ("a", "b", "a", "c")
CLOSURE_AGREEING = np.array(
    [
        [False, False, True, True],
        [False, False, False, False],
        [True, False, False, True],
        [True, False, True, False],
    ]
)


def _closure_scores(member_to_c: float) -> np.ndarray:
    scores = np.full((4, 4), 0.7)
    scores[0, 3] = scores[3, 0] = member_to_c
    return scores


def test_a_disputed_row_takes_the_sources_agreeing_with_its_claim() -> None:
    mentions = _mentions(*CLOSURE_ARTICLES)
    closed, carried = _close_rows(
        [[0, 1], [2, 3]], mentions, _closure_scores(0.8), CLOSURE_AGREEING, 0.45
    )  # type: ignore[arg-type]
    assert closed == [[0, 1, 3]]  # c joins a's side; a's repeat is dropped
    assert carried == {3}


def test_an_equal_value_alone_does_not_close_a_row() -> None:
    # c's figure agrees in value but would not link with a's claim in the agreement pass
    # (a shirt number beside a goal tally): the agreeing group stays a row apart.
    mentions = _mentions(*CLOSURE_ARTICLES)
    closed, carried = _close_rows(
        [[0, 1], [2, 3]], mentions, _closure_scores(0.3), CLOSURE_AGREEING, 0.45
    )  # type: ignore[arg-type]
    assert closed == [[0, 1], [2, 3]]
    assert carried == set()


def test_a_row_whose_figures_all_agree_is_not_closed() -> None:
    mentions = _mentions("a", "b", "a", "c")
    agreeing = np.ones((4, 4), dtype=bool)
    closed, carried = _close_rows([[0, 1], [2, 3]], mentions, np.full((4, 4), 0.9), agreeing, 0.45)  # type: ignore[arg-type]
    assert closed == [[0, 1], [2, 3]]
    assert carried == set()
