"""Pair scores of claims (newsfuse.facts.score): the transposed-digits signal, the
same-value bonus by stated digits."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from newsfuse.facts.describe import Mention
from newsfuse.facts.params import FactParams
from newsfuse.facts.score import (
    _casualty_kinds_clash,
    _transposed,
    add_same_value_bonus,
    score_pairs,
    stated_digits,
)
from newsfuse.facts.synonymy import WORDNET_DIR
from newsfuse.model import Article, Claim


def _claim(text: str, value: float, unit: str | None = None) -> Claim:
    return Claim("a", 0, len(text), text, "count" if unit is None else "money", value, unit)


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        # Invented figures: the same digits in another order are a transposition.
        (_claim("2,689", 2689), _claim("2,869", 2869), True),
        (_claim("Rs 38,400 cr", 3.84e11, "INR"), _claim("Rs 34,800 cr", 3.48e11, "INR"), True),
        (_claim("187", 187), _claim("178", 178), True),
        # Two digits swap by chance; the same figure is no transposition; other digits are not.
        (_claim("12", 12), _claim("21", 21), False),
        (_claim("2,689", 2689), _claim("2,689", 2689), False),
        (_claim("2,689", 2689), _claim("2,698", 2698), True),
        (_claim("2,689", 2689), _claim("2,679", 2679), False),
        (_claim("$410m", 4.1e8, "USD"), _claim("410", 410), False),
    ],
)  # fmt: skip
def test_transposed_digits(first: Claim, second: Claim, expected: bool) -> None:
    assert _transposed(first, second) == expected


def _injured(article: str, value: float, verb: str) -> Mention:
    claim = Claim(article, 0, 2, str(int(value)), "count", value)
    return Mention(claim, "count:", "peopl", (), (("peopl", 1.0),), "NUMBER", False, True, False,
                   head_word="people", verb=verb)  # fmt: skip


@pytest.mark.skipif(not (WORDNET_DIR / "index.verb").is_file(), reason="wordnet-base absent")
def test_related_governing_verbs_raise_the_pair_score() -> None:
    # Invented figures: "14 people were hurt" against "16 people were wounded".
    params = FactParams()

    def score(first_verb: str, second_verb: str) -> float:
        pair = [_injured("a", 14, first_verb), _injured("b", 16, second_verb)]
        return float(score_pairs(pair, None, None, params)[0, 1])

    assert score("hurt", "wound") == pytest.approx(
        score("hurt", "sing") + params.verb_related_bonus
    )
    assert score("land", "set down") > score("land", "sing")
    assert score("rise", "fall") == pytest.approx(score("rise", "sing"))
    assert score("hurt", "hurt") == pytest.approx(score("hurt", "sing"))  # shared words count it


def test_the_governing_verb_is_described_with_its_particle() -> None:
    # Invented events: a count under a passive verb, a time under a phrasal verb.
    from newsfuse.facts.describe import describe_claim
    from newsfuse.facts.extract import scan_claims
    from newsfuse.facts.nlp import load_pipeline

    def verbs(text: str) -> list[str]:
        article = Article(id="a", text=text, title="", source="Outlet a", published=None)
        doc = load_pipeline()(article.text)
        return [describe_claim(c, doc, FactParams()).verb for c in scan_claims(article)]

    assert "hurt" in verbs("Fourteen people were hurt when a ferry hit the pier in Dunmore.")
    assert "set down" in verbs("The glider set down 12 miles from Tarnow airfield.")


def _event_day(article: str, day: str, event: tuple[str, str] | tuple[()]) -> Mention:
    claim = Claim(article, 0, 6, day, "date", day)
    return Mention(claim, "date:", "", (), (("bridg", 1.0),), "DATE", False, True, False,
                   event=event)  # fmt: skip


@pytest.mark.skipif(not (WORDNET_DIR / "index.verb").is_file(), reason="wordnet-base absent")
def test_days_of_unrelated_events_by_unrelated_actors_are_kept_apart() -> None:
    # Invented: "a span collapsed on Monday" against "divers on Tuesday pulled ...".
    params = FactParams()
    off = FactParams(dates_of_unrelated_events_differ=False)

    def score(first: tuple[str, str] | tuple[()], second: tuple[str, str] | tuple[()],
              chosen: FactParams = params) -> float:  # fmt: skip
        pair = [_event_day("a", "2031-03-03", first), _event_day("b", "2031-03-04", second)]
        return float(score_pairs(pair, None, None, chosen)[0, 1])

    collapse, pull = ("collapse", "span"), ("pull", "diver")
    assert score(collapse, pull) == pytest.approx(
        score(collapse, pull, off) - params.date_role_penalty
    )
    # One actor told with two verbs, or a noun naming the event, may still be one day.
    assert score(("bring", "miner"), ("rescue", "man")) == pytest.approx(
        score(("bring", "miner"), ("rescue", "man"), off)
    )
    assert score((), pull) == pytest.approx(score((), pull, off))


def test_a_date_event_is_its_verb_and_subject_past_nouns_of_time() -> None:
    from conftest import parsed_figure
    from newsfuse.facts.date_roles import date_event
    from newsfuse.facts.synonymy import load_wordnet

    if load_wordnet() is None:
        pytest.skip("WordNet's files are not installed")
    sentence = "A span of the Quillon footbridge collapsed during the Monday evening rush hour."
    assert date_event(parsed_figure(sentence, "Monday")) == ("collapse", "span")
    sentence = "Divers on Tuesday pulled two cars from the Quillon river."
    assert date_event(parsed_figure(sentence, "Tuesday")) == ("pull", "diver")
    sentence = "Mourners remembered the two people killed in Monday's collapse of the footbridge."
    assert date_event(parsed_figure(sentence, "Monday")) == ()


@pytest.mark.parametrize(
    ("text", "value", "digits"),
    [("23,417", 23417, 5), ("17,000", 17000, 2), ("$4.5bn", 4.5e9, 2), ("105", 105, 3),
     ("fourteen", 14, 0), ("0.25 percent", 0.25, 2)],
)  # fmt: skip
def test_stated_digits_count_significant_digits(text: str, value: float, digits: int) -> None:
    assert stated_digits(_claim(text, value)) == digits


def test_an_exact_many_digit_figure_shared_by_two_reports_scores_higher() -> None:
    # Invented vote counts: "23,417" stated in two reports against "17,000" in two.
    params = FactParams()
    flat = FactParams(exact_digits_tell_more=False)

    def bonus(text: str, value: float, params: FactParams) -> float:
        pair = [
            replace(_injured(article, value, "win"), claim=Claim(article, 0, len(text), text,
                                                                 "count", value))
            for article in ("a", "b")
        ]  # fmt: skip
        raw = score_pairs(pair, None, None, params)
        return float(add_same_value_bonus(raw.copy(), pair, params)[0, 1] - raw[0, 1])

    assert bonus("23,417", 23417, params) == pytest.approx(bonus("23,417", 23417, flat) * 5 / 3)
    assert bonus("17,000", 17000, params) == pytest.approx(bonus("17,000", 17000, flat))


def _age(article: str, value: int, person: str, words: str) -> Mention:
    claim = Claim(article, 0, 2, str(value), "age", value)
    return Mention(claim, "age:", "", (), ((words, 1.0),), words, False, False, False,
                   person=person)  # fmt: skip


def test_the_only_ages_two_articles_give_one_person_reach_the_dispute_bar() -> None:
    # Invented: "Carl Denholm, 58, pleaded guilty" against "The 61-year-old wept", whose
    # words share nothing.
    params = FactParams()
    pair = [_age("a", 58, "denholm", "plead"), _age("b", 61, "denholm", "weep")]
    assert score_pairs(pair, None, None, params)[0, 1] >= params.dispute_threshold
    off = score_pairs(pair, None, None, FactParams(one_age_per_person=False))[0, 1]
    assert off < params.dispute_threshold
    # A second age the first article gives the same name (a son's, say) is no longer sure.
    crowded = [*pair, _age("a", 12, "denholm", "son")]
    crowded_off = score_pairs(crowded, None, None, FactParams(one_age_per_person=False))
    assert score_pairs(crowded, None, None, params)[0, 1] == pytest.approx(crowded_off[0, 1])
    # Different people keep their own scores.
    other = [_age("a", 58, "denholm", "plead"), _age("b", 61, "harker", "weep")]
    assert score_pairs(other, None, None, params)[0, 1] < params.dispute_threshold


def _date(article: str, day: str, words: str) -> Mention:
    claim = Claim(article, 0, 2, day, "date", day)
    return Mention(claim, "date:", "", (), ((words, 1.0),), words, False, False, False)


def test_the_one_day_ahead_each_report_names_scores_as_its_next_step() -> None:
    # Invented: "a hearing will be held on March 3" / "proceedings are listed for March 10",
    # both reports published on February 20, each also naming a past day.
    published = {"a": datetime(2031, 2, 20), "b": datetime(2031, 2, 21)}
    hearing = _date("a", "2031-03-03", "hold")
    listed = _date("b", "2031-03-10", "list")
    jailed = [_date("a", "2031-02-19", "jail"), _date("b", "2031-02-19", "jail")]
    params = FactParams()
    off = FactParams(only_upcoming_dates_pair=False)
    mentions = [hearing, listed, *jailed]
    on_score = score_pairs(mentions, None, published, params)[0, 1]
    assert on_score == pytest.approx(
        score_pairs(mentions, None, published, off)[0, 1] + params.unique_bonus
    )
    # A second day ahead in one report leaves it unsure which is the step.
    crowded = [*mentions, _date("a", "2031-04-01", "open")]
    assert score_pairs(crowded, None, published, params)[0, 1] == pytest.approx(
        score_pairs(crowded, None, published, off)[0, 1]
    )
    # Without publication times no day is known to lie ahead.
    assert score_pairs(mentions, None, None, params)[0, 1] == pytest.approx(
        score_pairs(mentions, None, None, off)[0, 1]
    )


def _casualties(article: str, value: float, verb: str, context: dict[str, float]) -> Mention:
    claim = Claim(article, 0, 2, str(int(value)), "count", value)
    return Mention(claim, "count:", "passeng", (), tuple(sorted(context.items())), "NUMBER",
                   False, True, False, head_word="passenger", verb=verb)  # fmt: skip


def test_counts_of_different_casualties_are_kept_apart() -> None:
    # Invented ferry: "four injured passengers died" counts dead, not injured, although
    # its modifier ("injured") stands nearer than its verb.
    died = _casualties("a", 4, "die", {"<injury>": 1.4, "injur": 1.4, "<death>": 1.0, "die": 1.0})
    hurt = _casualties("b", 31, "injure", {"<injury>": 1.4, "injur": 1.4})
    toll = _casualties("c", 31, "rise", {"<death>": 0.7, "death": 0.7, "toll": 0.7})
    params = FactParams()
    off = replace(params, casualty_kind_clash_penalty=0.0)

    def score(first: Mention, second: Mention, chosen: FactParams) -> float:
        return float(score_pairs([first, second], None, None, chosen)[0, 1])

    assert score(died, hurt, params) == pytest.approx(
        score(died, hurt, off) - params.casualty_kind_clash_penalty
    )
    # "the death toll rose to 31": no casualty verb, so its strongest casualty word counts.
    assert score(died, toll, params) == pytest.approx(score(died, toll, off))
    assert score(hurt, toll, params) < score(hurt, toll, off)


def test_two_margins_get_the_margin_bonus() -> None:
    # Invented race: "won by 12 seconds" against "a winning margin of 14 seconds".
    def margin(article: str, value: float, is_margin: bool) -> Mention:
        claim = Claim(article, 0, 2, str(int(value)), "quantity", value, "s")
        return Mention(claim, "quantity:s", "", (), (("win", 1.0),), "NUMBER", False, False,
                       False, margin=is_margin)  # fmt: skip

    params = FactParams()

    def score(first: Mention, second: Mention) -> float:
        return float(score_pairs([first, second], None, None, params)[0, 1])

    both = score(margin("a", 12, True), margin("b", 14, True))
    assert both == pytest.approx(score(margin("a", 12, True), margin("b", 14, False)) + 0.15)


def test_an_increment_is_kept_from_the_figure_its_article_adds_it_to() -> None:
    # Invented outbreak: "9 deaths" (a) against "the toll climbed to 13" and "four more
    # deaths" (b): 9 + 4 = 13, so "four more" is what was added, not a rival of 9.
    def deaths(article: str, value: float, role: str) -> Mention:
        claim = Claim(article, int(value), int(value) + 1, str(int(value)), "count", value)
        return Mention(claim, "count:", "death", (), (("death", 1.0),), "NUMBER", False, False,
                       False, role=role)  # fmt: skip

    earlier, total, more = deaths("a", 9, ""), deaths("b", 13, ""), deaths("b", 4, "increment")
    params = FactParams()
    off = replace(params, increment_beside_total_penalty=0.0)
    with_total = score_pairs([earlier, total, more], None, None, params)
    without = score_pairs([earlier, total, more], None, None, off)
    assert with_total[0, 2] == pytest.approx(without[0, 2] - params.increment_beside_total_penalty)
    assert with_total[0, 1] == pytest.approx(without[0, 1])
    # No total beside the increment: no penalty.
    alone = score_pairs([earlier, more], None, None, params)
    assert alone[0, 1] == pytest.approx(score_pairs([earlier, more], None, None, off)[0, 1])


def _killed(article: str, value: float, head: str, head_word: str) -> Mention:
    claim = Claim(article, 0, 2, str(int(value)), "count", value)
    context = ((head, 1.5), ("kill", 1.2), ("<death>", 1.2))
    return Mention(claim, "count:", head, (), context, "NUMBER", False, True, False,
                   head_word=head_word, verb="kill")  # fmt: skip


@pytest.mark.skipif(not (WORDNET_DIR / "index.noun").is_file(), reason="wordnet-base absent")
def test_people_meets_a_kind_of_person_as_a_counted_noun() -> None:
    # Invented figures: "15 villagers were killed" against "killing at least 17 people".
    def score(other_head: str, other_word: str, weight: float) -> float:
        params = replace(FactParams(), people_matches_kinds_of_person=weight)
        pair = [_killed("a", 15, "peopl", "people"), _killed("b", 17, other_head, other_word)]
        return float(score_pairs(pair, None, None, params)[0, 1])

    assert score("villager", "villager", 1.0) > score("villager", "villager", 0.0)
    # A thing counted is no kind of person: "17 schools" gains nothing.
    assert score("school", "school", 1.0) == pytest.approx(score("school", "school", 0.0))


@pytest.mark.skipif(not (WORDNET_DIR / "index.noun").is_file(), reason="wordnet-base absent")
def test_a_counted_noun_meets_a_kind_of_it() -> None:
    # Invented figures: "12 ferries sank" against "14 vessels sank".
    def score(head: str, word: str, weight: float) -> float:
        params = replace(FactParams(), kinds_match_their_class=weight)
        pair = [_killed("a", 12, "vessel", "vessel"), _killed("b", 14, head, word)]
        return float(score_pairs(pair, None, None, params)[0, 1])

    assert score("ferri", "ferry", 1.0) > score("ferri", "ferry", 0.0)
    # Neither a kind of the other ("vessels" / "passengers"): nothing gained.
    assert score("passeng", "passenger", 1.0) == pytest.approx(score("passeng", "passenger", 0.0))


def _casualty_count(article: str, value: int, clause: str, context: dict[str, float]) -> Mention:
    claim = Claim(article, 0, 2, str(value), "count", value)
    return Mention(claim, "count:", "peopl", (), tuple(sorted(context.items())), clause, False,
                   True, False, head_word="people", verb="leave")  # fmt: skip


# Invented crash: "left three people dead and at least six injured"; the parse gives the
# coordinated "dead" more weight than the "injured" right after the six.
SIX_INJURED = _casualty_count(
    "a", 6, "leaving three people dead and at least NUMBER injured.",
    {"<death>": 1.0, "dead": 1.0, "<injury>": 0.84, "injur": 0.84},
)  # fmt: skip
FOUR_DEAD = _casualty_count(
    "b", 4, "a pile-up near Ostra that left NUMBER dead, including", {"<death>": 0.84}
)


def test_the_word_after_a_count_names_its_casualty() -> None:
    assert _casualty_kinds_clash(SIX_INJURED, FOUR_DEAD, 0.7, word_after=True)
    assert not _casualty_kinds_clash(SIX_INJURED, FOUR_DEAD, 0.7, word_after=False)


def test_the_word_after_a_counts_noun_names_its_casualty_too() -> None:
    three_dead = replace(SIX_INJURED, clause="the crash left NUMBER people dead and six injured")
    assert not _casualty_kinds_clash(three_dead, FOUR_DEAD, 0.7, word_after=True)
    assert _casualty_kinds_clash(three_dead, replace(SIX_INJURED, claim=FOUR_DEAD.claim), 0.7, True)


def test_a_count_followed_by_no_casualty_word_keeps_its_context() -> None:
    # "NUMBER of them": no casualty after the count, so its strongest word ("dead") stands.
    of_them = replace(SIX_INJURED, clause="left NUMBER of them injured or dead")
    assert not _casualty_kinds_clash(of_them, FOUR_DEAD, 0.7, word_after=True)
