"""Figures the extractor used to drop or mistype (issue 14, extract12): a count hyphened
to beds or seats that sizes a building, a bare fraction word after a change or a hedge,
and an age statistic. Each class is switched by a ``FactParams`` field; every test reads
invented events, places and people."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from newsfuse.facts import FactParams, compare_facts
from newsfuse.facts.extract import scan_claims
from newsfuse.model import Article, Claim

PUBLISHED = datetime(2026, 5, 6, 9, 0, tzinfo=UTC)


def _claims(text: str, params: FactParams = FactParams()) -> list[Claim]:
    return [
        claim
        for claim in scan_claims(Article(id="a", text=text, published=PUBLISHED), params=params)
        if claim.kind != "date"
    ]


def test_a_large_count_hyphened_to_beds_counts_the_beds() -> None:
    (claim,) = _claims("Orrin Vale General, a 520-bed teaching hospital, was hit.")
    assert (claim.text, claim.kind, claim.value, claim.attribute) == ("520", "count", 520.0, "bed")


def test_the_three_ways_of_stating_a_venue_capacity_share_one_attribute() -> None:
    text = (
        "The 41,500-capacity Kessel Park was full. The ground, which holds 41,500, is old. "
        "Critics of the 41,500-seat venue complained."
    )
    claims = _claims(text)
    assert [(claim.value, claim.attribute) for claim in claims] == [(41500.0, "capac")] * 3


def test_a_small_count_hyphened_to_beds_or_seats_stays_a_design_label() -> None:
    text = "They bought a four-bed house, a 12-seat minibus and a 60-bed caravan site map."
    assert _claims(text) == []


def test_holding_a_counted_noun_is_not_named_a_capacity() -> None:
    (claim,) = _claims("Brackwater, a jail holding about 730 men, was locked down.")
    assert claim.attribute == ""


def test_capacity_compounds_off_leaves_the_hyphened_beds_a_label() -> None:
    params = replace(FactParams(), capacity_compounds=False)
    assert _claims("Orrin Vale General, a 520-bed teaching hospital, was hit.", params) == []


def test_a_fraction_word_after_a_change_or_a_hedge_is_a_share() -> None:
    text = "Output at the Ketterby plant was cut by roughly a third. Fares rose by a fifth in May."
    assert [(claim.text, claim.value, claim.unit) for claim in _claims(text)] == [
        ("a third", 33.33, "%"),
        ("a fifth", 20.0, "%"),
    ]


def test_a_fraction_word_before_a_noun_stays_an_ordinal() -> None:
    text = "Police switched to a third vehicle on the fifth day. It was a third day of rain."
    assert [claim.unit for claim in _claims(text)] == []


def test_bare_fraction_shares_off_reads_only_a_third_of() -> None:
    params = replace(FactParams(), bare_fraction_shares=False)
    assert _claims("Output at the Ketterby plant was cut by roughly a third.", params) == []


def test_a_figure_after_median_age_is_an_age_with_or_without_years() -> None:
    text = "In Orlavia the median age rose to 38.4 years. The median age is now 38.4."
    claims = _claims(text)
    assert [(claim.kind, claim.value, claim.attribute) for claim in claims] == [
        ("age", 38.4, "median")
    ] * 2


def test_an_average_age_is_named_apart_from_a_median_age() -> None:
    (claim,) = _claims("Their average age was 9, the Orlavia clinic said.")
    assert (claim.kind, claim.attribute) == ("age", "averag")


def test_a_level_told_as_a_hedged_fraction_word_stays_unread() -> None:
    assert _claims("The share of Orlavia residents has risen to roughly a fifth.") == []


def test_an_age_statistic_stops_at_the_first_figure_and_at_other_units() -> None:
    text = "The average age of patients was 6.2 years (range = 5 months-20 years)."
    kinds = [(claim.text, claim.kind) for claim in _claims(text)]
    assert kinds == [("6.2 years", "age"), ("5 months", "quantity"), ("20 years", "quantity")]


def test_statistic_ages_off_reads_years_as_a_duration() -> None:
    params = replace(FactParams(), statistic_ages=False)
    (claim,) = _claims("In Orlavia the median age rose to 38.4 years.", params)
    assert (claim.kind, claim.unit) == ("quantity", "s")


def test_an_age_statistic_reaches_over_what_it_is_of() -> None:
    (claim,) = _claims("The average age for children stricken with Orlan fever is 8 and rising.")
    assert (claim.kind, claim.value, claim.attribute) == ("age", 8.0, "averag")


def _verdicts(texts: list[str], params: FactParams = FactParams()) -> list[tuple[str, str]]:
    articles = [
        Article(id=f"a{i}", text=text, source=f"Outlet {i}", published=PUBLISHED)
        for i, text in enumerate(texts)
    ]
    facts = compare_facts(articles, embeddings=False, params=params)
    return [
        (fact.status, " / ".join(claim.text for claim in fact.claims))
        for fact in facts
        if fact.kind == "percent" and len(fact.claims) > 1
    ]


def test_a_fraction_word_agrees_with_the_whole_percentage_it_rounds_to() -> None:
    texts = [
        "Tram fares in Ketterby were cut by a third on Monday, the Orlan council said.",
        "The Orlan council said on Monday that Ketterby tram fares were cut by 33%.",
    ]
    assert _verdicts(texts) == [("agree", "a third / 33%")]


def test_two_thirds_agrees_with_67_percent_and_a_third_still_conflicts_with_40() -> None:
    agreeing = [
        "Two-thirds of Ketterby voters backed the tram plan, the Orlan council said on Monday.",
        "Some 67% of Ketterby voters backed the tram plan, the Orlan council said on Monday.",
    ]
    assert [status for status, _ in _verdicts(agreeing)] == ["agree"]
    conflicting = [
        "Tram fares in Ketterby were cut by a third on Monday, the Orlan council said.",
        "The Orlan council said on Monday that Ketterby tram fares were cut by 40%.",
    ]
    assert [status for status, _ in _verdicts(conflicting)] == ["conflict"]


def test_fraction_words_use_tolerance_off_holds_a_third_to_exactly_33() -> None:
    params = replace(FactParams(), fraction_words_use_tolerance=False)
    texts = [
        "Tram fares in Ketterby were cut by a third on Monday, the Orlan council said.",
        "The Orlan council said on Monday that Ketterby tram fares were cut by 33%.",
    ]
    assert [status for status, _ in _verdicts(texts, params)] == ["conflict"]


def test_an_age_statistic_of_a_possessed_group_keeps_its_noun_in_the_subject() -> None:
    texts = [
        "Tarlow Air said on Monday that the average age of its fleet is 11 years.",
        "The average age of its fleet is 14 years, Tarlow Air said on Monday.",
    ]
    articles = [
        Article(id=f"a{i}", text=text, source=f"Outlet {i}", published=PUBLISHED)
        for i, text in enumerate(texts)
    ]
    (fact,) = [f for f in compare_facts(articles, embeddings=False) if f.kind == "age"]
    assert fact.subject == "average age of its fleet"
