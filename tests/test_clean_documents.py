"""Tests of newsfuse.clean.documents: pages that are not articles are flagged, stories never.

Every text here is invented for these tests (outlets, people, places, notices);
none is copied from any crawl or data set.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, REPO
from newsfuse.clean import clean_articles, clean_report, is_non_article
from newsfuse.clean.documents import describe_notice
from newsfuse.model import Article, ReadReport
from newsfuse.reading import read_inputs

# Pages a crawler brings back instead of the article.
NON_ARTICLES = {
    "cookie wall": (
        "We use cookies and similar tracking technologies to personalise content and measure "
        "traffic. Our partners and vendors may store cookies on your device. You can change "
        "your preferences at any time in the privacy settings. Accept all cookies or manage "
        "your consent choices below."
    ),
    "paywall": (
        "This article is for subscribers only. You have used all of your free articles this "
        "month. Subscribe now for unlimited access to our premium journalism on any device. "
        "Already a subscriber? Log in to your account to continue reading."
    ),
    "javascript": (
        "JavaScript is disabled in your browser. Please enable JavaScript or switch to a "
        "supported browser to continue using this website. If you use an ad blocker, add "
        "our site to its list of exceptions."
    ),
    "error page": (
        "Oops! The page you requested was not found.\n\n"
        "The link you followed may be broken, or the page may have been removed. Check the "
        "URL for spelling errors, or go back to the home page and use the search box."
    ),
    "crawl notice": (
        "This collection holds captures made by an automated crawler. Each crawl starts "
        "from a list of seed hosts and follows their links, so that archived pages stay "
        "available after the original website changes or goes offline. The archive files "
        "of this crawl are not open to the public yet."
    ),
    "login": "Please sign in to continue.\n\nUsername\n\nPassword",
    "reprint notice": (
        "This copy is for your personal, non-commercial use only. For licensing and "
        "permission to reprint, order reprints for distribution through our reprints "
        "page at www.example-reprints.test"
    ),
}

# Real stories (some about cookies, apps, archives or logins) that must never be flagged.
ARTICLES = {
    "privacy story": (
        "Regulators in Velmora fined the shopping site Brightcart 2.4 million euros on Tuesday "
        "for placing tracking cookies without consent.\n\n"
        "The data protection office said Brightcart had ignored users' privacy settings for "
        "two years, and ordered it to change its cookie banner within a month."
    ),
    "app story": (
        "Lantern Labs released a new version of its messaging app that lets users download "
        "their chat history and delete their accounts from the settings menu. The update "
        "also adds a password manager and two-step sign-in for the 40 million users of "
        "the app."
    ),
    "archive story": (
        "The national library of Ostvia has begun to archive the websites of every local "
        "newspaper, its director Mara Quell told reporters. The crawl will store about "
        "12,000 sites a year, and archived pages will be open to researchers."
    ),
    "short quote": (
        '"We will rebuild the bridge before winter," mayor Tomas Reyland said after the '
        "flood swept away the only road into Kessen."
    ),
    "statement": (
        "I want to thank every volunteer who searched the hills above Darrow for three days. "
        "You never gave up, and because of you our son is home."
    ),
    "outage story": (
        "Customers of Nordbank could not log in to online banking for six hours because of "
        "an error in a software update. The bank apologised and said no money was lost. "
        "Its website and app were working again by the evening."
    ),
}


@pytest.mark.parametrize("name", sorted(NON_ARTICLES))
def test_non_article_pages_are_flagged_with_their_kind(name: str) -> None:
    reason = is_non_article(Article(id=name, text=NON_ARTICLES[name]))
    assert reason is not None
    expected = {
        "cookie wall": "cookie",
        "paywall": "subscription",
        "javascript": "JavaScript",
        "error page": "error page",
        "crawl notice": "crawl",
        "login": "login",
        "reprint notice": "reprint",
    }[name]
    assert expected in reason


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_stories_are_never_flagged(name: str) -> None:
    assert is_non_article(Article(id=name, text=ARTICLES[name])) is None


def test_a_headline_repeated_alone_is_a_page_without_a_story() -> None:
    headline = "What the flood maps of Kessen show"
    reason = is_non_article(Article(id="v", text="\n\n".join([headline] * 3)))
    assert reason is not None and "without a story" in reason
    # One headline and a sentence of story is a (very short) story.
    story = headline + "\n\nThe maps show 40 streets under water, the council said on Monday."
    assert is_non_article(Article(id="w", text=story)) is None


def test_a_long_policy_text_is_kept_as_a_source() -> None:
    # A privacy policy quoted as the subject of a story is long and full of notice
    # words, but it is a primary source, not a page in the way.
    paragraph = (
        "We collect information about the programmes you watch and the buttons you press, "
        "and we may share it with partners to personalise recommendations. You can change "
        "your privacy settings in the menu of your device at any time. "
    )
    assert is_non_article(Article(id="p", text=paragraph * 12)) is None


def test_a_wire_dateline_marks_news() -> None:
    article = Article(id="d", text="KESSEN (Ostvia Press) - " + NON_ARTICLES["error page"])
    cleaned = clean_articles([article])[0]
    assert cleaned.non_article == ""


def test_profile_counts_notice_words_and_news_marks() -> None:
    profile = describe_notice(NON_ARTICLES["cookie wall"])
    assert profile.kinds["cookie or consent notice"] >= 5
    assert profile.news_marks == 0
    assert profile.second_person >= 3
    assert 0.1 < profile.share < 1.0
    story = describe_notice(ARTICLES["privacy story"])
    assert story.news_marks >= 2


def test_clean_report_skips_non_articles_with_the_reason_and_can_keep_them() -> None:
    story = Article(id="s", text=ARTICLES["privacy story"], origin="feed.jsonl:1")
    # (A cookie wall or browser notice written as one paragraph to "you" is removed by
    # the line cleaner already: the report calls it "all boilerplate".)
    wall = Article(id="c", text=NON_ARTICLES["crawl notice"], origin="feed.jsonl:2")
    report = clean_report(ReadReport(articles=(story, wall)))
    assert [a.id for a in report.articles] == ["s"]
    (skipped,) = report.skipped
    assert skipped.origin == "feed.jsonl:2"
    assert "not an article (web archive or crawl notice" in skipped.reason
    kept = clean_report(ReadReport(articles=(story, wall)), keep_non_articles=True)
    assert [a.id for a in kept.articles] == ["s", "c"]
    assert kept.articles[0].non_article == ""
    assert kept.articles[1].non_article.startswith("web archive or crawl notice")
    assert kept.skipped == ()


def test_cleaning_twice_keeps_the_flag() -> None:
    once = clean_articles([Article(id="e", text=NON_ARTICLES["error page"])])
    twice = clean_articles(once)
    assert once[0].non_article and twice[0].non_article == once[0].non_article
    assert twice[0].text == once[0].text


def test_read_then_clean_reports_a_crawl_notice_among_real_files(tmp_path: Path) -> None:
    lines = [
        {"id": "story", "text": ARTICLES["archive story"], "source": "Ostvia Herald"},
        {"id": "notice", "text": NON_ARTICLES["crawl notice"]},
        {"id": "quote", "text": ARTICLES["short quote"]},
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    report = clean_report(read_inputs([path]))
    assert [a.id for a in report.articles] == ["story", "quote"]
    (skipped,) = report.skipped
    assert skipped.origin == f"{path}:2"
    assert "web archive or crawl notice" in str(skipped)


def test_no_fixture_or_example_article_is_flagged() -> None:
    # Precision guard: every invented article the other tests and the demo use is a story.
    report = read_inputs([FIXTURES, REPO / "examples"])
    cleaned = clean_articles(report.articles)
    assert len(cleaned) >= 20
    assert [(a.origin, a.non_article) for a in cleaned if a.non_article] == []


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_any_text_gets_a_reason_or_none_and_reports_add_news_marks(text: str) -> None:
    reason = is_non_article(Article(id="t", text=text))
    assert reason is None or reason.strip()
    # Two sentences of reporting (attribution, a weekday, a quantity) make any short
    # notice-like text news: the detector never flags a document that reports.
    reported = (
        text + "\n\nOfficials said on Monday that 1,200 people had left the valley, and "
        "the mayor told reporters that 40 percent of homes were damaged."
    )
    if not reason or "without a story" not in reason:
        assert is_non_article(Article(id="r", text=reported)) is None
