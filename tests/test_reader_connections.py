"""Readers of a store file never wait behind a writer, and every article is counted once.

A Corpus serialises its own connection (an ingest holds it for its whole run), so its
reads go through a connection of the reading thread's own: in WAL mode they answer
from the last commit while a write is in progress, in this process or another.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from newsfuse.corpus import Corpus
from newsfuse.corpus.flights import SingleFlight
from newsfuse.corpus.readers import READER_CACHE_KIB
from test_service import invent_articles

# A read that waited for the writer below would take its whole hold.
WRITER_HOLDS_SECONDS = 3.0


def test_reads_answer_while_an_ingest_of_this_process_holds_the_handle(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    with Corpus(db, embedder="hashing") as corpus:
        corpus.ingest(invent_articles(12))
        story_id = corpus.stories(limit=1)[0].id
        holding = threading.Event()

        def hold_the_handle() -> None:  # what an ingest does while it embeds and writes
            with corpus._lock:
                holding.set()
                time.sleep(WRITER_HOLDS_SECONDS)

        writer = threading.Thread(target=hold_the_handle)
        writer.start()
        holding.wait()
        answers: list[float] = []

        def read() -> None:
            started = time.monotonic()
            assert corpus.stories(limit=5)
            assert corpus.story(story_id, brief=False).story.id == story_id
            assert corpus.check() == []
            answers.append(time.monotonic() - started)

        reader = threading.Thread(target=read)
        reader.start()
        reader.join()
        writer.join()
    assert len(answers) == 1 and answers[0] < WRITER_HOLDS_SECONDS / 2, answers


def test_reads_answer_while_another_process_holds_the_write_lock(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    with Corpus(db, embedder="hashing") as corpus:
        corpus.ingest(invent_articles(12))
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("UPDATE stories SET title = 'half-written' WHERE rowid = 1")
    try:
        with Corpus(db, lock_timeout=0.5) as corpus:
            started = time.monotonic()
            stories = corpus.stories(limit=50)
            elapsed = time.monotonic() - started
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert elapsed < 0.5 and stories
    assert all(story.title != "half-written" for story in stories)  # only committed state


def test_a_reader_sees_what_a_writer_committed_since(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    with Corpus(db, embedder="hashing") as reader, Corpus(db, embedder="hashing") as writer:
        writer.ingest(invent_articles(7, prefix="first"))
        before = sum(story.article_count for story in reader.stories(limit=1000))
        writer.ingest(invent_articles(7, seed=9, prefix="second"))
        after = sum(story.article_count for story in reader.stories(limit=1000))
    assert (before, after) == (7, 14)


def test_the_stories_count_every_stored_article_once(tmp_path: Path) -> None:
    # The soak's count (245 against 239 acknowledged + 9 seeds): its "repeat" reused the
    # first article's id with another text, which is a new article (identity is the
    # content hash), while its exact copies were dropped. Counted the same way here.
    db = tmp_path / "news.db"
    articles = invent_articles(30)
    # Same id, another text and address (an equal URL is a duplicate too).
    same_id_new_text = dict(
        articles[0], text=articles[0]["text"] + " A later update.", url="https://x.example/u"
    )
    with Corpus(db, embedder="hashing") as one, Corpus(db, embedder="hashing") as two:
        one.ingest(articles[:20])
        two.ingest([*articles[10:], same_id_new_text])
        one.ingest([articles[0], same_id_new_text])  # exact repeats: no-ops
        listed = sum(story.article_count for story in two.stories(limit=1000))
    with sqlite3.connect(db) as connection:
        rows, texts = connection.execute(
            "SELECT count(*), count(DISTINCT content_hash) FROM articles"
        ).fetchone()
    assert listed == rows == texts == 31


def test_a_brief_asked_for_by_many_readers_at_once_is_made_once_and_few_at_a_time() -> None:
    flights: SingleFlight[int] = SingleFlight(parallel=2)
    made: list[str] = []
    running = [0, 0]  # now, most at once
    guard = threading.Lock()

    def make(key: str) -> int:
        with guard:
            made.append(key)
            running[0] += 1
            running[1] = max(running[1], running[0])
        time.sleep(0.3)
        with guard:
            running[0] -= 1
        return len(key)

    results: list[int] = []
    keys = ["story-a"] * 10 + ["story-bb", "story-ccc", "story-dddd"]
    threads = [
        threading.Thread(target=lambda k=k: results.append(flights.run(k, lambda: make(k))))
        for k in keys
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(made) == ["story-a", "story-bb", "story-ccc", "story-dddd"]
    assert running[1] == 2
    assert sorted(results) == [7] * 10 + [8, 9, 10]


def test_a_failed_brief_fails_its_waiters_and_the_next_request_tries_again() -> None:
    flights: SingleFlight[int] = SingleFlight()

    def fail() -> int:
        raise RuntimeError("model missing")

    with pytest.raises(RuntimeError):
        flights.run("story-a", fail)
    assert flights.run("story-a", lambda: 5) == 5


def test_reader_connections_keep_a_small_page_cache(tmp_path: Path) -> None:
    # Forty server threads with SQLite's default 2 MB cache each held 90 MB on a 4 MB store.
    with Corpus(tmp_path / "news.db") as corpus:
        assert corpus._readers is not None
        store = corpus._readers.store()
        assert store._db.execute("PRAGMA cache_size").fetchone()[0] == -READER_CACHE_KIB  # type: ignore[attr-defined]


def test_the_connections_of_ended_reader_threads_are_closed(tmp_path: Path) -> None:
    # A server's threadpool ends idle threads and starts new ones; each new thread opened
    # a connection, and those of ended threads stayed open for the life of the process.
    with Corpus(tmp_path / "news.db", embedder="hashing") as corpus:
        corpus.ingest(invent_articles(6))
        readers = corpus._readers
        assert readers is not None
        used: list[sqlite3.Connection] = []

        def read() -> None:
            assert corpus.stories(limit=5)
            used.append(readers.store()._db)  # type: ignore[attr-defined]

        for _ in range(6):  # one short-lived thread after another
            thread = threading.Thread(target=read)
            thread.start()
            thread.join()
        for connection in used[:-1]:
            with pytest.raises(sqlite3.ProgrammingError, match="closed"):
                connection.execute("SELECT 1")
        assert used[-1].execute("SELECT count(*) FROM stories").fetchone()[0] > 0
        assert readers.open_count() == 1


def test_reader_threads_alive_keep_their_own_connections(tmp_path: Path) -> None:
    with Corpus(tmp_path / "news.db", embedder="hashing") as corpus:
        corpus.ingest(invent_articles(6))
        readers = corpus._readers
        assert readers is not None
        release = threading.Event()
        ready = threading.Barrier(4)
        kept: list[bool] = []

        def read_and_stay() -> None:
            corpus.stories(limit=5)
            mine = readers.store()
            ready.wait()
            release.wait()
            corpus.stories(limit=5)
            kept.append(readers.store() is mine and mine._db.execute("SELECT 1").fetchone() == (1,))  # type: ignore[attr-defined]

        threads = [threading.Thread(target=read_and_stay) for _ in range(3)]
        for thread in threads:
            thread.start()
        ready.wait()
        assert corpus.stories(limit=5)  # this thread opens a fourth: none of theirs closed
        assert readers.open_count() == 4
        release.set()
        for thread in threads:
            thread.join()
    assert kept == [True, True, True]
