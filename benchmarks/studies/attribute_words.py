"""Study: ran on commit a611cce (2026-12-05); what it showed is in docs/benchmarks-facts.md
(pairing8). One attribute named with different words (issue 14). For every pair of claims
from two articles of a cluster, of one kind and unit, with differing figures, at least
one of them left single by the aligner (so no row holds both), prints what links the
words the two name their attribute with (the counted noun, the governing verb, a measure
noun) and whether the labels make the pair one attribute (LINK: a labelled conflict or
revision holds both figures) or not (every other pair would be a false conflict if
joined).

Links: the same word; WordNet synonymy of the nouns (``nouns_related``) or of the verbs
(``verbs_related``); one noun a kind of the other (``noun_is_kind_of``); a derivational
link (WordNet's "+" pointers: "admit" / "admission", "repay" / "repayment"), from a verb
or noun of one claim to a word of the other; plus structure: the same role, each the only
figure of the kind in its article, the aligner's pair score and the clauses' cosine.

Usage:
    python benchmarks/studies/attribute_words.py DATA [DATA ...] [--evaluator facts_eval.py]
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import study_paths  # noqa: F401
from fact_errors import _load_evaluator, cluster_articles, evaluator_path, labelled_clusters
from odd_one_out import _capture, _cosine, captured, cross_article_pairs

import newsfuse.facts.compare as compare_module
from newsfuse.embed import get_embedder
from newsfuse.facts import compare_facts
from newsfuse.facts.synonymy import (
    load_wordnet,
    noun_is_kind_of,
    nouns_related,
    verbs_related,
)
from newsfuse.facts.verdict import values_agree

SENSES = 3
# Hypernym steps searched up from each noun; nouns with no shared class that near are
# UNRELATED (the distance hypernym_distance gives them).
HYPERNYM_STEPS = 6
UNRELATED = HYPERNYM_STEPS * 2 + 1
# The hypernym distance of a pair with no two differing nouns to compare (left out).
NO_NOUN_PAIR = 99


@functools.cache
def derived(word: str, part: str) -> frozenset[str]:
    """Words WordNet links to ``word`` (a ``part`` lemma) by a derivational ("+") pointer,
    from its most frequent senses, in either part of speech."""
    wordnet = load_wordnet(None, part)
    if wordnet is None or not word:
        return frozenset()
    found: set[str] = set()
    for sense in wordnet.senses(word)[:SENSES]:
        with wordnet._lock:
            wordnet._data.seek(sense)
            line = wordnet._data.readline()
        fields = line.split(b" | ", 1)[0].split()
        word_count = int(fields[3], 16)
        cursor = 4 + 2 * word_count
        for k in range(int(fields[cursor])):
            symbol, target, pos, _ = fields[cursor + 1 + 4 * k : cursor + 5 + 4 * k]
            if symbol != b"+" or pos not in (b"n", b"v"):
                continue
            other = load_wordnet(None, "verb" if pos == b"v" else "noun")
            if other is not None:
                found.update(other.synset(int(target)).words)
    return frozenset(found)


def hypernym_distance(first: str, second: str, steps: int = HYPERNYM_STEPS) -> int:
    """Fewest hypernym steps from a frequent sense of each noun to a shared class (0 for
    a shared sense), or ``steps * 2 + 1`` when none is within ``steps`` of both."""
    wordnet = load_wordnet(None, "noun")
    if wordnet is None or not first or not second:
        return steps * 2 + 1
    one: dict[int, int] = {}
    other: dict[int, int] = {}
    for word, found in ((first, one), (second, other)):
        for sense in wordnet.senses(word)[:SENSES]:
            for offset, distance in wordnet.ancestors(sense, steps).items():
                found[offset] = min(found.get(offset, distance), distance)
    shared = one.keys() & other.keys()
    return min((one[k] + other[k] for k in shared), default=steps * 2 + 1)


def describe(mention: Any) -> str:
    """The figure with its counted noun, verb and measure noun."""
    return f"{mention.claim.text} [{mention.head_word}/{mention.verb}/{mention.measured}]"


def words_of(mention: Any) -> tuple[set[str], set[str]]:
    """The nouns and verbs a claim names its attribute with."""
    nouns = {w.lower() for w in (mention.head_word, mention.measured) if w}
    verbs = {mention.verb.split()[0]} if mention.verb else set()
    return nouns, verbs


def links(first: Any, second: Any) -> dict[str, Any]:
    nouns_a, verbs_a = words_of(first)
    nouns_b, verbs_b = words_of(second)
    same = bool((nouns_a & nouns_b) or (verbs_a & verbs_b))
    noun_syn = any(nouns_related(a, b) for a in nouns_a for b in nouns_b if a != b)
    kind_of = any(noun_is_kind_of(a, b) for a in nouns_a for b in nouns_b if a != b)
    verb_syn = any(verbs_related(a, b) for a in verbs_a for b in verbs_b if a != b)
    words_a = {(w, "noun") for w in nouns_a} | {(w, "verb") for w in verbs_a}
    words_b = {(w, "noun") for w in nouns_b} | {(w, "verb") for w in verbs_b}
    plain_a, plain_b = {w for w, _ in words_a}, {w for w, _ in words_b}
    deriv = any(derived(w, p) & plain_b for w, p in words_a) or any(
        derived(w, p) & plain_a for w, p in words_b
    )
    return {
        "hyper": min(
            (hypernym_distance(a, b) for a in nouns_a for b in nouns_b if a != b),
            default=NO_NOUN_PAIR,
        ),
        "same": same,
        "noun_syn": noun_syn,
        "kind_of": kind_of,
        "verb_syn": verb_syn,
        "deriv": deriv,
    }


def gold(mention: Any, expected: list[dict[str, Any]], evaluator: Any) -> set[int]:
    """The labelled items that hold the mention's figure for its article."""
    as_json = {"value": mention.claim.value, "unit": mention.claim.unit}
    article = mention.claim.article_id
    return {
        n
        for n, item in enumerate(expected)
        if article in item["claims"] and evaluator.value_matches(item["claims"][article], as_json)
    }


def mutual_best(i: int, j: int, mentions: list[Any], raw: np.ndarray) -> bool:
    """Whether each is the other's best-scoring claim of the kind in its article."""
    for one, other in ((i, j), (j, i)):
        rivals = [
            k
            for k, m in enumerate(mentions)
            if m.claim.article_id == mentions[other].claim.article_id
            and m.dimension == mentions[other].dimension
        ]
        if max(rivals, key=lambda k: raw[one, k]) != other:
            return False
    return True


def study_set(path: Path, evaluator: Any, embedder: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for cluster in labelled_clusters(path):
        articles = cluster_articles(cluster)
        compare_facts(articles, embedder=embedder)
        mentions, groups, raw = captured["mentions"], captured["groups"], captured["raw"]
        group_of = {id(m): g for g in groups for m in g.mentions}
        expected = cluster["expect"]
        vectors = np.asarray(embedder.encode([m.clause for m in mentions])) if mentions else None
        per_article = Counter((m.claim.article_id, m.dimension) for m in mentions)

        for i, j in cross_article_pairs(mentions):
            first, second = mentions[i], mentions[j]
            if id(first) not in group_of or id(second) not in group_of:
                continue  # dropped before grouping
            if group_of[id(first)] is group_of[id(second)]:
                continue
            if len(group_of[id(first)].mentions) > 1 and len(group_of[id(second)].mentions) > 1:
                continue
            if values_agree(first.claim, second.claim):
                continue
            shared = gold(first, expected, evaluator) & gold(second, expected, evaluator)
            statuses = {expected[n]["status"] for n in shared}
            label = "LINK" if statuses & {"conflict", "revision"} else "-"
            row = {
                "set": path.stem,
                "cluster": cluster["id"],
                "label": label,
                "status": ",".join(sorted(statuses)),
                "a": describe(first),
                "b": describe(second),
                "dimension": first.dimension,
                "role_same": first.role == second.role,
                "unique": per_article[(first.claim.article_id, first.dimension)] == 1
                and per_article[(second.claim.article_id, second.dimension)] == 1,
                "score": float(raw[i, j]),
                "cos": _cosine(vectors[i], vectors[j]) if vectors is not None else 0.0,
                "mutual": mutual_best(i, j, mentions, raw),
                "odd": len(group_of[id(first)].mentions) > 1
                or len(group_of[id(second)].mentions) > 1,
            }
            row.update(links(first, second))
            out.append(row)
    return out


FLAGS = ("same", "noun_syn", "kind_of", "verb_syn", "deriv", "role_same", "unique", "mutual")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="+", type=Path)
    parser.add_argument("--evaluator", type=Path, help="default: as fact_errors.py finds it")
    parser.add_argument("--all", action="store_true", help="print unlinked pairs too")
    args = parser.parse_args()
    evaluator = _load_evaluator(evaluator_path(args.data[0], args.evaluator))
    _capture()
    embedder = get_embedder(compare_module.DEFAULT_EMBEDDER)
    table: list[dict[str, Any]] = []
    for path in args.data:
        table.extend(study_set(path, evaluator, embedder))
    for row in table:
        any_link = (
            row["same"] or row["noun_syn"] or row["kind_of"] or row["verb_syn"] or row["deriv"]
        )
        row["word_link"] = any_link
        if row["label"] == "LINK" or (args.all and any_link and row["unique"]):
            flags = "".join(
                symbol if row[flag] else "." for flag, symbol in zip(FLAGS, "SNKVDRUM", strict=True)
            )
            print(
                f"{row['set'][-10:]:10} {row['cluster'][-3:]} {row['label']:4} {flags}"
                f" {'odd' if row['odd'] else '   '} s{row['score']:.2f} c{row['cos']:.2f}"
                f"  {row['a'][:45]!r} ~ {row['b'][:45]!r}"
            )
    print()
    for name in sorted({row["set"] for row in table}):
        rows = [row for row in table if row["set"] == name]
        linked = sum(r["label"] == "LINK" for r in rows)
        print(name, "LINK", linked, "other", len(rows) - linked)
        for flag in (*FLAGS, "word_link"):
            pos = sum(r[flag] for r in rows if r["label"] == "LINK")
            neg = sum(r[flag] for r in rows if r["label"] != "LINK")
            both = sum(
                r[flag] and r["unique"] and r["role_same"] for r in rows if r["label"] == "LINK"
            )
            neg_both = sum(
                r[flag] and r["unique"] and r["role_same"] for r in rows if r["label"] != "LINK"
            )
            print(
                f"  {flag:10} LINK {pos:3} other {neg:4}"
                f" | with unique+role LINK {both} other {neg_both}"
            )
    print("\nleave-one-set-out bar on the pair score, for pairs with a word link, each the")
    print("other's best of the kind in its article, same role (above every other set's non-LINK):")
    cut = [r for r in table if r["word_link"] and r["mutual"] and r["role_same"]]
    for held in sorted({row["set"] for row in table}):
        bar = max([r["score"] for r in cut if r["set"] != held and r["label"] != "LINK"] or [-1.0])
        test = [r for r in cut if r["set"] == held]
        hits = sum(r["label"] == "LINK" and r["score"] > bar for r in test)
        false = sum(r["label"] != "LINK" and r["score"] > bar for r in test)
        total = sum(r["label"] == "LINK" for r in test)
        print(f"  {held:16} bar > {bar:.2f}: LINK {hits}/{total}, false joins {false}")
    print("\nhypernym distance of the counted nouns (differing nouns both named), LINK / other:")
    for held in sorted({row["set"] for row in table}):
        rows = [r for r in table if r["set"] == held and r["hyper"] < NO_NOUN_PAIR]
        pos = Counter(min(r["hyper"], UNRELATED) for r in rows if r["label"] == "LINK")
        neg = Counter(min(r["hyper"], UNRELATED) for r in rows if r["label"] != "LINK")
        print(f"  {held:16} LINK {dict(sorted(pos.items()))} other {dict(sorted(neg.items()))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
