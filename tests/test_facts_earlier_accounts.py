"""Revision language beyond "rose to": a figure placed against earlier reports ("up from
earlier estimates", ``FactParams.earlier_account_is_update_notice``) and a verb of
enlarging a scope ("extended to cover", ``FactParams.scope_verbs_are_revision_cues``)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from conftest import parsed_figure
from newsfuse.facts import FactParams, compare_facts
from newsfuse.facts.revisions import announces_update, has_revision_cue
from newsfuse.model import Article, Fact

TUESDAY = datetime(2026, 6, 2, 8, tzinfo=UTC)


@pytest.mark.parametrize(
    "text",
    [
        # Invented Pellow river floods and an invented Karsby water board.
        "About 64,000 people had left their homes by Thursday, up from earlier estimates.",
        "The Karsby board counted 310 cases, down from the previous count.",
        "The bill came to $12m, higher than the initial estimate.",
    ],
)
def test_a_figure_placed_against_earlier_reports_is_an_update_notice(text: str) -> None:
    assert announces_update(text, earlier_accounts=True)
    assert not announces_update(text)  # the notice words of before do not cover it


@pytest.mark.parametrize(
    "text",
    [
        "About 64,000 people had left their homes, up from 41,000 a year ago.",
        "The Karsby board counted 310 cases, more than in any earlier year.",
        "The first report of the board was published on Monday.",
    ],
)
def test_a_change_over_time_or_a_first_report_is_no_update_notice(text: str) -> None:
    assert not announces_update(text, earlier_accounts=True)


EARLY_FLOOD = "About 41,000 people were moved from the Pellow valley, the flood agency said."
LATE_FLOOD = (
    "The flood agency said 64,000 people had been moved from the Pellow valley by Thursday, "
    "up from earlier estimates, as the river kept rising."
)


def report(name: str, text: str, days: float) -> Article:
    return Article(
        id=name, text=text, source=f"Outlet {name}", published=TUESDAY + timedelta(days=days)
    )


def status_of(facts: list[Fact], value: float) -> set[str]:
    return {fact.status for fact in facts if any(c.value == value for c in fact.claims)}


def test_a_later_figure_up_from_earlier_estimates_is_a_revision_unless_the_rule_is_off() -> None:
    reports = [report("a", EARLY_FLOOD, 0), report("b", LATE_FLOOD, 2)]
    assert status_of(compare_facts(reports, embeddings=False), 64000) == {"revision"}
    off = FactParams(earlier_account_is_update_notice=False)
    assert status_of(compare_facts(reports, embeddings=False, params=off), 64000) == {"conflict"}


def test_a_figure_up_from_earlier_estimates_the_same_morning_stays_a_conflict() -> None:
    reports = [report("a", EARLY_FLOOD, 0), report("b", LATE_FLOOD, 0.1)]
    assert status_of(compare_facts(reports, embeddings=False), 64000) == {"conflict"}


EXTENDED = (
    "A boil water notice in Karsby was extended on Friday to cover 19,000 households, "
    "the water board said."
)


def test_a_verb_of_enlarging_a_scope_is_a_revision_cue_when_asked() -> None:
    figure = parsed_figure(EXTENDED, "19,000")
    assert has_revision_cue(figure, window=8, scope=True)
    assert not has_revision_cue(figure, window=8)


def test_a_scope_verb_of_a_clause_above_is_no_cue_of_a_figure_in_its_own_clause() -> None:
    sentence = (
        "The Karsby water board expanded its notice to 19,000 households, adding streets "
        "built in 2019."
    )
    assert has_revision_cue(parsed_figure(sentence, "19,000"), window=3, scope=True)
    assert not has_revision_cue(parsed_figure(sentence, "2019"), window=3, scope=True)


def test_a_scope_extended_days_later_is_a_revision_unless_the_rule_is_off() -> None:
    early = "A boil water notice in Karsby covers 12,000 households, the water board said."
    reports = [report("a", early, 0), report("b", EXTENDED, 2)]
    assert status_of(compare_facts(reports, embeddings=False), 19000) == {"revision"}
    off = FactParams(scope_verbs_are_revision_cues=False)
    assert status_of(compare_facts(reports, embeddings=False, params=off), 19000) == {"conflict"}


BOUND_LATE = (
    "The flood agency said more than 64,000 people had been moved from the Pellow valley by "
    "Thursday, up from earlier estimates, as the river kept rising."
)


def test_a_lower_bound_given_as_an_update_is_a_level_not_a_change() -> None:
    reports = [report("a", EARLY_FLOOD, 0), report("b", BOUND_LATE, 2)]
    assert status_of(compare_facts(reports, embeddings=False), 64000) == {"revision"}
    off = FactParams(notice_reads_bound_as_level=False)
    assert status_of(compare_facts(reports, embeddings=False, params=off), 64000) == {"conflict"}
