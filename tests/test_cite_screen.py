"""Tests for the brief's static-vector screen (retrieve with cheap vectors, verify with MiniLM).

The screen may only decide which pairs reach MiniLM: the citations of the
invented Velmora fire (tests/fixtures/brief/harbour_fire.json) must be the same
with and without it, and what it screens out must never be embedded.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from conftest import PassEverything, RecordingEmbedder
from newsfuse.embed import get_embedder
from newsfuse.model import Article, Sentence
from newsfuse.summary import summarize
from newsfuse.summary.cite import cite_sentences
from newsfuse.summary.learned import vectorize_sentences
from newsfuse.summary.params import BriefParams
from newsfuse.summary.select import select_best_first


def _sentence(article_id: str, index: int, text: str) -> Sentence:
    return Sentence(article_id, index, index * 100, index * 100 + len(text), text)


def test_screened_brief_has_the_same_citations_as_the_unscreened(fire: list[Article]) -> None:
    # A screen that passes everything: MiniLM itself, whose cosines of distinct
    # sentences are below 1 but above the screen thresholds wherever it matters.
    minilm = get_embedder()
    screened = RecordingEmbedder(minilm)
    unscreened = RecordingEmbedder(minilm)
    with_screen = summarize(fire, 300, embedder=screened, screen=get_embedder("minilm-static"))
    without = summarize(fire, 300, embedder=unscreened, screen=PassEverything())
    assert with_screen == without
    assert any(len(sentence.citations) > 1 for sentence in with_screen), "the fire has support"
    # The screen spares MiniLM work: it never embeds more than without the screen.
    assert set(screened.texts) <= set(unscreened.texts)
    assert len(set(screened.texts)) < len(set(unscreened.texts))


def test_repeat_check_embeds_only_pairs_the_screen_passes() -> None:
    sentences = [
        _sentence("a", 0, "The council approved the new harbour wall in Velmora on Monday."),
        _sentence("b", 0, "Velmora's councillors voted on Monday to build a new sea wall."),
        _sentence("c", 0, "A local bakery won a regional prize for its rye bread last year."),
    ]
    tfidf = vectorize_sentences([s.text for s in sentences])
    # The restatement shares some weighted words with the first sentence (the TF-IDF
    # part of the screen), too few for the lexical repeat check (its bar is set out of
    # reach here): only the embedding check can drop it.
    assert 0.1 <= float(tfidf[0] @ tfidf[1]) < 0.5
    recorder = RecordingEmbedder(get_embedder())
    chosen = select_best_first(
        sentences,
        np.array([1.0, 0.9, 0.8]),
        100,
        encode=recorder.encode,
        tfidf=tfidf,
        params=replace(BriefParams(), redundancy_tfidf=1.01),
        eligible=[True, True, True],
        screen=get_embedder("minilm-static").encode,
    )
    vectors = get_embedder().encode([s.text for s in sentences])
    assert float(vectors[0] @ vectors[1]) >= BriefParams().redundant_cosine, "a restated fact"
    assert chosen == [0, 2], "the lower-scored restatement is dropped"
    assert sentences[2].text not in recorder.texts, "the unrelated sentence is never embedded"


def test_chosen_sentence_without_candidates_is_not_embedded(fire: list[Article]) -> None:
    lone = Article(id="lone-1", text="A cat was rescued from a tree in the hills by a neighbour.")
    articles = [*fire, lone]
    chosen = [_sentence("lone-1", 0, lone.text)]
    evidence = [[_sentence(a.id, 0, a.text.split("\n")[-1])] for a in fire] + [chosen]
    recorder = RecordingEmbedder(get_embedder())
    cited = cite_sentences(chosen, [len(articles) - 1], articles, evidence, recorder)
    assert [len(c) for c in cited] == [1], "it cites only itself"
    assert recorder.texts == [], "nothing to compare it with, so nothing is embedded"


def test_needed_cosine_is_where_support_crosses_the_threshold() -> None:
    from newsfuse.summary.cite import (
        could_support,
        needed_cosine,
        support_probability,
    )

    claim = "Mayor Ilse Varga opened the Drenner bridge on Monday after 14 months of work."
    plain = "The Drenner bridge was opened on Monday by Mayor Ilse Varga after 14 months of work."
    conflicting = "Mayor Ilse Varga opened the Drenner bridge on Monday after 9 months of work."
    nameless = "A bridge opened on Monday after 14 months of work."
    for evidence in (plain, nameless):
        needed = needed_cosine(claim, evidence)
        assert (
            support_probability(claim, evidence, needed + 1e-6) >= BriefParams().support_threshold
        )
        assert support_probability(claim, evidence, needed - 1e-3) < BriefParams().support_threshold
    # Missing names make the model ask for a higher cosine; a number conflict, more
    # than any cosine can give, so that pair is never embedded.
    assert needed_cosine(claim, nameless) > needed_cosine(claim, plain)
    assert not could_support(claim, conflicting)
    assert needed_cosine(claim, claim) == float("-inf")


def test_low_overlap_repeat_check_drops_a_paraphrase_only_when_set() -> None:
    sentences = [
        _sentence("a", 0, "Nobody was injured in the Velmora explosion."),
        _sentence("b", 0, "No one was hurt in the blast."),
        _sentence("c", 0, "A local bakery won a regional prize for its rye bread last year."),
    ]
    tfidf = vectorize_sentences([s.text for s in sentences])
    # The paraphrase shares almost no weighted words: the screen never sends it to MiniLM.
    assert float(tfidf[0] @ tfidf[1]) < BriefParams().repeat_screen_tfidf
    vectors = get_embedder().encode([s.text for s in sentences])
    assert float(vectors[0] @ vectors[1]) >= 0.7, "the same fact"

    def choose(params: BriefParams) -> list[int]:
        return select_best_first(
            sentences,
            np.array([1.0, 0.9, 0.8]),
            100,
            encode=get_embedder().encode,
            tfidf=tfidf,
            params=params,
            eligible=[True, True, True],
            screen=get_embedder("minilm-static").encode,
        )

    assert choose(BriefParams()) == [0, 1, 2], "off by default"
    assert choose(replace(BriefParams(), low_overlap_repeat_cosine=0.7)) == [0, 2]


def test_the_brief_keeps_no_pair_the_audit_calls_a_repeat_by_meaning() -> None:
    from newsfuse.evaluate.audit import AuditParams, find_repeats

    sentences = [
        _sentence("a", 0, "Nobody was killed in the crash."),
        _sentence("b", 0, "There were no deaths in the collision."),
        _sentence("c", 0, "A local bakery won a regional prize for its rye bread last year."),
    ]
    texts = [s.text for s in sentences]
    tfidf = vectorize_sentences(texts)
    # No weighted word in common: the TF-IDF screen never sends the pair to MiniLM,
    # but the audit compares every pair and flags this one.
    assert float(tfidf[0] @ tfidf[1]) < BriefParams().repeat_screen_tfidf
    assert find_repeats(texts, get_embedder().encode) == [(0, 1)]
    assert BriefParams().audit_repeat_cosine == AuditParams().repeat_cosine

    def choose(params: BriefParams) -> list[int]:
        return select_best_first(
            sentences,
            np.array([1.0, 0.9, 0.8]),
            100,
            encode=get_embedder().encode,
            tfidf=tfidf,
            params=params,
            eligible=[True, True, True],
            screen=get_embedder("minilm-static").encode,
        )

    chosen = choose(BriefParams())
    assert chosen == [0, 2], "the lower-scored restatement is dropped"
    assert find_repeats([texts[row] for row in chosen], get_embedder().encode) == []
    assert choose(replace(BriefParams(), audit_repeat_cosine=None)) == [0, 1, 2], "the ablation"
