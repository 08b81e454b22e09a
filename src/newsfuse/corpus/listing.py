"""Keeping each story's listing columns current, its title chosen here, not in the store.

A story is listed under its founding article's title; when that has none, under the
title most of its members share, else under a short headline cut from its lead
(:func:`~newsfuse.summary.headline.story_headline`). The store only persists it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from newsfuse.store import open_store
from newsfuse.store.base import Store, StoryTitleSources
from newsfuse.store.dates import REPAIRED_META_KEY


def choose_story_title(sources: StoryTitleSources) -> str:
    """The listing title of a story made of ``sources`` (see the module docstring)."""
    if sources.founder_title:
        return sources.founder_title
    # Imported here: the headline rules live with the brief, whose package loads numpy.
    from newsfuse.summary.headline import story_headline

    return story_headline(sources.member_titles, sources.lead_text)


def refresh_story_summaries(store: Store, story_ids: Iterable[str]) -> None:
    """Recompute the listing columns of each story, in the caller's transaction."""
    for story_id in story_ids:
        sources = store.story_title_sources(story_id)
        if sources is not None:  # a story with no members keeps its columns
            store.refresh_story_summary(story_id, choose_story_title(sources))


def repair_old_dates(store: Store) -> None:
    """Once per store: rewrite the body-mentioned dates an old store holds as undated,
    and refresh the stories they dated (see :mod:`newsfuse.store.dates`)."""
    if store.get_meta(REPAIRED_META_KEY) is not None:
        return
    with store.transaction():
        refresh_story_summaries(store, store.repair_mentioned_dates())


def open_repaired_store(path: Path | None, **options: Any) -> Store:
    """:func:`~newsfuse.store.open_store` (``options`` passed on), then
    :func:`repair_old_dates`; the store is closed again if the repair fails."""
    store = open_store(path, **options)
    try:
        repair_old_dates(store)
    except BaseException:
        store.close()
        raise
    return store
