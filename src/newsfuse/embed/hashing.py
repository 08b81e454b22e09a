"""A model-free embedder: signed feature hashing of words and word pairs.

Feature hashing (Weinberger et al. 2009) maps each word and adjacent word pair
to a fixed dimension with a fixed sign, so a text becomes a sparse count vector
folded into MiniLM's 384 dimensions (one stored shape whichever backend is
used). It needs no model and no download and runs at tens of thousands of texts
per second; it sees only shared words, not paraphrases, so it is the fast option
(``--embedder hashing``) for very large imports and for tests, not the default.
"""

from __future__ import annotations

import itertools
import math
import re
import zlib
from collections.abc import Sequence

import numpy as np

from newsfuse.embed.base import DIMENSIONS, Vectors

_WORD = re.compile(r"\w{2,}", re.UNICODE)


class HashingEmbedder:
    """Signed feature hashing with sublinear term frequency, L2-normalised."""

    name = "hashing"

    def encode(self, texts: Sequence[str]) -> Vectors:
        """One unit-length row per text (a zero row for a text without words)."""
        vectors = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for row, text in enumerate(texts):
            words = _WORD.findall(text.lower())
            features = words + [f"{a} {b}" for a, b in itertools.pairwise(words)]
            counts: dict[int, int] = {}
            for feature in features:
                code = zlib.crc32(feature.encode("utf-8"))
                counts[code] = counts.get(code, 0) + 1
            for code, count in counts.items():
                sign = 1.0 if code & 1 else -1.0
                vectors[row, (code >> 1) % DIMENSIONS] += sign * (1.0 + math.log(count))
            norm = float(np.linalg.norm(vectors[row]))
            if norm:
                vectors[row] /= norm
        return vectors
