"""What every embedder is: texts in, L2-normalised float32 rows out.

Vectors are unit length, so a dot product is a cosine; the rest of newsfuse
relies on that and on nothing else about the backend.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]

# Embedding width of all-MiniLM-L6-v2; the model-free backend uses it too, so stored
# vectors have one shape whichever backend made them.
DIMENSIONS = 384


class Embedder(Protocol):
    """Turns texts into L2-normalised vectors (one row per text)."""

    name: str

    def encode(self, texts: Sequence[str]) -> Vectors: ...


def normalise_rows(vectors: Vectors) -> Vectors:
    """L2-normalise rows as torch's ``F.normalize`` does (norms floored at 1e-12).

    The floor matches the torch reference, so an all-zero row stays zero.
    """
    norms = np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    return np.asarray(vectors / norms, dtype=np.float32)
