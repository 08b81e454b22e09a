"""Weak pairs of real-news reports and what lifts them: counts given by a measure noun
("the death toll at 3,400", "the number of injured"), counts whose event is an
infinitive under a passive verb ("are believed to have been killed"), and distances
given only as "away" from the place their sentence leaves. Every sentence is invented."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsfuse.facts.describe import Mention, describe_claim
from newsfuse.facts.extract import scan_claims
from newsfuse.facts.params import FactParams
from newsfuse.facts.score import score_pairs
from newsfuse.model import Article


def _mention(text: str, figure: str, params: FactParams = FactParams()) -> Mention:
    from newsfuse.facts.entities import parse_articles

    article = Article(id="a", text=text, source="The Marlow Courier")
    doc = parse_articles([article])[0]
    claim = next(c for c in scan_claims(article) if c.text == figure)
    return describe_claim(claim, doc, params)


@pytest.mark.parametrize(
    ("text", "figure", "measured"),
    [
        ("Thousands died, with the Marlow Trust putting the toll at 3,400.", "3,400", "toll"),
        ("The death toll from the Oskby floods rose to 46 on Monday.", "46", "death"),
        ("The number of injured in Kellmouth stood at 112 by noon.", "112", "injure"),  # its lemma
        # A counted noun of its own: no measure noun to read.
        ("Some 300 villagers left Fernhill on Sunday.", "300", ""),
    ],
)
def test_a_count_given_by_a_measure_noun_carries_what_the_measure_counts(
    text: str, figure: str, measured: str
) -> None:
    mention = _mention(text, figure)
    assert mention.measured == measured
    if measured:
        assert mention.head == ""  # the measure noun is still no counted noun


def test_a_passive_verb_passes_the_figure_on_to_its_infinitive() -> None:
    text = "At least 3,000 villagers are believed to have been killed in the Oskby raid."
    mention = _mention(text, "3,000")
    assert mention.verb == "kill"
    context = dict(mention.context)
    assert context["kill"] >= FactParams().concept_strong_weight  # a head-chain word now
    off = _mention(text, "3,000", replace(FactParams(), passive_complement_names_event=False))
    assert off.verb == "believe"
    assert dict(off.context)["kill"] < context["kill"]


def test_the_passive_verb_keeps_a_figure_outside_its_subject() -> None:
    # The figure is in a phrase of the passive verb, not in the subject it passes on.
    text = "The villagers were ordered by 12 officers to leave Fernhill."
    assert _mention(text, "12").verb == "order"


TOLL = "Thousands died, with the Marlow Trust putting the toll at 3,400 after the Oskby raid."
PEOPLE = "At least 6,000 people are believed to have been killed in the Oskby raid."
HURT = "At least 6,000 people are believed to have been hurt in the Oskby raid."


def _pair_score(first: str, second: str, figures: tuple[str, str], params: FactParams) -> float:
    from newsfuse.facts.entities import parse_articles

    articles = [
        Article(id="a", text=first, source="The Marlow Courier"),
        Article(id="b", text=second, source="Kellmouth Daily"),
    ]
    docs = parse_articles(articles)
    mentions = [
        describe_claim(next(c for c in scan_claims(article) if c.text == figure), doc, params)
        for article, doc, figure in zip(articles, docs, figures, strict=True)
    ]
    return float(score_pairs(mentions, None, None, params)[0, 1])


def test_a_death_toll_pairs_better_with_people_killed_when_the_measure_counts_them() -> None:
    params = FactParams()
    on = _pair_score(TOLL, PEOPLE, ("3,400", "6,000"), params)
    off = _pair_score(
        TOLL, PEOPLE, ("3,400", "6,000"), replace(params, measures_match_what_they_count=0.0)
    )
    assert on > off + 0.1
    # A toll counts deaths, not injuries: people hurt get no such match.
    hurt = _pair_score(TOLL, HURT, ("3,400", "6,000"), params)
    assert hurt < on - 0.1


LEFT = "The lion escaped from the Telvar reserve and was shot in Osk, 12 miles away."
FROM_RESERVE = "Rangers said the lion was killed 30km from the reserve."
FROM_CITY = "Rangers cornered the lion in Osk, 20 miles from Telvar, the capital."


def test_away_gives_its_weight_to_the_place_it_stands_for() -> None:
    mention = _mention(LEFT, "12 miles")
    context = dict(mention.context)
    assert "away" not in context
    assert context["reserv"] >= FactParams().syntax_boost * FactParams().syntax_min_decay
    off = _mention(LEFT, "12 miles", replace(FactParams(), away_is_from_place_left=False))
    assert "away" in dict(off.context)
    assert dict(off.context).get("reserv", 0.0) < context["reserv"]


def test_a_distance_away_pairs_with_one_from_the_place_left_not_from_elsewhere() -> None:
    params = FactParams()
    reserve = _pair_score(LEFT, FROM_RESERVE, ("12 miles", "30km"), params)
    city = _pair_score(LEFT, FROM_CITY, ("12 miles", "20 miles"), params)
    assert reserve > city
    # The penalty alone: the same pair from the capital, with and without it.
    unpenalised = _pair_score(
        LEFT, FROM_CITY, ("12 miles", "20 miles"), replace(params, anchor_mismatch_penalty=0.0)
    )
    assert unpenalised - city == pytest.approx(params.anchor_mismatch_penalty)


def test_a_measure_of_the_same_noun_gets_no_second_match() -> None:
    # "the number of troops" already shares "troops" with "560 troops" in the plain
    # cosine; a soft match on top would count it twice.
    total = "The deployment will take the number of Osk troops in Telvar to 5,000."
    increment = "Telvar will receive 560 troops from Osk next month."
    params = FactParams()
    on = _pair_score(total, increment, ("5,000", "560"), params)
    off = _pair_score(
        total, increment, ("5,000", "560"), replace(params, measures_match_what_they_count=0.0)
    )
    assert on == pytest.approx(off)
