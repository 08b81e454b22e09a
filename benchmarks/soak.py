"""Soak test: ``newsfuse serve`` plus a continuous ingest and 20 readers, for a set time.

Creates a fresh store (in a temporary folder, hashing embedder so that the
ingest stays fast), starts ``newsfuse serve`` on a free 127.0.0.1 port, then
for ``--minutes`` minutes at once:

* a writer loop feeds generated invented articles (ongoing events that gain
  reports, and new events) in small batches, alternating a separate
  ``newsfuse ingest`` process on the same store and ``POST /api/articles``;
* ``--readers`` threads (httpx) list stories, search them and open story
  pages and their JSON, as readers of the web UI would.

Every minute it records the requests, errors, p50/p95 latency, the server's
RSS (with its children), the store's size on disk, the articles ingested, and the
server's threads and open connections to the store, and prints one table at the
end. ``--no-ingest`` (readers only) and ``--readers 0`` (the writer only) tell
memory that grows with requests from memory that grows with the store. Memory is
judged "flat" when, over the second half (the first is warm-up: models load on the
first briefs, caches fill), the least-squares trend of the per-minute peak RSS rises by
at most ``--rss-growth`` of its half-time value and the per-minute lowest RSS rises by
at most ``--rss-slope`` MB a minute (least squares). Before the clock starts, every seeded story is
opened once (``--no-warmup`` skips this), as a service's readiness check would.
The exit status is 1 if any request or ingest failed or memory grew, else 0. It
stops by itself; only loopback is contacted.

``--keep-minutes M`` prunes, once a minute, the stories nothing was ingested into for
M minutes (``Corpus.prune``, the retention ``watch --keep-days`` applies), so the store
settles at a constant size and memory can be judged apart from a growing store.

At the end it checks exactly-once storage: seeds + acknowledged articles − the
deliberate exact repeats − the pruned articles must equal the rows of ``articles`` in
the file, their distinct content hashes, and the stories' ``article_count`` summed through the API;
``newsfuse check`` must find nothing. ``--heap DIR`` runs the server under
tracemalloc, dumps a snapshot a minute and prints what grew (slows the server).
``--index-memory`` loads the final store's story index and term frequencies in this
process and reports what they take (tracemalloc). ``--json PATH`` writes the per-minute
rows and the verdict as JSON; ``--table PATH`` writes the per-minute table as Markdown.

Usage (from the repo root)::

    PYTHONPATH=src nice python benchmarks/soak.py --minutes 10 [--readers 20]
        [--keep-minutes 5] [--json soak.json] [--table soak.md] [--index-memory]

Results are in ``docs/benchmarks-robustness.md``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psutil

REPO = Path(__file__).resolve().parents[1]

DEFAULT_MINUTES = 10.0
# The issue asks for 20 concurrent readers.
DEFAULT_READERS = 20
# Articles per ingest batch and the pause between batches: 30 articles a minute, a busy
# aggregator's pace (about 43,000 a day); --batch-pause changes it.
BATCH_SIZE = 5
BATCH_PAUSE_SECONDS = 10.0
# A request slower than this counts as an error: a reader would have given up.
REQUEST_TIMEOUT = 30.0
# Allowed rise of the per-minute peak RSS over the second half, by its least-squares trend,
# as a share of the trend's half-time value. A trend, not the last minute against the
# first: a minute's peak is the largest of 12 samples, and one burst of concurrent
# requests in the last minute failed an hour's run whose level was flat.
DEFAULT_RSS_GROWTH = 0.10
# Allowed rise of the level RSS holds (each minute's lowest sample) over the second half:
# a leak of a connection or cache per request or per brief raises it steadily, while a
# brief in progress (two at most, longer as stories grow) lifts a minute's peak and median.
DEFAULT_RSS_SLOPE = 1.0
TOKEN = "soak-token"
# The store starts with three reports of each of three events.
SEED_EVENTS = (0, 1, 2) * 3
# Stack frames kept per traced allocation (--heap): enough to see the caller's caller.
HEAP_FRAMES = 6
# The warm-up's first story view loads the models (MiniLM, spaCy): allow it minutes.
WARMUP_TIMEOUT = 600.0
MINUTES_A_DAY = 24 * 60.0

# Invented places, bodies and happenings for generated articles (none is real).
PLACES = ("Port Carrow", "Eastmere", "Dunhollow", "Velsa Bay", "Tarrow Cross", "Linmouth",
          "Greyhaven", "Oakridge", "Saltmarsh", "Northquay", "Brackwater", "Fenwick")  # fmt: skip
BODIES = ("the Carrow Fire Service", "Eastmere Council", "the Westreach Transit Board",
          "Dunhollow Water", "the Velsa Harbour Trust", "the Linmouth Health Board")  # fmt: skip
HAPPENINGS = (
    ("a warehouse fire", "firefighters", "fought the blaze"),
    ("a ferry breakdown", "passengers", "were stranded"),
    ("a burst water main", "homes", "lost supply"),
    ("a rail signal failure", "trains", "were cancelled"),
    ("a landslide", "residents", "were evacuated"),
    ("a hospital strike", "nurses", "walked out"),
)
OUTLETS = ("Carrow Evening Star", "Northquay Wire", "Saltmarsh Courier", "Westreach Broadcasting")
MONTHS = ("March", "April", "May", "June")


def make_article(rng: random.Random, event: int, serial: int) -> dict[str, str]:
    """One invented report of event ``event``; ``serial`` makes its text unique."""
    place = PLACES[event % len(PLACES)]
    body = BODIES[event % len(BODIES)]
    what, who, did = HAPPENINGS[event % len(HAPPENINGS)]
    count = 10 + (event * 7) % 90 + rng.choice((0, 0, 5))
    day, month = 1 + event % 28, MONTHS[event % len(MONTHS)]
    outlet = rng.choice(OUTLETS)
    text = (
        f"{count} {who} {did} after {what} in {place} on {day} {month}, {body} said. "
        f"Officials in {place} said the cause of {what} was under investigation and that "
        f"{rng.randint(2, 9)} people had been treated in hospital. "
        f"A spokesperson for {body} said crews would remain at the scene overnight. "
        f"Residents were told to follow updates from {body}. (Report {serial} by {outlet}.)"
    )
    return {
        "id": f"soak-{serial}",
        "title": f"{what.capitalize()} in {place}: {count} {who} affected",
        "text": text,
        "source": outlet,
        "published": f"2026-{3 + event % 4:02d}-{day:02d}T{rng.randint(6, 22):02d}:00:00Z",
    }


@dataclass
class Minute:
    """What happened in one minute of the soak."""

    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    ingested: int = 0
    # Of ``ingested``, those whose text was already acknowledged (the store drops them).
    repeats: int = 0
    ingest_errors: list[str] = field(default_factory=list)
    rss_mb: float = 0.0
    # Every RSS sample of the minute (one each 5 s): the peak is rss_mb; the lowest is
    # what the server holds between briefs, the level a leak raises.
    rss_samples: list[float] = field(default_factory=list)
    store_mb: float = 0.0
    # The server's threads and its open handles on the store file (one per connection).
    threads: int = 0
    connections: int = 0
    # Articles deleted by the retention prune (--keep-minutes).
    pruned: int = 0
    # Article rows in the store (near-duplicates included) and the size of its largest
    # story (what a brief or a story page holds).
    stored: int = 0
    largest_story: int = 0


class Recorder:
    """Thread-safe per-minute tallies."""

    def __init__(self, started: float) -> None:
        self.started = started
        self.minutes: dict[int, Minute] = {}
        self.lock = threading.Lock()

    def minute(self) -> Minute:
        index = int((time.monotonic() - self.started) // 60)
        with self.lock:
            return self.minutes.setdefault(index, Minute())


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def newsfuse_command(*args: str) -> list[str]:
    """The command line that runs this checkout's ``newsfuse``."""
    return [sys.executable, "-m", "newsfuse", *args]


def child_env() -> dict[str, str]:
    """The environment of the server and ingest processes: this tree's package, quiet."""
    return {**os.environ, "PYTHONPATH": str(REPO / "src")}


def start_server(
    db: Path, port: int, log: Path, heap: Path | None = None
) -> subprocess.Popen[bytes]:
    """Start ``newsfuse serve`` on 127.0.0.1 and wait until it answers /healthz; with
    ``heap``, under tracemalloc, dumping a heap snapshot there every minute."""
    arguments = ("serve", "--db", str(db), "--port", str(port), "--token", TOKEN)
    command = newsfuse_command(*arguments)
    if heap is not None:
        command = [sys.executable, __file__, "--serve-traced", str(heap), *arguments]
    with log.open("wb") as sink:
        server = subprocess.Popen(
            command,
            stdout=sink,
            stderr=subprocess.STDOUT,
            env=child_env(),
        )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"newsfuse serve exited with {server.returncode}; see {log}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    server.kill()
    raise SystemExit("newsfuse serve did not answer within 120 s")


def ingest_loop(
    db: Path,
    base: str,
    folder: Path,
    stop: threading.Event,
    recorder: Recorder,
    seed: int,
    pause: float,
) -> None:
    """Feed batches of invented articles until ``stop``: CLI ingest and POST in turn."""
    rng = random.Random(seed)
    serial, events, batch_number = 0, 3, 0
    # The first article of the previous batch: still stored when the batch repeats it,
    # also under a retention prune (which keeps what was ingested minutes ago).
    previous: dict[str, str] | None = None
    client = httpx.Client(base_url=base, timeout=REQUEST_TIMEOUT)
    while not stop.is_set():
        if rng.random() < 0.15:  # now and then a new event starts
            events += 1
        batch = []
        for _ in range(BATCH_SIZE):
            serial += 1
            # Recent events get most reports, as a news day does.
            event = max(0, events - 1 - int(rng.expovariate(0.7)))
            batch.append(make_article(rng, event, serial))
        # Every tenth batch repeats an acknowledged article exactly: a duplicate must be a no-op.
        repeats = int(batch_number % 10 == 9 and previous is not None)
        if repeats and previous is not None:
            batch.append(dict(previous))
        minute = recorder.minute()
        try:
            if batch_number % 2 == 0:
                path = folder / f"batch-{batch_number}.jsonl"
                path.write_text("\n".join(json.dumps(a) for a in batch) + "\n", encoding="utf-8")
                done = subprocess.run(
                    newsfuse_command("ingest", str(path), "--db", str(db)),
                    capture_output=True,
                    text=True,
                    env=child_env(),
                    timeout=300,
                )
                if done.returncode != 0:
                    minute.ingest_errors.append(
                        f"ingest exit {done.returncode}: {done.stderr[-300:]}"
                    )
                else:
                    minute.ingested += len(batch)
                    minute.repeats += repeats
                    previous = batch[0]
                path.unlink()
            else:
                response = client.post(
                    "/api/articles",
                    json={"articles": batch},
                    headers={"Authorization": f"Bearer {TOKEN}"},
                )
                if response.status_code != 200:
                    minute.ingest_errors.append(
                        f"POST {response.status_code}: {response.text[:300]}"
                    )
                else:
                    minute.ingested += len(batch)
                    minute.repeats += repeats
                    previous = batch[0]
        except (httpx.HTTPError, subprocess.TimeoutExpired) as error:
            what = "ingest" if batch_number % 2 == 0 else "POST /api/articles"
            minute.ingest_errors.append(f"{what}: {type(error).__name__}: {error}")
        batch_number += 1
        stop.wait(pause)
    client.close()


def prune_loop(db: Path, keep_minutes: float, stop: threading.Event, recorder: Recorder) -> None:
    """Once a minute until ``stop``, delete the stories nothing was ingested into for
    ``keep_minutes`` (the retention a long-running service applies)."""
    from newsfuse import Corpus
    from newsfuse.errors import NewsfuseError

    with Corpus(db) as corpus:
        while not stop.wait(60):
            minute = recorder.minute()
            try:
                minute.pruned += corpus.prune(keep_minutes / MINUTES_A_DAY).articles
            except NewsfuseError as error:
                minute.ingest_errors.append(f"prune: {type(error).__name__}: {error}")


def pruned_away(path: str, status: int, retention: bool) -> bool:
    """Whether a failed read only met a story the retention prune deleted after the reader
    listed it (a 404 on a story page is then the right answer, not an error)."""
    return retention and status == 404 and path.startswith(("/api/stories/", "/stories/"))


def reader_loop(
    base: str, stop: threading.Event, recorder: Recorder, seed: int, retention: bool = False
) -> None:
    """Read as a web UI user does until ``stop``: list, search, open a story page and its JSON."""
    rng = random.Random(seed)
    story_ids: list[str] = []
    with httpx.Client(base_url=base, timeout=REQUEST_TIMEOUT) as client:
        while not stop.is_set():
            choice = rng.random()
            if choice < 0.3 or not story_ids:
                path = "/api/stories?limit=20"
            elif choice < 0.45:
                path = f"/api/stories?q={rng.choice(PLACES).split()[0]}"
            elif choice < 0.6:
                path = "/"
            elif choice < 0.8:
                path = f"/api/stories/{rng.choice(story_ids)}"
            else:
                path = f"/stories/{rng.choice(story_ids)}"
            minute = recorder.minute()
            started = time.perf_counter()
            try:
                response = client.get(path)
                elapsed = time.perf_counter() - started
                if pruned_away(path, response.status_code, retention):
                    story_ids = [s for s in story_ids if not path.endswith(s)]
                    continue
                if response.status_code != 200:
                    minute.errors.append(f"GET {path}: {response.status_code}")
                    continue
                minute.latencies.append(elapsed)
                if path.startswith("/api/stories?"):
                    found = [story["id"] for story in response.json()["stories"]]
                    story_ids = found or story_ids
            except (httpx.HTTPError, ValueError, KeyError) as error:
                minute.errors.append(f"GET {path}: {type(error).__name__}: {error}")


def sample_resources(
    server: subprocess.Popen[bytes], db: Path, stop: threading.Event, recorder: Recorder
) -> None:
    """Every few seconds, note the server's RSS (with children) and the store's size."""
    process = psutil.Process(server.pid)
    while not stop.wait(5):
        try:
            rss = process.memory_info().rss + sum(
                child.memory_info().rss for child in process.children(recursive=True)
            )
        except psutil.Error:
            continue
        store = sum(path.stat().st_size for path in db.parent.glob(db.name + "*"))
        minute = recorder.minute()
        minute.rss_mb = max(minute.rss_mb, rss / 1e6)
        minute.rss_samples.append(rss / 1e6)
        minute.store_mb = store / 1e6
        with contextlib.suppress(sqlite3.Error):  # a locked moment skips one sample
            minute.stored, minute.largest_story = story_sizes(db)
        try:
            minute.threads = max(minute.threads, process.num_threads())
            minute.connections = max(minute.connections, store_handles(process, db))
        except psutil.Error:
            continue


def story_sizes(db: Path) -> tuple[int, int]:
    """The article rows in the store, near-duplicates included (a story's ``size``
    leaves them out), and the size of its largest story (read-only, outside the server)."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
        stored, largest = connection.execute(  # one statement: one snapshot of the file
            "SELECT (SELECT count(*) FROM articles), (SELECT coalesce(max(size), 0) FROM stories)"
        ).fetchone()
    return int(stored), int(largest)


def store_handles(process: psutil.Process, db: Path) -> int:
    """How many file handles ``process`` holds on the store file itself: one per open
    SQLite connection (the WAL and shared-memory files are counted apart)."""
    target = str(db.resolve())
    return sum(1 for opened in process.open_files() if opened.path == target)


def warm_up(base: str) -> None:
    """Open every story once, as a service's readiness check would: models load, briefs cache."""
    with httpx.Client(base_url=base, timeout=WARMUP_TIMEOUT) as client:
        for story in client.get("/api/stories?limit=100").json()["stories"]:
            client.get(f"/api/stories/{story['id']}").raise_for_status()


def percentile(values: list[float], share: float) -> float:
    """The ``share`` quantile of ``values`` (nearest rank), in milliseconds."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def count_articles(base: str) -> int:
    """Articles in the store, summed over its stories (as the API lists them)."""
    total, offset = 0, 0
    with httpx.Client(base_url=base, timeout=REQUEST_TIMEOUT) as client:
        while True:
            page = client.get(f"/api/stories?limit=100&offset={offset}").json()["stories"]
            total += sum(story["article_count"] for story in page)
            if len(page) < 100:
                return total
            offset += 100


@dataclass(frozen=True)
class Outputs:
    """What the soak does besides its printed report."""

    # Prune stories idle this many minutes, once a minute (None: keep everything).
    keep_minutes: float | None = None
    # Write the per-minute rows and the verdict here as JSON.
    json_path: Path | None = None
    # Write the per-minute table here as Markdown.
    table_path: Path | None = None
    # Measure the final store's story index in this process.
    index_memory: bool = False


@dataclass(frozen=True)
class MemoryLimits:
    """When memory counts as flat over the second half of the soak."""

    # Largest rise of the per-minute peak RSS, as a share of the half-time peak.
    growth: float = DEFAULT_RSS_GROWTH
    # Largest slope of the per-minute lowest RSS, MB a minute.
    slope: float = DEFAULT_RSS_SLOPE


@dataclass(frozen=True)
class StoreCount:
    """The store's own account at the end: rows, distinct texts, and its check."""

    listed: int
    rows: int
    distinct_hashes: int
    problems: str


def audit_store(db: Path, base: str) -> StoreCount:
    """Count the articles as the API lists them and as the file holds them, and run
    ``newsfuse check`` (integrity and story consistency) on the file."""
    try:
        listed = count_articles(base)
    except (httpx.HTTPError, ValueError, KeyError):  # reported as unknown, not fatal
        listed = -1
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        rows, distinct = connection.execute(
            "SELECT count(*), count(DISTINCT content_hash) FROM articles"
        ).fetchone()
    checked = subprocess.run(
        newsfuse_command("check", "--db", str(db)),
        capture_output=True,
        text=True,
        env=child_env(),
    )
    problems = "" if checked.returncode == 0 else (checked.stdout + checked.stderr).strip()
    return StoreCount(listed, rows, distinct, problems)


def run(
    minutes: float,
    readers: int,
    limits: MemoryLimits,
    seed: int,
    pause: float,
    warmup: bool,
    ingest: bool = True,
    heap: Path | None = None,
    outputs: Outputs = Outputs(),
) -> int:
    """Run the soak and print its table; return the exit status."""
    with tempfile.TemporaryDirectory(prefix="newsfuse-soak-") as temp:
        folder = Path(temp)
        db = folder / "soak.db"
        seed_file = folder / "seed.jsonl"
        rng = random.Random(seed)
        seeds = [make_article(rng, event, -n - 1) for n, event in enumerate(SEED_EVENTS)]
        seed_file.write_text("\n".join(json.dumps(a) for a in seeds) + "\n", encoding="utf-8")
        created = subprocess.run(
            newsfuse_command("ingest", str(seed_file), "--db", str(db), "--embedder", "hashing"),
            capture_output=True,
            text=True,
            env=child_env(),
        )
        if created.returncode != 0:
            raise SystemExit(f"could not create the store: {created.stderr}")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_server(db, port, folder / "server.log", heap)
        try:
            status = soak(
                server,
                db,
                base,
                folder,
                minutes,
                readers,
                limits,
                seed,
                pause,
                warmup,
                ingest,
                outputs,
            )
            if outputs.index_memory:
                report_index_memory(db)
            return status
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()


def soak(
    server: subprocess.Popen[bytes],
    db: Path,
    base: str,
    folder: Path,
    minutes: float,
    readers: int,
    limits: MemoryLimits,
    seed: int,
    pause: float,
    warmup: bool,
    ingest: bool,
    outputs: Outputs,
) -> int:
    """Run the writer, the readers and the sampler against a started server; report."""
    if warmup:
        started = time.monotonic()
        warm_up(base)
        print(f"warm-up: every story opened once in {time.monotonic() - started:.0f} s")
    stop = threading.Event()
    recorder = Recorder(time.monotonic())
    workers: list[tuple[Callable[..., None], tuple[object, ...]]] = [
        (sample_resources, (server, db, stop, recorder)),
        *(
            (reader_loop, (base, stop, recorder, seed + n, outputs.keep_minutes is not None))
            for n in range(readers)
        ),
    ]
    if ingest:
        workers.append((ingest_loop, (db, base, folder, stop, recorder, seed, pause)))
    if outputs.keep_minutes is not None:
        workers.append((prune_loop, (db, outputs.keep_minutes, stop, recorder)))
    threads = [threading.Thread(target=f, args=a, daemon=True) for f, a in workers]
    try:
        for thread in threads:
            thread.start()
        stop.wait(minutes * 60)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=REQUEST_TIMEOUT + 310)
    stored = audit_store(db, base)
    server_log = (folder / "server.log").read_text(encoding="utf-8", errors="replace")
    return report(recorder, stored, len(SEED_EVENTS), limits, server_log, minutes, outputs)


def report(
    recorder: Recorder,
    stored: StoreCount,
    seeds: int,
    limits: MemoryLimits,
    server_log: str,
    minutes: float,
    outputs: Outputs = Outputs(),
) -> int:
    """Print the per-minute table and the verdict; 0 if no errors and memory stayed flat."""
    # A partial last minute (the stop and shutdown) is not a minute of soak.
    whole = max(1, int(minutes))
    rows = [recorder.minutes[index] for index in sorted(recorder.minutes) if index < whole]
    table = ["| minute | requests | errors | p50 ms | p95 ms | ingested | ingest errors "
             "| server RSS MB | RSS low MB | RSS median MB | store MB | threads "
             "| connections | pruned | stored | largest story |",
             "|" + "---:|" * 16]  # fmt: skip
    for number, row in enumerate(rows, start=1):
        table.append(
            f"| {number} | {len(row.latencies)} | {len(row.errors)} "
            f"| {percentile(row.latencies, 0.5):.0f} | {percentile(row.latencies, 0.95):.0f} "
            f"| {row.ingested} | {len(row.ingest_errors)} "
            f"| {f'{row.rss_mb:.0f}' if row.rss_mb else '–'} "
            f"| {f'{min(row.rss_samples):.0f}' if row.rss_samples else '–'} "
            f"| {f'{statistics.median(row.rss_samples):.0f}' if row.rss_samples else '–'} "
            f"| {f'{row.store_mb:.1f}' if row.store_mb else '–'} "
            f"| {row.threads or '–'} | {row.connections or '–'} | {row.pruned} "
            f"| {row.stored or '–'} | {row.largest_story or '–'} |"
        )
    print("\n".join(table))
    if outputs.table_path is not None:
        outputs.table_path.write_text("\n".join(table) + "\n", encoding="utf-8")
    errors = [e for row in rows for e in (*row.errors, *row.ingest_errors)]
    # Over every minute, the shutdown's included: what the writer was told is stored.
    sent = sum(row.ingested for row in recorder.minutes.values())
    repeated = sum(row.repeats for row in recorder.minutes.values())
    pruned = sum(row.pruned for row in recorder.minutes.values())
    expected = seeds + sent - repeated - pruned
    print(
        f"\narticles: {seeds} seeds + {sent} acknowledged - {repeated} exact repeats - "
        f"{pruned} pruned = "
        f"{expected} expected; the file holds {stored.rows} ({stored.distinct_hashes} distinct "
        f"texts); the stories' article counts sum to {stored.listed}"
    )
    if stored.problems:
        errors.append(f"newsfuse check: {stored.problems}")
    # Exactly once: a timed-out request the server completed anyway is the one excuse.
    if not stored.rows == stored.distinct_hashes == stored.listed == expected:
        errors.append("article counts disagree (see the line above)")
    kinds: dict[str, int] = {}
    for error in errors:
        kind = re.sub(r"s-[0-9a-f]{16}", "s-…", error)
        kinds[kind] = kinds.get(kind, 0) + 1
    for kind, count in sorted(kinds.items(), key=lambda item: -item[1]):
        print(f"  {count} x {kind}")
    tracebacks = server_log.count("Traceback")
    print(f"server log: {tracebacks} tracebacks")
    memory = judge_memory(rows, limits)
    all_latencies = [latency for row in rows for latency in row.latencies]
    minute_p95s = [percentile(r.latencies, 0.95) for r in rows if r.latencies]
    print(
        f"overall: {len(all_latencies)} requests, p50 {percentile(all_latencies, 0.5):.0f} ms, "
        f"p95 {percentile(all_latencies, 0.95):.0f} ms, median per-minute p95 "
        f"{statistics.median(minute_p95s) if minute_p95s else float('nan'):.0f} ms"
    )
    print(
        f"RSS over the second half: peak trend {memory.peak_growth:+.1%} (limit "
        f"{limits.growth:+.0%}; last minute against the first {memory.endpoint_growth:+.1%}), "
        f"peak slope "
        f"{memory.peak_slope:+.1f} MB/min, low slope {memory.low_slope:+.1f} MB/min "
        f"(limit {limits.slope:+.1f}); errors: {len(errors)}"
    )
    status = 0 if memory.flat and not errors and not tracebacks else 1
    if outputs.json_path is not None:
        result = {
            "minutes": [minute_record(row) for row in rows],
            "requests": len(all_latencies),
            "p50_ms": percentile(all_latencies, 0.5),
            "p95_ms": percentile(all_latencies, 0.95),
            "errors": kinds,
            "tracebacks": tracebacks,
            "articles": {
                "seeds": seeds,
                "acknowledged": sent,
                "repeats": repeated,
                "pruned": pruned,
                "expected": expected,
                "rows": stored.rows,
                "distinct_hashes": stored.distinct_hashes,
                "listed": stored.listed,
            },
            "rss": {
                "peak_growth": memory.peak_growth,
                "peak_endpoint_growth": memory.endpoint_growth,
                "peak_slope_mb_per_minute": memory.peak_slope,
                "low_slope_mb_per_minute": memory.low_slope,
                "flat": memory.flat,
                "limits": {"growth": limits.growth, "slope": limits.slope},
            },
            "status": status,
        }
        outputs.json_path.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return status


@dataclass(frozen=True)
class MemoryVerdict:
    """How RSS moved over the second half of the soak, and whether that counts as flat."""

    # The per-minute peak's least-squares rise over the second half, as a share of the
    # trend's half-time value (judged), and the last minute's peak against the first's.
    peak_growth: float
    endpoint_growth: float
    # MB a minute, least squares: of the per-minute peaks, and of the per-minute lows.
    peak_slope: float
    low_slope: float
    flat: bool


def judge_memory(rows: list[Minute], limits: MemoryLimits) -> MemoryVerdict:
    """Judge the second half (the first is warm-up: models load, caches fill).

    The lowest RSS of each minute is what the server holds between briefs: a leak per
    request or per brief raises it minute after minute, so its slope is judged. The
    peak adds the requests and briefs in progress; its trend is judged, not its last
    minute, so that one burst of concurrent work does not pass for growth.
    """
    second = rows[len(rows) // 2 :]
    steady = [row.rss_mb for row in second if row.rss_mb]
    held = [min(row.rss_samples) for row in second if row.rss_samples]
    endpoint = (steady[-1] - steady[0]) / steady[0] if len(steady) >= 2 else 0.0
    growth = 0.0
    if len(steady) >= 2:
        fit = statistics.linear_regression(range(len(steady)), steady)
        growth = fit.slope * (len(steady) - 1) / fit.intercept
    flat = growth <= limits.growth and slope(held) <= limits.slope
    return MemoryVerdict(growth, endpoint, slope(steady), slope(held), flat)


def minute_record(row: Minute) -> dict[str, object]:
    """One minute of the soak as plain JSON data."""
    return {
        "requests": len(row.latencies),
        "errors": len(row.errors),
        "p50_ms": percentile(row.latencies, 0.5) if row.latencies else None,
        "p95_ms": percentile(row.latencies, 0.95) if row.latencies else None,
        "ingested": row.ingested,
        "ingest_errors": len(row.ingest_errors),
        "pruned": row.pruned,
        "rss_peak_mb": row.rss_mb,
        "rss_low_mb": min(row.rss_samples) if row.rss_samples else None,
        "rss_median_mb": statistics.median(row.rss_samples) if row.rss_samples else None,
        "store_mb": row.store_mb,
        "threads": row.threads,
        "connections": row.connections,
        "stored": row.stored,
        "largest_story": row.largest_story,
    }


def report_index_memory(db: Path) -> None:
    """Load the store's story index and term frequencies here and print what they take
    (traced Python allocations, numpy arrays included), per 1,000 stored articles."""
    import tracemalloc

    from newsfuse.group.params import GroupingParams
    from newsfuse.store import open_store

    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        articles = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    store = open_store(db)
    params = GroupingParams.for_embedder("hashing")
    try:
        # A first load imports what loading needs, so the traced one counts only the data.
        store.load_index(params=params)
        store.load_frequencies()
        tracemalloc.start()
        index = store.load_index(params=params)
        frequencies = store.load_frequencies()
        size = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        del index, frequencies
    finally:
        store.close()
    per_thousand = size / 1e6 / max(1, articles) * 1000
    print(
        f"story index + term frequencies: {size / 1e6:.2f} MB for {articles} articles "
        f"({per_thousand:.2f} MB per 1,000 articles)"
    )


def slope(values: list[float]) -> float:
    """Least-squares slope of ``values`` (one a minute), per minute; 0 for fewer than two."""
    if len(values) < 2:
        return 0.0
    return statistics.linear_regression(range(len(values)), values).slope


def serve_traced(folder: Path, arguments: list[str]) -> None:
    """Run ``newsfuse`` with ``arguments`` under tracemalloc, dumping a snapshot of the
    heap to ``folder`` every minute (``heap-MM.snapshot``), to see what grows."""
    import tracemalloc

    from newsfuse.cli import main as newsfuse_main

    folder.mkdir(parents=True, exist_ok=True)
    tracemalloc.start(HEAP_FRAMES)

    def dump() -> None:
        for minute in range(1, 10_000):
            time.sleep(60)
            tracemalloc.take_snapshot().dump(str(folder / f"heap-{minute:02d}.snapshot"))

    threading.Thread(target=dump, daemon=True).start()
    sys.argv = ["newsfuse", *arguments]
    newsfuse_main()


def heap_growth(folder: Path, top: int = 25) -> None:
    """Print the allocation sites that grew most between the middle and the last snapshot."""
    import tracemalloc

    snapshots = sorted(folder.glob("heap-*.snapshot"))
    if len(snapshots) < 2:
        raise SystemExit(f"{folder}: fewer than two heap snapshots")
    middle, last = snapshots[len(snapshots) // 2], snapshots[-1]
    before = tracemalloc.Snapshot.load(str(middle))
    after = tracemalloc.Snapshot.load(str(last))
    print(f"traced heap {sum(s.size for s in before.statistics('filename')) / 1e6:.1f} MB "
          f"({middle.name}) -> {sum(s.size for s in after.statistics('filename')) / 1e6:.1f} MB "
          f"({last.name})")  # fmt: skip
    for stat in after.compare_to(before, "traceback")[:top]:
        print(f"{stat.size_diff / 1e6:+.2f} MB {stat.count_diff:+d} blocks")
        for line in stat.traceback.format()[-2 * HEAP_FRAMES :]:
            print("   ", line)


def main() -> int:
    """Parse arguments and run the soak."""
    if len(sys.argv) > 2 and sys.argv[1] == "--serve-traced":
        serve_traced(Path(sys.argv[2]), sys.argv[3:])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=DEFAULT_MINUTES)
    parser.add_argument("--readers", type=int, default=DEFAULT_READERS)
    parser.add_argument("--rss-growth", type=float, default=DEFAULT_RSS_GROWTH)
    parser.add_argument(
        "--rss-slope",
        type=float,
        default=DEFAULT_RSS_SLOPE,
        help="largest rise of the per-minute lowest RSS over the second half, MB a minute",
    )
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument(
        "--batch-pause", type=float, default=BATCH_PAUSE_SECONDS, help="seconds between batches"
    )
    parser.add_argument(
        "--no-warmup", action="store_true", help="start the readers on a cold server"
    )
    parser.add_argument(
        "--no-ingest",
        action="store_true",
        help="readers only, on the seeded store (--readers 0 runs the writer only), to tell "
        "memory that grows with the store from memory that grows with requests",
    )
    parser.add_argument(
        "--heap",
        type=Path,
        help="run the server under tracemalloc, dump a heap snapshot here every minute, "
        "and print what grew from the middle snapshot to the last (slows the server)",
    )
    parser.add_argument(
        "--keep-minutes",
        type=float,
        help="once a minute, prune the stories nothing was ingested into for this many "
        "minutes, so the store keeps a constant size",
    )
    parser.add_argument("--json", type=Path, help="write the per-minute rows and verdict here")
    parser.add_argument("--table", type=Path, help="write the per-minute Markdown table here")
    parser.add_argument(
        "--index-memory",
        action="store_true",
        help="report the memory the final store's story index and term frequencies take",
    )
    args = parser.parse_args()
    if args.keep_minutes is not None and args.keep_minutes <= 0:
        parser.error("--keep-minutes must be positive")
    status = run(
        args.minutes,
        args.readers,
        MemoryLimits(args.rss_growth, args.rss_slope),
        args.seed,
        args.batch_pause,
        not args.no_warmup,
        not args.no_ingest,
        args.heap,
        Outputs(args.keep_minutes, args.json, args.table, args.index_memory),
    )
    if args.heap is not None:
        heap_growth(args.heap)
    return status


if __name__ == "__main__":
    sys.exit(main())
