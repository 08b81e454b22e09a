"""Greedy budgeted sentence selection with redundancy control.

Maximal Marginal Relevance (MMR, Carbonell & Goldstein 1998): repeatedly take
the candidate that maximises ``λ·relevance − (1 − λ)·max cosine to the chosen``,
among those that still fit the word budget. A candidate that does not fit is
skipped, not a stop, so shorter good sentences fill what is left (the budgeted
greedy of Lin & Bilmes 2010). On top of the soft MMR penalty a hard guard drops
candidates that repeat a chosen sentence: near-identical embeddings, or content
words mostly contained in a chosen sentence without adding a new number.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

from newsfuse.embed import Vectors
from newsfuse.model import Sentence
from newsfuse.summary.lexical import containment, content_words, numbers
from newsfuse.summary.score import Scores

# MMR trade-off: 0.7 weighs relevance over novelty, the usual setting for
# multi-document news (and the TF-IDF MMR baseline on our dev data).
MMR_LAMBDA = 0.7

# Cosine at or above which a candidate restates a chosen sentence: the same fact, even
# with a different number (the fact table reports conflicts; the brief states a fact
# once). On tests/fixtures/brief/support_pairs.jsonl MiniLM gives paraphrases and
# number variants of one sentence 0.61-0.96 (median 0.8) and same-topic sentences
# stating different facts 0.06-0.71 (median 0.42).
REDUNDANT_COSINE = 0.7

# A candidate whose content words are at least this much contained in one chosen
# sentence adds little: it is the same sentence cut down or lightly reworded.
REDUNDANT_CONTAINMENT = 0.7


def count_words(text: str) -> int:
    """Words as the budget counts them: whitespace-separated tokens."""
    return len(text.split())


def select_sentences(
    sentences: Sequence[Sentence],
    vectors: Vectors,
    scores: Scores,
    budget: int,
    *,
    mmr_lambda: float = MMR_LAMBDA,
) -> list[int]:
    """Return the indices of the chosen sentences, in the order they were chosen.

    The chosen sentences together have at most ``budget`` words. Ties are
    broken by candidate order, so the result is deterministic.
    """
    if not sentences or budget < 1:
        return []
    relevance = _rescale(np.asarray(scores, dtype=np.float64))
    similarity = np.asarray(vectors, dtype=np.float64) @ np.asarray(vectors, dtype=np.float64).T
    lengths = [count_words(sentence.text) for sentence in sentences]
    open_rows = set(range(len(sentences)))
    closest = np.zeros(len(sentences), dtype=np.float64)
    chosen: list[int] = []
    remaining = budget
    while True:
        fitting = [row for row in sorted(open_rows) if lengths[row] <= remaining]
        if not fitting:
            return chosen
        gains = mmr_lambda * relevance[fitting] - (1.0 - mmr_lambda) * closest[fitting]
        best = fitting[int(np.argmax(gains))]
        chosen.append(best)
        remaining -= lengths[best]
        open_rows.discard(best)
        closest = np.maximum(closest, similarity[:, best])
        open_rows -= {
            row
            for row in open_rows
            if similarity[row, best] >= REDUNDANT_COSINE
            or _restates(sentences[row].text, sentences[best].text)
        }


def _restates(candidate: str, chosen: str) -> bool:
    """True if ``candidate`` says nothing new over ``chosen`` by its words and numbers."""
    if not numbers(candidate) <= numbers(chosen):
        return False
    return containment(content_words(candidate), content_words(chosen)) >= REDUNDANT_CONTAINMENT


def _rescale(scores: Scores) -> Scores:
    """Min-max scale to [0, 1] so MMR's λ means the same for any scorer; NaN counts as lowest."""
    scores = np.nan_to_num(scores, nan=-np.inf)
    finite = scores[np.isfinite(scores)]
    if finite.size == 0:
        return np.ones_like(scores)
    low, high = float(finite.min()), float(finite.max())
    scores = np.clip(scores, low, high)
    if high - low < 1e-12:
        return np.ones_like(scores)
    return (scores - low) / (high - low)


# Rounds of "choose cheaply, then check the choice with embeddings": each round embeds
# only the sentences it newly chose; one or two rounds settle almost every brief.
MAX_EMBEDDING_ROUNDS = 5

# Screen for the embedding repeat check (retrieve, then verify): a pair of chosen
# sentences is compared with the full embedder only when their cheap screen vectors
# (the static MiniLM word-piece vectors, ``minilm-static``) reach REPEAT_SCREEN_COSINE
# and their TF-IDF cosine reaches REPEAT_SCREEN_TFIDF. Measured on the first greedy
# pass of the 122 Multi-News dev briefs (11,132 chosen pairs, 77 that MiniLM calls
# repeats): static >= 0.7 alone passed 1,694 pairs and kept 54 repeats; static >= 0.6
# with TF-IDF >= 0.1 passes 1,032 and keeps 60, and embeds 15.5 instead of 15.9
# sentences a brief, for the same ROUGE (46.35 / 17.49 / 21.66 vs 46.30 / 17.48 /
# 21.70). Pairs with almost no shared weighted words are rarely restatements; a
# screen that keeps every repeat (static 0.55 alone) embeds nearly every chosen
# sentence, which is the cost the screen exists to avoid (docs/benchmarks-speed.md).
REPEAT_SCREEN_COSINE = 0.6
REPEAT_SCREEN_TFIDF = 0.1


def select_best_first(
    sentences: Sequence[Sentence],
    scores: Scores,
    budget: int,
    *,
    encode: Callable[[Sequence[str]], Vectors],
    tfidf: npt.NDArray[np.float64],
    redundancy_tfidf: float,
    eligible: Sequence[bool],
    screen: Callable[[Sequence[str]], Vectors] | None = None,
) -> list[int]:
    """Take eligible sentences best score first while they fit ``budget``, skipping repeats.

    A sentence repeats a chosen one when their TF-IDF cosine exceeds
    ``redundancy_tfidf`` or its words and numbers are contained in it (cheap,
    checked during the greedy pass), or when their embeddings reach
    REDUNDANT_COSINE (checked on the result: the lower-scored sentence of such a
    pair is excluded and the pass repeated). With a ``screen`` encoder (cheap
    vectors), only pairs whose screen cosine reaches REPEAT_SCREEN_COSINE are
    compared with ``encode``, and only their sentences are embedded; without one,
    every chosen sentence is. Ties are broken by input order.
    """
    ranked = [
        row
        for row in sorted(range(len(sentences)), key=lambda r: (-float(scores[r]), r))
        if eligible[row]
    ]
    vectors: dict[int, Vectors] = {}
    screened: dict[int, Vectors] = {}
    excluded: set[int] = set()
    chosen: list[int] = []
    for _ in range(MAX_EMBEDDING_ROUNDS):
        chosen = _choose_greedily(sentences, ranked, excluded, budget, tfidf, redundancy_tfidf)
        pairs = [
            (later, earlier)
            for position, later in enumerate(chosen)
            for earlier in chosen[:position]
        ]
        if screen is not None:
            _embed_missing(sentences, chosen, screened, screen)
            pairs = [
                (later, earlier)
                for later, earlier in pairs
                if float(screened[later] @ screened[earlier]) >= REPEAT_SCREEN_COSINE
                and float(tfidf[later] @ tfidf[earlier]) >= REPEAT_SCREEN_TFIDF
            ]
        _embed_missing(sentences, [row for pair in pairs for row in pair], vectors, encode)
        repeats = {
            later
            for later, earlier in pairs
            if float(vectors[later] @ vectors[earlier]) >= REDUNDANT_COSINE
        }
        if not repeats:
            break
        excluded |= repeats
    return [row for row in chosen if row not in excluded]


def _embed_missing(
    sentences: Sequence[Sentence],
    rows: Sequence[int],
    vectors: dict[int, Vectors],
    encode: Callable[[Sequence[str]], Vectors],
) -> None:
    """Add to ``vectors`` the vectors of the ``rows`` it lacks, in one ``encode`` call."""
    new = [row for row in dict.fromkeys(rows) if row not in vectors]
    if new:
        for row, vector in zip(new, encode([sentences[row].text for row in new]), strict=True):
            vectors[row] = vector


def _choose_greedily(
    sentences: Sequence[Sentence],
    ranked: Sequence[int],
    excluded: set[int],
    budget: int,
    tfidf: npt.NDArray[np.float64],
    redundancy_tfidf: float,
) -> list[int]:
    """The budgeted greedy pass with the cheap (lexical) repeat checks."""
    chosen: list[int] = []
    words = 0
    for row in ranked:
        size = count_words(sentences[row].text)
        if row in excluded or words + size > budget:
            continue
        if chosen and float((tfidf[chosen] @ tfidf[row]).max()) > redundancy_tfidf:
            continue
        if any(_restates(sentences[row].text, sentences[other].text) for other in chosen):
            continue
        chosen.append(row)
        words += size
        if words >= budget:
            break
    return chosen
