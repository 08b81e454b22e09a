"""Study: ran on commit 4aa3a7a (2026-11-23); its result is recorded in docs/benchmarks-rouge.md,
"Second round" and "Third round".

Cross-validated ROUGE of variants of newsfuse's learned scorer and selection (Multi-News).

Usage::

    python benchmarks/studies/rouge_variants.py [DATA.jsonl] [--folds 5] [--budget 300]
        [--cache FILE] [--only static]

Each row is a variant of the brief's default path (``_select_learned``: learned
sentence scores → ``select_best_first`` → ``order_sentences``), 5-fold
cross-validated by cluster with the folds of ``fit_scorer.py``, so the first row
reproduces ``benchmarks/rouge.py``'s newsfuse row. Candidates are the pipeline's
own (``newsfuse.summary``'s story sentences of non-copy articles). MiniLM vectors
of chosen sentences are cached in memory, so a variant costs seconds once the
first rows have embedded what they chose; ``--cache FILE`` keeps them between
runs (a pickle of text → vector, only ever read back by this harness).
``--only static`` runs the shipped row and the static-embedding rows (features
and selections over ``get_embedder("minilm-static")`` vectors of every
candidate). This is a research harness: nothing in the package depends on it.
"""

from __future__ import annotations

import argparse
import itertools
import pickle
import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import study_paths  # noqa: F401

from fit_scorer import SEED, fit, prepare
from newsfuse import summary as brief_stage
from newsfuse.evaluate.data import read_clusters
from newsfuse.evaluate.oracle import _gain, count_ngrams, select_oracle, tokenize_for_rouge
from newsfuse.evaluate.pipeline import read_cluster
from newsfuse.evaluate.rouge import score_summary
from newsfuse.evaluate.text import split_plain_sentences
from newsfuse.segment import split_sentences
from newsfuse.summary import select as select_stage
from newsfuse.summary.learned import (
    extract_features,
    looks_like_page_furniture,
    vectorize_sentences,
)
from newsfuse.summary.order import order_sentences
from newsfuse.summary.params import BriefParams
from shared_data import shared_path

DEFAULT_DATA = shared_path("data", "multinews-dev.jsonl")
# The shipped brief's tunables: the variants below change them by dataclasses.replace.
SHIPPED = BriefParams()
MIN_SENTENCE_WORDS = SHIPPED.min_chosen_words
MAX_SENTENCE_WORDS = SHIPPED.max_chosen_words
REDUNDANCY_THRESHOLD = SHIPPED.redundancy_tfidf
Model = Callable[["Cluster"], np.ndarray]
_TOKEN = re.compile(r"[a-z0-9]+")
_ATTRIBUTION = re.compile(r"\b(said|says|according to|told|reported|reports)\b", re.IGNORECASE)


@dataclass
class Cluster:
    """One cluster as the brief sees it, with everything a variant needs."""

    id: str
    articles: list[Any]
    candidates: list[Any]
    renumbered: list[Any]
    tfidf: np.ndarray
    features: np.ndarray
    extra: np.ndarray
    oracle: np.ndarray  # greedy-oracle labels (F1 oracle, stops when nothing helps)
    filling: np.ndarray  # recall-greedy labels that fill the budget
    recall: np.ndarray  # each sentence's own ROUGE-1 + ROUGE-2 recall
    reference: list[str]
    static: np.ndarray | None = None  # minilm-static vectors of the candidates
    static_features: np.ndarray | None = None  # STATIC_FEATURES of the candidates


class CachingEncoder:
    """MiniLM encodings, each text encoded once per run (or once ever, with ``path``)."""

    def __init__(self, path: Path | None = None) -> None:
        from newsfuse.embed import get_embedder

        self.embedder = get_embedder()
        self.path = path
        self.cache: dict[str, np.ndarray] = {}
        if path is not None and path.exists():
            self.cache = pickle.loads(path.read_bytes())

    def save(self) -> None:
        """Keep the vectors for the next run, when a cache file was given."""
        if self.path is not None:
            self.path.write_bytes(pickle.dumps(self.cache))

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self.cache]
        if missing:
            self.cache.update(zip(missing, self.embedder.encode(missing), strict=True))
        return np.array([self.cache[t] for t in texts])


def prepare_candidates(data: Path, budget: int) -> list[Cluster]:
    """Per cluster: the brief's candidates, their features and the learning targets."""
    prepared = []
    for raw in read_clusters(data).clusters:
        articles = [a for a in read_cluster(raw) if a.text.strip()]
        segmented = [split_sentences(a) for a in articles]
        evidence = [brief_stage._evidence(s, SHIPPED) for s in segmented]
        candidates, _ = brief_stage._candidates(
            segmented, evidence, brief_stage.find_copies(evidence), SHIPPED
        )
        if not candidates:
            continue
        renumbered = brief_stage._renumber(candidates)
        texts = [s.text for s in candidates]
        tfidf = vectorize_sentences(texts)
        oracle = np.zeros(len(texts))
        oracle[select_oracle(texts, raw.summary, budget)] = 1.0
        filling, recall = _recall_targets(texts, raw.summary, budget)
        prepared.append(
            Cluster(
                id=raw.id,
                articles=articles,
                candidates=candidates,
                renumbered=renumbered,
                tfidf=tfidf,
                features=extract_features(renumbered, tfidf),
                extra=_extra_features(renumbered, articles, tfidf),
                oracle=oracle,
                filling=filling,
                recall=recall,
                reference=split_plain_sentences(raw.summary),
            )
        )
    return prepared


def _recall_targets(texts: list[str], summary: str, budget: int) -> tuple[np.ndarray, np.ndarray]:
    """Labels of a recall-greedy oracle that fills the budget, and per-sentence recall."""
    reference = tokenize_for_rouge(summary)
    grams = [count_ngrams(reference, 1), count_ngrams(reference, 2)]
    tokens = [tokenize_for_rouge(t) for t in texts]
    own = [[count_ngrams(t, 1), count_ngrams(t, 2)] for t in tokens]
    totals = [max(len(reference), 1), max(len(reference) - 1, 1)]
    recall = np.array(
        [sum(_gain(Counter(), o[n], grams[n]) / totals[n] for n in (0, 1)) for o in own]
    )
    labels = np.zeros(len(texts))
    selected: list[Counter[tuple[str, ...]]] = [Counter(), Counter()]
    words = 0
    while True:
        best, best_gain = -1, 0.0
        for i, o in enumerate(own):
            if labels[i] or words + len(texts[i].split()) > budget:
                continue
            gain = sum(_gain(selected[n], o[n], grams[n]) / totals[n] for n in (0, 1))
            if gain > best_gain:
                best, best_gain = i, gain
        if best < 0:
            return labels, recall
        labels[best] = 1.0
        words += len(texts[best].split())
        for n in (0, 1):
            selected[n] += own[best][n]


def _extra_features(sentences: list[Any], articles: list[Any], tfidf: np.ndarray) -> np.ndarray:
    """Seven more general features: cross-document word/bigram support, lead similarity,
    attribution, relative character position and article length."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    ids = [s.article_id for s in sentences]
    documents = max(len(set(ids)) - 1, 1)
    tokens = [_TOKEN.findall(s.text.lower()) for s in sentences]
    words = [{t for t in tk if t not in ENGLISH_STOP_WORDS} for tk in tokens]
    bigrams = [
        {(a, b) for a, b in itertools.pairwise(tk) if b not in ENGLISH_STOP_WORDS} for tk in tokens
    ]
    word_df: Counter[str] = Counter()
    bigram_df: Counter[tuple[str, str]] = Counter()
    for article_id in set(ids):
        rows = [i for i, a in enumerate(ids) if a == article_id]
        word_df.update(set().union(*(words[i] for i in rows)))
        bigram_df.update(set().union(*(bigrams[i] for i in rows)))
    similarity = tfidf @ tfidf.T
    lead = np.array([s.index == 0 for s in sentences])
    text_of = {a.id: a.text for a in articles}
    rows = np.zeros((len(sentences), 7))
    for i, sentence in enumerate(sentences):
        other_leads = lead & (np.array(ids) != ids[i])
        article = text_of.get(ids[i], "")
        rows[i] = [
            np.mean([word_df[w] - 1 for w in words[i]]) / documents if words[i] else 0.0,
            np.mean([bigram_df[g] - 1 for g in bigrams[i]]) / documents if bigrams[i] else 0.0,
            sum(bigram_df[g] >= 2 for g in bigrams[i]) / max(len(bigrams[i]), 1),
            similarity[i, other_leads].max() if other_leads.any() else 0.0,
            float(bool(_ATTRIBUTION.search(sentence.text))),
            sentence.start / max(len(article), 1),
            np.log1p(len(article.split())),
        ]
    return rows


def _standardise(train: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
    mean, scale = train.mean(axis=0), train.std(axis=0)
    scale[scale == 0] = 1.0
    return lambda x: (x - mean) / scale


def fit_logistic(target: str, extra: bool = False) -> Callable[[list[Cluster]], Model]:
    """Class-balanced logistic regression on ``target`` labels of the candidates."""

    def features(c: Cluster) -> np.ndarray:
        return np.hstack([c.features, c.extra]) if extra else c.features

    def train(clusters: list[Cluster]) -> Model:
        from sklearn.linear_model import LogisticRegression

        x = np.vstack([features(c) for c in clusters])
        standard = _standardise(x)
        y = np.concatenate([getattr(c, target) for c in clusters])
        model = LogisticRegression(class_weight="balanced", max_iter=3000).fit(standard(x), y)
        return lambda c: model.decision_function(standard(features(c)))

    return train


def fit_pairwise(clusters: list[Cluster]) -> Model:
    """Pairwise ranking (RankSVM-style, Joachims 2002, with a logistic loss): oracle
    sentences against 30 random others of the same cluster, all features."""
    from sklearn.linear_model import LogisticRegression

    x = np.vstack([np.hstack([c.features, c.extra]) for c in clusters])
    standard = _standardise(x)
    rng = np.random.default_rng(0)
    pairs = []
    for c in clusters:
        z = standard(np.hstack([c.features, c.extra]))
        positive, negative = np.flatnonzero(c.oracle), np.flatnonzero(c.oracle == 0)
        for p in positive:
            for q in rng.choice(negative, min(30, len(negative)), replace=False):
                pairs.append(z[p] - z[q])
    d = np.array(pairs)
    model = LogisticRegression(fit_intercept=False, max_iter=3000)
    model.fit(np.vstack([d, -d]), np.r_[np.ones(len(d)), np.zeros(len(d))])
    return lambda c: standard(np.hstack([c.features, c.extra])) @ model.coef_[0]


def fit_ridge_recall(clusters: list[Cluster]) -> Model:
    """Ridge regression on each sentence's own ROUGE-1 + ROUGE-2 recall."""
    from sklearn.linear_model import Ridge

    x = np.vstack([c.features for c in clusters])
    standard = _standardise(x)
    model = Ridge().fit(standard(x), np.concatenate([c.recall for c in clusters]))
    return lambda c: model.predict(standard(c.features))


def fit_boosting(clusters: list[Cluster]) -> Model:
    """Gradient-boosted trees (scikit-learn HistGradientBoosting) on oracle labels."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    model = HistGradientBoostingClassifier(
        class_weight="balanced", max_iter=100, max_leaf_nodes=15, learning_rate=0.05, random_state=0
    )
    model.fit(
        np.vstack([c.features for c in clusters]), np.concatenate([c.oracle for c in clusters])
    )
    return lambda c: model.decision_function(c.features)


# Features of every candidate from the static word-piece embedding distilled from
# MiniLM (``get_embedder("minilm-static")``, ~10 ms per cluster): "centred" vectors have
# the cluster's mean vector removed, so that cosines measure what two sentences share
# beyond the cluster's common topic.
STATIC_FEATURES = (
    "static_centroid_similarity",
    "static_document_similarity",
    "static_document_importance",  # cosine of the sentence's article to the cluster
    "static_mean_other_document_max",
    "centred_mean_other_document_max",
    "centred_supporting_documents",  # share of other articles with a sentence at ≥ 0.5
    "centred_max_other_document",
    "centred_lexrank",  # Erkan & Radev 2004: edges ≥ 0.3, damping 0.85
    "centred_degree",
    "centred_other_leads",
)


def centre(vectors: np.ndarray) -> np.ndarray:
    """Rows minus their mean, L2-normalised again."""
    centred = vectors - vectors.mean(axis=0)
    return centred / np.maximum(np.linalg.norm(centred, axis=1, keepdims=True), 1e-12)


def _power_iteration(similarity: np.ndarray, damping: float = 0.85, rounds: int = 50) -> np.ndarray:
    """LexRank's stationary distribution (Erkan & Radev 2004), scaled to mean 1."""
    count = len(similarity)
    weights = np.clip(similarity, 0.0, None)
    np.fill_diagonal(weights, 0.0)
    totals = weights.sum(axis=1, keepdims=True)
    transition = weights / np.where(totals == 0, 1.0, totals)
    rank = np.full(count, 1.0 / count)
    for _ in range(rounds):
        rank = (1 - damping) / count + damping * (transition.T @ rank)
    return rank * count


def static_features(sentences: Sequence[Any], vectors: np.ndarray) -> np.ndarray:
    """One row of STATIC_FEATURES per sentence of a cluster, from its static vectors."""
    count = len(sentences)
    ids = [s.article_id for s in sentences]
    order = list(dict.fromkeys(ids))
    document = np.array([order.index(a) for a in ids])
    documents = len(order)

    def unit(vector: np.ndarray) -> np.ndarray:
        return vector / max(float(np.linalg.norm(vector)), 1e-12)

    centroid = unit(vectors.mean(axis=0))
    document_centroids = np.stack(
        [unit(vectors[document == d].mean(axis=0)) for d in range(documents)]
    )
    centred = centre(vectors)
    similarity, centred_similarity = vectors @ vectors.T, centred @ centred.T
    maxima, centred_maxima = np.zeros((count, documents)), np.zeros((count, documents))
    for d in range(documents):
        maxima[:, d] = similarity[:, document == d].max(axis=1)
        centred_maxima[:, d] = centred_similarity[:, document == d].max(axis=1)
    other = document[:, None] != np.arange(documents)[None, :]
    others = max(documents - 1, 1)
    leads = np.array([s.index == 0 for s in sentences])
    other_leads = leads[None, :] & (document[:, None] != document[None, :])
    rows = np.zeros((count, len(STATIC_FEATURES)))
    rows[:, 0] = vectors @ centroid
    rows[:, 1] = np.einsum("ij,ij->i", vectors, document_centroids[document])
    rows[:, 2] = (document_centroids @ centroid)[document]
    rows[:, 3] = (maxima * other).sum(axis=1) / others
    rows[:, 4] = (centred_maxima * other).sum(axis=1) / others
    rows[:, 5] = ((centred_maxima >= 0.5) & other).sum(axis=1) / others
    rows[:, 6] = np.where(other, centred_maxima, -1.0).max(axis=1) if documents > 1 else 0.0
    rows[:, 7] = _power_iteration(np.where(centred_similarity >= 0.3, centred_similarity, 0.0))
    rows[:, 8] = (np.clip(centred_similarity, 0.0, None).sum(axis=1) - 1.0) / max(count - 1, 1)
    rows[:, 9] = np.where(other_leads, centred_similarity, -1.0).max(axis=1)
    return rows


def add_static(clusters: list[Cluster], shipped_data: dict[str, dict]) -> None:
    """Static vectors and STATIC_FEATURES for the candidates and the fitting sentences."""
    from newsfuse.embed import get_embedder

    static = get_embedder("minilm-static")
    for cluster in clusters:
        cluster.static = np.asarray(
            static.encode([s.text for s in cluster.candidates]), dtype=np.float64
        )
        cluster.static_features = static_features(cluster.renumbered, cluster.static)
    for data in shipped_data.values():
        vectors = np.asarray(static.encode([s.text for s in data["sentences"]]), dtype=np.float64)
        data["static_features"] = static_features(data["sentences"], vectors)
        data["static"] = vectors


def fit_shipped_static(
    shipped_data: dict[str, dict],
    columns: Sequence[int] = (),
    vectors: bool = False,
    c: float = 1.0,
) -> Callable[[list[Cluster]], Model]:
    """The shipped fit (all split sentences, oracle labels) with static features added:
    the STATIC_FEATURES ``columns``, and with ``vectors`` the 256 vector components."""

    def block(features: np.ndarray, extra: np.ndarray, static: np.ndarray) -> np.ndarray:
        parts = [features, extra[:, list(columns)]]
        return np.hstack([*parts, static] if vectors else parts)

    def train(clusters: list[Cluster]) -> Model:
        from sklearn.linear_model import LogisticRegression

        data = [shipped_data[cluster.id] for cluster in clusters]
        x = np.vstack([block(d["features"], d["static_features"], d["static"]) for d in data])
        standard = _standardise(x)
        y = np.concatenate([d["labels"] for d in data])
        model = LogisticRegression(class_weight="balanced", max_iter=3000, C=c)
        model.fit(standard(x), y)
        return lambda k: model.decision_function(
            standard(block(k.features, k.static_features, k.static))  # type: ignore[arg-type]
        )

    return train


def choose_with_gain(
    cluster: Cluster,
    scores: np.ndarray,
    budget: int,
    encoder: CachingEncoder,
    *,
    kind: str,
    weight: float,
    cut: float = 1.0,
    redundancy: float = REDUNDANCY_THRESHOLD,
) -> list[str]:
    """``choose`` with a greedy gain over centred static vectors instead of the score order.

    ``kind`` "mmr": probability − weight · max cosine to the chosen (Carbonell &
    Goldstein 1998); "coverage": probability + weight · gain of Lin & Bilmes's
    (2011) saturated coverage Σᵢ min(Cᵢ(S), 0.1 · Cᵢ(V)) per candidate (× 10).
    ``cut`` also skips a candidate whose static cosine to a chosen one reaches it.
    The lexical and MiniLM repeat checks are those of ``select_best_first``.
    """
    assert cluster.static is not None
    candidates = cluster.candidates
    if len({s.article_id for s in candidates}) == 1:
        return choose(cluster, scores, budget, encoder, redundancy=redundancy)
    centred = centre(cluster.static)
    cover = np.clip(centred @ centred.T, 0.0, None)
    probability = 1.0 / (1.0 + np.exp(-scores))
    lengths = [len(s.text.split()) for s in candidates]
    allowed = [
        row
        for row, s in enumerate(candidates)
        if MIN_SENTENCE_WORDS <= lengths[row] <= MAX_SENTENCE_WORDS
        and not looks_like_page_furniture(s.text)
    ]
    vectors: dict[int, np.ndarray] = {}
    excluded: set[int] = set()
    chosen: list[int] = []
    for _ in range(SHIPPED.max_embedding_rounds):
        chosen, words = [], 0
        covered, closest = np.zeros(len(candidates)), np.zeros(len(candidates))
        capacity = 0.1 * cover.sum(axis=1)
        while words < budget:
            gains = []
            for row in allowed:
                if row in excluded or row in chosen or words + lengths[row] > budget:
                    continue
                if kind == "mmr":
                    gain = probability[row] - weight * closest[row]
                else:
                    added = np.minimum(covered + cover[:, row], capacity)
                    gain = probability[row] + weight * 10 * float(
                        (added - np.minimum(covered, capacity)).mean()
                    )
                gains.append((-gain, row))
            pick = next(
                (
                    row
                    for _, row in sorted(gains)
                    if not chosen
                    or (
                        float((cluster.tfidf[chosen] @ cluster.tfidf[row]).max()) <= redundancy
                        and float(cover[row, chosen].max()) < cut
                        and not any(
                            select_stage._restates(
                                candidates[row].text, candidates[o].text, SHIPPED
                            )
                            for o in chosen
                        )
                    )
                ),
                None,
            )
            if pick is None:
                break
            chosen.append(pick)
            words += lengths[pick]
            covered += cover[:, pick]
            closest = np.maximum(closest, cover[:, pick])
        new = [row for row in chosen if row not in vectors]
        vectors.update(zip(new, encoder.encode([candidates[r].text for r in new]), strict=True))
        repeats = {
            later
            for position, later in enumerate(chosen)
            for earlier in chosen[:position]
            if float(vectors[later] @ vectors[earlier]) >= SHIPPED.redundant_cosine
        }
        if not repeats:
            break
        excluded |= repeats
    kept = [candidates[r] for r in chosen if r not in excluded]
    return [s.text for s in order_sentences(kept, cluster.articles)]


def choose(
    cluster: Cluster,
    scores: np.ndarray,
    budget: int,
    encoder: CachingEncoder,
    *,
    longest: int = MAX_SENTENCE_WORDS,
    redundancy: float = REDUNDANCY_THRESHOLD,
) -> list[str]:
    """``_select_learned`` with the variant's scores and limits, then the brief's order."""
    candidates = cluster.candidates
    if len({s.article_id for s in candidates}) == 1:
        scores = -np.arange(len(candidates), dtype=np.float64)
    eligible = [
        MIN_SENTENCE_WORDS <= len(s.text.split()) <= longest
        and not looks_like_page_furniture(s.text)
        for s in candidates
    ]
    rows: list[int] = []
    for allowed in (eligible, [True] * len(candidates)):
        rows = select_stage.select_best_first(
            candidates,
            scores,
            budget,
            encode=encoder.encode,
            tfidf=cluster.tfidf,
            eligible=allowed,
            params=replace(SHIPPED, redundancy_tfidf=redundancy),
        )
        if rows:
            break
    chosen = [candidates[r] for r in rows]
    return [s.text for s in order_sentences(chosen, cluster.articles)]


def cross_validate(
    clusters: list[Cluster],
    train: Callable[[list[Cluster]], Model],
    folds: int,
    budget: int,
    encoder: CachingEncoder,
    **selection: Any,
) -> list[float]:
    """Mean R-1, R-2, R-L F1 over clusters, each scored by a model fitted on the other folds.

    ``selection`` goes to ``choose``, or with a ``kind`` key to ``choose_with_gain``.
    """
    chooser: Callable[..., list[str]] = choose_with_gain if "kind" in selection else choose
    order = np.random.default_rng(SEED).permutation(len(clusters))
    scores = []
    for fold in range(folds):
        held = set(order[fold::folds].tolist())
        model = train([c for i, c in enumerate(clusters) if i not in held])
        for i in sorted(held):
            output = chooser(clusters[i], model(clusters[i]), budget, encoder, **selection)
            scores.append(score_summary(output, clusters[i].reference).as_dict())
    return [float(np.mean([s[k] for s in scores])) for k in ("rouge1", "rouge2", "rougeL")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--budget", type=int, default=300)
    parser.add_argument("--cache", type=Path, default=None, help="keep MiniLM vectors here")
    parser.add_argument("--only", choices=["static"], default=None)
    arguments = parser.parse_args()
    folds, budget = arguments.folds, arguments.budget

    started = time.perf_counter()
    clusters = prepare_candidates(arguments.data, budget)
    shipped_data = {c["id"]: c for c in prepare(arguments.data, budget)}
    print(f"prepared {len(clusters)} clusters in {time.perf_counter() - started:.0f} s")
    encoder = CachingEncoder(arguments.cache)

    def shipped(train: list[Cluster]) -> Model:
        weights = fit([shipped_data[c.id] for c in train])
        return lambda c: weights.score(c.features)

    def oracle_bound(train: list[Cluster]) -> Model:
        return lambda c: c.oracle * 10 + c.recall

    variants: list[tuple[str, Callable[[list[Cluster]], Model], dict[str, Any]]] = [
        ("shipped: LR on oracle labels of all sentences", shipped, {}),
        ("LR on oracle labels of the brief's candidates", fit_logistic("oracle"), {}),
        ("+ 7 support/lead/attribution/position features", fit_logistic("oracle", True), {}),
        ("pairwise ranking, all 28 features", fit_pairwise, {}),
        ("LR on budget-filling recall-oracle labels", fit_logistic("filling"), {}),
        ("ridge on sentence ROUGE-1+2 recall", fit_ridge_recall, {}),
        ("gradient-boosted trees on oracle labels", fit_boosting, {}),
        ("shipped, sentences of at most 50 words", shipped, {"longest": 50}),
        ("shipped, TF-IDF repeat cut 0.2", shipped, {"redundancy": 0.2}),
        ("shipped, TF-IDF repeat cut 0.3", shipped, {"redundancy": 0.3}),
        ("bound: oracle labels as scores (not a system)", oracle_bound, {}),
    ]
    if arguments.only == "static":
        variants = variants[:1]
    add_static(clusters, shipped_data)
    static_rows: list[tuple[str, Callable[[list[Cluster]], Model], dict[str, Any]]] = [
        (f"shipped + {name}", fit_shipped_static(shipped_data, [column]), {})
        for column, name in enumerate(STATIC_FEATURES)
    ]
    static_rows += [
        ("shipped + all 10 static features", fit_shipped_static(shipped_data, range(10)), {}),
        (
            "shipped + 256 static vector components, C 0.01",
            fit_shipped_static(shipped_data, vectors=True, c=0.01),
            {},
        ),
        ("shipped, probability-ordered greedy", shipped, {"kind": "mmr", "weight": 0.0}),
        ("shipped, MMR on static vectors, weight 0.2", shipped, {"kind": "mmr", "weight": 0.2}),
        ("shipped, Lin-Bilmes coverage, weight 0.3", shipped, {"kind": "coverage", "weight": 0.3}),
        ("shipped, static repeat cut 0.6", shipped, {"kind": "mmr", "weight": 0.0, "cut": 0.6}),
        (
            "shipped, static cut 0.5 instead of TF-IDF",
            shipped,
            {"kind": "mmr", "weight": 0.0, "cut": 0.5, "redundancy": 1.0},
        ),
    ]
    variants += static_rows
    print(f"| variant ({folds}-fold CV by cluster) | R-1 | R-2 | R-L | s |")
    print("|---|---|---|---|---|")
    for name, train, selection in variants:
        began = time.perf_counter()
        means = cross_validate(clusters, train, folds, budget, encoder, **selection)
        cells = " | ".join(f"{m:.2f}" for m in means)
        print(f"| {name} | {cells} | {time.perf_counter() - began:.0f} |", flush=True)
        encoder.save()


if __name__ == "__main__":
    main()
