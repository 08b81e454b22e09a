"""The offline clusterings of benchmarks/studies/clustering_bound.py on small score matrices."""

from __future__ import annotations

import numpy as np

from study_scripts import load_study

# Two pairs (0-1, 2-3) that score high within, and a weak bridge 1-2.
SCORES = np.array(
    [
        [-np.inf, 1.2, 0.1, 0.0],
        [1.2, -np.inf, 0.6, 0.1],
        [0.1, 0.6, -np.inf, 0.9],
        [0.0, 0.1, 0.9, -np.inf],
    ]
)


def _same(labels: list[int], first: int, second: int) -> bool:
    return labels[first] == labels[second]


def test_nearest_neighbour_links_each_item_to_its_best_match_above_the_floor() -> None:
    bound = load_study("clustering_bound")
    labels = bound.link_nearest(SCORES, 0.8)
    assert _same(labels, 0, 1) and _same(labels, 2, 3) and not _same(labels, 1, 2)
    assert len(set(bound.link_nearest(SCORES, 1.0))) == 3  # only 0-1 reaches 1.0


def test_linkage_cuts_follow_the_threshold() -> None:
    bound = load_study("clustering_bound")
    single = bound.cut_linkage(SCORES, "single")
    assert len(set(single(0.5))) == 1  # the 0.6 bridge chains all four
    two = single(0.8)
    assert _same(two, 0, 1) and _same(two, 2, 3) and not _same(two, 0, 2)
    assert len(set(single(1.3))) == 4
    complete = bound.cut_linkage(SCORES, "complete")
    assert len(set(complete(0.5))) == 2  # 0 and 3 score 0.0: complete linkage keeps them apart
