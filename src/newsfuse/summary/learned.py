"""A learned sentence scorer for multi-document briefs, fitted on greedy-oracle labels.

Extractive summarisation as sentence classification (Kupiec, Pedersen & Chen
1995; here with oracle labels as in Nallapati et al. 2017): each sentence gets
a vector of cheap, language-agnostic features (position, length, TF-IDF
centrality, cross-document support, boilerplate signals) and a logistic
regression turns it into the probability that the greedy ROUGE oracle would
pick it. The coefficients live in ``learned_weights.json`` (plain JSON, no
pickles) and are reproduced by ``benchmarks/fit/fit_scorer.py``; its reported
scores are k-fold cross-validated by cluster.

:class:`LearnedScorer` follows the ``SentenceScorer`` protocol of
:mod:`newsfuse.summary` (``__call__(sentences, vectors, articles) -> scores``);
it needs no embeddings (``vectors`` may be ``None``), which keeps it faster
than LexRank. :func:`select_for_rouge` is the selection it was tuned with:
best-first with a redundancy cut, filled to the budget, in source order.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from newsfuse.errors import ModelError
from newsfuse.model import Article, Sentence
from newsfuse.summary.params import (
    LONG_SENTENCE_WORDS,
    SENTENCE_CACHE_SIZE,
    SHORT_SENTENCE_WORDS,
    BriefParams,
)
from newsfuse.summary.stop_words import ENGLISH_STOP_WORDS

Matrix = npt.NDArray[np.float64]

WEIGHTS_PATH = Path(__file__).with_name("learned_weights.json")

# A sentence counts as supported by another document (a feature) when their TF-IDF
# cosine is at least this: high enough that shared stop-phrases do not count, low
# enough for paraphrase. Fixed by the fitted weights, like the features' length
# cut-offs (SHORT_SENTENCE_WORDS, LONG_SENTENCE_WORDS).
SUPPORT_TFIDF = 0.2

FEATURE_NAMES = (
    "inverse_position",
    "relative_position",
    "is_first",
    "log_position",
    "log_document_sentences",
    "log_words",
    "is_short",
    "is_long",
    "centroid_similarity",
    "document_similarity",
    "degree_centrality",
    "max_other_document_similarity",
    "supporting_documents",
    "digit_share",
    "capital_share",
    "has_quote",
    "is_question",
    "first_person",
    "boilerplate",
    "relative_document_index",
    "log_documents",
)

_BOILERPLATE = re.compile(
    r"\b(click|subscribe|sign up|newsletters?|cookies?|javascript|advertisement|copyright|"
    r"all rights reserved|privacy policy|terms of (use|service)|follow us|share this|"
    r"read more|image caption|photo:|getty images|crawl data|internet archive|"
    r"wayback machine|email alerts?|download the app|tweets?|continue reading|reprints?)\b"
    r"|https?://|www\.|courtesy of|media (playback|caption)"
    r"|^\W*(photos?|videos?|images?|watch|see also|related|also|update)\s*:",
    re.IGNORECASE,
)
_QUOTE = re.compile(r"[\"“”]")
_FIRST_PERSON = re.compile(r"\b(I|me|my|we|our|you|your)\b")
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class ScorerWeights:
    """A standardised logistic regression: ``sigmoid(((x - mean) / scale) · coef + intercept)``."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coefficients: tuple[float, ...]
    intercept: float

    def score(self, features: Matrix) -> Matrix:
        """Logit of each row of ``features`` (monotone in the probability; cheaper)."""
        mean = np.asarray(self.mean)
        scale = np.asarray(self.scale)
        return ((features - mean) / scale) @ np.asarray(self.coefficients) + self.intercept

    def to_json(self) -> dict[str, Any]:
        """The weights as a plain JSON object."""
        return {
            "model": "logistic-regression",
            "features": list(self.features),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "coefficients": list(self.coefficients),
            "intercept": self.intercept,
        }


@functools.cache
def load_weights(path: Path = WEIGHTS_PATH) -> ScorerWeights:
    """Read the shipped coefficients; a missing or stale file is a :class:`ModelError`."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        weights = ScorerWeights(
            features=tuple(data["features"]),
            mean=tuple(float(v) for v in data["mean"]),
            scale=tuple(float(v) for v in data["scale"]),
            coefficients=tuple(float(v) for v in data["coefficients"]),
            intercept=float(data["intercept"]),
        )
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ModelError(
            f"{path}: cannot read the learned scorer's weights ({error}); "
            "regenerate them with benchmarks/fit/fit_scorer.py"
        ) from None
    if weights.features != FEATURE_NAMES:
        raise ModelError(
            f"{path}: the weights were fitted on other features; "
            "regenerate them with benchmarks/fit/fit_scorer.py"
        )
    return weights


def looks_like_page_furniture(text: str) -> bool:
    """Cheap signal that a sentence is navigation, sharing or subscription text."""
    return bool(_BOILERPLATE.search(text))


def vectorize_sentences(texts: Sequence[str]) -> Matrix:
    """L2-normalised TF-IDF rows (English stop words dropped, sublinear tf).

    The same numbers as scikit-learn's ``TfidfVectorizer(stop_words="english",
    sublinear_tf=True)`` (its token pattern, smoothed idf, columns in sorted
    vocabulary order), computed directly: a brief fits two small vectorisers, and
    scikit-learn's per-call validation cost more than the counting. Tokens are
    cached per text, so a sentence seen by both fits is tokenised once.
    """
    if not texts:
        return np.zeros((0, 0))
    tokens = [_content_tokens(text) for text in texts]
    vocabulary = sorted({token for row in tokens for token in row})
    if not vocabulary:  # every sentence is stop words only
        return np.zeros((len(texts), 1))
    column = {token: index for index, token in enumerate(vocabulary)}
    counts = np.zeros((len(texts), len(vocabulary)))
    for row, row_tokens in enumerate(tokens):
        for token in row_tokens:
            counts[row, column[token]] += 1.0
    present = counts > 0
    document_frequency = present.sum(axis=0)
    idf = np.log((1.0 + len(texts)) / (1.0 + document_frequency)) + 1.0
    weights = np.zeros_like(counts)
    np.log(counts, out=weights, where=present)
    weights = np.where(present, (weights + 1.0) * idf, 0.0)
    norms = np.linalg.norm(weights, axis=1, keepdims=True)
    return np.divide(weights, norms, out=np.zeros_like(weights), where=norms > 0)


# scikit-learn's default token pattern: runs of two or more word characters.
_TFIDF_TOKEN = re.compile(r"(?u)\b\w\w+\b")


@functools.lru_cache(maxsize=SENTENCE_CACHE_SIZE)
def _content_tokens(text: str) -> tuple[str, ...]:
    """The lower-cased tokens of ``text`` that TF-IDF counts (stop words dropped)."""
    words = _TFIDF_TOKEN.findall(text.lower())
    return tuple(token for token in words if token not in ENGLISH_STOP_WORDS)


def _normalise(vector: Matrix) -> Matrix:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector


def extract_features(sentences: Sequence[Sentence], tfidf: Matrix | None = None) -> Matrix:
    """One row of :data:`FEATURE_NAMES` per sentence of a cluster (sentences of all articles).

    ``tfidf`` may be passed when the caller already has L2-normalised TF-IDF rows.
    """
    count = len(sentences)
    if count == 0:
        return np.zeros((0, len(FEATURE_NAMES)))
    texts = [s.text for s in sentences]
    vectors = vectorize_sentences(texts) if tfidf is None else tfidf
    similarity = vectors @ vectors.T
    article_ids = [s.article_id for s in sentences]
    order = list(dict.fromkeys(article_ids))
    document_of = np.array([order.index(a) for a in article_ids])
    documents = len(order)
    lengths = {a: article_ids.count(a) for a in order}
    position = np.array([s.index for s in sentences], dtype=np.float64)
    document_sentences = np.array([lengths[a] for a in article_ids], dtype=np.float64)
    words = np.array([len(t.split()) for t in texts], dtype=np.float64)

    centroid = _normalise(vectors.sum(axis=0))
    document_centroids = np.stack(
        [_normalise(vectors[document_of == d].sum(axis=0)) for d in range(documents)]
    )
    same_document = document_of[:, None] == document_of[None, :]
    other = np.where(same_document, 0.0, similarity)
    supporting = np.zeros(count)
    for d in range(documents):
        columns = document_of == d
        supporting += (other[:, columns].max(axis=1) >= SUPPORT_TFIDF).astype(float)

    rows = np.zeros((count, len(FEATURE_NAMES)))
    rows[:, 0] = 1.0 / (1.0 + position)
    rows[:, 1] = position / np.maximum(document_sentences, 1.0)
    rows[:, 2] = (position == 0).astype(float)
    rows[:, 3] = np.log1p(position)
    rows[:, 4] = np.log1p(document_sentences)
    rows[:, 5] = np.log1p(words)
    rows[:, 6] = (words < SHORT_SENTENCE_WORDS).astype(float)
    rows[:, 7] = (words > LONG_SENTENCE_WORDS).astype(float)
    rows[:, 8] = vectors @ centroid
    rows[:, 9] = np.einsum("ij,ij->i", vectors, document_centroids[document_of])
    rows[:, 10] = (similarity.sum(axis=1) - 1.0) / max(count - 1, 1)
    rows[:, 11] = other.max(axis=1) if documents > 1 else 0.0
    rows[:, 12] = supporting / max(documents - 1, 1)
    for i, text in enumerate(texts):
        tokens = _TOKEN.findall(text)
        total = max(len(tokens), 1)
        rows[i, 13] = sum(t.isdigit() for t in tokens) / total
        rows[i, 14] = sum(t[:1].isupper() for t in tokens[1:]) / total
        rows[i, 15] = float(bool(_QUOTE.search(text)))
        rows[i, 16] = float(text.rstrip().endswith("?"))
        rows[i, 17] = float(bool(_FIRST_PERSON.search(text)))
        rows[i, 18] = float(looks_like_page_furniture(text))
    rows[:, 19] = document_of / max(documents - 1, 1)
    rows[:, 20] = math.log1p(documents)
    return rows


class LearnedScorer:
    """Scores sentences by the fitted oracle-label logistic regression (higher is better)."""

    def __init__(self, weights: ScorerWeights | None = None) -> None:
        self.weights = weights or load_weights()

    def __call__(
        self,
        sentences: Sequence[Sentence],
        vectors: Any = None,
        articles: Sequence[Article] = (),
    ) -> Matrix:
        return self.weights.score(extract_features(sentences))


def select_for_rouge(
    sentences: Sequence[Sentence],
    scores: Matrix,
    budget: int,
    *,
    tfidf: Matrix | None = None,
    redundancy: float = BriefParams().redundancy_tfidf,
    order: str = "source",
) -> list[Sentence]:
    """Pick sentences best-first until ``budget`` words, skipping near-repeats and fragments:
    the selection the scorer is fitted and cross-validated with.

    The last sentence may overrun the budget: a hard cut at the budget keeps its
    first words, which is better than leaving the budget unused (the ROUGE
    protocol, used when fitting). Briefs for readers use
    :func:`newsfuse.summary.select.select_best_first` instead (whole sentences). ``order`` is
    "source" (by position in its article, then article order: briefs read like
    the lead of a story, and ROUGE-L rewards it) or "score" (best first).
    """
    if not sentences:
        return []
    vectors = vectorize_sentences([s.text for s in sentences]) if tfidf is None else tfidf
    ranked = sorted(range(len(sentences)), key=lambda i: (-float(scores[i]), i))
    chosen: list[int] = []
    words = 0
    for index in ranked:
        if words >= budget:
            break
        text = sentences[index].text
        size = len(text.split())
        if size < SHORT_SENTENCE_WORDS or size > LONG_SENTENCE_WORDS:
            continue
        if looks_like_page_furniture(text):
            continue
        if chosen and float((vectors[chosen] @ vectors[index]).max()) > redundancy:
            continue
        chosen.append(index)
        words += size
    if order == "source":
        articles = list(dict.fromkeys(s.article_id for s in sentences))
        chosen.sort(key=lambda i: (sentences[i].index, articles.index(sentences[i].article_id)))
    return [sentences[i] for i in chosen]
