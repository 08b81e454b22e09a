"""A day written without a year ("on April 14") in an article without a publication
time is placed in the story's year. Every sentence here is invented."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from newsfuse.facts import compare_facts
from newsfuse.facts.compare import _story_calendar
from newsfuse.facts.dates import find_dates, written_days
from newsfuse.facts.params import FactParams
from newsfuse.model import Article


def test_a_day_without_a_year_is_placed_in_the_story_year_only_when_given() -> None:
    text = "Members of the Tarrow guild will vote on April 14."
    assert [m.day for m in find_dates(text, None)] == []
    assert [m.day for m in find_dates(text, None, 2016)] == [date(2016, 4, 14)]
    # A publication date still decides; weekdays stay unresolved names without one.
    assert [m.day for m in find_dates(text, date(2019, 1, 2), 2016)] == [date(2019, 4, 14)]
    assert [m.weekday for m in find_dates("They met on Monday.", None, 2016)] == ["Monday"]


def test_the_story_year_is_the_dated_articles_year_else_the_latest_full_date() -> None:
    undated = Article(id="a", text="The Tarrow guild met on Oct. 19.")
    written = Article(
        id="b", text="The guild was founded on May 2, 1998. It met on Thursday, October 23, 2017."
    )
    assert written_days(written.text) == [date(1998, 5, 2), date(2017, 10, 23)]
    assert _story_calendar([undated, written])[0] == 2017
    dated = replace(undated, published=datetime(2018, 1, 5, tzinfo=UTC))
    assert _story_calendar([dated, written])[0] == 2018  # a publication time outranks the text
    assert _story_calendar([undated]) == (None, {})


def test_a_day_the_story_writes_in_full_takes_that_year_not_the_latest() -> None:
    eclipse = Article(
        id="a",
        text="A total eclipse will be seen over Pellow on Jan. 31, 2018. The next falls on "
        "Jan. 31, 2037. Skywatchers in Pellow gathered on Jan. 31, 2018 at dawn.",
    )
    undated = Article(id="b", text="Crowds gathered in Pellow on 31 Jan to see the eclipse.")
    year, day_years = _story_calendar([eclipse, undated])
    assert year == 2037  # the latest full date: a future one, outranked below
    assert day_years == {(1, 31): 2018}  # written twice in 2018, once in 2037
    assert [m.day for m in find_dates(undated.text, None, year, day_years)] == [date(2018, 1, 31)]


def test_two_undated_reports_of_one_day_agree_in_the_year_another_writes() -> None:
    articles = [
        Article(
            id="a",
            text="Rangers in Kelmoor shot the escaped bear on Wednesday, March 30, 2016, "
            "after it injured a farmer.",
            source="Kelmoor Post",
        ),
        Article(
            id="b",
            text="The escaped bear was shot by rangers in Kelmoor on March 30 after it "
            "injured a farmer.",
            source="Valley Wire",
        ),
    ]
    rows = [
        {(claim.article_id, claim.value) for claim in fact.claims}
        for fact in compare_facts(articles, embeddings=False)
        if fact.kind == "date" and fact.status == "agree"
    ]
    assert {("a", "2016-03-30"), ("b", "2016-03-30")} in rows
    off = replace(FactParams(), undated_days_take_story_year=False)
    days_off = {
        claim.article_id
        for fact in compare_facts(articles, embeddings=False, params=off)
        if fact.kind == "date"
        for claim in fact.claims
    }
    assert days_off == {"a"}
