"""The learned selector's stop words are scikit-learn's, held without importing scikit-learn."""

from __future__ import annotations

import pytest

from newsfuse.summary.stop_words import ENGLISH_STOP_WORDS


def test_the_stop_words_equal_scikit_learns_list() -> None:
    text = pytest.importorskip("sklearn.feature_extraction.text")
    assert text.ENGLISH_STOP_WORDS == ENGLISH_STOP_WORDS
