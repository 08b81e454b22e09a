"""Keeping a long-running server's memory flat: few malloc arenas, free pages given back.

The server makes briefs (spaCy, the sentence encoder) and renders growing stories on
dozens of threads. glibc's allocator gives threads up to eight arenas per core and
keeps what an arena has held: freed memory inside an arena stays in the process.
In the soak (docs/benchmarks-robustness.md) RSS rose about 6 MB a minute with no
Python object growing; readers alone or the ingest alone kept it flat. So the server
limits the arenas when it starts and returns free pages to the system periodically
(``malloc_trim``). Both are glibc calls; elsewhere (macOS, musl) they do nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache

log = logging.getLogger(__name__)

# mallopt's parameter number for the arena limit (glibc's malloc.h).
M_ARENA_MAX = -8
# Arenas of the server process: two cover the two brief threads; with glibc's default
# (8 per core) the soak's RSS rose 6.3 MB a minute, with 2 it rose 2.0 (6-minute runs).
ARENA_MAX = 2
# Seconds between two trims: after briefs, a trim took 2-9 ms and gave back 10-26 MB
# (the loaded 2-core machine), so every 10 s costs under 0.1 % of a core.
TRIM_INTERVAL_SECONDS = 10.0
# An arena limit the user set in the environment is kept as it is.
ARENA_ENVIRONMENT_VARIABLE = "MALLOC_ARENA_MAX"


@cache
def _glibc() -> ctypes.CDLL | None:
    """The C library when it is glibc (it has ``malloc_trim``), else None."""
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        library = ctypes.CDLL(name)
    except OSError:
        return None
    return library if hasattr(library, "malloc_trim") else None


def limit_arenas(arenas: int = ARENA_MAX) -> bool:
    """Cap the process's malloc arenas at ``arenas`` (for threads started from now on),
    unless ``MALLOC_ARENA_MAX`` is set; True if the cap was applied."""
    library = _glibc()
    if library is None or os.environ.get(ARENA_ENVIRONMENT_VARIABLE):
        return False
    return bool(library.mallopt(M_ARENA_MAX, arenas))


def trim() -> bool:
    """Give the free pages of every arena back to the system; True if any was."""
    library = _glibc()
    return library is not None and bool(library.malloc_trim(0))


@contextmanager
def trimming(
    interval: float = TRIM_INTERVAL_SECONDS, trim_once: Callable[[], object] = trim
) -> Iterator[threading.Event]:
    """Run ``trim_once`` every ``interval`` seconds on a thread of its own while the block
    runs; yields the event that stops it (set on leaving the block)."""
    stop = threading.Event()

    def loop() -> None:
        while not stop.wait(interval):
            trim_once()

    thread = threading.Thread(target=loop, name="newsfuse-trim", daemon=True)
    thread.start()
    try:
        yield stop
    finally:
        stop.set()
        thread.join()
