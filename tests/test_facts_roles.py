"""A figure's mood and unplaced days of a month (newsfuse.facts.roles), on parsed sentences."""

from __future__ import annotations

import pytest

from newsfuse.facts.entities import load_pipeline
from newsfuse.facts.roles import figure_mood, is_day_of_month


def _figure(sentence: str, number: str):  # type: ignore[no-untyped-def]
    doc = load_pipeline()(sentence)
    start = sentence.index(number)
    span = doc.char_span(start, start + len(number), alignment_mode="expand")
    assert span is not None
    return span


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        ("If 25 per cent of the Ferngate shareholders vote against, the board must listen.", "25"),
        ("Taken as a lump sum, the Brindle jackpot would be 316 million dollars.", "316"),
        ("The Tollis council could hire 40 more wardens next spring.", "40"),
    ],
)
def test_conditional_and_possible_figures_are_hypothetical(sentence: str, number: str) -> None:
    assert figure_mood(_figure(sentence, number)) == "hypothetical"


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
    assert figure_mood(_figure(sentence, number)) == ""


def test_a_number_after_a_month_is_its_day() -> None:
    assert is_day_of_month(
        _figure("The Ostrava Vale hearing is set for April 14 in Kellmouth.", "14")
    )
    assert not is_day_of_month(_figure("The Kellmouth hearing drew 14 witnesses.", "14"))
