"""How summary-worthy each candidate sentence is: the ``scorer=`` hook and its default.

The default, :class:`CentroidScorer`, is unsupervised and combines the signals
known to work for extractive news summarisation:

* **centrality**: cosine to the cluster centroid of sentence embeddings
  (the centroid method of MEAD, Radev et al. 2004, on dense vectors as in
  Rossiello et al. 2017). Each article weighs the same in the centroid, so one
  long article cannot pull the topic towards itself;
* **cross-document support**: the share of the OTHER articles that contain a
  similar sentence (MEAD's cross-sentence informational subsumption idea;
  Nenkova & Vanderwende 2005 show frequency across sources predicts summary
  content). Copies of one article are merged before scoring, so a wire story
  reprinted by five outlets counts once;
* **position**: lead bias, the strongest single baseline in news (Brandow et al.
  1995; See et al. 2017);
* **length prior**: fragments under 8 words and sentences over 55 words rarely
  make good brief sentences;
* **penalties**: questions and lines that address the reader ("subscribe",
  "click here") are not story content.

A learned scorer (e.g. from the evaluation harness) plugs in through
:class:`SentenceScorer` and replaces all of this.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np
import numpy.typing as npt

from newsfuse.embed import Vectors
from newsfuse.model import Article, Sentence
from newsfuse.summary.lexical import addresses_reader

Scores = npt.NDArray[np.float64]

# Weights of the default scorer's signals. Lead position and centrality carry most of
# the weight because they are the two strongest unsupervised signals for news; support
# is slightly lower since it is zero for one-article input anyway. Halving or doubling
# any one weight moved ROUGE-1 on 60 Multi-News dev clusters by at most 0.3 (see
# docs/benchmarks-brief.md); position alone scored 1 point lower than the mix.
CENTRALITY_WEIGHT = 0.35
SUPPORT_WEIGHT = 0.25
POSITION_WEIGHT = 0.3
LENGTH_WEIGHT = 0.1

# Cosine above which two sentences of different articles are taken as saying the same
# thing for the support count: on tests/fixtures/brief/support_pairs.jsonl MiniLM gives
# paraphrases a median of 0.8 and same-topic sentences stating other facts 0.42.
SUPPORT_COSINE = 0.7

# Position decay: score = 1 / (1 + rank / POSITION_HALF_LIFE). The lead sentence scores
# 1, the fourth sentence 0.5: news puts the who/what/when in the first few sentences.
POSITION_HALF_LIFE = 3.0

# Length prior, in words: full credit in [MIN_GOOD_WORDS, MAX_GOOD_WORDS], a linear
# ramp below, a linear decay to zero over LONG_DECAY_WORDS above. News leads are long
# (40-55 words is common), so only sentences beyond that lose credit.
MIN_GOOD_WORDS = 8
MAX_GOOD_WORDS = 55
LONG_DECAY_WORDS = 40

# Penalties subtracted from the combined score for non-story sentences.
QUESTION_PENALTY = 0.15
READER_ADDRESS_PENALTY = 0.4


class SentenceScorer(Protocol):
    """Scores candidate sentences; higher means more summary-worthy.

    ``vectors[i]`` is the L2-normalised embedding of ``sentences[i]``;
    ``articles`` are the input articles (look one up by ``Sentence.article_id``).
    Returns one finite float per sentence. Only the ranking and the relative
    gaps matter: selection rescales the scores to [0, 1].
    """

    def __call__(
        self, sentences: Sequence[Sentence], vectors: Vectors, articles: Sequence[Article]
    ) -> Scores: ...


class CentroidScorer:
    """The default scorer: centrality + cross-document support + lead position + length."""

    def __call__(
        self, sentences: Sequence[Sentence], vectors: Vectors, articles: Sequence[Article]
    ) -> Scores:
        if not sentences:
            return np.zeros(0, dtype=np.float64)
        article_ids = [sentence.article_id for sentence in sentences]
        matrix = np.asarray(vectors, dtype=np.float64)
        score = (
            CENTRALITY_WEIGHT * score_centrality(matrix, article_ids)
            + SUPPORT_WEIGHT * score_support(matrix, article_ids)
            + POSITION_WEIGHT * score_position(sentences)
            + LENGTH_WEIGHT * score_length(sentences)
            - score_penalties(sentences)
        )
        return np.asarray(score, dtype=np.float64)


def score_centrality(vectors: npt.NDArray[np.float64], article_ids: Sequence[str]) -> Scores:
    """Cosine of each sentence to the article-balanced centroid, clipped to [0, 1]."""
    groups = _group_rows(article_ids)
    centroid = np.mean([vectors[rows].mean(axis=0) for rows in groups.values()], axis=0)
    norm = float(np.linalg.norm(centroid))
    if norm == 0.0:
        return np.zeros(len(article_ids), dtype=np.float64)
    return np.clip(vectors @ (centroid / norm), 0.0, 1.0)


def score_support(vectors: npt.NDArray[np.float64], article_ids: Sequence[str]) -> Scores:
    """Share of the other articles holding a sentence with cosine >= SUPPORT_COSINE."""
    groups = _group_rows(article_ids)
    if len(groups) < 2:
        return np.zeros(len(article_ids), dtype=np.float64)
    similarity = vectors @ vectors.T
    supported = np.zeros(len(article_ids), dtype=np.float64)
    for rows in groups.values():
        holds_similar = similarity[:, rows].max(axis=1) >= SUPPORT_COSINE
        supported += holds_similar
        supported[rows] -= holds_similar[rows]  # an article does not support itself
    return supported / (len(groups) - 1)


def score_position(sentences: Sequence[Sentence]) -> Scores:
    """Lead bias: decays with the sentence's rank among its article's candidates."""
    seen: dict[str, int] = {}
    ranks = []
    for sentence in sentences:
        rank = seen.get(sentence.article_id, 0)
        seen[sentence.article_id] = rank + 1
        ranks.append(rank)
    return 1.0 / (1.0 + np.asarray(ranks, dtype=np.float64) / POSITION_HALF_LIFE)


def score_length(sentences: Sequence[Sentence]) -> Scores:
    """Length prior in [0, 1]: full credit for ordinary news-sentence lengths."""
    lengths = np.asarray([len(s.text.split()) for s in sentences], dtype=np.float64)
    short = np.minimum(1.0, lengths / MIN_GOOD_WORDS)
    long = np.clip(1.0 - (lengths - MAX_GOOD_WORDS) / LONG_DECAY_WORDS, 0.0, 1.0)
    return np.minimum(short, long)


def score_penalties(sentences: Sequence[Sentence]) -> Scores:
    """Penalty for questions and for lines that speak to the reader, not about the event."""
    penalties = []
    for sentence in sentences:
        text = sentence.text.rstrip("\"'”’) ")
        penalty = QUESTION_PENALTY if text.endswith("?") else 0.0
        if addresses_reader(sentence.text):
            penalty += READER_ADDRESS_PENALTY
        penalties.append(penalty)
    return np.asarray(penalties, dtype=np.float64)


def _group_rows(article_ids: Sequence[str]) -> dict[str, list[int]]:
    groups: dict[str, list[int]] = {}
    for row, article_id in enumerate(article_ids):
        groups.setdefault(article_id, []).append(row)
    return groups
