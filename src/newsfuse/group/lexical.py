"""Incremental TF-IDF over hashed terms, for lexical story similarity.

Terms are lower-cased words (stop words dropped) hashed with CRC-32 into a fixed
number of buckets, so that vectors are stable across runs and the document
frequencies fit in one small array that the store persists. Weights are
sublinear TF × smoothed IDF (Salton & Buckley 1988); each vector keeps only its
heaviest terms, which is what tells stories apart and keeps the inverted index
small.
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from operator import itemgetter

import numpy as np
import numpy.typing as npt

# Hash buckets for terms. 2^18 keeps collisions rare for news vocabularies (a few
# hundred thousand word types) while the document-frequency array stays 1 MiB.
TERM_BUCKETS = 1 << 18

# Terms kept per vector. The top 100 TF-IDF terms of a news article name its actors,
# places and event; the long tail adds cost, not discrimination.
TOP_TERMS = 100

_WORD = re.compile(r"[^\W\d_]{2,}(?:['’-][^\W\d_]+)*|\d{2,}", re.UNICODE)

# A compact English stop list: words that occur in nearly every article.
_STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "said",
        "same",
        "says",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "one",
        "two",
        "new",
        "would",
        "year",
        "years",
        "told",
        "like",
        "get",
        "got",
        "many",
        "much",
        "may",
        "might",
        "must",
        "us",
        "per",
        "via",
        "last",
        "first",
        "time",
        "people",
        "made",
        "make",
        "back",
        "still",
        "even",
        "well",
        "way",
        "since",
    ]
)

TermVector = dict[int, float]


@dataclass(slots=True)
class DocumentFrequencies:
    """Running document frequencies of hashed terms (mutable: it grows with the corpus)."""

    counts: npt.NDArray[np.int32]
    documents: int = 0

    @classmethod
    def empty(cls) -> DocumentFrequencies:
        """Frequencies of an empty corpus."""
        return cls(np.zeros(TERM_BUCKETS, dtype=np.int32), 0)

    def add(self, terms: Counter[int]) -> None:
        """Count one more document containing ``terms``."""
        if terms:
            keys = np.fromiter(terms.keys(), dtype=np.int64)
            self.counts[keys] += 1
        self.documents += 1

    def idf(self, term: int) -> float:
        """Smoothed inverse document frequency, as scikit-learn's ``smooth_idf``."""
        return self.idfs([term])[0]

    def idfs(self, terms: Collection[int]) -> list[float]:
        """:meth:`idf` of each of ``terms``, with one read of the counts for all of them."""
        found = self.counts[np.fromiter(terms, dtype=np.int64, count=len(terms))]
        documents = 1 + self.documents
        return [math.log(documents / (1 + df)) + 1.0 for df in found.tolist()]


def count_terms(text: str) -> Counter[int]:
    """Hashed term counts of ``text`` (lower-cased words and numbers, stop words dropped)."""
    # One generator fed to Counter counts in C; the keys come in first-seen order as before.
    return Counter(
        zlib.crc32(word.encode("utf-8")) % TERM_BUCKETS
        for word in _WORD.findall(text.lower())
        if word not in _STOP_WORDS
    )


def _heaviest(vector: TermVector, top: int) -> list[tuple[int, float]]:
    """The ``top`` heaviest items of ``vector``, heaviest first, ties by smaller term.

    Sorting by term and then, stably, by weight in reverse gives the order of the key
    ``(-weight, term)`` without building a tuple per item.
    """
    return sorted(sorted(vector.items()), key=itemgetter(1), reverse=True)[:top]


def weigh_terms(
    counts: Counter[int], frequencies: DocumentFrequencies, top: int = TOP_TERMS
) -> TermVector:
    """The L2-normalised sublinear TF-IDF vector of ``counts``, cut to its ``top`` terms."""
    if not counts:
        return {}
    idfs = frequencies.idfs(counts.keys())
    weights = {
        t: (1.0 + math.log(c)) * idf for (t, c), idf in zip(counts.items(), idfs, strict=True)
    }
    return normalise_vector(dict(_heaviest(weights, top)))


def normalise_vector(vector: TermVector) -> TermVector:
    """``vector`` scaled to unit length (unchanged when empty)."""
    norm = math.sqrt(sum(w * w for w in vector.values()))
    if norm == 0.0:
        return dict(vector)
    return {t: w / norm for t, w in vector.items()}


def add_vectors(total: TermVector, vector: TermVector, top: int = TOP_TERMS) -> TermVector:
    """The sum of two term vectors, cut to its ``top`` heaviest terms (a story centroid)."""
    merged = dict(total)
    for term, weight in vector.items():
        merged[term] = merged.get(term, 0.0) + weight
    return dict(_heaviest(merged, top))


def cosine(first: TermVector, second: TermVector) -> float:
    """Cosine similarity of two sparse vectors."""
    if len(first) > len(second):
        first, second = second, first
    dot = sum(w * second.get(t, 0.0) for t, w in first.items())
    if dot == 0.0:
        return 0.0
    norm = math.sqrt(sum(w * w for w in first.values())) * math.sqrt(
        sum(w * w for w in second.values())
    )
    return dot / norm if norm else 0.0
