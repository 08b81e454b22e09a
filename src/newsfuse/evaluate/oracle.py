"""The greedy extractive oracle: an upper bound, and the labels a sentence scorer learns from.

Greedy oracle (Nallapati, Zhai & Zhou 2017, SummaRuNNer; Kedzie et al. 2018):
repeatedly add the source sentence that most raises the mean of ROUGE-1 and
ROUGE-2 F1 against the reference, and stop when nothing raises it or the
budget is full. Tokens are rouge-score's (lower-cased, Porter-stemmed), so the
oracle optimises exactly what the harness measures.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Sequence
from typing import Any

Ngrams = Counter[tuple[str, ...]]


@functools.cache
def _tokenizer() -> Any:
    # Either ROUGE package may be installed (the 'eval' extra): the Rust one when present.
    try:
        from rouge_score_rs import tokenizers
    except ImportError:
        from rouge_score import tokenizers  # type: ignore[no-redef]
    return tokenizers.DefaultTokenizer(use_stemmer=True)


def tokenize_for_rouge(text: str) -> list[str]:
    """rouge-score's tokens of ``text``: lower-cased, alphanumeric, Porter-stemmed."""
    return list(_tokenizer().tokenize(text))


def count_ngrams(tokens: Sequence[str], n: int) -> Ngrams:
    """Multiset of the ``n``-grams of ``tokens``."""
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _f1(overlap: int, system_total: int, reference_total: int) -> float:
    if overlap == 0 or system_total == 0 or reference_total == 0:
        return 0.0
    precision = overlap / system_total
    recall = overlap / reference_total
    return 2 * precision * recall / (precision + recall)


def _gain(selected: Ngrams, candidate: Ngrams, reference: Ngrams) -> int:
    """How much adding ``candidate`` raises the clipped n-gram overlap with ``reference``."""
    gain = 0
    for gram, count in candidate.items():
        limit = reference.get(gram, 0)
        if limit:
            before = min(selected.get(gram, 0), limit)
            gain += min(selected.get(gram, 0) + count, limit) - before
    return gain


def select_oracle(sentences: Sequence[str], reference: str, budget: int) -> list[int]:
    """Indices of the greedy-oracle sentences, in the order they were chosen."""
    tokens = [tokenize_for_rouge(s) for s in sentences]
    reference_tokens = tokenize_for_rouge(reference)
    grams = [(count_ngrams(t, 1), count_ngrams(t, 2)) for t in tokens]
    reference_grams = (count_ngrams(reference_tokens, 1), count_ngrams(reference_tokens, 2))
    totals = (sum(reference_grams[0].values()), sum(reference_grams[1].values()))
    chosen: list[int] = []
    selected: tuple[Ngrams, Ngrams] = (Counter(), Counter())
    overlap = [0, 0]
    size = [0, 0]
    words = 0
    best_score = 0.0
    while words < budget:
        best: tuple[float, int, list[int]] | None = None
        for index, (unigrams, bigrams) in enumerate(grams):
            if index in chosen or not tokens[index]:
                continue
            gains = [
                _gain(selected[0], unigrams, reference_grams[0]),
                _gain(selected[1], bigrams, reference_grams[1]),
            ]
            lengths = [sum(unigrams.values()), sum(bigrams.values())]
            score = (
                _f1(overlap[0] + gains[0], size[0] + lengths[0], totals[0])
                + _f1(overlap[1] + gains[1], size[1] + lengths[1], totals[1])
            ) / 2
            if best is None or score > best[0]:
                best = (score, index, gains)
        if best is None or best[0] <= best_score:
            break
        best_score, index, gains = best
        chosen.append(index)
        selected[0].update(grams[index][0])
        selected[1].update(grams[index][1])
        for order in (0, 1):
            overlap[order] += gains[order]
            size[order] += sum(grams[index][order].values())
        words += len(sentences[index].split())
    return chosen
