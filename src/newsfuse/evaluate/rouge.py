"""ROUGE F1 scores with Google's rouge-score algorithm (Lin 2004, ROUGE).

Scores are ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum F1 × 100 with the Porter
stemmer (``use_stemmer=True``); for ROUGE-Lsum the sentences are joined with
newlines, which is how rouge-score marks summary-level LCS units. The Rust
port ``rouge-score-rs`` is used when installed: it returns the same numbers
(checked in ``tests/test_evaluate.py``) many times faster. Otherwise the
reference Python ``rouge-score`` is used.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from newsfuse.errors import ConfigError

ROUGE_TYPES = ("rouge1", "rouge2", "rougeL", "rougeLsum")


@dataclass(frozen=True, slots=True)
class RougeScores:
    """ROUGE F1 × 100 of one system summary against one reference."""

    rouge1: float
    rouge2: float
    rougeL: float  # the metric's own name
    rougeLsum: float  # the metric's own name

    def as_dict(self) -> dict[str, float]:
        """The scores keyed by rouge-score's metric names."""
        return {name: getattr(self, name) for name in ROUGE_TYPES}


@functools.cache
def get_rouge_scorer(backend: str = "auto") -> Any:
    """Return a cached ``RougeScorer`` (``backend``: "auto", "rs" for Rust, "python")."""
    # The ROUGE packages are the optional 'eval' extra: imported when a scorer is asked for.
    if backend in ("auto", "rs"):
        try:
            from rouge_score_rs import rouge_scorer as rs_scorer

            return rs_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)
        except ImportError:
            if backend == "rs":
                raise ConfigError(
                    "rouge backend 'rs' needs the rouge-score-rs package; "
                    "install it or use backend 'python'"
                ) from None
    if backend not in ("auto", "python"):
        raise ConfigError(f"unknown rouge backend {backend!r}; choose auto, rs or python")
    try:
        from rouge_score import rouge_scorer as py_scorer
    except ImportError:
        raise ConfigError(
            "evaluation needs rouge-score; install newsfuse with the 'eval' extra"
        ) from None
    return py_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)


def score_summary(
    system: Sequence[str], reference: Sequence[str], *, backend: str = "auto"
) -> RougeScores:
    """Score a system summary against a reference, both given as lists of sentences."""
    scorer = get_rouge_scorer(backend)
    target = "\n".join(reference)
    prediction = "\n".join(system)
    # rouge1/2/L tokenize the text, so newlines only matter to rougeLsum.
    scores = scorer.score(target, prediction)
    return RougeScores(*(100.0 * scores[name].fmeasure for name in ROUGE_TYPES))
