"""studies/pair_signals.py: the figures and name salience it compares reports by."""

from __future__ import annotations

import pytest

from study_scripts import load_study


def test_specific_figures_are_kept_and_years_days_and_small_counts_are_not() -> None:
    study = load_study("pair_signals")
    text = (
        "Turnout in Osk was 18,432 votes, 4.5 per cent up on 2019; 12 polling stations "
        "opened on March 14 and 250 volunteers helped."
    )
    assert study.extract_figures(text) == {18432.0, 4.5, 250.0}


def test_a_name_in_the_title_weighs_more_than_one_named_once_in_the_body() -> None:
    salience = load_study("pair_signals").name_salience(
        "Velm mayor Ardo Kest resigns", "Ardo Kest resigned on Monday. Tarrow council met."
    )
    assert salience["kest"] > salience["tarrow"]
    assert sum(salience.values()) == pytest.approx(1.0)
