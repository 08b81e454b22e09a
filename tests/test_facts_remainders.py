"""What is left of a group ("five remain in hospital") is a subset of the event's count,
not a later value of it: neither a revision nor a conflict of that count."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from conftest import parsed_figure
from newsfuse.facts import FactParams, compare_facts
from newsfuse.facts.remainders import is_event_count, is_remainder
from newsfuse.model import Article, Fact

MONDAY = datetime(2026, 6, 1, 8, tzinfo=UTC)


@pytest.mark.parametrize(
    ("sentence", "number", "remainder"),
    [
        # Invented collapse of a ferry ramp at Orvane.
        ("Five remain in hospital, one in a serious condition.", "Five", True),
        ("Another three passengers remain in intensive care.", "three", True),
        ("Two crew members are still in hospital after the fall.", "Two", True),
        ("Residents of all but six of the cleared flats have gone home.", "six", True),
        # A state named as an adjective or participle is the attribute itself.
        ("Fourteen passengers remain missing.", "Fourteen", False),
        ("Two remain seriously injured, the board said.", "Two", False),
        # The value of a measure noun, reached by a preposition.
        ("The number of flats damaged remained at 40.", "40", False),
        ("Eighteen people were taken to hospital.", "Eighteen", False),
    ],
)
def test_a_count_of_those_who_stay_somewhere_is_a_remainder(
    sentence: str, number: str, remainder: bool
) -> None:
    assert is_remainder(parsed_figure(sentence, number)) is remainder


@pytest.mark.parametrize(
    ("sentence", "number", "event"),
    [
        ("Eighteen people were taken to hospital.", "Eighteen", True),
        ("Four prisoners broke out of the Orvane jail.", "Four", True),
        ("At least 2 people died and 14 were missing.", "14", False),
        ("About 900 homes were without power.", "900", False),
    ],
)
def test_a_count_told_by_a_past_event_is_an_event_count(
    sentence: str, number: str, event: bool
) -> None:
    assert is_event_count(parsed_figure(sentence, number)) is event


def report(name: str, text: str, days: int) -> Article:
    return Article(
        id=name, text=text, source=f"Outlet {name}", published=MONDAY + timedelta(days=days)
    )


EARLY = (
    "A ferry ramp collapsed at Orvane harbour on Sunday. Eighteen people were taken to "
    "hospital, the Orvane health board said."
)
LATE = (
    "Two days after the ferry ramp collapsed at Orvane harbour, the health board said "
    "five people remain in hospital."
)


def statuses(facts: list[Fact], value: float) -> set[str]:
    return {fact.status for fact in facts if any(c.value == value for c in fact.claims)}


def test_a_later_remainder_does_not_revise_the_event_count_and_without_the_rule_it_does() -> None:
    reports = [report("a", EARLY, 0), report("b", LATE, 2)]
    assert statuses(compare_facts(reports, embeddings=False), 5) == {"single"}
    off = FactParams(remainder_beside_event_penalty=0.0)
    assert statuses(compare_facts(reports, embeddings=False, params=off), 5) == {"revision"}


def test_a_later_count_of_the_same_state_still_revises() -> None:
    early = EARLY.replace("Eighteen people were taken to hospital", "Eighteen people were missing")
    late = LATE.replace("five people remain in hospital", "five people remain missing")
    reports = [report("a", early, 0), report("b", late, 2)]
    assert statuses(compare_facts(reports, embeddings=False), 5) == {"revision"}


def test_a_remainder_of_the_same_value_agrees_with_the_event_count() -> None:
    late = LATE.replace("five people remain in hospital", "eighteen people remain in hospital")
    reports = [report("a", EARLY, 0), report("b", late, 2)]
    assert statuses(compare_facts(reports, embeddings=False), 18) == {"agree"}


def test_a_remainder_carries_no_revision_cue_unless_the_rule_is_off() -> None:
    from newsfuse.facts.describe import describe_claim
    from newsfuse.facts.extract import scan_claims
    from newsfuse.facts.nlp import load_pipeline

    article = Article(id="b", text="Five people remain in hospital, the board said.")
    doc = load_pipeline()(article.text)
    (claim,) = [c for c in scan_claims(article) if c.value == 5]
    assert not describe_claim(claim, doc, FactParams()).revision_cue
    off = FactParams(remainder_beside_event_penalty=0.0)
    assert describe_claim(claim, doc, off).revision_cue
