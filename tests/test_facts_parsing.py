"""Property and example tests of the figure parsers: units, scales, fractions, ranges,
compound measures, qualifiers. Invented sentences only; no model needed."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.facts.extract import scan_claims
from newsfuse.facts.numbers import number_to_words, parse_fraction, parse_number_words
from newsfuse.facts.params import FactParams
from newsfuse.facts.qualifiers import NEAR_SPAN, bounds_allow, bounds_compatible, qualifier_before
from newsfuse.facts.units import lookup_unit, to_base
from newsfuse.model import Article, Claim

YEAR_S = 365.25 * 86400


def claims_of(text: str) -> list[Claim]:
    return scan_claims(Article("a", text))


def only(text: str) -> Claim:
    found = claims_of(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The barge carried 3 tonnes of grain.", 3000.0, "kg"),
        ("The barge carried 3 metric tons of grain.", 3000.0, "kg"),
        ("The truck carried 2 short tons of gravel.", 1814.36948, "kg"),
        ("The ship carried 2 long tons of coal.", 2032.0938176, "kg"),
        ("The orchard covers 300 acres.", 300 * 4046.8564224, "m2"),
        ("The orchard covers 120 hectares.", 1_200_000.0, "m2"),
        ("The ridge rises 1,200 feet above the valley.", 365.76, "m"),
        ("The ridge rises 366 metres above the valley.", 366.0, "m"),
        ("The depot lies 40 miles (65 km) north of Varnholt.", 64373.76, "m"),
        ("The depot lies 65 kilometres north of Varnholt.", 65000.0, "m"),
        ("Winds reached 80 kilometres an hour on the coast.", 80 / 3.6, "m/s"),
        ("The parcel weighed 12 ounces at the depot.", 12 * 0.45359237 / 16, "kg"),
        ("The shield is 4½-inch thick.", 4.5 * 0.0254, "m"),
        ("The keeper is 5'10\" tall.", 5 * 0.3048 + 10 * 0.0254, "m"),
        ("The keeper is 5 feet 10 inches tall.", 5 * 0.3048 + 10 * 0.0254, "m"),
        ("The court imposed 96 months in prison.", 8 * YEAR_S, "s"),
        ("She was handed an eight-year term in Tollmere.", 8 * YEAR_S, "s"),
        ("He served 7 years, 1 month in Tollmere.", 7 * YEAR_S + YEAR_S / 12, "s"),
        ("Talks stalled for two decades in Brask.", 20 * YEAR_S, "s"),
        ("The judge gave him six and a half years.", 6.5 * YEAR_S, "s"),
    ],
)
def test_units_normalise_to_base(text: str, value: float, unit: str) -> None:
    claim = only(text)
    assert claim.kind == "quantity"
    assert claim.unit == unit
    assert claim.value == pytest.approx(value, rel=1e-6)


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("The council set aside Rs 3 lakh for repairs.", 300_000.0, "INR"),
        ("The state allotted ₹2 crore for the bridge.", 20_000_000.0, "INR"),
        ("The scheme costs Rs 4.5-crore a year.", 45_000_000.0, "INR"),
        ("The budget is Rs 2.48 lakh crore this year.", 2.48e12, "INR"),
        ("The villa was listed for $6.9-million last week.", 6_900_000.0, "USD"),
        ("Harlow Mining took a $A180m impairment.", 180_000_000.0, "AUD"),
    ],
)
def test_scales_and_currencies(text: str, value: float, currency: str) -> None:
    claim = only(text)
    assert (claim.kind, claim.unit) == ("money", currency)
    assert claim.value == pytest.approx(value)


def test_pounds_of_a_substance_weigh_and_pounds_alone_pay() -> None:
    assert only("The rocket held 4.2 million pounds of fuel.").unit == "kg"
    assert only("The club paid 4.2 million pounds for him.").unit == "GBP"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Nearly two-thirds of voters in Ellery backed it.", 66.67),
        ("A third of the homes in Ellery flooded.", 33.33),
        ("Three quarters of the staff at Brask stayed.", 75.0),
    ],
)
def test_fractions_in_words_are_shares(text: str, value: float) -> None:
    claim = next(c for c in claims_of(text) if c.kind == "percent")
    assert claim.value == pytest.approx(value)


def test_measures_and_ordinals_are_not_shares() -> None:
    assert all(c.kind != "percent" for c in claims_of("She walked a quarter of a mile home."))
    assert all(c.kind != "percent" for c in claims_of("It was the third quarter in a row."))


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("The repairs take 12 to 18 months in Ellery.", YEAR_S, 1.5 * YEAR_S, "s"),
        ("The swell reached 40-50 km inland at Brask.", 40_000.0, 50_000.0, "m"),
        ("Prices rose between 4 and 5 per cent in Tollmere.", 4.0, 5.0, "%"),
        ("Floods displaced 5 to 7 million people across Varn.", 5e6, 7e6, None),
    ],
)
def test_a_range_lends_its_unit_to_its_lower_end(
    text: str, low: float, high: float, unit: str | None
) -> None:
    first, second = claims_of(text)
    assert (first.value, second.value) == (pytest.approx(low), pytest.approx(high))
    assert first.unit == second.unit == unit
    assert first.approximate and second.approximate


def test_a_change_from_one_value_to_another_is_not_a_range() -> None:
    first, second = claims_of("The cordon grew from 38 to 45 km around Ellery.")
    assert (first.value, first.unit, second.value) == (38_000.0, "m", 45_000.0)
    assert not first.approximate and not second.approximate
    assert first.bound == second.bound == ""


def test_a_vote_tally_is_not_a_range() -> None:
    first, second = claims_of("The council voted 9 to 2 for the Ellery plan.")
    assert (first.value, second.value) == (9.0, 2.0)
    assert first.kind == second.kind == "count"


def test_a_count_followed_by_its_side_in_a_vote_is_that_sides_votes() -> None:
    text = "The Ellery council approved the plan, with 31 councillors in favour and 14 against."
    article = Article(id="a", text=text)
    for_, against = scan_claims(article)
    assert (for_.attribute, against.attribute) == ("votes for", "votes against")
    assert {claim.attribute for claim in scan_claims(article, tally_sides=False)} == {""}
    # Not in a sentence about a vote.
    (protest,) = scan_claims(Article(id="b", text="Some 40 residents marched against the plan."))
    assert protest.attribute == ""


def test_a_day_without_a_year_is_not_a_count() -> None:
    # No publication date: "April 14" cannot be pinned, but 14 is not a count of anything.
    assert claims_of("Shareholders of Ellery Foods vote on April 14.") == []


def test_a_dozen_and_half_a_million() -> None:
    assert parse_number_words("a dozen") == 12
    assert parse_number_words("half a million") == 500_000
    assert parse_number_words("two and a half") == 2.5
    assert only("A two and a half year old boy was found in Brask.").value == 2.5


@given(st.integers(min_value=0, max_value=10**6))
def test_and_a_half_adds_a_half_to_any_number_in_words(number: int) -> None:
    assert parse_number_words(f"{number_to_words(number)} and a half") == number + 0.5


@given(st.integers(min_value=1, max_value=10), st.integers(min_value=1, max_value=10))
def test_fractions_are_shares_of_one(top: int, below: int) -> None:
    words = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven"}
    names = {2: "halves", 3: "thirds", 4: "quarters", 5: "fifths", 6: "sixths", 8: "eighths"}
    share = parse_fraction(words.get(top, "zebra"), names.get(below, "zebras"))
    if top in words and below in names and top <= below:
        assert share == pytest.approx(top / below)
    else:
        assert share is None


LENGTHS = ["m", "km", "mile", "feet", "yard", "nautical mile", "inch"]
MASSES = ["kg", "tonne", "ton", "pound", "g", "ounce", "long ton"]
AREAS = ["hectare", "acre", "sq km", "square feet", "square mile"]
DURATIONS = ["second", "minute", "hour", "day", "week", "month", "year", "decade"]


@given(
    st.sampled_from([LENGTHS, MASSES, AREAS, DURATIONS]).flatmap(
        lambda group: st.tuples(st.sampled_from(group), st.sampled_from(group))
    ),
    st.floats(min_value=1e-3, max_value=1e9, allow_nan=False),
)
def test_converting_between_units_of_one_kind_round_trips(
    pair: tuple[str, str], value: float
) -> None:
    first, second = pair
    base, base_unit = to_base(value, first)
    other = lookup_unit(second)
    assert other is not None and other.base == base_unit
    back = base / other.factor * other.factor
    assert back == pytest.approx(base, rel=1e-12)


@given(st.integers(min_value=1, max_value=99_999), st.sampled_from(["km", "miles", "feet"]))
def test_any_written_length_parses_to_its_base_value(number: int, unit: str) -> None:
    claim = only(f"The road to Ellery is {number:,} {unit} long.")
    assert claim.value == pytest.approx(to_base(number, unit)[0])


@given(st.integers(min_value=1, max_value=99), st.integers(min_value=1, max_value=99))
def test_lakh_and_crore_scale_any_number(lakh: int, crore: int) -> None:
    text = f"The fund holds Rs {lakh} lakh and Rs {crore} crore for Ellery."
    first, second = claims_of(text)
    assert (first.value, second.value) == (lakh * 1e5, crore * 1e7)


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("more than 100", "at least"),
        ("at least 100", "at least"),
        ("nearly 100", "just under"),
        ("up to 100", "at most"),
        ("about 100", "about"),
        ("spent 100", ""),
    ],
)
def test_qualifiers_read(text: str, bound: str) -> None:
    assert qualifier_before(text, text.index("100")) == bound


@given(
    st.sampled_from(["at least", "at most", "just under", "just over"]),
    st.floats(min_value=1, max_value=1e7),
    st.floats(min_value=0.5, max_value=2.0),
)
def test_a_bound_is_compatible_exactly_with_the_values_it_admits(
    bound: str, stated: float, ratio: float
) -> None:
    other = stated * ratio
    compatible = bounds_compatible((bound, stated), ("", other), 0.0)  # type: ignore[arg-type]
    above = stated <= other <= stated * (1 + NEAR_SPAN)
    below = stated * (1 - NEAR_SPAN) <= other <= stated
    expected = {"at least": above, "at most": below, "just under": below, "just over": above}[bound]
    edges = (stated, stated * (1 - NEAR_SPAN), stated * (1 + NEAR_SPAN))
    if not any(math.isclose(other, edge, rel_tol=1e-9) for edge in edges):
        assert compatible == expected


def test_two_plain_figures_are_never_bound_compatible() -> None:
    assert not bounds_compatible(("", 600.0), ("about", 590.0), 0.03)
    assert bounds_compatible(("at least", 1200.0), ("", 1240.0), 0.03)
    assert not bounds_compatible(("at least", 1200.0), ("", 2100.0), 0.03)  # far: a dispute
    assert not bounds_compatible(("at least", 40.0), ("at most", 30.0), 0.03)


def test_scanned_claims_carry_their_qualifier() -> None:
    first, second, third = claims_of(
        "More than 1,200 flights were cancelled at Ellery, nearly 300 at Brask and 90 at Varn."
    )
    assert (first.bound, second.bound, third.bound) == ("at least", "just under", "")


def test_bounds_allow_reads_claims_with_the_verdict_tolerances() -> None:
    def count(value: float, bound: str = "") -> Claim:
        return Claim("a", 0, 1, "x", "count", value, bound=bound)

    params = FactParams()
    assert bounds_allow(count(1200.0, "at least"), count(1240.0), params)
    assert not bounds_allow(count(1200.0, "at least"), count(2100.0), params)
    # Small whole numbers must be equal: "at least 21" does not allow 20.
    assert not bounds_allow(count(21.0, "at least"), count(20.0), params)
    assert not bounds_allow(count(20.0, "at least"), count(21.0), params)  # stated exactly


@pytest.mark.parametrize(
    "text",
    [
        "The driver, 55, was unhurt in Ellery.",
        "The driver died at the age of 55 in Ellery.",
        "A 55-year-old driver was unhurt in Ellery.",
        "The driver, aged 55, was unhurt in Ellery.",
    ],
)
def test_ages_in_every_house_style(text: str) -> None:
    claim = only(text)
    assert (claim.kind, claim.value) == ("age", 55.0)
