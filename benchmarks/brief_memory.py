"""How much memory one brief takes as its story grows: working set or leak?

The soak's server RSS peaks while it makes a brief. This measures that working set
apart from the server: for each size N it builds a fresh store holding one invented
event's N reports (the soak's own generator, so one story) plus a 3-report story,
then, in a fresh child process, briefs the small story first (the models load, the
caches fill), notes the RSS, briefs the large story and notes the peak RSS
(``ru_maxrss``). Their difference is what the brief of N articles needs on top of a
warm process; if it rises with N the way the soak's peak rises with its largest story,
the soak's peak growth is working set, not a leak.

Usage (from the repo root)::

    PYTHONPATH=src nice python benchmarks/brief_memory.py --sizes 30 60 120

Results are in ``docs/benchmarks-robustness.md``.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from soak import child_env, make_article, newsfuse_command

# The child: brief the small story, then the large one, and print both RSS figures (MB).
CHILD = """
import json, resource, sys, time
import psutil
from newsfuse import Corpus
with Corpus(sys.argv[1]) as corpus:
    stories = sorted(corpus.stories(limit=10), key=lambda s: s.article_count)
    small, large = stories[0], stories[-1]
    corpus.story(small.id)
    warm = psutil.Process().memory_info().rss / 1e6
    warm_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6
    started = time.process_time()
    view = corpus.story(large.id)
    cpu = time.process_time() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6
    after = psutil.Process().memory_info().rss / 1e6
print(json.dumps({"articles": large.article_count, "small": small.article_count,
                  "briefed": len(view.brief.sources),
                  "warm_mb": warm, "warm_peak_mb": warm_peak, "peak_mb": peak,
                  "after_mb": after, "brief_cpu_s": cpu}))
"""


def measure(size: int, seed: int) -> dict[str, float]:
    """Build the two-story store of ``size`` + 3 reports and brief it in a fresh process."""
    rng = random.Random(seed)
    # Event 0 is the large story; event 5 (another place and happening) the small one.
    articles = [make_article(rng, 0, serial) for serial in range(size)]
    articles += [make_article(rng, 5, size + serial) for serial in range(3)]
    with tempfile.TemporaryDirectory(prefix="newsfuse-brief-memory-") as temp:
        db, inputs = Path(temp) / "store.db", Path(temp) / "articles.jsonl"
        inputs.write_text("\n".join(json.dumps(a) for a in articles) + "\n", encoding="utf-8")
        subprocess.run(
            newsfuse_command("ingest", str(inputs), "--db", str(db), "--embedder", "hashing"),
            check=True,
            capture_output=True,
            env=child_env(),
        )
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(db)],
            check=True,
            capture_output=True,
            text=True,
            env=child_env(),
        )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    """Measure each size and print one table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[30, 60, 120])
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    print("| articles in the story | briefed (not near-duplicates) | warm RSS MB | peak RSS MB "
          "| brief's working set MB | RSS after MB | brief CPU s |")  # fmt: skip
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for size in args.sizes:
        row = measure(size, args.seed)
        print(
            f"| {row['articles']:.0f} | {row['briefed']:.0f} | {row['warm_mb']:.0f} "
            f"| {row['peak_mb']:.0f} "
            f"| {row['peak_mb'] - max(row['warm_mb'], row['warm_peak_mb']):.0f} "
            f"| {row['after_mb']:.0f} | {row['brief_cpu_s']:.1f} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
