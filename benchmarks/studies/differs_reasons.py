"""Study: why a disagreement is shown as the neutral ``differs`` and not as a conflict.

For every group the comparison found in disagreement but no clear dispute
(``verdict.is_clear_dispute`` said no), records each reason that held it back (score
below the bar, subgroup, period, owner, nouns differ, rounding, ...; see
:func:`holdback_reasons`), and what the labels make of it: a labelled conflict (or
revision) that no predicted conflict found (``hidden``), a labelled conflict found by
another row anyway (``found``), a labelled agreement (``agree``), or unlabelled
(``none``). Prints, per set and per reason, the hidden labelled conflicts against the rows
rightly kept neutral, both where the reason holds and where it is the only one; with
``--show REASON`` the hidden conflicts held back by it, claims in their sentences.

The sets run through the product path (ingest + clean, as ``facts.py --clean``); the
audit's unlabelled Multi-News clusters (``--audit``) as real_conflict_audit.py runs them.

Usage:
    python benchmarks/studies/differs_reasons.py SET.jsonl [SET.jsonl ...] [--audit]
        [--evaluator PATH] [--show REASON] [--param NAME=VALUE ...]
"""

from __future__ import annotations

import argparse
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import study_paths  # noqa: F401
from fact_errors import (
    _load_evaluator,
    audit_clusters,
    cluster_articles,
    evaluator_path,
    labelled_clusters,
    sentence_around,
)

import newsfuse.facts.compare as compare
from fact_params import add_param_option, parse_params
from newsfuse.facts import FactParams
from newsfuse.facts.verdict import dispute_evidence
from newsfuse.model import Fact
from newsfuse.render.data import fact_to_dict


def holdback_reasons(
    evidence: dict[str, Any], margin: float, crowding: int, params: FactParams
) -> list[str]:
    """Every check of ``verdict.is_clear_dispute`` that fails on ``evidence`` (all of
    them, not only the first, so that a reason's sole holds can be counted), in the order
    the verdict asks them; empty when the group is a clear dispute."""
    reasons: list[str] = []
    if evidence["score"] is not None and evidence["score"] < params.conflict_min_score:
        reasons.append("score")
    if evidence["ratio"] > params.conflict_max_ratio:
        reasons.append("ratio")
    if margin < params.conflict_min_margin:
        reasons.append("margin")
    if crowding > params.conflict_max_crowding:
        reasons.append("crowding")
    if (
        params.crowded_from is not None
        and crowding >= params.crowded_from
        and margin < params.crowded_min_margin
    ):
        reasons.append("crowded margin")
    if params.unplaced_weekdays_differ and evidence["unplaced_day"]:
        reasons.append("unplaced weekday")
    for key, name in (
        ("moods_differ", "moods"),
        ("times_differ", "earlier account"),
        ("day_of_month", "day of month"),
    ):
        if evidence[key]:
            reasons.append(name)
    long_transposed = evidence["long_transposed"]
    if params.conflict_needs_same_subgroup and evidence["subgroups_differ"] and not long_transposed:
        reasons.append("subgroup")
    aspects = set(evidence["aspects_differ"])
    if long_transposed:
        aspects.discard("period")
    switches = {
        "polarity": params.negated_figures_differ,
        "range": params.range_ends_differ,
        "owner": params.other_owners_differ,
    }
    aspects = {aspect for aspect in aspects if switches.get(aspect, True)}
    if params.conflict_needs_same_aspects:
        reasons.extend(f"aspect {aspect}" for aspect in sorted(aspects))
    if evidence["year"] and not params.conflict_on_years:
        reasons.append("years")
    if evidence["compatible"]:
        reasons.append("compatible bounds")
    if evidence["rounded"]:
        reasons.append("rounded")
    nouns = params.conflict_needs_related_nouns and evidence["nouns_differ"]
    if nouns and not evidence["transposed"]:
        reasons.append("nouns differ")
    return reasons


def outcome(
    claims: list[dict[str, Any]], expected: list[dict[str, Any]], found: set[int], evaluator: Any
) -> str:
    """What the labels make of a held-back group of ``claims`` (claim dicts of the JSON
    contract): ``hidden`` when it holds a labelled conflict or revision that no predicted
    conflict matched (indices in ``found``), ``found`` when another row matched it,
    ``agree`` when it holds a labelled agreement, else ``none``."""
    as_fact = evaluator.read_facts([{"status": "differs", "subject": "", "claims": claims}], [])[0]
    disputes = [
        index
        for index, item in enumerate(expected)
        if item["status"] in ("conflict", "revision") and evaluator.fact_matches(item, as_fact)
    ]
    if any(index not in found for index in disputes):
        return "hidden"
    if disputes:
        return "found"
    agreements = [i for i in expected if i["status"] == "agree"]
    if any(evaluator.partially_matches(i, as_fact) or evaluator.fact_matches(i, as_fact)
           for i in agreements):  # fmt: skip
        return "agree"
    return "none"


def tabulate(rows: Sequence[dict[str, Any]]) -> dict[str, dict[str, Counter[str]]]:
    """Per reason: outcome counts where the reason holds (``any``) and where it alone
    holds (``sole``)."""
    table: dict[str, dict[str, Counter[str]]] = defaultdict(
        lambda: {"any": Counter(), "sole": Counter()}
    )
    for row in rows:
        for reason in row["reasons"]:
            table[reason]["any"][row["outcome"]] += 1
            if len(row["reasons"]) == 1:
                table[reason]["sole"][row["outcome"]] += 1
    return dict(table)


class _Recorder:
    """Stands in for ``is_clear_dispute`` in facts.compare: answers as it does, and keeps
    each held-back group with its reasons."""

    def __init__(self, params: FactParams) -> None:
        self.params = params
        self.held: list[tuple[tuple[Any, ...], list[str]]] = []
        self.original = compare.is_clear_dispute

    def __call__(self, mentions: Any, score: float, params: FactParams, **keywords: Any) -> bool:
        clear = self.original(mentions, score, params, **keywords)
        if not clear:
            evidence = dispute_evidence(mentions, score, params, keywords.get("published"))
            margin = keywords.get("margin", math.inf)
            reasons = holdback_reasons(evidence, margin, keywords.get("crowding", 1), params)
            self.held.append((tuple(mentions), reasons or ["(none)"]))
        return clear


def _claims_json(claims: Sequence[Any]) -> list[dict[str, Any]]:
    return fact_to_dict(Fact("differs", "", claims[0].kind, tuple(claims)))["claims"]


def study_set(
    path: Path, evaluator: Any, params: FactParams, recorder: _Recorder, show: str | None
) -> list[dict[str, Any]]:
    """The held-back rows of one labelled set, each with its reasons and outcome."""
    rows = []
    for cluster in labelled_clusters(path):
        articles = cluster_articles(cluster)
        recorder.held = []
        facts = compare.compare_facts(articles, params=params)
        predicted = evaluator.read_facts(
            [fact_to_dict(f) for f in facts if f.status in ("conflict", "revision")], []
        )
        expected = cluster["expect"]
        matched = evaluator.max_matching([e for e in expected], predicted, evaluator.fact_matches)
        texts = {article.id: article.text for article in articles}
        for mentions, reasons in recorder.held:
            claims = [mention.claim for mention in mentions]
            result = outcome(_claims_json(claims), expected, set(matched), evaluator)
            rows.append({"cluster": cluster["id"], "reasons": reasons, "outcome": result})
            if show is not None and result == "hidden" and show in reasons:
                print(f"== {path.name} {cluster['id']} reasons: {', '.join(reasons)}")
                for mention in mentions:
                    claim = mention.claim
                    text = sentence_around(texts[claim.article_id], claim.start, claim.end)
                    print(f"    {claim.article_id} {claim.value}: {text}")
                    shown = f"{mention.head!r} {mention.modifiers} group {mention.aspects.group!r}"
                    print(f"       noun {shown}")
    return rows


def study_audit(params: FactParams, recorder: _Recorder) -> list[dict[str, Any]]:
    """The held-back rows of the audit's unlabelled Multi-News clusters (all ``none``)."""
    rows: list[dict[str, Any]] = []
    for number, articles in audit_clusters():
        recorder.held = []
        compare.compare_facts(articles, params=params)
        rows.extend({"cluster": number, "reasons": r, "outcome": "none"} for _, r in recorder.held)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="*", type=Path)
    parser.add_argument("--audit", action="store_true", help="add the unlabelled audit clusters")
    parser.add_argument("--evaluator", type=Path, help="facts_eval.py (default as fact_errors)")
    parser.add_argument("--show", help="print the hidden conflicts this reason holds back")
    add_param_option(parser)
    args = parser.parse_args()
    params = parse_params(args.param)
    recorder = _Recorder(params)
    compare.is_clear_dispute = recorder  # type: ignore[assignment]
    by_set: dict[str, list[dict[str, Any]]] = {}
    for path in args.data:
        evaluator = _load_evaluator(evaluator_path(path, args.evaluator))
        by_set[path.stem] = study_set(path, evaluator, params, recorder, args.show)
    if args.audit:
        by_set["audit"] = study_audit(params, recorder)
    print(
        "| set | reason | hidden conflicts (sole) | found elsewhere | agree | unlabelled (sole) |"
    )
    print("|---|---|---|---|---|---|")
    every_set = [row for rows in by_set.values() for row in rows]
    for name, rows in [*by_set.items(), ("all", every_set)]:
        table = tabulate(rows)
        every = Counter(row["outcome"] for row in rows)
        print(f"| {name} | (all rows) | {every['hidden']} | {every['found']} | {every['agree']} "
              f"| {every['none']} |")  # fmt: skip
        for reason in sorted(table, key=lambda r: -table[r]["any"]["hidden"]):
            every, sole = table[reason]["any"], table[reason]["sole"]
            print(f"| {name} | {reason} | {every['hidden']} ({sole['hidden']}) | {every['found']} "
                  f"| {every['agree']} | {every['none']} ({sole['none']}) |")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
