"""The corpus: a store of ingested articles grouped into stories and storylines.

:class:`Corpus` is the handle (``with Corpus("news.db") as corpus: ...``):
``ingest`` reads articles (the same readers as ``newsfuse brief``), drops exact
duplicates (same content hash or URL), links near-duplicate copies to their
original, groups the rest into stories and storylines (:mod:`newsfuse.group`)
and writes everything in one transaction per batch, so that an interrupted
ingest loses at most the batch in flight and a re-run completes it.
``add_sources``/``import_sources``/``export_sources``/``sources``/``remove_sources``
manage the feeds it follows, and ``fetch`` makes one pass over the due ones
(:mod:`~newsfuse.corpus.sources`). ``stories``, ``story``, ``storyline``,
``export``, ``check`` and ``backup`` read the store; ``story``
builds the story's brief and caches it until the story changes.

Modules: :mod:`~newsfuse.corpus.handle` (the handle),
:mod:`~newsfuse.corpus.writing` (the write path: de-duplicate, place, persist),
:mod:`~newsfuse.corpus.oneshot` (the same operations as functions taking ``db=``).
"""

from __future__ import annotations

from newsfuse.corpus.handle import (
    MAX_TIMELINE,
    Corpus,
    brief_cache_key,
    load_embedder,
)
from newsfuse.corpus.oneshot import (
    backup_store,
    check_store,
    export_stories,
    get_story,
    get_storyline,
    ingest,
    ingest_articles,
    list_stories,
    restore_store,
)
from newsfuse.corpus.sources import FetchReport, PollingParams, SourceOutcome
from newsfuse.corpus.writing import INGEST_BATCH
from newsfuse.store.sources import Sighting, Source

__all__ = [
    "INGEST_BATCH",
    "MAX_TIMELINE",
    "Corpus",
    "FetchReport",
    "PollingParams",
    "Sighting",
    "Source",
    "SourceOutcome",
    "backup_store",
    "brief_cache_key",
    "check_store",
    "export_stories",
    "get_story",
    "get_storyline",
    "ingest",
    "ingest_articles",
    "list_stories",
    "load_embedder",
    "restore_store",
]
