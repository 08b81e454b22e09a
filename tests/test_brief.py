"""Tests for newsfuse.summary: budgeted selection, citations, copies, ordering, the scorer hook.

The fixtures are invented: three fictional outlets covering a fire at the
fictional port of Velmora, with differing numbers (120 vs 150 firefighters,
14 vs 18 million euros). The real MiniLM embedder is loaded once per module.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES as FIXTURES_ROOT
from conftest import MemoEmbedder
from newsfuse.embed import Vectors
from newsfuse.errors import ConfigError
from newsfuse.model import Article, BriefSentence, Sentence
from newsfuse.segment import split_sentences
from newsfuse.summary import find_copies, is_story_sentence, summarize
from newsfuse.summary.cite import Evidence, cite_sentence, support_probability
from newsfuse.summary.lexical import content_words, needs_earlier_sentence, numbers
from newsfuse.summary.params import BriefParams

FIXTURES = FIXTURES_ROOT / "brief"


def words_in(brief: Sequence[BriefSentence]) -> int:
    return sum(len(sentence.text.split()) for sentence in brief)


def article_by_id(articles: Sequence[Article], article_id: str) -> Article:
    return next(article for article in articles if article.id == article_id)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(budget=st.integers(min_value=1, max_value=400))
def test_budget_is_never_exceeded(budget: int, fire: list[Article], embedder: MemoEmbedder) -> None:
    brief = summarize(fire, budget, embedder=embedder)
    assert words_in(brief) <= budget
    if budget >= 40:
        assert brief, "a budget that fits several sentences gives a non-empty brief"


def test_budget_is_filled_with_sentences_that_fit(
    fire: list[Article], embedder: MemoEmbedder
) -> None:
    brief = summarize(fire, 120, embedder=embedder)
    assert 90 <= words_in(brief) <= 120


def test_first_citation_is_the_source_span(fire: list[Article], embedder: MemoEmbedder) -> None:
    params = BriefParams(compress_asides=False)
    for sentence in summarize(fire, 300, embedder=embedder, params=params):
        own = sentence.citations[0]
        assert own.score == 1.0
        assert article_by_id(fire, own.article_id).text[own.start : own.end] == sentence.text


def test_first_citations_are_the_kept_pieces_of_a_compressed_sentence(
    fire: list[Article], embedder: MemoEmbedder
) -> None:
    for sentence in summarize(fire, 300, embedder=embedder):
        article_id = sentence.citations[0].article_id
        text = article_by_id(fire, article_id).text
        own = []
        for citation in sentence.citations:
            if citation.article_id != article_id:
                break
            own.append(text[citation.start : citation.end])
        assert "".join(own) == sentence.text


def test_supporting_citations_are_sentences_of_other_articles(
    fire: list[Article], embedder: MemoEmbedder
) -> None:
    # Compression off: a compressed sentence cites one span per kept piece of its own article.
    brief = summarize(fire, 300, embedder=embedder, params=BriefParams(compress_asides=False))
    supported = 0
    for sentence in brief:
        cited = [citation.article_id for citation in sentence.citations]
        assert len(cited) == len(set(cited)), "at most one citation per article"
        for citation in sentence.citations[1:]:
            supported += 1
            article = article_by_id(fire, citation.article_id)
            spans = {(s.start, s.end) for s in split_sentences(article)}
            assert (citation.start, citation.end) in spans
            assert BriefParams().support_threshold <= citation.score <= 1.0
            # A supporting span never states a number the brief sentence contradicts.
            span_numbers = numbers(article.text[citation.start : citation.end])
            assert not (span_numbers and not numbers(sentence.text) <= span_numbers)
    assert supported >= 2, "the two outlets that agree on the lead facts cite each other"


def test_citation_points_at_the_paraphrase_and_not_the_conflicting_number(
    fire: list[Article], embedder: MemoEmbedder
) -> None:
    courier, wire, radio = fire
    claim = next(s for s in split_sentences(courier) if "120 firefighters" in s.text)
    evidence = [
        Evidence(a.id, tuple(ss), embedder.encode([s.text for s in ss]))
        for a in fire
        for ss in [split_sentences(a)]
    ]
    citations = cite_sentence(claim, embedder.encode([claim.text])[0], evidence, source=0)
    assert citations[0].article_id == courier.id
    supporting = {c.article_id: c for c in citations[1:]}
    assert wire.id in supporting
    assert (
        "about 120 firefighters" in wire.text[supporting[wire.id].start : supporting[wire.id].end]
    )
    assert radio.id not in supporting, "150 firefighters does not support 120 firefighters"


def test_brief_params_set_the_citation_bar(fire: list[Article], embedder: MemoEmbedder) -> None:
    default = summarize(fire, 300, embedder=embedder)
    assert any(c.score < 0.99 for s in default for c in s.citations[1:])
    strict = summarize(
        fire, 300, embedder=embedder, params=replace(BriefParams(), support_threshold=0.99)
    )
    assert [s.text for s in strict] == [s.text for s in default], "selection does not change"
    assert all(c.score >= 0.99 for s in strict for c in s.citations[1:])


def test_brief_params_bound_the_candidates(fire: list[Article], embedder: MemoEmbedder) -> None:
    params = replace(BriefParams(), max_sentences_per_article=1, compress_asides=False)
    brief = summarize(fire, 400, embedder=embedder, params=params)
    firsts = set()
    for article in fire:
        long_enough = [s for s in split_sentences(article) if len(s.text.split()) >= 4]
        firsts.add(long_enough[0].text.lstrip("-•* "))
    assert brief and len(brief) <= len(fire)
    assert {s.text for s in brief} <= firsts


def test_no_two_brief_sentences_say_the_same_thing(
    fire: list[Article], embedder: MemoEmbedder
) -> None:
    brief = summarize(fire, 300, embedder=embedder)
    vectors = embedder.encode([sentence.text for sentence in brief])
    for first, second in itertools.combinations(range(len(brief)), 2):
        assert float(vectors[first] @ vectors[second]) < BriefParams().redundant_cosine
        a, b = content_words(brief[first].text), content_words(brief[second].text)
        assert len(a & b) < BriefParams().redundant_containment * min(len(a), len(b))


def test_non_story_lines_are_never_chosen(fire: list[Article], embedder: MemoEmbedder) -> None:
    texts = [sentence.text for sentence in summarize(fire, 400, embedder=embedder)]
    assert "SHARE THIS ARTICLE" not in texts
    assert not any(text.endswith("...") for text in texts)
    assert "Fire destroys warehouses at Velmora harbour" not in texts
    assert "By Ines Carvalho" not in texts


def test_the_lead_first_then_chronological_order_then_position(
    fire: list[Article], embedder: MemoEmbedder
) -> None:
    lead_first = BriefParams(lead_first=True)
    brief = summarize(fire, 300, embedder=embedder, params=lead_first)
    rank = {article.id: index for index, article in enumerate(fire)}  # fixture is by time
    keys = [(rank[s.citations[0].article_id], s.citations[0].start) for s in brief[1:]]
    assert keys == sorted(keys)
    reversed_times = [
        replace(article, published=datetime.fromisoformat(f"2025-06-0{9 - index}T00:00:00+00:00"))
        for index, article in enumerate(fire)
    ]
    brief = summarize(reversed_times, 300, embedder=embedder, params=lead_first)
    firsts = [s.citations[0].article_id for s in brief[1:]]
    assert firsts == sorted(firsts, key=lambda article_id: -rank[article_id])
    # The lead states the event: it is the first or second story sentence of its article.
    lead = brief[0].citations[0]
    story = [
        s for s in split_sentences(article_by_id(fire, lead.article_id)) if is_story_sentence(s)
    ]
    assert lead.start in {s.start for s in story[:2]}


def test_output_is_deterministic(fire: list[Article], embedder: MemoEmbedder) -> None:
    assert summarize(fire, 200, embedder=embedder) == summarize(fire, 200, embedder=embedder)


def test_one_article_gives_its_best_sentences_citing_itself(
    fire: list[Article], embedder: MemoEmbedder
) -> None:
    courier = fire[0]
    params = BriefParams(compress_asides=False)
    brief = summarize([courier], 60, embedder=embedder, params=params)
    assert brief and words_in(brief) <= 60
    assert brief[0].text.startswith("A fire destroyed three warehouses")
    for sentence in brief:
        assert [c.article_id for c in sentence.citations] == [courier.id]


def test_identical_copies_give_the_same_brief_citing_both(
    fire: list[Article], embedder: MemoEmbedder
) -> None:
    wire = fire[1]
    copy = replace(wire, id="wire-7-reprint", source="Saltmere Gazette")
    alone = summarize([wire], 120, embedder=embedder)
    both = summarize([wire, copy], 120, embedder=embedder)
    assert [s.text for s in both] == [s.text for s in alone]
    for sentence in both:
        own, reprint = sentence.citations
        assert own.article_id == wire.id and reprint.article_id == copy.id
        assert (reprint.start, reprint.end, reprint.score) == (own.start, own.end, 1.0)


def test_empty_and_whitespace_articles_are_skipped(
    fire: list[Article], embedder: MemoEmbedder
) -> None:
    empty, blank = Article(id="empty", text=""), Article(id="blank", text=" \n\n \t")
    assert summarize([empty, blank], 120, embedder=embedder) == []
    assert summarize([], 120, embedder=embedder) == []
    assert summarize([empty, fire[0], blank], 120, embedder=embedder) == summarize(
        [fire[0]], 120, embedder=embedder
    )


def test_short_article_still_gives_a_brief(embedder: MemoEmbedder) -> None:
    article = Article(id="flash", text="Velmora harbour fire out")
    brief = summarize([article], 120, embedder=embedder)
    assert [s.text for s in brief] == ["Velmora harbour fire out"]


def test_budget_must_be_positive(fire: list[Article], embedder: MemoEmbedder) -> None:
    with pytest.raises(ConfigError, match="budget"):
        summarize(fire, 0, embedder=embedder)


class LastSentenceScorer:
    """A scorer that prefers later sentences: the opposite of the lead bias."""

    def __call__(
        self, sentences: Sequence[Sentence], vectors: Vectors, articles: Sequence[Article]
    ) -> np.ndarray:
        return np.asarray([float(s.index) for s in sentences])


def test_scorer_hook_decides_what_is_chosen(fire: list[Article], embedder: MemoEmbedder) -> None:
    courier = fire[0]
    default = summarize([courier], 30, embedder=embedder)
    late = summarize([courier], 30, scorer=LastSentenceScorer(), embedder=embedder)
    assert default != late
    chosen_index = max(
        s.index for s in split_sentences(courier) if s.start == late[0].citations[0].start
    )
    assert chosen_index >= 5, "the custom scorer's favourite (a late sentence) is chosen"


def test_scorer_returning_wrong_length_is_a_config_error(
    fire: list[Article], embedder: MemoEmbedder
) -> None:
    def broken(
        sentences: Sequence[Sentence], vectors: Vectors, articles: Sequence[Article]
    ) -> np.ndarray:
        return np.zeros(1)

    with pytest.raises(ConfigError, match="scorer returned 1 scores"):
        summarize(fire, 120, scorer=broken, embedder=embedder)


def test_story_sentence_filter() -> None:
    def story(text: str) -> bool:
        return is_story_sentence(Sentence("a", 0, 0, len(text), text))

    assert story("The fire was brought under control by noon.")
    assert not story("SHARE THIS ARTICLE NOW PLEASE.")
    assert not story("Read more: Velmora's port expansion plans...")
    assert not story("Fire destroys warehouses at Velmora harbour")
    assert not story("Fire is out.")
    assert not story("Photo: Ines Carvalho / Velmora Courier.")
    assert not story("Do you live near the harbour?")
    assert not story("Send us your photos of the fire.")
    assert story('"You could see the flames from my kitchen," said a neighbour.')
    # Notes about the page, written as sentences.
    assert not story("The opinions expressed are the author's own.")
    assert not story("This image provided by the Velmora fire brigade shows the warehouse.")
    assert not story("The losses per warehouse are as shown below.")
    assert not story("The author is a columnist for the Velmora Ledger.")
    assert story("The fire brigade said the views from the harbour were blocked by smoke.")
    text = "The losses per warehouse are as shown below."
    kept = replace(BriefParams(), drop_page_notes=False)
    assert is_story_sentence(Sentence("a", 0, 0, len(text), text), kept)


def test_copies_are_found_by_shared_sentences(fire: list[Article]) -> None:
    courier, wire, radio = (split_sentences(article) for article in fire)
    assert find_copies([courier, wire, courier, radio, wire]) == [0, 1, 0, 3, 1]


def test_support_model_on_the_labelled_pairs(embedder: MemoEmbedder) -> None:
    """Floors for the support decision on the hand-written pairs (see fit_support.py)."""
    lines = (FIXTURES / "support_pairs.jsonl").read_text(encoding="utf-8").splitlines()
    pairs = [json.loads(line) for line in lines if line.strip()]
    vectors = embedder.encode([p["claim"] for p in pairs] + [p["evidence"] for p in pairs])
    cosines = np.sum(vectors[: len(pairs)] * vectors[len(pairs) :], axis=1)
    predicted = np.array(
        [
            support_probability(p["claim"], p["evidence"], float(c))
            >= BriefParams().support_threshold
            for p, c in zip(pairs, cosines, strict=True)
        ]
    )
    labels = np.array([p["supports"] for p in pairs])
    precision = np.sum(predicted & labels) / np.sum(predicted)
    recall = np.sum(predicted & labels) / np.sum(labels)
    assert precision >= 0.85 and recall >= 0.7
    number_pairs = [i for i, p in enumerate(pairs) if p["kind"] == "number"]
    assert not predicted[number_pairs].any(), "a different number is never support"


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**9))
def test_numbers_read_digits_with_thousands_separators(value: int) -> None:
    assert numbers(f"They counted {value:,} ballots.") == {float(value)}
    assert numbers(f"They counted {value} ballots.") == {float(value)}


def test_numbers_read_words_and_scales() -> None:
    assert numbers("five hundred and sixty troops") == {560.0}
    assert numbers("about 65km south, costing 2.5 million euros") == {65.0, 2_500_000.0}
    assert numbers("one of the firefighters") == frozenset()


def test_leading_dash_is_not_part_of_the_brief_sentence(embedder: MemoEmbedder) -> None:
    text = (
        "- The Teller Bridge will stay closed for at least six weeks, the council said.\n\n"
        "- Inspectors found cracks in two of its supports during a routine check."
    )
    article = Article(id="bridge", text=text)
    params = BriefParams(compress_asides=False)
    brief = summarize([article], 120, embedder=embedder, params=params)
    assert [s.text[:4] for s in brief] == ["The ", "Insp"]
    for sentence in brief:
        own = sentence.citations[0]
        assert text[own.start : own.end] == sentence.text


_NUMBERISH = st.sampled_from(
    [*"0123456789 ,.-$%", "one", " hundred", " and ", " trillion", " Million", " five", " twenty"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_NUMBERISH, max_size=30).map("".join))
def test_numbers_never_fail_on_odd_text(text: str) -> None:
    assert all(value >= 0 for value in numbers(text))


def test_a_fact_reported_by_two_outlets_is_stated_once(
    fire: list[Article], embedder: MemoEmbedder
) -> None:
    texts = [s.text for s in summarize(fire, 300, embedder=embedder)]
    # Courier and wire both report 120 firefighters and the three destroyed warehouses.
    assert sum("120 firefighters" in text for text in texts) == 1, texts
    assert sum("three warehouses" in text.lower() for text in texts) == 1, texts
    assert not any("you" in text.lower().split() for text in texts), "no reader address"


def _sentence(article_id: str, index: int, text: str) -> Sentence:
    return Sentence(article_id, index, index * 100, index * 100 + len(text), text)


def test_selection_skips_a_sentence_that_does_not_fit_and_tries_smaller_ones() -> None:
    from newsfuse.summary.select import select_by_mmr

    sentences = [
        _sentence("a", 0, " ".join(["alpha"] * 10)),
        _sentence("a", 1, " ".join(["bravo"] * 8)),
        _sentence("a", 2, " ".join(["charlie"] * 3)),
    ]
    vectors = np.eye(3, dtype=np.float32)  # orthogonal: nothing is redundant
    scores = np.array([1.0, 0.9, 0.1])
    assert select_by_mmr(sentences, vectors, scores, 13) == [0, 2]
    assert select_by_mmr(sentences, vectors, scores, 18) == [0, 1]
    assert select_by_mmr(sentences, vectors, scores, 2) == []


def test_selection_drops_near_duplicates_even_when_they_score_high() -> None:
    from newsfuse.summary.select import select_by_mmr

    sentences = [
        _sentence("a", 0, "The council approved the new harbour wall on Monday."),
        _sentence("b", 0, "On Monday the council approved the new harbour wall."),
        _sentence("c", 0, "Work on the wall will start in the spring."),
    ]
    vectors = np.array([[1.0, 0.0], [0.99, 0.141], [0.0, 1.0]], dtype=np.float32)
    assert select_by_mmr(sentences, vectors, np.array([1.0, 0.99, 0.2]), 100) == [0, 2]


def test_order_is_chronological_with_naive_and_aware_times() -> None:
    from newsfuse.summary.order import order_sentences

    text = "x" * 1000
    articles = [
        Article(id="late", text=text, published=datetime.fromisoformat("2025-06-03T12:00+02:00")),
        Article(id="early", text=text, published=datetime(2025, 6, 3, 9, 0)),  # naive: UTC
    ]
    sentences = [
        _sentence("late", 1, "l1"),
        _sentence("late", 0, "l0"),
        _sentence("early", 5, "e5"),
    ]
    assert [s.text for s in order_sentences(sentences, articles)] == ["e5", "l0", "l1"]


def test_order_without_all_times_puts_leads_first() -> None:
    from newsfuse.summary.order import order_sentences

    text = "x" * 1000
    articles = [
        Article(id="undated", text=text),
        Article(id="dated", text=text, published=datetime(2025, 6, 3, 9, 0)),
    ]
    sentences = [
        _sentence("undated", 4, "u4"),
        _sentence("dated", 6, "d6"),
        _sentence("undated", 0, "u0"),
        _sentence("dated", 0, "d0"),
    ]
    assert [s.text for s in order_sentences(sentences, articles)] == ["u0", "d0", "u4", "d6"]


def _blas_threads() -> list[int]:
    from threadpoolctl import threadpool_info

    return [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]


def test_brief_runs_blas_on_one_thread_and_restores_it(
    fire: list[Article], embedder: MemoEmbedder
) -> None:

    seen: list[list[int]] = []

    def recording(
        sentences: Sequence[Sentence], vectors: Vectors, articles: Sequence[Article]
    ) -> np.ndarray:
        seen.append(_blas_threads())
        return np.asarray([-float(s.index) for s in sentences])

    before = _blas_threads()
    brief = summarize(fire, 120, scorer=recording, embedder=embedder)
    assert brief, "the brief is made under the limit"
    assert seen and all(threads == 1 for threads in seen[0])
    # (scipy's BLAS may be loaded by the brief: compare thread counts, not pools)
    assert set(_blas_threads()) == set(before), "the caller's BLAS threads are given back"


@pytest.mark.parametrize(
    ("text", "leans_back"),
    [
        ("But the ferry operator said the crossing would reopen on Friday.", True),
        ('"So there will be a second inquiry."', True),
        ("However, the harbour master disagreed.", True),
        ("Still, the council voted to rebuild the pier.", True),
        ("So far, 14 boats have been checked by inspectors.", False),
        ("Still images from the harbour camera show the smoke.", False),
        ("Sofia Marlow, the harbour master, said the pier was safe.", False),
        ("So-called safe berths were also damaged.", False),
        ("The mayor said so on Tuesday, but gave no date.", False),
    ],
)
def test_sentences_opening_with_a_backward_connective_are_recognised(
    text: str, leans_back: bool
) -> None:
    assert needs_earlier_sentence(text) is leans_back


def test_a_sentence_that_leans_on_the_one_before_is_not_chosen(embedder: MemoEmbedder) -> None:
    leaning = "But the storm also sank two fishing boats at the Brisca pier, the coastguard said."
    others = [
        "Storms closed the Brisca ferry crossing on Monday, stranding 300 travellers.",
        "Harbour officials said the crossing would stay shut until Thursday.",
    ]
    # One article: the brief takes its lead in order, so the first sentence would be
    # chosen first if it were eligible.
    article = Article(id="tide", text=" ".join([leaning, *others]), source="Tide Post")
    params = BriefParams(compress_asides=False)
    texts = [s.text for s in summarize([article], 25, embedder=embedder, params=params)]
    assert texts == others
    # With nothing else to say, the sentence is still used rather than giving no brief.
    alone = summarize([Article(id="only", text=leaning)], 50, embedder=embedder, params=params)
    assert [s.text for s in alone] == [leaning]


def test_a_brief_that_would_open_with_a_quotation_opens_with_the_event(
    embedder: MemoEmbedder,
) -> None:
    quotes = [
        "“We heard the bell and ran to the quay,” said harbour worker Oda Lind.",
        "“Nobody expected the tide to come in so fast,” said the mayor, Piet Brask.",
        "“It was chaos on the pier for an hour,” said fisherman Jonas Veld.",
    ]
    events = [
        "The Ostmark ferry ran aground on a sandbank outside Brelle harbour on Monday.",
        "A ferry ran aground on a sandbank outside Brelle harbour on Monday morning.",
        "The Ostmark ferry ran aground near Brelle harbour on Monday, stranding passengers.",
    ]
    details = [
        "Lifeboats took the passengers ashore within two hours of the grounding.",
        "Divers will inspect the hull of the ferry before it is towed off the sandbank.",
        "The ferry company said services to the islands would resume on Thursday.",
    ]
    articles = [
        Article(id=f"ferry-{n}", text=" ".join([quote, event, detail]), source=f"Outlet {n}")
        for n, (quote, event, detail) in enumerate(zip(quotes, events, details, strict=True))
    ]
    reading_order = summarize(
        articles, 60, embedder=embedder, params=BriefParams(lead_when_opening_leans=False)
    )
    assert reading_order[0].text.startswith("“"), "the fixture's reading order opens with one"
    brief = summarize(articles, 60, embedder=embedder)
    assert brief[0].text in events
    assert sorted(s.text for s in brief) == sorted(s.text for s in reading_order)


def test_an_opening_about_another_event_gives_way_to_the_lead() -> None:
    from newsfuse.summary import _strays

    def sentence(article: str, text: str) -> Sentence:
        return Sentence(article, 0, 0, len(text), text)

    lead = sentence("a", "The Orrin council will close the Halvar pier for two years.")
    repairs = sentence("b", "Repairs to the Halvar pier will cost four million crowns.")
    elsewhere = sentence("c", "A new bakery opened in Pellow selling rye bread.")
    assert _strays(elsewhere, lead, [elsewhere, lead, repairs])
    # An opening tied to the rest of the brief stays, and so does the lead itself.
    assert not _strays(repairs, lead, [repairs, lead, elsewhere])
    assert not _strays(lead, lead, [lead, repairs])
    # A lead tied to nothing else does not take the place of an opening.
    lone = sentence("d", "Snow fell on the Tarrow hills overnight.")
    assert not _strays(elsewhere, lone, [elsewhere, lone, lead])
