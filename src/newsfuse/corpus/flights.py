"""Briefs made once per story version, a few at a time, however many readers ask.

Twenty readers opening a story whose brief is not cached would otherwise make it
twenty times at once: each copy holds the models' working memory (spaCy, the
sentence encoder) in its own thread, which both stalls the cores and raises the
process's memory in steps it does not give back. So the first request for a key
makes the brief and the others wait for its result, and at most
:data:`PARALLEL_BRIEFS` are made at once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from typing import Generic, TypeVar

# Briefs made at once per process: the encoder and spaCy already use more than one
# core each, so more at once on the 2-core machine only adds memory, not speed.
PARALLEL_BRIEFS = 2

T = TypeVar("T")


class SingleFlight(Generic[T]):
    """Runs ``make`` once per key at a time, at most ``parallel`` keys at once."""

    def __init__(self, parallel: int = PARALLEL_BRIEFS) -> None:
        self._slots = threading.BoundedSemaphore(parallel)
        self._guard = threading.Lock()
        self._running: dict[Hashable, Future[T]] = {}

    def run(self, key: Hashable, make: Callable[[], T]) -> T:
        """``make()``'s result, or that of the call already running for ``key``."""
        with self._guard:
            running = self._running.get(key)
            if running is None:
                mine: Future[T] = Future()
                self._running[key] = mine
        if running is not None:
            return running.result()
        try:
            with self._slots:
                value = make()
        except BaseException as error:
            mine.set_exception(error)
            raise
        finally:
            with self._guard:
                del self._running[key]
        mine.set_result(value)
        return value
