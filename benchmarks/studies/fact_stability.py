"""Study: do a cluster's fact rows stay put when claims unrelated to them come and go?

Issue 14 (trustworthy output): a row's grouping should not hang on claims it does not
hold. This runs the fact tables of ``fact_tables.py``'s Multi-News clusters twice, with
the given parameters and with every "no fact" switch off (phone numbers, numbers in
names, addresses, emergency numbers, page furniture, guessed time offsets), so that
claims the first run drops come back, and lists the rows of the first run that the
second no longer shows. A row counts as kept when a row of the second run has its
subject and holds its values source by source (a returning claim may join it, as the
cannot-link constraint lets a same-dimension claim displace another); a row lost
otherwise is a grouping moved by claims it does not hold (or by a displacement).

Usage:
    python benchmarks/studies/fact_stability.py [--count 122] [--param NAME=VALUE ...]
"""

from __future__ import annotations

import argparse
import dataclasses

import study_paths  # noqa: F401  (puts benchmarks/ and src/ on sys.path)
from fact_tables import multinews_clusters

from fact_params import add_param_option, parse_params
from newsfuse.pipeline import brief
from newsfuse.render.layout import ABSENT_CELL, FactRow, build_fact_rows

# The switches that drop claims as no facts: off, those claims come back.
NO_FACT_SWITCHES = (
    "phone_numbers_are_no_facts",
    "numbers_in_names_are_no_facts",
    "addresses_are_no_facts",
    "emergency_numbers_are_no_facts",
    "page_furniture_is_no_fact",
    "time_offsets_are_no_facts",
)

Row = tuple[str, tuple[frozenset[str], ...]]


def row_values(row: FactRow) -> Row:
    """A row's subject and, per source, the set of values its cell shows."""
    cells = tuple(
        frozenset() if cell == ABSENT_CELL else frozenset(v.strip() for v in cell.split(" / "))
        for cell in row.cells
    )
    return row.subject, cells


def lost_rows(before: list[Row], after: list[Row]) -> list[Row]:
    """The rows of ``before`` that no row of ``after`` keeps: same subject, and every
    source's values among that row's values for the source."""
    return [
        (subject, cells)
        for subject, cells in before
        if not any(
            subject == other_subject
            and all(mine <= theirs for mine, theirs in zip(cells, other_cells, strict=True))
            for other_subject, other_cells in after
        )
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=122, help="Multi-News clusters to read")
    add_param_option(parser)
    args = parser.parse_args()
    params = parse_params(args.param)
    returned = dataclasses.replace(params, **dict.fromkeys(NO_FACT_SWITCHES, False))
    clusters = multinews_clusters(args.count)
    changed = 0
    for name, articles in clusters:
        rows = [[row_values(r) for r in build_fact_rows(brief(articles, fact_params=p))]
                for p in (params, returned)]  # fmt: skip
        lost = lost_rows(rows[0], rows[1])
        if lost:
            changed += 1
            print(f"{name}: {len(lost)} of {len(rows[0])} rows moved")
            for subject, cells in lost:
                shown = " | ".join(", ".join(sorted(cell)) or "-" for cell in cells)
                print(f"    {subject}: {shown}")
    print(f"clusters with a moved row: {changed} of {len(clusters)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
