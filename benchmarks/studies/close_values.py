"""Study: ran on branch close9 (2026-12-05, base 90d9afd); what it showed is in
docs/benchmarks-facts.md (close9). Issue 14: whether how close two differing figures are tells one
attribute misreported from two attributes of one kind, for pairs that score just under
``FactParams.dispute_threshold``.

For every pair of claims from two articles of a cluster, of one kind and unit (not dates
or years), with differing figures, in different rows, whose alignment score (same-value
bonus excluded: the figures differ) lies in [``--low``, ``dispute_threshold``), prints the
score, |ln(larger / smaller)| and the label: LINK when a labelled conflict or revision
holds both figures, ``-`` otherwise (joining it would be a false conflict or a false
revision), ``?`` on unlabelled clusters (the real-news audit's).

Then fits a rule "add bonus B to pairs within ratio R" leave-one-set-out: on the other
labelled sets, the (R, B) that lifts the most LINK pairs to the bar while lifting no other
pair (precision first), and prints the held-out set's LINK pairs lifted and others lifted.
A pair-level count: what a row finally holds also depends on average linkage.

Usage:
    python benchmarks/studies/close_values.py DATA [DATA ...] [--unlabelled MULTINEWS]
"""

from __future__ import annotations

import argparse
import itertools
import math
import sys
from pathlib import Path
from typing import Any

import study_paths  # noqa: F401
from attribute_words import gold
from fact_errors import _load_evaluator, cluster_articles, evaluator_path, labelled_clusters
from odd_one_out import _capture, captured, cross_article_pairs

import newsfuse.facts.compare as compare_module
from newsfuse.embed import get_embedder
from newsfuse.facts import FactParams, compare_facts
from newsfuse.facts.verdict import values_agree

RATIOS = (1.05, 1.1, 1.2, 1.3, 1.5, 2.0)
BONUSES = (0.01, 0.02, 0.03, 0.04, 0.06, 0.08, 0.1)


def log_ratio(first: float, second: float) -> float | None:
    """|ln(larger / smaller)|, None for figures of differing sign or zero."""
    if first <= 0 or second <= 0:
        return None
    return abs(math.log(first / second))


def study_set(
    path: Path, evaluator: Any, embedder: Any, low: float, bar: float, labelled: bool
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for cluster in labelled_clusters(path):
        articles = cluster_articles(cluster)
        if len(articles) < 2:
            continue
        compare_facts(articles, embedder=embedder)
        mentions, groups, raw = captured["mentions"], captured["groups"], captured["raw"]
        group_of = {id(m): g for g in groups for m in g.mentions}
        expected = cluster.get("expect", [])
        for i, j in cross_article_pairs(mentions):
            first, second = mentions[i], mentions[j]
            if first.dimension.startswith(("date:", "year:")) or first.claim.kind == "date":
                continue
            score = float(raw[i, j])
            if not low <= score < bar:
                continue
            if id(first) not in group_of or id(second) not in group_of:
                continue
            if group_of[id(first)] is group_of[id(second)]:
                continue
            if values_agree(first.claim, second.claim):
                continue
            if isinstance(first.claim.value, str) or isinstance(second.claim.value, str):
                continue
            ratio = log_ratio(float(first.claim.value), float(second.claim.value))
            if ratio is None:
                continue
            if labelled:
                shared = gold(first, expected, evaluator) & gold(second, expected, evaluator)
                statuses = {expected[n]["status"] for n in shared}
                label = "LINK" if statuses & {"conflict", "revision"} else "-"
            else:
                label = "?"
            out.append(
                {
                    "set": path.stem,
                    "cluster": str(cluster.get("id", "")),
                    "label": label,
                    "score": score,
                    "ratio": ratio,
                    "a": first.claim.text,
                    "b": second.claim.text,
                }
            )
    return out


def lifted(rows: list[dict[str, Any]], ratio: float, bonus: float, bar: float) -> tuple[int, int]:
    """LINK pairs and other pairs the rule lifts to the bar."""
    hits = [r for r in rows if r["ratio"] <= math.log(ratio) and r["score"] + bonus >= bar]
    return sum(r["label"] == "LINK" for r in hits), sum(r["label"] != "LINK" for r in hits)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="+", type=Path)
    parser.add_argument("--unlabelled", type=Path, action="append", default=[])
    parser.add_argument("--evaluator", type=Path, help="default: as fact_errors.py finds it")
    parser.add_argument("--low", type=float, default=0.3)
    parser.add_argument("--quiet", action="store_true", help="no per-pair lines")
    args = parser.parse_args()
    evaluator = _load_evaluator(evaluator_path(args.data[0], args.evaluator))
    _capture()
    embedder = get_embedder(compare_module.DEFAULT_EMBEDDER)
    bar = FactParams().dispute_threshold
    table: list[dict[str, Any]] = []
    for path in args.data:
        table.extend(study_set(path, evaluator, embedder, args.low, bar, True))
    unlabelled: list[dict[str, Any]] = []
    for path in args.unlabelled:
        unlabelled.extend(study_set(path, evaluator, embedder, args.low, bar, False))
    if not args.quiet:
        for row in sorted(table + unlabelled, key=lambda r: (r["label"], r["ratio"])):
            print(
                f"{row['set'][-10:]:10} {row['cluster'][-4:]:4} {row['label']:4}"
                f" s{row['score']:.2f} lr{row['ratio']:.2f}  {row['a'][:40]!r} ~ {row['b'][:40]!r}"
            )
    names = sorted({row["set"] for row in table})
    print(f"\npairs scoring in [{args.low}, {bar}), by |ln ratio| (LINK / other):")
    edges = [0.0, *(math.log(r) for r in RATIOS), math.inf]
    for name in [*names, "unlabelled"]:
        rows = unlabelled if name == "unlabelled" else [r for r in table if r["set"] == name]
        cells = []
        for low_edge, high_edge in itertools.pairwise(edges):
            band = [r for r in rows if low_edge < r["ratio"] <= high_edge]
            cells.append(f"{sum(r['label'] == 'LINK' for r in band)}/{len(band)}")
        print(f"  {name:18} " + " ".join(f"{c:>7}" for c in cells))
    print("  bands: ≤" + " ≤".join(f"{r:g}" for r in RATIOS) + " >")
    print("\npooled over the labelled sets, pairs each rule lifts (LINK / other / unlabelled):")
    for ratio in RATIOS:
        cells = []
        for bonus in BONUSES:
            good, bad = lifted(table, ratio, bonus, bar)
            cells.append(f"{good}/{bad}/{lifted(unlabelled, ratio, bonus, bar)[1]}")
        print(f"  R={ratio:<5g} " + " ".join(f"{c:>10}" for c in cells))
    print("  columns: B=" + ", ".join(f"{b:g}" for b in BONUSES))
    print("\nleave-one-set-out (fit: most LINK lifted with no other lifted on the rest):")
    for held in names:
        rest = [r for r in table if r["set"] != held]
        test = [r for r in table if r["set"] == held]
        candidates = [(ratio, bonus) for ratio in RATIOS for bonus in BONUSES]

        def preference(rule: tuple[float, float], rest: list[dict[str, Any]] = rest) -> Any:
            good, bad = lifted(rest, *rule, bar)
            return (-bad, good, -rule[1], -rule[0])

        ratio, bonus = max(candidates, key=preference)
        good_fit, bad_fit = lifted(rest, ratio, bonus, bar)
        good, bad = lifted(test, ratio, bonus, bar)
        on_audit = lifted(unlabelled, ratio, bonus, bar)[1] if unlabelled else 0
        print(
            f"  held out {held:18} fit R={ratio:g} B={bonus:g} (rest: +{good_fit} LINK,"
            f" {bad_fit} other); held-out: +{good} LINK, {bad} other; audit pairs lifted {on_audit}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
