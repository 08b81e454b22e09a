"""Sources and the fetch pass, against invented outlets on a real loopback server.

Under every test a safety net makes any connection off loopback, and any DNS
lookup of a name other than localhost, fail (``refuse_non_loopback``).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from conftest import run_cli
from feed_server import FeedServer, refuse_non_loopback, start_server
from live_feeds import outlet_items, rss, serve_outlet, site_page
from newsfuse.corpus import Corpus, Source
from newsfuse.corpus.sources import PollingParams, plan_interval, plan_retry, read_source_csv
from newsfuse.errors import InputError, NotFoundError
from newsfuse.feeds import read_opml
from newsfuse.fetching import Fetcher, FetchSettings
from newsfuse.server.app import create_app
from newsfuse.store.schema import SCHEMA_VERSION

# Short intervals, so that a test's second pass finds sources due or nearly so.
EAGER = PollingParams(min_interval=0.0, max_interval=60.0, workers=2)


@pytest.fixture(scope="module")
def server() -> Iterator[FeedServer]:
    state = start_server()
    serve_outlet(state, "/live/courier.xml", "Marrowby Courier", outlet_items(0, 6), etag='"c1"')
    serve_outlet(state, "/live/fenwick.xml", "Fenwick Daily", outlet_items(1, 4))
    # A second feed of the Courier, carrying two of its items again (other guids, same URLs).
    again = outlet_items(0, 2)
    state.routes["/live/courier-top.xml"] = lambda handler: (
        200,
        {"Content-Type": "application/rss+xml"},
        rss(state, "Marrowby Courier", again).replace(b"<guid isPermaLink", b"<guid x"),
    )
    state.routes["/live/courier/"] = lambda handler: (
        200,
        {"Content-Type": "text/html"},
        site_page([state.url("/live/courier.xml")], "Marrowby Courier"),
    )
    yield state
    state.stop()


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    refuse_non_loopback(monkeypatch)


@pytest.fixture
def fetcher(server: FeedServer) -> Iterator[Fetcher]:
    settings = FetchSettings(
        connect_timeout=2.0,
        read_timeout=2.0,
        total_timeout=5.0,
        host_delay=0.0,
        allow_hosts=(server.host_port,),
    )
    with Fetcher(settings) as client:
        yield client


@pytest.fixture
def corpus(tmp_path: Path) -> Iterator[Corpus]:
    with Corpus(tmp_path / "live.db", embedder="hashing") as handle:
        yield handle


def count(path: Path, query: str) -> int:
    with sqlite3.connect(path) as connection:
        return int(connection.execute(query).fetchone()[0])


def test_a_site_url_adds_the_feed_its_page_advertises(corpus, fetcher, server):
    added = corpus.add_sources([server.url("/live/courier/")], fetcher)
    assert [s.url for s in added] == [server.url("/live/courier.xml")]
    assert added[0].homepage == server.url("/live/courier/")
    again = corpus.add_sources([server.url("/live/courier.xml")], fetcher)
    assert again == []
    assert [s.name for s in corpus.sources()] == ["Marrowby Courier"]


def test_a_fetch_stores_every_article_once_and_links_it_to_every_feed(corpus, fetcher, server):
    urls = [
        server.url(p) for p in ("/live/courier.xml", "/live/fenwick.xml", "/live/courier-top.xml")
    ]
    corpus.add_sources(urls, fetcher)
    report = corpus.fetch(fetcher, params=EAGER)
    assert report.failed == 0
    # 6 + 4 distinct articles; the two repeated by the second Courier feed are not stored again.
    assert report.new == 10
    assert report.duplicates == 2
    assert count(corpus.path, "SELECT count(*) FROM articles") == 10
    with sqlite3.connect(corpus.path) as connection:
        [repeated] = connection.execute(
            "SELECT id FROM articles WHERE url = ?", (server.url("/live/pages/o0-0"),)
        ).fetchone()
    seen_in = {s.source_url for s in corpus.sightings(repeated)}
    assert seen_in == {server.url("/live/courier.xml"), server.url("/live/courier-top.xml")}
    items = {s.url: s.items for s in corpus.sources()}
    assert items == {urls[0]: 6, urls[1]: 4, urls[2]: 2}


def test_teaser_items_are_completed_from_their_page_without_furniture(corpus, fetcher, server):
    corpus.add_sources([server.url("/live/courier.xml")], fetcher)
    corpus.fetch(fetcher, params=EAGER)
    with sqlite3.connect(corpus.path) as connection:
        texts = dict(connection.execute("SELECT url, text FROM articles").fetchall())
    teaser = texts[server.url("/live/pages/o0-2")]  # every third item is a teaser
    assert "public meeting" in teaser
    assert "cookies" not in teaser and "Privacy" not in teaser
    # The tracking parameter the feed links carry is not part of the stored URL.
    assert all("utm_source" not in url for url in texts)


def test_a_second_pass_is_conditional_and_adds_nothing(corpus, fetcher, server):
    corpus.add_sources([server.url("/live/courier.xml"), server.url("/live/fenwick.xml")], fetcher)
    corpus.fetch(fetcher, params=EAGER)
    before = len(server.seen)
    report = corpus.fetch(fetcher, params=EAGER, due_only=False)
    assert report.new == 0 and report.duplicates == 0
    courier = [r for r in server.seen[before:] if r.path == "/live/courier.xml"]
    assert courier and courier[0].headers.get("if-none-match") == '"c1"'
    assert [o.not_modified for o in report.sources if o.url.endswith("courier.xml")] == [True]
    # Nothing read before is read again: no article page was fetched in the second pass.
    assert not [r for r in server.seen[before:] if r.path.startswith("/live/pages/")]


def test_a_failing_source_records_its_reason_and_the_others_go_on(corpus, fetcher, server):
    corpus.save_sources(
        [Source(server.url(p)) for p in ("/status/500", "/status/429", "/live/fenwick.xml")]
    )
    before = datetime.now(UTC)
    report = corpus.fetch(fetcher, params=EAGER)
    assert report.failed == 2 and report.new == 4
    status = {s.url: s for s in corpus.sources()}
    assert "500" in status[server.url("/status/500")].last_error
    throttled = status[server.url("/status/429")]
    assert "429" in throttled.last_error
    # Retry-After: 120 wins over the one-minute cap of these tests' polling.
    assert throttled.next_poll is not None
    assert throttled.next_poll >= before + timedelta(seconds=119)
    # Not due yet: the next pass leaves it alone.
    again = corpus.fetch(fetcher, params=EAGER)
    assert server.url("/status/429") not in {o.url for o in again.sources}


def test_a_loopback_host_that_is_not_allowed_is_refused_and_recorded(corpus, fetcher, server):
    refused = f"http://localhost:{server.port}/live/fenwick.xml"
    corpus.save_sources([Source(refused)])
    report = corpus.fetch(fetcher, params=EAGER)
    assert report.failed == 1 and report.new == 0
    assert "localhost" in corpus.sources()[0].last_error


def test_csv_metadata_is_imported_and_opml_export_keeps_categories(corpus, tmp_path):
    sheet = tmp_path / "outlets.csv"
    sheet.write_text(
        "url,name,homepage,country,language,owner,tags\n"
        "https://courier.test/feed,Marrowby Courier,https://courier.test/,GB,en,"
        'Marrowby Media,"Inland/Valley;Ports"\n'
        "https://fenwick.test/rss,Fenwick Daily,,GB,en,Marrowby Media,\n",
        encoding="utf-8",
    )
    assert corpus.import_sources(sheet) == (2, 0)
    assert corpus.import_sources(sheet) == (0, 2)
    courier = corpus.sources()[0]
    assert (courier.owner, courier.country, courier.tags) == (
        "Marrowby Media",
        "GB",
        ("Inland/Valley", "Ports"),
    )
    exported = read_opml(corpus.export_sources().encode())
    assert exported[0].categories == ("Inland/Valley", "Ports")
    assert exported[0].homepage == "https://courier.test/"
    opml = tmp_path / "back.opml"
    opml.write_text(corpus.export_sources(), encoding="utf-8")
    with Corpus(tmp_path / "other.db") as other:
        assert other.import_sources(opml) == (2, 0)
        assert [s.tags for s in other.sources()] == [("Inland/Valley", "Ports"), ()]


def test_a_csv_without_a_url_column_or_with_a_bad_url_names_the_line():
    with pytest.raises(InputError, match="no 'url' column"):
        read_source_csv("name\nCourier\n", "outlets.csv")
    with pytest.raises(InputError, match="line 3"):
        read_source_csv("url\nhttps://a.test/f\nftp://b.test/f\n", "outlets.csv")


def test_removing_an_unknown_source_is_not_found(corpus):
    with pytest.raises(NotFoundError):
        corpus.remove_sources(["https://nowhere.test/feed"])


def test_the_interval_follows_the_publishing_rate_within_its_bounds():
    params = PollingParams(min_interval=60.0, max_interval=3600.0)
    now = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    every_ten_minutes = [now - timedelta(minutes=10 * n) for n in range(1, 21)]
    assert plan_interval(params, every_ten_minutes, now, None) == pytest.approx(600.0)
    every_second = [now - timedelta(seconds=n) for n in range(1, 21)]
    assert plan_interval(params, every_second, now, None) == 60.0
    quiet = [now - timedelta(days=n) for n in range(1, 5)]
    assert plan_interval(params, quiet, now, None) == 3600.0
    assert plan_interval(params, [], now, 900.0) == 900.0
    assert [plan_retry(params, n) for n in (1, 2, 3, 10)] == [60.0, 120.0, 240.0, 3600.0]


def test_the_sources_commands_add_list_export_and_remove(tmp_path, server):
    db = str(tmp_path / "cli.db")
    allow = ("--allow-host", server.host_port, "--host-delay", "0")
    added = run_cli("sources", "add", server.url("/live/fenwick.xml"), "--db", db, *allow)
    assert added.returncode == 0, added.stderr
    assert "Fenwick Daily" in added.stdout
    refused = run_cli("sources", "add", server.url("/live/fenwick.xml"), "--db", db)
    assert refused.returncode == 7 and "127.0.0.1" in refused.stderr
    fetched = run_cli("fetch", "--db", db, "--embedder", "hashing", *allow)
    assert fetched.returncode == 0, fetched.stderr
    assert "new: 4" in fetched.stdout
    listed = run_cli("sources", "list", "--db", db, "--format", "json")
    [record] = json.loads(listed.stdout)
    assert record["items"] == 4 and record["last_error"] == ""
    exported = run_cli("sources", "export", "--db", db)
    assert server.url("/live/fenwick.xml") in exported.stdout
    removed = run_cli("sources", "remove", server.url("/live/fenwick.xml"), "--db", db)
    assert removed.returncode == 0
    assert json.loads(run_cli("sources", "list", "--db", db, "--format", "json").stdout) == []


def read_atom(client: TestClient, path: str) -> Any:
    import feedparser

    answer = client.get(path)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("application/atom+xml")
    parsed = feedparser.parse(answer.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def test_the_atom_feed_parses_and_keeps_entry_ids_across_a_second_pass(tmp_path, fetcher, server):
    db = tmp_path / "atom.db"
    with Corpus(db, embedder="hashing") as corpus:
        corpus.add_sources([server.url("/live/courier.xml")], fetcher)
        corpus.fetch(fetcher, params=EAGER)
    with TestClient(create_app(db), base_url="http://127.0.0.1") as client:
        first = read_atom(client, "/feeds/stories.atom")
        assert first.entries
        entry = first.entries[0]
        assert entry.id.startswith("urn:newsfuse:story:")
        assert "<li>" in entry.content[0].value and "[1" in entry.content[0].value
        assert entry.link.startswith("http://127.0.0.1/stories/")
        # Asked again with nothing new: the same ids, and no entry looks updated.
        same = read_atom(client, "/feeds/stories.atom")
        assert [(e.id, e.updated) for e in same.entries] == [
            (e.id, e.updated) for e in first.entries
        ]
        storyline = client.get(entry.link.replace("http://127.0.0.1", "")).status_code
        assert storyline == 200
    with Corpus(db, embedder="hashing") as corpus:
        corpus.add_sources([server.url("/live/fenwick.xml")], fetcher)
        corpus.fetch(fetcher, params=EAGER)
        line = corpus.stories()[0].storyline_id
    with TestClient(create_app(db), base_url="http://127.0.0.1") as client:
        second = read_atom(client, "/feeds/stories.atom")
        per_line = read_atom(client, f"/feeds/storylines/{line}.atom")
    before = {e.id: e for e in first.entries}
    after = {e.id: e for e in second.entries}
    # Every story of the first pass is still there under the id it was first given.
    assert set(before) <= set(after)
    for entry_id, old in before.items():
        new = after[entry_id]
        if new.content[0].value == old.content[0].value:
            assert new.updated == old.updated
        else:
            assert new.updated > old.updated
    assert {e.id for e in per_line.entries} <= set(after)


def test_a_version_3_store_gains_the_source_tables_and_keeps_its_articles(
    tmp_path, fetcher, server
):
    db = tmp_path / "old.db"
    with Corpus(db, embedder="hashing") as corpus:
        corpus.add_sources([server.url("/live/fenwick.xml")], fetcher)
        corpus.fetch(fetcher, params=EAGER)
    with sqlite3.connect(db) as connection:
        for table in ("sources", "sightings", "feed_entries"):
            connection.execute(f"DROP TABLE {table}")
        drop_version_5_columns(connection)
        connection.execute("PRAGMA user_version = 3")
    with Corpus(db) as corpus:
        assert corpus.sources() == []
        assert len(corpus.stories()) >= 1
        assert corpus.check() == []
    assert count(db, "PRAGMA user_version") == SCHEMA_VERSION


def drop_version_5_columns(connection: sqlite3.Connection) -> None:
    """Turn a current store's tables back into their version 4 shape."""
    connection.execute("DROP TABLE jobs")  # version 6
    for table, column in (
        ("articles", "language"),
        ("stories", "language"),
        ("stories", "outlet_count"),
    ):
        connection.execute(f"ALTER TABLE {table} DROP COLUMN {column}")


def test_the_fetch_commands_default_to_the_polling_params() -> None:
    import typer

    import newsfuse.cli
    from newsfuse.corpus.sources import PollingParams

    if not newsfuse.cli.app.registered_commands:
        newsfuse.cli._register()
    root = typer.main.get_command(newsfuse.cli.app)
    defaults = PollingParams()
    for name in ("fetch", "watch"):
        command = root.get_command(None, name)  # type: ignore[attr-defined]
        given = {param.name: param.default for param in command.params}
        assert given["min_interval"] == defaults.min_interval
        assert given["max_interval"] == defaults.max_interval
        assert given["workers"] == defaults.workers
