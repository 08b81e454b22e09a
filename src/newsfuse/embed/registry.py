"""Embedders by name: the names ``--embedder`` and the store accept, and their backends.

* ``"minilm"`` (the default): int8 ONNX MiniLM (:mod:`~newsfuse.embed.onnx_backend`),
  or the torch reference with a warning when the ONNX model cannot be prepared;
* ``"minilm-torch"``: the torch reference (:mod:`~newsfuse.embed.torch_backend`);
* ``"minilm-static"``: the distilled word-piece table (:mod:`~newsfuse.embed.static`);
* ``"hashing"``: model-free feature hashing (:mod:`~newsfuse.embed.hashing`);
* ``"mpnet"``: all-mpnet-base-v2 (:mod:`~newsfuse.embed.mpnet`), the stronger and slower
  option, once ``newsfuse models install mpnet`` has put it in the cache.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable

from newsfuse.embed.base import Embedder
from newsfuse.embed.hashing import HashingEmbedder
from newsfuse.embed.mpnet import MpnetEmbedder
from newsfuse.embed.onnx_backend import OnnxMiniLMEmbedder
from newsfuse.embed.settings import EmbedSettings
from newsfuse.embed.static import StaticMiniLMEmbedder
from newsfuse.embed.torch_backend import TorchMiniLMEmbedder
from newsfuse.errors import ConfigError, ModelError
from newsfuse.once import load_once


def load_minilm(settings: EmbedSettings = EmbedSettings()) -> Embedder:
    """The ONNX backend, or the torch one with a warning saying why ONNX is not available."""
    try:
        return OnnxMiniLMEmbedder(settings)
    except ModelError as error:
        warnings.warn(
            f"newsfuse: using the slower torch embedding backend: {error}",
            RuntimeWarning,
            stacklevel=4,
        )
        return TorchMiniLMEmbedder(settings)


def _create_hashing(settings: EmbedSettings) -> Embedder:
    """The model-free backend, which has no tunables."""
    return HashingEmbedder()


BACKENDS: dict[str, Callable[[EmbedSettings], Embedder]] = {
    "minilm": load_minilm,
    "minilm-torch": TorchMiniLMEmbedder,
    "minilm-static": StaticMiniLMEmbedder,
    "hashing": _create_hashing,
    "mpnet": MpnetEmbedder,
}


def get_embedder(name: str = "minilm", settings: EmbedSettings = EmbedSettings()) -> Embedder:
    """Return the embedder registered under ``name``, made once per process and settings."""
    return _create_embedder(name, settings)


@load_once
def _create_embedder(name: str, settings: EmbedSettings) -> Embedder:
    try:
        backend = BACKENDS[name]
    except KeyError:
        raise ConfigError(
            f"unknown embedder {name!r}; choose one of: {', '.join(sorted(BACKENDS))}"
        ) from None
    return backend(settings)
