"""A count in the present perfect is the tally so far: a later, higher one is a revision."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from conftest import parsed_figure
from newsfuse.facts import FactParams, compare_facts
from newsfuse.facts.revisions import is_perfect_tally
from newsfuse.facts.verdict import decide_status
from newsfuse.model import Article, Claim, Fact

MONDAY = datetime(2026, 3, 2, 9, tzinfo=UTC)


@pytest.mark.parametrize(
    ("sentence", "number", "tally"),
    [
        # Invented outbreak at the Velmor spa.
        ("Two patients have died, the Velmor health board said.", "Two", True),
        ("The board has confirmed 14 cases of the illness.", "14", True),
        ("Around 2,400 porters have been on strike since Monday.", "2,400", False),
        ("Two patients died at the Velmor clinic on Monday.", "Two", False),
        ("By then two patients had died.", "two", False),
        ("Seven deaths have been linked to the Velmor spa.", "Seven", False),
    ],
)
def test_an_event_verb_in_the_present_perfect_tells_a_tally(
    sentence: str, number: str, tally: bool
) -> None:
    assert is_perfect_tally(parsed_figure(sentence, number)) is tally


def claim(article: str, value: int) -> Claim:
    return Claim(article, 0, 3, str(value), "count", value)


def articles_on(days: dict[str, int]) -> dict[str, Article]:
    return {
        name: Article(id=name, text="", published=MONDAY + timedelta(days=offset))
        for name, offset in days.items()
    }


def test_a_tally_revises_only_a_lower_earlier_figure() -> None:
    published = articles_on({"a": 0, "b": 3})
    rising = (claim("a", 1), claim("b", 2))
    falling = (claim("a", 3), claim("b", 2))
    for claims, expected in ((rising, "revision"), (falling, "conflict")):
        cues = {claims[0]: False, claims[1]: True}
        status = decide_status(claims, published, cues, FactParams(), rising_only={claims[1]})
        assert status == expected


def report(name: str, text: str, days: int) -> Article:
    return Article(
        id=name, text=text, source=f"Outlet {name}", published=MONDAY + timedelta(days=days)
    )


EARLY = (
    "Health officials in Velmor are investigating an outbreak of legionella at the town's "
    "spa. One patient has died, the health board said."
)
LATE = (
    "The legionella outbreak at the Velmor spa has grown, the health board said. "
    "Two patients have died."
)


def statuses(facts: list[Fact], value: float) -> set[str]:
    return {fact.status for fact in facts if any(c.value == value for c in fact.claims)}


def test_a_higher_tally_days_later_is_a_revision_and_without_the_rule_a_conflict() -> None:
    reports = [report("a", EARLY, 0), report("b", LATE, 3)]
    assert statuses(compare_facts(reports, embeddings=False), 2) == {"revision"}
    off = FactParams(perfect_tallies_rise=False)
    assert statuses(compare_facts(reports, embeddings=False, params=off), 2) == {"conflict"}


def test_a_lower_tally_days_later_stays_a_conflict() -> None:
    early = EARLY.replace("One patient has", "Three patients have")
    reports = [report("a", early, 0), report("b", LATE, 3)]
    assert statuses(compare_facts(reports, embeddings=False), 2) == {"conflict"}


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        # Invented outbreak at the Velmor spa: a guess, a denial, a change and another count.
        ("Two patients may have died, the Velmor health board said.", "Two"),
        ("The outbreak could have killed 200 people.", "200"),
        ("Two patients have not died.", "Two"),
        ("The number of patients in hospital has risen to 30.", "30"),
        ("The number of patients in hospital has fallen to 30.", "30"),
        ("Two patients have died in three hospitals.", "three"),
    ],
)
def test_a_modal_a_negation_or_a_preposition_makes_no_tally(sentence: str, number: str) -> None:
    assert not is_perfect_tally(parsed_figure(sentence, number))


def test_a_tally_below_any_earlier_report_revises_nothing() -> None:
    published = articles_on({"a": 0, "b": 0, "c": 3})
    claims = (claim("a", 1), claim("b", 3), claim("c", 2))
    cues = {claims[0]: False, claims[1]: False, claims[2]: True}
    status = decide_status(claims, published, cues, FactParams(), rising_only={claims[2]})
    assert status == "conflict"
    above_both = (claim("a", 1), claim("b", 3), claim("c", 4))
    cues = {above_both[0]: False, above_both[1]: False, above_both[2]: True}
    status = decide_status(above_both, published, cues, FactParams(), rising_only={above_both[2]})
    assert status == "revision"
