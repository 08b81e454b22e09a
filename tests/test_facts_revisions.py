"""Revision cues (newsfuse.facts.revisions) and previous values, on parsed sentences."""

from __future__ import annotations

import pytest

from conftest import parsed_figure
from newsfuse.facts.describe import _is_previous_value
from newsfuse.facts.revisions import has_moved_date_cue, has_revision_cue, is_distance_moved
from newsfuse.facts.synonymy import load_wordnet, verb_changes_magnitude

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


needs_wordnet = pytest.mark.skipif(
    load_wordnet(None, "verb") is None, reason="WordNet (wordnet-base) absent"
)


@needs_wordnet
@pytest.mark.parametrize(
    ("sentence", "number", "cue"),
    [
        # Invented mine and town: WordNet's verbs of changing an amount, with "to".
        ("Drennick Mining cut its estimate of the repair bill to $9 million.", "$9 million", True),
        ("The number of injured in Corrow has gone up to 31, police said.", "31", True),
        ("The Halden board trimmed the payout to $4 million on Friday.", "$4 million", True),
        ("The Veltry council has since confirmed that 12 people died.", "12", True),
        # A particle of direction with "to"; a verb of reaching when a count reaches it.
        ("Organisers scaled back the Ostrel crowd they expect to 45,000.", "45,000", True),
        ("The number of people injured in Corrow hit 31, police said.", "31", True),
        ("The storm hit 31 villages around Corrow, police said.", "31", False),
        # Without "to" such a verb's figure is what changed, not the new amount.
        ("Drennick Mining cut 300 jobs at its Ashby pit.", "300", False),
        ("Police in Corrow said 31 people were hurt since the tram crash.", "31", False),
    ],
)
def test_verbs_of_changing_an_amount_are_revision_cues_when_asked(
    sentence: str, number: str, cue: bool
) -> None:
    span = parsed_figure(sentence, number)
    assert has_revision_cue(span, 8, magnitude_verbs=True) is cue
    assert not has_revision_cue(span, 8) or cue


@needs_wordnet
def test_wordnet_files_cutting_and_going_up_under_changing_an_amount() -> None:
    assert verb_changes_magnitude("cut")
    assert verb_changes_magnitude("go up")
    assert verb_changes_magnitude("raise")
    assert not verb_changes_magnitude("kill")
    assert not verb_changes_magnitude("say")


@pytest.mark.parametrize(
    ("sentence", "number", "moved"),
    [
        ("A climber fell 300 feet from a ledge on Mount Skarra.", "300 feet", True),
        ("The climber survived a 150-metre fall on Mount Skarra.", "150-metre", True),
        ("The Ennor river rose to 5.2 metres at Tarvik.", "5.2 metres", False),
    ],
)
def test_a_length_moved_is_no_revision_when_asked(sentence: str, number: str, moved: bool) -> None:
    span = parsed_figure(sentence, number)
    assert is_distance_moved(span) is moved
    assert has_revision_cue(span, 8, distance=True) is not moved


def test_only_the_dates_own_clause_moves_it_when_asked() -> None:
    # Invented blaze and probe: the main verb's "now" is not the date's.
    started = parsed_figure(
        "The Wattle Creek blaze, set alight by a dry storm on February 26, has now burnt "
        "through 9,000 hectares.",
        "February 26",
    )
    assert has_moved_date_cue(started, window=8)
    assert not has_moved_date_cue(started, window=8, own_clause=True)
    # An infinitive is of its verb's clause.
    landing = parsed_figure("The Pellin probe will now attempt to land on March 6.", "March 6")
    assert has_moved_date_cue(landing, window=8, own_clause=True)
