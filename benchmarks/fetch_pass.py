"""One fetch pass over invented outlets on a loopback server: speed, CPU, memory, politeness.

Serves ``--feeds`` RSS feeds of ``--items`` invented items each (every third a
teaser whose page must be fetched) from the tests' loopback server, adds them
as sources of a fresh store (``hashing`` embedder, host delay 0), and runs one
:meth:`newsfuse.corpus.Corpus.fetch` pass, then a second one with nothing new.
Prints wall and CPU time, articles per second, peak resident memory and the
most requests ever in flight to one host (must be 1). All feeds share one
host:port, so the politeness bound serialises their requests.

    python benchmarks/fetch_pass.py [--feeds 20] [--items 50]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "tests"))

from feed_server import start_server  # noqa: E402
from live_feeds import outlet_items, serve_outlet  # noqa: E402
from newsfuse.corpus import Corpus, PollingParams, Source  # noqa: E402
from newsfuse.fetching import Fetcher, FetchSettings  # noqa: E402


def main() -> None:
    """Run the two passes and print one line for each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--items", type=int, default=50)
    options = parser.parse_args()
    server = start_server()
    for n in range(options.feeds):
        serve_outlet(server, f"/live/f{n}.xml", f"Outlet {n}", outlet_items(n, options.items))
    params = PollingParams(min_interval=0.0, max_interval=60.0)
    settings = FetchSettings(host_delay=0.0, allow_hosts=(server.host_port,))
    with (
        tempfile.TemporaryDirectory() as folder,
        Fetcher(settings) as fetcher,
        Corpus(Path(folder) / "b.db", embedder="hashing") as c,
    ):
        c.save_sources([Source(server.url(f"/live/f{n}.xml")) for n in range(options.feeds)])
        wall, cpu = time.perf_counter(), time.process_time()
        report = c.fetch(fetcher, params=params)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(report.summary_line())
        print(
            f"first pass: {wall:.1f} s wall, {cpu:.1f} s CPU, "
            f"{report.new / wall:.1f} articles/s, peak RSS {peak:.0f} MB, "
            f"peak requests per host {report.peak_host_concurrency}"
        )
        again = time.perf_counter()
        second = c.fetch(fetcher, params=params, due_only=False)
        print(f"second pass: {time.perf_counter() - again:.1f} s; {second.summary_line()}")
    server.stop()


if __name__ == "__main__":
    main()
