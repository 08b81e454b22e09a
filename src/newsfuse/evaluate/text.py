"""Plain-text helpers shared by the evaluation harness: sentence splitting and budget cuts.

Reference summaries are split with syntok (NLTK's punkt data is not available
offline); system outputs are cut at a word budget exactly as the Multi-News
baselines were, so a longer summary never buys extra recall.
"""

from __future__ import annotations

from collections.abc import Sequence

from syntok import segmenter


def split_plain_sentences(text: str) -> list[str]:
    """Split ``text`` into sentences with syntok, keeping each sentence's original spelling."""
    sentences: list[str] = []
    for paragraph in segmenter.analyze(text):
        for sentence in paragraph:
            if not sentence:
                continue
            start = sentence[0].offset
            end = sentence[-1].offset + len(sentence[-1].value)
            piece = " ".join(text[start:end].split())
            if piece:
                sentences.append(piece)
    return sentences


def count_words(text: str) -> int:
    """Whitespace words, the unit of every budget in newsfuse."""
    return len(text.split())


def cut_to_budget(sentences: Sequence[str], budget: int) -> list[str]:
    """Keep sentences in order until ``budget`` words; the last one is cut mid-sentence.

    This is the "hard cut" of the Multi-News baselines: output past the budget
    is discarded, so systems are compared at equal length.
    """
    kept: list[str] = []
    left = budget
    for sentence in sentences:
        if left <= 0:
            break
        words = sentence.split()
        if not words:
            continue
        kept.append(" ".join(words[:left]))
        left -= min(len(words), left)
    return kept
