"""One-shot functions over a store path: each opens a :class:`Corpus`, does one thing, closes it.

Handy in scripts that do one thing; code that does several opens one handle
(``with Corpus(db) as corpus: ...``) and keeps its embedder and story index.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from newsfuse.config import DEFAULT_BUDGET
from newsfuse.corpus.handle import Corpus
from newsfuse.group.params import GroupingParams
from newsfuse.model import (
    Article,
    IngestReport,
    Skipped,
    StorylineView,
    StorySummary,
    StoryView,
)
from newsfuse.pipeline import Input
from newsfuse.store import default_db_path, lock_timeout_setting
from newsfuse.store.backup import restore_database


def ingest(
    inputs: Iterable[Input | Article],
    *,
    db: str | Path | None = None,
    stdin: TextIO | None = None,
    progress: bool = False,
    embedder: str | None = None,
    keep_non_articles: bool = False,
) -> IngestReport:
    """Read articles from paths, folders, ``-``, record dicts or Articles and add them
    to the store at ``db`` (see :meth:`Corpus.ingest`)."""
    with Corpus(db, embedder=embedder) as corpus:
        return corpus.ingest(
            inputs, stdin=stdin, progress=progress, keep_non_articles=keep_non_articles
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
    """Add already-read articles to the store at ``db`` (see :meth:`Corpus.ingest_articles`).

    ``grouping`` overrides the grouping tunables (default: those fitted to the store's
    embedder, :meth:`GroupingParams.for_embedder`).
    """
    with Corpus(db, embedder=embedder, grouping=grouping) as corpus:
        return corpus.ingest_articles(articles, skipped=skipped, progress=progress, now=now)


def list_stories(
    *,
    db: str | Path | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    query: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[StorySummary]:
    """Stories of the store at ``db``, filtered by time and words (see :meth:`Corpus.stories`)."""
    with Corpus(db) as corpus:
        return corpus.stories(since=since, until=until, query=query, limit=limit, offset=offset)


def get_story(
    story_id: str,
    *,
    db: str | Path | None = None,
    budget: int = DEFAULT_BUDGET,
    facts: bool = True,
    brief: bool = True,
) -> StoryView:
    """One story of the store at ``db`` with its brief (see :meth:`Corpus.story`)."""
    with Corpus(db) as corpus:
        return corpus.story(story_id, budget=budget, facts=facts, brief=brief)


def get_storyline(storyline_id: str, *, db: str | Path | None = None) -> StorylineView:
    """A storyline of the store at ``db`` (see :meth:`Corpus.storyline`)."""
    with Corpus(db) as corpus:
        return corpus.storyline(storyline_id)


def export_stories(*, db: str | Path | None = None) -> Iterator[dict[str, Any]]:
    """Every story of the store at ``db`` with its article ids (see :meth:`Corpus.export`)."""
    with Corpus(db) as corpus:
        yield from corpus.export()


def check_store(*, db: str | Path | None = None) -> list[str]:
    """Problems in the store file at ``db`` (empty when it is consistent)."""
    with Corpus(db) as corpus:
        return corpus.check()


def backup_store(
    target: str | Path, *, db: str | Path | None = None, lock_timeout: float | None = None
) -> None:
    """Write a consistent, checked copy of the store at ``db`` to ``target`` while other
    processes use it (see :meth:`Corpus.backup`)."""
    with Corpus(db, lock_timeout=lock_timeout) as corpus:
        corpus.backup(target)


def restore_store(
    backup: str | Path,
    *,
    db: str | Path | None = None,
    force: bool = False,
    lock_timeout: float | None = None,
) -> None:
    """Put the backup file ``backup`` back as the store at ``db``, after checking it.

    Refuses (:class:`~newsfuse.errors.StoreError`) a backup that fails SQLite's
    integrity check, and a store that another process has open unless ``force``.
    An older backup is migrated to the current schema.
    """
    target = Path(db).expanduser() if db is not None else default_db_path()
    timeout = lock_timeout_setting(lock_timeout)
    restore_database(Path(backup), target, force=force, lock_timeout=timeout)
    # Opening migrates a backup made by an older newsfuse.
    with Corpus(target, lock_timeout=lock_timeout):
        pass
