"""The module-level caches a long-running server fills are bounded (issue 17's soak)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.facts import describe, synonymy
from newsfuse.summary import learned, lexical
from newsfuse.summary.params import SENTENCE_CACHE_SIZE

SENTENCE_CACHES = (
    lexical.content_words,
    lexical.numbers,
    lexical.names,
    learned._content_tokens,
)
WORD_CACHES = (describe.stem_word, synonymy.nouns_related, synonymy.noun_is_kind_of)


@pytest.mark.parametrize("cache", SENTENCE_CACHES, ids=lambda c: c.__name__)
def test_sentence_caches_are_bounded_by_the_one_named_size(cache: object) -> None:
    assert cache.cache_info().maxsize == SENTENCE_CACHE_SIZE  # type: ignore[attr-defined]


@pytest.mark.parametrize("cache", WORD_CACHES, ids=lambda c: c.__name__)
def test_word_lookup_caches_are_bounded(cache: object) -> None:
    assert cache.cache_info().maxsize == synonymy.LOOKUP_CACHE_SIZE  # type: ignore[attr-defined]


def test_a_wordnet_handles_lookups_are_bounded(tmp_path: Path) -> None:
    (tmp_path / "index.noun").write_bytes(b"")
    (tmp_path / "data.noun").write_bytes(b"")
    wordnet = synonymy.WordNet(tmp_path)
    try:
        for lookup in (wordnet.senses, wordnet.synset, wordnet.depth):
            assert lookup.cache_info().maxsize == synonymy.LOOKUP_CACHE_SIZE  # type: ignore[attr-defined]
    finally:
        wordnet.close()


def test_more_distinct_sentences_than_the_bound_keep_the_cache_at_the_bound() -> None:
    lexical.content_words.cache_clear()
    for serial in range(SENTENCE_CACHE_SIZE + 500):
        lexical.content_words(f"Invented report number {serial} about the Velmor ferry.")
    assert lexical.content_words.cache_info().currsize == SENTENCE_CACHE_SIZE
    # The newest entries are the ones kept.
    hits = lexical.content_words.cache_info().hits
    lexical.content_words(
        f"Invented report number {SENTENCE_CACHE_SIZE + 499} about the Velmor ferry."
    )
    assert lexical.content_words.cache_info().hits == hits + 1


def test_more_distinct_words_than_the_bound_keep_the_stem_cache_at_the_bound() -> None:
    describe.stem_word.cache_clear()
    for serial in range(synonymy.LOOKUP_CACHE_SIZE + 100):
        describe.stem_word(f"quorbling{serial}")
    assert describe.stem_word.cache_info().currsize == synonymy.LOOKUP_CACHE_SIZE
