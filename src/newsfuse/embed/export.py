"""One-time preparation of the default model: ONNX export and int8 quantisation.

The weights are traced to ONNX with sentence-transformers' mean pooling inside
the graph (``torch.onnx.export``), their matrix products quantised to int8 per
output channel (``onnxruntime.quantization.quantize_dynamic``; Jacob et al.
2018), and the file cached per user, keyed by the weights' hash, the exporters'
versions and :data:`EXPORT_RECIPE`.
"""

from __future__ import annotations

import hashlib
import logging
import sys
import tempfile
import warnings
from pathlib import Path
from typing import Any

from newsfuse.embed.cache import CACHE_ENV, exclusive_lock, hash_weights, is_intact, store_with_hash
from newsfuse.embed.model_files import silence_transformers
from newsfuse.errors import ModelError

# ONNX opset of the export: 17 has LayerNormalization as one operator, and every
# onnxruntime since 1.14 runs it.
ONNX_OPSET = 17

# Recipe version of the cached file: bump when the export or quantisation changes, so
# that caches built by an older newsfuse are not used.
EXPORT_RECIPE = "minilm-int8-v2"

# Export time on the 2-core development machine (shared with other jobs), rounded up:
# what the one stderr line promises while the model is prepared.
EXPORT_SECONDS_ESTIMATE = 30

# Inputs of the exported graph, in the order the transformer takes them.
INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")


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
        "\n".join([hash_weights(weights, cache), EXPORT_RECIPE, *_exporter_versions()]).encode()
    ).hexdigest()[:20]
    target = cache / f"minilm-int8-{key}.onnx"
    if is_intact(target):
        return target
    try:
        cache.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ModelError(
            f"cannot create the cache directory {cache} ({error}); "
            f"set {CACHE_ENV} to a writable directory"
        ) from error
    with exclusive_lock(cache / f"{target.name}.lock"):
        if is_intact(target):  # another process built it while we waited
            return target
        print(
            f"newsfuse: preparing the embedding model once (about {EXPORT_SECONDS_ESTIMATE} s)",
            file=sys.stderr,
            flush=True,
        )
        _build_onnx_model(model_directory, target)
    return target


def _exporter_versions() -> list[str]:
    """Versions of everything that shapes the exported file (read from metadata, no imports)."""
    # Lazy: importlib.metadata takes tens of milliseconds to import; only model loading needs it.
    from importlib import metadata

    versions = []
    for package in ("torch", "transformers", "onnx", "onnxruntime"):
        try:
            versions.append(f"{package}=={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package} missing")
    return versions


def _build_onnx_model(model_directory: Path, target: Path) -> None:
    """Export the weights to ONNX (with mean pooling), quantise to int8, store at ``target``."""
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".export-") as scratch:
        exported = Path(scratch) / "model.onnx"
        quantized = Path(scratch) / "model-int8.onnx"
        try:
            _export_onnx(model_directory, exported)
            # Lazy: onnxruntime's quantiser imports onnx, needed once per machine.
            from onnxruntime.quantization import QuantType, quantize_dynamic

            # One scale per output channel keeps the vectors much closer to fp32 than one
            # per tensor; the token-embedding table (Gather) is quantised too, for a file
            # less than half the size at no measurable loss (docs/benchmarks-speed.md).
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
    store_with_hash(target, data)


def _export_onnx(model_directory: Path, path: Path) -> None:
    """Trace the transformer plus mean pooling into an ONNX graph with dynamic batch and length."""
    # Lazy: torch and transformers take seconds to import, and the export runs once.
    import torch
    from transformers import AutoModel

    silence_transformers()
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
    dynamic = {name: {0: "batch", 1: "tokens"} for name in INPUT_NAMES}
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            MeanPooled(model),
            (example, example, torch.zeros_like(example)),
            str(path),
            input_names=list(INPUT_NAMES),
            output_names=["embedding"],
            dynamic_axes={**dynamic, "embedding": {0: "batch"}},
            opset_version=ONNX_OPSET,
            dynamo=False,
        )
