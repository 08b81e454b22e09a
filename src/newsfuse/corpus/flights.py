"""Briefs made once per story version, on two threads of their own, however many ask.

Twenty readers opening a story whose brief is not cached would otherwise make it
twenty times at once, each in its request thread with the models' working memory
(spaCy, the sentence encoder). Memory that a thread's allocator arena has held is
kept by the process, so the process grew by steps as more of the server's forty
request threads took their turn at making a brief. So the first request for a key
hands the work to a pool of :data:`PARALLEL_BRIEFS` threads, and every request for
that key, the first included, waits for its result.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Generic, TypeVar

# Briefs made at once per process: the encoder and spaCy already use more than one
# core each, so more at once on the 2-core machine only adds memory, not speed.
PARALLEL_BRIEFS = 2

T = TypeVar("T")


class SingleFlight(Generic[T]):
    """Runs ``make`` once per key at a time, on at most ``parallel`` threads of its own."""

    def __init__(self, parallel: int = PARALLEL_BRIEFS) -> None:
        self._pool = ThreadPoolExecutor(max_workers=parallel, thread_name_prefix="newsfuse-brief")
        # Reentrant: a future already done runs its callback (_forget) at once, inside run.
        self._guard = threading.RLock()
        self._running: dict[Hashable, Future[T]] = {}

    def run(self, key: Hashable, make: Callable[[], T]) -> T:
        """``make()``'s result, or that of the call already running for ``key``."""
        with self._guard:
            running = self._running.get(key)
            if running is None:
                running = self._pool.submit(make)
                self._running[key] = running
                running.add_done_callback(lambda _: self._forget(key))
        return running.result()

    def close(self) -> None:
        """Stop taking work; briefs being made finish in the background."""
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _forget(self, key: Hashable) -> None:
        with self._guard:
            self._running.pop(key, None)
