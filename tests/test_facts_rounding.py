"""A figure and its rounding ("nearly two cents" beside "1.75 cents", "about 70" beside
67) are shown side by side as differs, not as a conflict; a hedge that reaches too far
("about 600" beside 560) still disagrees. Every sentence here is invented."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsfuse.facts import compare_facts
from newsfuse.facts.params import FactParams
from newsfuse.facts.rounding import is_rounding_pair, written_figure
from newsfuse.model import Article, Claim


def _figure(text: str, value: float, bound: str = "", unit: str | None = None) -> Claim:
    return Claim("a", 0, len(text), text, "count", value, unit, bound=bound)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.75", (1.75, 0.01, True)),
        ("600", (600.0, 100.0, False)),
        ("560 troops", (560.0, 10.0, False)),
        ("two", (2.0, 1.0, False)),
        ("five hundred and sixty", (560.0, 10.0, False)),
        ("$15.99", (15.99, 0.01, True)),
        # A fraction's first number is its numerator, no whole figure.
        ("two-thirds", None),
        ("one in three", None),
        ("4½ miles", None),
        ("half a million", (500000.0, 100000.0, False)),
        ("no figure", None),
    ],
)
def test_a_written_figure_knows_the_step_of_its_last_digit(
    text: str, expected: tuple[float, float, bool] | None
) -> None:
    assert written_figure(text) == expected


def test_decimals_beside_the_whole_figure_they_round_to_are_a_rounding() -> None:
    assert is_rounding_pair(_figure("1.75", 1.75), _figure("two", 2.0, "just under"))
    assert is_rounding_pair(_figure("$16", 16.0, unit="USD"), _figure("$15.99", 15.99, unit="USD"))
    assert is_rounding_pair(_figure("4.7 years", 4.7), _figure("five years", 5.0, "just under"))
    # An open bound's word may be a preposition ("over five years" for "during"): either side.
    assert is_rounding_pair(_figure("4.7 years", 4.7), _figure("five years", 5.0, "at least"))
    # Half-way between two whole steps rounds either way, so to neither.
    assert not is_rounding_pair(_figure("4.5%", 4.5, unit="%"), _figure("5%", 5.0, unit="%"))
    # Two whole figures are no rounding of each other without a hedge.
    assert not is_rounding_pair(_figure("70", 70.0), _figure("67", 67.0))
    # Different units are the conversion rule's question, not this one's.
    assert not is_rounding_pair(_figure("1.75", 1.75, unit="m"), _figure("2", 2.0))


def test_a_near_hedge_reaches_half_its_last_digit_and_no_further_than_the_reach() -> None:
    assert is_rounding_pair(_figure("about 70", 70.0, "about"), _figure("67", 67.0))
    # Within half the hundred, but 7 % short: labelled news calls this a conflict.
    assert not is_rounding_pair(_figure("about 600", 600.0, "about"), _figure("560", 560.0))
    # "nearly" reads below its figure only.
    assert is_rounding_pair(_figure("nearly 2,000", 2000.0, "just under"), _figure("1,940", 1940))
    assert not is_rounding_pair(_figure("nearly 70", 70.0, "just under"), _figure("72", 72.0))
    # An open bound ("more than") has its own rule (facts.qualifiers), not this one.
    assert not is_rounding_pair(_figure("more than 20", 20.0, "at least"), _figure("21", 21.0))
    wider = replace(FactParams(), rounding_reach=0.08)
    assert is_rounding_pair(_figure("about 600", 600.0, "about"), _figure("560", 560.0), wider)


def test_a_whole_figure_rounds_decimals_only_within_the_reach_or_on_its_hedged_side() -> None:
    # 1.3 % and 0.06 % apart: a rounding.
    assert is_rounding_pair(_figure("7.9", 7.9), _figure("8", 8.0))
    assert is_rounding_pair(_figure("$15.99", 15.99, unit="USD"), _figure("$16", 16.0, unit="USD"))
    # Nearer the whole figure than the next step, but 8 % and 7.5 % apart, unhedged.
    assert not is_rounding_pair(_figure("4.6%", 4.6, unit="%"), _figure("5%", 5.0, unit="%"))
    assert not is_rounding_pair(_figure("3.7 million", 3.7e6), _figure("4 million", 4e6))
    assert not is_rounding_pair(_figure("1.2 million", 1.2e6), _figure("1 million", 1e6))
    # Hedged on the side where the finer figure lies, the hedge allows the gap.
    assert is_rounding_pair(_figure("1.8 million", 1.8e6), _figure("2 million", 2e6, "just under"))
    assert is_rounding_pair(_figure("2.4 million", 2.4e6), _figure("2 million", 2e6, "at least"))
    # A near hedge on the other side says the opposite.
    assert not is_rounding_pair(
        _figure("2.3 million", 2.3e6), _figure("2 million", 2e6, "just under")
    )
    assert not is_rounding_pair(
        _figure("1.9 million", 1.9e6), _figure("2 million", 2e6, "just over")
    )
    # A conversion far apart is no rounding: 1.5 miles is 2.4 km.
    miles = _figure("1.5 miles", 2414.016, unit="m")
    assert not is_rounding_pair(miles, _figure("2 km", 2000.0, unit="m"))
    # The switch restores the reading without the reach.
    off = replace(FactParams(), rounding_whole_needs_reach=False)
    assert is_rounding_pair(_figure("3.7 million", 3.7e6), _figure("4 million", 4e6), off)
    assert is_rounding_pair(miles, _figure("2 km", 2000.0, unit="m"), off)


def test_fractions_years_and_dates_are_no_roundings() -> None:
    two_thirds = _figure("two-thirds", 66.67, unit="%")
    assert not is_rounding_pair(two_thirds, _figure("60.5%", 60.5, unit="%"))
    assert not is_rounding_pair(
        _figure("one in three", 33.33, unit="%"), _figure("30.5%", 30.5, unit="%")
    )
    # A hedged fraction has no last digit; the reach alone bounds it (64 is 4 % short).
    hedged = _figure("two-thirds", 66.67, "about", unit="%")
    assert is_rounding_pair(hedged, _figure("64%", 64.0, unit="%"))
    assert not is_rounding_pair(hedged, _figure("60%", 60.0, unit="%"))
    # "around 2020" and 2019 are two years, however the reach reads them.
    assert not is_rounding_pair(_figure("2020", 2020.0, "about"), _figure("2019", 2019.0))
    year = Claim("a", 0, 4, "2020", "count", 2020.0, bound="about", attribute="year")
    assert not is_rounding_pair(year, Claim("b", 0, 4, "2019", "count", 2019.0, attribute="year"))


def test_the_switch_turns_the_rule_off() -> None:
    off = replace(FactParams(), rounded_figures_differ=False)
    assert not is_rounding_pair(_figure("1.75", 1.75), _figure("two", 2.0, "just under"), off)


def _statuses(texts: list[str], params: FactParams) -> set[tuple[str, tuple[str, ...]]]:
    articles = [Article(id=f"s{index}", text=text) for index, text in enumerate(texts)]
    facts = compare_facts(articles, embeddings=False, params=params)
    return {(fact.status, tuple(sorted(claim.text for claim in fact.claims))) for fact in facts}


def test_a_levy_stated_exactly_and_rounded_is_shown_as_differs_not_conflict() -> None:
    texts = [
        "The Karvel dairy board raised the milk levy to 1.75 cents a litre on Tuesday, "
        "officials said.",
        "The Karvel dairy board raised the milk levy to nearly two cents a litre on Tuesday, "
        "officials said.",
    ]
    assert ("differs", ("1.75", "two")) in _statuses(texts, FactParams())
    off = replace(FactParams(), rounded_figures_differ=False)
    assert ("conflict", ("1.75", "two")) in _statuses(texts, off)


def test_an_estimate_too_far_from_the_count_is_still_a_conflict() -> None:
    texts = [
        "About 600 volunteers joined the clean-up of the Tessary river on Saturday, "
        "organisers said.",
        "Organisers said 560 volunteers joined the clean-up of the Tessary river on Saturday.",
    ]
    assert ("conflict", ("560", "600")) in _statuses(texts, FactParams())


def test_a_pay_rise_of_four_point_six_against_five_per_cent_is_still_a_conflict() -> None:
    texts = [
        "Nurses at the Ellory health trust will get a 4.6% pay rise from May, the union said.",
        "Nurses at the Ellory health trust will get a 5% pay rise from May, the union said.",
    ]
    assert ("conflict", ("4.6%", "5%")) in _statuses(texts, FactParams())
    off = replace(FactParams(), rounding_whole_needs_reach=False)
    assert ("differs", ("4.6%", "5%")) in _statuses(texts, off)
