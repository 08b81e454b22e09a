"""all-MiniLM-L6-v2 quantised to int8 and run by onnxruntime: the default backend.

Several times faster than torch on a CPU, cosine about 0.99 to it. The model
file is prepared once per machine by :mod:`newsfuse.embed.export`.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from newsfuse.embed.base import DIMENSIONS, Vectors, normalise_rows
from newsfuse.embed.cache import cache_directory
from newsfuse.embed.export import INPUT_NAMES, prepare_onnx_model
from newsfuse.embed.model_files import find_model_directory, load_tokenizer, set_offline_environment
from newsfuse.embed.settings import EmbedSettings
from newsfuse.errors import ModelError


class OnnxMiniLMEmbedder:
    """all-MiniLM-L6-v2 quantised to int8, run by onnxruntime (the default backend).

    Tokenises like sentence-transformers (texts stripped, at most
    ``EmbedSettings.max_tokens`` word pieces, the model's own ``tokenizer.json``)
    and pools like it: the mean of the token states (computed inside the exported
    graph), then L2 normalisation.

    Each sentence runs alone: dynamic int8 quantisation scales activations per
    input tensor, so in a batch a sentence's vector would depend on its
    batch-mates. Alone, a vector is a function of its text only, which also lets
    recent vectors be reused (``EmbedSettings.memo_size``): a brief embeds its
    chosen sentences for the repeat check and again for the citations. Without
    padding, one at a time is as fast as batching (docs/benchmarks-speed.md).
    Sentences run side by side on ``EmbedSettings.threads`` threads, one core each.
    """

    name = "minilm"

    def __init__(self, settings: EmbedSettings = EmbedSettings()) -> None:
        set_offline_environment()
        model_directory = find_model_directory()
        import_onnxruntime()  # fail before an export whose result could not be run
        self.path = prepare_onnx_model(model_directory, settings.cache or cache_directory())
        self._tokenizer = load_tokenizer(model_directory, settings.max_tokens)
        self._memo: OrderedDict[str, Vectors] = OrderedDict()
        self._memo_size = settings.memo_size
        self._memo_lock = threading.Lock()
        self._workers = max(1, min(settings.threads, os.cpu_count() or 1))
        self._pool: ThreadPoolExecutor | None = None
        self._pool_pid = 0
        self._session = open_onnx_session(self.path)

    def encode(self, texts: Sequence[str]) -> Vectors:
        """One unit-length row per text; repeated and recently seen texts are not re-run."""
        # The vectors of this call are kept here, not looked up in the memo afterwards:
        # another thread (the ingest's embed-ahead worker) may evict them meanwhile, and
        # one call may hold more texts than the memo does.
        found: dict[str, Vectors] = {}
        with self._memo_lock:
            for text in dict.fromkeys(texts):
                remembered = self._memo.get(text)
                if remembered is not None:
                    self._memo.move_to_end(text)
                    found[text] = remembered
        missing = [text for text in dict.fromkeys(texts) if text not in found]
        if missing:
            encodings = self._tokenizer.encode_batch([text.strip() for text in missing])
            ids = [np.asarray([encoding.ids], dtype=np.int64) for encoding in encodings]
            if len(ids) > 1 and self._workers > 1:
                pooled = list(self._thread_pool().map(self._run_one, ids))
            else:
                pooled = [self._run_one(row) for row in ids]
            with self._memo_lock:
                for text, vector in zip(missing, pooled, strict=True):
                    found[text] = vector
                    self._remember(text, vector)
        vectors = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for row, text in enumerate(texts):
            vectors[row] = found[text]
        return vectors

    def clear_memo(self) -> None:
        """Forget the remembered vectors (for timing passes that must all compute)."""
        with self._memo_lock:
            self._memo.clear()

    def _thread_pool(self) -> ThreadPoolExecutor:
        """The encoder threads of this process.

        A forked child (``ProcessPoolExecutor`` workers, Dask's nanny) inherits the
        pool object but not its threads, and work sent to it would wait forever; so
        the pool is remembered with the process id that made it and made again after
        a fork.
        """
        if self._pool is None or self._pool_pid != os.getpid():
            self._pool = ThreadPoolExecutor(self._workers, thread_name_prefix="minilm")
            self._pool_pid = os.getpid()
        return self._pool

    def _run_one(self, ids: npt.NDArray[np.int64]) -> Vectors:
        """One sentence through the model (thread-safe: onnxruntime sessions are)."""
        feeds = dict(zip(INPUT_NAMES, (ids, np.ones_like(ids), np.zeros_like(ids)), strict=True))
        (pooled,) = self._session.run(None, feeds)
        return normalise_rows(pooled)[0]

    def _remember(self, text: str, vector: Vectors) -> None:
        self._memo[text] = vector
        if len(self._memo) > self._memo_size:
            self._memo.popitem(last=False)


def import_onnxruntime() -> Any:
    """The onnxruntime module, or a ModelError saying it is missing."""
    try:
        # Lazy: onnxruntime is a large native library needed only once an encoder is created.
        import onnxruntime
    except ImportError as error:
        raise ModelError(f"onnxruntime is not installed ({error})") from error
    return onnxruntime


def open_onnx_session(path: Path) -> Any:
    """An onnxruntime session on ``path``: CPU, one thread per run, no spinning.

    Parallelism comes from running sentences side by side instead; spinning
    threads would steal time from other jobs on the same cores.
    """
    onnxruntime = import_onnxruntime()
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1  # parallel across sentences instead (EmbedSettings.threads)
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.log_severity_level = 3
    try:
        return onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    except Exception as error:  # onnxruntime raises its own, unexported classes
        raise ModelError(f"onnxruntime cannot load {path}: {error}") from error
