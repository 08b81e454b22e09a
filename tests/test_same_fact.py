"""Tests for newsfuse.summary.same_fact: one figure counting the same thing is one fact.

Every sentence is invented (a fictional ferry, town and recall).
"""

from __future__ import annotations

from newsfuse.summary.same_fact import figure_keys, states_same_fact


def test_the_same_figure_counting_the_same_thing_in_other_words_is_the_same_fact() -> None:
    assert states_same_fact(
        "Lifeboats took 212 passengers off the Pellow ferry.",
        "The coastguard said 212 passengers were rescued after the ferry ran aground.",
    )
    assert states_same_fact(
        "Holtwell Foods recalled forty thousand jars of jam.",
        "The recall covers 40,000 jars, the company said.",
    )


def test_another_figure_or_another_counted_thing_is_another_fact() -> None:
    assert not states_same_fact(
        "Lifeboats took 212 passengers off the Pellow ferry.",
        "Lifeboats took 180 passengers off the Pellow ferry.",
    )
    assert not states_same_fact(
        "Harlow will build 300 homes on the old airfield.",
        "Some 300 volunteers cleared the old airfield.",
    )


def test_a_figure_referring_to_a_known_group_is_not_stated_again() -> None:
    assert figure_keys("Walkers found two climbers near the Kessel hut.")
    assert not figure_keys("Friends said the two climbers were experienced.")
    assert figure_keys("Rangers said that two climbers were found near the hut.")
    assert not states_same_fact(
        "Walkers found two climbers near the Kessel hut.",
        "Friends said the two climbers were experienced.",
    )


def test_years_dates_and_names_after_a_figure_are_not_counted_things() -> None:
    assert not figure_keys("Sales rose between May 2019 and May 2020 in Tarrow.")
    assert not figure_keys("The band Seven Rivers played on 3 June.")
    assert not states_same_fact(
        "Fans of 30 Lanterns queued overnight.", "The cast of 30 Lanterns met fans."
    )
