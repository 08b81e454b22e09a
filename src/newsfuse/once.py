"""Loading a model once per process, safely when several threads ask at the same time.

``functools.cache`` lets two threads that miss together both run the loader: the
server's brief threads would then load spaCy twice (twice the memory), and spaCy's
loader switches thinc's process-wide ops while it runs. :func:`load_once` runs the
loader under a lock, so the second caller waits for the first one's result.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import ParamSpec, TypeVar

__all__ = ["load_once"]

P = ParamSpec("P")
R = TypeVar("R")


def load_once(loader: Callable[P, R]) -> Callable[P, R]:
    """``loader`` cached per arguments, run at most once for each even across threads."""
    cached = functools.cache(loader)
    lock = threading.RLock()  # re-entrant: a loader may call another cached loader

    @functools.wraps(loader)
    def load(*args: P.args, **kwargs: P.kwargs) -> R:
        with lock:
            return cached(*args, **kwargs)  # type: ignore[arg-type]

    load.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    return load
