"""Revision cues (newsfuse.facts.revisions) and previous values, on parsed sentences."""

from __future__ import annotations

import pytest

from conftest import parsed_figure
from newsfuse.facts.describe import _is_previous_value
from newsfuse.facts.revisions import has_moved_date_cue, has_revision_cue

ESTIMATE = (
    "Insurers have revised their estimate of the cost of the Tarn flooding up to £95m "
    "from an initial £70m, after adjusters reached the town."
)


def test_a_governing_revision_verb_counts_however_far_back_it_stands() -> None:
    assert has_revision_cue(parsed_figure(ESTIMATE, "£95m"), window=8)


def test_a_figure_with_no_change_word_has_no_revision_cue() -> None:
    sentence = "The Ostra council said the number of people displaced by the fire stood at 3,400."
    assert not has_revision_cue(parsed_figure(sentence, "3,400"), window=8)


def test_the_from_figure_after_a_new_amount_in_a_currency_is_the_previous_value() -> None:
    assert _is_previous_value(parsed_figure(ESTIMATE, "£70m"))
    assert not _is_previous_value(parsed_figure(ESTIMATE, "£95m"))


@pytest.mark.parametrize(
    "sentence",
    [
        "The Pellin regatta has been postponed to June 14 because of the storm.",
        "Organisers said the Pellin regatta, planned for spring, was pushed back to June 14.",
        "The Pellin probe will now attempt its landing on June 14, two days later than planned.",
    ],
)
def test_a_moved_date_has_a_revision_cue(sentence: str) -> None:
    assert has_moved_date_cue(parsed_figure(sentence, "June 14"), window=8)


def test_a_date_simply_stated_has_no_moved_date_cue() -> None:
    sentence = "The Pellin regatta will be held on June 14, organisers said."
    assert not has_moved_date_cue(parsed_figure(sentence, "June 14"), window=8)


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        # Invented ferry: a lasting state gives the count as it now stands.
        ("Nineteen passengers of the Velmor ferry remain missing.", "Nineteen"),
        ("Officials said 12 crew members were still in hospital in Tarn.", "12"),
    ],
)
def test_a_lasting_state_is_a_revision_cue_when_asked(sentence: str, number: str) -> None:
    span = parsed_figure(sentence, number)
    assert has_revision_cue(span, 8, states=True)
    assert not has_revision_cue(span, 8)


def test_a_state_verb_elsewhere_in_the_sentence_is_no_cue() -> None:
    sentence = "Rescuers pulled 40 people from the water while others remain missing."
    assert not has_revision_cue(parsed_figure(sentence, "40"), 8, states=True)
