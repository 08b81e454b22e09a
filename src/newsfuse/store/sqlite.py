"""The default store: one SQLite file in WAL mode (stdlib ``sqlite3``).

Writes happen in explicit ``BEGIN IMMEDIATE`` transactions, so a crash or a
kill leaves the file at the last committed batch: never half an article, never
a story without its articles. WAL lets readers (the web server) run while an
ingest writes.
"""

from __future__ import annotations

import json
import random
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from newsfuse.errors import StoreError
from newsfuse.group.features import KNOWN_DATE_SOURCES, MINHASH_PERMUTATIONS, estimate_jaccard
from newsfuse.group.index import StoryIndex, StorylineState, StoryState
from newsfuse.group.lexical import TERM_BUCKETS, DocumentFrequencies
from newsfuse.group.params import EmbeddingCalibration, GroupingParams
from newsfuse.model import Article, Removal, StorySummary
from newsfuse.store.backup import backup_database
from newsfuse.store.base import StoredArticle, StoryTitleSources
from newsfuse.store.dates import REPAIRED_META_KEY, repair_mentioned_dates
from newsfuse.store.locking import is_lock_error
from newsfuse.store.schema import migrate
from newsfuse.store.search import build_match_expression
from newsfuse.store.sources import SourceRecords

# Seconds a writer waits for another writer's lock before giving up: long enough for
# several ingest batches of other processes to commit, short enough that a stuck
# writer is reported within a cron interval.
DEFAULT_LOCK_TIMEOUT = 30.0

# Longest pause between two attempts to take the write lock when SQLite answers "busy"
# without waiting (a reader recovering the WAL index): short next to any timeout.
LOCK_RETRY_PAUSE = 0.05

# Near-duplicates (syndicated wire copies): estimated shingle Jaccard at least this...
NEAR_DUPLICATE_JACCARD = 0.8
# ...and lengths within this ratio, so a short item quoting a long one is not a "copy".
NEAR_DUPLICATE_LENGTH_RATIO = 0.7

# Stored articles compared in full per near-duplicate lookup: those sharing the most LSH
# bands. A copy at Jaccard 0.8 shares 6.5 of the 16 bands on average (16 x 0.8^4) and an
# unrelated text sharing a sentence about 0.1, so the copy is nearly always first; the
# bound keeps the lookup from growing with the number of articles that share a sentence
# (in the synthetic scale stream, every article of one source cluster).
NEAR_DUPLICATE_CANDIDATES = 20

# Ids per "IN (...)" query: below SQLite's smallest default limit on bound variables
# (999 before 3.32), so a lookup of any number of ids is a few queries, not one per id.
IDS_PER_QUERY = 500

# The path that opens a private in-memory database (tests, notebooks).
MEMORY = ":memory:"


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _parse(moment: str | None) -> datetime | None:
    return None if moment is None else datetime.fromisoformat(moment)


class SQLiteStore(SourceRecords):
    """Articles, stories, storylines and cached briefs in one SQLite file.

    Not thread-safe by itself: the connection may be used from any thread (the
    web server's threadpool), but by one at a time, which the caller ensures
    (:class:`newsfuse.corpus.Corpus` holds a lock around every use).
    """

    def __init__(
        self,
        path: str | Path,
        *,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        cache_kib: int | None = None,
    ) -> None:
        """Open (creating and migrating) the store; ``cache_kib`` bounds this connection's
        page cache (SQLite's default is 2,000 KiB)."""
        self.path = Path(path)
        self.lock_timeout = lock_timeout
        in_memory = str(path) == MEMORY
        try:
            if not in_memory:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(
                MEMORY if in_memory else self.path,
                timeout=lock_timeout,
                isolation_level=None,
                check_same_thread=False,
            )
            self._db.execute("PRAGMA journal_mode = WAL")
            # NORMAL in WAL mode: a power cut may lose the last commit, never corrupt.
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._db.execute("PRAGMA foreign_keys = ON")
            if cache_kib is not None:
                self._db.execute(f"PRAGMA cache_size = -{int(cache_kib)}")
            migrate(self._db, str(self.path))
        except (sqlite3.Error, OSError) as error:
            raise StoreError(
                f"{self.path}: cannot open the store ({error}); check the path and its "
                "permissions, or pass another --db"
            ) from error

    def repair_mentioned_dates(self) -> list[str]:
        """Once per store: rewrite body-mentioned article dates of old stores as undated
        (see :mod:`newsfuse.store.dates`) and record that it was done; the ids of the
        stories they dated, whose listing columns the caller refreshes in the same
        transaction. [] when the store was repaired before (by this or another process)."""
        if self.get_meta(REPAIRED_META_KEY) is not None:
            return []
        stories = repair_mentioned_dates(self._db)
        self.set_meta(REPAIRED_META_KEY, "1")
        return stories

    # -- lifecycle -----------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection."""
        self._db.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Run the block as one write transaction: all of it is committed, or none.

        Waits at most ``lock_timeout`` seconds for other writers (SQLite's busy
        handler, then retries), and raises :class:`StoreError` if the store stays
        locked.
        """
        self._begin_write()
        try:
            yield
            self._db.execute("COMMIT")
        except BaseException as error:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            if is_lock_error(error):
                raise self._locked_error() from error
            raise

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Run the block's reads on one committed state of the store (a read transaction:
        in WAL mode it never waits for writers, and sees none of their later commits)."""
        if self._db.in_transaction:
            yield
            return
        self._db.execute("BEGIN")
        try:
            yield
        finally:
            if self._db.in_transaction:
                self._db.execute("COMMIT")

    def _begin_write(self) -> None:
        """Take the write lock, retrying until the lock timeout has passed."""
        deadline = time.monotonic() + self.lock_timeout
        while True:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                if not is_lock_error(error):
                    raise
                if time.monotonic() >= deadline:
                    raise self._locked_error() from error
            # Jittered, so that writers that were refused together do not retry together.
            time.sleep(random.uniform(0, LOCK_RETRY_PAUSE))

    def _locked_error(self) -> StoreError:
        return StoreError(
            f"{self.path}: the store stayed locked by another process for "
            f"{self.lock_timeout:g} s; try again, or wait longer with --lock-timeout "
            "or NEWSFUSE_LOCK_TIMEOUT"
        )

    # -- settings ------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        """A stored setting (e.g. the embedder the vectors were made with)."""
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        """Record a setting."""
        self._db.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    # -- the clustering state ------------------------------------------------------------

    def load_index(
        self,
        calibration: EmbeddingCalibration | None = None,
        *,
        params: GroupingParams | None = None,
    ) -> StoryIndex:
        """Rebuild the in-memory story index (grouping under ``params``) from the stored
        stories and storylines (writing back any storyline row that had to be rebuilt,
        see below)."""
        index = StoryIndex(calibration, params=params or GroupingParams())
        rebuilt: set[str] = set()
        for row in self._db.execute("SELECT id, founder FROM storylines"):
            index.load_storyline(StorylineState(row[0], tuple(json.loads(row[1])), set()))
        rows = self._db.execute(
            "SELECT id, storyline_id, founder, size, embedding_sum, terms, numbers, names, "
            "first_known, last_known, days, language FROM stories ORDER BY last_time, id"
        )
        for row in rows:
            story = StoryState(
                id=row[0],
                storyline_id=row[1],
                founder=tuple(json.loads(row[2])),
                size=row[3],
                embedding_sum=np.frombuffer(row[4], dtype=np.float32).copy(),
                terms={int(t): w for t, w in json.loads(row[5]).items()},
                numbers={noun: set(values) for noun, values in json.loads(row[6]).items()},
                names=set(json.loads(row[7])),
                first_known=_parse(row[8]),
                last_known=_parse(row[9]),
                days=set(json.loads(row[10])),
                language=row[11],
            )
            index.load_story(story)
            line = index.storylines.get(story.storyline_id)
            if line is None:
                # Stores written before the storyline-row fix (2026-11-23) may lack the
                # row of a renamed storyline whose renaming story then merged away; its
                # stories still name it. Rebuild it so such stores open (its founder is
                # its earliest story's founder, the storyline id rule), and write it back.
                line = StorylineState(story.storyline_id, story.founder, set())
                index.load_storyline(line)
                rebuilt.add(line.id)
            if line.id in rebuilt:
                line.founder = min(line.founder, story.founder)
            line.story_ids.add(story.id)
        if rebuilt:
            self._write_storylines([index.storylines[i] for i in sorted(rebuilt)])
        return index

    def _write_storylines(self, storylines: list[StorylineState]) -> None:
        """Write storyline rows now: in the caller's transaction if one is open, else in
        one of their own (a store repaired on loading stays repaired)."""
        if self._db.in_transaction:
            for line in storylines:
                self.save_storyline(line)
            return
        with self.transaction():
            for line in storylines:
                self.save_storyline(line)

    def load_frequencies(self) -> DocumentFrequencies:
        """The corpus document frequencies of hashed terms."""
        row = self._db.execute(
            "SELECT documents, counts FROM term_frequencies WHERE id = 1"
        ).fetchone()
        if row is None:
            return DocumentFrequencies.empty()
        counts = np.frombuffer(row[1], dtype=np.int32).copy()
        if counts.size != TERM_BUCKETS:
            raise StoreError(f"{self.path}: term frequency table has the wrong size")
        return DocumentFrequencies(counts, int(row[0]))

    def save_frequencies(self, frequencies: DocumentFrequencies) -> None:
        """Persist the document frequencies (inside the caller's transaction)."""
        self._db.execute(
            "INSERT INTO term_frequencies(id, documents, counts) VALUES (1, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET documents = excluded.documents, "
            "counts = excluded.counts",
            (frequencies.documents, frequencies.counts.tobytes()),
        )

    def save_story(self, story: StoryState) -> None:
        """Insert or update a story's clustering state."""
        self._db.execute(
            "INSERT INTO stories(id, storyline_id, founder, size, embedding_sum, terms, "
            "numbers, names, first_known, last_known, days, language) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
            "storyline_id = excluded.storyline_id, founder = excluded.founder, "
            "size = excluded.size, embedding_sum = excluded.embedding_sum, "
            "terms = excluded.terms, numbers = excluded.numbers, names = excluded.names, "
            "first_known = excluded.first_known, last_known = excluded.last_known, "
            "days = excluded.days, language = excluded.language",
            (
                story.id,
                story.storyline_id,
                json.dumps(story.founder),
                story.size,
                np.asarray(story.embedding_sum, dtype=np.float32).tobytes(),
                json.dumps({str(t): round(w, 6) for t, w in story.terms.items()}),
                json.dumps({noun: sorted(v) for noun, v in sorted(story.numbers.items())}),
                json.dumps(sorted(story.names)),
                _iso(story.first_known),
                _iso(story.last_known),
                json.dumps(sorted(story.days)),
                story.language,
            ),
        )

    def save_storyline(self, storyline: StorylineState) -> None:
        """Insert or update a storyline."""
        self._db.execute(
            "INSERT INTO storylines(id, founder) VALUES (?, ?) "
            "ON CONFLICT(id) DO UPDATE SET founder = excluded.founder",
            (storyline.id, json.dumps(storyline.founder)),
        )

    def rename_story(self, old_id: str, new_id: str) -> None:
        """Give a story its new id everywhere, keeping the old one as an alias."""
        self._db.execute("UPDATE articles SET story_id = ? WHERE story_id = ?", (new_id, old_id))
        self._db.execute("DELETE FROM stories WHERE id = ?", (old_id,))
        self._db.execute("DELETE FROM briefs WHERE story_id = ?", (old_id,))
        self._add_alias("story", old_id, new_id)

    def rename_storyline(self, old_id: str, new_id: str) -> None:
        """Give a storyline its new id everywhere, keeping the old one as an alias."""
        self._db.execute(
            "UPDATE stories SET storyline_id = ? WHERE storyline_id = ?", (new_id, old_id)
        )
        self._db.execute("DELETE FROM storylines WHERE id = ?", (old_id,))
        self._add_alias("storyline", old_id, new_id)

    def _add_alias(self, kind: str, old_id: str, new_id: str) -> None:
        # Earlier aliases pointing at old_id now point at new_id: lookups take one hop.
        self._db.execute(
            "UPDATE aliases SET new_id = ? WHERE kind = ? AND new_id = ?", (new_id, kind, old_id)
        )
        self._db.execute(
            "INSERT OR REPLACE INTO aliases(kind, old_id, new_id) VALUES (?, ?, ?)",
            (kind, old_id, new_id),
        )

    # -- articles ------------------------------------------------------------------------

    def known_hashes(self, hashes: Sequence[str]) -> set[str]:
        """Those of ``hashes`` already stored."""
        return self._known("content_hash", hashes)

    def known_urls(self, urls: Sequence[str]) -> set[str]:
        """Those of ``urls`` already stored."""
        return self._known("url", [u for u in urls if u])

    def _known(self, column: str, values: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for start in range(0, len(values), IDS_PER_QUERY):
            chunk = list(values[start : start + IDS_PER_QUERY])
            marks = ",".join("?" * len(chunk))
            query = f"SELECT {column} FROM articles WHERE {column} IN ({marks})"
            found.update(row[0] for row in self._db.execute(query, chunk))
        return found

    def find_near_duplicate(
        self, minhash: np.ndarray, bands: Sequence[int], length: int
    ) -> tuple[str, str] | None:
        """The stored original (article id, story id) that this text copies, if any."""
        # One query for all bands, not one round trip per band; the join form makes SQLite
        # search the primary key once per band (a row-value IN list scans the table).
        pairs = ",".join("(?, ?)" for _ in bands)
        rows = self._db.execute(
            f"WITH query(band, bucket) AS (VALUES {pairs}) SELECT m.article_id FROM query "
            "JOIN minhash_bands AS m ON m.band = query.band AND m.bucket = query.bucket "
            "GROUP BY m.article_id ORDER BY count(*) DESC, m.article_id LIMIT ?",
            [value for band, bucket in enumerate(bands) for value in (band, bucket)]
            + [NEAR_DUPLICATE_CANDIDATES],
        )
        candidates: set[str] = {row[0] for row in rows}
        best: tuple[float, str, str] | None = None
        ordered = sorted(candidates)
        found: dict[str, Any] = {}
        for start in range(0, len(ordered), IDS_PER_QUERY):
            chunk = ordered[start : start + IDS_PER_QUERY]
            marks = ",".join("?" * len(chunk))
            query = (
                "SELECT id, minhash, length(text), duplicate_of, story_id FROM articles "
                f"WHERE id IN ({marks})"
            )
            found.update((row[0], row[1:]) for row in self._db.execute(query, chunk))
        for candidate in ordered:
            row = found[candidate]
            signature = np.frombuffer(row[0], dtype=np.uint64)
            similarity = estimate_jaccard(signature, minhash)
            ratio = min(length, row[1]) / max(length, row[1], 1)
            if similarity >= NEAR_DUPLICATE_JACCARD and ratio >= NEAR_DUPLICATE_LENGTH_RATIO:
                original = row[2] or candidate
                if best is None or similarity > best[0]:
                    best = (similarity, original, row[3])
        return None if best is None else (best[1], best[2])

    def add_article(self, record: StoredArticle) -> None:
        """Insert one article with its grouping features (inside a transaction)."""
        article = record.article
        if record.minhash.size != MINHASH_PERMUTATIONS:
            raise StoreError(f"{article.origin}: MinHash signature has the wrong length")
        self._db.execute(
            "INSERT INTO articles(id, content_hash, url, source_id, title, text, source, "
            "author, origin, published, removed, event_time, date_source, ingested_at, "
            "embedding, minhash, key_numbers, names, duplicate_of, story_id, language) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                record.id,
                record.content_hash,
                article.url,
                article.id,
                article.title,
                article.text,
                article.source,
                article.author,
                article.origin,
                _iso(article.published),
                json.dumps([[r.text, r.reason] for r in article.removed]),
                record.event_time.isoformat(),
                record.date_source,
                record.ingested_at.isoformat(),
                np.asarray(record.embedding, dtype=np.float32).tobytes(),
                np.asarray(record.minhash, dtype=np.uint64).tobytes(),
                json.dumps([list(pair) for pair in record.key_numbers]),
                json.dumps(list(record.names)),
                record.duplicate_of,
                record.story_id,
                article.language,
            ),
        )
        self._db.executemany(
            "INSERT OR IGNORE INTO minhash_bands(band, bucket, article_id) VALUES (?, ?, ?)",
            [(band, bucket, record.id) for band, bucket in enumerate(record.bands)],
        )

    def story_title_sources(self, story_id: str) -> StoryTitleSources | None:
        """What the story's listing title is chosen from, None if it has no members."""
        founder = self._db.execute(
            "SELECT founder FROM stories WHERE id = ?", (story_id,)
        ).fetchone()
        rows = self._db.execute(
            "SELECT title, text FROM articles WHERE story_id = ? ORDER BY event_time, id",
            (story_id,),
        ).fetchall()
        if not rows or founder is None:
            return None
        founder_hash = json.loads(founder[0])[2]
        founder_row = self._db.execute(
            "SELECT title, text FROM articles WHERE content_hash = ?", (founder_hash,)
        ).fetchone()
        lead = founder_row or rows[0]
        return StoryTitleSources(
            founder_title=str(founder_row[0] or "") if founder_row else "",
            lead_text=str(lead[1]),
            member_titles=tuple(str(row[0]) for row in rows),
        )

    def refresh_story_summary(self, story_id: str, title: str) -> None:
        """Recompute a story's listing columns (dates, counts, version) and store ``title``."""
        rows = self._db.execute(
            "SELECT id, source, event_time, duplicate_of, date_source "
            "FROM articles WHERE story_id = ? ORDER BY event_time, id",
            (story_id,),
        ).fetchall()
        # Undated articles carry their ingest time; they set the story's dates only when
        # no member has a real date.
        known = [r for r in rows if r[4] in KNOWN_DATE_SOURCES]
        dated = known or rows
        founder = self._db.execute(
            "SELECT founder FROM stories WHERE id = ?", (story_id,)
        ).fetchone()
        if not rows or founder is None:
            return
        sources = sorted({r[1] for r in rows if r[1]})
        version = ",".join(sorted(r[0] for r in rows))
        self._db.execute(
            "UPDATE stories SET title = ?, first_time = ?, last_time = ?, dated = ?, "
            "article_count = ?, source_count = ?, sources = ?, version = ?, outlet_count = ? "
            "WHERE id = ?",
            (
                title,
                dated[0][2],
                dated[-1][2],
                int(bool(known)),
                len(rows),
                sum(1 for r in rows if r[3] is None),
                json.dumps(sources),
                version,
                self.count_outlets(story_id),
                story_id,
            ),
        )

    # -- reading -------------------------------------------------------------------------

    def resolve(self, kind: str, identifier: str) -> str | None:
        """The current id of a story/storyline given its id or a former id."""
        table = "stories" if kind == "story" else "storylines"
        if self._db.execute(f"SELECT 1 FROM {table} WHERE id = ?", (identifier,)).fetchone():
            return identifier
        row = self._db.execute(
            "SELECT new_id FROM aliases WHERE kind = ? AND old_id = ?", (kind, identifier)
        ).fetchone()
        return None if row is None else str(row[0])

    def list_stories(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        query: str | None = None,
        storyline_id: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[StorySummary]:
        """Stories, newest first, filtered by time, words and storyline.

        ``query`` matches articles holding every word of it as a word prefix
        (FTS5, see :mod:`newsfuse.store.search`).
        """
        clauses: list[str] = []
        parameters: list[Any] = []
        if since is not None:
            clauses.append("last_time >= ?")
            parameters.append(_as_utc(since).isoformat())
        if until is not None:
            clauses.append("first_time <= ?")
            parameters.append(_as_utc(until).isoformat())
        if storyline_id is not None:
            clauses.append("storyline_id = ?")
            parameters.append(storyline_id)
        if query is not None and query != "":
            expression = build_match_expression(query)
            if expression is None:
                return []  # no word in the query: no article can match it
            clauses.append(
                "id IN (SELECT story_id FROM articles WHERE seq IN "
                "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?))"
            )
            parameters.append(expression)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        order = "ORDER BY first_time, id" if storyline_id else "ORDER BY last_time DESC, id"
        rows = self._db.execute(
            "SELECT id, title, storyline_id, first_time, last_time, article_count, sources, "
            f"source_count, dated, outlet_count FROM stories {where} {order} LIMIT ? OFFSET ?",
            [*parameters, limit, offset],
        )
        return [_summary(row) for row in rows]

    def story_summary(self, story_id: str) -> StorySummary | None:
        """One story's listing entry."""
        row = self._db.execute(
            "SELECT id, title, storyline_id, first_time, last_time, article_count, sources, "
            "source_count, dated, outlet_count FROM stories WHERE id = ?",
            (story_id,),
        ).fetchone()
        return None if row is None else _summary(row)

    def story_version(self, story_id: str) -> str:
        """A string that changes whenever the story's membership changes."""
        row = self._db.execute("SELECT version FROM stories WHERE id = ?", (story_id,)).fetchone()
        return "" if row is None else str(row[0])

    def story_articles(self, story_id: str) -> list[tuple[Article, str | None]]:
        """A story's articles (oldest first), each with the id of the article it copies."""
        rows = self._db.execute(
            "SELECT id, text, title, source, url, published, author, origin, removed, "
            "duplicate_of, language FROM articles WHERE story_id = ? ORDER BY event_time, id",
            (story_id,),
        )
        return [
            (
                Article(
                    id=row[0],
                    text=row[1],
                    title=row[2],
                    source=row[3],
                    url=row[4],
                    published=_parse(row[5]),
                    author=row[6],
                    origin=row[7],
                    removed=tuple(Removal(text, reason) for text, reason in json.loads(row[8])),
                    language=row[10],
                ),
                row[9],
            )
            for row in rows
        ]

    def cached_brief(self, story_id: str, version: str) -> str | None:
        """The cached brief JSON of a story, if it was made for this version."""
        row = self._db.execute(
            "SELECT body FROM briefs WHERE story_id = ? AND version = ?", (story_id, version)
        ).fetchone()
        return None if row is None else str(row[0])

    def cache_brief(self, story_id: str, version: str, body: str) -> None:
        """Store a story's brief JSON for its current version."""
        with self.transaction():
            self._db.execute(
                "INSERT OR REPLACE INTO briefs(story_id, version, body, created_at) "
                "VALUES (?, ?, ?, ?)",
                (story_id, version, body, datetime.now(UTC).isoformat()),
            )

    def export_stories(self) -> Iterator[dict[str, Any]]:
        """Every story with its storyline and article ids, oldest first; an undated
        story has no ``first_published`` and says ``date_source: "ingested"``."""
        stories = self._db.execute(
            "SELECT id, storyline_id, title, first_time, last_time, dated FROM stories "
            "ORDER BY first_time, id"
        ).fetchall()
        for story_id, storyline_id, title, first_time, last_time, dated in stories:
            articles = self._db.execute(
                "SELECT id, url, source_id, duplicate_of FROM articles WHERE story_id = ? "
                "ORDER BY event_time, id",
                (story_id,),
            ).fetchall()
            yield {
                "id": story_id,
                "storyline_id": storyline_id,
                "title": title,
                # An undated story's times are when it was ingested, and are shown so.
                "first_published": first_time if dated else None,
                "last_published": last_time if dated else None,
                "date_source": "published" if dated else "ingested",
                "first_ingested": None if dated else first_time,
                "last_ingested": None if dated else last_time,
                "articles": [
                    {"id": a[0], "url": a[1], "source_id": a[2], "duplicate_of": a[3]}
                    for a in articles
                ],
            }

    def backup(self, target: Path) -> None:
        """Write a consistent copy of the store to ``target`` while others keep writing
        (SQLite's online backup API, see :mod:`newsfuse.store.backup`)."""
        backup_database(self._db, target)

    def check_consistency(self) -> list[str]:
        """Problems found in the file: SQLite's integrity check plus newsfuse invariants."""
        problems = [
            str(row[0]) for row in self._db.execute("PRAGMA integrity_check") if row[0] != "ok"
        ]
        empty = self._db.execute(
            "SELECT id FROM stories WHERE id NOT IN (SELECT story_id FROM articles)"
        ).fetchall()
        problems += [f"story {row[0]} has no articles" for row in empty]
        orphans = self._db.execute(
            "SELECT id FROM articles WHERE story_id NOT IN (SELECT id FROM stories)"
        ).fetchall()
        problems += [f"article {row[0]} belongs to no story" for row in orphans]
        lost = self._db.execute(
            "SELECT id FROM stories WHERE storyline_id NOT IN (SELECT id FROM storylines)"
        ).fetchall()
        problems += [f"story {row[0]} belongs to no storyline" for row in lost]
        return problems


def _as_utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _summary(row: Sequence[Any]) -> StorySummary:
    return StorySummary(
        id=row[0],
        title=row[1],
        storyline_id=row[2],
        # Undated stories sort by ingest time but show no date.
        first_published=_parse(row[3]) if row[8] else None,
        last_published=_parse(row[4]) if row[8] else None,
        article_count=row[5],
        sources=tuple(json.loads(row[6])),
        source_count=row[7],
        outlet_count=row[9],
    )
