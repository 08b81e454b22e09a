"""Study: ran on commit b1677ba (2026-12-05); what it showed is in docs/benchmarks-facts.md
(nouns11). Whether a cluster's own text says that two counted nouns name one attribute
(issue 14). For every pair of claims of one kind and unit from two articles that the run
leaves in different rows while their counted nouns differ (or one has none), it tests:

- ``a_sentence`` / ``a_next`` / ``a_article``: one claim's noun (its stem) is used in the
  other claim's sentence / that sentence or the next / anywhere in the other's article;
- ``b_pair``: some other figure of the cluster is stated once with one noun and once with
  the other (two mentions that agree, neither of the pair itself);
- ``c_value``: the other article repeats its own claim's value with this claim's noun
  ("a crowd of 19,402 ... the 19,402 fans"), a coreference of a value within one article;
- ``d_inherit``: a claim with no noun takes the noun of the nearest figure of its kind
  before it in its article; the signal holds when the nouns are then equal;
- ``b_c_d``: any of the three that read more than one word (b, c or d).

Pairs are labelled by the sets' labels: ``true`` (both claims in one labelled conflict or
revision: an odd one out or a two-source dispute; ``agree``: one labelled agreement left
unpaired), ``apart`` (both labelled, in different facts: look-alikes) and, with
``--audit``, ``audit`` (pairs of differing values in the real clusters nobody labelled,
which would show as conflicts if joined; the audit judged every such conflict so far false).
Each signal is counted per set and label, and a leave-one-set-out choice (most true and
agreement pairs minus ``COST`` per look-alike on the other sets) is scored on each fold.
The tables count, for bonuses of one to three times ``head_bonus`` and unbounded, the pairs
a signal holds on whose pair score plus the bonus would reach the dispute bar (only those
could change a row); the leave-one-set-out choice picks a signal and a bonus together.

Usage:
    python benchmarks/studies/noun_evidence.py DATA [DATA ...] [--evaluator facts_eval.py]
        [--audit] [--quiet]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import study_paths  # noqa: F401
from fact_errors import (
    AUDIT_HALF,
    _load_evaluator,
    audit_clusters,
    cluster_articles,
    evaluator_path,
    labelled_clusters,
)
from odd_one_out import _capture, captured, cross_article_pairs

import newsfuse.facts.compare as compare_module
from newsfuse.embed import get_embedder
from newsfuse.facts import compare_facts
from newsfuse.facts.describe import stem_word
from newsfuse.facts.params import FactParams
from newsfuse.facts.score import add_same_value_bonus
from newsfuse.facts.verdict import values_agree

SIGNALS = ("a_sentence", "a_next", "a_article", "b_pair", "c_value", "d_inherit", "b_c_d")
LABELS = ("true", "agree", "apart", "audit")
BONUSES = (0.1, 0.2, 0.3, np.inf)  # head_bonus, twice, thrice, and unbounded
COST = 3  # a false conflict costs more than a missed one (issue 14)
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\n+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a text, split at end punctuation and line breaks."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def stems(text: str) -> set[str]:
    """The Porter stems of a text's words, lower-cased."""
    return {stem_word(word.lower()) for word in WORD.findall(text)}


class ArticleWords:
    """One article's stems: whole, and per sentence, for the noun tests."""

    def __init__(self, text: str) -> None:
        self.spans = sentence_spans(text)
        self.sentences = [stems(text[a:b]) for a, b in self.spans]
        self.all = set().union(*self.sentences) if self.sentences else set()

    def sentence_of(self, offset: int) -> int:
        for index, (a, b) in enumerate(self.spans):
            if a <= offset < b:
                return index
        return max(0, len(self.spans) - 1)


def inherited_heads(mentions: Sequence[Any]) -> list[str]:
    """Each mention's counted noun; one with none takes the noun of the nearest figure of
    its kind and unit before it in its article (signal d)."""
    heads = []
    for mention in mentions:
        head = mention.head
        if not head:
            before = [
                m
                for m in mentions
                if m.claim.article_id == mention.claim.article_id
                and m.dimension == mention.dimension
                and m.claim.start < mention.claim.start
                and m.head
            ]
            if before:
                head = max(before, key=lambda m: m.claim.start).head
        heads.append(head)
    return heads


def noun_signals(
    i: int, j: int, mentions: Sequence[Any], words: dict[str, ArticleWords], heads: list[str]
) -> dict[str, bool]:
    """Which of the cluster-text signals hold for the pair (i, j)."""
    first, second = mentions[i], mentions[j]
    found = dict.fromkeys(SIGNALS, False)
    for one, other in ((first, second), (second, first)):
        if not other.head:
            continue
        article = words[one.claim.article_id]
        at = article.sentence_of(one.claim.start)
        if other.head in article.sentences[at]:
            found["a_sentence"] = True
        if other.head in article.sentences[at] or (
            at + 1 < len(article.sentences) and other.head in article.sentences[at + 1]
        ):
            found["a_next"] = True
        if other.head in article.all:
            found["a_article"] = True
        # c: the same value again in one's article, with the other's noun.
        if any(
            m is not one
            and m.claim.article_id == one.claim.article_id
            and m.dimension == one.dimension
            and m.head == other.head
            and values_agree(m.claim, one.claim)
            for m in mentions
        ):
            found["c_value"] = True
    if first.head and second.head:
        # b: another figure stated once with each noun (neither claim of the pair).
        for k, one in enumerate(mentions):
            if k in (i, j) or one.head != first.head or one.dimension != first.dimension:
                continue
            if any(
                n not in (i, j, k)
                and other.head == second.head
                and other.dimension == one.dimension
                and values_agree(one.claim, other.claim)
                for n, other in enumerate(mentions)
            ):
                found["b_pair"] = True
                break
    if (not first.head or not second.head) and heads[i] and heads[i] == heads[j]:
        found["d_inherit"] = True
    found["b_c_d"] = found["b_pair"] or found["c_value"] or found["d_inherit"]
    return found


def gold_items(claim: Any, expected: list[dict[str, Any]], evaluator: ModuleType) -> set[int]:
    as_json = {"value": claim.value, "unit": claim.unit}
    return {
        n
        for n, item in enumerate(expected)
        if claim.article_id in item["claims"]
        and evaluator.value_matches(item["claims"][claim.article_id], as_json)
    }


def pair_label(
    first: Any, second: Any, expected: list[dict[str, Any]] | None, evaluator: ModuleType
) -> str | None:
    """The pair's label, or None when the labels do not say (or the pair would not matter)."""
    if expected is None:  # an audit cluster: a joined pair of differing values is a conflict
        return None if values_agree(first.claim, second.claim) else "audit"
    one = gold_items(first.claim, expected, evaluator)
    other = gold_items(second.claim, expected, evaluator)
    if not one or not other:
        return None
    shared = one & other
    if not shared:
        return "apart"
    statuses = {expected[n]["status"] for n in shared}
    if statuses & {"conflict", "revision"}:
        return "true"
    if "agree" in statuses:
        return "agree"
    return None


def study_cluster(
    articles: list[Any],
    expected: list[dict[str, Any]] | None,
    evaluator: ModuleType,
    embedder: Any,
    params: FactParams,
) -> list[dict[str, Any]]:
    """Every unjoined pair of claims whose nouns differ, with its label and signals."""
    captured.clear()
    compare_facts(articles, embedder=embedder, params=params)
    mentions = captured.get("mentions", [])
    if not mentions:
        return []
    scores = add_same_value_bonus(captured["raw"].copy(), mentions, params)
    group_of = {id(m): g for g, group in enumerate(captured["groups"]) for m in group.mentions}
    articles_of: dict[int, set[str]] = {}
    for g, group in enumerate(captured["groups"]):
        articles_of[g] = {m.claim.article_id for m in group.mentions}
    words = {article.id: ArticleWords(article.text) for article in articles}
    heads = inherited_heads(mentions)
    found = []
    for i, j in cross_article_pairs(mentions):
        first, second = mentions[i], mentions[j]
        if (
            not np.isfinite(scores[i, j])
            or group_of.get(id(first), -1 - i) == group_of.get(id(second), -1 - j)
            or _article_in_row(first, second, group_of, articles_of)
            or (first.head and first.head == second.head)
        ):
            continue
        label = pair_label(first, second, expected, evaluator)
        if label is None:
            continue
        bar = params.dispute_threshold
        if first.dimension.startswith("date:"):
            bar = max(bar, params.date_dispute_threshold)
        if first.dimension.startswith("year:"):
            bar = max(bar, params.year_dispute_threshold)
        found.append(
            {
                "label": label,
                "score": round(float(scores[i, j]), 2),
                "gap": round(bar - float(scores[i, j]), 3),
                "key": tuple(
                    sorted(
                        (m.claim.article_id, str(m.claim.value), m.claim.unit)
                        for m in (first, second)
                    )
                ),
                "pair": f"{first.claim.text} [{first.head or '-'}] / "
                f"{second.claim.text} [{second.head or '-'}]",
                **noun_signals(i, j, mentions, words, heads),
            }
        )
    return found


def _article_in_row(
    first: Any, second: Any, group_of: dict[int, int], articles_of: dict[int, set[str]]
) -> bool:
    """Whether either claim's article is already in the other's row (by another claim):
    joining the pair could not add that source, so the pair does not matter."""
    one, other = group_of.get(id(first)), group_of.get(id(second))
    return (other is not None and first.claim.article_id in articles_of[other]) or (
        one is not None and second.claim.article_id in articles_of[one]
    )


def _unique(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per pair of sources and values: the same two figures stated twice in each
    article count once."""
    seen, kept = set(), []
    for row in rows:
        key = (row["set"], row["cluster"], row["key"])
        if key not in seen:
            seen.add(key)
            kept.append(row)
    return kept


def labelled_set(
    path: Path, evaluator: ModuleType, embedder: Any, params: FactParams
) -> list[dict[str, Any]]:
    rows = []
    for cluster in labelled_clusters(path):
        articles = cluster_articles(cluster)
        for row in study_cluster(articles, cluster["expect"], evaluator, embedder, params):
            rows.append({"set": path.stem, "cluster": cluster["id"], **row})
    return _unique(rows)


def audit_set(evaluator: ModuleType, embedder: Any, params: FactParams) -> list[dict[str, Any]]:
    """The real clusters the audit reads (Multi-News dev less facts-real-dev), by half."""
    rows = []
    for number, articles in audit_clusters():
        half = "audit A" if number < AUDIT_HALF else "audit B"
        for row in study_cluster(articles, None, evaluator, embedder, params):
            rows.append({"set": half, "cluster": number, **row})
    return _unique(rows)


def tally(rows: Sequence[dict[str, Any]], signal: str, bonus: float = np.inf) -> Counter[str]:
    """Labels of the pairs the signal holds on that a bonus of ``bonus`` would lift to the
    bar (every pair it holds on when the bonus is unbounded)."""
    return Counter(row["label"] for row in rows if row[signal] and row["gap"] <= bonus)


def gain(counts: Counter[str]) -> int:
    return counts["true"] + counts["agree"] - COST * (counts["apart"] + counts["audit"])


def leave_one_set_out(rows: Sequence[dict[str, Any]], sets: Sequence[str]) -> None:
    """Per fold: the signal and bonus with the best gain on the other sets, scored on the
    one left out (none when no choice gains)."""
    print("\nleave-one-set-out (signal and bonus chosen on the other sets):")
    options = [(signal, bonus) for signal in SIGNALS for bonus in BONUSES]
    for held in sets:
        train = [row for row in rows if row["set"] != held]
        test = [row for row in rows if row["set"] == held]
        signal, bonus = max(options, key=lambda o: gain(tally(train, *o)))
        score = gain(tally(train, signal, bonus))
        counts = tally(test, signal, bonus) if score > 0 else Counter()
        chosen = f"{signal} +{bonus}" if score > 0 else "none"
        print(
            f"  {held:16} chosen {chosen:16} (gain {score} on the others); held out: "
            + " ".join(f"{label} {counts[label]}" for label in LABELS)
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="+", type=Path)
    parser.add_argument("--evaluator", type=Path, help="default: as fact_errors.py finds it")
    parser.add_argument("--audit", action="store_true", help="add the audit's real clusters")
    parser.add_argument("--quiet", action="store_true", help="the tables only")
    args = parser.parse_args()
    evaluator = _load_evaluator(evaluator_path(args.data[0], args.evaluator))
    _capture()
    embedder = get_embedder(compare_module.DEFAULT_EMBEDDER)
    params = FactParams()
    rows: list[dict[str, Any]] = []
    sets = []
    for path in args.data:
        sets.append(path.stem)
        rows.extend(labelled_set(path, evaluator, embedder, params))
    if args.audit:
        sets += ["audit A", "audit B"]
        rows.extend(audit_set(evaluator, embedder, params))
    if not args.quiet:
        for row in rows:
            if any(row[s] for s in SIGNALS) and row["label"] != "audit":
                print(json.dumps({k: v for k, v in row.items() if k != "key"}, ensure_ascii=False))
    for bonus in BONUSES:
        print(f"\npairs a bonus of {bonus} would lift to the bar (true/agree/apart/audit)")
        print("| set | pairs | " + " | ".join(SIGNALS) + " |")
        print("|---|---|" + "---|" * len(SIGNALS))
        for name in sets:
            mine = [row for row in rows if row["set"] == name and row["gap"] <= bonus]
            total = Counter(row["label"] for row in mine)
            cells = ["/".join(str(tally(mine, s)[label]) for label in LABELS) for s in SIGNALS]
            print(
                f"| {name} | " + "/".join(str(total[label]) for label in LABELS) + " | "
                + " | ".join(cells) + " |"
            )  # fmt: skip
    leave_one_set_out(rows, sets)
    return 0


if __name__ == "__main__":
    sys.exit(main())
