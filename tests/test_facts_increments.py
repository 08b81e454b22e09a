"""An earlier figure plus a later-reported change is a revision (newsfuse.facts.increments)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from newsfuse.facts.describe import Mention
from newsfuse.facts.increments import explained_by_increment
from newsfuse.facts.params import FactParams
from newsfuse.model import Claim

MONDAY = datetime(2026, 3, 2, 9, tzinfo=UTC)


def mention(article: str, value: int, *, role: str = "", previous: bool = False) -> Mention:
    claim = Claim(article, value, value + 5, f"{value:,}", "count", value)
    return Mention(claim, "count:", "job", (), (), "", False, False, previous, role=role)


def test_an_earlier_count_plus_a_later_stated_increment_explains_the_later_total() -> None:
    # "Kestrel Motors will cut 4,000 jobs" on Monday; "another 3,000, taking the total
    # to 7,000" on Tuesday.
    earlier, later = mention("a", 4000), mention("b", 7000)
    extra = mention("b", 3000, role="increment")
    published = {"a": MONDAY, "b": MONDAY + timedelta(days=1)}
    by_article = {"a": [earlier], "b": [later, extra]}
    assert explained_by_increment([earlier, later], by_article, published, FactParams())


def test_a_later_report_naming_the_earlier_figure_as_its_old_value_explains_it() -> None:
    earlier, later = mention("a", 4000), mention("b", 7000)
    old = mention("b", 4000, previous=True)  # "7,000, up from 4,000"
    published = {"a": MONDAY, "b": MONDAY + timedelta(days=2)}
    by_article = {"a": [earlier], "b": [later, old]}
    assert explained_by_increment([earlier, later], by_article, published, FactParams())


def test_an_increment_that_does_not_make_up_the_difference_explains_nothing() -> None:
    earlier, later = mention("a", 4000), mention("b", 7000)
    extra = mention("b", 2500, role="increment")
    published = {"a": MONDAY, "b": MONDAY + timedelta(days=1)}
    by_article = {"a": [earlier], "b": [later, extra]}
    assert not explained_by_increment([earlier, later], by_article, published, FactParams())


def test_reports_within_a_day_of_each_other_are_not_explained_by_an_increment() -> None:
    earlier, later = mention("a", 4000), mention("b", 7000)
    extra = mention("b", 3000, role="increment")
    published = {"a": MONDAY, "b": MONDAY + timedelta(hours=6)}
    by_article = {"a": [earlier], "b": [later, extra]}
    assert not explained_by_increment([earlier, later], by_article, published, FactParams())
