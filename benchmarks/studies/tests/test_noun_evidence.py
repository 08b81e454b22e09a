"""The noun-evidence study's readings: sentences, inherited nouns, the four signals, labels."""

from __future__ import annotations

from collections import Counter
from types import SimpleNamespace

from newsfuse.model import Claim
from study_scripts import load_study

study = load_study("noun_evidence")

TEXT_A = "The Harlow Dome sold 8,200 seats. Every one of the 8,200 tickets went in an hour."
TEXT_B = "Organisers said 9,100 tickets were sold. Later, 3 buses were added."


def _mention(article: str, text: str, value: float, head: str, at: int = 0) -> SimpleNamespace:
    claim = Claim(article, at, at + len(text), text, "count", value)
    return SimpleNamespace(claim=claim, head=head, dimension="count:", role="")


class _Evaluator:
    @staticmethod
    def value_matches(expected: dict, claim: dict) -> bool:
        return bool(expected["value"] == claim["value"])


def test_sentences_split_at_end_punctuation_and_line_breaks() -> None:
    text = "One crowd. Two fans!\nThree seats"
    spans = study.sentence_spans(text)
    assert [text[a:b] for a, b in spans] == ["One crowd.", "Two fans!", "Three seats"]


def test_an_article_knows_the_stems_of_each_sentence_and_where_an_offset_falls() -> None:
    words = study.ArticleWords(TEXT_A)
    assert words.sentence_of(TEXT_A.index("tickets")) == 1
    assert study.stems("tickets") <= words.sentences[1]
    assert study.stems("tickets").isdisjoint(words.sentences[0])
    assert study.stems("seats") <= words.all


def test_a_figure_without_a_noun_inherits_the_nearest_earlier_noun_of_its_kind() -> None:
    mentions = [
        _mention("a", "40 ferries", 40, "ferri", at=0),
        _mention("a", "12 barges", 12, "barg", at=20),
        _mention("a", "nine", 9, "", at=40),
        _mention("b", "seven", 7, "", at=0),
    ]
    assert study.inherited_heads(mentions) == ["ferri", "barg", "barg", ""]


def test_a_value_repeated_with_the_other_noun_in_its_article_is_signal_c() -> None:
    seats = _mention("a", "8,200", 8200, study.stems("seats").pop(), TEXT_A.index("8,200"))
    again = _mention("a", "8,200", 8200, study.stems("tickets").pop(), TEXT_A.rindex("8,200"))
    tickets = _mention("b", "9,100", 9100, study.stems("tickets").pop(), TEXT_B.index("9,100"))
    mentions = [seats, again, tickets]
    words = {"a": study.ArticleWords(TEXT_A), "b": study.ArticleWords(TEXT_B)}
    found = study.noun_signals(0, 2, mentions, words, study.inherited_heads(mentions))
    assert found["c_value"] and found["a_next"] and found["a_article"]
    assert not found["a_sentence"]  # "tickets" is in the next sentence, not the seats' one
    assert not found["b_pair"] and not found["d_inherit"]
    assert found["b_c_d"]


def test_two_nouns_stated_of_one_other_figure_are_signal_b() -> None:
    seat, ticket = study.stems("seats").pop(), study.stems("tickets").pop()
    mentions = [
        _mention("a", "500", 500, seat),
        _mention("b", "650", 650, ticket),
        _mention("c", "1,200", 1200, seat, at=30),
        _mention("d", "1,200", 1200, ticket, at=30),
    ]
    words = {name: study.ArticleWords("Nothing here.") for name in "abcd"}
    found = study.noun_signals(0, 1, mentions, words, study.inherited_heads(mentions))
    assert found["b_pair"] and not found["c_value"] and not found["a_article"]


def test_pairs_are_labelled_by_the_facts_that_hold_both_claims() -> None:
    expected = [
        {"status": "conflict", "claims": {"a": {"value": 8200}, "b": {"value": 9100}}},
        {"status": "agree", "claims": {"a": {"value": 3}, "b": {"value": 3}}},
    ]
    odd = _mention("a", "8,200", 8200, "seat")
    other = _mention("b", "9,100", 9100, "ticket")
    look_alike = _mention("b", "3", 3, "bus")
    unlabelled = _mention("b", "77", 77, "bus")
    assert study.pair_label(odd, other, expected, _Evaluator) == "true"
    assert study.pair_label(odd, look_alike, expected, _Evaluator) == "apart"
    assert study.pair_label(odd, unlabelled, expected, _Evaluator) is None
    assert study.pair_label(odd, other, None, _Evaluator) == "audit"
    same = _mention("b", "8,200", 8200, "ticket")
    assert study.pair_label(odd, same, None, _Evaluator) is None  # would agree, not conflict


def test_a_look_alike_costs_more_than_a_found_pair_gains() -> None:
    assert study.gain(Counter(true=2, agree=1, apart=1)) == 3 - study.COST
    rows = [
        {"label": "true", "c_value": True, "gap": 0.15},
        {"label": "apart", "c_value": True, "gap": 0.05},
        {"label": "true", "c_value": False, "gap": 0.0},
    ]
    assert study.tally(rows, "c_value", 0.1) == Counter(apart=1)
    assert study.tally(rows, "c_value") == Counter(true=1, apart=1)


def test_the_same_two_figures_stated_twice_count_once() -> None:
    row = {"set": "s", "cluster": 1, "key": (("a", "5", None), ("b", "6", None))}
    assert study._unique([row, dict(row), {**row, "cluster": 2}]) == [row, {**row, "cluster": 2}]
