"""Bounded load test of ``newsfuse serve``: many concurrent readers on 127.0.0.1.

Fills a fresh store (in a temporary folder) with the first ``--clusters``
clusters of a Multi-News JSON Lines file, starts ``newsfuse serve`` over it
in a subprocess on a free loopback port, then runs ``--clients`` concurrent
HTTP clients (httpx, asyncio) for ``--seconds`` seconds. Each client
alternates between ``GET /api/stories`` and a story page
``GET /stories/{id}``. Prints requests, errors and p50/p95/p99 latency per
endpoint. Only loopback addresses are ever contacted.

Usage (from the repo root)::

    PYTHONPATH=src python benchmarks/load.py [DATA] [--clients 50] [--seconds 20]

``--db PATH`` keeps the store there (and reuses it, with its cached briefs,
on the next run) instead of building a temporary one.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from shared_data import shared_path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = shared_path("data", "multinews-dev.jsonl")

# Enough clusters for a page of stories, few enough to ingest and brief in a few minutes.
DEFAULT_CLUSTERS = 10
# The issue asks for at least 50 concurrent clients for at least 20 seconds.
DEFAULT_CLIENTS = 50
DEFAULT_SECONDS = 20.0
# Per-request timeout: a request slower than this counts as an error.
REQUEST_TIMEOUT = 30.0


@dataclass
class Tally:
    """Latencies (seconds) and error count of one endpoint."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    error_kinds: dict[str, int] = field(default_factory=dict)

    def fail(self, kind: str) -> None:
        self.errors += 1
        self.error_kinds[kind] = self.error_kinds.get(kind, 0) + 1


def percentile(values: list[float], fraction: float) -> float:
    """The nearest-rank percentile of ``values`` (0 when empty)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[rank]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def build_store(data: Path, clusters: int, db: Path) -> float:
    """Ingest the first ``clusters`` lines of ``data`` into ``db``; returns seconds taken."""
    from newsfuse import corpus

    lines = data.read_text("utf-8").splitlines()[:clusters]
    sample = db.parent / "sample.jsonl"
    sample.write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.perf_counter()
    report = corpus.ingest([sample], db=db)
    took = time.perf_counter() - started
    print(
        f"ingested {report.new} articles ({report.duplicates} duplicates, "
        f"{len(report.skipped)} skipped) into {len(report.stories_touched)} stories "
        f"in {took:.1f} s",
        file=sys.stderr,
    )
    return took


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    """Run ``newsfuse serve`` over ``db`` on 127.0.0.1:``port`` in a child process."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    command = [sys.executable, "-m", "newsfuse", "serve", "--db", str(db), "--port", str(port)]
    return subprocess.Popen(command, env=env, cwd=REPO)


async def wait_until_up(base: str, deadline: float) -> None:
    import httpx

    async with httpx.AsyncClient(base_url=base, timeout=2) as http:
        while time.monotonic() < deadline:
            try:
                if (await http.get("/healthz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.2)
    raise SystemExit(f"the server at {base} did not come up")


async def run_client(
    base: str, story_ids: list[str], stop_at: float, tallies: dict[str, Tally], seed: int
) -> None:
    """One client: alternate list and story page requests until ``stop_at``."""
    import httpx

    chooser = random.Random(seed)
    async with httpx.AsyncClient(base_url=base, timeout=REQUEST_TIMEOUT) as http:
        turn = seed
        while time.monotonic() < stop_at:
            if turn % 2 == 0 or not story_ids:
                name, path = "GET /api/stories", "/api/stories?limit=20"
            else:
                name, path = "GET /stories/{id}", f"/stories/{chooser.choice(story_ids)}"
            turn += 1
            started = time.perf_counter()
            try:
                answer = await http.get(path)
            except httpx.HTTPError as error:
                tallies[name].fail(type(error).__name__)
                continue
            took = time.perf_counter() - started
            if answer.status_code != 200:
                tallies[name].fail(f"HTTP {answer.status_code}")
            else:
                tallies[name].latencies.append(took)


async def load(base: str, clients: int, seconds: float) -> tuple[dict[str, Tally], float]:
    import httpx

    async with httpx.AsyncClient(base_url=base, timeout=REQUEST_TIMEOUT) as http:
        listing = (await http.get("/api/stories", params={"limit": 200})).json()
    story_ids = [story["id"] for story in listing["stories"]]
    if not story_ids:
        raise SystemExit("the store has no stories to request")
    # Warm up: the first view of a story computes and caches its brief (seconds of model
    # work); the load test measures serving, so every story is viewed once beforehand.
    warm_started = time.perf_counter()
    async with httpx.AsyncClient(base_url=base, timeout=600) as http:
        for story_id in story_ids:
            await http.get(f"/stories/{story_id}")
    print(
        f"warmed {len(story_ids)} story pages in {time.perf_counter() - warm_started:.1f} s",
        file=sys.stderr,
    )
    tallies = {"GET /api/stories": Tally(), "GET /stories/{id}": Tally()}
    started = time.monotonic()
    stop_at = started + seconds
    await asyncio.gather(
        *(run_client(base, story_ids, stop_at, tallies, seed) for seed in range(clients))
    )
    return tallies, time.monotonic() - started


def print_table(tallies: dict[str, Tally], elapsed: float, clients: int) -> None:
    print(f"\n{clients} clients, {elapsed:.1f} s, 127.0.0.1\n")
    print("| endpoint | requests | errors | req/s | p50 ms | p95 ms | p99 ms | mean ms |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, tally in tallies.items():
        values = tally.latencies
        mean = statistics.fmean(values) if values else 0.0
        print(
            f"| {name} | {len(values) + tally.errors} | {tally.errors} | "
            f"{len(values) / elapsed:.1f} | {percentile(values, 0.50) * 1000:.0f} | "
            f"{percentile(values, 0.95) * 1000:.0f} | {percentile(values, 0.99) * 1000:.0f} | "
            f"{mean * 1000:.0f} |"
        )
        if tally.error_kinds:
            print(f"|   errors: {tally.error_kinds} | | | | | | | |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--clusters", type=int, default=DEFAULT_CLUSTERS)
    parser.add_argument("--clients", type=int, default=DEFAULT_CLIENTS)
    parser.add_argument("--seconds", type=float, default=DEFAULT_SECONDS)
    parser.add_argument(
        "--db",
        type=Path,
        help="store to serve: reused if it exists (no ingest), else built there and kept",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="newsfuse-load-") as folder:
        db = args.db or Path(folder) / "load.sqlite"
        if not db.exists():
            build_store(args.data, args.clusters, db)
        port = free_port()
        server = start_server(db, port)
        base = f"http://127.0.0.1:{port}"
        try:
            asyncio.run(wait_until_up(base, time.monotonic() + 60))
            tallies, elapsed = asyncio.run(load(base, args.clients, args.seconds))
        finally:
            server.terminate()
            server.wait(timeout=20)
    print_table(tallies, elapsed, args.clients)


if __name__ == "__main__":
    main()
