"""The sentence marking of benchmarks/studies/fact_errors.py on invented text."""

from __future__ import annotations

from study_scripts import load_study


def test_a_claim_is_shown_marked_in_its_own_sentence() -> None:
    study = load_study("fact_errors")
    text = "The Osk ferry sank. Rescuers found 14 people alive. Divers went on."
    start = text.index("14")
    assert study.sentence_around(text, start, start + 2) == "Rescuers found [[14]] people alive."


def test_a_long_sentence_is_cut() -> None:
    study = load_study("fact_errors")
    text = "Pellam counted " + "very " * 200 + "12 boats"
    start = text.index("12")
    shown = study.sentence_around(text, start, start + 2)
    assert shown.startswith("Pellam counted very") and len(shown) == study.SHOWN_CHARACTERS
