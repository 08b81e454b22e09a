"""The :class:`Corpus` handle: one store, its embedder, its story index and its write path."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

from newsfuse.config import DEFAULT_BUDGET, DEFAULT_EMBEDDER
from newsfuse.corpus.flights import SingleFlight
from newsfuse.corpus.following import FollowingMixin
from newsfuse.corpus.listing import open_repaired_store
from newsfuse.corpus.readers import ReaderConnections
from newsfuse.corpus.writing import (
    GENERATION_META_KEY,
    IngestTally,
    LoadedIndex,
    Progress,
    brief_cache_key,
    drop_duplicates,
    embed_ahead,
    load_index,
    make_candidates,
    new_generation,
    write_batch,
)
from newsfuse.embed import Embedder, get_embedder, single_threaded_blas
from newsfuse.errors import ConfigError, NotFoundError, StoreError
from newsfuse.group.params import GroupingParams
from newsfuse.model import (
    Article,
    Brief,
    IngestReport,
    Skipped,
    StorylineView,
    StorySummary,
    StoryView,
)
from newsfuse.pipeline import Input, read_report
from newsfuse.pipeline import brief as brief_articles
from newsfuse.store import default_db_path
from newsfuse.store.base import Store
from newsfuse.store.codec import decode_brief, encode_brief

log = logging.getLogger(__name__)

# Stories shown in a story's timeline and a storyline view at most.
MAX_TIMELINE = 1000

EMBEDDER_META_KEY = "embedder"


def load_embedder(name: str) -> Embedder:
    """The embedder used for grouping, by its :func:`newsfuse.embed.get_embedder` name."""
    return get_embedder(name)


class Corpus(FollowingMixin):
    """A newsfuse store opened once: ingest articles, then browse stories and storylines.

    ``Corpus("news.db")`` opens (creating and migrating if needed) a store file;
    ``Corpus()`` the default one (``$NEWSFUSE_DB``, else the per-user data
    directory); ``Corpus(memory=True)`` a private in-memory store, for tests and
    notebooks. Use it as a context manager, or call :meth:`close`.
    ``lock_timeout`` is the longest wait, in seconds, for another process's
    write lock (default ``$NEWSFUSE_LOCK_TIMEOUT``, else 30 s); past it a write
    raises :class:`~newsfuse.errors.StoreError`.

    The handle owns the SQLite connection, the embedder (loaded at the first
    ingest that needs it, then kept), the story index and term frequencies
    (kept between ingests, and reloaded when another process has committed
    since), and the one write path (:mod:`newsfuse.corpus.writing`).

    Thread safety: one handle may be shared by threads. Writes (and every use of
    an in-memory store) take turns under a lock held around the whole of
    :meth:`ingest`; reads of a store file (:meth:`stories`, :meth:`story`,
    :meth:`storyline`, :meth:`check`) go through a connection of the reading
    thread's own (:mod:`newsfuse.corpus.readers`), so they never wait for an
    ingest, and making a brief (the slow part of :meth:`story`) runs outside any
    transaction, so briefs of several stories are made in parallel (two at a time;
    readers asking for the same brief share one, :mod:`newsfuse.corpus.flights`). The HTTP
    server opens one handle per process at startup and closes it at shutdown;
    its handlers, in FastAPI's threadpool, share it. Other processes may use the
    same file at the same time (SQLite WAL: readers never wait, writers take turns).
    """

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        memory: bool = False,
        embedder: str | None = None,
        grouping: GroupingParams | None = None,
        lock_timeout: float | None = None,
    ) -> None:
        if memory and path is not None:
            raise ConfigError("a corpus is either in memory or at a path, not both")
        self.path: Path | None = None if memory else _resolve_path(path)
        # Named as the user gave it, for messages ("at the default path" when not given).
        self._where = "in memory" if memory else str(path or "at the default path")
        self._embedder_name = embedder
        # None: the grouping tunables fitted to the store's embedder.
        self._grouping = grouping
        self._store: Store | None = open_repaired_store(
            self.path, memory=memory, lock_timeout=lock_timeout
        )
        self._briefing: SingleFlight[Brief] = SingleFlight()
        # Readers of a file use connections of their own (newsfuse.corpus.readers).
        self._readers = None if self.path is None else ReaderConnections(self.path, lock_timeout)
        self._models: dict[str, Embedder] = {}
        self._loaded: LoadedIndex | None = None
        # Reentrant: export() holds it per step while a caller may use the handle too.
        self._lock = threading.RLock()

    # -- lifecycle -----------------------------------------------------------------------

    def __enter__(self) -> Corpus:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Corpus({self._where!r})"

    def close(self) -> None:
        """Close the store (a closed handle refuses further use; closing twice is fine)."""
        with self._lock:
            if self._store is not None:
                self._store.close()
            self._store = None
            self._loaded = None
            if self._readers is not None:
                self._readers.close()
            self._briefing.close()

    def _open(self) -> Store:
        if self._store is None:
            raise StoreError(f"the corpus {self._where} is closed; open a new Corpus")
        return self._store

    @contextmanager
    def _reading(self) -> Iterator[Store]:
        """A store to read one consistent state from: this thread's own connection to the
        file (never waiting for a writer), or the shared one, under the lock, in memory."""
        if self._readers is None:
            with self._lock:
                yield self._open()
            return
        self._open()  # a closed handle refuses reads too
        store = self._readers.store()
        with store.snapshot():
            yield store

    # -- writing -------------------------------------------------------------------------

    def ingest(
        self,
        inputs: Iterable[Input | Article],
        *,
        stdin: TextIO | None = None,
        progress: bool = False,
        keep_non_articles: bool = False,
        now: datetime | None = None,
    ) -> IngestReport:
        """Read articles from paths, folders, ``-`` (``stdin``), record dicts or
        :class:`~newsfuse.model.Article` objects, and add them to the store.

        Exact duplicates (same content hash or URL) are counted and dropped;
        near-duplicate copies are linked to their original; the rest are
        grouped into stories and storylines. Returns counts, the inputs that
        were skipped (with reasons, non-articles among them unless
        ``keep_non_articles``) and the ids of the stories that changed. Running
        it again on the same inputs adds nothing. ``now`` stands in for the
        ingest time (undated articles are stamped with it).
        """
        articles, skipped = _read_inputs(list(inputs), stdin, keep_non_articles)
        return self.ingest_articles(articles, skipped=skipped, progress=progress, now=now)

    def ingest_articles(
        self,
        articles: Sequence[Article],
        *,
        skipped: Sequence[Skipped] = (),
        progress: bool = False,
        now: datetime | None = None,
    ) -> IngestReport:
        """Add already-read articles to the store (what :meth:`ingest` does after reading).

        The embedder is the one the store was built with, else the handle's
        ``embedder``, else :data:`~newsfuse.config.DEFAULT_EMBEDDER`; mixing
        embedders in one store is refused because their vectors are not comparable.
        """
        ingested_at = (now or datetime.now(UTC)).astimezone(UTC)
        with self._lock:
            store = self._open()
            name = self._claim_embedder(store)
            # Grouping's matrix products run beside the encoder threads: BLAS on one thread.
            with single_threaded_blas():
                if progress:
                    # Imported only when a progress bar is drawn (a terminal is attached).
                    from rich.progress import Progress as RichProgress

                    with RichProgress(transient=True) as bar:
                        task = bar.add_task("ingesting", total=len(articles))
                        tally = self._write(
                            store, articles, name, ingested_at, lambda n: bar.advance(task, n)
                        )
                else:
                    tally = self._write(store, articles, name, ingested_at, lambda n: None)
        return IngestReport(
            new=tally.new,
            duplicates=tally.duplicates,
            near_duplicates=tally.near_duplicates,
            skipped=tuple(skipped),
            stories_touched=tuple(sorted(tally.touched)),
        )

    def reindex(self, embedder: str, *, progress: bool = False) -> IngestReport:
        """Re-embed and regroup every article of the store with ``embedder``.

        A store's embedder is fixed when it is created, because vectors of two
        embedders are not comparable; this rebuilds the store with another one. Every
        stored article (near-duplicate copies included) is ingested into a fresh store,
        oldest story first, which then replaces this one (on disk: written beside it and
        renamed over it, so a failure leaves the old store). Stories are regrouped from
        scratch, so their ids may change, and cached briefs are dropped. Undated articles
        take the reindex time as their stand-in ingest time. Stop other writers first.
        A store that follows feed sources is refused (the rebuild would drop them).
        """
        load_embedder(embedder)  # an unknown or uninstalled embedder fails before any work
        with self._lock:
            old = self._open()
            followed = old.list_sources()
            if followed:
                # The rebuilt store holds articles only: refuse rather than drop the feeds.
                raise ConfigError(
                    f"the store {self._where} follows {len(followed)} feed source(s), which "
                    "reindex would drop; save them with 'newsfuse sources export', remove "
                    "them, reindex, then 'newsfuse sources import' them again"
                )
            articles = [
                article
                for story in old.export_stories()
                for article, _copy_of in old.story_articles(str(story["id"]))
            ]
            rebuilt_path = (
                None if self.path is None else self.path.with_name(self.path.name + ".reindex")
            )
            if rebuilt_path is not None:
                for leftover in _database_files(rebuilt_path):
                    leftover.unlink(missing_ok=True)
            fresh = open_repaired_store(rebuilt_path, memory=rebuilt_path is None)
            previous_name, self._embedder_name = self._embedder_name, embedder
            self._store, self._loaded = fresh, None
            try:
                report = self.ingest_articles(articles, progress=progress)
            except BaseException:
                fresh.close()
                self._store, self._embedder_name = old, previous_name
                raise
            old.close()
            if rebuilt_path is not None and self.path is not None:
                fresh.close()
                rebuilt_path.replace(self.path)
                for stale in _database_files(self.path)[1:]:
                    stale.unlink(missing_ok=True)
                self._store, self._loaded = open_repaired_store(self.path), None
                if self._readers is not None:
                    self._readers.close()  # their connections are to the replaced file
        return report

    def _claim_embedder(self, store: Store) -> str:
        """The embedder name for this store, recorded in it on the first ingest."""
        stored_name = store.get_meta(EMBEDDER_META_KEY)
        name = self._embedder_name or stored_name or DEFAULT_EMBEDDER
        if stored_name is not None and name != stored_name:
            raise ConfigError(
                f"the store {self._where} was built with the "
                f"{stored_name!r} embedder, not {name!r}; use --embedder {stored_name} "
                "or another --db"
            )
        if stored_name is None:
            with store.transaction():
                # Re-read under the write lock: another process may have claimed it first.
                raced = store.get_meta(EMBEDDER_META_KEY)
                if raced is None:
                    store.set_meta(EMBEDDER_META_KEY, name)
                elif raced != name:
                    raise ConfigError(
                        f"the store {self._where} was just built with the {raced!r} "
                        f"embedder by another process, not {name!r}; use --embedder {raced}"
                    )
        return name

    def _embedder(self, name: str) -> Embedder:
        if name not in self._models:
            self._models[name] = load_embedder(name)
        return self._models[name]

    def _write(
        self,
        store: Store,
        articles: Sequence[Article],
        embedder_name: str,
        ingested_at: datetime,
        advance: Progress,
    ) -> IngestTally:
        """De-duplicate, then place and persist the fresh articles batch by batch."""
        tally = IngestTally()
        # A first check outside the transaction, only to skip embedding known articles;
        # write_batch checks again under the write lock.
        fresh, tally.duplicates = drop_duplicates(store, make_candidates(articles))
        advance(tally.duplicates)
        if not fresh:
            return tally
        model = self._embedder(embedder_name)
        params = self._grouping or GroupingParams.for_embedder(embedder_name)
        loaded = self._take_index(store, params)
        for batch, features, embeddings in embed_ahead(fresh, model, ingested_at, params):
            # On an exception the index is not put back: the next ingest reloads it.
            loaded = write_batch(
                store, loaded, params, batch, features, embeddings, ingested_at, tally
            )
            advance(len(batch))
        self._loaded = loaded
        return tally

    def _take_index(self, store: Store, params: GroupingParams) -> LoadedIndex:
        """The kept index if the store is still at its generation, else one loaded now."""
        generation = store.get_meta(GENERATION_META_KEY) or new_generation()
        kept, self._loaded = self._loaded, None
        if kept is not None and kept.generation == generation and kept.index.params == params:
            return kept
        return load_index(store, params, generation)

    # -- reading -------------------------------------------------------------------------

    def stories(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        query: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[StorySummary]:
        """Stories, most recently active first, optionally filtered by time and by words.

        ``query`` is full-text search (SQLite FTS5) over article titles and texts:
        its words (runs of letters and digits; punctuation is ignored) must all
        occur in one article, each as the start of a word, in any order, case
        and accents ignored. ``"fire"`` finds "fire" and "firefighters" but not
        "wildfire"; a query without any word finds nothing.
        """
        if limit < 0 or offset < 0:
            raise ConfigError(f"limit and offset must not be negative (got {limit}, {offset})")
        with self._reading() as store:
            return store.list_stories(
                since=since, until=until, query=query, limit=limit, offset=offset
            )

    def story(
        self,
        story_id: str,
        *,
        budget: int = DEFAULT_BUDGET,
        facts: bool = True,
        brief: bool = True,
    ) -> StoryView:
        """One story: its brief (cached until the story changes), sources and timeline.

        Near-duplicate copies are left out of the brief, so that one wire text is
        one source; they are listed in ``StoryView.duplicates``. A former id of a
        story (before an earlier article renamed it) still finds it. ``brief=False``
        skips summarising (the brief then only lists the sources).
        """
        with self._reading() as store:
            current = store.resolve("story", story_id)
            summary = store.story_summary(current) if current else None
            if current is None or summary is None:
                raise NotFoundError(
                    f"no story {story_id!r} in the store; list ids with 'newsfuse stories'"
                )
            members = store.story_articles(current)
            key = brief_cache_key(store.story_version(current), budget, facts)
            cached = store.cached_brief(current, key) if brief else None
            timeline = store.list_stories(storyline_id=summary.storyline_id, limit=MAX_TIMELINE)
        originals = [article for article, copy_of in members if copy_of is None]
        duplicates = tuple((a.id, copy_of) for a, copy_of in members if copy_of is not None)
        result = Brief(sentences=(), sources=tuple(originals))
        if cached is not None:
            result = decode_brief(cached, {a.id: a for a in originals})
        elif brief:
            # Made outside any transaction, once for all readers asking at the same time.
            result = self._briefing.run(
                (current, key), lambda: self._make_brief(current, key, originals, budget, facts)
            )
        return StoryView(
            story=summary, brief=result, timeline=tuple(timeline), duplicates=duplicates
        )

    def _make_brief(
        self, story_id: str, key: str, originals: list[Article], budget: int, facts: bool
    ) -> Brief:
        """Brief a story's articles and cache the result under ``key``."""
        result = brief_articles(originals, budget=budget, facts=facts)
        try:
            self._cache_brief_from_reader(story_id, key, encode_brief(result))
        except StoreError as error:
            # The brief is made; a store busy for longer than the lock timeout only
            # means it is made again next time, not that the reader gets no answer.
            log.warning("brief of %s not cached: %s", story_id, error)
        return result

    def storyline(self, storyline_id: str) -> StorylineView:
        """A storyline: its stories, oldest first, titled after the earliest one."""
        with self._reading() as store:
            current = store.resolve("storyline", storyline_id)
            stories = (
                store.list_stories(storyline_id=current, limit=MAX_TIMELINE) if current else []
            )
        if current is None or not stories:
            raise NotFoundError(
                f"no storyline {storyline_id!r} in the store; "
                "story listings ('newsfuse stories') show storyline ids"
            )
        return StorylineView(id=current, title=stories[0].title, stories=tuple(stories))

    def export(self) -> Iterator[dict[str, Any]]:
        """Every story with its storyline id, title, dates and article ids (oldest first).

        Stories are read one at a time, so the export of a large store streams.
        """
        with self._lock:
            rows = self._open().export_stories()
        while True:
            with self._lock:
                self._open()
                record = next(rows, None)
            if record is None:
                return
            yield record

    def check(self) -> list[str]:
        """Problems in the store: SQLite's ``PRAGMA integrity_check`` and the store's own
        invariants (every story has articles and a storyline); empty when it is sound."""
        with self._reading() as store:
            return store.check_consistency()

    def backup(self, target: str | Path) -> None:
        """Write a consistent, checked copy of the store to ``target`` (one SQLite file),
        while other processes keep reading and writing; ``restore_store`` puts it back."""
        with self._lock:
            self._open().backup(Path(target))

    # -- the brief cache (for refresh_briefs) ----------------------------------------------

    def stale_briefs(
        self, *, budget: int = DEFAULT_BUDGET, facts: bool = True
    ) -> tuple[int, list[tuple[str, str]]]:
        """The number of stories, and (story id, cache key) of each story whose cached
        brief for these options is missing or out of date, oldest story first."""
        with self._reading() as store:
            story_ids = [str(story["id"]) for story in store.export_stories()]
            stale = []
            for story_id in story_ids:
                key = brief_cache_key(store.story_version(story_id), budget, facts)
                if store.cached_brief(story_id, key) is None:
                    stale.append((story_id, key))
        return len(story_ids), stale

    def brief_sources(self, story_id: str) -> tuple[Article, ...]:
        """The articles a story's brief is made from: its members minus near-duplicate copies."""
        with self._reading() as store:
            members = store.story_articles(story_id)
        return tuple(article for article, copy_of in members if copy_of is None)

    def _cache_brief_from_reader(self, story_id: str, key: str, body: str) -> None:
        """Cache a brief through this thread's own connection: it waits for a write in
        progress (at most the lock timeout), not for a whole ingest in this process."""
        if self._readers is None:
            self.cache_brief(story_id, key, body)
            return
        self._open()
        self._readers.store().cache_brief(story_id, key, body)

    def cache_brief(self, story_id: str, key: str, body: str) -> None:
        """Store a story's brief JSON (:func:`~newsfuse.store.codec.encode_brief`) under ``key``."""
        with self._lock:
            self._open().cache_brief(story_id, key, body)


def _database_files(path: Path) -> list[Path]:
    """A SQLite database file and its write-ahead log and shared-memory files."""
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def _resolve_path(path: str | Path | None) -> Path:
    return Path(path).expanduser() if path is not None else default_db_path()


def _read_inputs(
    inputs: Sequence[Input | Article], stdin: TextIO | None, keep_non_articles: bool
) -> tuple[list[Article], list[Skipped]]:
    """Articles from the inputs in order: Article objects as they are, every run of other
    inputs read and cleaned (:func:`newsfuse.pipeline.read_report`)."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    pending: list[Input] = []

    def read_pending() -> None:
        if pending:
            report = read_report(pending, stdin=stdin, keep_non_articles=keep_non_articles)
            articles.extend(report.articles)
            skipped.extend(report.skipped)
            pending.clear()

    for item in inputs:
        if isinstance(item, Article):
            read_pending()
            articles.append(item)
        else:
            pending.append(item)
    read_pending()
    return articles, skipped
