"""Tests for newsfuse.summary.same_fact: one figure counting the same thing is one fact.

Every sentence is invented (a fictional ferry, town, recall, controller and fossil).
"""

from __future__ import annotations

from newsfuse.summary.params import BriefParams
from newsfuse.summary.same_fact import figure_keys, gives_same_name, naming_keys, states_same_fact
from newsfuse.summary.select import _restates


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


def test_one_name_given_to_a_thing_in_other_words_is_the_same_fact() -> None:
    assert gives_same_name(
        "After testing it as Project Lumen, Kelvix gave its controller a real name, "
        "formally unveiling Spark at a show in Tarrow.",
        'At the event Kelvix announced that the official name of its controller is "Spark."',
    )
    assert gives_same_name(
        "The scientists named the fossil Lunaris.", "They called it Lunaris, the word for moon."
    )


def test_a_name_stated_without_a_naming_word_is_another_fact_about_the_named_thing() -> None:
    assert naming_keys("Kelvix gave its controller the name Spark on Tuesday.") == {"spark"}
    assert not naming_keys("Spark goes on sale in Tarrow in May for 299 dollars.")
    assert not gives_same_name(
        "Kelvix gave its controller the name Spark.",
        "Spark is seen as Kelvix's answer to the Norin console.",
    )


def test_phrasal_calls_and_names_outside_the_naming_clause_are_not_names_given() -> None:
    assert not naming_keys("Mayor Ida Brenn called on Harlow residents to stay indoors.")
    assert not naming_keys("The mayor called for calm, Ida Brenn told Harlow radio.")
    assert naming_keys("They called it Lunaris, after Ketter folklore.") == {"lunaris"}


def test_a_name_given_counts_once_in_a_brief() -> None:
    chosen = 'Kelvix said the official name of its motion controller is "Spark."'
    candidate = "After a year as Project Lumen, the controller has been renamed Spark."
    assert _restates(candidate, chosen, BriefParams())
    assert not _restates(candidate, chosen, BriefParams(repeat_same_name=False))


def test_a_naming_participle_modifying_a_noun_refers_to_the_name_and_states_another_fact() -> None:
    assert not naming_keys("In Norland, a bear named Bruno escaped from the Pellow reserve.")
    assert not gives_same_name(
        "Rangers said the bear, dubbed Bruno by locals, should be moved.",
        "The newly named Bruno Trail will open in spring.",
    )
    assert gives_same_name(
        "The probe, first known as Helio, was renamed the Ruhl Probe.",
        "The mission will now be called the Ruhl Probe, the agency said.",
    )


def test_a_post_or_a_possessive_after_named_is_not_the_name_given() -> None:
    assert not naming_keys("Tim Roe was named chief executive of Kelvix.")
    assert not gives_same_name(
        "Tim Roe was named chief executive of Kelvix.",
        "Ann Lee was named Kelvix's finance chief on Monday.",
    )
