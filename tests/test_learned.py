"""The brief's TF-IDF: the same numbers as scikit-learn's vectoriser, computed directly."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from newsfuse.summary.learned import vectorize_sentences

SENTENCES = [
    "The Harrowgate ferry ran aground off Pellin Point on Sunday, the coastguard said.",
    "All 212 passengers of the Harrowgate ferry were brought ashore at Pellin.",
    "The coastguard said the ferry's captain reported a steering failure at 06:40.",
    "Passengers waited four hours on the tilted deck; the coastguard said none was hurt.",
    "Ünïcode wörds like Zürich and café count as words too.",
    "It was, they said, what it was.",
]


def sklearn_rows(texts: list[str]) -> np.ndarray:
    try:
        matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    except ValueError:
        return np.zeros((len(texts), 1))
    return np.asarray(matrix.todense())


@pytest.mark.parametrize(
    "texts",
    [SENTENCES, SENTENCES[:1], SENTENCES[::-1] + SENTENCES[:2], ["the and of it", "was they"]],
)
def test_rows_equal_scikit_learns(texts: list[str]) -> None:
    ours = vectorize_sentences(texts)
    assert ours.shape == sklearn_rows(texts).shape
    np.testing.assert_allclose(ours, sklearn_rows(texts), atol=1e-12)


def test_rows_are_unit_length_or_zero() -> None:
    rows = vectorize_sentences([*SENTENCES, "It was what it was."])
    norms = np.linalg.norm(rows, axis=1)
    assert np.allclose(norms[:-2], 1.0)
    assert norms[-1] == 0.0  # stop words only: nothing to weigh


def test_no_text_gives_no_rows() -> None:
    assert vectorize_sentences([]).shape == (0, 0)
