"""The encoder's tunables, as one frozen value passed to :func:`get_embedder`.

Only what may change without rebuilding a cached model lives here. The export
and distillation recipes (opset, quantisation, table width, SIF coefficient)
are constants of :mod:`newsfuse.embed.export` and :mod:`newsfuse.embed.static`,
because the cached files are keyed by recipe names, not by those values.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

from newsfuse.errors import ConfigError


@dataclass(frozen=True, slots=True)
class EmbedSettings:
    """How an embedder runs: threads, batching, truncation, reuse and cache location."""

    # Sentences the ONNX backend embeds side by side, one core each with one intra-op
    # thread per run: the 2-core machine's best (docs/benchmarks-speed.md).
    threads: int = 2

    # Sentences per forward pass of the torch backend: large enough to amortise overhead
    # on 2 cores, small enough that padding to the longest sentence in a batch stays cheap.
    batch_size: int = 64

    # Word pieces per sentence: all-MiniLM-L6-v2 was trained on at most 128, and a longer
    # cut only makes rare run-on "sentences" (lists, tables) cost more.
    max_tokens: int = 128

    # Vectors the ONNX backend keeps for reuse (0: none): a brief embeds its chosen sentences
    # twice (repeat check, citations); 4,096 rows of 384 float32 are 6 MB.
    memo_size: int = 4096

    # Where built models are cached; None means :func:`~newsfuse.embed.cache_directory`
    # ($NEWSFUSE_CACHE_DIR, else the XDG cache), so one build serves every process.
    cache: Path | None = None

    def __post_init__(self) -> None:
        # A count below its floor would fail later, far from the setting that caused it.
        for field in fields(self):
            value = getattr(self, field.name)
            floor = _FLOORS.get(field.name, 1)
            if isinstance(value, int) and value < floor:
                raise ConfigError(
                    f"EmbedSettings.{field.name} must be at least {floor}, not {value}"
                )


# The smallest accepted value of a count; memo_size 0 turns reuse off.
_FLOORS = {"memo_size": 0}
