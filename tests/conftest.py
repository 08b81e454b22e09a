"""Shared fakes, fixtures and paths of the test suite, declared once for every test file.

Fakes and helpers are importable (``from conftest import RecordingEmbedder``) for tests that build
them around an embedder of their own; fixtures are found by pytest by name. Every
fixture uses invented articles from ``tests/fixtures``; none needs the network.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import settings

from newsfuse import corpus
from newsfuse.embed import Embedder, Vectors, get_embedder
from newsfuse.model import Article

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Longer property runs on demand (pytest --hypothesis-profile=thorough): twenty times
# the default profile's 100 examples, which keeps the default suite fast.
settings.register_profile("thorough", max_examples=2000)
# Width of MiniLM's vectors: what an empty batch of them looks like.
MINILM_DIMENSIONS = 384


# ---------------------------------------------------------------- paths and processes


def subprocess_env() -> dict[str, str]:
    """The environment for a child Python that must import this tree's ``newsfuse``."""
    return {**os.environ, "PYTHONPATH": str(SRC)}


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m newsfuse ARGS`` from the repository root, capturing its output."""
    return subprocess.run(
        [sys.executable, "-m", "newsfuse", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=subprocess_env(),
        cwd=REPO,
        timeout=300,
    )


def run_python(code: str, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run ``python -c CODE ARGS`` in a fresh interpreter that imports this tree, capturing
    its output: for what only a new process shows (imports, start-up, memory)."""
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=timeout,
    )


def parsed_figure(sentence: str, number: str) -> Any:
    """The spaCy span of ``number`` in ``sentence`` parsed alone, as the fact stage parses
    it: for tests of what a figure's words and syntax say (its role, tense, owner)."""
    from newsfuse.facts.nlp import load_pipeline  # spaCy loads only for these tests

    doc = load_pipeline()(sentence)
    start = sentence.index(number)
    span = doc.char_span(start, start + len(number), alignment_mode="expand")
    assert span is not None
    return span


def two_outlet_facts(first: str, second: str, params: Any = None) -> list[Any]:
    """The fact table of two invented reports, "a" from the Isles Herald and "b" from
    Coast Radio, compared with ``params`` (a ``FactParams``; the defaults when None)."""
    from newsfuse.facts import FactParams, compare_facts

    articles = [
        Article(id="a", text=first, source="Isles Herald"),
        Article(id="b", text=second, source="Coast Radio"),
    ]
    return compare_facts(articles, params=params or FactParams())


def subject_of(facts: Sequence[Any], text: str) -> str:
    """The subject of the first fact with a claim written ``text``."""
    return next(fact.subject for fact in facts if any(c.text == text for c in fact.claims))


# ---------------------------------------------------------------- headless browser

CHROMIUM = "/usr/bin/chromium"  # Debian's package, installed by scripts/test.sh
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Every name but the test server's address resolves to nothing: no page or browser
    # service can reach beyond loopback, whatever a template or default might ask for.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


# ---------------------------------------------------------------- invented articles


def load_events() -> list[dict[str, Any]]:
    """The invented event records of ``fixtures/store/events.jsonl`` (stories over months)."""
    lines = (FIXTURES / "store" / "events.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def load_harbour_fire() -> list[Article]:
    """The invented harbour-fire articles of ``fixtures/brief/harbour_fire.json``."""
    path = FIXTURES / "brief" / "harbour_fire.json"
    records = json.loads(path.read_text(encoding="utf-8"))["articles"]
    return [
        Article(
            id=record["id"],
            text=record["text"],
            title=record["title"],
            source=record["source"],
            published=datetime.fromisoformat(record["published"]),
        )
        for record in records
    ]


@pytest.fixture(scope="module")
def fire() -> list[Article]:
    """The harbour-fire articles (outlets that support and contradict each other)."""
    return load_harbour_fire()


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """A fresh store, ``tmp_path / "corpus.db"``, holding every invented event, grouped
    with the model-free hashing embedder (fast, and grouping is not what most tests test)."""
    db = tmp_path / "corpus.db"
    corpus.ingest(load_events(), db=db, embedder="hashing")
    return db


# ---------------------------------------------------------------- live server


@dataclass(frozen=True, slots=True)
class LiveServer:
    """A uvicorn server running in a thread; ``url`` is its base address."""

    url: str
    server: Any
    thread: threading.Thread

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free now (the OS picks it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_server(db: Path | None, token: str | None = None, jobs: Any = None) -> LiveServer:
    """Start the app on a free loopback port and wait until it answers (``jobs``: the
    server's :class:`~newsfuse.corpus.jobs.JobSettings`, None for the defaults)."""
    # fastapi and uvicorn are slow to import: only the server and browser tests need them.
    import uvicorn

    from newsfuse.server.app import create_app

    port = free_port()
    config = uvicorn.Config(
        create_app(db, token=token, jobs=jobs), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    return LiveServer(f"http://127.0.0.1:{port}", server, thread)


def load_records(name: str = "ferry.jsonl") -> list[dict[str, Any]]:
    """The invented article records of ``fixtures/server/NAME`` (a ferry grounding by default)."""
    return [
        json.loads(line) for line in (FIXTURES / "server" / name).read_text("utf-8").splitlines()
    ]


# ---------------------------------------------------------------- fake embedders


class MemoEmbedder:
    """The real embedder, remembering vectors so repeated texts are encoded once."""

    name = "minilm-memo"

    def __init__(self, inner: Embedder) -> None:
        self._inner = inner
        self._memo: dict[str, Vectors] = {}

    def encode(self, texts: Sequence[str]) -> Vectors:
        missing = [text for text in dict.fromkeys(texts) if text not in self._memo]
        if missing:
            self._memo.update(zip(missing, self._inner.encode(missing), strict=True))
        if not texts:
            return np.zeros((0, MINILM_DIMENSIONS), dtype=np.float32)
        return np.stack([self._memo[text] for text in texts])


class RecordingEmbedder:
    """The real embedder, recording every text it is asked to encode."""

    name = "minilm-recording"

    def __init__(self, inner: Embedder) -> None:
        self._inner = inner
        self.texts: list[str] = []

    def encode(self, texts: Sequence[str]) -> Vectors:
        self.texts.extend(texts)
        return self._inner.encode(texts)


class PassEverything:
    """A screen under which every pair looks alike (all vectors equal): nothing is screened out."""

    name = "pass-everything"

    def encode(self, texts: Sequence[str]) -> Vectors:
        return np.ones((len(texts), 1), dtype=np.float32)


@pytest.fixture(scope="module")
def embedder() -> MemoEmbedder:
    """The default MiniLM embedder behind a memo, loaded once per test module."""
    return MemoEmbedder(get_embedder())
