"""Tests of the corpus store: schema, idempotent ingest, duplicates, queries, CLI, crashes."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from conftest import FIXTURES as FIXTURES_ROOT
from conftest import load_events, run_cli, subprocess_env
from newsfuse import corpus
from newsfuse.errors import ConfigError, NotFoundError, StoreError
from newsfuse.store import SQLiteStore, default_db_path
from newsfuse.store.schema import SCHEMA_VERSION

FIXTURES = FIXTURES_ROOT / "store"


def count_rows(db: Path, table: str) -> int:
    with sqlite3.connect(db) as connection:
        return int(connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


# -- schema -----------------------------------------------------------------------------


def test_new_database_is_migrated_to_the_current_version(tmp_path: Path) -> None:
    db = tmp_path / "sub" / "new.db"
    SQLiteStore(db).close()
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
    assert {"articles", "stories", "storylines", "aliases", "briefs", "minhash_bands"} <= tables
    SQLiteStore(db).close()  # reopening an up-to-date file changes nothing
    assert count_rows(db, "articles") == 0


def test_version_1_store_is_upgraded_in_place_and_keeps_its_rows(tmp_path: Path) -> None:
    from newsfuse.store.schema import MIGRATIONS

    db = tmp_path / "old.db"
    with sqlite3.connect(db) as connection:
        MIGRATIONS[0](connection)
        connection.execute("PRAGMA user_version = 1")
        connection.execute(
            "INSERT INTO aliases(kind, old_id, new_id) VALUES ('story', 's-old', 's-new')"
        )
    SQLiteStore(db).close()
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert connection.execute("SELECT old_id, new_id FROM aliases").fetchall() == [
            ("s-old", "s-new")
        ]
        plan = connection.execute(
            "EXPLAIN QUERY PLAN UPDATE aliases SET new_id = 'x' WHERE kind = 'story' "
            "AND new_id = 's-new'"
        ).fetchall()
    assert any("aliases_new_id" in str(row) for row in plan)


def test_database_from_a_newer_newsfuse_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "future.db"
    with sqlite3.connect(db) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer"):
        SQLiteStore(db)


def test_unwritable_path_gives_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="cannot open"):
        SQLiteStore(blocker / "x.db")


def test_default_path_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSFUSE_DB", str(tmp_path / "env.db"))
    assert default_db_path() == tmp_path / "env.db"
    monkeypatch.delenv("NEWSFUSE_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    if sys.platform.startswith("linux"):
        assert default_db_path() == tmp_path / "data" / "newsfuse" / "newsfuse.db"


# -- ingest -----------------------------------------------------------------------------


def test_reingesting_the_same_articles_adds_nothing(tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    first = corpus.ingest(load_events(), db=db, embedder="hashing")
    before = list(corpus.export_stories(db=db))
    second = corpus.ingest(load_events(), db=db, embedder="hashing")
    assert first.new + first.near_duplicates == 10
    assert (second.new, second.near_duplicates, second.duplicates) == (0, 0, 10)
    assert second.stories_touched == ()
    assert list(corpus.export_stories(db=db)) == before
    assert count_rows(db, "articles") == 10


def test_same_url_or_same_text_is_a_duplicate(tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    original = load_events()[0]
    corpus.ingest([original], db=db, embedder="hashing")
    same_url = {**original, "id": "x1", "text": "Entirely different words about a fete."}
    reformatted = {
        **original,
        "id": "x2",
        "url": "https://elsewhere.example/a",
        "text": "  " + original["text"].replace(" ", "   ").upper(),
    }
    report = corpus.ingest([same_url, reformatted], db=db, embedder="hashing")
    assert (report.new, report.duplicates) == (0, 2)
    assert count_rows(db, "articles") == 1


def test_syndicated_copy_is_linked_and_counted_once(store: Path) -> None:
    db = store
    with sqlite3.connect(db) as connection:
        copies = connection.execute(
            "SELECT c.source_id, o.source_id FROM articles c "
            "JOIN articles o ON o.id = c.duplicate_of"
        ).fetchall()
    assert sorted(copies[0]) == ["harrowgate-herald", "harrowgate-wire-copy"]
    (story,) = [s for s in corpus.list_stories(db=db) if "Kestrel Daily" in s.sources]
    assert (story.article_count, story.source_count) == (4, 3)
    view = corpus.get_story(story.id, db=db, brief=False)
    assert len(view.brief.sources) == 3
    assert len(view.duplicates) == 1


def test_mixing_embedders_in_one_store_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    corpus.ingest(load_events()[:1], db=db, embedder="hashing")
    with pytest.raises(ConfigError, match="hashing"):
        corpus.ingest(load_events()[1:2], db=db, embedder="minilm")
    assert corpus.ingest(load_events()[1:2], db=db).new == 1  # the store's own embedder


# -- reading ----------------------------------------------------------------------------


def test_list_stories_filters_by_time_and_text_and_pages(store: Path) -> None:
    db = store
    everything = corpus.list_stories(db=db)
    assert len(everything) == 4
    april = corpus.list_stories(db=db, since=datetime(2025, 4, 1, tzinfo=UTC))
    assert [s.article_count for s in april if s.first_published] == [2]
    assert all(s.first_published is None or s.last_published for s in april)
    robots = corpus.list_stories(db=db, query="quillon")
    assert len(robots) == 1 and robots[0].sources == ("Northvale Herald", "Radio Brenmoor")
    assert corpus.list_stories(db=db, query="100%_odd") == []
    pages = corpus.list_stories(db=db, limit=2) + corpus.list_stories(db=db, limit=2, offset=2)
    assert [s.id for s in pages] == [s.id for s in everything]
    with pytest.raises(ConfigError):
        corpus.list_stories(db=db, limit=-1)


def test_unknown_ids_raise_not_found(tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    corpus.ingest(load_events()[:1], db=db, embedder="hashing")
    with pytest.raises(NotFoundError, match="s-nope"):
        corpus.get_story("s-nope", db=db)
    with pytest.raises(NotFoundError, match="l-nope"):
        corpus.get_storyline("l-nope", db=db)


def test_story_view_has_timeline_of_its_storyline(store: Path) -> None:
    db = store
    (recovery,) = corpus.list_stories(db=db, query="300 residents")
    view = corpus.get_story(recovery.id, db=db, brief=False)
    assert [s.first_published.month for s in view.timeline if s.first_published] == [3, 4]
    assert view.story.id in {s.id for s in view.timeline}


def test_export_lists_every_article_once(store: Path) -> None:
    db = store
    exported = list(corpus.export_stories(db=db))
    ids = [a["source_id"] for story in exported for a in story["articles"]]
    assert sorted(ids) == sorted(r["id"] for r in load_events())


@pytest.mark.slow  # the brief loads the sentence-embedding model
def test_brief_is_cached_until_the_story_changes(tmp_path: Path) -> None:
    records = load_events()
    db = tmp_path / "corpus.db"
    corpus.ingest(records[:2], db=db, embedder="hashing")
    (story,) = corpus.list_stories(db=db)
    first = corpus.get_story(story.id, db=db, facts=False)
    assert first.brief.sentences
    assert count_rows(db, "briefs") == 1
    again = corpus.get_story(story.id, db=db, facts=False)
    assert [s.text for s in again.brief.sentences] == [s.text for s in first.brief.sentences]
    corpus.ingest(records[2:3], db=db, embedder="hashing")
    refreshed = corpus.get_story(story.id, db=db, facts=False)
    assert len(refreshed.brief.sources) == 3


# -- CLI --------------------------------------------------------------------------------


def test_cli_ingest_stories_story_storyline_export(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "events.jsonl").write_text(
        (FIXTURES / "events.jsonl").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (inputs / "empty.txt").write_text("", encoding="utf-8")
    db = tmp_path / "cli.db"
    ingested = run_cli("ingest", str(inputs), "--db", str(db), "--embedder", "hashing")
    assert ingested.returncode == 3, ingested.stderr  # empty.txt was skipped
    assert "new: 9" in ingested.stdout and "near-duplicate: 1" in ingested.stdout
    assert "empty.txt" in ingested.stderr

    # The read-only commands run in-process (same entry point, no second model-free
    # interpreter start per command), with the store chosen through $NEWSFUSE_DB.
    from typer.testing import CliRunner

    from newsfuse.cli import _register, app

    _register()
    runner = CliRunner()
    environment = {"NEWSFUSE_DB": str(db)}
    listed = runner.invoke(
        app, ["stories", "--format", "json", "--since", "2025-04-01"], env=environment
    )
    assert listed.exit_code == 0, listed.output
    stories = json.loads(listed.stdout)
    dated = [s for s in stories if s["first_published"]]
    assert len(dated) == 1 and dated[0]["article_count"] == 2

    shown = runner.invoke(app, ["storyline", dated[0]["storyline_id"], "--db", str(db)])
    assert shown.exit_code == 0 and shown.stdout.count("s-") == 2

    exported = runner.invoke(app, ["export", "--db", str(db)])
    assert len(exported.stdout.strip().splitlines()) == 4

    missing = run_cli("story", "s-missing", "--db", str(db))
    assert missing.returncode == NotFoundError.exit_code
    assert "s-missing" in missing.stderr and "Traceback" not in missing.stderr


# -- crash safety -----------------------------------------------------------------------


def embedder_options(db: Path) -> list[str]:
    # The model-free embedder keeps the subprocess start fast; grouping is not under test.
    return ["--db", str(db), "--embedder", "hashing"]


def write_many_articles(folder: Path, count: int) -> None:
    folder.mkdir()
    towns = ["Harrowgate", "Brenmoor", "Castlemere", "Pellow", "Tolland", "Northvale"]
    topics = ["library", "bridge", "market", "school", "harbour", "museum", "bus depot"]
    for number in range(count):
        town = towns[number % len(towns)]
        topic = topics[number // len(towns) % len(topics)]
        (folder / f"item-{number:05d}.txt").write_text(
            f"{town} {topic} notice {number}\n\n"
            f"The {town} council discussed the {topic} at meeting {number}, and councillor "
            f"R{number:05d} asked for report {number * 7 % 1009} before the vote on item "
            f"{number * 13 % 997}.\n",
            encoding="utf-8",
        )


def test_killed_ingest_leaves_a_consistent_store_and_a_rerun_completes_it(
    tmp_path: Path,
) -> None:
    total = 400
    inputs = tmp_path / "many"
    write_many_articles(inputs, total)
    db = tmp_path / "crash.db"
    env = subprocess_env()
    process = subprocess.Popen(
        [sys.executable, "-m", "newsfuse", "ingest", str(inputs), *embedder_options(db)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and process.poll() is None:
            if db.exists():
                try:
                    if count_rows(db, "articles") > 0:
                        break
                except sqlite3.OperationalError:
                    pass  # the schema is being created
            time.sleep(0.02)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL, "ingest finished before it could be killed"

    stored = count_rows(db, "articles")
    assert 0 < stored < total
    assert corpus.check_store(db=db) == []
    # Every stored article is whole: text, features and a story.
    with sqlite3.connect(db) as connection:
        broken = connection.execute(
            "SELECT COUNT(*) FROM articles WHERE length(text) = 0 OR length(embedding) = 0 "
            "OR story_id NOT IN (SELECT id FROM stories)"
        ).fetchone()[0]
    assert broken == 0

    rerun = run_cli("ingest", str(inputs), "--db", str(db), "--embedder", "hashing")
    assert rerun.returncode == 0, rerun.stderr
    assert f"new: {total - stored}" in rerun.stdout
    assert count_rows(db, "articles") == total
    assert corpus.check_store(db=db) == []
    with sqlite3.connect(db) as connection:
        origins = connection.execute("SELECT COUNT(DISTINCT origin) FROM articles").fetchone()[0]
    assert origins == total


def test_ingest_sees_what_another_process_committed_meanwhile(tmp_path: Path) -> None:
    records = {r["id"]: r for r in load_events()}
    db = tmp_path / "shared.db"
    corpus.ingest([records["harrowgate-herald"]], db=db, embedder="hashing")
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps(records["harrowgate-post"]) + "\n", encoding="utf-8")
    assert run_cli("ingest", str(other), *embedder_options(db)).returncode == 0
    corpus.ingest([records["harrowgate-radio"]], db=db, embedder="hashing")
    (story,) = list(corpus.export_stories(db=db))
    assert len(story["articles"]) == 3
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT size FROM stories").fetchone()[0] == 3
    assert corpus.check_store(db=db) == []


def test_store_of_transformer_vectors_refuses_static_vectors(tmp_path: Path) -> None:
    # A store written by an older version, whose vectors are MiniLM's, must not be
    # extended with the static embedding (its vectors are not comparable).
    from newsfuse.store import open_store

    db = tmp_path / "corpus.db"
    store = open_store(db)
    try:
        with store.transaction():
            store.set_meta("embedder", "minilm")
    finally:
        store.close()
    with pytest.raises(ConfigError, match=r"'minilm'.*--embedder minilm"):
        corpus.ingest(load_events()[:1], db=db, embedder="minilm-static")


def test_non_articles_are_not_stored_unless_kept(tmp_path: Path) -> None:
    # An invented crawl notice saved in place of an article, next to two real stories.
    notice = {
        "id": "saved-notice",
        "text": (
            "This collection holds captures made by an automated crawler. Each crawl starts "
            "from a list of seed hosts and follows their links, so that archived pages stay "
            "available after the original website changes or goes offline. The archive files "
            "of this crawl are not open to the public yet."
        ),
    }
    records = [*load_events()[:2], notice]
    db = tmp_path / "store.db"
    report = corpus.ingest(records, db=db, embedder="hashing")
    assert report.new == 2
    (skipped,) = report.skipped
    assert "saved-notice" in skipped.reason and "not an article" in skipped.reason
    assert count_rows(db, "articles") == 2

    kept = corpus.ingest([notice], db=db, embedder="hashing", keep_non_articles=True)
    assert kept.new == 1 and kept.skipped == ()
    assert count_rows(db, "articles") == 3


def test_store_missing_a_renamed_storyline_row_still_loads(store: Path) -> None:
    # Stores written before the storyline-row fix could lose the row of a renamed
    # storyline while its other stories still named it; loading raised KeyError.
    db = store
    with sqlite3.connect(db) as connection:
        line_id, story_count = connection.execute(
            "SELECT storyline_id, COUNT(*) FROM stories GROUP BY storyline_id "
            "ORDER BY COUNT(*) DESC, storyline_id LIMIT 1"
        ).fetchone()
        connection.execute("DELETE FROM storylines WHERE id = ?", (line_id,))
    store = SQLiteStore(db)
    try:
        index = store.load_index()
    finally:
        store.close()
    line = index.storylines[line_id]
    assert len(line.story_ids) == story_count
    assert line.founder == min(index.stories[s].founder for s in line.story_ids)
    # The rebuilt row was written back: the store is consistent again.
    assert corpus.check_store(db=db) == []


def test_every_story_names_a_stored_storyline_after_many_renames(tmp_path: Path) -> None:
    # Ingesting newest-first makes earlier reports rename stories and storylines, and
    # merges move stories between storylines, many times within one batch.
    db = tmp_path / "corpus.db"
    events = sorted(load_events(), key=lambda e: str(e.get("published", "")), reverse=True)
    for event in events:
        corpus.ingest([event], db=db, embedder="hashing")
    store = SQLiteStore(db)
    try:
        assert store.check_consistency() == []
    finally:
        store.close()


def test_an_untitled_story_is_listed_under_a_headline_not_a_body_sentence(
    tmp_path: Path,
) -> None:
    from newsfuse.model import Article

    db = tmp_path / "corpus.db"
    lead = (
        "The Harlow county sheriff is looking into a fire at the Tamsin grain store on "
        "Tuesday night that destroyed two silos and a barn, one of the deputies said."
    )
    corpus.ingest_articles(
        [Article(id="grain", text=lead + "\n\nNobody was hurt. The store was empty.")],
        db=db,
        embedder="hashing",
    )
    (story,) = corpus.list_stories(db=db)
    assert story.title.startswith("The Harlow county sheriff is looking into a fire")
    assert len(story.title.split()) <= 15
    assert "deputies said" not in story.title and not story.title.endswith(".")
