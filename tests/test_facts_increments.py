"""An earlier figure plus a later-reported change is a revision (newsfuse.facts.increments)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from newsfuse.facts import compare_facts
from newsfuse.facts.describe import Mention
from newsfuse.facts.increments import explained_by_increment, told_as_change
from newsfuse.facts.params import FactParams
from newsfuse.model import Article, Claim

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


# Invented market: one outlet tells the change, the others one end of it each (no times,
# as on real news).
CHANGE = "The number of stalls at the Velmor market rose from 12 to 20 this year, the council said."


def stall_rows(texts: list[str], params: FactParams) -> list[tuple[str, tuple[float, ...]]]:
    articles = [
        Article(id=chr(ord("a") + index), text=text, source=f"Outlet {index}")
        for index, text in enumerate(texts)
    ]
    return [
        (fact.status, tuple(float(claim.value) for claim in fact.claims))  # type: ignore[arg-type]
        for fact in compare_facts(articles, params=params, embeddings=False)
        if fact.kind == "count" and len(fact.claims) > 1
    ]


def test_the_old_value_of_a_told_change_is_no_conflict_with_the_new_one() -> None:
    texts = [CHANGE, "The Velmor market has 12 stalls, the council said."]
    assert stall_rows(texts, FactParams()) == [("differs", (20.0, 12.0))]
    switched_off = FactParams(change_from_other_figure_differs=False)
    assert stall_rows(texts, switched_off) == [("conflict", (20.0, 12.0))]


def test_a_change_told_by_a_third_source_joins_the_two_ends_other_sources_give() -> None:
    texts = [CHANGE, "The Velmor market has 12 stalls.", "The Velmor market has 20 stalls."]
    assert stall_rows(texts, FactParams()) == [("differs", (20.0, 12.0, 20.0))]


def test_a_figure_no_change_explains_still_conflicts() -> None:
    # "rose from 12 to 20" beside "20" and "25": the 25 disputes the new value.
    texts = [CHANGE, "The Velmor market now has 20 stalls.", "The Velmor market now has 25 stalls."]
    assert stall_rows(texts, FactParams()) == [("conflict", (20.0, 20.0, 25.0))]


def _stalls(article: str, start: int, value: int, *, previous: bool = False) -> Mention:
    claim = Claim(article, start, start + 2, str(value), "count", value)
    return Mention(claim, "count:", "stall", (), (), "", False, False, previous)


def test_the_two_ends_of_a_change_stand_in_one_clause() -> None:
    told = "Stalls went from 12 to 20."
    apart = "Stalls numbered 12 in May. Now they count 20."
    for text, expected in ((told, True), (apart, False)):
        old = _stalls("a", text.index("12"), 12, previous=True)
        new = _stalls("a", text.index("20"), 20)
        other = _stalls("b", 0, 12)
        by_article = {"a": [old, new], "b": [other]}
        found = told_as_change([new, other], by_article, {"a": text}, FactParams())
        assert found is expected


def test_a_change_between_other_values_leaves_the_pair_disputed() -> None:
    text = "Stalls went from 14 to 20."
    old = _stalls("a", text.index("14"), 14, previous=True)
    new = _stalls("a", text.index("20"), 20)
    other = _stalls("b", 0, 12)
    by_article = {"a": [old, new], "b": [other]}
    assert not told_as_change([new, other], by_article, {"a": text}, FactParams())


def test_a_figure_past_the_changes_new_end_is_no_end_of_that_change() -> None:
    # "grew from 12 members to 30 and hired 20 coaches": the change is 12 -> 30, so the 20
    # coaches still dispute another outlet's 12 coaches.
    text = "The Arden rowing club grew from 12 members to 30 members and hired 20 coaches."
    old = _stalls("a", text.index("12"), 12, previous=True)
    end = _stalls("a", text.index("30"), 30)
    past = _stalls("a", text.index("20"), 20)
    other = _stalls("b", 0, 12)
    by_article = {"a": [old, end, past], "b": [other]}
    assert not told_as_change([past, other], by_article, {"a": text}, FactParams())
    assert told_as_change([end, other], by_article, {"a": text}, FactParams())


def test_a_coaches_count_past_a_members_change_still_conflicts() -> None:
    texts = [
        "The Arden rowing club grew from 12 members to 30 members and hired 20 coaches.",
        "The Arden rowing club hired 12 coaches, its chairman said.",
    ]
    articles = [
        Article(id=chr(ord("a") + index), text=text, source=f"Outlet {index}")
        for index, text in enumerate(texts)
    ]
    rows = [
        (fact.status, sorted(float(claim.value) for claim in fact.claims))  # type: ignore[arg-type]
        for fact in compare_facts(articles, embeddings=False)
        if fact.kind == "count" and len(fact.claims) > 1
    ]
    assert rows == [("conflict", [12.0, 20.0])]
