"""What a :class:`~newsfuse.corpus.Corpus` does for the feeds it follows.

Sources (add, import, export, list, remove), one fetch pass over the due ones, and the
Atom entries of its stories, kept apart from the handle's store-and-stories core.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from newsfuse.config import DEFAULT_BUDGET
from newsfuse.errors import ConfigError, NewsfuseError, NotFoundError
from newsfuse.model import Article
from newsfuse.store.base import Store
from newsfuse.store.sources import Sighting, Source

log = logging.getLogger(__name__)

# Stories active in a digest's period that are ranked at most: a day of 200 feeds
# makes a few hundred, and ranking reads only their listing rows.
_DIGEST_POOL = 5000

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from newsfuse.corpus.sources import (
        CollectedSource,
        FetchReport,
        PollingParams,
        SourceOutcome,
    )
    from newsfuse.corpus.writing import LoadedIndex
    from newsfuse.fetching import Fetcher
    from newsfuse.model import IngestReport, StorylineView, StorySummary, StoryView
    from newsfuse.render.atom import AtomEntry
    from newsfuse.render.digest import Digest
    from newsfuse.store.sources import FeedEntryState, PruneCounts


class FollowingMixin:
    """The feed methods of :class:`~newsfuse.corpus.Corpus` (which provides the rest)."""

    if TYPE_CHECKING:
        # Provided by Corpus: the lock, the open store and the ingest and read paths.
        _lock: threading.RLock
        _loaded: LoadedIndex | None

        def _open(self) -> Store: ...

        def _reading(self) -> AbstractContextManager[Store]: ...

        def ingest_articles(self, articles: Sequence[Article]) -> IngestReport: ...

        def stories(
            self, *, since: datetime | None = ..., limit: int = ...
        ) -> list[StorySummary]: ...

        def story(self, story_id: str, *, budget: int = ...) -> StoryView: ...

        def storyline(self, storyline_id: str) -> StorylineView: ...

    # -- sources -----------------------------------------------------------------------

    def add_sources(self, urls: Sequence[str], fetcher: Fetcher) -> list[Source]:
        """Add feeds: each URL is a feed, or a site page whose advertised feeds are added.

        Returns the sources that were new. Raises :class:`~newsfuse.errors.FetchError`
        or :class:`~newsfuse.errors.InputError` naming the URL that failed, before
        anything is added.
        """
        from newsfuse.corpus.sources import discover_sources

        found = [source for url in urls for source in discover_sources(fetcher, url)]
        return self.save_sources(found)

    def save_sources(self, sources: Sequence[Source]) -> list[Source]:
        """Add sources, or update the metadata of known ones; returns those that were new.

        A change of a known source's metadata recounts every story's independent outlets
        (its owner or name may make two outlets one, or one two).
        """
        now = datetime.now(UTC)
        added: list[Source] = []
        with self._lock:
            store = self._open()
            with store.transaction():
                for source in sources:
                    stamped = Source(
                        url=source.url,
                        name=source.name,
                        homepage=source.homepage,
                        country=source.country,
                        language=source.language,
                        owner=source.owner,
                        tags=source.tags,
                        added_at=source.added_at or now,
                    )
                    if store.save_source(stamped):
                        added.append(stamped)
                if len(added) < len(sources):
                    store.refresh_all_outlet_counts()
        return added

    def import_sources(self, path: str | Path) -> tuple[int, int]:
        """Add the sources of an OPML or CSV file (``url,name,homepage,country,language,
        owner,tags``); returns (new sources, updated sources)."""
        from newsfuse.corpus.sources import read_source_file

        sources = read_source_file(Path(path))
        added = self.save_sources(sources)
        return len(added), len({s.url for s in sources}) - len(added)

    def export_sources(self) -> str:
        """Every source as an OPML 2.0 document, tags as folders and categories."""
        from newsfuse.corpus.sources import write_source_opml

        return write_source_opml(self.sources())

    def sources(self) -> list[Source]:
        """Every source with its status: last fetched, last error, items, next poll."""
        with self._reading() as store:
            return store.list_sources()

    def remove_sources(self, urls: Sequence[str]) -> int:
        """Stop following these feeds (their stored articles stay); returns how many.

        Raises :class:`~newsfuse.errors.NotFoundError` when none of them is known.
        """
        with self._lock:
            store = self._open()
            with store.transaction():
                removed = sum(1 for url in urls if store.delete_source(url))
        if urls and not removed:
            raise NotFoundError(
                f"no source {urls[0]!r} in the store; list them with 'newsfuse sources list'"
            )
        return removed

    def sightings(self, article_id: str) -> list[Sighting]:
        """Every feed and URL where a stored article was seen."""
        with self._reading() as store:
            return store.article_sightings(article_id)

    def fetch(
        self,
        fetcher: Fetcher,
        *,
        params: PollingParams | None = None,
        due_only: bool = True,
        stop: threading.Event | None = None,
        on_source: Callable[[str], None] | None = None,
        briefs: bool = False,
        budget: int = DEFAULT_BUDGET,
    ) -> FetchReport:
        """One fetch pass: poll the due sources and add their new articles to the store.

        Feeds are polled conditionally (ETag, Last-Modified) by ``params.workers``
        threads (one request per host at a time, the fetcher's politeness);
        teaser items are completed from their pages; the articles are cleaned and
        ingested as by :meth:`ingest`, each item is linked to the stored article
        it became, and each source's next poll is planned from its publishing
        rate, never before the server's Cache-Control or Retry-After. Setting
        ``stop`` ends the pass after the sources in hand; ``on_source`` gets one
        progress line per source. A killed pass is redone by the next one.
        With ``briefs``, the brief (``budget`` words, with facts: what the web UI,
        the Atom feeds and the digest show) of every story the pass changed is made
        and cached at its end, so readers get it at once.
        """
        from concurrent.futures import ThreadPoolExecutor, as_completed

        from newsfuse.corpus.sources import FetchReport, PollingParams, collect_source

        params = params or PollingParams()
        stop = stop or threading.Event()
        started = datetime.now(UTC)
        due = [
            s
            for s in self.sources()
            if not due_only or s.next_poll is None or s.next_poll <= started
        ]
        report = FetchReport()
        with ThreadPoolExecutor(params.workers, thread_name_prefix="newsfuse-fetch") as pool:
            futures = [
                pool.submit(self._collect_unless_stopped, collect_source, fetcher, s, stop)
                for s in due
            ]
            for future in as_completed(futures):
                collected = future.result()
                if collected is None or collected.interrupted:
                    report.interrupted = True
                    continue
                outcome = self._store_collected(collected, params, report)
                report.sources.append(outcome)
                if on_source is not None:
                    on_source(_describe_outcome(outcome))
            if stop.is_set():
                report.interrupted = True
        report.peak_host_concurrency = fetcher.peak_host_concurrency
        if briefs and not stop.is_set() and report.stories_touched:
            if on_source is not None:
                on_source(f"making the briefs of {len(report.stories_touched)} changed story(ies)")
            report.briefs = self.refresh_story_briefs(report.stories_touched, budget=budget)
        return report

    def refresh_story_briefs(
        self, story_ids: Iterable[str], *, budget: int = DEFAULT_BUDGET
    ) -> int:
        """Make and cache the briefs of these stories (former ids followed; stories gone
        since are skipped); returns how many were made. A story whose brief fails is
        logged and skipped: the next request makes it again."""
        with self._lock:
            store = self._open()
            current = sorted({c for i in story_ids if (c := store.resolve("story", i))})
        made = 0
        for story_id in current:
            try:
                self.story(story_id, budget=budget)
            except NewsfuseError as error:
                log.warning("brief of story %s not refreshed: %s", story_id, error)
                continue
            made += 1
        return made

    def _collect_unless_stopped(
        self,
        collect: Callable[..., CollectedSource],
        fetcher: Fetcher,
        source: Source,
        stop: threading.Event,
    ) -> CollectedSource | None:
        if stop.is_set():
            return None
        return collect(fetcher, source, self._seen_items, stop)

    def _seen_items(self, source_url: str, keys: list[str]) -> set[str]:
        with self._lock:
            return self._open().seen_items(source_url, keys)

    def _store_collected(
        self, collected: CollectedSource, params: PollingParams, report: FetchReport
    ) -> SourceOutcome:
        """Ingest one source's articles, link its items, and record the poll (in that order,
        so that a kill in between is redone, not lost)."""
        from newsfuse.clean import clean_report
        from newsfuse.corpus.sources import SourceOutcome, next_poll_time, plan_interval, plan_retry
        from newsfuse.corpus.writing import with_language
        from newsfuse.group.features import hash_content
        from newsfuse.model import ReadReport

        source, now = collected.source, datetime.now(UTC)
        if collected.error:
            failures = source.failures + 1
            next_poll = next_poll_time(now, plan_retry(params, failures), collected.not_before)
            with self._lock:
                store = self._open()
                with store.transaction():
                    store.record_poll(
                        source.url,
                        fetched_at=collected.fetched_at,
                        etag=source.etag,
                        last_modified=source.last_modified,
                        error=collected.error,
                        failures=failures,
                        interval=source.interval,
                        next_poll=next_poll,
                    )
            return SourceOutcome(source.url, error=collected.error, next_poll=next_poll)
        usable = [item for item in collected.items if item.article is not None]
        cleaned = clean_report(ReadReport(articles=tuple(i.article for i in usable if i.article)))
        kept = {article.id: with_language(article, source.language) for article in cleaned.articles}
        ingested = self.ingest_articles(list(kept.values()))
        report.new += ingested.new + ingested.near_duplicates
        report.duplicates += ingested.duplicates
        report.near_duplicates += ingested.near_duplicates
        report.stories_touched.update(ingested.stories_touched)
        interval = plan_interval(params, collected.published, now, source.interval)
        next_poll = next_poll_time(now, interval, collected.not_before)
        linked = 0
        with self._lock:
            store = self._open()
            with store.transaction():
                sightings = []
                for item in collected.items:
                    if item.retry:
                        continue
                    article = kept.get(item.article.id) if item.article else None
                    stored = (
                        store.locate_article(hash_content(article), article.url)
                        if article is not None
                        else None
                    )
                    linked += stored is not None
                    sightings.append(Sighting(source.url, item.key, item.url, stored, now))
                store.add_sightings(sightings)
                # The sightings just written may add outlets (or owners) to stories.
                store.refresh_outlet_counts(s.article_id for s in sightings if s.article_id)
                store.record_poll(
                    source.url,
                    fetched_at=collected.fetched_at,
                    etag=collected.etag,
                    last_modified=collected.last_modified,
                    error="",
                    failures=0,
                    interval=interval,
                    next_poll=next_poll,
                )
        return SourceOutcome(
            source.url,
            items=len(collected.items),
            new=ingested.new + ingested.near_duplicates,
            linked=linked,
            not_modified=collected.not_modified,
            next_poll=next_poll,
        )

    def conflicts_found(self, story_ids: Sequence[str]) -> dict[str, int]:
        """Facts in conflict in each story's cached brief (default budget, with facts);
        a story whose brief is not made yet is left out, so listing stays cheap."""
        import json

        from newsfuse.corpus.writing import brief_cache_key

        found: dict[str, int] = {}
        with self._reading() as store:
            for story_id in story_ids:
                key = brief_cache_key(store.story_version(story_id), DEFAULT_BUDGET, True)
                body = store.cached_brief(story_id, key)
                if body is not None:
                    facts = json.loads(body).get("facts", [])
                    found[story_id] = sum(1 for f in facts if f.get("status") == "conflict")
        return found

    # -- retention and digest ------------------------------------------------------------

    def prune(self, keep_days: float, *, now: datetime | None = None) -> PruneCounts:
        """Delete the stories nothing has happened in for ``keep_days`` days, with their
        articles, briefs and Atom entries, in one transaction.

        A story goes when its newest article is older than the cutoff both by event
        time and by ingest time; a story still in the news keeps all its articles.
        """
        if keep_days <= 0:
            raise ConfigError(f"--keep-days must be positive (got {keep_days})")
        from newsfuse.corpus.writing import GENERATION_META_KEY, new_generation

        cutoff = (now or datetime.now(UTC)).astimezone(UTC) - timedelta(days=keep_days)
        with self._lock:
            store = self._open()
            with store.transaction():
                counts = store.prune_stories(cutoff)
                if counts.stories:
                    # Every kept story index (this handle's and other processes') reloads.
                    store.set_meta(GENERATION_META_KEY, new_generation())
            if counts.stories:
                self._loaded = None
        return counts

    def digest(
        self,
        since: datetime,
        *,
        limit: int = 10,
        budget: int = DEFAULT_BUDGET,
        now: datetime | None = None,
    ) -> Digest:
        """The ``limit`` stories active since ``since`` with the most independent coverage
        (outlets, then articles, then the latest), each with its brief and its conflicts."""
        from newsfuse.render.digest import Digest, DigestStory

        if limit < 1:
            raise ConfigError(f"the digest needs at least one story (got limit {limit})")
        until = (now or datetime.now(UTC)).astimezone(UTC)
        active = self.stories(since=since, limit=_DIGEST_POOL)
        ranked = sorted(
            active,
            key=lambda s: (
                -s.outlet_count,
                -(s.source_count or s.article_count),
                -(s.last_published or until).timestamp(),
                s.id,
            ),
        )[:limit]
        entries = []
        for summary in ranked:
            view = self.story(summary.id, budget=budget)
            conflicts = tuple(f for f in view.brief.facts if f.status == "conflict")
            entries.append(DigestStory(summary, view.brief, conflicts))
        return Digest(since.astimezone(UTC), until, tuple(entries))

    # -- Atom ----------------------------------------------------------------------------

    def atom_entries(
        self,
        *,
        storyline_id: str | None = None,
        limit: int = 20,
        link_base: str = "",
        budget: int = DEFAULT_BUDGET,
        now: datetime | None = None,
    ) -> list[AtomEntry]:
        """The Atom entries of the most recently active stories (of one storyline if given).

        Each story keeps the entry id it was first published under, also after a
        rename or a merge (the surviving story takes the oldest id). ``updated``
        is when the entry's brief HTML last changed: a story whose brief is the
        same as at the last request keeps its time, so readers see it once.
        Entry links are ``link_base`` + ``/stories/ID``.
        """
        from newsfuse.render.atom import AtomEntry, brief_fragment, digest_fragment
        from newsfuse.store.sources import FeedEntryState

        stamp = (now or datetime.now(UTC)).astimezone(UTC)
        if storyline_id is not None:
            listed = list(self.storyline(storyline_id).stories[-limit:][::-1])
        else:
            listed = self.stories(limit=limit)
        views = [self.story(story.id, budget=budget) for story in listed]
        entries: list[AtomEntry] = []
        with self._lock:
            store = self._open()
            with store.transaction():
                states = _entries_by_story(store, {story.id for story in listed})
                for story, view in zip(listed, views, strict=True):
                    html = brief_fragment(view.brief)
                    digest = digest_fragment(html)
                    kept = states.get(story.id)
                    if kept is None or kept.digest != digest or kept.story_id != story.id:
                        changed = kept is None or kept.digest != digest
                        kept = FeedEntryState(
                            entry_id=kept.entry_id if kept else f"urn:newsfuse:story:{story.id}",
                            story_id=story.id,
                            digest=digest,
                            updated=stamp if changed else kept.updated,  # type: ignore[union-attr]
                        )
                        store.save_feed_entry(kept)
                    entries.append(
                        AtomEntry(
                            id=kept.entry_id,
                            title=story.title,
                            updated=kept.updated,
                            link=f"{link_base}/stories/{story.id}",
                            html=html,
                            published=story.first_published,
                            sources=story.sources,
                        )
                    )
        return entries


def _entries_by_story(store: Store, story_ids: set[str]) -> dict[str, FeedEntryState]:
    """The Atom entry state of each current story: its own, else the oldest entry of a
    former id of it (renamed or merged into it); superseded entries are dropped."""
    found: dict[str, FeedEntryState] = {}
    for state in store.feed_entries():
        current = (
            state.story_id
            if state.story_id in story_ids
            else store.resolve("story", state.story_id)
        )
        if current is None or current not in story_ids:
            continue
        if current in found:
            # A merge: the surviving story keeps the entry published first.
            store.delete_feed_entry(state.entry_id)
            continue
        found[current] = state
    return found


def _describe_outcome(outcome: SourceOutcome) -> str:
    if outcome.error:
        return f"{outcome.url}: failed: {outcome.error}"
    if outcome.not_modified:
        return f"{outcome.url}: not modified"
    return f"{outcome.url}: {outcome.items} item(s) read, {outcome.new} new article(s)"
