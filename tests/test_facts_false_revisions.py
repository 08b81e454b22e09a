"""False revisions: a figure "since" takes (``FactParams.since_point_is_no_revision``), a
change word of another clause (``FactParams.revision_cue_in_own_clause``), a subgroup an
adverb marks off (``FactParams.degree_subset_beside_count_penalty``) and what a change adds
(``FactParams.added_part_is_no_revision``) tell no correction; a later report's own "rose
to" still does."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from conftest import parsed_figure
from newsfuse.facts import FactParams, compare_facts
from newsfuse.facts.remainders import is_degree_subset
from newsfuse.facts.revisions import has_revision_cue, is_added_part, is_period_start
from newsfuse.model import Article, Fact

MONDAY = datetime(2026, 3, 2, 9, tzinfo=UTC)


def report(name: str, text: str, days: float) -> Article:
    return Article(
        id=name, text=text, source=f"Outlet {name}", published=MONDAY + timedelta(days=days)
    )


def status_of(facts: list[Fact], value: float) -> set[str]:
    return {fact.status for fact in facts if any(c.value == value for c in fact.claims)}


# Invented Dorrin province, Velk river and Ostham market hall.
@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        ("Births in Dorrin have fallen steadily since 2019, the registry said.", "2019"),
        ("Output is up 4% since the previous survey in 2021.", "2021"),
        ("The Velk has carried less water since the dry summer of 2018.", "2018"),
    ],
)
def test_a_figure_since_takes_starts_a_period(sentence: str, number: str) -> None:
    assert is_period_start(parsed_figure(sentence, number))


def test_a_change_word_beside_a_period_start_cues_it_only_without_the_rule() -> None:
    figure = parsed_figure("Dorrin's natural increase has been near zero since 2019.", "2019")
    assert has_revision_cue(figure, window=8)
    assert not has_revision_cue(figure, window=8, period_start=True)


def test_a_new_value_after_since_keeps_its_cue() -> None:
    figure = parsed_figure("The toll has since risen to 14, the Dorrin police said.", "14")
    assert not is_period_start(figure)
    assert has_revision_cue(figure, window=8, own_clause=True, period_start=True)


OTHER_CLAUSE = "The median age in Dorrin is now 39.5, and people over 70 make up 18% of residents."


def test_a_change_word_of_a_coordinated_clause_is_no_cue_of_the_other_figure() -> None:
    figure = parsed_figure(OTHER_CLAUSE, "18")
    assert has_revision_cue(figure, window=8)
    assert not has_revision_cue(figure, window=8, own_clause=True)
    assert has_revision_cue(parsed_figure(OTHER_CLAUSE, "39.5"), window=8, own_clause=True)


def test_a_change_word_of_the_figure_own_clause_still_cues_it() -> None:
    sentence = "Rescuers kept digging, and the toll in the Velk valley has now risen to 14."
    assert has_revision_cue(parsed_figure(sentence, "14"), window=3, own_clause=True)


@pytest.mark.parametrize(
    ("sentence", "number", "subset"),
    [
        ("Nine people were hurt in the Ostham hall fire, three seriously.", "three", True),
        ("Nine were hurt in the Ostham hall fire, two of them seriously.", "two", True),
        ("Nine people were hurt in the Ostham hall fire, three seriously.", "Nine", False),
        ("Three people were seriously hurt in the Ostham hall fire.", "Three", False),
    ],
)
def test_a_count_an_adverb_marks_off_is_a_degree_subset(
    sentence: str, number: str, subset: bool
) -> None:
    assert is_degree_subset(parsed_figure(sentence, number)) is subset


EARLY_FIRE = (
    "Nine people were injured in a fire at the Ostham market hall on Sunday, three "
    "critically, police said."
)
LATE_FIRE = (
    "The number of people injured in Sunday's fire at the Ostham market hall has risen to "
    "12, police said."
)


def test_a_later_total_does_not_revise_the_critically_hurt_part_unless_the_rule_is_off() -> None:
    reports = [report("a", EARLY_FIRE, 0), report("b", LATE_FIRE, 2)]
    assert status_of(compare_facts(reports, embeddings=False), 3) == {"single"}
    off = FactParams(degree_subset_beside_count_penalty=0.0)
    assert status_of(compare_facts(reports, embeddings=False, params=off), 3) == {"revision"}


def test_a_toll_that_rose_a_day_later_stays_a_revision_with_every_rule_on() -> None:
    early = "Twelve people died when a ferry capsized on the Velk river, officials said."
    late = "The toll from the Velk river ferry capsizing rose to 14 on Tuesday, officials said."
    reports = [report("a", early, 0), report("b", late, 1)]
    assert status_of(compare_facts(reports, embeddings=False), 14) == {"revision"}
    off = FactParams(
        since_point_is_no_revision=False,
        revision_cue_in_own_clause=False,
        degree_subset_beside_count_penalty=0.0,
        added_part_is_no_revision=False,
    )
    assert status_of(compare_facts(reports, embeddings=False, params=off), 14) == {"revision"}


@pytest.mark.parametrize(
    ("sentence", "number", "added"),
    [
        ("Officials widened the Velk flood zone to include three hill villages.", "three", True),
        ("The Ostham recall was expanded to add 300 vans built last spring.", "300", True),
        ("The Velk flood notice was extended to cover 9,000 homes.", "9,000", False),
        ("The Velk flood zone now includes three hill villages.", "three", False),
    ],
)
def test_what_a_change_adds_is_an_added_part(sentence: str, number: str, added: bool) -> None:
    assert is_added_part(parsed_figure(sentence, number)) is added


def test_what_a_widening_adds_carries_no_revision_cue_unless_the_rule_is_off() -> None:
    figure = parsed_figure(
        "Officials widened the Velk flood zone to include three hill villages.", "three"
    )
    assert has_revision_cue(figure, window=8)
    assert not has_revision_cue(figure, window=8, added_part=True)
