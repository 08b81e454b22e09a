"""Publication times come from metadata and page stamps, never from the story's sentences."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from newsfuse.corpus import Corpus, export_stories
from newsfuse.reading.html import extract_html
from newsfuse.store.dates import REPAIRED_META_KEY

NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)

# An invented trial report: its sentences mention 1944 and 2002, but it has no date of its own.
TRIAL_BODY = (
    "A 93-year-old former guard of the Velmor labour camp went on trial in Estrav on "
    "Tuesday, charged as an accessory to the deaths of prisoners held there.\n\n"
    "Prosecutors say he served at the camp from 12 August 1944 until it was abandoned, "
    "and that he was questioned once before, on 3 March 2002, when the case was shelved.\n\n"
    "Lawyers for the defendant, Oskar Threnn, told the Estrav district court he had been "
    "a clerk and never saw the prisoners. The trial is expected to last until October."
)


def _page(head: str = "", tail: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in TRIAL_BODY.split("\n\n"))
    return (
        f"<html><head><title>Former camp guard on trial</title>{head}</head><body>"
        f"<article><h1>Former camp guard on trial</h1>{paragraphs}{tail}</article></body></html>"
    )


def test_an_undated_article_is_not_dated_by_the_years_its_body_mentions() -> None:
    with Corpus(memory=True, embedder="hashing") as corpus:
        corpus.ingest(
            [{"id": "trial", "title": "Former camp guard on trial", "text": TRIAL_BODY}], now=NOW
        )
        (story,) = corpus.stories()
        assert story.first_published is None and story.last_published is None
        (view,) = [corpus.story(story.id, facts=False)]
        assert all(entry.first_published is None for entry in view.timeline)


def test_an_html_page_without_metadata_takes_no_date_from_its_sentences() -> None:
    assert extract_html(_page(), "trial.html").published is None


def test_json_ld_date_published_dates_the_page_with_its_time() -> None:
    head = (
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "NewsArticle", "datePublished": "2026-05-12T08:30:00Z"}</script>'
    )
    published = extract_html(_page(head=head), "trial.html").published
    assert published == datetime(2026, 5, 12, 8, 30, tzinfo=UTC)


def test_a_last_updated_stamp_at_the_bottom_dates_the_article() -> None:
    text = TRIAL_BODY + "\n\nLast updated: Tue, 12/05/2026 - 09:15"
    with Corpus(memory=True, embedder="hashing") as corpus:
        corpus.ingest(
            [{"id": "trial", "title": "Former camp guard on trial", "text": text}], now=NOW
        )
        (story,) = corpus.stories()
        assert story.first_published == datetime(2026, 5, 12, 9, 15, tzinfo=UTC)


def test_a_last_updated_stamp_at_the_bottom_of_a_page_dates_it() -> None:
    tail = "<p>Last updated: 12 May 2026, 09:15</p>"
    with Corpus(memory=True, embedder="hashing") as corpus:
        corpus.ingest([{"id": "trial", "html": _page(tail=tail)}], now=NOW)
        (story,) = corpus.stories()
        assert story.first_published is not None
        assert story.first_published.date() == datetime(2026, 5, 12).date()


def test_export_shows_an_undated_story_as_ingested(tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    with Corpus(db, embedder="hashing") as corpus:
        corpus.ingest(
            [{"id": "trial", "title": "Former camp guard on trial", "text": TRIAL_BODY}], now=NOW
        )
    (story,) = export_stories(db=db)
    assert story["first_published"] is None and story["last_published"] is None
    assert story["date_source"] == "ingested"
    assert story["first_ingested"] == NOW.isoformat()


def test_an_old_store_with_body_mentioned_dates_is_repaired_on_opening(tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    with Corpus(db, embedder="hashing") as corpus:
        corpus.ingest(
            [{"id": "trial", "title": "Former camp guard on trial", "text": TRIAL_BODY}], now=NOW
        )
    # What a store written before the fix held: the article dated from its body, its
    # story dated likewise, and no record of the repair.
    mentioned = datetime(2002, 3, 3, tzinfo=UTC)
    with sqlite3.connect(db) as connection:
        connection.execute(
            "UPDATE articles SET event_time = ?, date_source = 'mentioned'",
            (mentioned.isoformat(),),
        )
        connection.execute(
            "UPDATE stories SET first_time = ?, last_time = ?, dated = 1, first_known = ?, "
            "last_known = ?, days = ?",
            (*[mentioned.isoformat()] * 4, json.dumps([mentioned.toordinal()])),
        )
        connection.execute("DELETE FROM meta WHERE key = ?", (REPAIRED_META_KEY,))
    (story,) = export_stories(db=db)
    assert story["first_published"] is None and story["date_source"] == "ingested"
    with Corpus(db, embedder="hashing") as corpus:
        (summary,) = corpus.stories()
        assert summary.first_published is None
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT DISTINCT date_source FROM articles").fetchall() == [
            ("ingested",)
        ]
        assert connection.execute("SELECT first_known, days FROM stories").fetchall() == [
            (None, "[]")
        ]
