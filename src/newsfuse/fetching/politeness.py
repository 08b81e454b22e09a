"""Per-host politeness: one request at a time to each host and port, with a pause between."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


class HostGate:
    """Serialises requests per ``host:port`` and spaces them by at least a given delay.

    The delay runs from the end of one request to the start of the next, so a
    slow host is never hit harder than a fast one. ``peak_concurrency`` records the
    most requests ever in flight to one host (it must stay 1; benchmarks report it).
    """

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}
        self._last_end: dict[str, float] = {}
        self._in_flight: dict[str, int] = {}
        self.peak_concurrency = 0

    def _lock_for(self, host_key: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(host_key, threading.Lock())

    @contextmanager
    def turn(self, host_key: str, delay: float) -> Iterator[None]:
        """Wait for this host's turn (and its delay), then hold the host until the block ends."""
        with self._lock_for(host_key):
            last_end = self._last_end.get(host_key)
            if last_end is not None:
                wait = last_end + delay - time.monotonic()
                if wait > 0:
                    time.sleep(wait)
            with self._guard:
                self._in_flight[host_key] = self._in_flight.get(host_key, 0) + 1
                self.peak_concurrency = max(self.peak_concurrency, self._in_flight[host_key])
            try:
                yield
            finally:
                with self._guard:
                    self._in_flight[host_key] -= 1
                self._last_end[host_key] = time.monotonic()
