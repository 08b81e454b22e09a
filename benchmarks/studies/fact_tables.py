"""Study: print the fact table a reader of ``newsfuse brief`` sees, for reading by hand.

Issue 14 asks for "a table a reader understands": every subject a noun phrase of the
sources' words, rows ordered conflicts, revisions, agreements, single sources, agreeing
names in one "who and where" row, each claim with its text and source, agreement
counted over independent outlets. This prints the text rendering's fact table (the
same ``render.layout.build_fact_rows`` every format uses) for fifteen real Multi-News
dev clusters with figures, spread over the file (each cluster's documents read through
ingest + clean as ``newsfuse brief -`` does), the seeds and the bundled example, so
that the tables can be read as a newcomer reads them and their defects counted.

Usage:
    python benchmarks/studies/fact_tables.py [--sets mn seeds example] [--count 15]
        [--param NAME=VALUE ...]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from fact_params import add_param_option, parse_params  # noqa: E402
from newsfuse.model import Article  # noqa: E402
from newsfuse.pipeline import brief, read_report  # noqa: E402
from newsfuse.render.layout import build_fact_rows  # noqa: E402
from newsfuse.render.text import _render_facts  # noqa: E402
from shared_data import shared_path  # noqa: E402

# A cluster is taken when this many of its documents hold a figure written in digits.
DOCUMENTS_WITH_FIGURES = 2
_FIGURE = re.compile(r"\b\d[\d,.]*\b")


def multinews_clusters(count: int) -> list[tuple[str, list[Article]]]:
    """``count`` Multi-News dev clusters with figures in two documents or more, one from
    each of ``count`` equal stretches of the file (the first such line of each)."""
    lines = shared_path("data", "multinews-dev.jsonl").read_text(encoding="utf-8").splitlines()
    stretch = len(lines) / count
    chosen = []
    for part in range(count):
        for number in range(int(part * stretch), int((part + 1) * stretch)):
            documents = json.loads(lines[number])["documents"]
            with_figures = [d for d in documents if len(_FIGURE.findall(d)) >= 2]
            if len(with_figures) < DOCUMENTS_WITH_FIGURES:
                continue
            records = [{"id": f"d{i}", "text": text} for i, text in enumerate(documents)]
            articles = list(read_report(records).articles)
            if len(articles) >= 2:
                chosen.append((f"multinews line {number}", articles))
                break
    return chosen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=["mn", "seeds", "example"])
    parser.add_argument("--count", type=int, default=15, help="Multi-News clusters to read")
    add_param_option(parser)
    args = parser.parse_args()
    params = parse_params(args.param)
    clusters: list[tuple[str, list[Article]]] = []
    if "mn" in args.sets:
        clusters += multinews_clusters(args.count)
    if "seeds" in args.sets:
        clusters.append(("seeds", list(read_report([shared_path("seeds")]).articles)))
    if "example" in args.sets:
        example = ROOT / "examples" / "harbour-fire"
        clusters.append(("example harbour-fire", list(read_report([example]).articles)))
    for name, articles in clusters:
        result = brief(articles, fact_params=params)
        rows = build_fact_rows(result)
        print(f"=== {name}: {len(articles)} articles, {len(rows)} rows")
        for number, article in enumerate(result.sources, start=1):
            print(f"  [{number}] {article.label}")
        print(_render_facts(rows) if rows else "(no facts)")
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
