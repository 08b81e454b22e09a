"""all-MiniLM-L6-v2 through sentence-transformers on torch: the reference backend.

Slower than the int8 ONNX default; used to check it, and in its place (with a
warning) when the ONNX model cannot be prepared.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from newsfuse.embed.base import DIMENSIONS, Vectors
from newsfuse.embed.model_files import (
    find_model_directory,
    set_offline_environment,
    silence_transformers,
)
from newsfuse.embed.settings import EmbedSettings
from newsfuse.errors import ModelError


class SentenceTransformerEmbedder:
    """A sentence-transformers model from a local folder, on the CPU, offline.

    The torch-backed encoders (the MiniLM reference, mpnet) differ only in their
    folder, name and width.
    """

    name = "sentence-transformers"

    def __init__(self, directory: Path, dimensions: int, settings: EmbedSettings) -> None:
        set_offline_environment()
        try:
            # Lazy: torch and sentence-transformers take seconds to import, and only
            # the torch-backed encoders use them.
            from sentence_transformers import SentenceTransformer
        except ImportError as error:  # pragma: no cover - a broken install
            raise ModelError(
                f"sentence-transformers is not installed ({error}); reinstall newsfuse"
            ) from error
        silence_transformers()
        self._dimensions = dimensions
        self._batch_size = settings.batch_size
        self._model = SentenceTransformer(str(directory), device="cpu")
        self._model.max_seq_length = settings.max_tokens

    def encode(self, texts: Sequence[str]) -> Vectors:
        """One unit-length row per text, in batches of ``EmbedSettings.batch_size``."""
        if not texts:
            return np.zeros((0, self._dimensions), dtype=np.float32)
        vectors = self._model.encode(
            list(texts),
            batch_size=self._batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


class TorchMiniLMEmbedder(SentenceTransformerEmbedder):
    """all-MiniLM-L6-v2 through sentence-transformers, on the CPU, offline (the reference)."""

    name = "minilm-torch"

    def __init__(self, settings: EmbedSettings = EmbedSettings()) -> None:
        super().__init__(find_model_directory(), DIMENSIONS, settings)
