"""The owner tiers of the owner study (benchmarks/studies/fact_owners.py), on invented text."""

from __future__ import annotations

from study_scripts import load_study, parsed_figure

owners = load_study("fact_owners")


def test_an_owner_named_in_the_clause_is_the_first_tier() -> None:
    span = parsed_figure("Marek Oyelaran has three sons in Fennick.", "three")
    assert owners._owner_by_tier(span) == "PERSON:oyelaran"


def test_a_pronoun_is_followed_back_to_the_last_person_named() -> None:
    text = "Ivo Marchetti opened a bakery in Osk. She raised $900 in a week."
    assert owners._owner_by_tier(parsed_figure(text, "900")) == "~PERSON:marchetti"


def test_a_speaker_is_no_nearest_owner() -> None:
    text = "Inspector Hala Brundage said 40 people were hurt in Osk."
    assert owners._owner_by_tier(parsed_figure(text, "40")) == ""
