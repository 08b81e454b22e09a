"""A figure's mood and unplaced days of a month (newsfuse.facts.roles), on parsed sentences."""

from __future__ import annotations

from dataclasses import replace

import pytest

from conftest import parsed_figure
from newsfuse.facts.describe import Mention
from newsfuse.facts.params import FactParams
from newsfuse.facts.roles import (
    figure_mood,
    is_change_size,
    is_classified_part,
    is_day_of_month,
    is_earlier_figure,
)
from newsfuse.facts.synonymy import load_wordnet
from newsfuse.facts.verdict import is_clear_dispute
from newsfuse.model import Claim


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        ("If 25 per cent of the Ferngate shareholders vote against, the board must listen.", "25"),
        ("Taken as a lump sum, the Brindle jackpot would be 316 million dollars.", "316"),
        ("The Tollis council could hire 40 more wardens next spring.", "40"),
    ],
)
def test_conditional_and_possible_figures_are_hypothetical(sentence: str, number: str) -> None:
    assert figure_mood(parsed_figure(sentence, number)) == "hypothetical"


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        ("Officials in Marrowby said the flood displaced 1,200 residents.", "1,200"),
        (
            "An earlier Quarrel County estimate said the bridge would cost 140 million dollars.",
            "140",
        ),
    ],
)
def test_reported_figures_are_not_hypothetical(sentence: str, number: str) -> None:
    assert figure_mood(parsed_figure(sentence, number)) == ""


def test_what_a_source_had_earlier_said_is_an_earlierparsed_figure() -> None:
    earlier = "A Dunlow police spokesman had earlier said that 10 people were wounded."
    current = "A Dunlow police spokesman said that 8 people were wounded."
    assert is_earlier_figure(parsed_figure(earlier, "10"))
    assert not is_earlier_figure(parsed_figure(current, "8"))


def test_a_number_after_a_month_is_its_day() -> None:
    assert is_day_of_month(
        parsed_figure("The Ostrava Vale hearing is set for April 14 in Kellmouth.", "14")
    )
    assert not is_day_of_month(parsed_figure("The Kellmouth hearing drew 14 witnesses.", "14"))


def _goals(article: str, value: float, modifiers: tuple[str, ...]) -> Mention:
    claim = Claim(article, 0, 2, str(value), "count", value)
    return Mention(claim, "count:", "goal", modifiers, (), "NUMBER", False, True, False)


def test_a_subgroup_figure_is_not_set_against_the_whole() -> None:
    params = FactParams()
    league = (_goals("a", 11, ("league",)), _goals("b", 14, ()))
    same = (_goals("a", 11, ("league",)), _goals("b", 14, ("league",)))
    additional = (_goals("a", 11, ("additional",)), _goals("b", 14, ()))
    assert not is_clear_dispute(league, 0.9, params)
    assert is_clear_dispute(same, 0.9, params)
    assert is_clear_dispute(additional, 0.9, params)  # a role word, not a subgroup
    assert is_clear_dispute(league, 0.9, replace(params, conflict_needs_same_subgroup=False))


def _instruments(article: str, value: float, modifiers: tuple[str, ...]) -> Mention:
    claim = Claim(article, 0, 2, str(value), "count", value)
    return Mention(
        claim, "count:", "instrument", modifiers, (), "NUMBER", False, True, False,
        head_word="instrument",
    )  # fmt: skip


def test_a_modifier_that_makes_a_wordnet_name_is_no_subgroup() -> None:
    # An invented probe's "eight scientific instruments" against another outlet's "nine
    # instruments": WordNet lists "scientific instrument", so it names the kind.
    if load_wordnet() is None:
        pytest.skip("WordNet's files are not installed")
    params = FactParams()
    named = (_instruments("a", 8, ("scientific",)), _instruments("b", 9, ()))
    restricted = (_instruments("a", 8, ("spare",)), _instruments("b", 9, ()))
    assert is_clear_dispute(named, 0.9, params)
    assert not is_clear_dispute(restricted, 0.9, params)
    assert not is_clear_dispute(named, 0.9, replace(params, subgroup_skips_lexical_names=False))


def test_equal_figures_in_a_group_without_a_clear_dispute_still_agree() -> None:
    from newsfuse.facts.compare import _split_differing

    def percent(article: str, value: float) -> Claim:
        return Claim(article, 0, 4, f"{value}%", "percent", value, "%")

    facts = _split_differing(
        (percent("a", 40), percent("b", 4.8), percent("c", 40)), "fall in prices", FactParams()
    )
    assert [(f.status, [c.article_id for c in f.claims]) for f in facts] == [
        ("agree", ["a", "c"]),
        ("single", ["b"]),
    ]
    alone = _split_differing((percent("a", 40), percent("b", 4.8)), "prices", FactParams())
    assert [f.status for f in alone] == ["differs"]


def test_a_figure_that_sizes_a_group_plays_the_group_role() -> None:
    # Invented race: "a pack of six cyclists" sizes the pack; "two cyclists" counts riders.
    from newsfuse.facts.describe import _role_of

    if load_wordnet() is None:
        pytest.skip("WordNet's files are not installed")

    def role(sentence: str, number: str, params: FactParams) -> str:
        span = parsed_figure(sentence, number)
        noun = next(t for t in span.root.ancestors if t.pos_ == "NOUN")
        return _role_of(span, noun, params)

    pack = "Ilsa Morrow broke away from a pack of six cyclists on the final climb."
    sprint = "The race for third came down to a sprint between two cyclists."
    on = FactParams(group_size_is_a_role=True)
    assert role(pack, "six", on) == "group"
    assert role(sprint, "two", on) == ""
    assert role(pack, "six", FactParams()) == "", "off by default"


def test_a_figure_that_explains_a_change_plays_the_change_role() -> None:
    # Invented ferry: the clause after "rose to 22" gives what was added, not a total.
    from newsfuse.facts.describe import _role_of

    sentence = "The toll of the Velmor ferry sinking rose to 22 after four rescued passengers died."
    four = parsed_figure(sentence, "four")
    noun = next(t for t in four.root.ancestors if t.pos_ == "NOUN")
    assert _role_of(four, noun, FactParams()) == "change"
    assert _role_of(four, noun, FactParams(change_clause_is_increment=False)) == ""
    total = parsed_figure(sentence, "22")
    assert _role_of(total, None, FactParams()) == ""
    told = parsed_figure("Four passengers died after the Velmor ferry sank on Sunday.", "Four")
    assert _role_of(told, None, FactParams()) == ""


@pytest.mark.parametrize(
    ("sentence", "number", "expected"),
    [
        # Invented races and polls: a winner's margin, told five ways.
        ("Odile Brask won by 12 seconds and took the yellow jersey.", "12", True),
        ("Per Anvik beat Rosa Lind by 2,417 votes in the Tarn by-election.", "2,417", True),
        ("Lind finished 9 seconds ahead of Brask on the climb.", "9", True),
        ("Anvik held the seat with a majority of 2,417 votes.", "2,417", True),
        ("Anvik's lead narrowed to 310 votes after the recount.", "310", True),
        # A tally, a change and a growth are no margins.
        ("Anvik won 14,902 votes in the Tarn by-election.", "14,902", False),
        ("Fares on the Tarn ferry rose by 4 per cent.", "4", False),
        ("The Gallow Ridge fire grew by 300 acres overnight.", "300", False),
        ("Pellam Foods said its gross margin widened to 41.2 per cent.", "41.2", False),
        ("The Tarn mayor was given one year behind bars.", "one", False),
    ],
)
def test_a_winners_margin_is_marked(sentence: str, number: str, expected: bool) -> None:
    from newsfuse.facts.describe import is_margin

    assert is_margin(parsed_figure(sentence, number)) is expected


@pytest.mark.parametrize(
    ("sentence", "number", "expected"),
    [
        # Invented derailment and storm: a bare numeral counts the earlier figure's noun.
        ("Three of the Tarn train's five carriages left the rails, and two overturned.",
         "two", "carriages"),
        ("Six hikers died on the Gallow Ridge and four were injured.", "four", "hikers"),
        # "the two" refers back to people named; a numeral with its own noun keeps it.
        ("Odile Brask met Per Anvik, and one witness saw the two leave the Tarn bar.",
         "two", None),
        ("Six hikers died on the Gallow Ridge and four guides were injured.", "four", None),
    ],
)  # fmt: skip
def test_a_bare_numeral_counts_the_noun_of_an_earlier_figure(
    sentence: str, number: str, expected: str | None
) -> None:
    from newsfuse.facts.describe import _elided_noun

    noun = _elided_noun(parsed_figure(sentence, number))
    assert (noun.text if noun is not None else None) == expected


@pytest.mark.parametrize(
    ("sentence", "number", "sized"),
    [
        # Invented firms: a percentage that sizes a change, against the level reached.
        ("Brennick Foods reported a 12 per cent rise in net profit.", "12 per cent", True),
        ("Brennick Foods said its net profit rose 9% in the quarter.", "9%", True),
        ("Net profit was Rs 40 crore, up 9% on the year.", "9%", True),
        ("The new valve cut losses by 31% at the Ostra plant.", "31%", True),
        ("Walkers had a 31% lower risk of falls.", "31%", True),
        ("Brennick Foods said its market share rose to 9% in the quarter.", "9%", False),
        ("Exports make up 9% of Brennick's sales.", "9%", False),
    ],
)
def test_a_percentage_sizing_a_change_is_told_from_a_level(
    sentence: str, number: str, sized: bool
) -> None:
    assert is_change_size(parsed_figure(sentence, number)) is sized


@pytest.mark.parametrize(
    ("sentence", "number", "part"),
    [
        # Invented storm: a part said to be of a sort is a subgroup of a counted group.
        ("Two of the deaths were from falling trees, officials in Veltry said.", "Two", True),
        ("Three of them are in a serious condition at Tarn hospital.", "Three", True),
        ("Three of the passengers died at the scene in Veltry.", "Three", False),
        ("Two of the 40 passengers were from Tarn.", "Two", False),  # the whole is counted
        ("Two deaths were reported in Veltry.", "Two", False),
    ],
)
def test_a_part_said_to_be_of_a_sort_is_a_classified_part(
    sentence: str, number: str, part: bool
) -> None:
    assert is_classified_part(parsed_figure(sentence, number)) is part


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        # Invented towns: the parse hangs the percentage on "year on year" or "month on month".
        ("Residential prices in Ostby grew 3.7% year on year to June.", "3.7%"),
        ("Prices in Ostby rose 0.6% month on month, the index showed.", "0.6%"),
    ],
)
def test_a_percentage_before_a_repeated_period_sizes_the_change(sentence: str, number: str) -> None:
    span = parsed_figure(sentence, number)
    assert is_change_size(span, repeated_periods=True)
    assert not is_change_size(span)  # off: the figure reads as a modifier of "year"


def test_a_repeated_period_leaves_a_level_a_level() -> None:
    span = parsed_figure("Ostby's jobless rate was 4.1% year on year.", "4.1%")
    assert not is_change_size(span, repeated_periods=True)
