"""The store contract: what the corpus functions need from a database.

:class:`~newsfuse.store.sqlite.SQLiteStore` is the default implementation; a
server database (PostgreSQL, ...) can be added later by implementing
:class:`Store`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from newsfuse.group.index import StoryIndex, StorylineState, StoryState
from newsfuse.group.lexical import DocumentFrequencies
from newsfuse.group.params import EmbeddingCalibration, GroupingParams
from newsfuse.model import Article, StorySummary


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as written to the store: the article plus its grouping features."""

    id: str
    article: Article
    content_hash: str
    event_time: datetime
    date_source: str
    ingested_at: datetime
    embedding: npt.NDArray[np.float32]
    minhash: npt.NDArray[np.uint64]
    bands: tuple[int, ...]
    key_numbers: tuple[tuple[str, int], ...]
    names: tuple[str, ...]
    story_id: str
    duplicate_of: str | None = None


class Store(Protocol):
    """Persistence for articles, stories, storylines and cached briefs."""

    def close(self) -> None: ...
    def transaction(self) -> AbstractContextManager[None]: ...
    def get_meta(self, key: str) -> str | None: ...
    def set_meta(self, key: str, value: str) -> None: ...
    def load_index(
        self,
        calibration: EmbeddingCalibration | None = None,
        *,
        params: GroupingParams | None = None,
    ) -> StoryIndex: ...
    def load_frequencies(self) -> DocumentFrequencies: ...
    def save_frequencies(self, frequencies: DocumentFrequencies) -> None: ...
    def save_story(self, story: StoryState) -> None: ...
    def save_storyline(self, storyline: StorylineState) -> None: ...
    def rename_story(self, old_id: str, new_id: str) -> None: ...
    def rename_storyline(self, old_id: str, new_id: str) -> None: ...
    def known_hashes(self, hashes: Sequence[str]) -> set[str]: ...
    def known_urls(self, urls: Sequence[str]) -> set[str]: ...
    def find_near_duplicate(
        self, minhash: np.ndarray, bands: Sequence[int], length: int
    ) -> tuple[str, str] | None: ...
    def add_article(self, record: StoredArticle) -> None: ...
    def refresh_story_summary(self, story_id: str) -> None: ...
    def resolve(self, kind: str, identifier: str) -> str | None: ...
    def list_stories(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        query: str | None = None,
        storyline_id: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[StorySummary]: ...
    def story_summary(self, story_id: str) -> StorySummary | None: ...
    def story_version(self, story_id: str) -> str: ...
    def story_articles(self, story_id: str) -> list[tuple[Article, str | None]]: ...
    def cached_brief(self, story_id: str, version: str) -> str | None: ...
    def cache_brief(self, story_id: str, version: str, body: str) -> None: ...
    def export_stories(self) -> Iterator[dict[str, Any]]: ...
    def backup(self, target: Path) -> None: ...
    def check_consistency(self) -> list[str]: ...
