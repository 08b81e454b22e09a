"""Atom feeds a reader subscribes to: all stories, and one storyline's stories.

Thin calls into :meth:`newsfuse.corpus.Corpus.atom_entries` and
:func:`newsfuse.render.atom.render_atom`; plain ``def`` handlers, so making a
brief runs in the threadpool.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from newsfuse.render.atom import AtomEntry, render_atom
from newsfuse.server.dependencies import AppCorpus

router = APIRouter(tags=["feeds"])

ATOM_TYPE = "application/atom+xml; charset=utf-8"

# Entries per feed at most: a reader polls often and only needs the recent stories.
MAX_ENTRIES = 100


def _atom(request: Request, feed_id: str, title: str, entries: list[AtomEntry]) -> Response:
    updated = max((entry.updated for entry in entries), default=datetime(1970, 1, 1, tzinfo=UTC))
    document = render_atom(
        feed_id=feed_id, title=title, self_url=str(request.url), entries=entries, updated=updated
    )
    return Response(document, media_type=ATOM_TYPE)


@router.get("/feeds/stories.atom", response_class=Response)
def stories_feed(
    request: Request,
    corpus: AppCorpus,
    limit: Annotated[int, Query(ge=1, le=MAX_ENTRIES)] = 20,
) -> Response:
    """The most recently active stories, each with its cited brief."""
    base = str(request.base_url).rstrip("/")
    entries = corpus.atom_entries(limit=limit, link_base=base)
    return _atom(request, "urn:newsfuse:feed:stories", "newsfuse stories", entries)


@router.get("/feeds/storylines/{storyline_id}.atom", response_class=Response)
def storyline_feed(
    storyline_id: str,
    request: Request,
    corpus: AppCorpus,
    limit: Annotated[int, Query(ge=1, le=MAX_ENTRIES)] = 20,
) -> Response:
    """One storyline's stories, newest first, each with its cited brief."""
    base = str(request.base_url).rstrip("/")
    entries = corpus.atom_entries(storyline_id=storyline_id, limit=limit, link_base=base)
    title = corpus.storyline(storyline_id).title
    return _atom(request, f"urn:newsfuse:feed:storyline:{storyline_id}", title, entries)
