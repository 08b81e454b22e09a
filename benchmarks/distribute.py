"""Briefing a whole store: one process, local processes, and a Dask cluster, in one run.

Every document of the first ``--clusters`` Multi-News dev clusters is ingested
(model-free hashing embedder: grouping is not what is measured) into a fresh
store; then ``refresh_briefs`` makes every story's brief from scratch with each
engine in turn (the cached briefs are deleted between engines). The table
shows wall time, stories per second and the speed-up over one process.

The caller loads the models before anything is timed; local worker processes
are forked from it and start warm. Dask workers are separate interpreters that
load the models on their first job, so the Dask engine runs twice: "cold"
includes that load, "warm" is the same workers again.

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

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "multinews-dev.jsonl"


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
        from newsfuse import api

        warm_up = [story["id"] for story in corpus.export_stories(db=db)][:1]
        for story_id in warm_up:
            api.brief(list(corpus.get_story(story_id, db=db, brief=False).brief.sources))
        rows = []
        try:
            for label, options in engines:
                with sqlite3.connect(db) as connection:
                    connection.execute("DELETE FROM briefs")
                started = time.perf_counter()
                report = refresh_briefs(db=db, facts=args.facts, **options)
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
