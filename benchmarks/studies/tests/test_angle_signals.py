"""studies/angle_signals.py: the figures, full names and rules it joins reports by."""

from __future__ import annotations

from study_scripts import load_study


def test_figures_keep_their_noun_and_leave_out_years_and_small_counts() -> None:
    study = load_study("angle_signals")
    text = "Floods in Brannock hit 412 homes in 2031; 3 bridges shut and £2.5 million was pledged."
    assert study.figures_with_nouns(text) == {("412", "homes"), ("£2.5million", "")}


def test_full_names_are_runs_of_capitalised_words_without_the_sentence_opener() -> None:
    study = load_study("angle_signals")
    text = (
        "Rescuers reached the farm. Engineer Talia Voss said the Quarn Dam held. Later rain fell."
    )
    assert study.full_names("", text) == {"talia voss", "quarn dam"}


def test_a_rule_holds_only_when_every_signal_reaches_its_least_value() -> None:
    study = load_study("angle_signals")
    rule = study.make_rules()["join>=0.7+rare>=2/df3"]
    assert study.holds({"join": 0.75, "rare3": 2}, rule)
    assert not study.holds({"join": 0.75, "rare3": 1}, rule)
    assert not study.holds({"join": 0.65, "rare3": 3}, rule)
