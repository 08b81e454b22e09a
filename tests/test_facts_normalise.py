"""Unit tests of the fact normalisers: numbers, number words, units, dates, claim scanning.

These need no model, so they are fast; hypothesis checks the round trips.
"""

from __future__ import annotations

import math
from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.facts.dates import find_dates, resolve_weekday, weekday_of_value
from newsfuse.facts.extract import scan_claims
from newsfuse.facts.numbers import (
    format_value,
    is_decimal_slip,
    number_to_words,
    parse_number_words,
    parse_numeral,
)
from newsfuse.facts.params import FactParams
from newsfuse.facts.units import from_base, lookup_unit, to_base
from newsfuse.facts.verdict import values_agree
from newsfuse.model import Article, Claim


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("five hundred and sixty", 560),
        ("Thirty-two", 32),
        ("a dozen", 12),
        ("two dozen", 24),
        ("twelve", 12),
        ("a hundred", 100),
        ("one thousand two hundred", 1200),
        ("two million", 2_000_000),
        ("three hundred thousand", 300_000),
        ("ninety-nine", 99),
    ],
)
def test_number_words_parse(text: str, value: int) -> None:
    assert parse_number_words(text) == value


@pytest.mark.parametrize("text", ["and", "hundred and", "zebra", ""])
def test_non_numbers_are_rejected(text: str) -> None:
    assert parse_number_words(text) is None


@given(st.integers(min_value=0, max_value=10**12))
def test_any_integer_in_words_parses_back(number: int) -> None:
    assert parse_number_words(number_to_words(number)) == number


@pytest.mark.parametrize(
    ("text", "value", "decimal_comma"),
    [
        ("1,200", 1200, False),
        ("1,200,000", 1_200_000, False),
        ("1 200", 1200, False),
        ("1\u202f200", 1200, False),
        ("2.5", 2.5, False),
        ("3,2", 3.2, False),
        ("1.200.000", 1_200_000, False),
        ("1.200", 1200, True),
        ("3,2", 3.2, True),
        ("1.234,5", 1234.5, False),
    ],
)
def test_numerals_parse(text: str, value: float, decimal_comma: bool) -> None:
    assert parse_numeral(text, decimal_comma=decimal_comma) == pytest.approx(value)


@given(st.integers(min_value=0, max_value=10**12))
def test_grouped_numerals_round_trip(number: int) -> None:
    assert parse_numeral(f"{number:,}") == number


def test_format_value_is_compact() -> None:
    assert format_value(1_200_000.0) == "1,200,000"
    assert format_value(2.5) == "2.5"


@pytest.mark.parametrize(
    ("value", "alias", "base_value", "base"),
    [
        (40, "miles", 64373.76, "m"),
        (65, "km", 65000, "m"),
        (20, "feet", 6.096, "m"),
        (1500, "pounds", 680.389, "kg"),
        (12, "tonnes", 12000, "kg"),
        (5000, "hectares", 5e7, "m2"),
        (12400, "acres", 50181019.6, "m2"),
        (110, "mph", 49.1744, "m/s"),
        (177, "km/h", 49.1667, "m/s"),
        (176000, "gallons", 666232.47, "l"),
        (4200, "barrels", 667746.6, "l"),
        (2, "hours", 7200, "s"),
        (212, "°F", 100, "°C"),
        (200000, "square feet", 18580.6, "m2"),
    ],
)
def test_units_convert_to_si_base(value: float, alias: str, base_value: float, base: str) -> None:
    converted, unit = to_base(value, alias)
    assert unit == base
    assert converted == pytest.approx(base_value, rel=1e-4)


@given(
    st.floats(min_value=0.001, max_value=1e9, allow_nan=False),
    st.sampled_from(["miles", "km", "feet", "lb", "acres", "ha", "mph", "knots", "gal", "°F"]),
)
def test_unit_conversion_round_trips(value: float, alias: str) -> None:
    base_value, _ = to_base(value, alias)
    assert math.isclose(from_base(base_value, alias), value, rel_tol=1e-9, abs_tol=1e-9)


def test_unknown_unit_is_none() -> None:
    assert lookup_unit("furlongs per fortnight") is None


TUESDAY_NEW_YEAR = date(2030, 1, 1)  # a Tuesday


def test_weekday_resolves_on_or_before_publication() -> None:
    assert TUESDAY_NEW_YEAR.weekday() == 1
    assert resolve_weekday(0, TUESDAY_NEW_YEAR) == date(2029, 12, 31)  # Monday: previous year
    assert resolve_weekday(1, TUESDAY_NEW_YEAR) == TUESDAY_NEW_YEAR  # Tuesday: the day itself
    assert resolve_weekday(2, TUESDAY_NEW_YEAR) == date(2029, 12, 26)  # Wednesday: last week


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)), st.integers(0, 6))
def test_weekday_is_within_the_week_before(published: date, weekday: int) -> None:
    resolved = resolve_weekday(weekday, published)
    assert resolved.weekday() == weekday
    assert 0 <= (published - resolved).days <= 6


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("It happened on March 3.", "2030-03-03"),
        ("It happened on 3 March.", "2030-03-03"),
        ("It happened on March 3rd.", "2030-03-03"),
        ("It happened on the 3rd of March.", "2030-03-03"),
        ("It happened on Sept. 22, 2029.", "2029-09-22"),
        ("It happened on 2029-03-03.", "2029-03-03"),
        ("It happened yesterday.", "2029-12-31"),
        ("It happened on Monday.", "2029-12-31"),
        ("It happened last Tuesday.", "2029-12-25"),
        ("It happens today.", "2030-01-01"),
    ],
)
def test_dates_resolve_against_publication(text: str, iso: str) -> None:
    mentions = find_dates(text, TUESDAY_NEW_YEAR)
    assert [str(mention.day) for mention in mentions] == [iso]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("The quarry wall gave way a fortnight ago.", "2029-12-18"),
        ("She filed the claim three days ago.", "2029-12-29"),
        ("The vote was held 10 days ago in Harnby.", "2029-12-22"),
        ("The tremor struck on the 14th, residents said.", "2029-12-14"),
        ("Polls closed on the 1st at 10pm.", "2030-01-01"),
    ],
)
def test_british_relative_dates_resolve(text: str, iso: str) -> None:
    assert [str(m.day) for m in find_dates(text, TUESDAY_NEW_YEAR)] == [iso]


def test_an_all_numeric_date_follows_the_house_style_of_written_dates() -> None:
    british = "The ruling of 28 March 2025 was upheld at a hearing on 3/4/2025 in Leeds."
    american = "The ruling of March 28, 2025 was upheld at a hearing on 3/4/2025 in Dayton."
    assert [str(m.day) for m in find_dates(british, None)] == ["2025-03-28", "2025-04-03"]
    assert [str(m.day) for m in find_dates(american, None)] == ["2025-03-28", "2025-03-04"]


def test_an_ordinal_that_counts_something_is_not_a_date() -> None:
    assert find_dates("She lives on the 14th floor of the Varn tower.", TUESDAY_NEW_YEAR) == []
    assert find_dates("He finished in the 3rd place.", TUESDAY_NEW_YEAR) == []


def test_relative_dates_need_a_publication_date() -> None:
    assert find_dates("It happened yesterday.", None) == []
    assert [m.day for m in find_dates("On March 3, 2029.", None)] == [date(2029, 3, 3)]


def test_an_undated_weekday_is_kept_by_name_and_compared_by_weekday() -> None:
    (monday,) = find_dates("It happened on Monday.", None)
    assert (monday.day, monday.weekday) == (None, "Monday")
    assert weekday_of_value("Monday") == 0
    assert weekday_of_value("2029-12-31") == 0  # a Monday
    first = Claim("a", 0, 6, "Monday", "date", "Monday")
    assert values_agree(first, Claim("b", 0, 10, "Dec. 31", "date", "2029-12-31"))
    assert not values_agree(first, Claim("c", 0, 9, "Wednesday", "date", "Wednesday"))


def _scan(text: str) -> list[Claim]:
    article = Article(id="x", text=text, published=datetime(2030, 1, 1, 12, tzinfo=UTC))
    claims = scan_claims(article)
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
    return claims


@pytest.mark.parametrize(
    ("text", "kind", "value", "unit"),
    [
        ("The deal is worth $2.5bn in cash.", "money", 2.5e9, "USD"),
        ("It raised €40m from investors.", "money", 40e6, "EUR"),
        ("The club paid £1.2bn for the site.", "money", 1.2e9, "GBP"),
        ("It will cost 210 million dollars over a year.", "money", 210e6, "USD"),
        ("Das Projekt kostet €3,2 Mio insgesamt.", "money", 3.2e6, "EUR"),
        ("Bonds worth EUR 12.5m were sold.", "money", 12.5e6, "EUR"),
        ("Turnout was 41 percent on the day.", "percent", 41, "%"),
        ("A 14-mile line will open.", "quantity", 22530.816, "m"),
        ("Winds reached 110 mph near the coast.", "quantity", 49.1744, "m/s"),
        ("The wave was 3m high.", "quantity", 3, "m"),
        ("He won in 2:04:37 on the day.", "quantity", 7477, "s"),
        ("He finished in 2 hours, 4 minutes and 37 seconds.", "quantity", 7477, "s"),
        ("The firm recalled 2.1m bottles of juice.", "count", 2.1e6, None),
        ("The minister said 560 troops would go.", "count", 560, None),
        ("Officials said 1 200 people were moved.", "count", 1200, None),
        ("The 47-year-old council member won.", "age", 47, None),
        ("said Dana Whitlock, 47, on stage.", "age", 47, None),
        ("The satellite weighs 680 kilograms in all.", "quantity", 680, "kg"),
        ("A dozen people were hurt.", "count", 12, None),
        ("Temperatures hit 41.5°C at noon.", "quantity", 41.5, "°C"),
        # Other house styles: South Asian scale words, European decimals, British ages.
        ("The court fined him Rs 3 lakh on the day.", "money", 3e5, "INR"),
        ("The dam will cost ₹2 crore more.", "money", 2e7, "INR"),
        ("The firm paid Rs. 45,000 in fees.", "money", 45000, "INR"),
        ("Each family gets ₹3,00,000 in aid.", "money", 3e5, "INR"),
        ("Der Hafen kostet €1,2 mrd insgesamt.", "money", 1.2e9, "EUR"),
        ("Die Ernte lag bei 1.234,5 tonnes im Jahr.", "quantity", 1234500, "kg"),
        ("Harriet Cole (34) was hurt in the crash.", "age", 34, None),
        # Short age forms of sports and tabloid copy.
        ("The 23yo Pellan winger signed on Monday.", "age", 23, None),
        ("A 40-yr-old cyclist was hurt.", "age", 40, None),
        ("The 31 y.o. Dornish driver fled.", "age", 31, None),
        ("Winds reached 120 km/h at sea.", "quantity", 33.333, "m/s"),
        ("It raised US$4.5 million in May.", "money", 4.5e6, "USD"),
        ("The debris weighed 45,000 pounds in total.", "quantity", 20411.66, "kg"),
    ],
)
def test_claims_are_classified_and_normalised(
    text: str, kind: str, value: float, unit: str | None
) -> None:
    claims = [claim for claim in _scan(text) if claim.kind != "date"]
    assert len(claims) == 1, claims
    assert claims[0].kind == kind
    assert claims[0].value == pytest.approx(value, rel=1e-4)
    assert claims[0].unit == unit


def test_tons_are_tonnes_in_metric_copy_and_short_tons_in_us_copy() -> None:
    metric = _scan("The ferry carried 400 tons of grain and sank 12 km offshore.")
    us = _scan("The barge carried 400 tons of grain and sank 12 miles offshore.")
    assert metric[0].value == pytest.approx(400_000)
    assert us[0].value == pytest.approx(400 * 907.18474)


def test_conversion_in_parentheses_is_one_claim() -> None:
    claims = _scan("The base is about 40 miles (65km) south of the city.")
    assert len(claims) == 1
    assert claims[0].text == "40 miles (65km)"
    assert claims[0].approximate


def test_vague_amounts_are_marked() -> None:
    claims = _scan("Hundreds of people gathered.")
    assert [(c.vague, c.value) for c in claims] == [(True, 200)]


def test_approximation_and_exact() -> None:
    first, second = _scan("About 600 troops and 560 troops.")
    assert first.approximate and not second.approximate


def test_vote_tally_gives_for_and_against() -> None:
    claims = _scan("The council voted 9-2 to approve the plan.")
    assert [(c.value, c.attribute) for c in claims] == [
        (9, "votes for"),
        (2, "votes against"),
    ]


def test_decades_are_not_durations() -> None:
    assert _scan("The 1990s were hard for people in their 20s.") == []


def test_clock_times_and_ordinals_are_not_counts() -> None:
    assert _scan("It struck at 3:17 a.m. in the 2nd district.") == []


def test_values_agree_within_tolerance() -> None:
    def claim(value: float, unit: str | None = None) -> Claim:
        return Claim("a", 0, 1, "x", "count", value, unit)

    assert values_agree(claim(64373.76, "m"), claim(65000, "m"))
    assert not values_agree(claim(14), claim(16))
    assert not values_agree(claim(600), claim(560))
    assert not values_agree(claim(6, "%"), claim(6, "m"))
    assert values_agree(claim(600), claim(600))


def test_times_stated_to_the_second_must_match_to_the_second() -> None:
    def claim(value: float, unit: str) -> Claim:
        return Claim("a", 0, 1, "x", "quantity", value, unit)

    # 3 % of a marathon time is minutes; "2:11:05" and "2:12:40" are two different finishes.
    assert not values_agree(claim(7865.0, "s"), claim(7960.0, "s"))
    assert values_agree(claim(7865.0, "s"), claim(7865.0, "s"))
    # Round durations ("two hours" vs "121 minutes") keep the ordinary 3 % tolerance.
    assert values_agree(claim(7200.0, "s"), claim(7260.0, "s"))


def test_years_must_be_equal() -> None:
    def year(value: float) -> Claim:
        return Claim("a", 0, 4, "2031", "count", value, None, attribute="year")

    assert not values_agree(year(2031), year(2033))
    assert values_agree(year(2031), year(2031))


@pytest.mark.parametrize(
    ("text", "published", "iso"),
    [
        ("signed on 25/12/2026", date(2026, 12, 28), "2026-12-25"),  # only day-first is valid
        ("signed on 12/25/2026", date(2026, 12, 28), "2026-12-25"),  # only month-first is valid
        ("due on 03/04/2026", date(2026, 3, 2), "2026-03-04"),  # month-first is nearer
        ("due on 03/04/2026", date(2026, 4, 1), "2026-04-03"),  # day-first is nearer
        ("am 7.5.2026 eröffnet", date(2026, 5, 8), "2026-05-07"),
    ],
)
def test_numeric_dates_take_the_valid_and_nearer_reading(
    text: str, published: date, iso: str
) -> None:
    assert [mention.day.isoformat() for mention in find_dates(text, published)] == [iso]


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)))
def test_numeric_dates_round_trip_near_publication(day: date) -> None:
    # Written either way, a date stated on its own publication day resolves to itself.
    for text in (f"{day.month:02d}/{day.day:02d}/{day.year}", f"{day.day}.{day.month}.{day.year}"):
        assert [mention.day for mention in find_dates(text, day)] == [day]


def test_dotted_scale_abbreviation_keeps_its_currency() -> None:
    article = Article(
        id="a", text="Die Stadt Velm zahlt 2,5 Mio. Euro für die Brücke.", title="", source=""
    )
    [claim] = scan_claims(article)
    assert (claim.kind, claim.value, claim.unit) == ("money", 2_500_000, "EUR")
    assert claim.text == "2,5 Mio. Euro"


@pytest.mark.parametrize(
    ("text", "value"), [("half a million", 500_000), ("half a dozen", 6), ("Half a billion", 5e8)]
)
def test_half_of_a_scale_word_parses(text: str, value: float) -> None:
    assert parse_number_words(text) == value


@given(
    st.integers(min_value=1, max_value=999),
    st.sampled_from([("million", 1e6), ("billion", 1e9), ("thousand", 1e3)]),
    st.sampled_from(
        [
            ("miles", 1609.344, "m"),
            ("tonnes", 1000.0, "kg"),
            ("acres", 4046.8564224, "m2"),
            ("kilometres", 1000.0, "m"),
        ]
    ),
)
def test_a_unit_after_a_scale_word_makes_a_quantity(
    number: int, scale: tuple[str, float], unit: tuple[str, float, str]
) -> None:
    text = f"The figure was {number} {scale[0]} {unit[0]} last week."
    claims = scan_claims(Article(id="a", text=text))
    assert len(claims) == 1
    assert claims[0].kind == "quantity"
    assert claims[0].unit == unit[2]
    assert math.isclose(float(claims[0].value), number * scale[1] * unit[1], rel_tol=1e-9)


def test_a_scaled_count_followed_by_a_preposition_stays_a_count() -> None:
    claims = scan_claims(Article(id="a", text="It raised 10 million in funding."))
    assert [(c.kind, c.value, c.unit) for c in claims] == [("count", 10_000_000, None)]


@given(
    st.floats(min_value=0.01, max_value=1e9, allow_nan=False, allow_infinity=False),
    st.integers(min_value=1, max_value=4),
)
def test_a_figure_times_a_power_of_ten_is_a_decimal_slip(value: float, places: int) -> None:
    assert is_decimal_slip(value, value * 10**places)
    assert is_decimal_slip(value * 10**places, value)


def test_figures_that_are_not_a_power_of_ten_apart_are_no_slip() -> None:
    assert not is_decimal_slip(32_000_000, 32_000_000)  # equal: no slip at all
    assert not is_decimal_slip(3.2, 23)  # other digits
    assert not is_decimal_slip(200_000, 2_500_000)  # 12.5 times
    assert not is_decimal_slip(0, 10)


def test_a_number_joined_to_a_name_by_a_hyphen_is_no_figure() -> None:
    # An invented probe and rocket: "Pellora-2" and "Varn-9" are names, the 11 a figure.
    article = Article(
        id="a", title="", source="Outlet a", published=None,
        text="Pellora-2 rode a Varn-9 rocket and carries 11 instruments.",
    )  # fmt: skip
    assert [claim.value for claim in scan_claims(article)] == [11]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("A recount follows if the margin is a quarter of one percent or less.", 0.25),
        ("The levy is half of 1% of turnover.", 0.5),
        ("Turnout fell by three-quarters of one per cent.", 0.75),
    ],
)
def test_a_fraction_of_one_per_cent_is_one_share(text: str, value: float) -> None:
    (claim,) = scan_claims(Article(id="a", text=text, source="The Marlow Courier"))
    assert (claim.kind, claim.value, claim.unit) == ("percent", value, "%")


@given(st.sampled_from(["a", "one", "three"]), st.sampled_from(["quarter", "tenths", "thirds"]))
def test_a_fraction_of_a_percentage_point_is_no_share_of_one_per_cent(
    numerator: str, denominator: str
) -> None:
    text = f"Rates rose by {numerator} {denominator} of a percentage point in Oskby."
    claims = scan_claims(Article(id="a", text=text, source="The Marlow Courier"))
    assert all(claim.value >= 1 or claim.unit != "%" for claim in claims)


def test_a_place_or_vehicle_named_by_its_number_is_no_count() -> None:
    text = (
        "Fire crews reached Warehouse 7 at Orvik docks as Flight 212 was held at Terminal 2. "
        "Some 35 firefighters and 6 engines attended; the route 9 bus ran late."
    )
    values = sorted(c.value for c in scan_claims(Article(id="a", text=text)) if c.kind == "count")
    assert values == [6, 9, 35]  # lower-case "route 9" is not a name: the rule needs capitals


def test_small_lengths_written_in_other_units_agree_within_the_rounding() -> None:
    feet = Claim("a", 0, 8, "300 feet", "quantity", 91.44, "m")
    metres = Claim("b", 0, 9, "91 metres", "quantity", 91.0, "m")
    also_metres = Claim("c", 0, 11, "91.5 metres", "quantity", 91.5, "m")
    assert values_agree(feet, metres)
    assert not values_agree(feet, metres, FactParams(converted_units_use_tolerance=False))
    # Written in one unit, small integers must still be equal.
    assert not values_agree(metres, also_metres)
