"""Study: ran on commit 23d29e3 (2026-12-05); what it showed is in docs/benchmarks-facts.md
(recall8). The odd one out left single (issue 14). For every claim left alone beside
a row of two or more other sources that agree on a figure of the same kind and unit, prints
what the single shares with the row (a single whose figure agrees with the row's is left
out: joining it makes no conflict), and whether the labels make it the row's odd one out
(a labelled conflict or revision holds the single's figure and a row member's: ODD) or
another attribute (a labelled fact holds the single's figure, not as this row's: APART).

Signals per candidate: figures of the kind and unit in the single's article and in its
paragraph (repeats of one value counted once), the aligner's pair scores and the clause
embeddings' cosine to the row's claims (best and worst), the ratio of the two values, the
single's lede flag and role against the rows', how many rows of the kind the single could
join, and whether the row's counted noun is in the single's article title.

Ends with each signal's separation and a leave-one-set-out bar for the best ones, as
``dispute_threshold_cv.py`` does: a bar fitted on the other sets (the lowest that keeps
every non-odd candidate out), scored on the one left out.

Usage:
    python benchmarks/studies/odd_one_out.py DATA [DATA ...] [--evaluator facts_eval.py]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import study_paths  # noqa: F401
from fact_errors import _load_evaluator, cluster_articles, evaluator_path, labelled_clusters

import newsfuse.facts.cluster as cluster_module
import newsfuse.facts.compare as compare_module
from newsfuse.embed import get_embedder
from newsfuse.facts import compare_facts
from newsfuse.facts.verdict import values_agree

captured: dict[str, Any] = {}


def _capture() -> None:
    original_score = cluster_module.score_pairs
    original_group = compare_module.group_mentions

    def score_pairs(mentions, embedder, published, params):  # type: ignore[no-untyped-def]
        raw = original_score(mentions, embedder, published, params)
        captured["raw"] = raw
        return raw

    def group_mentions(mentions, embedder, published, params):  # type: ignore[no-untyped-def]
        groups = original_group(mentions, embedder, published, params)
        captured["mentions"] = mentions
        captured["groups"] = groups
        return groups

    cluster_module.score_pairs = score_pairs
    compare_module.group_mentions = group_mentions


def cross_article_pairs(mentions: Sequence[Any]) -> Iterator[tuple[int, int]]:
    """The index pairs ``i < j``, in order, of mentions from two articles on one dimension:
    the pairs the grouping may join."""
    for i, first in enumerate(mentions):
        for j in range(i + 1, len(mentions)):
            second = mentions[j]
            if first.claim.article_id != second.claim.article_id and (
                first.dimension == second.dimension
            ):
                yield i, j


def _paragraph(text: str, start: int) -> tuple[int, int]:
    left = text.rfind("\n\n", 0, start)
    right = text.find("\n\n", start)
    return (left, right if right >= 0 else len(text))


def _cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b) + 1e-9))


def study_set(path: Path, evaluator: ModuleType, embedder: Any) -> list[dict[str, Any]]:
    rows_out: list[dict[str, Any]] = []
    for cluster in labelled_clusters(path):
        articles = cluster_articles(cluster)
        by_id = {article.id: article for article in articles}
        compare_facts(articles, embedder=embedder)
        mentions = captured["mentions"]
        groups = captured["groups"]
        raw = captured["raw"]
        index_of = {id(m): k for k, m in enumerate(mentions)}
        expected = cluster["expect"]

        def gold_for(article: str, claim: Any, expected: list[dict[str, Any]]) -> list[int]:
            as_json = {"value": claim.value, "unit": claim.unit}
            return [
                n
                for n, item in enumerate(expected)
                if article in item["claims"]
                and evaluator.value_matches(item["claims"][article], as_json)
            ]

        agree_rows = [
            g
            for g in groups
            if len({m.claim.article_id for m in g.mentions}) >= 2 and g.dispute_score == np.inf
        ]
        singles = [g.mentions[0] for g in groups if len(g.mentions) == 1]
        clauses = [m.clause for m in mentions]
        vectors = np.asarray(embedder.encode(clauses)) if clauses else np.zeros((0, 1))
        for single in singles:
            s = index_of[id(single)]
            article = single.claim.article_id
            options = [
                g
                for g in agree_rows
                if g.mentions[0].dimension == single.dimension
                and all(m.claim.article_id != article for m in g.mentions)
            ]
            if not options:
                continue
            text = by_id[article].text
            paragraph = _paragraph(text, single.claim.start)
            same_kind = [
                m
                for m in mentions
                if m.claim.article_id == article and m.dimension == single.dimension
            ]
            values = {m.claim.value for m in same_kind}
            in_paragraph = {
                m.claim.value for m in same_kind if paragraph[0] <= m.claim.start < paragraph[1]
            }
            gold_single = gold_for(article, single.claim, expected)
            for row in options:
                if values_agree(single.claim, row.mentions[0].claim):
                    continue  # the same figure: it would join as an agreement, not a conflict
                members = [index_of[id(m)] for m in row.mentions]
                scores = raw[s, members]
                cosines = [_cosine(vectors[s], vectors[k]) for k in members]
                gold_row = set()
                for m in row.mentions:
                    gold_row |= set(gold_for(m.claim.article_id, m.claim, expected))
                shared = [n for n in gold_single if n in gold_row]
                label = "?"
                if any(expected[n]["status"] in ("conflict", "revision") for n in shared):
                    label = "ODD"
                elif gold_single:  # labelled, and not as this row's odd one out
                    label = "APART"
                a, b = single.claim.value, row.mentions[0].claim.value
                ratio = (
                    max(a, b) / min(a, b)
                    if isinstance(a, int | float) and isinstance(b, int | float) and min(a, b) > 0
                    else float("nan")
                )
                title = by_id[article].title.lower()
                row_nouns = {m.head for m in row.mentions if m.head}
                rows_out.append(
                    {
                        "set": path.stem,
                        "cluster": cluster["id"],
                        "label": label,
                        "gold": [expected[n]["status"] for n in gold_single],
                        "single": f"{article}:{single.claim.text}",
                        "row": " | ".join(
                            f"{m.claim.article_id}:{m.claim.text}" for m in row.mentions
                        ),
                        "dimension": single.dimension,
                        "kinds_in_article": len(values),
                        "kinds_in_paragraph": len(in_paragraph),
                        "score_max": float(np.max(scores)),
                        "score_min": float(np.min(scores)),
                        "cos_max": max(cosines),
                        "cos_min": min(cosines),
                        "ratio": ratio,
                        "lede": single.lede,
                        "role_same": all(single.role == m.role for m in row.mentions),
                        "options": len(options),
                        "title_noun": any(noun and noun in title for noun in row_nouns),
                    }
                )
    return rows_out


SIGNALS = ("score_max", "score_min", "cos_max", "cos_min")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="+", type=Path)
    parser.add_argument("--evaluator", type=Path, help="default: as fact_errors.py finds it")
    parser.add_argument("--quiet", action="store_true", help="the summary only")
    args = parser.parse_args()
    evaluator = _load_evaluator(evaluator_path(args.data[0], args.evaluator))
    _capture()
    embedder = get_embedder(compare_module.DEFAULT_EMBEDDER)
    table: list[dict[str, Any]] = []
    for path in args.data:
        table.extend(study_set(path, evaluator, embedder))
    if not args.quiet:
        for row in table:
            print(
                f"{row['set'][:14]:14} {row['label']:5} k{row['kinds_in_article']}"
                f"p{row['kinds_in_paragraph']} s{row['score_max']:.2f}/{row['score_min']:.2f}"
                f" c{row['cos_max']:.2f}/{row['cos_min']:.2f} r{row['ratio']:.2f}"
                f" {'L' if row['lede'] else '-'}{'R' if row['role_same'] else '-'}"
                f"o{row['options']}{'T' if row['title_noun'] else '-'}"
                f"  {row['single'][:40]!r} ~ {row['row'][:70]!r} {row['gold']}"
            )
    print()
    # Every candidate the labels do not make an odd one out would be a false conflict if
    # joined (the evaluator counts a predicted conflict that matches no label as false),
    # so unlabelled candidates ("?") count with APART as the ones that must stay single.
    for row in table:
        row["odd"] = row["label"] == "ODD"
    for label in ("ODD", "APART", "?"):
        print(label, sum(row["label"] == label for row in table))
    for signal in SIGNALS:
        odd = sorted(row[signal] for row in table if row["odd"])
        rest = sorted(row[signal] for row in table if not row["odd"])
        print(
            f"{signal:10} ODD {np.round(odd, 2).tolist()}; the rest, top 8: "
            f"{np.round(rest[-8:], 2).tolist()} of {len(rest)}"
        )
    for flag in ("kinds_in_article", "kinds_in_paragraph", "options"):
        for odd_flag in (True, False):
            counts: dict[int, int] = {}
            for row in table:
                if row["odd"] == odd_flag:
                    counts[row[flag]] = counts.get(row[flag], 0) + 1
            print(f"{flag:18} {'ODD' if odd_flag else 'rest':5} {dict(sorted(counts.items()))}")
    for flag in ("lede", "role_same", "title_noun"):
        for odd_flag in (True, False):
            chosen = [row[flag] for row in table if row["odd"] == odd_flag]
            print(f"{flag:18} {'ODD' if odd_flag else 'rest':5} {sum(chosen)}/{len(chosen)}")
    narrow = [row for row in table if row["kinds_in_article"] == 1 and row["options"] == 1]
    print(
        f"\nnarrowed (the article's only figure of the kind, one row it could join): "
        f"ODD {sum(row['odd'] for row in narrow)}, rest {sum(not row['odd'] for row in narrow)}"
    )
    sets = sorted({row["set"] for row in table})
    for signal in SIGNALS:
        print(f"leave-one-set-out bar on {signal} (above every other set's non-odd candidate):")
        for held in sets:
            bar = max(
                [row[signal] for row in narrow if row["set"] != held and not row["odd"]]
                or [-np.inf]
            )
            test = [row for row in narrow if row["set"] == held]
            hits = sum(row["odd"] and row[signal] > bar for row in test)
            false = sum(not row["odd"] and row[signal] > bar for row in test)
            total = sum(row["odd"] for row in test)
            print(f"  {held:16} bar > {bar:.2f}: ODD {hits}/{total}, false joins {false}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
