"""Follow-ups filed a day later: a weekday given to a statement or a lasting state dates
the report, not its event (``GroupingParams.followup_weekdays``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse import corpus, pipeline
from newsfuse.group.features import REPORT_DAY_MARK, WEEKDAY_MARK, extract_day_marks
from newsfuse.group.index import conflict_in_days
from newsfuse.group.params import GroupingParams
from newsfuse.model import Article

ON = GroupingParams(followup_weekdays=True)


def _days(lead: str, params: GroupingParams = ON) -> dict[str, set[int]]:
    grouped: dict[str, set[int]] = {}
    for noun, day in extract_day_marks(Article(id="a", title="", text=lead), params):
        grouped.setdefault(noun, set()).add(day)
    return grouped


@pytest.mark.parametrize(
    ("lead", "event", "report"),
    [
        ("Residents of Tresk said on Sunday they would appeal.", set(), {6}),
        ("Ferry sailings from Tresk remained cancelled on Tuesday.", set(), {1}),
        # A possessive names the event even beside a statement's day.
        ("Crews on Monday were still damping down Sunday's blaze in Tresk.", {6}, {0}),
        # The event's own verb gives the event's day.
        ("The Tresk council voted 7 to 4 on Saturday to shut the pool.", {5}, set()),
    ],
)
def test_a_statement_or_lasting_state_dates_the_report(
    lead: str, event: set[int], report: set[int]
) -> None:
    days = _days(lead)
    assert days.get(WEEKDAY_MARK, set()) == event
    assert days.get(REPORT_DAY_MARK, set()) == report


def test_report_days_are_weekdays_when_switched_off() -> None:
    assert _days("Residents of Tresk said on Sunday they would appeal.", GroupingParams()) == {
        WEEKDAY_MARK: {6}
    }


def test_a_report_day_agrees_with_its_event_day_or_the_day_after() -> None:
    saturday, sunday = {WEEKDAY_MARK: {5}}, {WEEKDAY_MARK: {6}}
    said_sunday, said_friday = {REPORT_DAY_MARK: {6}}, {REPORT_DAY_MARK: {4}}
    assert not conflict_in_days(saturday, said_sunday, tolerance=1)
    assert not conflict_in_days(said_sunday, saturday, tolerance=1)
    assert not conflict_in_days(sunday, said_sunday, tolerance=1)
    # A statement dated before the event cannot follow it; two events must still match.
    assert conflict_in_days(saturday, said_friday, tolerance=1)
    assert conflict_in_days(saturday, sunday, tolerance=1)
    # Round the week: a Monday statement follows a Sunday event.
    assert not conflict_in_days(sunday, {REPORT_DAY_MARK: {0}}, tolerance=1)
    # Two statements' days do not say which came first: they must match.
    assert not conflict_in_days(said_sunday, {REPORT_DAY_MARK: {6}}, tolerance=1)
    assert conflict_in_days(said_sunday, {REPORT_DAY_MARK: {0}}, tolerance=1)


GALE = [
    {
        "id": "gale-post",
        "title": "Gale tears roofs off Tresk harbour homes",
        "text": "A gale tore the roofs off nine harbour homes in Tresk on Saturday and cut "
        "power to 2,300 households on the Velm coast. Harbour master Oda Brenn said two "
        "fishing boats sank at their moorings.",
    },
    {
        "id": "gale-followup",
        "title": "Tresk harbour homes still without roofs after gale",
        "text": "Families in nine Tresk harbour homes said on Sunday they were still "
        "waiting for roofers after the gale, and 600 of 2,300 households on the Velm "
        "coast had no power. Harbour master Oda Brenn said two fishing boats sank.",
    },
]


@pytest.mark.parametrize("followups", [True, False])
def test_an_undated_next_day_follow_up_joins_its_event(tmp_path: Path, followups: bool) -> None:
    db = tmp_path / "gale.db"
    read = pipeline.read_report(GALE)
    grouping = GroupingParams(followup_weekdays=followups)
    corpus.ingest_articles(read.articles, db=db, embedder="hashing", grouping=grouping)
    stories = [
        frozenset(a["source_id"] for a in story["articles"])
        for story in corpus.export_stories(db=db)
    ]
    if followups:
        assert stories == [frozenset({"gale-post", "gale-followup"})]
    else:
        assert sorted(stories, key=sorted) == [
            frozenset({"gale-followup"}),
            frozenset({"gale-post"}),
        ]
