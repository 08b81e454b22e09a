"""Models load once per process even when several threads ask together."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

from newsfuse.once import load_once


def test_threads_that_miss_together_share_one_load() -> None:
    calls: list[int] = []

    @load_once
    def load(size: int) -> list[int]:
        calls.append(size)
        time.sleep(0.2)  # long enough for the other threads to arrive while it loads
        return [size]

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(load, [3, 3, 3, 3]))
    assert calls == [3]
    assert all(result is results[0] for result in results)
    assert load(4) == [4] and calls == [3, 4]


def test_the_cache_can_be_cleared() -> None:
    calls: list[str] = []

    @load_once
    def load() -> str:
        calls.append("x")
        return "model"

    load()
    load.cache_clear()  # type: ignore[attr-defined]
    load()
    assert calls == ["x", "x"]
