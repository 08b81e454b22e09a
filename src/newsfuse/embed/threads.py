"""Thread control: keep numpy's BLAS from competing with the encoder's own threads."""

from __future__ import annotations

import contextlib
import functools
import sys
from collections.abc import Iterator
from typing import Any


@contextlib.contextmanager
def single_threaded_blas() -> Iterator[None]:
    """Run the block with numpy's BLAS (OpenBLAS, MKL) on one thread.

    newsfuse's parallelism is the encoder's own threads (``EmbedSettings.threads``,
    one core each). A multi-threaded BLAS call in between (a TF-IDF similarity
    matrix) wakes a second pool whose threads spin on the same cores and slow
    summarising down (docs/benchmarks-speed.md). Only BLAS is limited, only
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
    # Lazy: threadpoolctl takes about 30 ms to import and only briefing needs it.
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()
