"""Cross-validation of the lead check's bars (``lead_names``, ``lead_cover_floor``).

The bars were chosen on the invented towns set (``data/event_boundaries.jsonl``). Here
its incidents are split into two folds (by incident, so that no report of a held-out
incident is seen while fitting). The rule only matters between incidents on the same
weekday (others are kept apart by day marks), so the folds are contiguous halves of the
incidents in weekday order: incidents that can be confused fall mostly in one fold, and
each fold has some (alternating folds put every confusable pair across them). Each
fold's bars are fitted on the other fold's reports alone (ingested without publication
times, the hard case; mean B-cubed F1 over the seeds; ties go to the mildest rule:
lowest floor, then most names), then scored on the held-out fold, beside the rule
switched off (``lead_miss_factor=1``). The last rows apply each fold's bars to the
crisis set, which played no part in fitting.

Usage: python benchmarks/clustering_lead_cv.py [--embedder NAME] [--seeds 13,1,2]
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from clustering import bcubed
from event_boundaries import DEFAULT_DATA, group_reports, load_reports

NAMES = (3, 4, 6)
FLOORS = (0.1, 0.15, 0.2, 0.25)
OFF = ("lead_miss_factor=1",)


def score(
    reports: Sequence[dict[str, str]], embedder: str, seeds: Sequence[int], settings: Sequence[str]
) -> tuple[float, float, float]:
    """Mean B-cubed P, R, F1 over ``seeds`` of the reports ingested without times."""
    totals = [0.0, 0.0, 0.0]
    gold = {r["id"]: r["event"] for r in reports}
    ids = sorted(gold)
    for seed in seeds:
        with tempfile.TemporaryDirectory() as workdir:
            placed, _ = group_reports(reports, embedder, False, seed, Path(workdir), settings)
        result = bcubed([placed[i][0] for i in ids], [gold[i] for i in ids])
        totals = [t + v for t, v in zip(totals, result, strict=True)]
    mean = [t / len(seeds) for t in totals]
    return mean[0], mean[1], mean[2]


def bars(names: int, floor: float) -> tuple[str, ...]:
    """The ``--set`` items of one cell of the grid."""
    return (f"lead_names={names}", f"lead_cover_floor={floor}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--embedder", default="minilm")
    parser.add_argument("--seeds", default="13,1,2")
    args = parser.parse_args()
    seeds = [int(s) for s in args.seeds.split(",")]

    towns = load_reports(DEFAULT_DATA[0])
    crisis = load_reports(DEFAULT_DATA[1])
    first_report: dict[str, str] = {}
    for report in towns:
        first_report[report["event"]] = min(
            report["published"], first_report.get(report["event"], report["published"])
        )
    incidents = sorted(
        first_report, key=lambda e: (datetime.fromisoformat(first_report[e]).weekday(), e)
    )
    half = len(incidents) // 2
    folds = [set(incidents[:half]), set(incidents[half:])]
    print(f"towns set, 2 folds by incident; embedder {args.embedder}; seeds {seeds}; no times")
    for number, fold in enumerate(folds, start=1):
        print(f"fold {number}: {', '.join(sorted(fold))}")
    cells = list(itertools.product(NAMES, FLOORS))
    parts = [[r for r in towns if r["event"] in fold] for fold in folds]
    grid = {
        cell: [score(part, args.embedder, seeds, bars(*cell))[2] for part in (*parts, towns)]
        for cell in cells
    }
    off = [score(part, args.embedder, seeds, OFF)[2] for part in (*parts, towns)]
    print("\n| lead_names | lead_cover_floor | F1 fold 1 | F1 fold 2 | F1 whole set |")
    print("|---|---|---|---|---|")
    print(f"| off | - | {off[0]:.3f} | {off[1]:.3f} | {off[2]:.3f} |")
    for cell, (first, second, whole) in grid.items():
        print(f"| {cell[0]} | {cell[1]} | {first:.3f} | {second:.3f} | {whole:.3f} |")
    print("\n| held out | bars fitted on the other fold | held-out F1 off | held-out F1 fitted |")
    print("|---|---|---|---|")
    fitted_cells = []
    for held, train in ((0, 1), (1, 0)):
        # Ties go to the mildest rule: the lowest floor, then the most names.
        best = min(cells, key=lambda cell: (-grid[cell][train], cell[1], -cell[0]))
        fitted_cells.append(best)
        print(
            f"| fold {held + 1} | names {best[0]}, floor {best[1]} "
            f"| {off[held]:.3f} | {grid[best][held]:.3f} |"
        )
    off = score(crisis, args.embedder, seeds, OFF)
    print(f"\ncrisis set (transfer), rule off: P {off[0]:.3f} R {off[1]:.3f} F1 {off[2]:.3f}")
    for cell in sorted(set(fitted_cells)):
        p, r, f = score(crisis, args.embedder, seeds, bars(*cell))
        print(f"crisis set, names {cell[0]}, floor {cell[1]}: P {p:.3f} R {r:.3f} F1 {f:.3f}")


if __name__ == "__main__":
    main()
