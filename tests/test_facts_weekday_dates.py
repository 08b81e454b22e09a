"""A weekday written before the calendar day it names ("Wednesday, March 30") is one
date, and an article's calendar day stands for it over its bare weekday in a row. Every
sentence here is invented."""

from __future__ import annotations

from datetime import date

from newsfuse.facts import compare_facts
from newsfuse.facts.dates import find_dates, join_weekdays_to_dates
from newsfuse.facts.extract import scan_claims
from newsfuse.facts.params import FactParams
from newsfuse.model import Article


def _joined(text: str) -> list[tuple[str, date | None, str]]:
    mentions = join_weekdays_to_dates(text, find_dates(text, None, 2016))
    return [(mention.text, mention.day, mention.weekday) for mention in mentions]


def test_a_weekday_before_its_calendar_day_is_one_date() -> None:
    assert _joined("The ox was shot Wednesday, April 6 by wardens.") == [
        ("Wednesday, April 6", date(2016, 4, 6), "")
    ]
    assert _joined("The fair opened on Thursday 7 April 2016 in Dunmore.") == [
        ("Thursday 7 April 2016", date(2016, 4, 7), "")
    ]


def test_a_weekday_apart_from_a_day_or_before_no_day_stays_a_weekday() -> None:
    assert _joined("Wardens met on Monday, and on April 6 they shot the ox.") == [
        ("Monday", None, "Monday"),
        ("April 6", date(2016, 4, 6), ""),
    ]
    # No year to place the day: the weekday is all that is known.
    text = "Wardens shot the ox on Wednesday, April 6."
    assert [(m.text, m.weekday) for m in join_weekdays_to_dates(text, find_dates(text, None))] == [
        ("Wednesday", "Wednesday")
    ]
    assert _joined("On Monday, 2016 began badly for Dunmore.") == [("Monday", None, "Monday")]


def test_the_switch_off_keeps_the_weekday_as_a_claim_of_its_own() -> None:
    article = Article(id="a", text="The Velm bridge reopened Friday, May 13, 2016, after repairs.")
    on = [claim.text for claim in scan_claims(article)]
    off = scan_claims(article, params=FactParams(weekday_joins_its_date=False))
    assert on == ["Friday, May 13, 2016"]
    assert [claim.text for claim in off] == ["Friday", "May 13, 2016"]


OX_STORY = [
    Article(
        id="a",
        text="An ox was shot dead in Dunmore on Wednesday, April 6, 2016, after it charged "
        "a cyclist near the Velm river bridge.",
        source="Dunmore Courier",
    ),
    Article(
        id="b",
        text="The ox, a local favourite, was shot dead in Dunmore on Wednesday after it "
        "charged a cyclist near the bridge.\n\nThe ox was shot and killed Wednesday, April 6 "
        "by county wardens, officials said.",
        source="Velm Gazette",
    ),
    Article(
        id="c",
        text="The ox was shot and killed on Wednesday by county wardens, officials said. "
        "Ranchers in Dunmore are angry.",
        source="Plains Wire",
    ),
    Article(
        id="d",
        text="County wardens shot the ox dead on April 6 after it charged a cyclist in Dunmore.",
        source="Tarn Daily",
    ),
]


def _row_of_d(params: FactParams) -> dict[str, str]:
    rows = [
        fact
        for fact in compare_facts(OX_STORY, params=params)
        if fact.kind == "date" and any(claim.article_id == "d" for claim in fact.claims)
    ]
    assert len(rows) == 1
    return {claim.article_id: str(claim.value) for claim in rows[0].claims}


def test_a_joined_row_keeps_an_articles_calendar_day_over_its_bare_weekday() -> None:
    # b's "Wednesday" and its "Wednesday, April 6" first fall into two rows (the one with
    # a, the other with c's like sentence); joined, b keeps the day.
    day = "2016-04-06"
    assert _row_of_d(FactParams()) == {"a": day, "b": day, "c": "Wednesday", "d": day}
    off = _row_of_d(FactParams(placed_day_over_its_weekday=False))
    assert off == {"a": day, "b": "Wednesday", "c": "Wednesday", "d": day}


def test_a_weekday_that_is_not_its_written_days_weekday_stays_a_claim_of_its_own() -> None:
    # March 31, 2016 was a Thursday: "said Wednesday" is when it was said, not the day.
    assert _joined("Velm police said Wednesday, March 31, 2016 was the deadline.") == [
        ("Wednesday", None, "Wednesday"),
        ("March 31, 2016", date(2016, 3, 31), ""),
    ]
    assert _joined("Velm police said Thursday, March 31, 2016 was the deadline.") == [
        ("Thursday, March 31, 2016", date(2016, 3, 31), "")
    ]
    # No year written: the year is inferred and may be wrong, so the weekday still joins.
    assert _joined("Velm police said Wednesday, March 31 was the deadline.") == [
        ("Wednesday, March 31", date(2016, 3, 31), "")
    ]
