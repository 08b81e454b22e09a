"""Order the chosen sentences so the brief reads as a story.

Chronological ordering (Barzilay, Elhadad & McKeown 2002): sentences from
earlier-published articles come first, and sentences of one article keep the
article's own order. Articles without a publication time follow the dated ones,
in input order. Deterministic: ties fall back to input order and position.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from newsfuse.model import Article, Sentence


def order_sentences(sentences: Sequence[Sentence], articles: Sequence[Article]) -> list[Sentence]:
    """Return ``sentences`` in reading order: by article publication time, then position."""
    rank = {article.id: index for index, article in reversed(list(enumerate(articles)))}
    published = {article.id: article.published for article in articles}

    def key(sentence: Sentence) -> tuple[int, float, int, int]:
        when = published.get(sentence.article_id)
        dated = (0, _timestamp(when)) if when is not None else (1, 0.0)
        return (*dated, rank.get(sentence.article_id, len(articles)), sentence.start)

    return sorted(sentences, key=key)


def _timestamp(when: datetime) -> float:
    """Seconds since the epoch; a naive time is taken as UTC so mixed inputs compare."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.timestamp()
