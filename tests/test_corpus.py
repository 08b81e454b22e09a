"""Tests of the Corpus handle: end to end on disk and in memory, search, concurrency."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsfuse.corpus import Corpus, Source, check_store, export_stories
from newsfuse.errors import ConfigError, NotFoundError, StoreError
from newsfuse.pipeline import read
from newsfuse.store import SQLiteStore
from newsfuse.store.schema import SCHEMA_VERSION
from newsfuse.store.search import build_match_expression

FIXTURES = Path(__file__).parent / "fixtures"
SRC = Path(__file__).parent.parent / "src"
# Fixture inputs of several formats: plain text, HTML and JSON lines.
INPUTS = [FIXTURES / "cli", FIXTURES / "ingest", FIXTURES / "store" / "events.jsonl"]


def load_events() -> list[dict[str, Any]]:
    lines = (FIXTURES / "store" / "events.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(params=["disk", "memory"])
def handle(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Corpus]:
    opened = (
        Corpus(tmp_path / "news.db", embedder="hashing")
        if request.param == "disk"
        else Corpus(memory=True, embedder="hashing")
    )
    with opened as corpus:
        yield corpus


def test_the_handle_ingests_lists_searches_and_exports_the_fixtures(handle: Corpus) -> None:
    report = handle.ingest([str(path) for path in INPUTS])
    assert report.new + report.near_duplicates == 17 and report.skipped == ()
    stories = handle.stories()
    assert {s.id for s in stories} == set(report.stories_touched)
    exported = list(handle.export())
    assert {s["id"] for s in exported} == {s.id for s in stories}
    assert sum(len(s["articles"]) for s in exported) == 17
    assert handle.check() == []
    # A second ingest of the same inputs adds nothing, with the index kept in the handle.
    again = handle.ingest([str(path) for path in INPUTS])
    assert (again.new, again.duplicates, again.stories_touched) == (0, 17, ())
    assert list(handle.export()) == exported


def test_the_handle_serves_a_story_and_its_storyline(handle: Corpus) -> None:
    handle.ingest(load_events())
    (recovery,) = handle.stories(query="300 residents")
    view = handle.story(recovery.id, brief=False)
    assert view.story.id == recovery.id and view.brief.sources
    line = handle.storyline(view.story.storyline_id)
    assert recovery.id in {s.id for s in line.stories}
    with pytest.raises(NotFoundError, match="s-nope"):
        handle.story("s-nope")
    with pytest.raises(NotFoundError, match="l-nope"):
        handle.storyline("l-nope")


@pytest.mark.slow  # the brief loads the sentence-embedding model
def test_the_handle_makes_and_caches_a_brief(handle: Corpus) -> None:
    handle.ingest(load_events()[:2])
    (story,) = handle.stories()
    first = handle.story(story.id, facts=False)
    assert first.brief.sentences and all(s.citations for s in first.brief.sentences)
    assert handle.stale_briefs(facts=False) == (1, [])  # the brief just made is cached
    again = handle.story(story.id, facts=False)
    assert [s.text for s in again.brief.sentences] == [s.text for s in first.brief.sentences]


def test_the_handle_takes_article_objects_and_records_mixed(handle: Corpus) -> None:
    events = load_events()
    articles = read(events[:2])
    report = handle.ingest([articles[0], events[2], articles[1]])
    assert report.new + report.near_duplicates == 3
    assert handle.ingest(articles).duplicates == 2


def test_memory_and_path_together_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="memory"):
        Corpus(tmp_path / "x.db", memory=True)


def test_a_closed_handle_refuses_use_and_closing_twice_is_fine(tmp_path: Path) -> None:
    corpus = Corpus(tmp_path / "news.db")
    corpus.close()
    corpus.close()
    with pytest.raises(StoreError, match="closed"):
        corpus.stories()


def test_memory_corpora_are_private(tmp_path: Path) -> None:
    with Corpus(memory=True, embedder="hashing") as one, Corpus(memory=True) as other:
        one.ingest(load_events()[:1])
        assert len(one.stories()) == 1 and other.stories() == []


def test_a_handle_sees_what_another_handle_committed(tmp_path: Path) -> None:
    events = load_events()
    db = tmp_path / "shared.db"
    with Corpus(db, embedder="hashing") as first, Corpus(db, embedder="hashing") as second:
        first.ingest(events[:3])
        second.ingest(events[3:6])
        # first's kept index is a generation behind: it must reload, not regroup blindly.
        first.ingest(events[6:])
        assert first.check() == []
    together = tmp_path / "together.db"
    with Corpus(together, embedder="hashing") as one:
        one.ingest(events)
    grouped = [sorted(a["source_id"] for a in s["articles"]) for s in export_stories(db=db)]
    expected = [sorted(a["source_id"] for a in s["articles"]) for s in export_stories(db=together)]
    assert sorted(grouped) == sorted(expected)


def test_threads_can_share_one_handle(tmp_path: Path) -> None:
    events = load_events()
    errors: list[BaseException] = []
    with Corpus(tmp_path / "news.db", embedder="hashing") as corpus:
        corpus.ingest(events[:2])

        def read_repeatedly() -> None:
            try:
                for _ in range(20):
                    corpus.stories(query="the")
                    list(corpus.export())
            except BaseException as error:  # collected for the assertion below
                errors.append(error)

        readers = [threading.Thread(target=read_repeatedly) for _ in range(3)]
        for thread in readers:
            thread.start()
        corpus.ingest(events[2:])
        for thread in readers:
            thread.join()
        assert errors == [] and corpus.check() == []
        assert sum(len(s["articles"]) for s in corpus.export()) == len(events)


# -- search ------------------------------------------------------------------------------


def test_search_words_are_anded_prefix_terms_and_punctuation_is_not_syntax() -> None:
    assert build_match_expression('fire-fighters "harbour*') == (
        '"fire"* AND "fighters"* AND "harbour"*'
    )
    assert build_match_expression("NOT OR (x) : ^y") == '"NOT"* AND "OR"* AND "x"* AND "y"*'
    assert build_match_expression('"*- ') is None


def test_search_finds_words_by_prefix_in_any_case_and_survives_punctuation(
    handle: Corpus,
) -> None:
    handle.ingest([str(path) for path in INPUTS])
    aground = {s.id for s in handle.stories(query="aground")}
    assert len(aground) == 2
    assert {s.id for s in handle.stories(query="AGROUND")} == aground
    assert {s.id for s in handle.stories(query="agro")} == aground  # a word prefix
    assert {s.id for s in handle.stories(query='"Ferry-aground*')} == aground
    assert len(handle.stories(query='rescued, "Dunmore*')) == 1
    assert handle.stories(query="ellow") == []  # inside a word (Pellow) is not a match
    for hostile in ['"', "*", "-", "NOT", "a OR", "(", 'x" OR "y', "col:umn", "^", "***"]:
        handle.stories(query=hostile)  # never an FTS5 syntax error
    assert handle.stories(query="***") == []


def test_search_ignores_accents(tmp_path: Path) -> None:
    record = {"id": "cafe", "title": "Café Örsted reopens", "text": "The café reopened today."}
    with Corpus(memory=True, embedder="hashing") as corpus:
        corpus.ingest([record])
        assert len(corpus.stories(query="cafe orsted")) == 1


def test_an_older_store_gets_its_search_index_built_on_opening(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    with Corpus(db, embedder="hashing") as corpus:
        corpus.ingest(load_events())
    # Turn the file back into a version 2 store: no full-text table, no triggers.
    with sqlite3.connect(db) as connection:
        for trigger in ("insert", "delete", "update"):
            connection.execute(f"DROP TRIGGER articles_fts_{trigger}")
        connection.execute("DROP TABLE articles_fts")
        # Version 4's tables (sources) go too: a version 2 file never had them.
        for table in ("sources", "sightings", "feed_entries"):
            connection.execute(f"DROP TABLE {table}")
        # And version 5's columns.
        for table, column in (
            ("articles", "language"),
            ("stories", "language"),
            ("stories", "outlet_count"),
        ):
            connection.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        connection.execute("DROP TABLE jobs")  # and version 6's
        connection.execute("PRAGMA user_version = 2")
    with Corpus(db) as corpus:
        assert len(corpus.stories(query="quillon")) == 1
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_the_search_index_follows_edits_of_article_text(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    with Corpus(db, embedder="hashing") as corpus:
        corpus.ingest(load_events())
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE articles SET text = text || ' zanzibarian'")
    with Corpus(db) as corpus:
        assert len(corpus.stories(query="zanzibarian")) == len(corpus.stories())
    store = SQLiteStore(db)
    try:
        assert store.check_consistency() == []
    finally:
        store.close()


# -- several processes -------------------------------------------------------------------


def copy_inputs(target: Path, sources: list[Path]) -> Path:
    """A folder holding copies of the given fixture files and the files of the given folders
    (same names: a file's name is its articles' source id)."""
    target.mkdir()
    for source in sources:
        if source.is_dir():
            for path in source.iterdir():
                shutil.copy(path, target / path.name)
        else:
            shutil.copy(source, target / source.name)
    return target


@pytest.mark.slow  # three interpreters import numpy and the grouping code
def test_concurrent_ingest_processes_store_every_article_once(tmp_path: Path) -> None:
    cli, ingest, events = INPUTS
    folders = [
        copy_inputs(tmp_path / "one", [cli, ingest]),
        copy_inputs(tmp_path / "two", [ingest, events]),
        copy_inputs(tmp_path / "three", [events, cli]),
    ]
    db = tmp_path / "shared.db"
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    command = [sys.executable, "-m", "newsfuse", "ingest", "--embedder", "hashing", "--db"]
    processes = [
        subprocess.Popen(
            [*command, str(db), str(folder)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for folder in folders
    ]
    results = [(*p.communicate(timeout=300), p.returncode) for p in processes]
    assert [code for _, _, code in results] == [0, 0, 0], results
    with sqlite3.connect(db) as connection:
        hashes = [row[0] for row in connection.execute("SELECT content_hash FROM articles")]
    assert len(hashes) == len(set(hashes)) == 17
    assert check_store(db=db) == []
    stored = sorted(a["source_id"] for s in export_stories(db=db) for a in s["articles"])
    with Corpus(memory=True, embedder="hashing") as alone:
        alone.ingest([str(path) for path in INPUTS])
        expected = sorted(a["source_id"] for s in alone.export() for a in s["articles"])
    assert stored == expected


def test_the_corpus_does_not_import_the_layer_above_it() -> None:
    probe = (
        "import sys, newsfuse.corpus; "
        "print(sorted(m for m in sys.modules if m.startswith(('newsfuse.distribute', "
        "'newsfuse.cli', 'newsfuse.server', 'newsfuse.evaluate'))))"
    )
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_reindex_rebuilds_a_store_with_another_embedder(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    with Corpus(path, embedder="hashing") as corpus:
        corpus.ingest([str(p) for p in INPUTS])
        before = {a["id"] for s in corpus.export() for a in s["articles"]}
        report = corpus.reindex("minilm-static")
        assert report.new + report.near_duplicates == len(before)
        assert {a["id"] for s in corpus.export() for a in s["articles"]} == before
        assert corpus.check() == []
    with Corpus(path, embedder="hashing") as reopened:
        assert reopened.stories()
        # The rebuilt store is claimed by its new embedder.
        with pytest.raises(ConfigError, match="minilm-static"):
            reopened.ingest_articles([])
    assert not (tmp_path / "news.db.reindex").exists()


def test_reindex_refuses_a_store_that_follows_feeds_rather_than_drop_them() -> None:
    with Corpus(memory=True, embedder="hashing") as corpus:
        corpus.ingest([str(INPUTS[-1])])
        corpus.save_sources([Source(url="http://127.0.0.1:9/harbour.xml", name="Harbour")])
        with pytest.raises(ConfigError, match="follows 1 feed source"):
            corpus.reindex("minilm-static")
        assert [source.url for source in corpus.sources()] == ["http://127.0.0.1:9/harbour.xml"]


def test_reindex_to_an_unknown_embedder_leaves_the_store_as_it_was() -> None:
    with Corpus(memory=True, embedder="hashing") as corpus:
        corpus.ingest([str(INPUTS[-1])])
        exported = list(corpus.export())
        with pytest.raises(ConfigError, match="unknown embedder"):
            corpus.reindex("no-such-embedder")
        assert list(corpus.export()) == exported
