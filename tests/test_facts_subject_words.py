"""Fact subjects read as the sources wrote them: what a vague amount counts, an object's
state after its verb, and hyphened words kept whole."""

from __future__ import annotations

from newsfuse.facts import FactParams, compare_facts
from newsfuse.model import Article, Fact

# Invented: a storm over the Brisk Isles, told by two outlets.
FIRST = (
    "A storm struck the Brisk Isles on Monday. It left 14 people dead, officials said. "
    "Hundreds of flood-weary residents slept in the Tarrow school hall."
)
SECOND = (
    "The storm that hit the Brisk Isles left 14 people dead. "
    "About 30 anti-flood barriers gave way along the coast road."
)


def table(params: FactParams | None = None) -> list[Fact]:
    articles = [
        Article(id="a", text=FIRST, source="Isles Herald"),
        Article(id="b", text=SECOND, source="Coast Radio"),
    ]
    return compare_facts(articles, params=params or FactParams())


def subject_of(facts: list[Fact], text: str) -> str:
    return next(fact.subject for fact in facts if any(c.text == text for c in fact.claims))


def test_a_vague_amount_is_named_by_what_it_counts() -> None:
    assert subject_of(table(), "Hundreds") == "flood-weary residents"
    off = table(FactParams(name_vague_amounts=False))
    assert subject_of(off, "Hundreds") == "Hundreds"


def test_an_objects_state_after_its_verb_joins_the_subject() -> None:
    facts = table()
    assert subject_of(facts, "14") == "people dead"
    assert next(f.status for f in facts if f.subject == "people dead") == "agree"


def test_hyphened_words_stay_whole() -> None:
    assert subject_of(table(), "30") == "anti-flood barriers"
