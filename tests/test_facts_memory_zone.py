"""The fact comparison parses inside spaCy's memory zone, one comparison at a time.

Invented reports of an invented landslide, full of invented words, so that every
word a test counts is new to spaCy's vocabulary.
"""

from __future__ import annotations

import random
import string
import threading
import time
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest

import newsfuse.facts.compare
from newsfuse.facts import FactParams, compare_facts
from newsfuse.facts.memory_zone import parsing_zone
from newsfuse.facts.nlp import load_pipeline
from newsfuse.model import Article, Fact


def invented_words(seed: int, count: int) -> list[str]:
    """Capitalised nine-letter words no dictionary holds."""
    rng = random.Random(seed)
    return ["".join(rng.choices(string.ascii_lowercase, k=9)).capitalize() for _ in range(count)]


def landslide_reports(seed: int) -> list[Article]:
    """Three reports of one landslide in a village, a river and a mayor of invented names."""
    village, river, mayor, agency, valley = invented_words(seed, 5)
    day = datetime(2026, 3, 4, tzinfo=UTC)
    texts = [
        f"A landslide buried 14 houses in {village} on Tuesday, mayor {mayor} said. "
        f"The {river} river rose 3 metres and {agency} sent 120 rescue workers. "
        f"The {valley} valley road was closed for 2 days.",
        f"Mayor {mayor} said 14 houses were buried in {village}. {agency} sent 150 "
        f"rescue workers, and the {river} river rose 3 metres overnight.",
        f"The slide in {village} destroyed 14 houses. The {river} rose by about 10 feet, "
        f"and {agency} said 120 rescue workers were searching the {valley} valley.",
    ]
    return [
        Article(
            id=f"{seed}-{n}",
            text=text,
            title=f"Landslide in {village}",
            source=f"outlet {n}",
            published=day,
        )
        for n, text in enumerate(texts)
    ]


def vocabulary_size() -> tuple[int, int]:
    """Strings in spaCy's StringStore and lexemes in its Vocab (counted: spaCy's
    ``len(vocab)`` never subtracts the lexemes a zone frees, explosion/spaCy#13882)."""
    nlp = load_pipeline()
    return len(nlp.vocab.strings), sum(1 for _ in nlp.vocab)


def describe(facts: Sequence[Fact]) -> list[tuple[str, str, tuple[tuple[str, object], ...]]]:
    return [
        (fact.status, fact.subject, tuple((c.article_id, c.value) for c in fact.claims))
        for fact in facts
    ]


def test_new_words_leave_the_vocabulary_after_a_comparison() -> None:
    load_pipeline()
    before = vocabulary_size()
    reports = landslide_reports(1)
    assert not any(word in load_pipeline().vocab.strings for word in invented_words(1, 5))
    facts = compare_facts(reports, embeddings=False)
    assert any(fact.status in ("agree", "conflict") for fact in facts)
    assert vocabulary_size() == before
    assert not any(word in load_pipeline().vocab.strings for word in invented_words(1, 5))


def test_without_the_zone_the_new_words_stay() -> None:
    load_pipeline()
    strings, lexemes = vocabulary_size()
    without_zone = replace(FactParams(), parse_in_memory_zone=False)
    compare_facts(landslide_reports(2), embeddings=False, params=without_zone)
    after_strings, after_lexemes = vocabulary_size()
    assert after_strings >= strings + 5  # the five invented words, at least
    assert after_lexemes > lexemes


def test_the_zone_frees_nothing_the_facts_hold() -> None:
    reports = landslide_reports(3)
    zoned = compare_facts(reports, embeddings=False)
    without_zone = replace(FactParams(), parse_in_memory_zone=False)
    kept = compare_facts(reports, embeddings=False, params=without_zone)
    assert describe(zoned) == describe(kept)
    assert zoned == kept
    named = {str(claim.value) for fact in zoned for claim in fact.claims if claim.kind == "person"}
    assert invented_words(3, 5)[2] in named  # the mayor's invented name, read after the zone


def test_two_comparisons_at_once_give_what_each_gives_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first, second = landslide_reports(4), landslide_reports(5)
    alone = [compare_facts(first, embeddings=False), compare_facts(second, embeddings=False)]
    load_pipeline()
    before = vocabulary_size()
    inside = 0
    most_inside = 0
    count_lock = threading.Lock()
    original = newsfuse.facts.compare.parse_articles

    def parse_slowly(*args: Any, **kwargs: Any) -> Any:
        nonlocal inside, most_inside
        with count_lock:
            inside += 1
            most_inside = max(most_inside, inside)
        try:
            time.sleep(0.05)  # long enough for the other thread to arrive
            return original(*args, **kwargs)
        finally:
            with count_lock:
                inside -= 1

    monkeypatch.setattr(newsfuse.facts.compare, "parse_articles", parse_slowly)
    start = threading.Barrier(2)
    results: list[list[Fact] | BaseException | None] = [None, None]

    def run(index: int, reports: list[Article]) -> None:
        start.wait()
        try:
            results[index] = compare_facts(reports, embeddings=False)
        except BaseException as error:  # reported by the assertion below
            results[index] = error

    threads = [threading.Thread(target=run, args=(n, r)) for n, r in enumerate((first, second))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert results == alone
    assert most_inside == 1  # one parse at a time: a zone covers every thread's words
    assert vocabulary_size() == before


def test_an_error_inside_the_zone_leaves_the_pipeline_usable() -> None:
    load_pipeline()
    before = vocabulary_size()
    words = invented_words(6, 3)
    with pytest.raises(RuntimeError, match="stopped"), parsing_zone():
        doc = load_pipeline()(" ".join(words) + " were counted.")
        assert len(doc) == 6
        raise RuntimeError("stopped inside the zone")
    assert vocabulary_size() == before
    assert not load_pipeline().vocab.in_memory_zone
    facts = compare_facts(landslide_reports(6), embeddings=False)  # the lock was released
    assert facts
    assert vocabulary_size() == before


def test_the_lemmatizer_forgets_the_words_the_zone_freed() -> None:
    nlp = load_pipeline()
    cache = nlp.get_pipe("lemmatizer").cache
    plurals = ["vexlomarts", "brimzatches"]  # invented, and read as plural nouns
    assert not any(word in nlp.vocab.strings for word in plurals)
    with parsing_zone():
        doc = nlp(f"The {plurals[0]} and the {plurals[1]} were hiring workers.")
        novel = {token.orth for token in doc if token.text in plurals}
        assert novel <= {key[0] for key in cache}  # plural nouns: their forms were cached
    cached = {key[0] for key in cache}
    assert not novel & cached
    assert nlp.vocab.strings["workers"] in cached  # a word the model knows stays
