"""Issue 16's pipeline half: languages, independent outlets, retention, digest, briefs.

Real SQLite stores and the loopback feed server; invented outlets, people and events.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from conftest import CHROMIUM, CHROMIUM_ARGS, REPO, run_cli, subprocess_env
from feed_server import FeedServer, refuse_non_loopback, start_server
from live_feeds import Item, serve_outlet
from newsfuse.clean.language import text_language
from newsfuse.corpus import Corpus, PollingParams, Source
from newsfuse.fetching import Fetcher, FetchSettings
from newsfuse.model import Article

EAGER = PollingParams(min_interval=0.0, max_interval=60.0, workers=2)

ENGLISH = (
    "The council of Brackwater said on Monday that the ferry to Olm Island would stop "
    "for the winter. It was the first time in forty years that the service had been cut, "
    "and the harbour master said the decision had been taken with regret."
)
GERMAN = (
    "Der Rat von Brackwater hat am Montag gesagt, dass die Fähre zur Insel Olm im Winter "
    "nicht mehr fahren wird. Es ist das erste Mal seit vierzig Jahren, dass der Dienst "
    "eingestellt wird, und der Hafenmeister sagte, die Entscheidung sei mit Bedauern "
    "gefallen."
)


@pytest.fixture
def server(monkeypatch: Any) -> Iterator[FeedServer]:
    refuse_non_loopback(monkeypatch)
    running = start_server()
    yield running
    running.stop()


@pytest.fixture
def fetcher(server: FeedServer) -> Iterator[Fetcher]:
    with Fetcher(FetchSettings(host_delay=0.0, allow_hosts=(server.host_port,))) as client:
        yield client


def _signals(tag: str, language: str) -> Any:
    from newsfuse.group.features import EventDate
    from newsfuse.group.index import ArticleSignals

    embedding = np.zeros(384, dtype=np.float32)
    embedding[0] = 1.0
    return ArticleSignals(
        article_id="a-" + tag * 16,
        content_hash=tag * 64,
        date=EventDate(datetime(2026, 11, 2, tzinfo=UTC), "published"),
        embedding=embedding,
        terms={7: 1.0},
        key_numbers=(),
        names=(),
        language=language,
    )


def test_an_article_in_another_language_is_grouped_within_its_language() -> None:
    from newsfuse.group.index import StoryIndex

    index = StoryIndex()
    english = index.place(_signals("a", "en"))
    german = index.place(_signals("b", "de"))
    again = index.place(_signals("c", "en"))
    unknown = index.place(_signals("d", ""))
    # Same embedding and terms: only the language keeps the German report apart.
    assert german.new_story and german.story_id != english.story_id
    assert again.story_id == english.story_id
    assert unknown.story_id in {english.story_id, german.story_id}
    assert {s.language for s in index.stories.values()} == {"en", "de"}


def test_the_language_of_a_text_is_detected_and_stored_with_the_article() -> None:
    assert text_language(ENGLISH) == "en"
    assert text_language(GERMAN) == "de"
    with Corpus(memory=True, embedder="hashing") as corpus:
        corpus.ingest_articles(
            [
                Article(id="en", text=ENGLISH, title="Olm ferry stops", source="Brackwater Post"),
                Article(id="de", text=GERMAN, title="Olm-Fähre fährt nicht", source="Olmer Bote"),
            ]
        )
        languages = {
            article.title: article.language
            for story in corpus.stories()
            for article in corpus.story(story.id, brief=False).brief.sources
        }
    assert languages == {"Olm ferry stops": "en", "Olm-Fähre fährt nicht": "de"}


def _item(slug: str, text: str, hours: int = 0) -> Item:
    return Item(
        slug=slug,
        title=f"Olm ferry report {slug}",
        paragraphs=tuple(p.strip() + "." for p in text.split(".") if p.strip()),
        published=datetime.now(UTC) - timedelta(hours=hours),
        teaser_only=False,
    )


def test_one_article_in_feeds_of_two_owners_is_one_article_of_one_outlet(
    tmp_path: Path, server: FeedServer, fetcher: Fetcher
) -> None:
    shared = [_item("shared", ENGLISH)]
    serve_outlet(server, "/live/a.xml", "Brackwater Post", shared)
    serve_outlet(server, "/live/b.xml", "Olm Aggregator", shared)
    with Corpus(tmp_path / "o.db", embedder="hashing") as corpus:
        corpus.save_sources([Source(server.url("/live/a.xml"), owner="Post Group")])
        corpus.fetch(fetcher, params=EAGER)
        corpus.save_sources([Source(server.url("/live/b.xml"), owner="Aggregator Ltd")])
        corpus.fetch(fetcher, params=EAGER)
        (story,) = corpus.stories()
        (article,) = corpus.story(story.id, brief=False).brief.sources
        seen = corpus.sightings(article.id)
    # Stored once, seen in both feeds; published by the feed it was first seen in.
    assert [s.source_url for s in seen] == [
        server.url("/live/a.xml"),
        server.url("/live/b.xml"),
    ]
    assert (story.source_count, story.outlet_count) == (1, 1)


def test_outlets_with_one_owner_count_once_and_a_new_owner_recounts(tmp_path: Path) -> None:
    from newsfuse.store import open_store

    db = tmp_path / "owners.db"
    texts = [ENGLISH, ENGLISH.replace("Monday", "Tuesday") + " Ferries resume in March."]
    texts.append("In other news, " + ENGLISH.replace("forty", "thirty") + " Tickets are void.")
    with Corpus(db, embedder="hashing") as corpus:
        corpus.ingest_articles(
            [
                Article(id=f"x{n}", text=text, title=f"Olm {n}", source=outlet)
                for n, (text, outlet) in enumerate(
                    zip(texts, ("Brackwater Post", "Olm Evening", "Harbour Herald"), strict=True)
                )
            ]
        )
    with sqlite3.connect(db) as connection:
        # Gathered into one story whatever grouping decided, to count its outlets.
        story_id = connection.execute("SELECT min(id) FROM stories").fetchone()[0]
        connection.execute("UPDATE articles SET story_id = ?, duplicate_of = NULL", (story_id,))
    store = open_store(db)
    try:
        assert store.count_outlets(story_id) == 3
    finally:
        store.close()
    with sqlite3.connect(db) as connection:
        for n, owner in ((0, "Post Group"), (1, "Post Group"), (2, "Herald Trust")):
            url = f"http://127.0.0.1:9/feed{n}.xml"
            connection.execute(
                "INSERT INTO sources(url, name, owner, added_at) VALUES (?, ?, ?, ?)",
                (url, f"Feed {n}", owner, "2026-11-02T00:00:00+00:00"),
            )
            connection.execute(
                "INSERT INTO sightings(source_url, item_key, url, article_id, seen_at) "
                "SELECT ?, ?, '', id, ? FROM articles WHERE source_id = ?",
                (url, f"k{n}", "2026-11-02T00:00:00+00:00", f"x{n}"),
            )
    store = open_store(db)
    try:
        # The Post and the Evening have one owner: two independent outlets, not three.
        assert store.count_outlets(story_id) == 2
    finally:
        store.close()
    with Corpus(db) as corpus:
        # A new owner in the metadata (as a CSV import gives) recounts the stored stories.
        corpus.save_sources(
            [Source("http://127.0.0.1:9/feed2.xml", name="Feed 2", owner="post group")]
        )
        assert [s.outlet_count for s in corpus.stories() if s.id == story_id] == [1]


FERRY = (
    "The ferry to Olm Island stopped on {day} after the harbour at Brackwater froze. "
    "Harbour master Ines Varrow said {n} crossings had been cancelled and that the "
    "council would pay for a temporary bridge of pontoons."
)
MILL = (
    "A fire broke out at the Quenby flour mill on {day}, and {n} workers were led out "
    "safely. The mill owner, Corwin Ashby, said the grain store had been saved but the "
    "roof of the packing hall was lost."
)


def _article(key: str, template: str, day: str, n: int, outlet: str, when: datetime) -> Article:
    return Article(
        id=key,
        text=template.format(day=day, n=n),
        title=f"{outlet}: {template.split(' ')[1]} news",
        source=outlet,
        published=when,
    )


def _settled_noon() -> datetime:
    """Noon of a day that is over by at least 12 hours: the reports written a few hours
    before it are all on one calendar day, whatever the hour the test runs ("Friday" in
    a lead is read against its report's own day, so a midnight between them splits it)."""
    return (datetime.now(UTC) - timedelta(hours=12)).replace(
        hour=12, minute=0, second=0, microsecond=0
    )


def test_keep_days_prunes_stale_stories_with_their_articles_in_one_go(tmp_path: Path) -> None:
    now = datetime(2026, 12, 1, 12, tzinfo=UTC)
    old = now - timedelta(days=40)
    db = tmp_path / "keep.db"
    with Corpus(db, embedder="hashing") as corpus:
        corpus.ingest_articles([_article("m1", MILL, "Monday", 12, "Quenby Courier", old)], now=old)
        corpus.ingest_articles(
            [_article("f1", FERRY, "Friday", 30, "Brackwater Post", now)], now=now
        )
        before = {s.title for s in corpus.stories()}
        counts = corpus.prune(30, now=now)
        after = corpus.stories()
        assert (counts.stories, counts.articles) == (1, 1)
        assert len(before) == 2 and [s.title for s in after] == ["Brackwater Post: ferry news"]
        assert corpus.check() == []
        # The handle's story index was reloaded: the pruned story takes no new article.
        corpus.ingest_articles([_article("m2", MILL, "Tuesday", 14, "Mill Gazette", now)], now=now)
        assert len(corpus.stories()) == 2
        assert corpus.prune(30, now=now).stories == 0
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
        assert (
            connection.execute(
                "SELECT count(*) FROM minhash_bands WHERE article_id NOT IN "
                "(SELECT id FROM articles)"
            ).fetchone()[0]
            == 0
        )


def test_the_digest_ranks_by_independent_outlets_and_renders_markdown_and_html(
    tmp_path: Path,
) -> None:
    from newsfuse.render.digest import render_digest

    now = _settled_noon()
    db = tmp_path / "digest.db"
    with Corpus(db, embedder="hashing") as corpus:
        corpus.ingest_articles(
            [
                _article("m1", MILL, "Monday", 12, "Quenby Courier", now - timedelta(hours=3)),
                _article("f1", FERRY, "Friday", 30, "Brackwater Post", now - timedelta(hours=2)),
                _article("f2", FERRY, "Friday", 30, "Olm Evening", now - timedelta(hours=1)),
            ]
        )
        digest = corpus.digest(now - timedelta(hours=24), now=now)
        old = corpus.digest(now - timedelta(hours=24), now=now, limit=1)
    ranked = [(entry.story.outlet_count, entry.story.title) for entry in digest.stories]
    assert ranked[0][0] >= ranked[-1][0] and len(old.stories) == 1
    assert all(entry.brief.sentences for entry in digest.stories)
    markdown = render_digest(digest, "markdown")
    assert markdown.startswith("# News digest") and "## 1. " in markdown
    assert "independent outlet" in markdown
    page = render_digest(digest, "html")
    assert page.startswith("<!doctype html>") and page.count("<section") == len(digest.stories)
    result = run_cli("digest", "--db", str(db), "--since", "2d", "--format", "html")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count('<section class="story"') == len(digest.stories)
    bad = run_cli("digest", "--db", str(db), "--since", "yesterday")
    assert bad.returncode == 2 and "--since 'yesterday'" in bad.stderr


def test_a_fetch_pass_makes_the_briefs_of_the_stories_it_changed(
    tmp_path: Path, server: FeedServer, fetcher: Fetcher
) -> None:
    serve_outlet(server, "/live/c.xml", "Brackwater Post", [_item("c1", ENGLISH)])
    with Corpus(tmp_path / "b.db", embedder="hashing") as corpus:
        corpus.save_sources([Source(server.url("/live/c.xml"))])
        report = corpus.fetch(fetcher, params=EAGER, briefs=True)
        total, stale = corpus.stale_briefs()
    assert report.briefs == total == 1 and stale == []
    assert "briefs: 1" in report.summary_line()


def test_the_sources_page_adds_and_removes_with_the_token_and_shows_errors(
    tmp_path: Path, server: FeedServer, monkeypatch: Any
) -> None:
    from fastapi.testclient import TestClient

    from newsfuse.server.app import create_app

    monkeypatch.setenv("NEWSFUSE_ALLOW_HOSTS", server.host_port)
    monkeypatch.setenv("NEWSFUSE_HOST_DELAY", "0")
    serve_outlet(server, "/live/p.xml", "Brackwater Post", [_item("p1", ENGLISH)])
    feed = server.url("/live/p.xml")
    app = create_app(tmp_path / "ui.db", token="s3cret")
    with TestClient(app, base_url="http://127.0.0.1") as http:
        assert "No sources yet" in http.get("/sources").text
        refused = http.post("/sources/add", data={"url": feed, "token": "wrong"})
        assert refused.status_code == 401 and "token is missing or wrong" in refused.text
        added = http.post("/sources/add", data={"url": feed, "token": "s3cret"})
        assert added.status_code == 200 and "Added 1 source" in added.text
        assert feed in added.text and "Waiting" in added.text
        gone = http.post("/sources/add", data={"url": server.url("/nope"), "token": "s3cret"})
        assert gone.status_code == 422 and "404" in gone.text
        kept = http.post("/sources/remove", data={"url": feed, "token": ""})
        assert kept.status_code == 401
        removed = http.post("/sources/remove", data={"url": feed, "token": "s3cret"})
        assert removed.status_code == 200 and "No sources yet" in removed.text


def test_the_story_list_shows_outlets_articles_dates_and_conflicts(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from newsfuse.server.app import create_app

    now = _settled_noon()
    db = tmp_path / "list.db"
    with Corpus(db, embedder="hashing") as corpus:
        corpus.ingest_articles(
            [
                _article("f1", FERRY, "Friday", 30, "Brackwater Post", now - timedelta(hours=5)),
                _article("f2", FERRY, "Friday", 31, "Olm Evening", now - timedelta(hours=1)),
            ]
        )
        (story,) = corpus.stories()
        corpus.refresh_story_briefs([story.id])
        conflicts = corpus.conflicts_found([story.id])
    with TestClient(create_app(db), base_url="http://127.0.0.1") as http:
        page = http.get("/", params={"refresh": 5}).text
    assert f"{story.outlet_count} outlet" in page and "2 articles" in page
    assert "first seen" in page and "last seen" in page
    assert 'data-live-refresh="5"' in page
    assert conflicts == {story.id: conflicts[story.id]}
    if conflicts[story.id]:
        assert "conflict" in page


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no chromium at {CHROMIUM}")
def test_the_open_story_list_shows_stories_as_they_arrive(tmp_path: Path) -> None:
    import httpx
    from playwright.sync_api import sync_playwright

    from conftest import start_server as start_app

    live = start_app(tmp_path / "live.db")
    errors: list[str] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            tab = browser.new_page()
            tab.on("pageerror", lambda error: errors.append(str(error)))
            tab.goto(f"{live.url}/?refresh=1")
            assert tab.locator(".story-card").count() == 0
            record = {
                "id": "f1",
                "title": "Olm ferry stops",
                "source": "Brackwater Post",
                "text": FERRY.format(day="Friday", n=30),
            }
            with httpx.Client(base_url=live.url, timeout=120) as http:
                answer = http.post("/api/articles", json={"articles": [record]})
                assert answer.status_code == 200, answer.text
            # No reload: the page fetches itself again and swaps the list in.
            tab.wait_for_selector(".story-card .count-outlets", timeout=20_000)
            assert "1 outlet" in tab.locator(".story-card").first.inner_text()
            assert "Updated at" in tab.locator("[data-live-status]").inner_text()
            tab.goto(f"{live.url}/sources")
            assert tab.locator("h1").inner_text() == "Sources"
            browser.close()
    finally:
        live.stop()
    assert errors == []


def test_watch_keep_days_prunes_after_a_pass_and_stops_on_sigterm(
    tmp_path: Path, server: FeedServer
) -> None:
    now = datetime.now(UTC)
    db = tmp_path / "watch.db"
    serve_outlet(server, "/live/w.xml", "Brackwater Post", [_item("w1", ENGLISH)])
    with Corpus(db, embedder="hashing") as corpus:
        old = now - timedelta(days=20)
        corpus.ingest_articles([_article("m1", MILL, "Monday", 12, "Quenby Courier", old)], now=old)
        corpus.save_sources([Source(server.url("/live/w.xml"))])
    out = tmp_path / "out.txt"
    command = [sys.executable, "-m", "newsfuse", "watch", "--db", str(db), "--quiet"]
    command += ["--allow-host", server.host_port, "--host-delay", "0", "--keep-days", "7"]
    with out.open("w") as sink:
        child = subprocess.Popen(
            command, stdout=sink, stderr=subprocess.PIPE, text=True, env=subprocess_env(), cwd=REPO
        )
        try:
            deadline = time.monotonic() + 180
            while "pruned:" not in out.read_text() and time.monotonic() < deadline:
                time.sleep(0.2)
            child.send_signal(signal.SIGTERM)
            _, errors = child.communicate(timeout=60)
        finally:
            child.kill()
    assert child.returncode == 0, errors
    assert "pruned: 1 stories, 1 articles older than 7 days" in out.read_text()
    with Corpus(db) as corpus:
        (story,) = corpus.stories()
        assert story.title == "Olm ferry report w1"
