"""A static word-piece table distilled from MiniLM, and the cheap backend that reads it.

``"minilm-static"`` keeps one vector per word piece, distilled from MiniLM the
way Model2Vec does it (Tulkens & van Dongen 2024): each vocabulary entry is
embedded alone, the table is reduced by PCA and weighted by SIF (Arora et al.
2017) with Zipf-estimated frequencies, and a sentence is the mean of its word
pieces' rows. No transformer runs per sentence, so it embeds tens of thousands
of sentences a second; it ranks sentence pairs less well than MiniLM, and is
meant for cheap evidence (citations, repeat checks, blocking). The table is
built once per machine from the int8 ONNX model and cached beside it.
"""

from __future__ import annotations

import hashlib
import io
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from newsfuse.embed.base import DIMENSIONS, Vectors, normalise_rows
from newsfuse.embed.cache import cache_directory, exclusive_lock, is_intact, store_with_hash
from newsfuse.embed.export import INPUT_NAMES, prepare_onnx_model
from newsfuse.embed.model_files import find_model_directory, load_tokenizer, set_offline_environment
from newsfuse.embed.onnx_backend import open_onnx_session
from newsfuse.embed.settings import EmbedSettings

# Build time of the static table (30,522 one-piece sequences through the int8 model)
# on the 2-core development machine, rounded up: what the one stderr line promises.
STATIC_SECONDS_ESTIMATE = 20

# Width of the static table: Model2Vec's default PCA size. 256 components keep the
# directions that carry most of the variance of the 384-wide token vectors.
STATIC_DIMENSIONS = 256

# SIF coefficient (Arora et al. 2017) of the static table, Model2Vec's default: a word
# piece of estimated probability p is weighted a / (a + p), so "the" and "of" count
# for little and rare names for nearly 1.
SIF_COEFFICIENT = 1e-4

# Word pieces per forward pass while distilling the static table. Every input is
# [CLS] piece [SEP], three tokens, so a batch is cheap; a fixed batching keeps the
# int8 activations' scales, and so the table, the same on every build.
DISTILL_BATCH = 512

# Recipe version of the cached static table: bump when the distillation changes.
STATIC_RECIPE = "minilm-static-v1"


class StaticMiniLMEmbedder:
    """Sentence vectors as the mean of distilled MiniLM word-piece vectors (Model2Vec).

    Tokenises with MiniLM's own tokenizer (no [CLS]/[SEP], at most
    ``EmbedSettings.max_tokens`` pieces) and averages the pieces' rows of the
    static table (:func:`prepare_static_table`), then L2-normalises. A text
    without any known piece gets the zero vector. Deterministic and independent
    of batch-mates.
    """

    name = "minilm-static"

    def __init__(self, settings: EmbedSettings = EmbedSettings()) -> None:
        set_offline_environment()
        model_directory = find_model_directory()
        self.path = prepare_static_table(model_directory, settings.cache or cache_directory())
        # Memory-mapped: a brief touches the rows of its own word pieces, not all 31 MB.
        self._table: Vectors = np.load(self.path, mmap_mode="r", allow_pickle=False)
        self._tokenizer = load_tokenizer(model_directory, settings.max_tokens)

    def encode(self, texts: Sequence[str]) -> Vectors:
        """One unit-length row per text (a zero row for a text without word pieces)."""
        dimensions = self._table.shape[1]
        if not texts:
            return np.zeros((0, dimensions), dtype=np.float32)
        encodings = self._tokenizer.encode_batch(
            [text.strip() for text in texts], add_special_tokens=False
        )
        lengths = np.fromiter((len(e.ids) for e in encodings), dtype=np.int64, count=len(texts))
        ids = np.fromiter(
            (i for e in encodings for i in e.ids), dtype=np.int64, count=int(lengths.sum())
        )
        sums = np.zeros((len(texts), dimensions), dtype=np.float32)
        nonempty = lengths > 0
        if ids.size:
            # Row sums of the looked-up pieces, one segment per non-empty text: reduceat is
            # much faster than np.add.at here, but cannot express an empty segment.
            starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))[nonempty]
            sums[nonempty] = np.add.reduceat(self._table[ids], starts, axis=0)
        means = sums / np.maximum(lengths, 1).astype(np.float32)[:, None]
        return normalise_rows(np.asarray(means, dtype=np.float32))


def prepare_static_table(model_directory: Path, cache: Path) -> Path:
    """Return the cached static word-piece table distilled from MiniLM, building it if needed.

    Keyed by the int8 ONNX model it is distilled from and STATIC_RECIPE; written
    atomically under a lock with a hash sidecar, like the ONNX model.
    """
    onnx_model = prepare_onnx_model(model_directory, cache)
    key = hashlib.sha256(f"{onnx_model.name}\n{STATIC_RECIPE}".encode()).hexdigest()[:20]
    target = cache / f"minilm-static-{key}.npy"
    if is_intact(target):
        return target
    with exclusive_lock(cache / f"{target.name}.lock"):
        if is_intact(target):
            return target
        print(
            "newsfuse: preparing the fast static embedding once "
            f"(about {STATIC_SECONDS_ESTIMATE} s)",
            file=sys.stderr,
            flush=True,
        )
        table = distill_static_table(open_onnx_session(onnx_model), model_directory)
        buffer = io.BytesIO()
        np.save(buffer, table, allow_pickle=False)
        store_with_hash(target, buffer.getvalue())
    return target


def distill_static_table(session: Any, model_directory: Path) -> Vectors:
    """Distil one vector per word piece from MiniLM (Model2Vec's recipe, Tulkens & van Dongen 2024).

    ``session`` runs the int8 ONNX model (mean pooling inside the graph). Each
    vocabulary id is embedded as the sequence [CLS] id [SEP]; the table is
    centred and projected on its STATIC_DIMENSIONS principal components; each
    row is weighted by SIF (Arora et al. 2017) with a probability estimated from
    its rank by Zipf's law (BERT's vocabulary is roughly in frequency order).
    Special and "[unused]" entries get zero rows.
    """
    vocabulary: dict[str, int] = json.loads(
        (model_directory / "tokenizer.json").read_text(encoding="utf-8")
    )["model"]["vocab"]
    size = max(vocabulary.values()) + 1
    ignored = {
        i for piece, i in vocabulary.items() if piece.startswith("[") and piece.endswith("]")
    }
    cls, sep = vocabulary["[CLS]"], vocabulary["[SEP]"]
    states = np.zeros((size, DIMENSIONS), dtype=np.float32)
    for start in range(0, size, DISTILL_BATCH):
        ids = np.arange(start, min(start + DISTILL_BATCH, size), dtype=np.int64)
        batch = np.stack([np.full_like(ids, cls), ids, np.full_like(ids, sep)], axis=1)
        feeds = dict(
            zip(INPUT_NAMES, (batch, np.ones_like(batch), np.zeros_like(batch)), strict=True)
        )
        (pooled,) = session.run(None, feeds)
        states[ids] = pooled
    kept = np.array([i not in ignored for i in range(size)])
    centred = states[kept] - states[kept].mean(axis=0)
    covariance = centred.T @ centred / max(1, len(centred) - 1)
    _, eigenvectors = np.linalg.eigh(covariance)
    components = eigenvectors[:, ::-1][:, :STATIC_DIMENSIONS]
    # A fixed sign per component, so that rebuilding never flips a direction.
    components = components * np.sign(
        components[np.abs(components).argmax(axis=0), range(STATIC_DIMENSIONS)]
    )
    table = np.zeros((size, STATIC_DIMENSIONS), dtype=np.float32)
    table[kept] = centred @ components
    rank = np.arange(size, dtype=np.float64) + 2
    probability = (1 / rank) / np.sum(1 / rank)
    table *= (SIF_COEFFICIENT / (SIF_COEFFICIENT + probability))[:, None].astype(np.float32)
    return table
