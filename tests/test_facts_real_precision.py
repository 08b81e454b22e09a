"""Classes of false conflicts found by reading the fact comparison's output on real news
nobody labelled (benchmarks/studies/real_conflict_audit.py) and on a held-out fictional
set: two lower bounds, weekdays no publication time places, figures of an earlier time,
numbered parts of a series. Every sentence here is invented."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from conftest import parsed_figure
from newsfuse.facts import compare_facts
from newsfuse.facts.extract import scan_claims
from newsfuse.facts.params import FactParams
from newsfuse.facts.qualifiers import bounds_allow
from newsfuse.facts.roles import in_past_frame
from newsfuse.model import Article, Claim


def _count(value: float, bound: str) -> Claim:
    return Claim("a", 0, 3, str(value), "count", value, bound=bound)


def test_two_lower_bounds_never_contradict() -> None:
    params = FactParams()
    assert bounds_allow(_count(260, "at least"), _count(200, "at least"), params)
    assert bounds_allow(_count(3, "at most"), _count(9, "at most"), params)
    # A lower bound against a plain figure far above it still disagrees.
    assert not bounds_allow(_count(1200, "at least"), _count(2100, ""), params)
    off = replace(params, same_side_bounds_agree=False)
    assert not bounds_allow(_count(260, "at least"), _count(200, "at least"), off)


def test_two_near_bounds_far_apart_still_contradict() -> None:
    params = FactParams()
    # "nearly 500" and "nearly 2,000" each place the figure just below their number.
    assert not bounds_allow(_count(500, "just under"), _count(2000, "just under"), params)
    assert not bounds_allow(_count(300, "just over"), _count(900, "just over"), params)
    # A near bound against an open one on the same side is the intervals' question.
    assert not bounds_allow(_count(300, "just over"), _count(900, "at least"), params)
    assert bounds_allow(_count(1980, "just under"), _count(2000, "just under"), params)


def _statuses(
    texts: list[str], published: list[datetime | None], params: FactParams
) -> set[tuple[str, tuple[str, ...]]]:
    articles = [
        Article(id=f"s{index}", text=text, published=when)
        for index, (text, when) in enumerate(zip(texts, published, strict=True))
    ]
    facts = compare_facts(articles, embeddings=False, params=params)
    return {(fact.status, tuple(sorted(claim.text for claim in fact.claims))) for fact in facts}


def test_bounded_injury_counts_from_two_outlets_are_no_conflict() -> None:
    texts = [
        "The tram crash in Velmora injured more than 260 people, the city's fire service said.",
        "More than 200 people were injured in the Velmora tram crash, the fire service said.",
    ]
    found = _statuses(texts, [None, None], FactParams())
    assert not any(status == "conflict" for status, _ in found)
    off = _statuses(texts, [None, None], replace(FactParams(), same_side_bounds_agree=False))
    assert ("conflict", ("200", "260")) in off


def test_an_unplaced_weekday_against_another_day_is_no_conflict() -> None:
    texts = [
        "The Brackwater dam gates were opened on Wednesday, the water board said.",
        "The water board said the Brackwater dam gates were opened on Monday.",
    ]
    found = _statuses(texts, [None, None], FactParams())
    assert not any(status == "conflict" for status, _ in found)
    off = _statuses(texts, [None, None], replace(FactParams(), unplaced_weekdays_differ=False))
    assert any(status == "conflict" for status, _ in off)


@pytest.mark.parametrize(
    ("sentence", "figure", "earlier"),
    [
        ("A year ago, rents in Dunhallow were rising at 2.1 per cent.", "2.1", True),
        ("Last year's rise in the Orrin levy was 3.8%.", "3.8", True),
        ("The growers' board had forecast a harvest of 410,000 tonnes.", "410,000", True),
        ("Two years ago, 30 people died in a similar blaze at Kessock.", "30", True),
        ("Police said 12 people had been killed in the Kessock blaze.", "12", False),
        ("The board had estimated the repair at $90 million.", "90", False),
        ("Rents rose 2.1 per cent on last year.", "2.1", False),
        ("Officials said 40 people were rescued on Sunday.", "40", False),
        ("Over the last month, 300 homes were rebuilt in Kessock.", "300", False),
        ("In the previous month, 300 homes were rebuilt in Kessock.", "300", True),
    ],
)
def test_a_clause_set_before_the_report_makes_an_earlier_figure(
    sentence: str, figure: str, earlier: bool
) -> None:
    assert in_past_frame(parsed_figure(sentence, figure)) is earlier


def test_this_years_rate_and_last_years_are_no_conflict() -> None:
    day = datetime(2031, 2, 20, 9, tzinfo=UTC)
    texts = [
        "Pellworth council approved a council tax rise of 2.5 per cent on Tuesday, the "
        "council said.",
        "Pellworth council met on Tuesday to set its budget. Last year's council tax rise "
        "was 4.5%, the council said.",
    ]
    found = _statuses(texts, [day, day], FactParams())
    assert ("differs", ("2.5 per cent", "4.5%")) in found
    off = _statuses(texts, [day, day], replace(FactParams(), past_frames_are_earlier=False))
    assert ("conflict", ("2.5 per cent", "4.5%")) in off


def test_a_numbered_episode_is_a_name_not_a_count() -> None:
    article = Article(id="a", text="The baker appears in Episode 5 and in two episodes later.")
    texts = {claim.text for claim in scan_claims(article) if claim.kind == "count"}
    assert "5" not in texts
    assert "two" in texts


@pytest.mark.parametrize(
    ("sentence", "figure", "negated"),
    [
        ("Two trustees of the Hollin fund did not sign the letter.", "Two", True),
        ("Six trustees of the Hollin fund signed the letter.", "Six", False),
        ("The delay would not affect the work of its nine divers.", "nine", False),
    ],
)
def test_a_count_of_who_did_not_is_read_as_such(sentence: str, figure: str, negated: bool) -> None:
    from newsfuse.facts.aspects import figure_aspects

    assert figure_aspects(parsed_figure(sentence, figure), "count", None).negated is negated


def test_who_did_not_and_who_did_are_no_conflict() -> None:
    texts = [
        "Two trustees of the Hollin fund did not sign the letter to the mayor, the fund said.",
        "Six trustees of the Hollin fund signed the letter to the mayor, the fund said.",
    ]
    found = _statuses(texts, [None, None], FactParams())
    assert not any(status == "conflict" for status, _ in found)
    off = _statuses(texts, [None, None], replace(FactParams(), negated_figures_differ=False))
    assert ("conflict", ("Six", "Two")) in off


def test_bare_years_read_as_counts_agree_only_when_equal() -> None:
    from newsfuse.facts.verdict import values_agree

    params = FactParams()
    assert not values_agree(_count(2019, ""), _count(2008, ""), params)
    assert values_agree(_count(2019, ""), _count(2019, ""), params)
    # Written with a separator, a count that size keeps the relative tolerance.
    one = Claim("a", 0, 5, "2,019", "count", 2019.0)
    other = Claim("b", 0, 5, "2,008", "count", 2008.0)
    assert values_agree(one, other, params)
    off = replace(params, year_like_counts_exact=False)
    assert values_agree(_count(2019, ""), _count(2008, ""), off)
