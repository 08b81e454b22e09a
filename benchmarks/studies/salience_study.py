"""Study: ran on commit 943e275 (2026-11-23); its result is recorded in docs/benchmarks-rouge.md,
"Fourth round: word salience against general English".

Cross-validated ROUGE of word-salience features added to newsfuse's learned scorer.

Usage::

    python benchmarks/studies/salience_study.py [DATA.jsonl] [--folds 5] [--budget 300]
        [--seeds 13,1,2,3] [--only NAME,NAME]

Classic DUC/TAC content selection compares a cluster's word distribution with
general English; the shipped features only see the cluster (in-cluster TF-IDF).
This harness adds one salience feature at a time to the shipped 21, refits the
logistic regression of ``fit_scorer.py`` (all split sentences, greedy-oracle
labels) and runs the brief's default path exactly as ``benchmarks/rouge.py``
does (``newsfuse.summary.summarize`` with citations), k-fold cross-validated by
cluster. Every fold split (``--seeds``; 13 is the shipped split, so its
``newsfuse`` row reproduces ``rouge.py``) is run for every variant: on 122
clusters the split alone moves a variant by ±0.15, as much as the features do.

Background frequencies are wordfreq's English table (Speer 2022; ``pip install
wordfreq==3.1.1``, offline, data in the wheel). The features:

- ``kl_salience``: mean over the sentence's content words of the word's term in
  KL(cluster ‖ English), p(w) log(p(w) / q(w)) (KLSum, Haghighi & Vanderwende 2009).
- ``kl_salience_documents``: the same, each word weighted by its article share.
- ``log_ratio``: mean of max(0, log p(w) / q(w)).
- ``signature_density``: share of tokens that are topic signatures, log-likelihood
  ratio against English above 10.83 (p < 0.001; Lin & Hovy 2000, as in CLASSY).
- ``signature_documents``: mean article share of the sentence's signature words.
- ``top_kl_density``: share of tokens among the cluster's 20 highest-KL words.
- ``background_centroid``: TF-IDF centroid cosine with IDF from English
  (−log10 q(w)) instead of from the cluster's own sentences.
- ``word_probability``: mean in-cluster probability of the content words
  (SumBasic, Nenkova & Vanderwende 2005; no background).
- ``document_share``: mean share of the cluster's articles that use each content word.
- ``name_documents``: the same over capitalised words and numbers (names, figures).

This is a research harness: nothing in the package depends on it. It swaps
``newsfuse.summary.learned.extract_features`` (which the brief imports when it
runs) for one that appends the variant's column.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import study_paths  # noqa: F401

import fit_scorer
from newsfuse.evaluate import evaluate_clusters, read_clusters
from newsfuse.evaluate.stats import paired_bootstrap_pvalue
from newsfuse.evaluate.systems import PreparedCluster, System, summarize_newsfuse
from newsfuse.model import Sentence
from newsfuse.summary import learned
from shared_data import shared_path

DEFAULT_DATA = shared_path("data", "multinews-dev.jsonl")
METRICS = ("rouge1", "rouge2", "rougeL")
# Words wordfreq has never seen (names, typos) get this probability: rarer than any
# listed English word (its smallest is ~1e-8), so they count as maximally topical.
UNSEEN_PROBABILITY = 1e-9
# χ² critical value for p < 0.001 with one degree of freedom (Lin & Hovy 2000).
SIGNATURE_LLR = 10.83
TOP_KL_WORDS = 20
_TOKEN = re.compile(r"\w+")

Features = Callable[[Sequence[Sentence]], np.ndarray]


def _background() -> dict[str, float]:
    try:
        from wordfreq import get_frequency_dict
    except ImportError:
        sys.exit("salience_study.py needs wordfreq: pip install wordfreq==3.1.1")
    return dict(get_frequency_dict("en"))


def salience_features(sentences: Sequence[Sentence], background: dict[str, float]) -> np.ndarray:
    """One row per sentence, one column per name of :data:`VARIANTS` (same order)."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    raw = [_TOKEN.findall(s.text) for s in sentences]
    content = [[t.lower() for t in ts if t.lower() not in ENGLISH_STOP_WORDS] for ts in raw]
    articles = [s.article_id for s in sentences]
    documents = len(set(articles))
    counts: dict[str, int] = defaultdict(int)
    seen_in: dict[str, set[str]] = defaultdict(set)
    for words, article in zip(content, articles, strict=True):
        for word in words:
            counts[word] += 1
            seen_in[word].add(article)
    total = max(sum(counts.values()), 1)
    share = {w: len(a) / documents for w, a in seen_in.items()}
    english = {w: max(background.get(w, 0.0), UNSEEN_PROBABILITY) for w in counts}
    kl = {w: k / total * math.log(k / total / english[w]) for w, k in counts.items()}
    signatures = {
        w for w, k in counts.items() if _log_likelihood(k, total, english[w]) > SIGNATURE_LLR
    }
    top = set(sorted(kl, key=kl.__getitem__, reverse=True)[:TOP_KL_WORDS])
    vocabulary = {w: j for j, w in enumerate(counts)}
    frequencies = np.zeros((len(sentences), max(len(vocabulary), 1)))
    for i, words in enumerate(content):
        for word in words:
            frequencies[i, vocabulary[word]] += 1.0
    idf = np.array([-math.log10(english[w]) for w in vocabulary] or [1.0])
    vectors = np.where(frequencies > 0, 1.0 + np.log(np.maximum(frequencies, 1.0)), 0.0) * idf
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = vectors / np.where(norms > 0, norms, 1.0)
    centroid = vectors.sum(axis=0)
    centroid = centroid / (float(np.linalg.norm(centroid)) or 1.0)

    rows = np.zeros((len(sentences), len(VARIANTS)))
    for i, (words, tokens) in enumerate(zip(content, raw, strict=True)):
        size = max(len(words), 1)
        length = max(len(tokens), 1)
        signed = [w for w in words if w in signatures]
        names = [t.lower() for t in tokens[1:] if t[:1].isupper() or t.isdigit()]
        names = [w for w in names if w in share]
        rows[i, 0] = 100 * sum(kl[w] for w in words) / size
        rows[i, 1] = 100 * sum(kl[w] * share[w] for w in words) / size
        rows[i, 2] = sum(max(0.0, math.log(counts[w] / total / english[w])) for w in words) / size
        rows[i, 3] = len(signed) / length
        rows[i, 4] = float(np.mean([share[w] for w in signed])) if signed else 0.0
        rows[i, 5] = sum(w in top for w in words) / length
        rows[i, 6] = float(vectors[i] @ centroid)
        rows[i, 7] = 100 * sum(counts[w] / total for w in words) / size
        rows[i, 8] = sum(share[w] for w in words) / size
        rows[i, 9] = float(np.mean([share[w] for w in names])) if names else 0.0
    return rows


VARIANTS = (
    "kl_salience",
    "kl_salience_documents",
    "log_ratio",
    "signature_density",
    "signature_documents",
    "top_kl_density",
    "background_centroid",
    "word_probability",
    "document_share",
    "name_documents",
)


def _log_likelihood(count: int, total: int, english: float) -> float:
    """−2 log λ of the word's cluster rate against its English rate (binomial; Dunning 1993)."""
    rate = count / total
    if rate <= english:
        return 0.0
    value = count * math.log(rate / english)
    if count < total:
        value += (total - count) * math.log((1 - rate) / (1 - english))
    return 2.0 * value


def fit_folds(clusters: list[dict[str, Any]], folds: int, seed: int) -> dict[str, Any]:
    """Weights per cluster id, fitted on the other folds (fit_scorer's split for ``seed``)."""
    order = np.random.default_rng(seed).permutation(len(clusters))
    weights_for: dict[str, Any] = {}
    for fold in range(folds):
        held = set(order[fold::folds].tolist())
        weights = fit_scorer.fit([c for i, c in enumerate(clusters) if i not in held])
        weights_for.update({clusters[i]["id"]: weights for i in held})
    return weights_for


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--budget", type=int, default=300)
    parser.add_argument("--seeds", default="13,1,2,3")
    parser.add_argument("--only", default=",".join(VARIANTS))
    arguments = parser.parse_args()
    seeds = [int(s) for s in arguments.seeds.split(",")]
    chosen = [v for v in arguments.only.split(",") if v]
    unknown = sorted(set(chosen) - set(VARIANTS))
    if unknown:
        sys.exit(f"--only: unknown variant(s) {unknown}; choose from {', '.join(VARIANTS)}")

    background = _background()
    started = time.perf_counter()
    clusters = fit_scorer.prepare(arguments.data, arguments.budget)
    shipped = [c["features"] for c in clusters]
    extra = [salience_features(c["sentences"], background) for c in clusters]
    print(f"prepared {len(clusters)} clusters in {time.perf_counter() - started:.1f} s")

    original = learned.extract_features
    column: dict[str, int | None] = {"index": None}

    def extract_with_salience(sentences: Sequence[Sentence], tfidf: Any = None) -> np.ndarray:
        rows = original(sentences, tfidf)
        if column["index"] is None:
            return rows
        added = salience_features(sentences, background)[:, [column["index"]]]
        return np.hstack([rows, added])

    learned.extract_features = extract_with_salience  # type: ignore[assignment]
    systems: list[System] = []
    names: list[tuple[str, int]] = []
    for seed in seeds:
        for variant in ("shipped", *chosen):
            index = None if variant == "shipped" else VARIANTS.index(variant)
            for cluster, rows, more in zip(clusters, shipped, extra, strict=True):
                cluster["features"] = rows if index is None else np.hstack([rows, more[:, [index]]])
            fit_scorer.FEATURE_NAMES = tuple(
                f"f{i}" for i in range(clusters[0]["features"].shape[1])
            )
            weights_for = fit_folds(clusters, arguments.folds, seed)
            fallback = next(iter(weights_for.values()))

            def run(
                cluster: PreparedCluster,
                budget: int,
                weights_for: dict[str, Any] = weights_for,
                fallback: Any = fallback,
                index: int | None = index,
            ) -> list[str]:
                column["index"] = index
                return summarize_newsfuse(cluster, budget, weights_for.get(cluster.id, fallback))

            # The harness tests every system against the one named "newsfuse".
            name = "newsfuse" if not systems else f"{variant}@{seed}"
            systems.append(System(name, run, lambda: None))
            names.append((variant, seed))

    data = list(read_clusters(arguments.data).clusters)
    report = evaluate_clusters(data, budget=arguments.budget, systems=systems)
    per_cluster = {key: report.systems[i].per_cluster for i, key in enumerate(names)}
    print(
        f"{arguments.folds}-fold CV by cluster over {len(data)} clusters, fold seeds {seeds}; "
        f"p = paired bootstrap, variant better by chance (seed {seeds[0]})"
    )
    print(
        f"| variant | seed {seeds[0]}: R-1 / R-2 / R-L | p | mean of {len(seeds)} seeds | Δ mean |"
    )
    print("|---|---|---|---|---|")
    baseline_mean = _mean_over_seeds(per_cluster, "shipped", seeds)
    for variant in ("shipped", *chosen):
        first = per_cluster[(variant, seeds[0])]
        base = per_cluster[("shipped", seeds[0])]
        scores = [np.mean([r.scores[m] for r in first]) for m in METRICS]
        p_values = [
            paired_bootstrap_pvalue([r.scores[m] for r in first], [r.scores[m] for r in base])
            for m in METRICS
        ]
        mean = _mean_over_seeds(per_cluster, variant, seeds)
        print(
            f"| {variant} | {' / '.join(f'{s:.2f}' for s in scores)} | "
            f"{'-' if variant == 'shipped' else '/'.join(f'{p:.3f}' for p in p_values)} | "
            f"{' / '.join(f'{s:.2f}' for s in mean)} | "
            f"{' / '.join(f'{d:+.2f}' for d in mean - baseline_mean)} |"
        )


def _mean_over_seeds(
    per_cluster: dict[tuple[str, int], Any], variant: str, seeds: list[int]
) -> np.ndarray:
    return np.mean(
        [
            [np.mean([r.scores[m] for r in per_cluster[(variant, s)]]) for m in METRICS]
            for s in seeds
        ],
        axis=0,
    )


if __name__ == "__main__":
    main()
