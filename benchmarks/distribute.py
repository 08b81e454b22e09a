"""Briefing a whole store: one process, local processes, and a Dask cluster, in one run.

Every document of the first ``--clusters`` Multi-News dev clusters is ingested
(model-free hashing embedder: grouping is not what is measured) into a fresh
store; then ``refresh_briefs`` makes every story's brief from scratch with each
engine in turn (the cached briefs are deleted between engines). The table
shows wall time, stories per second and the speed-up over one process.

The caller briefs every story once, untimed, before anything is timed (models
loaded and warm); local worker processes are forked from it and start as warm.
Every run starts with empty in-memory caches (sentence splits and embedding
vectors), in the workers too.
Dask workers are separate interpreters that load the models on their first
job, so the Dask engine runs twice: "cold" includes that load, "warm" is the
same workers again.

Usage: python benchmarks/distribute.py [DATA] [--clusters 40] [--workers 2]
       [--no-dask] [--facts]
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
from shared_data import shared_path  # noqa: E402

DEFAULT_DATA = shared_path("data", "multinews-dev.jsonl")


def load_records(path: Path, clusters: int) -> list[dict[str, str]]:
    """Article records (id, text) for every document of the first ``clusters`` clusters."""
    records = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number >= clusters:
                break
            for position, document in enumerate(json.loads(line)["documents"]):
                if document.strip():
                    records.append({"id": f"c{number}-d{position}", "text": document})
    return records


def forget_caches() -> None:
    """Drop the in-process memos (sentence splits, embedding vectors) of earlier runs.

    Without this, forked workers and reused Dask workers would find the vectors of
    the previous engine's run in memory and skip most of the work being timed.
    """
    from newsfuse import segment
    from newsfuse.embed import get_embedder

    segment._split_text.cache_clear()
    memo = getattr(get_embedder(), "_memo", None)
    if memo is not None:
        memo.clear()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--clusters", type=int, default=40)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-dask", action="store_true", help="Skip the Dask engine.")
    parser.add_argument("--facts", action="store_true", help="Include the fact comparison.")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        parser.error(f"{args.data}: no such file (pass the Multi-News JSON Lines path)")

    from newsfuse import corpus
    from newsfuse.distribute import refresh_briefs

    engines: list[tuple[str, dict[str, object]]] = [
        ("1 process (the caller)", {"workers": 1}),
        (f"{args.workers} local processes", {"workers": args.workers}),
    ]
    with tempfile.TemporaryDirectory() as scratch:
        db = Path(scratch) / "bench.db"
        corpus.ingest(load_records(args.data, args.clusters), db=db, embedder="hashing")
        cluster = None
        if not args.no_dask:
            from distributed import LocalCluster

            # Worker processes are new interpreters: let them import newsfuse from here.
            os.environ["PYTHONPATH"] = os.pathsep.join(
                [str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]
            )

            cluster = LocalCluster(
                n_workers=args.workers,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
            )
            for state in ("cold", "warm"):
                engines.append(
                    (
                        f"Dask, {args.workers} workers ({state})",
                        {"scheduler": cluster.scheduler_address},
                    )
                )
        # One untimed pass in the caller: models loaded and their lazy state (spaCy's
        # vocabulary, compiled patterns) warm before any engine is timed, so forked
        # workers do not start warmer than the caller did.
        refresh_briefs(db, facts=args.facts, workers=1)
        rows = []
        try:
            for label, options in engines:
                with sqlite3.connect(db) as connection:
                    connection.execute("DELETE FROM briefs")
                forget_caches()
                if cluster is not None and "scheduler" in options:
                    from distributed import Client

                    with Client(cluster.scheduler_address) as client:
                        client.run(forget_caches)
                started = time.perf_counter()
                report = refresh_briefs(db, facts=args.facts, **options)
                seconds = time.perf_counter() - started
                rows.append((label, report.made, len(report.failed), seconds))
        finally:
            if cluster is not None:
                cluster.close()

    base = rows[0][3]
    print(f"{args.clusters} clusters, facts {'on' if args.facts else 'off'}")
    print("| engine | briefs | failed | seconds | briefs/s | speed-up |")
    print("|---|---|---|---|---|---|")
    for label, made, failed, seconds in rows:
        print(
            f"| {label} | {made} | {failed} | {seconds:.1f} | {made / seconds:.2f} "
            f"| {base / seconds:.2f}× |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
