"""Study: ran on commit f88ee2b (2026-12-05); what it showed is in docs/benchmarks-facts.md
(oddone10). Which step keeps the odd one out from its row (issue 14). For every labelled
conflict of three or more sources where the majority agrees and one source differs, and
that the run misses, names the first step that keeps the odd claim out of the majority's row:

- ``extraction``: no claim of the odd article carries the labelled value (``not
  extracted``), or one does but is vague or of another kind or unit (``kind/unit``);
- ``row building``: the odd claim links to the majority's row at or above the dispute bar
  but is not in it (taken by another row, or the row formed without it);
- ``pair score``: its link to the row is below the bar; the components of its best pair
  (lexical words, clause embedding, and each bonus and penalty, by switching it off) are
  printed, so the low or negative one can be read;
- ``verdict``: it is in the row, and the verdict's checks (aspects, subgroup, nouns,
  ratio, times) make the row no clear dispute, so the sources that agree are split off
  as an agreement and the odd one left single;
- ``status``: in the row and the row's status is neither conflict nor differs (a
  revision, say); a conflict row that lacks a majority source counts as ``row building``.

Usage:
    python benchmarks/studies/odd_blockers.py DATA [DATA ...] [--evaluator facts_eval.py]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import study_paths  # noqa: F401
from fact_errors import _load_evaluator, cluster_articles, evaluator_path, labelled_clusters

import newsfuse.facts.compare as compare_module
from newsfuse.embed import get_embedder
from newsfuse.facts import compare_facts
from newsfuse.facts.params import FactParams
from newsfuse.facts.score import add_same_value_bonus, score_pairs
from newsfuse.facts.verdict import dispute_evidence

# Score components read by switching each off (the param set to 0): what each adds to a pair.
COMPONENTS = (
    ("words", "lexical_weight"),
    ("context", "embedding_weight"),
    ("noun", "head_bonus"),
    ("verb", "verb_related_bonus"),
    ("unique", "unique_bonus"),
    ("role", "role_mismatch_penalty"),
    ("anchor", "anchor_mismatch_penalty"),
    ("magnitude", "magnitude_gap_penalty"),
    ("concept", "concept_mismatch_penalty"),
    ("increment", "increment_beside_total_penalty"),
    ("casualty", "casualty_kind_clash_penalty"),
    ("date role", "date_role_penalty"),
)

captured: dict[str, Any] = {}


def _capture() -> None:
    original_group = compare_module.group_mentions
    original_scan = compare_module.scan_claims

    def group_mentions(mentions, embedder, published, params):  # type: ignore[no-untyped-def]
        groups = original_group(mentions, embedder, published, params)
        captured.update(mentions=mentions, groups=groups, embedder=embedder, published=published)
        return groups

    def scan_claims(article, *args):  # type: ignore[no-untyped-def]
        found = original_scan(article, *args)
        captured.setdefault("scanned", {})[article.id] = found
        return found

    compare_module.group_mentions = group_mentions
    compare_module.scan_claims = scan_claims


def as_json(claim: Any) -> dict[str, Any]:
    return {"value": claim.value, "unit": claim.unit}


def odd_one_out(item: dict[str, Any], evaluator: ModuleType) -> tuple[list[str], str] | None:
    """The majority's articles and the odd article of a labelled conflict, or None when the
    item is not three or more sources with all but one agreeing."""
    claims = item["claims"]
    if item["status"] != "conflict" or len(claims) < 3:
        return None
    for odd in claims:
        rest = [article for article in claims if article != odd]
        first = claims[rest[0]]
        if all(evaluator.value_matches(first, claims[a]) for a in rest) and not (
            evaluator.value_matches(first, claims[odd])
        ):
            return rest, odd
    return None


def link(odd: int, row: Sequence[int], scores: np.ndarray, params: FactParams) -> tuple[float, int]:
    """The odd claim's link to a row as the second clustering pass scores it (its best
    pair less the restatement discount, never below the average), and that best pair."""
    pairs = [float(scores[odd, k]) for k in row]
    best = int(np.argmax(pairs))
    value = max(pairs)
    if params.restatements_link_as_one:
        value = max(value - params.restatement_discount, float(np.mean(pairs)))
    else:
        value = float(np.mean(pairs))
    return value, row[best]


def components(
    mentions: Sequence[Any], embedder: Any, published: Any, params: FactParams, i: int, j: int
) -> dict[str, float]:
    """What each score component adds to the pair (i, j): the score less the score with it off."""
    # Scored on the whole cluster's mentions: a pair alone loses the uniqueness and rarity
    # counts that some components read.
    base = score_pairs(mentions, embedder, published, params)[i, j]
    found = {}
    for name, field in COMPONENTS:
        switched: dict[str, Any] = {field: 0.0}
        off = score_pairs(mentions, embedder, published, replace(params, **switched))[i, j]
        if abs(base - off) > 1e-6:
            found[name] = round(float(base - off), 2)
    return found


def trace_item(
    item: dict[str, Any], evaluator: ModuleType, facts: list[Any], params: FactParams
) -> dict[str, Any] | None:
    """The blocking step of one labelled odd-one-out conflict, or None if it was found."""
    shape = odd_one_out(item, evaluator)
    if shape is None:
        return None
    majority, odd_article = shape
    for fact in facts:
        if fact.status != "conflict":
            continue
        if all(
            any(
                c.article_id == a and evaluator.value_matches(item["claims"][a], as_json(c))
                for c in fact.claims
            )
            for a in item["claims"]
        ):
            return None  # found
    mentions = captured["mentions"]
    groups = captured["groups"]

    def mention_of(article: str) -> int | None:
        for k, m in enumerate(mentions):
            if m.claim.article_id == article and evaluator.value_matches(
                item["claims"][article], as_json(m.claim)
            ):
                return k
        return None

    out: dict[str, Any] = {"about": item.get("about", "?"), "odd": odd_article}
    row = [k for a in majority if (k := mention_of(a)) is not None]
    odd = mention_of(odd_article)
    if len(row) < 2:
        out["step"] = "majority not extracted"
        return out
    if odd is None:
        scanned = captured.get("scanned", {}).get(odd_article, ())
        claims = _claims_of(scanned)
        present = [
            c for c in claims if evaluator.value_matches(item["claims"][odd_article], as_json(c))
        ]
        out["step"] = "extraction: vague or dropped" if present else "extraction: not extracted"
        out["detail"] = item["claims"][odd_article].get("text", "")
        return out
    out["odd_text"] = mentions[odd].claim.text
    out["row_text"] = [mentions[k].claim.text for k in row]
    # What the aligner reads of each claim: counted noun, verb, role, aspects.
    out["read"] = [_reading(mentions[k]) for k in [odd, *row]]
    out["odd_status"] = next(
        (f.status for f in facts if any(_same_claim(c, mentions[odd].claim) for c in f.claims)),
        "?",
    )
    if mentions[odd].dimension != mentions[row[0]].dimension:
        out["step"] = "extraction: kind/unit"
        out["detail"] = f"{mentions[odd].dimension} vs {mentions[row[0]].dimension}"
        return out
    group_of = {id(m): g for g in groups for m in g.mentions}
    odd_group = group_of[id(mentions[odd])]
    if any(group_of[id(mentions[k])] is odd_group for k in row):
        if out["odd_status"] == "conflict":
            out["step"] = "row building: partial"  # a conflict, without every majority source
            return out
        if out["odd_status"] not in ("single", "differs"):
            out["step"] = f"status: {out['odd_status']}"
            return out
        members = list(odd_group.mentions)
        evidence = dispute_evidence(
            members, odd_group.dispute_score, params, captured.get("published")
        )
        reasons = [
            key
            for key in ("nouns_differ", "moods_differ", "times_differ", "subgroups_differ")
            if evidence[key]
        ]
        reasons += [f"aspect:{a}" for a in evidence["aspects_differ"]]
        if evidence["ratio"] > params.conflict_max_ratio:
            reasons.append("ratio")
        if evidence["compatible"]:
            reasons.append("bounds")
        if odd_group.crowding >= (params.crowded_from or 10**9):
            reasons.append(f"crowding {odd_group.crowding}")
        if odd_group.dispute_margin < params.conflict_min_margin:
            reasons.append("margin")
        out["step"] = "verdict"
        out["detail"] = ", ".join(reasons) or "?"
        return out
    raw = score_pairs(mentions, captured["embedder"], captured["published"], params)
    scores = add_same_value_bonus(raw.copy(), mentions, params)
    bar = params.dispute_threshold
    dimension = mentions[odd].dimension
    if dimension.startswith("date:"):
        bar = max(bar, params.date_dispute_threshold)
    if dimension.startswith("year:"):
        bar = max(bar, params.year_dispute_threshold)
    value, best = link(odd, row, scores, params)
    out["link"] = round(value, 2)
    out["bar"] = bar
    if not np.isfinite(value):
        out["step"] = "pair score: not comparable"
        return out
    if value >= bar:
        out["step"] = "row building"
        out["detail"] = f"in a row of {len(odd_group.mentions)}"
        return out
    out["step"] = "pair score"
    out["detail"] = components(
        mentions, captured["embedder"], captured["published"], params, odd, best
    )
    return out


def _same_claim(one: Any, other: Any) -> bool:
    return bool(one.article_id == other.article_id and one.start == other.start)


def _reading(mention: Any) -> str:
    aspects = {k: v for k, v in _fields(mention.aspects).items() if v}
    return f"head={mention.head!r} verb={mention.verb!r} role={mention.role!r} {aspects}"


def _fields(item: Any) -> dict[str, Any]:
    names = getattr(item, "__dataclass_fields__", {})
    return {name: getattr(item, name) for name in names}


def _claims_of(scanned: Any) -> list[Any]:
    """Every claim a scan found, whatever shape its result has."""
    found: list[Any] = []
    stack = [scanned]
    while stack:
        item = stack.pop()
        if hasattr(item, "value") and hasattr(item, "article_id"):
            found.append(item)
        elif isinstance(item, list | tuple):
            stack.extend(item)
        elif hasattr(item, "__dataclass_fields__"):
            stack.extend(getattr(item, name) for name in item.__dataclass_fields__)
    return found


def study_set(
    path: Path, evaluator: ModuleType, embedder: Any, params: FactParams
) -> list[dict[str, Any]]:
    traced = []
    for cluster in labelled_clusters(path):
        articles = cluster_articles(cluster)
        captured.clear()
        facts = compare_facts(articles, embedder=embedder, params=params)
        for item in cluster["expect"]:
            found = trace_item(item, evaluator, facts, params)
            if found is not None:
                found["set"] = path.stem
                found["cluster"] = cluster["id"]
                traced.append(found)
    return traced


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="+", type=Path)
    parser.add_argument("--evaluator", type=Path, help="default: as fact_errors.py finds it")
    parser.add_argument("--quiet", action="store_true", help="the table only")
    args = parser.parse_args()
    evaluator = _load_evaluator(evaluator_path(args.data[0], args.evaluator))
    _capture()
    embedder = get_embedder(compare_module.DEFAULT_EMBEDDER)
    params = FactParams()
    table: Counter[tuple[str, str]] = Counter()
    sets = []
    for path in args.data:
        sets.append(path.stem)
        for row in study_set(path, evaluator, embedder, params):
            step = row["step"].split(":")[0]
            table[(path.stem, step)] += 1
            if not args.quiet:
                print(json.dumps(row, ensure_ascii=False))
    steps = sorted({step for _, step in table})
    print("\n| set | " + " | ".join(steps) + " |")
    print("|---|" + "---|" * len(steps))
    for name in sets:
        print(f"| {name} | " + " | ".join(str(table[(name, s)]) for s in steps) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
