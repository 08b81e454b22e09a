"""Event boundaries: does grouping keep apart different incidents in one place?

Two invented sets, each scored on its own. ``benchmarks/data/event_boundaries.jsonl``:
reports of eight incidents in two fictional towns over a month (two fires, two
floods, two council votes, a farm fire and a bus crash), with the same mayor, fire
chief and streets recurring across incidents. ``event_boundaries_crisis.jsonl``:
eight successive events of one fictional country's political crisis over three
weeks (a march, a curfew, a resignation, deadly clashes, a confidence vote, talks,
a strike, an election call), three outlets each, with the same president,
opposition leader and capital in every report and a shared background paragraph in
many, as real coverage of a crisis has. Each incident is one true story. Every
report is ingested, in a seeded random order, into a fresh store through the
real pipeline, once with its publication time and once without (the hidden real
event sets carry none), for each embedder.

Reported per embedder and mode: B-cubed precision/recall/F1 (Bagga & Baldwin
1998), pairwise precision (of the report pairs put in one story, the share that
are one incident), the number of stories, and how many pairs of different
incidents share a storyline (a link, not a merge: allowed).

With ``--pool`` the reports of every DATA file go into one store and are scored as one
set (events of many topics side by side, as in the hidden real set).

With ``--untitled`` every report is ingested without its title (the hidden real event
sets may carry none, as Multi-News documents do not).

With ``--background PATH`` (a Multi-News JSON Lines file) every document of that file is
ingested first, undated and in a seeded order, into the same store, and the reports
after it; only the reports are scored. A real store holds other news, and its
document frequencies decide what is rare: a town's names are common among its own
reports but rare in a mixed store, which is where a signal read from corpus
statistics shows what it costs.

DATA may also be a cluster file of the fact benchmark (``../shared/bench/facts-dev.jsonl``,
``facts-dev2.jsonl``, ``facts-real-dev.jsonl``): each cluster is one event, and an
article without a publication time is ingested undated in both modes.

Usage: python benchmarks/event_boundaries.py [DATA ...] [--embedders hashing,minilm,...]
[--seed N] [--set NAME=VALUE ...] [--background MULTINEWS] [--pool] [--untitled]
(``--set`` replaces
GroupingParams fields, as in ``studies/clustering_sensitivity.py``)
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent / "studies"))

from clustering_sensitivity import replace_field  # noqa: E402

from clustering import bcubed  # noqa: E402
from newsfuse.group.params import GroupingParams  # noqa: E402

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_DATA = [DATA_DIR / "event_boundaries.jsonl", DATA_DIR / "event_boundaries_crisis.jsonl"]
DEFAULT_EMBEDDERS = "hashing,minilm,minilm-static,mpnet"


def load_reports(path: Path) -> list[dict[str, str]]:
    """The fixture's reports: id, event, source, published, title, text.

    A cluster file of the fact benchmark (``../shared/bench/facts-*.jsonl``: one event
    per line, its reports under ``articles``) is read as reports of its clusters, so the
    event sets can be checked on sets nothing here was fitted on.
    """
    lines = path.read_text(encoding="utf-8").splitlines()
    reports = []
    for row in (json.loads(line) for line in lines if line.strip()):
        if "articles" not in row:
            reports.append(row)
            continue
        for article in row["articles"]:
            reports.append(
                {
                    "id": f"{row['id']}/{article['id']}",
                    "event": row["id"],
                    "source": article.get("source") or "unknown",
                    "published": article.get("published") or "",
                    "title": article.get("title") or "",
                    "text": article["text"],
                }
            )
    return reports


def pairwise_precision(predicted: Sequence[str], gold: Sequence[str]) -> float:
    """Of the pairs put in one predicted cluster, the share that share a true cluster."""
    together = [
        (i, j)
        for i, j in itertools.combinations(range(len(predicted)), 2)
        if predicted[i] == predicted[j]
    ]
    if not together:
        return 1.0
    return sum(gold[i] == gold[j] for i, j in together) / len(together)


def group_reports(
    reports: Sequence[dict[str, str]],
    embedder: str,
    dated: bool,
    seed: int,
    workdir: Path,
    settings: Sequence[str] = (),
    background: Sequence[dict[str, str]] = (),
) -> tuple[dict[str, tuple[str, str]], float]:
    """Ingest the reports in a seeded order; return id -> (story, storyline) and seconds.

    ``settings`` (``NAME=VALUE``) replace fields of the embedder's grouping params;
    ``background`` records are ingested first, in a seeded order, into the same store
    (the seconds count the reports only).
    """
    from newsfuse import corpus, pipeline

    order = list(reports)
    random.Random(seed).shuffle(order)
    records = [
        {
            "id": r["id"],
            "title": r["title"],
            "text": r["text"],
            "source": r["source"],
            **({"published": r["published"]} if dated and r["published"] else {}),
        }
        for r in order
    ]
    db = workdir / f"events-{embedder}-{int(dated)}-{seed}.db"
    grouping = GroupingParams.for_embedder(embedder)
    for item in settings:
        grouping = replace_field(grouping, *item.split("=", 1))
    if background:
        others = list(background)
        random.Random(seed).shuffle(others)
        read = pipeline.read_report(others)
        corpus.ingest_articles(
            read.articles, db=db, skipped=read.skipped, embedder=embedder, grouping=grouping
        )
    started = time.perf_counter()
    report = pipeline.read_report(records)
    corpus.ingest_articles(
        report.articles, db=db, skipped=report.skipped, embedder=embedder, grouping=grouping
    )
    seconds = time.perf_counter() - started
    with sqlite3.connect(db) as connection:
        rows = connection.execute(
            "SELECT a.source_id, a.story_id, s.storyline_id FROM articles a "
            "JOIN stories s ON s.id = a.story_id"
        ).fetchall()
    placement = {}
    by_source_id = {r["id"]: r["id"] for r in reports}
    for source_id, story, storyline in rows:
        placement[by_source_id.get(source_id, source_id)] = (story, storyline)
    return placement, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="*", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--embedders", default=DEFAULT_EMBEDDERS)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--set", nargs="*", default=[], metavar="NAME=VALUE")
    parser.add_argument(
        "--background",
        type=Path,
        help="a Multi-News JSON Lines file whose documents are ingested first (a mixed store)",
    )
    parser.add_argument(
        "--pool", action="store_true", help="ingest and score every DATA file as one set"
    )
    parser.add_argument(
        "--untitled", action="store_true", help="ingest every report without its title"
    )
    args = parser.parse_args()

    from newsfuse.embed.mpnet import is_mpnet_installed

    background = []
    if args.background:
        from clustering import load_documents

        background = [{"id": d, "text": t} for d, _, t in load_documents(args.background)]
    sets = [(path.name, load_reports(path)) for path in args.data]
    if args.untitled:
        sets = [(f"{name} (untitled)", [{**r, "title": ""} for r in rs]) for name, rs in sets]
    if args.pool:
        pooled = [
            {**r, "id": f"{name}:{r['id']}", "event": f"{name}:{r['event']}"}
            for name, reports in sets
            for r in reports
        ]
        sets = [("pooled " + " + ".join(name for name, _ in sets), pooled)]
    for name, reports in sets:
        score_file(
            name,
            reports,
            args.embedders.split(","),
            args.seed,
            is_mpnet_installed(),
            args.set,
            background,
        )


def score_file(
    name: str,
    reports: Sequence[dict[str, str]],
    embedders: Sequence[str],
    seed: int,
    mpnet_installed: bool,
    settings: Sequence[str] = (),
    background: Sequence[dict[str, str]] = (),
) -> None:
    """Print the table of one set of reports: each embedder, with and without times."""
    gold = {r["id"]: r["event"] for r in reports}
    ids = sorted(gold)
    print(
        f"\n{name}: {len(reports)} reports, {len(set(gold.values()))} incidents; seed {seed}"
        + (f"; set {' '.join(settings)}" if settings else "")
        + (f"; after {len(background)} background documents" if background else "")
    )
    print("| embedder | dates | stories | B3 P | B3 R | B3 F1 | pair P | linked pairs | s |")
    print("|---|---|---|---|---|---|---|---|---|")
    for embedder in embedders:
        if embedder == "mpnet" and not mpnet_installed:
            print(f"| {embedder} | - | not installed (newsfuse models install mpnet) |||||||")
            continue
        for dated in (True, False):
            with tempfile.TemporaryDirectory() as workdir:
                placed, seconds = group_reports(
                    reports, embedder, dated, seed, Path(workdir), settings, background
                )
            missing = [i for i in ids if i not in placed]
            if missing:
                raise SystemExit(f"{name}: reports not stored: {missing}")
            stories = [placed[i][0] for i in ids]
            truth = [gold[i] for i in ids]
            p, r, f = bcubed(stories, truth)
            pair_p = pairwise_precision(stories, truth)
            linked = sum(
                1
                for a, b in itertools.combinations(ids, 2)
                if gold[a] != gold[b]
                and placed[a][1] == placed[b][1]
                and placed[a][0] != placed[b][0]
            )
            print(
                f"| {embedder} | {'published' if dated else 'none'} | {len(set(stories))} "
                f"| {p:.3f} | {r:.3f} | {f:.3f} | {pair_p:.3f} | {linked} | {seconds:.1f} |"
            )


if __name__ == "__main__":
    main()
