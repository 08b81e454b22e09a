"""Classes of figures the extractor used to miss or misread on unseen clusters (issue 14):
"m" as metres or million, lap times and margins, ordinals that count wins, one death told
without a number, and a figure a correction takes back. Each class is switched by a
``FactParams`` field; every test reads invented events, places and people."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from newsfuse.embed import Embedder
from newsfuse.facts import FactParams, compare_facts
from newsfuse.facts.extract import scan_claims
from newsfuse.facts.synonymy import load_wordnet
from newsfuse.model import Article, Claim, Fact

PUBLISHED = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)


def _claims(text: str, params: FactParams = FactParams()) -> list[Claim]:
    return scan_claims(Article(id="a", text=text, published=PUBLISHED), params=params)


def _claim(text: str, surface: str, params: FactParams = FactParams()) -> Claim:
    return next(claim for claim in _claims(text, params) if claim.text == surface)


def test_a_spaced_m_after_a_number_is_metres_before_a_noun() -> None:
    claim = _claim("The 294 m tower on Kell Point opened to visitors on Friday.", "294 m")
    assert (claim.kind, claim.value, claim.unit) == ("quantity", 294.0, "m")


def test_a_currency_keeps_m_as_million() -> None:
    claim = _claim("The 310m Kell Point tower cost £294m to build.", "£294m")
    assert (claim.kind, claim.value, claim.unit) == ("money", 294_000_000.0, "GBP")


def test_a_glued_m_in_a_sentence_of_height_is_metres() -> None:
    text = "Radar showed a loss of about 1,830m over two minutes, then a steady descent."
    claim = _claim(text, "1,830m")
    assert (claim.kind, claim.value, claim.unit) == ("quantity", 1830.0, "m")


def test_a_glued_m_before_a_noun_stays_million_among_money_words() -> None:
    text = "The Orrin fund raised 12m pledges of support after the flood."
    claim = _claim(text, "12m")
    assert (claim.kind, claim.value) == ("count", 12_000_000.0)


def test_metres_by_context_off_reads_m_before_a_noun_as_million() -> None:
    params = replace(FactParams(), metres_by_context=False)
    claim = _claim("The 294 m tower on Kell Point opened to visitors.", "294 m", params)
    assert claim.value == 294_000_000.0


def test_a_glued_m_before_a_word_that_counts_nothing_is_metres() -> None:
    text = "Idra Palm set a 5,000m record in Corvell, then ran the 10,000m on Friday."
    assert {(claim.text, claim.value, claim.unit) for claim in _claims(text)} >= {
        ("5,000m", 5000.0, "m"),
        ("10,000m", 10000.0, "m"),
    }


def test_a_glued_m_before_a_counted_noun_is_million() -> None:
    text = "Some 2m people live near Corvell, and its port saw 4.31m new passengers."
    claims = {claim.text: claim for claim in _claims(text)}
    assert (claims["2m"].kind, claims["2m"].value) == ("count", 2_000_000.0)
    assert (claims["4.31m"].kind, claims["4.31m"].value) == ("count", 4_310_000.0)


def test_million_m_needs_counted_noun_off_reads_a_record_distance_as_million() -> None:
    params = replace(FactParams(), million_m_needs_counted_noun=False)
    claim = _claim("Idra Palm set a 5,000m record in Corvell.", "5,000m", params)
    assert (claim.kind, claim.value) == ("count", 5_000_000_000.0)


def test_a_distance_naming_a_race_is_a_label_not_a_figure() -> None:
    text = "Tamsin Rove won the 400m freestyle and the 1,500 metres final in Varden."
    assert [claim.text for claim in _claims(text) if claim.kind != "date"] == []
    params = replace(FactParams(), event_distances_are_labels=False)
    assert {claim.value for claim in _claims(text, params)} == {400.0, 1500.0}


def test_a_lap_time_with_a_fraction_is_minutes_and_seconds() -> None:
    claim = _claim("Rove touched in 1:45.2, ahead of the field.", "1:45.2")
    assert (claim.kind, claim.value, claim.unit) == ("quantity", 105.2, "s")
    params = replace(FactParams(), race_time_fractions=False)
    assert all(claim.unit != "s" for claim in _claims("Rove touched in 1:45.2.", params))


def test_hundredths_of_a_second_and_a_bare_margin_are_seconds() -> None:
    spoken = _claim(
        "She beat the old mark by 32 hundredths of a second.", "32 hundredths of a second"
    )
    assert (spoken.value, spoken.unit) == (pytest.approx(0.32), "s")
    bare = _claim("Rove took 0.32 off the mark of 4:01.17 set in Varden.", "0.32")
    assert (bare.kind, bare.unit) == ("quantity", "s")


def test_a_bare_decimal_without_a_race_time_stays_a_count() -> None:
    claim = _claim("The index took 0.32 off its opening level.", "0.32")
    assert claim.kind == "count"


def test_an_ordinal_counts_a_holders_wins_but_not_other_things() -> None:
    text = (
        "It was her fourth gold of the Varden games. Ollen won a second term in May. "
        "Police found a third vehicle, and he missed his third straight game."
    )
    assert [(claim.text, claim.value) for claim in _claims(text)] == [
        ("fourth", 4.0),
        ("second", 2.0),
    ]
    assert _claims(text, replace(FactParams(), ordinals_count_wins=False)) == []


def test_one_death_told_without_a_number_is_a_count_of_one() -> None:
    claims = _claims("A ferry worker has died after a fall at Skell harbour.")
    assert [(claim.text, claim.value) for claim in claims] == [("A", 1.0)]
    assert _claim("Nine fell ill, one of whom has died.", "one").value == 1.0
    assert _claims("A fire in which nobody died destroyed a barn.") == []
    assert _claims("A second ferry worker has died in hospital.") == []
    off = replace(FactParams(), lone_deaths_count_one=False)
    assert [c.text for c in _claims("Nine fell ill, one of whom has died.", off)] == ["Nine"]


def test_an_adjective_between_a_number_and_its_unit_keeps_the_unit() -> None:
    claim = _claim("The Skell jury deliberated for two full days.", "two full days")
    assert (claim.kind, claim.value, claim.unit) == ("quantity", 172_800.0, "s")
    off = replace(FactParams(), adjective_before_unit=False)
    assert [(c.text, c.kind) for c in _claims("It sat for two full days.", off)] == [
        ("two", "count")
    ]


def test_a_number_after_she_was_that_ends_the_clause_is_an_age() -> None:
    assert _claim("Ilsa Marrow died on Monday. She was 88.", "88").kind == "age"
    assert _claim("Tomas Brel, who was 47, drove the lorry.", "47").kind == "age"
    assert _claim("She was 88 points clear of the field.", "88").kind == "count"
    off = replace(FactParams(), copula_ages=False)
    assert _claim("Ilsa Marrow died on Monday. She was 88.", "88", off).kind == "count"


def test_a_fact_sheet_label_names_what_its_figure_counts() -> None:
    text = "Storm Odile crossed the Marrow coast.\n\nDeaths: 3\n\nHomes without power: 22,000"
    assert [(c.text, c.attribute) for c in _claims(text)] == [("3", "death"), ("22,000", "home")]
    prose = _claim("The storm left 3 dead: Odile was the worst in years.", "3")
    assert prose.attribute == ""
    off = replace(FactParams(), fact_sheet_labels=False)
    assert {c.attribute for c in _claims(text, off)} == {""}


needs_wordnet = pytest.mark.skipif(
    load_wordnet(None, "verb") is None, reason="WordNet (wordnet-base) absent"
)


def _facts(first: str, second: str, embedder: Embedder, params: FactParams) -> list[Fact]:
    articles = [
        Article(id="a", text=first, source="The Skell Courier", published=PUBLISHED),
        Article(id="b", text=second, source="Varden Daily", published=PUBLISHED),
    ]
    return compare_facts(articles, embedder=embedder, params=params)


def _status_of(facts: list[Fact], first: str, second: str) -> str:
    for fact in facts:
        texts = {(claim.article_id, claim.text) for claim in fact.claims}
        if ("a", first) in texts and ("b", second) in texts:
            return fact.status
    return "apart"


@needs_wordnet
def test_a_figure_a_correction_takes_back_is_no_conflict(embedder: Embedder) -> None:
    first = (
        "Health officials in Dorrel said 180,000 doses of the vaccine had arrived, "
        "not the 150,000 reported earlier."
    )
    second = "Health officials in Dorrel said 180,000 doses of the vaccine had arrived on Monday."
    facts = _facts(first, second, embedder, FactParams())
    assert _status_of(facts, "180,000", "180,000") == "agree"
    assert all(fact.status != "conflict" for fact in facts)


@needs_wordnet
def test_metres_against_metres_agree_across_spacing(embedder: Embedder) -> None:
    first = "The Kell Point tower, 294 m tall, opened on Friday after six years of work."
    second = "The Kell Point tower, which rises 294m, opened on Friday after six years of work."
    facts = _facts(first, second, embedder, FactParams())
    assert _status_of(facts, "294 m", "294m") == "agree"


@needs_wordnet
def test_a_lap_time_agrees_with_the_same_time_in_words(embedder: Embedder) -> None:
    first = "Tamsin Rove won the final in Varden on Tuesday, touching in 4:01.17."
    second = "Tamsin Rove won the final in Varden on Tuesday in 4 minutes 1.17 seconds."
    facts = _facts(first, second, embedder, FactParams())
    assert _status_of(facts, "4:01.17", "4 minutes 1.17 seconds") == "agree"


@needs_wordnet
def test_one_death_in_words_agrees_with_a_lone_death(embedder: Embedder) -> None:
    first = "A climber from Vessa has died after falling on Mount Orrin on Saturday."
    second = "One climber died after a fall on Mount Orrin on Saturday, rescuers said."
    facts = _facts(first, second, embedder, FactParams())
    assert _status_of(facts, "A", "One") == "agree"


def test_a_fraction_of_a_unit_is_that_quantity() -> None:
    text = "Dunmere crews laid half a mile of boom; the Korr ferry was held a quarter of an hour."
    assert (_claim(text, "half a mile").value, _claim(text, "half a mile").unit) == (
        pytest.approx(804.672),
        "m",
    )
    assert _claim(text, "a quarter of an hour").value == 900.0


def test_a_fortnight_and_an_hour_and_a_half_are_durations() -> None:
    text = "The Brannock pickets stood for a fortnight; talks lasted an hour and a half."
    assert _claim(text, "a fortnight").value == 14 * 86400.0
    assert _claim(text, "an hour and a half").value == 5400.0


def test_a_bare_article_before_a_unit_is_no_measure() -> None:
    text = "Tolvey ferries sail twice a day for 12 euros an hour; a strike began a fortnight ago."
    assert not any(claim.unit == "s" for claim in _claims(text))


def test_measure_phrases_off_leaves_the_phrases_unread() -> None:
    params = replace(FactParams(), measure_phrases=False)
    assert _claims("Crews laid half a mile of boom off Dunmere.", params) == []


def test_so_many_in_so_many_is_a_percentage() -> None:
    text = "Three in four Orrin residents and nine out of 10 Brell voters backed the plan."
    assert _claim(text, "Three in four").value == 75.0
    assert (_claim(text, "nine out of 10").kind, _claim(text, "nine out of 10").value) == (
        "percent",
        90.0,
    )


def test_so_many_in_so_many_days_is_not_a_share() -> None:
    claims = _claims("The Orrin ferry sailed three in four days last week.")
    assert all(claim.kind != "percent" for claim in claims)


def test_shares_in_words_off_reads_two_counts() -> None:
    params = replace(FactParams(), shares_in_words=False)
    claims = _claims("Three in four Orrin residents backed the plan.", params)
    assert [(claim.kind, claim.value) for claim in claims] == [("count", 3.0), ("count", 4.0)]


def test_a_speed_per_second_is_a_speed() -> None:
    text = "The Arden probe moves at 17 km per second, Vell said; the comet at 40 miles per second."
    assert (_claim(text, "17 km per second").value, _claim(text, "17 km per second").unit) == (
        17000.0,
        "m/s",
    )
    assert _claim(text, "40 miles per second").value == pytest.approx(40 * 1609.344)


def test_a_number_naming_a_kind_of_thing_is_no_count() -> None:
    text = "An 18-seater Tarn bus and a four-bed house on Kell Road were hit; 23 were hurt."
    assert [claim.value for claim in _claims(text)] == [23.0]


def test_group_words_still_count_people() -> None:
    text = "The 17,000-strong Orrin workforce elects a 180-member council."
    assert [claim.value for claim in _claims(text)] == [17_000.0, 180.0]


def test_the_age_bounding_a_group_is_no_count() -> None:
    text = "Fifteen of the Ikor sick are children under 12, and residents aged over 65 wait."
    assert [claim.value for claim in _claims(text)] == [15.0]


def test_a_band_word_before_a_number_of_times_leaves_a_count() -> None:
    text = "Kell Road police stopped drivers over 40 times last winter."
    assert [claim.value for claim in _claims(text)] == [40.0]


def test_modifier_numbers_are_labels_off_reads_them_as_counts() -> None:
    params = replace(FactParams(), modifier_numbers_are_labels=False)
    claims = _claims("An 18-seater Tarn bus carried children under 12.", params)
    assert [claim.value for claim in claims] == [18.0, 12.0]


def test_the_age_of_a_thing_in_many_years_is_an_age_in_years() -> None:
    text = "The Varn skull is 72m years old; the Oskby wall was built 2,000 years ago."
    assert [(claim.kind, claim.value, claim.unit) for claim in _claims(text)] == [
        ("age", 72_000_000.0, None),
        ("age", 2000.0, None),
    ]


def test_a_few_years_ago_and_a_history_stay_durations() -> None:
    text = "The Orrin mill closed three years ago, ending its 150-year history."
    assert [claim.unit for claim in _claims(text)] == ["s", "s"]


def test_ages_of_things_in_years_off_reads_a_duration() -> None:
    params = replace(FactParams(), ages_of_things_in_years=False)
    claim = _claim("The Varn skull is 72 million years old.", "72 million years", params)
    assert (claim.kind, claim.unit) == ("quantity", "s")


def _local_dollar_units(texts: list[str]) -> list[list[str | None]]:
    from newsfuse.facts.extract import with_local_dollars

    articles = [
        Article(id=str(index), text=text, published=PUBLISHED) for index, text in enumerate(texts)
    ]
    scanned = with_local_dollars(articles, [scan_claims(article) for article in articles])
    return [[claim.unit for claim in claims if claim.kind == "money"] for claims in scanned]


def test_a_bare_dollar_beside_one_local_dollar_is_that_dollar() -> None:
    texts = ["A Tamsin Park day pass costs S$180.", "Day passes at Tamsin Park cost $180."]
    assert _local_dollar_units(texts) == [["SGD"], ["SGD"]]


def test_an_outlet_naming_the_us_dollar_keeps_its_bare_dollar() -> None:
    texts = [
        "Orrin Mining took an A$180m charge.",
        "Orrin wrote down $180 million, or about US$113 million.",
    ]
    assert _local_dollar_units(texts) == [["AUD"], ["USD", "USD"]]


def test_a_bare_dollar_converting_a_local_amount_stays_usd() -> None:
    texts = [
        "Orrin Mining will spend A$180 million ($120 million) on its Tarn smelter.",
        "Orrin's Tarn smelter will cost A$180 million.",
    ]
    assert _local_dollar_units(texts) == [["AUD", "USD"], ["AUD"]]


def test_two_local_dollars_leave_a_bare_dollar_alone() -> None:
    texts = ["Kell Air paid NZ$5m.", "Kell Air's rival paid A$4m.", "The deal was worth $5m."]
    assert _local_dollar_units(texts) == [["NZD"], ["AUD"], ["USD"]]


def _money_units(params: FactParams) -> set[str | None]:
    articles = [
        Article(id="a", text="A Tamsin Park day pass costs S$180.", published=PUBLISHED),
        Article(id="b", text="Day passes at Tamsin Park cost $180.", published=PUBLISHED),
    ]
    facts = compare_facts(articles, embeddings=False, params=params)
    return {claim.unit for fact in facts for claim in fact.claims if claim.kind == "money"}


def test_by_default_a_bare_dollar_stays_usd_beside_a_local_dollar() -> None:
    assert _money_units(FactParams()) == {"SGD", "USD"}


def test_local_dollars_on_reads_a_bare_dollar_as_the_local_one() -> None:
    assert _money_units(replace(FactParams(), local_dollars=True)) == {"SGD"}


def test_a_time_unit_after_m_means_million_in_a_sentence_of_length() -> None:
    claim = _claim("The Varn dinosaur, 13 metres long, lived some 72m years ago.", "72m years")
    assert (claim.kind, claim.value) == ("age", 72_000_000.0)
