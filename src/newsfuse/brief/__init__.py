"""Multi-document extractive briefs with per-sentence citations.

``summarize`` runs five small steps, each in its own module:

1. candidates (here): segment every article, merge copies of one article, drop
   non-story lines (headings, teasers, fragments);
2. ``score``: how summary-worthy each candidate is (pluggable ``scorer=``);
3. ``select``: budgeted MMR selection without repeating a fact;
4. ``order``: chronological, then in-article order;
5. ``cite``: the source span plus every other article that states the same.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from newsfuse.brief.cite import Evidence, cite_sentence
from newsfuse.brief.lexical import addresses_reader, normalize_for_identity
from newsfuse.brief.order import order_sentences
from newsfuse.brief.score import CentroidScorer, SentenceScorer
from newsfuse.brief.select import select_sentences
from newsfuse.config import DEFAULT_BUDGET
from newsfuse.embed import Embedder, Vectors
from newsfuse.errors import ConfigError
from newsfuse.model import Article, BriefSentence, Sentence
from newsfuse.segment import split_sentences

__all__ = ["CentroidScorer", "SentenceScorer", "find_copies", "is_story_sentence", "summarize"]

# Sentences shorter than this are neither candidates nor citable evidence: datelines,
# bylines and captions, and too short to state a fact on their own.
MIN_SENTENCE_WORDS = 4

# Sentences per article that are embedded (the first ones, in article order). Bounds
# the cost of a 20-article cluster (≤ 1,000 MiniLM encodings, a few CPU seconds) while
# keeping what news puts first; later sentences of very long articles are neither
# candidates nor citable.
MAX_SENTENCES_PER_ARTICLE = 50

# Two articles are copies (one wire story under two outlets) when this share of their
# sentences is identical after folding case and spacing. Copies count once as support,
# contribute candidates once, and cite each other with score 1.
COPY_OVERLAP = 0.8

_TERMINAL_END = re.compile(r"[.!?][\"'”’)\]]*$")
_TEASER_END = re.compile(r"(\.\.\.|…)[\"'”’)\]]*$")
# List markers and dashes some sites put before a paragraph: not part of the sentence.
_LEADING_MARK = re.compile(r"^[-–—•*·>]+\s+")


def summarize(
    articles: Sequence[Article],
    budget: int = DEFAULT_BUDGET,
    *,
    scorer: SentenceScorer | None = None,
    embedder: Embedder | None = None,
) -> list[BriefSentence]:
    """Summarise articles about one event into cited sentences of at most ``budget`` words.

    Each returned sentence is a sentence of one article as written (a leading
    list dash or bullet dropped); its first citation is that span (score 1),
    the others point at the best-supporting sentence of every other article
    that states the same content. Empty
    articles are skipped; with no sentence at all the result is ``[]``.
    """
    if budget < 1:
        raise ConfigError(f"budget must be a positive number of words, got {budget}")
    articles = [article for article in articles if article.text.strip()]
    if not articles:
        return []
    segmented = [split_sentences(article) for article in articles]
    evidence_sentences = [_evidence(sentences) for sentences in segmented]
    copies = find_copies(evidence_sentences)
    candidates, sources = _candidates(segmented, evidence_sentences, copies)
    if not candidates:
        return []

    if embedder is None:
        from newsfuse.embed import get_embedder

        embedder = get_embedder()
    # Candidates are citable sentences too (or the fallback pool): embed every text once.
    texts = [s.text for sentences in (*evidence_sentences, candidates) for s in sentences]
    vector_of = _embed_unique(embedder, texts)
    candidate_vectors = np.stack([vector_of[s.text] for s in candidates])
    evidence = [
        Evidence(article.id, tuple(sentences), _stack(vector_of, sentences, candidate_vectors))
        for article, sentences in zip(articles, evidence_sentences, strict=True)
    ]

    scores = (scorer or CentroidScorer())(candidates, candidate_vectors, articles)
    if len(scores) != len(candidates):
        raise ConfigError(
            f"the sentence scorer returned {len(scores)} scores for {len(candidates)} sentences"
        )
    chosen = select_sentences(candidates, candidate_vectors, scores, budget)
    row_of = {candidates[row]: row for row in chosen}
    return [
        BriefSentence(
            text=sentence.text,
            citations=cite_sentence(
                sentence, candidate_vectors[row_of[sentence]], evidence, sources[row_of[sentence]]
            ),
        )
        for sentence in order_sentences(list(row_of), articles)
    ]


def is_story_sentence(sentence: Sentence) -> bool:
    """True for sentences that can carry the story; False for headings, teasers, fragments.

    A story sentence has at least MIN_SENTENCE_WORDS words, closes with ., ! or ?
    (headlines, captions and credits usually don't), is not a "..." teaser, is not
    in capitals, has at least two lower-case words (a verb-like phrase) and does
    not speak to the reader ("Do you live nearby?", "Send us your photos.").
    """
    text = sentence.text.strip()
    tokens = text.split()
    if len(tokens) < MIN_SENTENCE_WORDS or _TEASER_END.search(text) or addresses_reader(text):
        return False
    if not _TERMINAL_END.search(text):
        return False
    letters = [char for char in text if char.isalpha()]
    if letters and all(char.isupper() for char in letters):
        return False
    return sum(1 for token in tokens if token[:1].islower()) >= 2


def find_copies(evidence: Sequence[Sequence[Sentence]]) -> list[int]:
    """Return for each article the index of the first article it copies (itself if none).

    Articles are copies when at least COPY_OVERLAP of the smaller one's
    sentences are identical in the other (case and spacing folded).
    """
    keys = [frozenset(normalize_for_identity(s.text) for s in sentences) for sentences in evidence]
    representative = list(range(len(evidence)))
    for later in range(len(evidence)):
        for earlier in range(later):
            if representative[earlier] != earlier:
                continue
            smaller = min(len(keys[later]), len(keys[earlier]))
            if smaller and len(keys[later] & keys[earlier]) >= COPY_OVERLAP * smaller:
                representative[later] = earlier
                break
    return representative


def _evidence(sentences: Sequence[Sentence]) -> list[Sentence]:
    """The citable sentences of an article: long enough, and the first ones only."""
    long_enough = [s for s in sentences if len(s.text.split()) >= MIN_SENTENCE_WORDS]
    return [_strip_leading_mark(s) for s in long_enough[:MAX_SENTENCES_PER_ARTICLE]]


def _strip_leading_mark(sentence: Sentence) -> Sentence:
    """Drop a leading "- " or bullet from the sentence and its span, so briefs don't show it."""
    mark = _LEADING_MARK.match(sentence.text)
    if mark is None or mark.end() == len(sentence.text):
        return sentence
    return replace(sentence, start=sentence.start + mark.end(), text=sentence.text[mark.end() :])


def _candidates(
    segmented: Sequence[Sequence[Sentence]],
    evidence: Sequence[Sequence[Sentence]],
    copies: Sequence[int],
) -> tuple[list[Sentence], list[int]]:
    """Candidate sentences of the articles that are not copies, with their article positions.

    Falls back to the citable sentences, then to every sentence, so that a
    short or heading-only input still yields a brief.
    """
    originals = [position for position, first in enumerate(copies) if first == position]
    for pool in (
        [[s for s in evidence[p] if is_story_sentence(s)] for p in originals],
        [list(evidence[p]) for p in originals],
        [list(segmented[p][:MAX_SENTENCES_PER_ARTICLE]) for p in originals],
    ):
        candidates = [s for sentences in pool for s in sentences]
        if candidates:
            positions = [p for p, sentences in zip(originals, pool, strict=True) for _ in sentences]
            return candidates, positions
    return [], []


def _embed_unique(embedder: Embedder, texts: Sequence[str]) -> dict[str, Vectors]:
    """Embed each distinct text once and return its vector by text."""
    unique = list(dict.fromkeys(texts))
    vectors = embedder.encode(unique)
    return {text: vectors[row] for row, text in enumerate(unique)}


def _stack(vector_of: dict[str, Vectors], sentences: Sequence[Sentence], like: Vectors) -> Vectors:
    """The vectors of ``sentences`` as rows (an empty matrix shaped like ``like`` if none)."""
    if not sentences:
        return np.zeros((0, like.shape[1]), dtype=like.dtype)
    return np.stack([vector_of[s.text] for s in sentences])
