"""Study: ran on commit 249c740 (2026-11-23); its result is recorded in docs/benchmarks-stories.md,
"How far any clustering of these signals can go".

How far any clustering of newsfuse's grouping signals can go on Multi-News dev.

The story index (``benchmarks/clustering.py``) is incremental: it sees each
document once, in arrival order, with the document frequencies of the articles
seen so far. This script asks what an *offline* clustering could reach with the
same signals and every advantage: all documents at once, final document
frequencies, no date or figure rules, and the threshold picked with the true
clusters in view (so the figures are optimistic bounds, not systems).

Signals are the index's own: the TF-IDF cosine of the articles' top terms
(``group.lexical``), the cosine of their embedded leads (the embedder's
calibration: lead length, centring), and the join score that combines them
(``group.index.score_join``; 1.0 is the index's join bar). Methods:

- single, average and complete linkage (SciPy agglomerative clustering) on the
  join score, cut at each threshold of a grid;
- the nearest-neighbour graph: each document linked to the one it scores highest
  with, if that score reaches a floor; stories are the connected components.

It also reports how often a document's nearest neighbour is in its own cluster
(among documents whose cluster has another read document): no threshold can put
a document with its cluster when an unrelated document is closer to it.

Scores use the accounting of ``benchmarks/clustering.py``: "all documents"
counts the documents the reader or cleaner skipped as singletons and exact
copies as one story; "read documents" leaves the skipped ones out.

Usage: python benchmarks/studies/clustering_bound.py [DATA] [--embedder minilm|minilm-static]
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import numpy.typing as npt
import study_paths  # noqa: F401

from clustering import DEFAULT_DATA, bcubed, load_documents

THRESHOLDS = [round(0.5 + 0.05 * step, 2) for step in range(17)]  # 0.5 ... 1.3
COSINE_THRESHOLDS = [round(0.3 + 0.05 * step, 2) for step in range(14)]  # 0.3 ... 0.95
# Weights of the whole-article cosine added to the join score (``--whole``).
WHOLE_WEIGHTS = (0.5, 1.0, 2.0)


def compute_scores(
    texts: Sequence[tuple[str, str]], embedder: str
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Pairwise (join score, TF-IDF cosine, embedding cosine) of (title, text) pairs."""
    from newsfuse.corpus import load_embedder
    from newsfuse.group.features import extract_lead
    from newsfuse.group.index import score_join
    from newsfuse.group.lexical import DocumentFrequencies, cosine, count_terms, weigh_terms
    from newsfuse.group.params import GroupingParams
    from newsfuse.model import Article

    params = GroupingParams.for_embedder(embedder)
    calibration = params.embedding
    counts = [count_terms(title + "\n" + text) for title, text in texts]
    frequencies = DocumentFrequencies.empty()
    for article_counts in counts:
        frequencies.add(article_counts)
    terms = [weigh_terms(article_counts, frequencies) for article_counts in counts]
    leads = [
        extract_lead(Article(id=str(n), source="", text=text, title=title), calibration.lead_words)
        for n, (title, text) in enumerate(texts)
    ]
    vectors = np.asarray(load_embedder(embedder).encode(leads), dtype=np.float64)
    if calibration.centre:
        vectors = vectors - vectors.mean(axis=0)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    embedding = vectors @ vectors.T
    size = len(texts)
    lexical = np.zeros((size, size))
    joined = np.full((size, size), -np.inf)
    for i in range(size):
        for j in range(i + 1, size):
            lexical[i, j] = lexical[j, i] = cosine(terms[i], terms[j])
            joined[i, j] = joined[j, i] = score_join(float(embedding[i, j]), lexical[i, j], params)
    return joined, lexical, embedding


def embed_whole_articles(texts: Sequence[tuple[str, str]]) -> npt.NDArray[np.float64]:
    """Unit mean MiniLM vector of every sentence of each article (its whole text)."""
    from newsfuse.embed import get_embedder
    from newsfuse.model import Article
    from newsfuse.segment import split_sentences

    model = get_embedder("minilm")
    rows = []
    for n, (title, text) in enumerate(texts):
        sentences = [s.text for s in split_sentences(Article(id=str(n), text=text, title=title))]
        vectors = np.asarray(model.encode(sentences or [title or text]), dtype=np.float64)
        mean = vectors.mean(axis=0)
        rows.append(mean / max(float(np.linalg.norm(mean)), 1e-12))
    matrix = np.stack(rows)
    cosines = matrix @ matrix.T
    np.fill_diagonal(cosines, -np.inf)
    return cosines


def cut_linkage(scores: npt.NDArray[np.float64], method: str) -> Callable[[float], list[int]]:
    """A function from threshold to cluster labels for one agglomerative linkage."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    finite = np.where(np.isfinite(scores), scores, 0.0)
    top = float(finite.max()) + 1.0
    distances = top - finite
    np.fill_diagonal(distances, 0.0)
    tree = linkage(squareform(distances, checks=False), method=method)
    return lambda threshold: [int(x) for x in fcluster(tree, top - threshold, "distance")]


def link_nearest(scores: npt.NDArray[np.float64], floor: float) -> list[int]:
    """Connected components of the graph linking each item to its best-scoring one."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    nearest = scores.argmax(axis=1)
    rows = [i for i in range(len(scores)) if scores[i, nearest[i]] >= floor]
    graph = coo_matrix(
        (np.ones(len(rows)), (rows, [int(nearest[i]) for i in rows])), shape=scores.shape
    )
    return [int(x) for x in connected_components(graph, directed=False)[1]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--embedder", default="minilm", choices=["minilm", "minilm-static"])
    parser.add_argument(
        "--whole",
        action="store_true",
        help="also try the whole article: the mean MiniLM vector of all its sentences "
        "(about 20 s more), alone and added to the join score",
    )
    args = parser.parse_args()

    from newsfuse import pipeline
    from newsfuse.group.features import hash_content

    documents = load_documents(args.data)
    gold = {doc_id: cluster for doc_id, cluster, _ in documents}
    report = pipeline.read_report([{"id": doc_id, "text": text} for doc_id, _, text in documents])
    # Exact copies are stored once (one content hash, one story), as in the store.
    unique: dict[str, int] = {}
    texts: list[tuple[str, str]] = []
    item_of: dict[str, int] = {}
    for article in report.articles:
        key = hash_content(article)
        if key not in unique:
            unique[key] = len(texts)
            texts.append((article.title, article.text))
        item_of[article.id] = unique[key]
    ids = [doc_id for doc_id, _, _ in documents]
    read = [doc_id for doc_id in ids if doc_id in item_of]
    started = datetime.now(UTC)
    joined, _, _ = compute_scores(texts, args.embedder)
    seconds = (datetime.now(UTC) - started).total_seconds()

    def score(labels: Sequence[int], subset: Sequence[str]) -> tuple[float, float, float]:
        predicted = [f"c{labels[item_of[d]]}" if d in item_of else f"skipped:{d}" for d in subset]
        return bcubed(predicted, [gold[d] for d in subset])

    # Nearest-neighbour accuracy among items whose cluster has another read item.
    cluster_of_item: dict[int, set[str]] = {}
    for doc_id, item in item_of.items():
        cluster_of_item.setdefault(item, set()).add(gold[doc_id])
    with_mate = [
        i
        for i in range(len(texts))
        if any(cluster_of_item[i] & cluster_of_item[j] for j in range(len(texts)) if j != i)
    ]
    nearest = joined.argmax(axis=1)
    right = sum(1 for i in with_mate if cluster_of_item[i] & cluster_of_item[int(nearest[i])])

    print(
        f"Multi-News dev: {len(documents)} documents, {len(read)} read, {len(texts)} distinct "
        f"read texts; embedder {args.embedder}; signals in {seconds:.1f} s"
    )
    print(
        f"Nearest neighbour (by join score) in the document's own cluster: {right} of "
        f"{len(with_mate)} ({right / max(len(with_mate), 1):.1%})"
    )
    signals: list[tuple[str, npt.NDArray[np.float64], list[float]]] = [
        ("join score", joined, THRESHOLDS)
    ]
    if args.whole:
        whole = embed_whole_articles(texts)
        signals.append(("whole-article MiniLM", whole, COSINE_THRESHOLDS))
        for weight in WHOLE_WEIGHTS:
            grid = [round(t + weight * c, 3) for t in THRESHOLDS[::2] for c in COSINE_THRESHOLDS]
            signals.append(
                (f"join + {weight:g} x whole", joined + weight * whole, sorted(set(grid)))
            )
    print("\nBest B-cubed F1 over each signal's threshold grid (threshold in brackets):")
    print(f"| {'signal, method':<48} | {'all: P':>6} | {'R':>5} | {'F1':>5} | {'read: F1':>8} |")
    print(f"|{'-' * 50}|{'-' * 8}|{'-' * 7}|{'-' * 7}|{'-' * 10}|")
    for signal, matrix, grid in signals:
        methods: list[tuple[str, Callable[[float], list[int]]]] = [
            (f"{method} linkage", cut_linkage(matrix, method))
            for method in ("single", "average", "complete")
        ]
        methods.append(
            ("nearest neighbour", lambda floor, m=matrix: link_nearest(m, floor))  # type: ignore[misc]
        )
        for name, cluster in methods:
            best = max(
                ((score(cluster(t), ids), score(cluster(t), read)[2], t) for t in grid),
                key=lambda row: row[0][2],
            )
            (p, r, f), f_read, threshold = best
            label = f"{signal}, {name} ({threshold:.2f})"
            print(f"| {label:<48} | {p:6.3f} | {r:5.3f} | {f:5.3f} | {f_read:8.3f} |")
    truth = {item: min(clusters) for item, clusters in cluster_of_item.items()}
    names = sorted(set(truth.values()))
    ceiling = score([names.index(truth[i]) for i in range(len(texts))], ids)
    print(
        f"\nCeiling (true clusters; skipped documents alone, copies as one): "
        f"P {ceiling[0]:.3f} R {ceiling[1]:.3f} F1 {ceiling[2]:.3f}"
    )


if __name__ == "__main__":
    main()
