"""Study: ran on commit 1b06511 (2026-12-04); what it showed is in
docs/benchmarks-readability.md (the audit's repeat rule). Whether the audit's meaning
check for repeats (MiniLM cosine at the measured cut) should also ask the two
sentences to share the fact's words: content words or numbers in common.

For the invented labelled pairs (``benchmarks/readability_pairs.json``) it prints
each rule's accuracy (in-sample, and leave-one-out over the shared-word floor); with
DATA it briefs every cluster and prints every pair of brief sentences the cosine
flags, with what they share, so the pairs can be read.

Usage::

    python benchmarks/studies/repeat_check.py [--data DATA.jsonl] [--budget 300]
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from study_paths import ROOT

from newsfuse.summary.lexical import content_words

PAIRS = ROOT / "benchmarks" / "readability_pairs.json"
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
FLOORS = (0, 1, 2, 3, 4)


def shared_terms(first: str, second: str) -> frozenset[str]:
    """Content words and numbers the two sentences have in common."""
    numbers = set(_NUMBER.findall(first)) & set(_NUMBER.findall(second))
    return frozenset((content_words(first) & content_words(second)) | numbers)


def rule_accuracy(
    cosines: np.ndarray, shared: np.ndarray, labels: np.ndarray, cut: float, floor: int
) -> float:
    """Share of pairs the rule 'cosine >= cut and at least ``floor`` shared terms' labels right."""
    return float(np.mean(((cosines >= cut) & (shared >= floor)) == labels))


def leave_one_out(
    cosines: np.ndarray, shared: np.ndarray, labels: np.ndarray, cut: float
) -> tuple[float, list[int]]:
    """Accuracy of choosing the floor on all pairs but one, then labelling that one;
    and the floor each fold chose."""
    correct = 0
    chosen = []
    for held in range(len(labels)):
        rest = np.arange(len(labels)) != held
        # Among equally accurate floors, the lowest: the smallest change to the cosine rule.
        floor = max(
            FLOORS,
            key=lambda f: (rule_accuracy(cosines[rest], shared[rest], labels[rest], cut, f), -f),
        )
        chosen.append(floor)
        correct += int(((cosines[held] >= cut) and (shared[held] >= floor)) == labels[held])
    return correct / len(labels), chosen


def labelled_pairs(cut: float, encode: object) -> None:
    """Print each floor's accuracy on the labelled pairs, and the pairs it changes."""
    pairs = json.loads(PAIRS.read_text(encoding="utf-8"))["pairs"]
    first = encode([p["first"] for p in pairs])  # type: ignore[operator]
    second = encode([p["second"] for p in pairs])  # type: ignore[operator]
    cosines = np.sum(first * second, axis=1).astype(float)
    shared = np.array([len(shared_terms(p["first"], p["second"])) for p in pairs])
    labels = np.array([bool(p["repeat"]) for p in pairs])
    print(f"{len(pairs)} labelled pairs ({labels.sum()} repeats), cosine cut {cut:.3f}")
    print("| shared terms >= | accuracy | repeats caught | non-repeats flagged |")
    print("|---|---|---|---|")
    for floor in FLOORS:
        flagged = (cosines >= cut) & (shared >= floor)
        print(
            f"| {floor} | {rule_accuracy(cosines, shared, labels, cut, floor):.3f} "
            f"| {int(np.sum(flagged & labels))}/{int(labels.sum())} "
            f"| {int(np.sum(flagged & ~labels))}/{int((~labels).sum())} |"
        )
    accuracy, chosen = leave_one_out(cosines, shared, labels, cut)
    print(f"leave-one-out accuracy {accuracy:.3f}, floors chosen {sorted(set(chosen))}")
    print("\npairs over the cut, by shared terms:")
    for index in np.argsort(shared):
        if cosines[index] >= cut:
            pair = pairs[index]
            print(
                f"- [{'repeat' if labels[index] else 'other'}] cos {cosines[index]:.3f} "
                f"shared {shared[index]}: {pair['first'][:70]} || {pair['second'][:70]}"
            )


def brief_pairs(data: Path, budget: int, cut: float, encode: object) -> None:
    """Brief every cluster and print the pairs of brief sentences at or over the cut."""
    from newsfuse.evaluate import read_clusters
    from newsfuse.evaluate.harness import prepare_cluster
    from newsfuse.summary import summarize

    print(f"\n{data.name} at {budget} words: brief pairs with cosine >= {cut:.3f}")
    for cluster in read_clusters(data).clusters:
        texts = [s.text for s in summarize(list(prepare_cluster(cluster).articles), budget)]
        if len(texts) < 2:
            continue
        vectors = np.asarray(encode(texts), dtype=np.float64)  # type: ignore[operator]
        similarity = vectors @ vectors.T
        for later in range(len(texts)):
            for earlier in range(later):
                if similarity[earlier, later] >= cut:
                    terms = sorted(shared_terms(texts[earlier], texts[later]))
                    print(f"- cos {similarity[earlier, later]:.3f} shared {len(terms)} {terms}")
                    print(f"  {texts[earlier][:200]}")
                    print(f"  {texts[later][:200]}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--budget", type=int, default=300)
    arguments = parser.parse_args(argv)
    from newsfuse.embed import get_embedder
    from newsfuse.evaluate.audit import AuditParams

    cut = AuditParams().repeat_cosine
    embedder = get_embedder()
    labelled_pairs(cut, embedder.encode)
    if arguments.data is not None:
        brief_pairs(arguments.data, arguments.budget, cut, embedder.encode)


if __name__ == "__main__":
    main()
