"""The word-salience features of benchmarks/studies/salience_study.py on an invented cluster.

The benchmark is a research harness (nothing in the package uses it), but the
numbers it reports in docs/benchmarks-rouge.md rest on these features doing what
their names say. The background table here is a tiny invented one, so the test
needs neither wordfreq nor the Multi-News data.
"""

from __future__ import annotations

import pytest

from newsfuse.model import Sentence
from study_scripts import load_study

# Invented English frequencies: common words are frequent, the story's words are rare.
BACKGROUND = {
    "said": 1e-3,
    "city": 2e-4,
    "council": 5e-5,
    "weather": 5e-5,
    "nice": 1e-4,
    "today": 3e-4,
    "voted": 2e-5,
    "bridge": 3e-5,
    "funding": 2e-5,
}

TEXTS = {
    "a": [
        "The Varnholt city council voted to close the Quillan bridge on Monday.",
        "The weather was nice today, a resident said.",
    ],
    "b": [
        "Councillors in Varnholt voted 7 to 2 to shut the Quillan bridge.",
        "Funding for repairs ran out in March, the mayor said.",
    ],
    "c": ["The Quillan bridge closure in Varnholt starts next week."],
}


def _sentences() -> list[Sentence]:
    sentences = []
    for article, texts in TEXTS.items():
        start = 0
        for index, text in enumerate(texts):
            sentences.append(Sentence(article, index, start, start + len(text), text))
            start += len(text) + 1
    return sentences


def test_salience_features_favour_the_story_over_small_talk() -> None:
    study = load_study("salience_study")
    rows = study.salience_features(_sentences(), BACKGROUND)
    assert rows.shape == (5, len(study.VARIANTS))
    column = {name: rows[:, i] for i, name in enumerate(study.VARIANTS)}
    story, small_talk = 0, 1  # article a's lead vs its weather aside
    for name in ("kl_salience", "document_share", "name_documents", "signature_documents"):
        assert column[name][story] > column[name][small_talk], name
    # "Quillan" and "Varnholt" are in all three articles, "Monday" in one; the aside has no name.
    assert column["name_documents"][story] == pytest.approx((1 + 1 + 1 / 3) / 3)
    assert column["name_documents"][small_talk] == 0.0
    assert all(0.0 <= v <= 1.0 for v in column["document_share"])


def test_log_likelihood_is_zero_unless_the_word_is_more_frequent_than_in_english() -> None:
    study = load_study("salience_study")
    assert study._log_likelihood(1, 1000, 0.01) == 0.0
    assert study._log_likelihood(30, 1000, 1e-5) > study.SIGNATURE_LLR
    assert study._log_likelihood(30, 1000, 1e-5) > study._log_likelihood(3, 1000, 1e-5)
