"""Dates whose day is uncertain or whose role hides behind a noun of time.

Invented events, outlets and people only.
"""

from __future__ import annotations

from datetime import UTC, datetime

from conftest import parsed_figure
from newsfuse.clean.classify import REASON_STAMP
from newsfuse.facts import FactParams, compare_facts
from newsfuse.facts.date_roles import date_role
from newsfuse.facts.dates import names_day_relatively, placed_by_stamp
from newsfuse.model import Article, Claim, Fact, Removal
from newsfuse.pipeline import read_report


def test_a_statement_said_in_the_evening_is_still_a_statement() -> None:
    sentence = (
        "Guards caught two of the men who fled Marrowgate jail, the prisons office said on "
        "Tuesday evening."
    )
    span = parsed_figure(sentence, "Tuesday")
    assert date_role(span, skip_time_nouns=True) == "statement"
    assert date_role(span) == ""  # as before: "evening" stopped the search


def test_a_time_noun_with_its_own_article_is_what_the_date_is_the_day_of() -> None:
    for sentence, day in (
        ("The Tarnby regulator announced a June 30 deadline for bids.", "June 30"),
        ("The Varnish government announced a Monday holiday for the funeral.", "Monday"),
        ("The mayor of Ossel announced a Saturday curfew.", "Saturday"),
    ):
        span = parsed_figure(sentence, day)
        assert date_role(span, skip_time_nouns=True, bare_time_nouns_only=True) == "", sentence
        assert date_role(span, skip_time_nouns=True) == "statement", sentence  # before
    # A bare time of day is still the date's own word.
    span = parsed_figure(
        "The Ossel council announced Monday morning that the pier would close.", "Monday"
    )
    assert date_role(span, skip_time_nouns=True, bare_time_nouns_only=True) == "statement"
    span = parsed_figure(
        "The Ossel council said at a Tuesday morning briefing that it would close.", "Tuesday"
    )
    assert date_role(span, skip_time_nouns=True, bare_time_nouns_only=True) == "statement"


def test_two_deadlines_announced_are_compared_as_deadlines() -> None:
    # Invented tender: both days are the deadline's, not the announcement's.
    published = datetime(2024, 6, 10, 10, tzinfo=UTC)
    texts = (
        "The Tarnby water regulator on Friday announced a June 30 deadline for bids to run "
        "the Ossel reservoir.",
        "The Tarnby water regulator has set a July 15 deadline for bids to run the Ossel "
        "reservoir.",
    )
    articles = [
        Article(id=name, text=text, source=f"Outlet {name}", published=published)
        for name, text in zip("ab", texts, strict=True)
    ]
    on = _date_facts(articles, FactParams())
    off = _date_facts(articles, FactParams(date_role_stops_at_determined_time_nouns=False))
    assert [fact.status for fact in on if len(fact.claims) > 1] == ["conflict"]
    assert [fact.status for fact in off if len(fact.claims) > 1] == []


def test_days_named_from_the_day_of_writing_are_relative() -> None:
    for text in ("Wednesday", "yesterday", "three days ago", "last Friday"):
        assert names_day_relatively(text), text
    for text in ("June 5", "5 June 2024", "2024-06-05"):
        assert not names_day_relatively(text), text


def test_only_a_stamped_articles_relative_day_is_placed_by_its_stamp() -> None:
    weekday = Claim("a", 0, 9, "Wednesday", "date", "2024-06-12")
    calendar = Claim("b", 0, 6, "June 5", "date", "2024-06-05")
    assert placed_by_stamp((weekday, calendar), {"a"})
    assert not placed_by_stamp((weekday, calendar), {"b"})  # b writes a calendar day
    assert not placed_by_stamp((weekday, calendar), set())


def _stamped(article_id: str, text: str, stamp: str) -> Article:
    """An article with no publication time whose page carried an update stamp."""
    return Article(
        id=article_id,
        text=text,
        source=f"Outlet {article_id}",
        removed=(Removal(stamp, REASON_STAMP),),
    )


def _date_facts(articles: list[Article], params: FactParams) -> list[Fact]:
    return [fact for fact in compare_facts(articles, params=params) if fact.kind == "date"]


def test_a_weekday_placed_only_by_an_update_stamp_differs_rather_than_conflicts() -> None:
    # Invented ferry grounding: a says "Wednesday" and its page was updated days later; b
    # names the calendar day. The stamp may be the update's day, not the writing's.
    articles = [
        _stamped(
            "a",
            "Harbour master Olek Prandt confirmed Wednesday that the ferry Lindqvist ran "
            "aground off Tessel Point with 120 passengers aboard.",
            "Updated 13 June 2024 08:15",
        ),
        _stamped(
            "b",
            "The port authority confirmed June 5 that the ferry Lindqvist ran aground off "
            "Tessel Point with 120 passengers aboard.",
            "Updated 6 June 2024 09:00",
        ),
    ]
    on = _date_facts(articles, FactParams())
    off = _date_facts(articles, FactParams(stamp_placed_days_differ=False))
    assert [fact.status for fact in on if len(fact.claims) > 1] == ["differs"]
    assert [fact.status for fact in off if len(fact.claims) > 1] == ["conflict"]


def test_a_published_weekday_still_conflicts_with_another_day() -> None:
    # Invented bridge closure: both outlets carry publication times, so Wednesday is placed.
    published = datetime(2024, 6, 14, 10, tzinfo=UTC)
    articles = [
        Article(
            id=article_id,
            text=f"Engineers closed the Harnby bridge {day} after cracks were found in a pier.",
            source=f"Outlet {article_id}",
            published=published,
        )
        for article_id, day in (("a", "on Wednesday"), ("b", "on June 10"))
    ]
    facts = _date_facts(articles, FactParams())
    assert [fact.status for fact in facts if len(fact.claims) > 1] == ["conflict"]


def test_a_weekday_dated_by_an_update_stamp_the_cleaner_read_differs() -> None:
    # Invented ferry grounding again, read through the cleaner: a's only time is its
    # "Updated" line, which the cleaner turned into its publication time.
    records = [
        {
            "id": "a",
            "text": "Updated: June 13, 2024 8:15 am\n\nHarbour master Olek Prandt confirmed "
            "Wednesday that the ferry Lindqvist ran aground off Tessel Point with 120 "
            "passengers aboard.",
        },
        {
            "id": "b",
            "text": "The port authority confirmed June 5 that the ferry Lindqvist ran aground "
            "off Tessel Point with 120 passengers aboard.",
            "published": "2024-06-06T09:00:00Z",
        },
    ]
    articles = list(read_report(records).articles)
    assert articles[0].published is not None  # the stamp became its publication time
    on = _date_facts(articles, FactParams())
    off = _date_facts(articles, FactParams(stamp_placed_days_differ=False))
    assert [fact.status for fact in on if len(fact.claims) > 1] == ["differs"]
    assert [fact.status for fact in off if len(fact.claims) > 1] == ["conflict"]


def test_a_dispute_between_placed_days_stands_beside_a_stamped_weekday() -> None:
    weekday = Claim("a", 0, 9, "Wednesday", "date", "2024-06-12")
    fifth = Claim("b", 0, 6, "June 5", "date", "2024-06-05")
    seventh = Claim("c", 0, 6, "June 7", "date", "2024-06-07")
    assert placed_by_stamp((weekday, fifth), {"a"})
    assert not placed_by_stamp((weekday, fifth, seventh), {"a"})  # b and c still disagree


def _ferry_reports(stamp: str, day: str) -> list[Article]:
    """Invented ferry grounding read through the cleaner: a's only time is its stamp."""
    records = [
        {
            "id": "a",
            "text": f"{stamp}\n\nHarbour master Olek Prandt confirmed {day} that the ferry "
            "Lindqvist ran aground off Tessel Point with 120 passengers aboard.",
        },
        {
            "id": "b",
            "text": "The port authority confirmed June 5 that the ferry Lindqvist ran aground "
            "off Tessel Point with 120 passengers aboard.",
            "published": "2024-06-06T09:00:00Z",
        },
    ]
    return list(read_report(records).articles)


def test_a_weekday_placed_by_a_publication_stamp_beside_an_update_still_conflicts() -> None:
    # a was published June 6 (its Monday is June 3) and updated later or the same day:
    # the publication part places the day, so Monday against June 5 is a dispute.
    for stamp in (
        "Published: June 6, 2024 8:15 am | Updated: June 13, 2024 9:00 am",
        "Published: June 6, 2024 8:15 am\nUpdated: June 13, 2024 9:00 am",
        "Published: June 6, 2024 8:15 am\nUpdated: June 6, 2024 3:00 pm",
    ):
        articles = _ferry_reports(stamp, "Monday")
        facts = _date_facts(articles, FactParams())
        assert [fact.status for fact in facts if len(fact.claims) > 1] == ["conflict"], stamp
        whole = FactParams(stamp_reads_publication_part=False)  # the stamp read whole
        facts = _date_facts(articles, whole)
        assert [fact.status for fact in facts if len(fact.claims) > 1] == ["differs"], stamp


def test_a_weekday_placed_by_the_update_part_of_a_stamp_still_differs() -> None:
    # The cleaner took the update's day (listed first): the weekday may be a week late.
    stamp = "Updated: June 13, 2024 9:00 am\nPublished: June 6, 2024 8:15 am"
    facts = _date_facts(_ferry_reports(stamp, "Monday"), FactParams())
    assert [fact.status for fact in facts if len(fact.claims) > 1] == ["differs"]


def test_a_weekday_placed_by_a_bylines_date_conflicts_and_by_a_captions_differs() -> None:
    # A byline's date is the day the page was written; a caption's is its photo's.
    byline = "By Ana Ruiz, Tessel Post • June 6, 2024 8:15 am"
    caption = (
        "The Lindqvist aground off Tessel Point on June 6, 2024. (Photo: Ana Ruiz/Tessel Post)"
    )
    for stamp, expected in ((byline, "conflict"), (caption, "differs")):
        articles = _ferry_reports(stamp, "Monday")
        assert articles[0].published is None  # the cleaner reads no time from either
        facts = _date_facts(articles, FactParams())
        assert [fact.status for fact in facts if len(fact.claims) > 1] == [expected], stamp
    whole = FactParams(stamp_reads_publication_part=False)  # any such day uncertain
    facts = _date_facts(_ferry_reports(byline, "Monday"), whole)
    assert [fact.status for fact in facts if len(fact.claims) > 1] == ["differs"]
