"""The readability audit's detectors, on invented sentences."""

from __future__ import annotations

import numpy as np
import pytest

from newsfuse.evaluate.audit import (
    audit_brief,
    dangling_reason,
    find_repeats,
    format_audit,
    has_junk,
    is_fragment,
    is_headline,
    pool_audits,
    repeat_by_words,
)
from newsfuse.summary.lexical import has_unbalanced_quotes


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("If anything, the opposite was true.", "connective"),
        ("But the Harlow council said the plan would go ahead.", "connective"),
        ("Meanwhile, rescuers searched the Orrin valley for survivors.", "connective"),
        ("He was taken to Stanmere General Hospital with burns.", "pronoun"),
        ("Their boat capsized two miles off the Pellow coast.", "pronoun"),
        ('"They proved nothing," he said at the time.', "pronoun"),
        ("These were the first floods in Dunmore since 1990.", "demonstrative"),
        ("Such a storm had not been seen in Lorvath before.", "demonstrative"),
        ('"We waited for hours for help," she said.', "pronoun speaker"),
        ('"Who will pay for the Dunmore bridge now?" he asked.', "pronoun speaker"),
        ('"The Orrin dam is safe," she insisted.', "pronoun speaker"),
        ('"Nobody warned the Pellow crews," they complained.', "pronoun speaker"),
    ],
)
def test_openings_that_lean_on_a_missing_sentence_are_flagged_with_their_reason(
    text: str, reason: str
) -> None:
    assert dangling_reason(text) == reason


@pytest.mark.parametrize(
    "text",
    [
        "Police in Harlow arrested a 34-year-old man on Tuesday.",
        "It was not immediately clear whether anyone was hurt in the Pellow blast.",
        "This week the Dunmore council voted to close the library.",
        "So far, nobody has been charged over the Orrin fire.",
        '"This is a sad day for the town," Mayor Ida Brenn said.',
        '"We waited for hours," said Tomas Reyl, a fisherman from Pellow.',
        '"These troops will train the Kessland army," Oren Takk said.',
        '"Who will pay for the bridge now?" Mayor Ida Brenn asked.',
        "Thousands of people in Lorvath lost power during the storm.",
    ],
)
def test_sentences_that_stand_alone_are_not_flagged(text: str) -> None:
    assert dangling_reason(text) == ""


def test_a_quotation_cut_in_half_has_unbalanced_quotes_and_a_whole_one_does_not() -> None:
    assert has_unbalanced_quotes('"We left the house. ')
    assert has_unbalanced_quotes("Then the roof fell,” she said.")
    assert not has_unbalanced_quotes('"We left. Then the roof fell," she said.')
    assert not has_unbalanced_quotes("“We left,” she said, “and then the roof fell.”")
    assert not has_unbalanced_quotes("No quotation here, only the mayor's words.")


@pytest.mark.parametrize(
    ("text", "junk"),
    [
        ("--A 76-year-old man from Pellow was arrested on Monday.", True),
        ("• Ferry services to Orrin are suspended until Friday.", True),
        ("The Dunmore council approved the budget on Monday. |", True),
        ("The Dunmore council approved the budget on Monday.", False),
        ('"We are done," the union leader said.', False),
        ("-5 degrees was the coldest night in Lorvath this year.", False),
        ("$2 million was raised for the Harlow hospital.", False),
    ],
)
def test_junk_characters_at_either_edge_are_flagged(text: str, junk: bool) -> None:
    assert has_junk(text) is junk


def test_fragments_are_sentences_under_six_words() -> None:
    assert is_fragment("The Orrin bridge reopened.")
    assert not is_fragment("The Orrin bridge reopened on Sunday morning.")


def test_a_lightly_reworded_sentence_repeats_by_words_but_a_new_fact_does_not() -> None:
    taken = "The coastguard said 212 passengers and 14 crew were taken off the vessel by lifeboats."
    rescued = "The coastguard said 212 passengers and 14 crew were rescued by lifeboats."
    aground = "The ferry ran aground on a sandbank shortly after leaving Pellow harbour."
    assert repeat_by_words(taken, rescued)
    assert not repeat_by_words(taken, aground)
    assert find_repeats([taken, aground, rescued]) == [(0, 2)]


def test_repeats_by_meaning_use_the_encoder_and_the_measured_cut_off() -> None:
    first = "Officials in Harlow shut the school after the storm."
    second = "A completely different wording about closing a school."

    def encode(texts: object) -> np.ndarray:
        # Both sentences point the same way: cosine 1, a repeat by meaning only.
        return np.ones((2, 4), dtype=np.float32) / 2

    assert find_repeats([first, second]) == []
    assert find_repeats([first, second], encode=encode) == [(0, 1)]


def test_a_title_is_a_headline_when_it_is_a_source_title_or_a_short_line_from_the_lead() -> None:
    lead = "The Pellow ferry ran aground on a sandbank on Monday, the coastguard said."
    body = ["The FBI is looking into the incident, one of the officials said."]
    assert is_headline("Ferry aground off Pellow", ["Ferry aground off Pellow"], lead)
    assert not is_headline("The Pellow ferry ran aground", ["Ferry aground off Pellow"], lead)
    assert is_headline("The Pellow ferry ran aground on a sandbank on Monday", [], lead, body)
    assert not is_headline(body[0], [], lead, body)
    assert not is_headline(lead + " " + lead, [], lead, body)


def test_pooled_audit_counts_every_flag_and_formats_a_table() -> None:
    audits = [
        audit_brief(
            [
                "The Pellow ferry ran aground on a sandbank on Monday.",
                "He said the captain had been warned about the fog.",
                '"We left the house.',
            ],
            title="Ferry aground off Pellow",
            source_titles=["Ferry aground off Pellow"],
        ),
        audit_brief(["--Flooding closed the Orrin road for six hours.", "Too short."]),
    ]
    pooled = pool_audits(audits)
    assert (pooled.briefs, pooled.sentences) == (2, 5)
    assert (pooled.dangling, pooled.unbalanced_quotes, pooled.junk, pooled.fragments) == (
        1,
        1,
        1,
        2,
    )
    assert (pooled.titles, pooled.headline_titles, pooled.titles_with_source) == (1, 1, 1)
    assert pooled.dangling_by_reason == {"pronoun": 1}
    assert "| newsfuse | 2 | 5 | 1 (20.0 %) | 1 | 1 | 2 | 0 | 1/1 |" in format_audit(pooled)
