"""The server keeps its memory flat: few malloc arenas, free pages given back periodically.

The soak's RSS rose with glibc's default of eight arenas per core (threads keep what
their arena has held); these tests check the mechanisms themselves, in real processes.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from conftest import run_python
from newsfuse.server.app import create_app
from newsfuse.server.memory import _glibc, limit_arenas, trimming

needs_glibc = pytest.mark.skipif(_glibc() is None, reason="malloc arenas are glibc's")

# Threads that each allocate and stay alive; glibc gives each new thread its own arena
# while there are fewer than the limit. malloc_stats() lists the arenas on stderr.
ARENA_PROBE = """
import ctypes, ctypes.util, sys, threading
from newsfuse.server.memory import limit_arenas
if sys.argv[1] != "default":
    assert limit_arenas(int(sys.argv[1]))
ready, done = threading.Barrier(9), threading.Event()
def hold():
    block = bytearray(200_000)  # this thread's first malloc: it takes an arena
    ready.wait()
    done.wait()
threads = [threading.Thread(target=hold) for _ in range(8)]
for thread in threads:
    thread.start()
ready.wait()
ctypes.CDLL(ctypes.util.find_library("c")).malloc_stats()
done.set()
for thread in threads:
    thread.join()
"""


def arenas_with(limit: str) -> int:
    done = run_python(ARENA_PROBE, limit)
    assert done.returncode == 0, done.stderr
    return sum(line.startswith("Arena ") for line in done.stderr.splitlines())


@needs_glibc
def test_the_arena_limit_holds_however_many_threads_allocate() -> None:
    assert arenas_with("2") == 2
    if not os.environ.get("MALLOC_ARENA_MAX"):  # the control: glibc's default gives more
        assert arenas_with("default") > 2


def test_a_limit_the_user_set_in_the_environment_is_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")
    assert limit_arenas(2) is False


def test_trimming_runs_until_its_block_ends() -> None:
    calls: list[int] = []
    thrice = threading.Event()

    def count() -> None:
        calls.append(1)
        if len(calls) >= 3:
            thrice.set()

    with trimming(interval=0.01, trim_once=count) as stop:
        assert thrice.wait(timeout=60)
        assert not stop.is_set()
    assert stop.is_set()
    assert not any(t.name == "newsfuse-trim" for t in threading.enumerate())


def test_the_server_trims_while_it_serves_and_stops_with_it(tmp_path: Path) -> None:
    def trimmers() -> list[threading.Thread]:
        return [t for t in threading.enumerate() if t.name == "newsfuse-trim"]

    before = len(trimmers())
    with TestClient(create_app(tmp_path / "news.db")) as client:
        assert client.get("/healthz").status_code == 200
        assert len(trimmers()) == before + 1
    assert len(trimmers()) == before
