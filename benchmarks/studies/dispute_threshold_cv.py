"""Study: ran on branch realrecall3 (2026-12-04); its result is recorded in
docs/benchmarks-facts.md. Whether ``FactParams.dispute_threshold`` (the bar a dispute's
alignment must reach) is better fitted than set by hand: leave-one-set-out over the
labelled fact sets.

For every set and every threshold of a grid, runs ``benchmarks/facts.py SET --clean
--param dispute_threshold=T`` and reads the evaluator's conflict counts (matched /
expected, precision hits / predicted). Then, for each set held out, picks the threshold
on the other sets, precision first: the highest precision of the worse of them, then
their pooled conflict recall, then the threshold nearest the shipped one; and prints the
held-out set's conflict P / R at that threshold beside the shipped threshold's.

Usage: python benchmarks/studies/dispute_threshold_cv.py [--grid 0.48,0.52,0.56,0.60]
           [SET.jsonl ...]   (default: facts-dev, facts-dev2 and facts-real-dev)
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from study_paths import BENCHMARKS

from newsfuse.facts import FactParams
from shared_data import shared_path

# matched, expected, precision hits, predicted conflicts
Counts = tuple[int, int, int, int]
COUNTS = re.compile(r"conflict:\s+matched=(\d+)/(\d+) precision_hits=(\d+)/(\d+)")


def read_counts(report: str) -> Counts:
    """The evaluator's conflict counts from the table ``benchmarks/facts.py`` prints."""
    found = COUNTS.search(report)
    if found is None:
        raise ValueError("no conflict counts in the evaluator's report")
    matched, expected, hits, predicted = (int(group) for group in found.groups())
    return matched, expected, hits, predicted


def precision(counts: Counts) -> float:
    """Conflict precision; 1 when nothing was predicted (no false conflict)."""
    return counts[2] / counts[3] if counts[3] else 1.0


def recall(counts: Counts) -> float:
    return counts[0] / counts[1] if counts[1] else 1.0


def fit_threshold(
    table: Mapping[tuple[str, float], Counts], sets: Sequence[str], shipped: float
) -> float:
    """The threshold the given sets prefer: highest precision of the worse set, then
    pooled conflict recall, then nearest ``shipped``."""
    if not sets:
        raise ValueError("no set to fit the threshold on")
    thresholds = sorted({threshold for _, threshold in table})

    def preference(threshold: float) -> tuple[float, float, float]:
        counts = [table[(name, threshold)] for name in sets]
        pooled = sum(c[0] for c in counts) / max(1, sum(c[1] for c in counts))
        return (round(min(precision(c) for c in counts), 6), pooled, -abs(threshold - shipped))

    return max(thresholds, key=preference)


def run(data: Path, threshold: float) -> Counts:
    command = [
        sys.executable,
        str(BENCHMARKS / "facts.py"),
        str(data),
        "--clean",
        "--param",
        f"dispute_threshold={threshold}",
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return read_counts(result.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("data", nargs="*")
    parser.add_argument("--grid", default="0.44,0.48,0.50,0.52,0.54,0.56,0.58,0.60")
    args = parser.parse_args()
    paths = [Path(p) for p in args.data] or [
        shared_path("bench", f"facts-{name}.jsonl") for name in ("dev", "dev2", "real-dev")
    ]
    grid = [float(value) for value in args.grid.split(",")]
    shipped = FactParams().dispute_threshold
    table: dict[tuple[str, float], Counts] = {}
    for path in paths:
        for threshold in grid:
            table[(path.stem, threshold)] = counts = run(path, threshold)
            print(f"{path.stem} {threshold:.2f} conflict P/R "
                  f"{precision(counts):.2f}/{recall(counts):.2f}", flush=True)  # fmt: skip
    names = [path.stem for path in paths]
    if len(names) < 2:
        return 0  # nothing to fit on with one set held out
    for held in names:
        rest = [name for name in names if name != held]
        chosen = fit_threshold(table, rest, shipped)
        at_chosen, at_shipped = table[(held, chosen)], table.get((held, shipped))
        shipped_text = (
            f"{precision(at_shipped):.2f}/{recall(at_shipped):.2f}" if at_shipped else "-"
        )
        print(f"held out {held}: fitted on {'+'.join(rest)} -> {chosen:.2f}; held-out P/R "
              f"{precision(at_chosen):.2f}/{recall(at_chosen):.2f}; shipped {shipped:.2f}: "
              f"{shipped_text}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
