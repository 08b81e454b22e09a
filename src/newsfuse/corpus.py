"""The corpus API: ingest articles into a store, then browse stories and storylines.

``ingest`` reads articles (the same readers as ``newsfuse brief``), drops exact
duplicates (same content hash or URL), links near-duplicate copies to their
original, groups the rest into stories and storylines (:mod:`newsfuse.group`)
and writes everything to the store in one transaction per batch, so that an
interrupted ingest loses at most the batch in flight and a re-run completes it.
The other functions read the store; ``get_story`` builds the story's brief and
caches it until the story changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from newsfuse.config import DEFAULT_BUDGET, DEFAULT_EMBEDDER
from newsfuse.embed import Embedder, Vectors, get_embedder
from newsfuse.errors import ConfigError, NotFoundError
from newsfuse.group.features import ArticleFeatures
from newsfuse.group.index import StoryIndex
from newsfuse.group.lexical import DocumentFrequencies
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

# Articles per embedding call and per transaction: large enough to amortise the model
# call and the commit, small enough that a kill loses little work.
INGEST_BATCH = 64

# Stories shown in a story's timeline and a storyline view at most.
MAX_TIMELINE = 1000

_EMBEDDER_META_KEY = "embedder"
# Counts committed ingest batches. An index kept in memory from an earlier ingest in this
# process is reused only if no other process has written since (same generation), so
# repeated small ingests (a server) do not rebuild the index from the file every time.
_GENERATION_META_KEY = "generation"
_INDEX_CACHE: dict[str, tuple[str, StoryIndex, DocumentFrequencies]] = {}

Input = str | Path | Mapping[str, Any]
Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class _Counts:
    new: int = 0
    duplicates: int = 0
    near_duplicates: int = 0


def load_embedder(name: str) -> Embedder:
    """The embedder used for grouping: ``"hashing"`` (model-free) or a newsfuse.embed name."""
    return get_embedder(name)


def ingest(
    inputs: Iterable[Input],
    *,
    db: str | Path | None = None,
    stdin: TextIO | None = None,
    progress: bool = False,
    embedder: str | None = None,
    keep_non_articles: bool = False,
) -> IngestReport:
    """Read articles from paths, folders, ``-`` or record dicts and add them to the store.

    Returns counts of new, duplicate and near-duplicate articles, the inputs
    that were skipped (with reasons, non-articles among them unless
    ``keep_non_articles``) and the ids of the stories that changed. Running it
    again on the same inputs adds nothing.
    """
    from newsfuse.pipeline import read_report

    report = read_report(inputs, stdin=stdin, keep_non_articles=keep_non_articles)
    return ingest_articles(
        report.articles, db=db, skipped=report.skipped, progress=progress, embedder=embedder
    )


def ingest_articles(
    articles: Sequence[Article],
    *,
    db: str | Path | None = None,
    skipped: Sequence[Skipped] = (),
    progress: bool = False,
    embedder: str | None = None,
    now: datetime | None = None,
    grouping: GroupingParams | None = None,
) -> IngestReport:
    """Add already-read articles to the store (what :func:`ingest` does after reading).

    ``embedder`` defaults to the one the store was built with (else
    :data:`~newsfuse.config.DEFAULT_EMBEDDER`); mixing embedders in one store is
    refused because their vectors are not comparable. ``now`` stands in for the
    ingest time (undated articles are stamped with it). ``grouping`` overrides the
    grouping tunables (default: ``GroupingParams.for_embedder(embedder)``).
    """
    from newsfuse.embed import single_threaded_blas
    from newsfuse.store import open_store

    store = open_store(db)
    try:
        stored_name = store.get_meta(_EMBEDDER_META_KEY)
        name = embedder or stored_name or DEFAULT_EMBEDDER
        if stored_name is not None and name != stored_name:
            raise ConfigError(
                f"the store {db or 'at the default path'} was built with the "
                f"{stored_name!r} embedder, not {name!r}; use --embedder {stored_name} "
                "or another --db"
            )
        if stored_name is None:
            with store.transaction():
                store.set_meta(_EMBEDDER_META_KEY, name)
        # Grouping's matrix products run beside the encoder threads: BLAS on one thread.
        with single_threaded_blas():
            if progress:
                from rich.progress import Progress as RichProgress

                with RichProgress(transient=True) as bar:
                    task = bar.add_task("ingesting", total=len(articles))
                    counts, touched = _ingest_into(
                        store, articles, name, now, lambda n: bar.advance(task, n), grouping
                    )
            else:
                counts, touched = _ingest_into(store, articles, name, now, lambda n: None, grouping)
    finally:
        store.close()
    return IngestReport(
        new=counts.new,
        duplicates=counts.duplicates,
        near_duplicates=counts.near_duplicates,
        skipped=tuple(skipped),
        stories_touched=tuple(sorted(touched)),
    )


def _ingest_into(
    store: Any,
    articles: Sequence[Article],
    embedder_name: str,
    now: datetime | None,
    advance: Progress,
    grouping: GroupingParams | None = None,
) -> tuple[_Counts, set[str]]:
    from newsfuse.group.features import band_minhash
    from newsfuse.group.index import ArticleSignals, make_founder_key
    from newsfuse.group.lexical import count_terms, weigh_terms
    from newsfuse.store.base import StoredArticle

    ingested_at = (now or datetime.now(UTC)).astimezone(UTC)
    hashes = [_hash(a) for a in articles]
    known_hashes = store.known_hashes(hashes)
    known_urls = store.known_urls([a.url for a in articles])
    fresh: list[tuple[Article, str]] = []
    seen_hashes: set[str] = set()
    seen_urls: set[str] = set()
    duplicates = 0
    for article, content_hash in zip(articles, hashes, strict=True):
        url = article.url
        if (
            content_hash in known_hashes
            or content_hash in seen_hashes
            or (url and (url in known_urls or url in seen_urls))
        ):
            duplicates += 1
            continue
        seen_hashes.add(content_hash)
        if url:
            seen_urls.add(url)
        fresh.append((article, content_hash))
    advance(duplicates)
    if not fresh:
        return _Counts(duplicates=duplicates), set()

    model = load_embedder(embedder_name)
    params = grouping or GroupingParams.for_embedder(embedder_name)
    cache_key = str(getattr(store, "path", id(store)))
    generation = store.get_meta(_GENERATION_META_KEY) or _new_generation()
    cached = _INDEX_CACHE.pop(cache_key, None)
    if cached is not None and cached[0] == generation and cached[1].params == params:
        index, frequencies = cached[1], cached[2]
    else:
        index, frequencies = store.load_index(params=params), store.load_frequencies()
    new = near = 0
    touched: set[str] = set()
    for batch, features, embeddings in _embed_ahead(fresh, model, ingested_at, params):
        batch_touched: set[str] = set()
        # Storylines given a new id in this batch: their row is written at the end even
        # if none of the batch's stories is still in them (a merge may move the story
        # that renamed a storyline to another, leaving its untouched sisters behind).
        batch_lines: set[str] = set()
        # If the transaction fails, the in-memory index is discarded with the store: the
        # next ingest rebuilds it from what was committed.
        with store.transaction():
            # Another process may have committed since the index was loaded; under the
            # write lock held from here, reload so its stories are seen (and not redone).
            committed = store.get_meta(_GENERATION_META_KEY) or generation
            if committed != generation:
                index, frequencies = store.load_index(params=params), store.load_frequencies()
                generation = committed
            for (article, content_hash), feature, embedding in zip(
                batch, features, embeddings, strict=True
            ):
                article_id = "a-" + content_hash[:16]
                bands = tuple(band_minhash(feature.minhash))
                copy = store.find_near_duplicate(feature.minhash, bands, len(article.text))
                founder = make_founder_key(feature.date, content_hash)
                if copy is not None:
                    duplicate_of = copy[0]
                    placement = index.place_copy(copy[1], founder, feature.date)
                    near += 1
                else:
                    counts = count_terms(article.title + "\n" + article.text)
                    frequencies.add(counts)
                    signals = ArticleSignals(
                        article_id=article_id,
                        content_hash=content_hash,
                        date=feature.date,
                        embedding=embedding,
                        terms=weigh_terms(counts, frequencies),
                        key_numbers=feature.key_numbers,
                        names=feature.names,
                    )
                    placement = index.place(signals)
                    duplicate_of = None
                    new += 1
                for old_id, new_id in placement.renamed_stories:
                    store.rename_story(old_id, new_id)
                    batch_touched.discard(old_id)
                    touched.discard(old_id)
                for old_id, new_id in placement.renamed_storylines:
                    store.rename_storyline(old_id, new_id)
                    batch_lines.add(new_id)
                story_id = placement.story_id
                batch_touched.add(story_id)
                store.add_article(
                    StoredArticle(
                        id=article_id,
                        article=article,
                        content_hash=content_hash,
                        event_time=feature.date.when,
                        date_source=feature.date.source,
                        ingested_at=ingested_at,
                        embedding=embedding,
                        minhash=feature.minhash,
                        bands=bands,
                        key_numbers=feature.key_numbers,
                        names=feature.names,
                        story_id=story_id,
                        duplicate_of=duplicate_of,
                    )
                )
            for story_id in sorted(batch_touched):
                story = index.stories[story_id]
                store.save_story(story)
                batch_lines.add(story.storyline_id)
            for line_id in sorted(batch_lines):
                if line_id in index.storylines:
                    store.save_storyline(index.storylines[line_id])
            for story_id in sorted(batch_touched):
                store.refresh_story_summary(story_id)
            store.save_frequencies(frequencies)
            generation = _next_generation(generation)
            store.set_meta(_GENERATION_META_KEY, generation)
        touched |= batch_touched
        advance(len(batch))
    # Every batch committed: the in-memory index matches the store at this generation.
    # (On an exception this line is not reached and the next ingest reloads.)
    _INDEX_CACHE[cache_key] = (generation, index, frequencies)
    return _Counts(new=new, duplicates=duplicates, near_duplicates=near), touched


def _embed_ahead(
    fresh: Sequence[tuple[Article, str]],
    model: Embedder,
    ingested_at: datetime,
    params: GroupingParams,
) -> Iterator[tuple[Sequence[tuple[Article, str]], list[ArticleFeatures], Vectors]]:
    """Batches of fresh articles with their features and lead embeddings, in order.

    The next batch is embedded in a worker thread while the caller groups and stores
    the current one: the model (PyTorch/ONNX) runs outside the GIL, so on two cores
    embedding and grouping overlap instead of taking turns.
    """
    from concurrent.futures import Future, ThreadPoolExecutor

    from newsfuse.group.features import compute_features

    def prepare(
        start: int,
    ) -> tuple[Sequence[tuple[Article, str]], list[ArticleFeatures], Future[Vectors]]:
        batch = fresh[start : start + INGEST_BATCH]
        features = [compute_features(article, ingested_at, params) for article, _ in batch]
        return batch, features, pool.submit(model.encode, [f.lead for f in features])

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsfuse-embed") as pool:
        pending = prepare(0) if fresh else None
        start = 0
        while pending is not None:
            batch, features, embedded = pending
            start += INGEST_BATCH
            # Features of the next batch are computed here, while this batch's embedding
            # is still running in the worker.
            pending = prepare(start) if start < len(fresh) else None
            yield batch, features, embedded.result()


def _new_generation() -> str:
    # A random store token plus a batch counter: a cached index never matches a different
    # file that happens to reuse the path.
    import uuid

    return f"{uuid.uuid4().hex}:0"


def _next_generation(generation: str) -> str:
    token, _, count = generation.rpartition(":")
    return f"{token}:{int(count) + 1}"


def _hash(article: Article) -> str:
    from newsfuse.group.features import hash_content

    return hash_content(article)


def list_stories(
    *,
    db: str | Path | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    query: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[StorySummary]:
    """Stories, most recently active first, optionally filtered by time and by text.

    ``query`` matches article titles and texts (case-insensitive for ASCII).
    """
    from newsfuse.store import open_store

    if limit < 0 or offset < 0:
        raise ConfigError(f"limit and offset must not be negative (got {limit}, {offset})")
    store = open_store(db)
    try:
        return store.list_stories(since=since, until=until, query=query, limit=limit, offset=offset)
    finally:
        store.close()


def get_story(
    story_id: str,
    *,
    db: str | Path | None = None,
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
    from newsfuse.store import open_store

    store = open_store(db)
    try:
        current = store.resolve("story", story_id)
        summary = store.story_summary(current) if current else None
        if current is None or summary is None:
            raise NotFoundError(
                f"no story {story_id!r} in the store; list ids with 'newsfuse stories'"
            )
        members = store.story_articles(current)
        originals = [article for article, copy_of in members if copy_of is None]
        duplicates = tuple((a.id, copy_of) for a, copy_of in members if copy_of is not None)
        result = Brief(sentences=(), sources=tuple(originals))
        if brief:
            result = _cached_brief(store, current, originals, budget, facts)
        timeline = store.list_stories(storyline_id=summary.storyline_id, limit=MAX_TIMELINE)
    finally:
        store.close()
    return StoryView(story=summary, brief=result, timeline=tuple(timeline), duplicates=duplicates)


def brief_cache_key(version: str, budget: int, facts: bool) -> str:
    """The key a story's brief is cached under: its membership version and the options."""
    return f"{version}|budget={budget}|facts={facts}"


def _cached_brief(
    store: Any, story_id: str, articles: Sequence[Article], budget: int, facts: bool
) -> Brief:
    from newsfuse import pipeline
    from newsfuse.store.codec import decode_brief, encode_brief

    version = brief_cache_key(store.story_version(story_id), budget, facts)
    by_id = {a.id: a for a in articles}
    cached = store.cached_brief(story_id, version)
    if cached is not None:
        return decode_brief(cached, by_id)
    made = pipeline.brief(articles, budget=budget, facts=facts)
    store.cache_brief(story_id, version, encode_brief(made))
    return made


def get_storyline(storyline_id: str, *, db: str | Path | None = None) -> StorylineView:
    """A storyline: its stories, oldest first, titled after the earliest one."""
    from newsfuse.store import open_store

    store = open_store(db)
    try:
        current = store.resolve("storyline", storyline_id)
        stories = store.list_stories(storyline_id=current, limit=MAX_TIMELINE) if current else []
    finally:
        store.close()
    if current is None or not stories:
        raise NotFoundError(
            f"no storyline {storyline_id!r} in the store; "
            "story listings ('newsfuse stories') show storyline ids"
        )
    return StorylineView(id=current, title=stories[0].title, stories=tuple(stories))


def export_stories(*, db: str | Path | None = None) -> Iterator[dict[str, Any]]:
    """Every story with its storyline id, title, dates and article ids (oldest first)."""
    from newsfuse.store import open_store

    store = open_store(db)
    try:
        yield from store.export_stories()
    finally:
        store.close()


def check_store(*, db: str | Path | None = None) -> list[str]:
    """Problems in the store file (empty when it is consistent)."""
    from newsfuse.store import open_store

    store = open_store(db)
    try:
        return store.check_consistency()
    finally:
        store.close()
