"""A figure's unit is never what it measures: "45 feet" is the warehouse's, not the feet's,
"40 years of that licence" the licence's, and "two cents" the levy's."""

from __future__ import annotations

from conftest import subject_of, two_outlet_facts
from newsfuse.facts import FactParams
from newsfuse.facts.nlp import load_pipeline
from newsfuse.facts.subject import claim_phrase
from newsfuse.model import Claim, Fact

# Invented: a harbour levy and a boatyard fire on the Brisk Isles, told by two outlets.
FIRST = (
    "After 40 years of that licence being renewed, the yard closed. "
    "The Tarrow levy adds nearly two cents to every litre of fuel sold."
)
SECOND = "The Tarrow boatyard burned on Sunday. Firefighters from Velmora came."


def table(params: FactParams | None = None) -> list[Fact]:
    return two_outlet_facts(FIRST, SECOND, params)


def claim_texts(facts: list[Fact]) -> list[str]:
    return sorted(c.text for fact in facts for c in fact.claims)


def test_an_of_after_a_duration_names_what_it_lasted() -> None:
    assert subject_of(table(), "40 years") == "duration of licence"


def test_cents_name_what_they_are_the_amount_of() -> None:
    assert subject_of(table(), "two") == "amount of Tarrow levy"
    off = table(FactParams(measures_skip_their_unit=False))
    assert "cents" in subject_of(off, "two")


def test_the_switch_changes_no_claim() -> None:
    assert claim_texts(table()) == claim_texts(table(FactParams(measures_skip_their_unit=False)))


def phrase_of(text: str, figure: str, unit: str, params: FactParams) -> str:
    doc = load_pipeline()(text)
    start = text.index(figure)
    claim = Claim("a", start, start + len(figure), figure, "quantity", 1.0, unit)
    return claim_phrase(claim, doc, measure_units=params.measures_skip_their_unit)


def test_a_measure_beside_another_measures_what_both_size() -> None:
    text = (
        "Charred hulls littered the ground around a warehouse -- roughly 30 feet by 45 feet "
        "-- where the boats were kept."
    )
    assert phrase_of(text, "45 feet", "m", FactParams()) == "distance of warehouse"
    off = FactParams(measures_skip_their_unit=False)
    assert phrase_of(text, "45 feet", "m", off) == "distance of feet"
