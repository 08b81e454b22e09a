"""Tunable switches of the cleaner, as one frozen options object (see :mod:`newsfuse.clean`)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CleanParams"]


@dataclass(frozen=True, slots=True)
class CleanParams:
    """Options of :func:`newsfuse.clean.clean_articles`; the defaults are the measured ones."""

    keep_figure_blocks: bool = True
    """Keep a paragraph of short figure lines (a key-figures box, a results list) that the
    head or tail peeling would drop as labels or fragments, when it touches the story text."""
    figure_block_min_lines: int = 2
    """Lines a figure paragraph needs to be kept: a lone short line at the edge is as often
    a kicker, caption or headline ("Jane Doe, 32, of Ardon"); 1 kept a stage header that
    the fact extractor misread ("Stage 9" as a count), heldout5 conflict P 0.72 -> 0.68."""
    drop_link_lines: bool = True
    """Drop a line that links to another page from inside the story ("Related: ...", "Read
    more: ...", "Watch: ..."), wherever it stands: peeling reaches only the head and tail."""
