"""Follow-up splits: same-event report pairs joined with publication times, apart without.

For each DATA file (an event set or a fact-benchmark cluster file) every report is
ingested twice in one seeded order, as ``benchmarks/event_boundaries.py`` does: with its
publication time and without. Printed: each same-event pair that shares a story in the
dated run and not in the undated one, with the day marks each lead gives (weekdays,
dates) and the first 20 words of each lead, so the signal that splits it can be read.

Usage: python benchmarks/studies/followup_splits.py DATA [...] [--seed N] [--untitled]
[--set NAME=VALUE ...]
"""

from __future__ import annotations

import argparse
import itertools
import tempfile
from pathlib import Path

import study_paths  # noqa: F401

from event_boundaries import group_reports, load_reports
from newsfuse.group.features import extract_day_marks
from newsfuse.model import Article


def _lead(report: dict[str, str], words: int = 20) -> str:
    return " ".join((report["title"] + " | " + report["text"]).split()[:words])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="+", type=Path)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--untitled", action="store_true")
    parser.add_argument("--set", nargs="*", default=[], metavar="NAME=VALUE")
    args = parser.parse_args()
    for path in args.data:
        reports = load_reports(path)
        if args.untitled:
            reports = [{**r, "title": ""} for r in reports]
        by_id = {r["id"]: r for r in reports}
        runs = []
        for dated in (True, False):
            with tempfile.TemporaryDirectory() as workdir:
                placed, _ = group_reports(
                    reports, "minilm", dated, args.seed, Path(workdir), args.set
                )
            runs.append(placed)
        split = [
            (a, b)
            for a, b in itertools.combinations(sorted(by_id), 2)
            if by_id[a]["event"] == by_id[b]["event"]
            and runs[0][a][0] == runs[0][b][0]
            and runs[1][a][0] != runs[1][b][0]
        ]
        print(
            f"\n## {path.name}{' (untitled)' if args.untitled else ''}, seed {args.seed}: "
            f"{len(split)} pairs joined dated, split undated"
        )
        for a, b in split:
            print(f"- {by_id[a]['event']}: {a} / {b}")
            for i in (a, b):
                article = Article(id=i, title=by_id[i]["title"], text=by_id[i]["text"], source="")
                print(f"    {i}: marks {extract_day_marks(article)} :: {_lead(by_id[i])}")


if __name__ == "__main__":
    main()
