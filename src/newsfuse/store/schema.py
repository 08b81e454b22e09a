"""The SQLite schema, as ordered migrations keyed by ``PRAGMA user_version``.

Migration *n* (1-based) turns a version *n-1* database into version *n*. A new
schema change is a new function appended to :data:`MIGRATIONS`; existing ones
are never edited, so every database reaches the same shape whatever version it
started from.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from newsfuse.errors import StoreError


def _execute_script(connection: sqlite3.Connection, script: str) -> None:
    # Not executescript(): it commits first, which would break the migration transaction.
    for statement in script.split(";"):
        if statement.strip():
            connection.execute(statement)


def _create_tables(connection: sqlite3.Connection) -> None:
    """Version 1: articles, stories, storylines, aliases, briefs, term frequencies."""
    _execute_script(
        connection,
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

        CREATE TABLE articles (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            content_hash TEXT NOT NULL UNIQUE,
            url TEXT NOT NULL DEFAULT '',
            source_id TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            origin TEXT NOT NULL DEFAULT '',
            published TEXT,
            removed TEXT NOT NULL DEFAULT '[]',
            event_time TEXT NOT NULL,
            date_source TEXT NOT NULL,
            ingested_at TEXT NOT NULL,
            embedding BLOB NOT NULL,
            minhash BLOB NOT NULL,
            key_numbers TEXT NOT NULL DEFAULT '[]',
            names TEXT NOT NULL DEFAULT '[]',
            duplicate_of TEXT REFERENCES articles(id),
            story_id TEXT NOT NULL
        );
        CREATE UNIQUE INDEX articles_url ON articles(url) WHERE url != '';
        CREATE INDEX articles_story ON articles(story_id);

        CREATE TABLE minhash_bands (
            band INTEGER NOT NULL,
            bucket INTEGER NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id),
            PRIMARY KEY (band, bucket, article_id)
        ) WITHOUT ROWID;

        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            storyline_id TEXT NOT NULL,
            founder TEXT NOT NULL,
            size INTEGER NOT NULL,
            embedding_sum BLOB NOT NULL,
            terms TEXT NOT NULL,
            numbers TEXT NOT NULL,
            names TEXT NOT NULL,
            first_known TEXT,
            last_known TEXT,
            days TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            first_time TEXT,
            last_time TEXT,
            dated INTEGER NOT NULL DEFAULT 0,
            article_count INTEGER NOT NULL DEFAULT 0,
            source_count INTEGER NOT NULL DEFAULT 0,
            sources TEXT NOT NULL DEFAULT '[]',
            version TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX stories_storyline ON stories(storyline_id);
        CREATE INDEX stories_last_time ON stories(last_time);

        CREATE TABLE storylines (id TEXT PRIMARY KEY, founder TEXT NOT NULL);

        CREATE TABLE aliases (
            kind TEXT NOT NULL,
            old_id TEXT NOT NULL,
            new_id TEXT NOT NULL,
            PRIMARY KEY (kind, old_id)
        );

        CREATE TABLE briefs (
            story_id TEXT PRIMARY KEY,
            version TEXT NOT NULL,
            body TEXT NOT NULL,
            created_at TEXT NOT NULL
        );

        CREATE TABLE term_frequencies (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            documents INTEGER NOT NULL,
            counts BLOB NOT NULL
        );
        """,
    )


def _index_alias_targets(connection: sqlite3.Connection) -> None:
    """Version 2: aliases indexed by the id they point to.

    A rename re-points every alias of the old id at the new one (one hop per
    lookup), which without this index scanned the whole table: 1.5 ms a rename in
    a store of 10,000 articles, a tenth of the ingest's SQL time.
    """
    connection.execute("CREATE INDEX aliases_new_id ON aliases(kind, new_id)")


def _index_article_words(connection: sqlite3.Connection) -> None:
    """Version 3: a full-text index (FTS5) of article titles and texts, for story search.

    External content over ``articles`` (the text is not stored twice), keyed by
    ``articles.seq`` and kept in sync by triggers; renaming a story only changes
    ``articles.story_id``, which the index does not hold, so renames need nothing.
    Existing articles are indexed here. The ``unicode61`` tokenizer folds case and
    diacritics, so a search for "cafe" finds "Café".
    """
    statements = (
        "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', "
        "content_rowid='seq', tokenize='unicode61 remove_diacritics 2')",
        "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
        "INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); "
        "END",
        "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
        "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
        "VALUES ('delete', old.seq, old.title, old.text); END",
        "CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN "
        "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
        "VALUES ('delete', old.seq, old.title, old.text); "
        "INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); "
        "END",
        "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
    )
    # One statement at a time: trigger bodies hold semicolons, so no script splitting.
    for statement in statements:
        connection.execute(statement)


def _add_sources(connection: sqlite3.Connection) -> None:
    """Version 4: feed sources, where each article was seen, and the Atom entries' state.

    ``sources`` holds one row per feed (user metadata from the CSV columns, the
    conditional-GET validators and the polling state). ``sightings`` records
    every feed item read, keyed by (feed, item key), with the article it became
    (NULL when it was not stored: not an article, or its page is gone), so the
    same article reached through two feeds is stored once and linked twice, and
    an item is read once. ``feed_entries`` keeps each Atom entry's id, the digest
    of its brief and when that last changed, so ``updated`` moves only with the brief.
    """
    _execute_script(
        connection,
        """
        CREATE TABLE sources (
            url TEXT PRIMARY KEY,
            name TEXT NOT NULL DEFAULT '',
            homepage TEXT NOT NULL DEFAULT '',
            country TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT '',
            owner TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '[]',
            added_at TEXT NOT NULL,
            etag TEXT NOT NULL DEFAULT '',
            last_modified TEXT NOT NULL DEFAULT '',
            last_fetched TEXT,
            last_error TEXT NOT NULL DEFAULT '',
            failures INTEGER NOT NULL DEFAULT 0,
            interval REAL,
            next_poll TEXT
        );

        CREATE TABLE sightings (
            source_url TEXT NOT NULL,
            item_key TEXT NOT NULL,
            url TEXT NOT NULL DEFAULT '',
            article_id TEXT REFERENCES articles(id),
            seen_at TEXT NOT NULL,
            PRIMARY KEY (source_url, item_key)
        ) WITHOUT ROWID;
        CREATE INDEX sightings_article ON sightings(article_id);

        CREATE TABLE feed_entries (
            entry_id TEXT PRIMARY KEY,
            story_id TEXT NOT NULL,
            digest TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE INDEX feed_entries_story ON feed_entries(story_id);
        """,
    )


def _add_languages_and_outlets(connection: sqlite3.Connection) -> None:
    """Version 5: each article's and story's language, and each story's independent outlets.

    ``articles.language`` and ``stories.language`` let grouping keep a story within
    one language ('' is unknown: such an article may join any story).
    ``stories.outlet_count`` counts the outlets of a story's articles, outlets with
    one owner once (see :meth:`~newsfuse.store.sources.SourceRecords.count_outlets`);
    existing stories get the number of distinct outlet names of their originals.
    """
    _execute_script(
        connection,
        """
        ALTER TABLE articles ADD COLUMN language TEXT NOT NULL DEFAULT '';
        ALTER TABLE stories ADD COLUMN language TEXT NOT NULL DEFAULT '';
        ALTER TABLE stories ADD COLUMN outlet_count INTEGER NOT NULL DEFAULT 0;
        UPDATE stories SET outlet_count = (
            SELECT count(DISTINCT CASE WHEN a.source = '' THEN 'article:' || a.id
                                       ELSE lower(trim(a.source)) END)
            FROM articles AS a WHERE a.story_id = stories.id AND a.duplicate_of IS NULL
        )
        """,
    )


Migration = Callable[[sqlite3.Connection], None]


def _add_jobs(connection: sqlite3.Connection) -> None:
    """Version 6: background jobs of the HTTP server (``newsfuse.store.jobs``).

    Each row holds the request, state, progress, result, the hash of the token that
    made the job, and the lease a server holds while it runs the job.
    Times are seconds since the epoch, compared as numbers.
    """
    _execute_script(
        connection,
        """
        CREATE TABLE jobs (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            status TEXT NOT NULL,
            request TEXT NOT NULL,
            token_hash TEXT NOT NULL,
            done INTEGER NOT NULL DEFAULT 0,
            total INTEGER NOT NULL DEFAULT 0,
            stage TEXT NOT NULL DEFAULT '',
            result TEXT,
            error TEXT NOT NULL DEFAULT '',
            attempts INTEGER NOT NULL DEFAULT 0,
            owner TEXT NOT NULL DEFAULT '',
            lease_until REAL NOT NULL DEFAULT 0,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL,
            expires_at REAL NOT NULL
        );
        CREATE INDEX jobs_waiting ON jobs(status, created_at);
        CREATE INDEX jobs_expiry ON jobs(expires_at);
        """,
    )


# Ordered migrations: MIGRATIONS[n - 1] upgrades version n - 1 to version n.
MIGRATIONS: tuple[Migration, ...] = (
    _create_tables,
    _index_alias_targets,
    _index_article_words,
    _add_sources,
    _add_languages_and_outlets,
    _add_jobs,
)

SCHEMA_VERSION = len(MIGRATIONS)


def read_version(connection: sqlite3.Connection) -> int:
    """The schema version recorded in the database (0 for a new, empty file)."""
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def migrate(connection: sqlite3.Connection, where: str) -> int:
    """Bring the database up to :data:`SCHEMA_VERSION`, one transaction per migration.

    Refuses a database written by a newer newsfuse, which this one cannot read.
    """
    version = read_version(connection)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{where}: schema version {version} is newer than this newsfuse understands "
            f"({SCHEMA_VERSION}); upgrade newsfuse or use another --db"
        )
    for number in range(version + 1, SCHEMA_VERSION + 1):
        try:
            connection.execute("BEGIN IMMEDIATE")
            # Another process opening the same new file may have migrated it meanwhile.
            if read_version(connection) >= number:
                connection.execute("COMMIT")
                continue
            MIGRATIONS[number - 1](connection)
            connection.execute(f"PRAGMA user_version = {number}")
            connection.execute("COMMIT")
        except sqlite3.Error as error:
            connection.execute("ROLLBACK")
            raise StoreError(
                f"{where}: migration to schema version {number} failed: {error}"
            ) from error
    return SCHEMA_VERSION
