"""The one write path of the corpus: de-duplicate, place and persist articles.

An ingest reads the store's known hashes and URLs first, only to skip work
(embedding articles the store already has). The decision that counts is taken
again inside each batch's write transaction (``BEGIN IMMEDIATE``, so no other
writer can commit meanwhile): articles another process stored since are
dropped as duplicates there, and the story index is reloaded when another
process has committed since it was loaded. Several ``newsfuse ingest``
processes on one store therefore store every article exactly once.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime

from newsfuse.clean.language import text_language
from newsfuse.corpus.listing import refresh_story_summaries
from newsfuse.embed import Embedder, Vectors
from newsfuse.group.features import ArticleFeatures, band_minhash, compute_features, hash_content
from newsfuse.group.index import ArticleSignals, Placement, StoryIndex, make_founder_key
from newsfuse.group.lexical import DocumentFrequencies, count_terms, weigh_terms
from newsfuse.group.params import GroupingParams
from newsfuse.model import Article
from newsfuse.store.base import Store, StoredArticle

# Articles per embedding call and per transaction: large enough to amortise the model
# call and the commit, small enough that a kill loses little work.
INGEST_BATCH = 64

# Counts committed ingest batches. An index kept in memory by a Corpus is reused only if
# no other process has written since (same generation).
GENERATION_META_KEY = "generation"

Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class Candidate:
    """An article to add, with its content hash (its identity in the store)."""

    article: Article
    content_hash: str


@dataclass(slots=True)
class LoadedIndex:
    """The story index and term frequencies as of a store generation (updated in place)."""

    generation: str
    index: StoryIndex
    frequencies: DocumentFrequencies


@dataclass(frozen=True, slots=True)
class PlacedArticle:
    """An article placed into a story, ready to be written."""

    record: StoredArticle
    placement: Placement
    near_duplicate: bool


@dataclass(slots=True)
class IngestTally:
    """What an ingest has done so far (accumulated over its batches)."""

    new: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    touched: set[str] = field(default_factory=set)


@dataclass(slots=True)
class _BatchChanges:
    """Stories and storylines one batch changed, to be written at its end."""

    stories: set[str] = field(default_factory=set)
    # Storylines given a new id in this batch: their row is written at the end even if
    # none of the batch's stories is still in them (a merge may move the story that
    # renamed a storyline to another, leaving its untouched sisters behind).
    storylines: set[str] = field(default_factory=set)


def brief_cache_key(version: str, budget: int, facts: bool) -> str:
    """The key a story's brief is cached under: its membership version and the options."""
    return f"{version}|budget={budget}|facts={facts}"


def new_generation() -> str:
    """A fresh generation token: random, so a cached index never matches a different
    file that happens to reuse the path."""
    return f"{uuid.uuid4().hex}:0"


def next_generation(generation: str) -> str:
    """The generation after one more committed batch."""
    token, _, count = generation.rpartition(":")
    return f"{token}:{int(count) + 1}"


def load_index(store: Store, params: GroupingParams, generation: str) -> LoadedIndex:
    """The story index and frequencies as committed in the store."""
    return LoadedIndex(generation, store.load_index(params=params), store.load_frequencies())


def drop_duplicates(store: Store, candidates: Sequence[Candidate]) -> tuple[list[Candidate], int]:
    """The candidates whose hash and URL are neither stored nor repeated earlier in
    ``candidates``, and how many were dropped."""
    known_hashes = store.known_hashes([c.content_hash for c in candidates])
    known_urls = store.known_urls([c.article.url for c in candidates])
    fresh: list[Candidate] = []
    seen_hashes: set[str] = set()
    seen_urls: set[str] = set()
    for candidate in candidates:
        content_hash, url = candidate.content_hash, candidate.article.url
        if (
            content_hash in known_hashes
            or content_hash in seen_hashes
            or (url and (url in known_urls or url in seen_urls))
        ):
            continue
        seen_hashes.add(content_hash)
        if url:
            seen_urls.add(url)
        fresh.append(candidate)
    return fresh, len(candidates) - len(fresh)


def make_candidates(articles: Sequence[Article]) -> list[Candidate]:
    """Each article with its content hash, and its language detected when not given."""
    return [Candidate(with_language(article), hash_content(article)) for article in articles]


def with_language(article: Article, fallback: str = "") -> Article:
    """The article with its language: as given (or as the clean stage found it), else
    detected from its text (an article that was not cleaned), else ``fallback`` (e.g.
    its feed's declared language)."""
    if article.language:
        return article
    found = text_language(article.text) or fallback.strip().lower()
    return replace(article, language=found) if found else article


def embed_ahead(
    fresh: Sequence[Candidate],
    model: Embedder,
    ingested_at: datetime,
    params: GroupingParams,
) -> Iterator[tuple[Sequence[Candidate], list[ArticleFeatures], Vectors]]:
    """Batches of fresh articles with their features and lead embeddings, in order.

    The next batch is embedded in a worker thread while the caller groups and stores
    the current one: the model (PyTorch/ONNX) runs outside the GIL, so on two cores
    embedding and grouping overlap instead of taking turns.
    """

    def prepare(
        start: int,
    ) -> tuple[Sequence[Candidate], list[ArticleFeatures], Future[Vectors]]:
        batch = fresh[start : start + INGEST_BATCH]
        features = [compute_features(c.article, ingested_at, params) for c in batch]
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


def write_batch(
    store: Store,
    loaded: LoadedIndex,
    params: GroupingParams,
    batch: Sequence[Candidate],
    features: Sequence[ArticleFeatures],
    embeddings: Vectors,
    ingested_at: datetime,
    tally: IngestTally,
) -> LoadedIndex:
    """De-duplicate, place and persist one batch in one write transaction.

    Returns the index to go on with: ``loaded`` updated in place, or a fresh load
    when another process had committed since. If the transaction fails, the
    caller must drop the index (it may hold uncommitted placements).
    """
    changes = _BatchChanges()
    with store.transaction():
        # Under the write lock held from here: reload if another process committed since
        # the index was loaded, so its stories are seen (and not redone).
        committed = store.get_meta(GENERATION_META_KEY) or loaded.generation
        if committed != loaded.generation:
            loaded = load_index(store, params, committed)
        fresh, repeated = drop_duplicates(store, list(batch))
        tally.duplicates += repeated
        keep = {id(candidate) for candidate in fresh}
        for candidate, feature, embedding in zip(batch, features, embeddings, strict=True):
            if id(candidate) not in keep:
                continue
            placed = place_article(store, loaded, candidate, feature, embedding, ingested_at)
            persist_article(store, placed, changes, tally)
        persist_stories(store, loaded, changes)
        loaded.generation = next_generation(loaded.generation)
        store.set_meta(GENERATION_META_KEY, loaded.generation)
    tally.touched |= changes.stories
    return loaded


def place_article(
    store: Store,
    loaded: LoadedIndex,
    candidate: Candidate,
    feature: ArticleFeatures,
    embedding: Vectors,
    ingested_at: datetime,
) -> PlacedArticle:
    """Put one article into its story: a near-duplicate copy joins its original's story,
    any other article is placed by the story index (which may merge or rename stories)."""
    article, content_hash = candidate.article, candidate.content_hash
    article_id = "a-" + content_hash[:16]
    bands = tuple(band_minhash(feature.minhash))
    copy = store.find_near_duplicate(feature.minhash, bands, len(article.text))
    if copy is not None:
        founder = make_founder_key(feature.date, content_hash)
        placement = loaded.index.place_copy(copy[1], founder, feature.date)
        duplicate_of: str | None = copy[0]
    else:
        counts = count_terms(article.title + "\n" + article.text)
        loaded.frequencies.add(counts)
        signals = ArticleSignals(
            article_id=article_id,
            content_hash=content_hash,
            date=feature.date,
            embedding=embedding,
            terms=weigh_terms(counts, loaded.frequencies),
            key_numbers=feature.key_numbers,
            names=feature.names,
            language=article.language,
            lead_terms=weigh_terms(count_terms(feature.event_lead), loaded.frequencies),
        )
        placement = loaded.index.place(signals)
        duplicate_of = None
    record = StoredArticle(
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
        story_id=placement.story_id,
        duplicate_of=duplicate_of,
    )
    return PlacedArticle(record, placement, near_duplicate=copy is not None)


def persist_article(
    store: Store, placed: PlacedArticle, changes: _BatchChanges, tally: IngestTally
) -> None:
    """Write one placed article and the renames its placement caused."""
    for old_id, new_id in placed.placement.renamed_stories:
        store.rename_story(old_id, new_id)
        changes.stories.discard(old_id)
        tally.touched.discard(old_id)
    for old_id, new_id in placed.placement.renamed_storylines:
        store.rename_storyline(old_id, new_id)
        changes.storylines.add(new_id)
    changes.stories.add(placed.placement.story_id)
    store.add_article(placed.record)
    if placed.near_duplicate:
        tally.near_duplicates += 1
    else:
        tally.new += 1


def persist_stories(store: Store, loaded: LoadedIndex, changes: _BatchChanges) -> None:
    """Write the batch's changed stories, storylines, listing columns and frequencies."""
    index = loaded.index
    for story_id in sorted(changes.stories):
        story = index.stories[story_id]
        store.save_story(story)
        changes.storylines.add(story.storyline_id)
    for line_id in sorted(changes.storylines):
        if line_id in index.storylines:
            store.save_storyline(index.storylines[line_id])
    refresh_story_summaries(store, sorted(changes.stories))
    store.save_frequencies(loaded.frequencies)
