"""A report that says it updates or corrects earlier figures gives its figures as new:
a later, different figure of one attribute is a revision though no change word stands
beside it (``FactParams.update_notice_is_revision_cue``)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from newsfuse.facts import FactParams, compare_facts
from newsfuse.facts.revisions import announces_update, update_notice_spans
from newsfuse.model import Article, Fact

MONDAY = datetime(2026, 3, 2, 9, tzinfo=UTC)


@pytest.mark.parametrize(
    "text",
    [
        # Invented storm at Orlin Bay and an invented Velmor health board.
        "The Orlin Bay storm was stronger than first thought, forecasters said.",
        "The board said the corrected total would be used in future reports.",
        "This update replaces the bulletin of March 3.",
        "Referrals had been left out of the figures published earlier this week.",
        "The revised estimate puts the damage at $40m.",
    ],
)
def test_a_report_that_says_it_updates_earlier_figures_announces_an_update(text: str) -> None:
    assert announces_update(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Orlin Bay storm was stronger than any in a decade.",
        "Forecasters will publish an update on Thursday.",
        "The board published its figures on Monday.",
        "The harvest was smaller than expected.",
    ],
)
def test_a_report_without_such_words_announces_no_update(text: str) -> None:
    assert not announces_update(text)


EARLY = (
    "The number of patients waiting for surgery at Velmor's hospitals stands at 12,400, "
    "the Velmor health board said in its monthly report."
)
LATE = (
    "The number of patients waiting for surgery at Velmor's hospitals is 13,900, the Velmor "
    "health board said, after it found that referrals from one clinic had been left out of "
    "the figures published earlier this week."
)


def report(name: str, text: str, days: float) -> Article:
    return Article(
        id=name, text=text, source=f"Outlet {name}", published=MONDAY + timedelta(days=days)
    )


def status_of(facts: list[Fact], value: float) -> set[str]:
    return {fact.status for fact in facts if any(c.value == value for c in fact.claims)}


def test_a_corrected_figure_days_later_is_a_revision_and_without_the_rule_a_conflict() -> None:
    reports = [report("a", EARLY, 0), report("b", LATE, 2)]
    assert status_of(compare_facts(reports, embeddings=False), 13900) == {"revision"}
    off = FactParams(update_notice_is_revision_cue=False)
    assert status_of(compare_facts(reports, embeddings=False, params=off), 13900) == {"conflict"}


def test_a_corrected_figure_the_same_day_stays_a_conflict() -> None:
    reports = [report("a", EARLY, 0), report("b", LATE, 0.25)]
    assert status_of(compare_facts(reports, embeddings=False), 13900) == {"conflict"}


def test_a_notice_inside_a_quotation_is_the_speakers_not_the_reports() -> None:
    quoted = '"The flooding was worse than first thought," said farmer Ilse Morrow.'
    assert update_notice_spans(quoted) == []
    plain = "The flooding was worse than first thought, the Velmor council said."
    assert len(update_notice_spans(plain)) == 1


PLAIN_LATE = (
    "The number of patients waiting for surgery at Velmor's hospitals is 13,900, the Velmor "
    "health board said."
)


def test_a_notice_far_from_the_figure_or_in_a_quotation_makes_no_revision() -> None:
    far = (
        PLAIN_LATE
        + " Board chair Ada Lund will retire in May. Nurses at the Velmor clinic have voted"
        + " to accept a new contract. Separately, the county league published the corrected"
        + " tally of goals for the season."
    )
    quoted = PLAIN_LATE + ' "Winter was harder than first thought," said Ada Lund, the chair.'
    anywhere = FactParams(update_notice_near_figure=False)
    for late in (far, quoted):
        reports = [report("a", EARLY, 0), report("b", late, 2)]
        assert status_of(compare_facts(reports, embeddings=False), 13900) == {"conflict"}
        facts = compare_facts(reports, embeddings=False, params=anywhere)
        assert status_of(facts, 13900) == {"revision"}  # as before the scope


def test_a_notice_in_the_opening_sentence_or_just_after_the_figure_still_revises() -> None:
    opening = "This update replaces the board's bulletin of March 2.\n\n" + PLAIN_LATE
    after = PLAIN_LATE + " The corrected total includes referrals from one clinic."
    for late in (opening, after):
        reports = [report("a", EARLY, 0), report("b", late, 2)]
        assert status_of(compare_facts(reports, embeddings=False), 13900) == {"revision"}, late
