"""The attribute-words study's derivational links, hypernym distance and mutual best."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from newsfuse.facts.synonymy import load_wordnet
from study_scripts import load_study

study = load_study("attribute_words")

needs_wordnet = pytest.mark.skipif(
    load_wordnet(None, "verb") is None, reason="WordNet's files are not installed"
)


@needs_wordnet
def test_a_verb_is_linked_to_the_noun_derived_from_it() -> None:
    assert "admission" in study.derived("admit", "verb")
    assert "admit" in study.derived("admission", "noun")


@needs_wordnet
def test_a_noun_is_no_hypernym_steps_from_itself_and_some_from_a_sibling() -> None:
    assert study.hypernym_distance("ferry", "ferry") == 0
    assert 0 < study.hypernym_distance("ferry", "barge") <= 4


def _mention(article: str) -> SimpleNamespace:
    return SimpleNamespace(claim=SimpleNamespace(article_id=article), dimension="count:")


def test_a_pair_is_mutual_best_only_when_each_prefers_the_other() -> None:
    # Article "a" holds claims 0 and 1, article "b" holds claim 2.
    mentions = [_mention("a"), _mention("a"), _mention("b")]
    raw = np.full((3, 3), -np.inf)
    raw[0, 2] = raw[2, 0] = 0.3
    raw[1, 2] = raw[2, 1] = 0.6
    assert study.mutual_best(1, 2, mentions, raw)
    assert not study.mutual_best(0, 2, mentions, raw)
