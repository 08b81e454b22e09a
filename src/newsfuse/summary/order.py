"""Order the chosen sentences so the brief reads as a story.

When every article has a publication time: chronological ordering (Barzilay,
Elhadad & McKeown 2002), sentences of earlier articles first, each article's
sentences in their own order. When some time is unknown, chronology cannot be
trusted, so sentences go by relative position in their article (where in the
text they start, as a fraction of its length): every article's lead material
comes before background, the inverted pyramid of news writing. Deterministic:
ties fall back to input order and position.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from newsfuse.model import Article, Sentence


def order_sentences(sentences: Sequence[Sentence], articles: Sequence[Article]) -> list[Sentence]:
    """Return ``sentences`` in reading order (see the module docstring for the rule)."""
    rank = {article.id: index for index, article in reversed(list(enumerate(articles)))}
    published = {article.id: article.published for article in articles}
    length = {article.id: max(1, len(article.text)) for article in articles}
    cited = {sentence.article_id for sentence in sentences}
    chronological = all(published.get(article_id) is not None for article_id in cited)

    def key(sentence: Sentence) -> tuple[float, int, int]:
        article_rank = rank.get(sentence.article_id, len(articles))
        when = published.get(sentence.article_id)
        if chronological and when is not None:
            return (_timestamp(when), article_rank, sentence.start)
        relative = sentence.start / length.get(sentence.article_id, 1)
        return (relative, article_rank, sentence.start)

    return sorted(sentences, key=key)


def _timestamp(when: datetime) -> float:
    """Seconds since the epoch; a naive time is taken as UTC so mixed inputs compare."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.timestamp()
