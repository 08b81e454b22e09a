"""Fetch passes over invented outlets on loopback servers: speed, CPU, memory, politeness.

Serves ``--feeds`` RSS feeds of ``--items`` invented items each (every third a
teaser whose page must be fetched) from ``--hosts`` loopback servers (feeds
spread round-robin), adds them as sources of a fresh store (``hashing``
embedder, host delay 0), and runs:

1. a first pass over everything (time to the first stories, articles per second
   through fetch + clean + group, peak resident memory);
2. a steady-state pass after ``--new`` more items appeared in every feed (CPU
   seconds of this process per new article);
3. a pass with nothing new.

Politeness is observed on the servers' side: the most requests ever in flight at
one host:port (must be 1), beside the fetcher's own count.

    python benchmarks/fetch_pass.py [--feeds 200] [--items 50] [--hosts 10] [--new 5]
"""

from __future__ import annotations

import argparse
import platform
import resource
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "tests"))

from feed_server import Body, FeedServer, start_server  # noqa: E402
from live_feeds import outlet_items, serve_outlet  # noqa: E402
from newsfuse.corpus import Corpus, PollingParams, Source  # noqa: E402
from newsfuse.fetching import Fetcher, FetchSettings  # noqa: E402

Route = Callable[[BaseHTTPRequestHandler], tuple[int, dict[str, str], Body]]


class InFlight:
    """Counts requests in flight at one server, and the most ever at once."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.now = 0
        self.peak = 0

    def wrap(self, route: Route) -> Route:
        def counted(handler: BaseHTTPRequestHandler) -> tuple[int, dict[str, str], Body]:
            with self._lock:
                self.now += 1
                self.peak = max(self.peak, self.now)
            try:
                return route(handler)
            finally:
                with self._lock:
                    self.now -= 1

        counted.counted = True  # type: ignore[attr-defined]
        return counted


def serve(servers: list[FeedServer], feeds: int, items: int) -> list[str]:
    """Serve every feed with ``items`` items (replacing what was there); their URLs."""
    urls = []
    for n in range(feeds):
        server = servers[n % len(servers)]
        serve_outlet(server, f"/live/f{n}.xml", f"Outlet {n}", outlet_items(n, items))
        urls.append(server.url(f"/live/f{n}.xml"))
    return urls


def count_requests(servers: list[FeedServer], counters: list[InFlight]) -> None:
    """Count the requests of every route not counted yet."""
    for server, counter in zip(servers, counters, strict=True):
        server.routes = {
            path: route if getattr(route, "counted", False) else counter.wrap(route)
            for path, route in server.routes.items()
        }


def main() -> None:
    """Run the three passes and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--hosts", type=int, default=10)
    parser.add_argument("--new", type=int, default=5, help="items added per feed before pass 2")
    parser.add_argument("--workers", type=int, default=4)
    options = parser.parse_args()
    servers = [start_server() for _ in range(options.hosts)]
    counters = [InFlight() for _ in servers]
    urls = serve(servers, options.feeds, options.items)
    count_requests(servers, counters)
    params = PollingParams(min_interval=0.0, max_interval=60.0, workers=options.workers)
    settings = FetchSettings(
        host_delay=0.0, allow_hosts=tuple(server.host_port for server in servers)
    )
    rows: list[tuple[str, ...]] = []
    with (
        tempfile.TemporaryDirectory() as folder,
        Fetcher(settings) as fetcher,
        Corpus(Path(folder) / "b.db", embedder="hashing") as corpus,
    ):
        corpus.save_sources([Source(url) for url in urls])
        first_story: list[float] = []
        wall, cpu = time.perf_counter(), time.process_time()

        def on_source(line: str) -> None:
            if not first_story and corpus.stories(limit=1):
                first_story.append(time.perf_counter() - wall)

        report = corpus.fetch(fetcher, params=params, on_source=on_source)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(report.summary_line())
        rows.append(
            (
                f"first ({report.new:,} new)",
                f"{wall:.1f} s",
                f"{cpu:.1f} s",
                f"{first_story[0]:.1f} s" if first_story else "-",
                f"{report.new / wall:.1f}",
                f"{cpu / max(report.new, 1) * 1000:.1f} ms",
                f"{peak:.0f} MB",
                str(report.peak_host_concurrency),
            )
        )
        serve(servers, options.feeds, options.items + options.new)
        count_requests(servers, counters)
        wall, cpu = time.perf_counter(), time.process_time()
        steady = corpus.fetch(fetcher, params=params, due_only=False)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(steady.summary_line())
        rows.append(
            (
                f"steady ({steady.new:,} new)",
                f"{wall:.1f} s",
                f"{cpu:.1f} s",
                "-",
                f"{steady.new / wall:.1f}",
                f"{cpu / max(steady.new, 1) * 1000:.1f} ms",
                f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB",
                str(steady.peak_host_concurrency),
            )
        )
        wall, cpu = time.perf_counter(), time.process_time()
        idle = corpus.fetch(fetcher, params=params, due_only=False)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(idle.summary_line())
        rows.append(("nothing new", f"{wall:.1f} s", f"{cpu:.1f} s", "-", "-", "-", "-", "-"))
        stories = len(corpus.stories(limit=100_000))
    for server in servers:
        server.stop()
    header = (
        "pass",
        "wall",
        "CPU",
        "first stories",
        "articles/s",
        "CPU per new article",
        "peak RSS",
        "peak per host (fetcher)",
    )
    print(
        f"\n{options.feeds} feeds x {options.items} items on {options.hosts} loopback "
        f"host(s), {options.workers} workers, {datetime.now(UTC):%Y-%m-%d}, "
        f"{platform.machine()} {platform.python_version()}; {stories:,} stories"
    )
    print("| " + " | ".join(header) + " |")
    print("|" + " --- |" * len(header))
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print(
        "most requests in flight at one host:port, seen by the servers: "
        f"{max(counter.peak for counter in counters)}"
    )


if __name__ == "__main__":
    main()
