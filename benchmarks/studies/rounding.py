"""Study: ran on branch rounding10 (2026-12-05, base 9acdc47); what it showed is in
docs/benchmarks-facts.md (rounding10). Issue 14: a rounded or hedged figure ("nearly two
cents", "about 70") read as a conflict with the exact figure it rounds (1.75, 67).

For every predicted conflict row (from ``benchmarks/facts.py --predictions``) and every
labelled conflict item of each labelled set, and every predicted conflict of the real-news
audit (judged in ``benchmarks/data/real_conflict_audit.json``), asks whether each candidate
definition would clear it: every pair of its claims with differing figures is a rounding.
Counts per set, for each candidate, the false conflicts it clears (gain) and the labelled
conflicts it clears (loss: labelled items, and predicted rows matching one). Candidates:

- ``a``: the coarser figure is whole, the finer has decimals and rounds to it;
- ``a+k``: ``a``, and within k (relative);
- ``b+k``: the coarser figure is hedged ("about", "nearly", "more than", ...) and the finer
  lies within its reading: on the side the hedge allows, within k, and for "about" within
  half the coarser's last written digit;
- ``ab+k``: ``a+k`` or ``b+k``;
- ``n+k``, ``an+k``: as ``b+k``, ``ab+k``, with near hedges only ("about", "nearly",
  "just over"): open bounds ("more than", "up to") have their own rule already;
- ``a<``: as ``a`` but strictly nearer the coarser figure than the next step (a figure
  half-way, "4.5" beside "5", rounds either way); ``a<n+k``: ``a<`` or ``n+k``;
- ``c+k``: within k, nothing else.

Then chooses a candidate leave-one-set-out: on the other sets, the one with the most
gain minus loss (ties: less loss, then the smaller k), scored on the set left out.

Usage:
    python benchmarks/studies/rounding.py LABEL=DATA:PREDICTIONS ... [--audit]
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from fact_errors import (
    _load_evaluator,
    audit_clusters,
    cluster_articles,
    evaluator_path,
    labelled_clusters,
    read_predictions,
)
from study_paths import ROOT

from newsfuse.facts.numbers import NUMBER_WORDS_RE
from newsfuse.facts.qualifiers import qualifier_before
from newsfuse.facts.rounding import written_figure

REACHES = (0.03, 0.04, 0.05, 0.06, 0.08, 0.10, 0.125, 0.15, 0.20)
# A figure and one within this (relative) agree already (FactParams.relative_tolerance),
# unless both are small whole numbers (FactParams.exact_below), which must be equal.
AGREE_WITHIN, EXACT_BELOW = 0.03, 100
# The side of the stated figure on which each bound puts the true one (0: either).
SIDES = {"about": 0, "just under": -1, "at most": -1, "just over": 1, "at least": 1}
# The hedges that put a figure near the stated one, not only on one side of it ("nearly",
# "about"); open bounds ("more than", "up to") have their own rule (facts.qualifiers).
NEAR_HEDGES = frozenset({"about", "just under", "just over"})

Figure = dict[str, Any]  # value, unit, text, bound
Pair = tuple[Figure, Figure]


def relative_gap(first: float, second: float) -> float:
    """How far apart two figures are, relative to the larger (0 for two zeros)."""
    largest = max(abs(first), abs(second))
    return 0.0 if largest == 0 else math.fabs(first - second) / largest


def differ(one: Figure, other: Figure) -> bool:
    """Whether two figures of one unit differ beyond plain agreement."""
    a, b = one["value"], other["value"]
    if isinstance(a, str) or isinstance(b, str):
        return str(a) != str(b)
    if a == b:
        return False
    small = any(float(v).is_integer() and abs(v) < EXACT_BELOW for v in (a, b))
    return small or relative_gap(a, b) > AGREE_WITHIN


def step_of(figure: Figure) -> tuple[float, bool] | None:
    """The step of the figure's last written digit in value units, and whether it has
    decimals (see newsfuse.facts.rounding.written_figure)."""
    written = written_figure(figure["text"])
    if isinstance(figure["value"], str) or written is None or written[0] == 0:
        return None
    number, step, decimals = written
    return step * abs(figure["value"] / number), decimals


def whole_rounds(fine: Figure, coarse: Figure, reach: float | None, strict: bool = False) -> bool:
    """Candidate a: ``coarse`` written whole, ``fine`` with decimals and rounding to it
    (with ``strict``, candidate a<: nearer to it than to the next step, so that a figure
    half-way between two steps, which rounds either way, rounds to neither)."""
    one, other = step_of(fine), step_of(coarse)
    if one is None or other is None or not one[1] or other[1] or other[0] <= one[0]:
        return False
    gap = abs(fine["value"] - coarse["value"])
    if reach is not None and gap > reach * abs(coarse["value"]):
        return False
    half = other[0] / 2
    return gap < half * (1 - 1e-9) if strict else gap <= half * (1 + 1e-9)


def hedge_reads(fine: Figure, coarse: Figure, reach: float, near_only: bool = False) -> bool:
    """Candidate b: ``coarse`` hedged and ``fine`` within the hedge's reading (with
    ``near_only``, candidate n: only a hedge of :data:`NEAR_HEDGES`)."""
    side = SIDES.get(coarse["bound"])
    if near_only and coarse["bound"] not in NEAR_HEDGES:
        return False
    if side is None or isinstance(fine["value"], str):
        return False
    gap = fine["value"] - coarse["value"]
    if side * gap < 0 or abs(gap) > reach * abs(coarse["value"]):
        return False
    if coarse["bound"] == "about":
        step = step_of(coarse)
        return step is not None and abs(gap) <= step[0] / 2 * (1 + 1e-9)
    return True


def candidates() -> dict[str, Callable[[Figure, Figure], bool]]:
    """Each candidate definition by name, as a test of one ordered (fine, coarse) pair."""
    found: dict[str, Callable[[Figure, Figure], bool]] = {
        "a": lambda f, c: whole_rounds(f, c, None),
        "a<": lambda f, c: whole_rounds(f, c, None, strict=True),
    }
    for k in REACHES:
        found[f"a+{k:g}"] = lambda f, c, k=k: whole_rounds(f, c, k)
        found[f"b+{k:g}"] = lambda f, c, k=k: hedge_reads(f, c, k)
        found[f"ab+{k:g}"] = lambda f, c, k=k: whole_rounds(f, c, k) or hedge_reads(f, c, k)
        found[f"n+{k:g}"] = lambda f, c, k=k: hedge_reads(f, c, k, near_only=True)
        found[f"an+{k:g}"] = lambda f, c, k=k: (
            whole_rounds(f, c, k) or hedge_reads(f, c, k, near_only=True)
        )
        found[f"a<n+{k:g}"] = lambda f, c, k=k: (
            whole_rounds(f, c, None, strict=True) or hedge_reads(f, c, k, near_only=True)
        )
        found[f"c+{k:g}"] = lambda f, c, k=k: (
            not isinstance(f["value"], str) and relative_gap(f["value"], c["value"]) <= k
        )
    return found


def clears(figures: Sequence[Figure], test: Callable[[Figure, Figure], bool]) -> bool:
    """Whether every pair of differing figures (one unit) is a rounding by ``test``;
    False when no pair differs or a differing pair has two units."""
    pairs = [
        (one, other) for one, other in itertools.combinations(figures, 2) if differ(one, other)
    ]
    if not pairs or any(one.get("unit") != other.get("unit") for one, other in pairs):
        return False
    return all(test(one, other) or test(other, one) for one, other in pairs)


def labelled_figures(item: dict[str, Any], texts: dict[str, str]) -> list[Figure]:
    """A labelled item's figures, each with the bound its own text or the article puts on it."""
    figures = []
    for article, claim in item["claims"].items():
        text = claim["text"]
        written = _number_start(text)
        bound = qualifier_before(text, written) if written is not None else ""
        where = texts.get(article, "").find(text)
        if not bound and where >= 0 and written is not None:
            bound = qualifier_before(texts[article], where + written)
        figures.append(
            {"value": claim["value"], "unit": claim.get("unit"), "text": text, "bound": bound}
        )
    return figures


def _number_start(text: str) -> int | None:
    """Where the first number (digits or words) in ``text`` starts, if any."""
    digit = next((index for index, character in enumerate(text) if character.isdigit()), None)
    words = NUMBER_WORDS_RE.search(text)
    starts = [s for s in (digit, None if words is None else words.start()) if s is not None]
    return min(starts, default=None)


def predicted_figures(fact: dict[str, Any], texts: dict[str, str]) -> list[Figure]:
    """A predicted row's figures, each with the bound the words before it put on it."""
    return [
        {
            "value": c["value"],
            "unit": c.get("unit"),
            "text": c["text"],
            "bound": qualifier_before(texts[c["article"]], c["start"]),
        }
        for c in fact["claims"]
    ]


def labelled_set(data: Path, predictions: Path) -> list[tuple[str, list[Figure]]]:
    """Cases of a labelled set: ("fp", figures) for each false predicted conflict,
    ("tp", ...) for each predicted conflict matching a labelled one, ("label", ...) for
    each labelled conflict."""
    evaluator = _load_evaluator(evaluator_path(data, None))
    predicted = read_predictions(predictions)
    cases: list[tuple[str, list[Figure]]] = []
    for cluster in labelled_clusters(data):
        texts = {a.id: a.text for a in cluster_articles(cluster)}
        raw = predicted.get(cluster["id"], [])
        facts = evaluator.read_facts(raw, [])
        expected = [e for e in cluster["expect"] if e["status"] in ("conflict", "revision")]
        conflicts = [(f, r) for f, r in zip(facts, raw, strict=True) if f.status == "conflict"]
        matched = evaluator.max_matching(
            expected, [f for f, _ in conflicts], evaluator.fact_matches
        )
        hits = set(matched.values())
        for index, (_, record) in enumerate(conflicts):
            cases.append(("tp" if index in hits else "fp", predicted_figures(record, texts)))
        for item in cluster["expect"]:
            if item["status"] == "conflict":
                cases.append(("label", labelled_figures(item, texts)))
    return cases


def audit_set() -> list[tuple[str, list[Figure]]]:
    """Cases of the real-news audit: each predicted conflict, "fp" when judged false,
    "tp" when judged true (unjudged ones count as true: a loss until read)."""
    from newsfuse.facts import compare_facts

    judged = {
        (item["cluster"], tuple(item["claims"])): item["true"]
        for item in json.loads((ROOT / "benchmarks/data/real_conflict_audit.json").read_text())[
            "judged"
        ]
    }
    cases: list[tuple[str, list[Figure]]] = []
    for number, articles in audit_clusters():
        for fact in compare_facts(articles):
            if fact.status != "conflict":
                continue
            key = (number, tuple(sorted(claim.text for claim in fact.claims)))
            figures = [
                {"value": c.value, "unit": c.unit, "text": c.text, "bound": c.bound}
                for c in fact.claims
            ]
            cases.append(("fp" if judged.get(key) is False else "tp", figures))
    return cases


def tally(
    cases: list[tuple[str, list[Figure]]], test: Callable[[Figure, Figure], bool]
) -> tuple[int, int, int]:
    """(false conflicts cleared, predicted true conflicts cleared, labelled conflicts cleared)."""
    counts = {"fp": 0, "tp": 0, "label": 0}
    for kind, figures in cases:
        counts[kind] += clears(figures, test)
    return counts["fp"], counts["tp"], counts["label"]


def choose(scores: dict[str, dict[str, tuple[int, int, int]]], sets: Sequence[str]) -> str:
    """The candidate with the most gain (false conflicts cleared) minus loss (labelled
    conflicts cleared, and true predicted ones where nothing is labelled) on ``sets``;
    ties: less loss, then first in order (smaller reach)."""

    def key(name: str) -> tuple[int, int]:
        gain = sum(scores[name][s][0] for s in sets)
        loss = sum(max(scores[name][s][1], scores[name][s][2]) for s in sets)
        return (gain - loss, -loss)

    best = max(key(name) for name in scores)
    return next(name for name in scores if key(name) == best)


def _counts(counts: tuple[int, int, int]) -> str:
    return "/".join(str(count) for count in counts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+", help="LABEL=DATA:PREDICTIONS")
    parser.add_argument("--audit", action="store_true", help="add the real-news audit")
    parser.add_argument("--show", action="append", default=[], help="list what a candidate clears")
    args = parser.parse_args()
    cases: dict[str, list[tuple[str, list[Figure]]]] = {}
    for given in args.sets:
        label, _, paths = given.partition("=")
        data, _, predictions = paths.partition(":")
        cases[label] = labelled_set(Path(data), Path(predictions))
    if args.audit:
        cases["audit"] = audit_set()
    tests = candidates()
    scores = {name: {s: tally(cases[s], test) for s in cases} for name, test in tests.items()}
    print("candidate | " + " | ".join(f"{s} fp/tp/lab" for s in cases))
    for name in tests:
        print(f"{name:9} | " + " | ".join(_counts(scores[name][s]) for s in cases))
    print("\nleave-one-set-out: fitted on the others -> left-out set fp/tp/lab cleared")
    for left in cases:
        chosen = choose(scores, [s for s in cases if s != left])
        print(f"  {left:9} chosen {chosen:9} -> {_counts(scores[chosen][left])}")
    for shown_candidate in args.show:
        print(f"\ncleared by {shown_candidate}:")
        for name, set_cases in cases.items():
            for kind, figures in set_cases:
                if clears(figures, tests[shown_candidate]):
                    shown = "; ".join(f"{f['bound']} {f['text']!r}".strip() for f in figures)
                    print(f"  {name} {kind}: {shown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
