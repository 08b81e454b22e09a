"""``newsfuse watch`` as a real process: SIGTERM stops it cleanly, and SIGKILL in the
middle of a pass, then a restart, loses and doubles nothing.

The outlets are invented and served on 127.0.0.1; the child is only ever allowed
that host and port.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import REPO, subprocess_env
from feed_server import FeedServer, start_server
from live_feeds import outlet_items, serve_outlet
from newsfuse.corpus import Corpus, Source

OUTLETS = 3
ITEMS = 20


@pytest.fixture(scope="module")
def server() -> Iterator[FeedServer]:
    state = start_server()
    for outlet in range(OUTLETS):
        # Slow pages: a pass takes seconds, so a kill lands in the middle of it.
        serve_outlet(
            state,
            f"/live/outlet-{outlet}.xml",
            f"Outlet {outlet} Gazette",
            outlet_items(outlet, ITEMS, teaser_every=2),
            page_delay=0.15,
        )
    yield state
    state.stop()


def newsfuse(server: FeedServer, db: Path, *args: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "newsfuse",
        *args,
        "--db",
        str(db),
        "--allow-host",
        server.host_port,
        "--host-delay",
        "0",
        "--embedder",
        "hashing",
        "--min-interval",
        "0",
        "--max-interval",
        "60",
    ]


def add_outlets(server: FeedServer, db: Path) -> None:
    with Corpus(db, embedder="hashing") as corpus:
        corpus.save_sources([Source(server.url(f"/live/outlet-{n}.xml")) for n in range(OUTLETS)])


def count(db: Path, query: str) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as connection:
            return int(connection.execute(query).fetchone()[0])
    except sqlite3.OperationalError:
        return 0  # the child has not created the table yet


def wait_for(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_sigterm_stops_watch_cleanly_after_a_pass(tmp_path, server):
    db = tmp_path / "watch.db"
    add_outlets(server, db)
    out = tmp_path / "out.txt"
    with out.open("w") as sink:
        child = subprocess.Popen(
            newsfuse(server, db, "watch", "--quiet"),
            stdout=sink,
            stderr=subprocess.PIPE,
            text=True,
            env=subprocess_env(),
            cwd=REPO,
        )
        try:
            assert wait_for(lambda: "sources: 3" in out.read_text(), 300), out.read_text()
            child.send_signal(signal.SIGTERM)
            _, errors = child.communicate(timeout=60)
        finally:
            child.kill()
    assert child.returncode == 0, errors
    assert "stopping" in errors
    assert count(db, "SELECT count(*) FROM articles") == OUTLETS * ITEMS


def test_sigkill_mid_pass_then_a_restart_loses_and_doubles_nothing(tmp_path, server):
    db = tmp_path / "killed.db"
    add_outlets(server, db)
    child = subprocess.Popen(
        newsfuse(server, db, "watch", "--quiet"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=subprocess_env(),
        cwd=REPO,
    )
    try:
        assert wait_for(lambda: count(db, "SELECT count(*) FROM articles") >= 5, 180)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        child.kill()
    stored_at_kill = count(db, "SELECT count(*) FROM articles")
    assert 0 < stored_at_kill < OUTLETS * ITEMS, "the kill must land in the middle of a pass"
    restart = subprocess.run(
        newsfuse(server, db, "fetch", "--all", "--quiet"),
        capture_output=True,
        text=True,
        env=subprocess_env(),
        cwd=REPO,
        timeout=300,
    )
    assert restart.returncode == 0, restart.stderr
    assert count(db, "SELECT count(*) FROM articles") == OUTLETS * ITEMS
    assert count(db, "SELECT count(DISTINCT content_hash) FROM articles") == OUTLETS * ITEMS
    assert count(db, "SELECT count(*) FROM sightings WHERE article_id IS NOT NULL") == (
        OUTLETS * ITEMS
    )
    with Corpus(db) as corpus:
        assert corpus.check() == []
        assert all(source.items == ITEMS and not source.last_error for source in corpus.sources())
