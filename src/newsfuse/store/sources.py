"""Feed sources, the places each article was seen, and Atom entry state, in SQLite.

:class:`SourceRecords` is mixed into :class:`~newsfuse.store.sqlite.SQLiteStore`;
it holds the SQL of the ``sources``, ``sightings`` and ``feed_entries`` tables
(schema version 4), each story's independent outlets and the retention prune.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

# The metadata a user edits (and the CSV import's columns), in their CSV order.
SOURCE_FIELDS = ("url", "name", "homepage", "country", "language", "owner", "tags")


@dataclass(frozen=True, slots=True)
class Source:
    """One feed newsfuse polls: user metadata, conditional-GET validators, polling state.

    ``owner`` groups outlets for counting independent coverage; ``tags`` are OPML
    categories (folder paths). ``items`` is the number of stored articles seen in
    this feed; ``interval`` the current adaptive polling interval in seconds.
    """

    url: str
    name: str = ""
    homepage: str = ""
    country: str = ""
    language: str = ""
    owner: str = ""
    tags: tuple[str, ...] = ()
    added_at: datetime | None = None
    etag: str = ""
    last_modified: str = ""
    last_fetched: datetime | None = None
    last_error: str = ""
    failures: int = 0
    interval: float | None = None
    next_poll: datetime | None = None
    items: int = 0


@dataclass(frozen=True, slots=True)
class Sighting:
    """A feed item read from a source, and the stored article it is (None: not stored)."""

    source_url: str
    item_key: str
    url: str
    article_id: str | None
    seen_at: datetime


@dataclass(frozen=True, slots=True)
class FeedEntryState:
    """An Atom entry: its stable id, the story it shows, its brief's digest and ``updated``."""

    entry_id: str
    story_id: str
    digest: str
    updated: datetime


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _parse(moment: str | None) -> datetime | None:
    return None if moment is None else datetime.fromisoformat(moment)


_SOURCE_COLUMNS = (
    "s.url, s.name, s.homepage, s.country, s.language, s.owner, s.tags, s.added_at, s.etag, "
    "s.last_modified, s.last_fetched, s.last_error, s.failures, s.interval, s.next_poll, "
    "(SELECT count(*) FROM sightings AS g WHERE g.source_url = s.url "
    "AND g.article_id IS NOT NULL)"
)


# One key per original of a story (near-duplicate copies left out: a wire text reprinted
# is not independent coverage), counted distinct. An article seen in feeds is published by
# the outlet of the feed it was first seen in (later sightings are places it was carried):
# that feed's owner, else its name, else the article's outlet name, else the feed URL. An
# article read from files is of its outlet name; one without a name is its own outlet.
_OUTLET_KEYS = (
    "SELECT COALESCE((SELECT COALESCE(NULLIF(lower(trim(s.owner)), ''), "
    "NULLIF(lower(trim(s.name)), ''), NULLIF(lower(trim(a.source)), ''), g.source_url) "
    "FROM sightings AS g LEFT JOIN sources AS s ON s.url = g.source_url "
    "WHERE g.article_id = a.id ORDER BY g.seen_at, g.source_url LIMIT 1), "
    "CASE WHEN a.source = '' THEN 'article:' || a.id ELSE lower(trim(a.source)) END) "
    "AS outlet FROM articles AS a WHERE a.story_id = ? AND a.duplicate_of IS NULL"
)


@dataclass(frozen=True, slots=True)
class PruneCounts:
    """What a retention prune removed."""

    articles: int = 0
    stories: int = 0
    storylines: int = 0


def _source(row: Sequence[Any]) -> Source:
    return Source(
        url=row[0],
        name=row[1],
        homepage=row[2],
        country=row[3],
        language=row[4],
        owner=row[5],
        tags=tuple(json.loads(row[6])),
        added_at=_parse(row[7]),
        etag=row[8],
        last_modified=row[9],
        last_fetched=_parse(row[10]),
        last_error=row[11],
        failures=row[12],
        interval=row[13],
        next_poll=_parse(row[14]),
        items=row[15],
    )


class SourceRecords:
    """SQL of sources, sightings and Atom entries over the store's connection ``_db``."""

    _db: sqlite3.Connection

    def save_source(self, source: Source) -> bool:
        """Insert a source, or update the user metadata of an existing one (polling state
        kept); True when it was new."""
        exists = self._db.execute("SELECT 1 FROM sources WHERE url = ?", (source.url,)).fetchone()
        self._db.execute(
            "INSERT INTO sources(url, name, homepage, country, language, owner, tags, added_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET "
            "name = excluded.name, homepage = excluded.homepage, country = excluded.country, "
            "language = excluded.language, owner = excluded.owner, tags = excluded.tags",
            (
                source.url,
                source.name,
                source.homepage,
                source.country,
                source.language,
                source.owner,
                json.dumps(list(source.tags)),
                _iso(source.added_at),
            ),
        )
        return exists is None

    def delete_source(self, url: str) -> bool:
        """Forget a source and its item keys (stored articles stay); True if it existed."""
        cursor = self._db.execute("DELETE FROM sources WHERE url = ?", (url,))
        # Its items are forgotten too, so that adding it again reads them again.
        self._db.execute(
            "DELETE FROM sightings WHERE source_url = ? AND article_id IS NULL", (url,)
        )
        return cursor.rowcount > 0

    def list_sources(self) -> list[Source]:
        """Every source, in the order they were added."""
        rows = self._db.execute(
            f"SELECT {_SOURCE_COLUMNS} FROM sources AS s ORDER BY added_at, url"
        )
        return [_source(row) for row in rows]

    def get_source(self, url: str) -> Source | None:
        """One source by its feed URL."""
        row = self._db.execute(
            f"SELECT {_SOURCE_COLUMNS} FROM sources AS s WHERE url = ?", (url,)
        ).fetchone()
        return None if row is None else _source(row)

    def record_poll(
        self,
        url: str,
        *,
        fetched_at: datetime,
        etag: str,
        last_modified: str,
        error: str,
        failures: int,
        interval: float | None,
        next_poll: datetime,
    ) -> None:
        """Write the outcome of one poll of a source (inside the caller's transaction)."""
        self._db.execute(
            "UPDATE sources SET last_fetched = ?, etag = ?, last_modified = ?, last_error = ?, "
            "failures = ?, interval = ?, next_poll = ? WHERE url = ?",
            (
                fetched_at.isoformat(),
                etag,
                last_modified,
                error,
                failures,
                interval,
                next_poll.isoformat(),
                url,
            ),
        )

    def seen_items(self, source_url: str, item_keys: Sequence[str]) -> set[str]:
        """Those of ``item_keys`` already read from this source."""
        found: set[str] = set()
        for start in range(0, len(item_keys), 500):
            chunk = list(item_keys[start : start + 500])
            marks = ",".join("?" * len(chunk))
            found.update(
                row[0]
                for row in self._db.execute(
                    "SELECT item_key FROM sightings "
                    f"WHERE source_url = ? AND item_key IN ({marks})",
                    [source_url, *chunk],
                )
            )
        return found

    def add_sightings(self, sightings: Iterable[Sighting]) -> None:
        """Record items read (inside the caller's transaction); a repeat changes nothing."""
        self._db.executemany(
            "INSERT OR IGNORE INTO sightings(source_url, item_key, url, article_id, seen_at) "
            "VALUES (?, ?, ?, ?, ?)",
            [
                (s.source_url, s.item_key, s.url, s.article_id, s.seen_at.isoformat())
                for s in sightings
            ],
        )

    def article_sightings(self, article_id: str) -> list[Sighting]:
        """Every feed and URL where a stored article was seen, oldest first."""
        rows = self._db.execute(
            "SELECT source_url, item_key, url, article_id, seen_at FROM sightings "
            "WHERE article_id = ? ORDER BY seen_at, source_url",
            (article_id,),
        )
        return [Sighting(r[0], r[1], r[2], r[3], datetime.fromisoformat(r[4])) for r in rows]

    def locate_article(self, content_hash: str, url: str) -> str | None:
        """The stored id of an article with this content hash or (non-empty) URL."""
        row = self._db.execute(
            "SELECT id FROM articles WHERE content_hash = ? OR (url = ? AND url != '') LIMIT 1",
            (content_hash, url),
        ).fetchone()
        return None if row is None else str(row[0])

    def feed_entries(self) -> list[FeedEntryState]:
        """Every Atom entry state, oldest entry first."""
        rows = self._db.execute(
            "SELECT entry_id, story_id, digest, updated FROM feed_entries "
            "ORDER BY updated, entry_id"
        )
        return [FeedEntryState(r[0], r[1], r[2], datetime.fromisoformat(r[3])) for r in rows]

    def save_feed_entry(self, entry: FeedEntryState) -> None:
        """Insert or update one Atom entry state (inside the caller's transaction)."""
        self._db.execute(
            "INSERT INTO feed_entries(entry_id, story_id, digest, updated) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(entry_id) DO UPDATE SET story_id = excluded.story_id, "
            "digest = excluded.digest, updated = excluded.updated",
            (entry.entry_id, entry.story_id, entry.digest, entry.updated.isoformat()),
        )

    def delete_feed_entry(self, entry_id: str) -> None:
        """Drop an Atom entry whose story merged into another's."""
        self._db.execute("DELETE FROM feed_entries WHERE entry_id = ?", (entry_id,))

    # -- independent outlets -----------------------------------------------------------

    def count_outlets(self, story_id: str) -> int:
        """A story's independent outlets: outlets of its originals, one owner counted once."""
        row = self._db.execute(
            f"SELECT count(DISTINCT outlet) FROM ({_OUTLET_KEYS})",
            (story_id,),
        ).fetchone()
        return int(row[0])

    def refresh_outlet_counts(self, article_ids: Iterable[str]) -> set[str]:
        """Recount the outlets of the stories of these articles (after new sightings, or a
        change of an owner); returns those stories."""
        ids = sorted(set(article_ids))
        stories: set[str] = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            stories.update(
                row[0]
                for row in self._db.execute(
                    f"SELECT DISTINCT story_id FROM articles WHERE id IN ({marks})", chunk
                )
            )
        for story_id in sorted(stories):
            self._db.execute(
                "UPDATE stories SET outlet_count = ? WHERE id = ?",
                (self.count_outlets(story_id), story_id),
            )
        return stories

    def refresh_all_outlet_counts(self) -> None:
        """Recount every story's outlets (after source metadata changed)."""
        for (story_id,) in self._db.execute("SELECT id FROM stories").fetchall():
            self._db.execute(
                "UPDATE stories SET outlet_count = ? WHERE id = ?",
                (self.count_outlets(story_id), story_id),
            )

    # -- retention -------------------------------------------------------------------------

    def prune_stories(self, cutoff: datetime) -> PruneCounts:
        """Delete every story whose newest article, by event time and by ingest time, is
        older than ``cutoff``, with its articles, brief and Atom entry (inside the caller's
        transaction).

        A story still in the news keeps its older articles, so its brief stays whole.
        Feed items stay sighted (their article link cleared), so a feed that still lists
        them does not bring them back.
        """
        moment = cutoff.isoformat()
        stories = [
            row[0]
            for row in self._db.execute(
                "SELECT id FROM stories AS s WHERE coalesce(s.last_time, '') < ?1 "
                "AND NOT EXISTS (SELECT 1 FROM articles AS a WHERE a.story_id = s.id "
                "AND (a.event_time >= ?1 OR a.ingested_at >= ?1))",
                (moment,),
            )
        ]
        if not stories:
            return PruneCounts()
        self._db.execute("CREATE TEMP TABLE IF NOT EXISTS pruned_stories (id TEXT PRIMARY KEY)")
        self._db.execute("DELETE FROM pruned_stories")
        self._db.executemany("INSERT INTO pruned_stories(id) VALUES (?)", [(i,) for i in stories])
        doomed = "SELECT id FROM articles WHERE story_id IN (SELECT id FROM pruned_stories)"
        self._db.execute(f"UPDATE sightings SET article_id = NULL WHERE article_id IN ({doomed})")
        # A copy kept elsewhere whose original goes becomes an original itself.
        self._db.execute(
            f"UPDATE articles SET duplicate_of = NULL WHERE duplicate_of IN ({doomed}) "
            "AND story_id NOT IN (SELECT id FROM pruned_stories)"
        )
        self._db.execute(f"DELETE FROM minhash_bands WHERE article_id IN ({doomed})")
        # Copies first: they refer to their originals.
        copies = self._db.execute(
            "DELETE FROM articles WHERE story_id IN (SELECT id FROM pruned_stories) "
            "AND duplicate_of IS NOT NULL"
        ).rowcount
        originals = self._db.execute(
            "DELETE FROM articles WHERE story_id IN (SELECT id FROM pruned_stories)"
        ).rowcount
        self._db.execute("DELETE FROM briefs WHERE story_id IN (SELECT id FROM pruned_stories)")
        # Atom entries under the story's id or a former id of it.
        self._db.execute(
            "DELETE FROM feed_entries WHERE story_id IN (SELECT id FROM pruned_stories) "
            "OR story_id IN (SELECT old_id FROM aliases WHERE kind = 'story' "
            "AND new_id IN (SELECT id FROM pruned_stories))"
        )
        self._db.execute(
            "DELETE FROM aliases WHERE kind = 'story' AND new_id IN (SELECT id FROM pruned_stories)"
        )
        self._db.execute("DELETE FROM stories WHERE id IN (SELECT id FROM pruned_stories)")
        lines = self._db.execute(
            "DELETE FROM storylines WHERE id NOT IN (SELECT storyline_id FROM stories)"
        ).rowcount
        self._db.execute(
            "DELETE FROM aliases WHERE kind = 'storyline' "
            "AND new_id NOT IN (SELECT id FROM storylines)"
        )
        self._db.execute("DELETE FROM pruned_stories")
        return PruneCounts(articles=copies + originals, stories=len(stories), storylines=lines)
