"""The story index's fast paths compute exactly what the plain code they replace did.

Each test keeps the plain version as a reference and compares values and dict order
bit for bit: grouping decisions hang on threshold comparisons and on tie orders, so a
last-digit difference or a reordered dict could move an article.
"""

from __future__ import annotations

import hashlib
import heapq
import math
import random
import zlib
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.group import index as index_module
from newsfuse.group.features import EventDate
from newsfuse.group.index import (
    ArticleSignals,
    Placement,
    StoryIndex,
    StoryState,
    _largest,
    _story_cosine,
)
from newsfuse.group.lexical import (
    _STOP_WORDS,
    _WORD,
    TERM_BUCKETS,
    DocumentFrequencies,
    TermVector,
    add_vectors,
    count_terms,
    normalise_vector,
    weigh_terms,
)
from newsfuse.group.params import GroupingParams

# Few distinct weights and terms, so that ties (the delicate case) are common.
WEIGHTS = st.sampled_from([0.5, 1.0, 1.5, 2.0, 0.1, 0.30000000000000004])
VECTORS = st.dictionaries(st.integers(0, 300), WEIGHTS, max_size=160)


def reference_count_terms(text: str) -> Counter[int]:
    counts: Counter[int] = Counter()
    for word in _WORD.findall(text.lower()):
        if word in _STOP_WORDS:
            continue
        counts[zlib.crc32(word.encode("utf-8")) % TERM_BUCKETS] += 1
    return counts


def reference_weigh_terms(
    counts: Counter[int], frequencies: DocumentFrequencies, top: int
) -> TermVector:
    weights = {t: (1.0 + math.log(c)) * frequencies.idf(t) for t, c in counts.items()}
    kept = sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:top]
    norm = math.sqrt(sum(w * w for _, w in kept))
    return dict(kept) if norm == 0.0 else {t: w / norm for t, w in kept}


def reference_add_vectors(total: TermVector, vector: TermVector, top: int) -> TermVector:
    merged = dict(total)
    for term, weight in vector.items():
        merged[term] = merged.get(term, 0.0) + weight
    return dict(sorted(merged.items(), key=lambda item: (-item[1], item[0]))[:top])


WORDS = st.sampled_from(["Harrowgate", "dam", "the", "repairs", "42", "Quillon's", "ferry", "x"])


@settings(deadline=None)
@given(st.lists(WORDS, max_size=60))
def test_count_terms_matches_the_plain_loop_in_value_and_order(words: list[str]) -> None:
    text = " ".join(words)
    assert list(count_terms(text).items()) == list(reference_count_terms(text).items())


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(st.integers(0, TERM_BUCKETS - 1), st.integers(1, 9), max_size=150),
    st.lists(st.integers(0, TERM_BUCKETS - 1), max_size=400),
    st.integers(1, 120),
)
def test_weigh_terms_matches_the_plain_version_bit_for_bit(
    raw: dict[int, int], seen: list[int], top: int
) -> None:
    frequencies = DocumentFrequencies.empty()
    for term in seen:
        frequencies.add(Counter({term: 1}))
    counts = Counter(raw)
    got = weigh_terms(counts, frequencies, top)
    assert list(got.items()) == list(reference_weigh_terms(counts, frequencies, top).items())


@settings(max_examples=300, deadline=None)
@given(VECTORS, VECTORS, st.integers(1, 120))
def test_add_vectors_keeps_the_same_terms_in_the_same_order(
    total: TermVector, vector: TermVector, top: int
) -> None:
    got = add_vectors(total, vector, top)
    assert list(got.items()) == list(reference_add_vectors(total, vector, top).items())


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(min_size=1, max_size=3), WEIGHTS, max_size=40), st.integers(0, 15))
def test_largest_picks_what_heapq_nlargest_picks_ties_included(
    scores: dict[str, float], count: int
) -> None:
    expected = set(heapq.nlargest(count, scores, key=scores.__getitem__))
    assert _largest(scores, count) == expected


def test_largest_breaks_a_tie_at_the_cut_by_insertion_order() -> None:
    scores = {"late": 1.0, "early": 1.0, "top": 2.0, "low": 0.5}
    assert _largest(scores, 2) == {"top", "late"}


@settings(max_examples=200, deadline=None)
@given(VECTORS, VECTORS)
def test_story_cosine_equals_the_generator_sum(unit_terms: TermVector, terms: TermVector) -> None:
    story = StoryState("s", "l", (1, "", "h"), 1, np.zeros(2, dtype=np.float32), terms, {}, set())
    story.refresh()
    if not story.terms_norm:
        assert _story_cosine(unit_terms, story) == 0.0
        return
    shared = unit_terms.keys() & terms.keys()
    expected = sum(unit_terms[t] * terms[t] for t in shared) / story.terms_norm
    assert _story_cosine(unit_terms, story) == expected


def invented_articles(count: int, seed: int) -> list[ArticleSignals]:
    """Articles of a few invented incidents in one town: shared names, mixed leads."""
    rng = random.Random(seed)
    centres = np.random.default_rng(seed).normal(size=(6, 8))
    names = ("Brask", "Quillon", "Tovey Harbour", "Meren Council", "Aldmoor", "Sefton Ferry")
    articles = []
    for number in range(count):
        incident = rng.randrange(6)
        embedding = centres[incident] + np.random.default_rng(number).normal(scale=0.3, size=8)
        terms = {incident * 50 + rng.randrange(40): rng.random() for _ in range(30)}
        # Most leads use their incident's words; some another incident's (a lead miss).
        said = incident if rng.random() < 0.7 else rng.randrange(6)
        lead = {said * 50 + rng.randrange(40): rng.random() for _ in range(6)}
        day = datetime(2026, 3, 1, tzinfo=UTC) + timedelta(days=rng.randrange(3))
        articles.append(
            ArticleSignals(
                article_id=f"a{number}",
                content_hash=hashlib.sha1(str(number).encode()).hexdigest(),
                date=EventDate(day, "published" if rng.random() < 0.7 else "ingested"),
                embedding=np.asarray(embedding, dtype=np.float32),
                terms=normalise_vector(terms),
                key_numbers=(),
                names=tuple(rng.sample(names, 5)),
                lead_terms=normalise_vector(lead),
            )
        )
    return articles


def test_merge_check_reuses_the_lead_check_and_decides_as_if_it_recomputed_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    params = replace(GroupingParams(), merge_score=0.8, lead_names=3)
    articles = invented_articles(160, 5)

    def place_all() -> tuple[list[Placement], int]:
        calls = 0
        real = index_module.misses_in_lead

        def counted(*args: Any) -> bool:
            nonlocal calls
            calls += 1
            return real(*args)

        with monkeypatch.context() as patch:
            patch.setattr(index_module, "misses_in_lead", counted)
            index = StoryIndex(params=params)
            placements = [index.place(article) for article in articles]
        return placements, calls

    cached, cached_calls = place_all()
    original = StoryIndex._merge_neighbours

    def without_cache(self: StoryIndex, *args: Any) -> Placement:
        return original(self, *args[:3])

    monkeypatch.setattr(StoryIndex, "_merge_neighbours", without_cache)
    recomputed, recomputed_calls = place_all()
    assert cached == recomputed
    assert sum(p.new_story for p in cached) < len(articles) - 20  # joins happened
    assert any(p.renamed_stories for p in cached)  # and merges or renames
    assert cached_calls < recomputed_calls


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 40), st.integers(1, 48), st.integers(0, 2**32 - 1), st.booleans())
def test_cosines_equal_those_through_numpy_norm_bit_for_bit(
    count: int, dimensions: int, seed: int, centre: bool
) -> None:
    generator = np.random.default_rng(seed)
    rows = generator.normal(size=(count, dimensions)).astype(np.float32)
    vector = generator.normal(size=dimensions).astype(np.float32)
    index = StoryIndex(params=GroupingParams.for_embedder("minilm-static" if centre else "minilm"))
    index._count_vectors(rows.sum(axis=0), count)
    common = index._common_component()
    centred_rows, centred = (rows, vector) if common is None else (rows - common, vector - common)
    norms = np.linalg.norm(centred_rows, axis=1) * float(np.linalg.norm(centred))
    expected = np.asarray((centred_rows @ centred) / np.maximum(norms, 1e-12), dtype=np.float32)
    assert np.array_equal(index._cosines(rows, vector), expected)
