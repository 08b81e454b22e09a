"""How summary-worthy each candidate sentence is: the ``scorer=`` hook.

By default :func:`newsfuse.summary.summarize` scores sentences with the learned
scorer (:mod:`newsfuse.summary.learned`), which needs no embeddings. A custom
scorer plugs in through :class:`SentenceScorer`: it gets an embedding of every
candidate, and its scores feed MMR selection
(:func:`newsfuse.summary.select.select_by_mmr`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np
import numpy.typing as npt

from newsfuse.embed import Vectors
from newsfuse.model import Article, Sentence

Scores = npt.NDArray[np.float64]


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
