"""One SQLite connection per reading thread, so that readers never queue behind a writer.

A :class:`~newsfuse.corpus.Corpus` serialises its own connection with a lock, and an
ingest holds that lock for its whole run (embedding included). Readers of a store
file (the web server's request threads) therefore read through a connection of their
own, opened on first use in each thread: in WAL mode a reader sees the last committed
state and never waits for a writer, in this process or another. What a reader writes
(a brief it made, into the cache) waits at most the store's lock timeout, for a write
transaction in progress, not for a whole ingest.
"""

from __future__ import annotations

import threading
from pathlib import Path

from newsfuse.store import open_store
from newsfuse.store.base import Store

# Page cache of each reader connection. SQLite's default, 2,000 KiB, times the server's
# forty request threads held 90 MB on a 4 MB store (and rose with it); at 256 KiB
# forty connections hold 15 MB, for 5 % more CPU per read (the OS caches the file).
READER_CACHE_KIB = 256


class ReaderConnections:
    """Thread-local stores opened on ``path``; :meth:`close` closes every one of them.

    A server's threadpool ends idle threads and starts new ones as the load changes
    (anyio ends a worker idle for 10 s), so the stores of threads that have ended are
    closed whenever a thread opens one: open connections stay bounded by the threads
    alive, instead of growing with every thread the server has ever run.
    """

    def __init__(self, path: Path, lock_timeout: float | None) -> None:
        self.path = path
        self.lock_timeout = lock_timeout
        self._local = threading.local()
        self._opened: dict[threading.Thread, Store] = {}
        self._guard = threading.Lock()
        # Bumped by close(): a thread's store from before it is not used again.
        self._epoch = 0

    def store(self) -> Store:
        """This thread's store (opened now if it has none, or none since the last close)."""
        held: tuple[int, Store] | None = getattr(self._local, "held", None)
        if held is not None and held[0] == self._epoch:
            return held[1]
        self.close_ended()
        store = open_store(self.path, lock_timeout=self.lock_timeout, cache_kib=READER_CACHE_KIB)
        with self._guard:
            self._opened[threading.current_thread()] = store
            self._local.held = (self._epoch, store)
        return store

    def open_count(self) -> int:
        """How many reader connections are open now."""
        with self._guard:
            return len(self._opened)

    def close_ended(self) -> None:
        """Close the stores of threads that have ended (nothing else can use them)."""
        with self._guard:
            ended = [thread for thread in self._opened if not thread.is_alive()]
            stores = [self._opened.pop(thread) for thread in ended]
        for store in stores:
            store.close()

    def close(self) -> None:
        """Close every thread's store; threads open a new one on their next read."""
        with self._guard:
            opened, self._opened = list(self._opened.values()), {}
            self._epoch += 1
        for store in opened:
            store.close()
