"""The summarisers the harness compares: newsfuse itself and the baselines, behind one shape.

A system takes a prepared cluster (cleaned articles split into sentences, and
the reference, which only the oracle may look at) and returns its summary
sentences in output order. ``load`` does the one-off work (imports, weights)
so it can be timed apart from per-cluster work.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsfuse.errors import ConfigError
from newsfuse.evaluate.baselines import BASELINES
from newsfuse.model import Article, Sentence

if TYPE_CHECKING:
    from newsfuse.brief.learned import ScorerWeights

DEFAULT_SYSTEMS = ("newsfuse", "lead3", "roundrobin", "lexrank", "textrank", "mmr", "oracle")


@dataclass(frozen=True, slots=True)
class PreparedCluster:
    """A cluster after reading, cleaning and splitting: what every system starts from."""

    id: str
    articles: tuple[Article, ...]
    sentences: tuple[tuple[Sentence, ...], ...]  # per article, in order
    reference: str


@dataclass(frozen=True, slots=True)
class System:
    """A named summariser: one-off ``load`` and per-cluster ``summarize``."""

    name: str
    summarize: Callable[[PreparedCluster, int], list[str]]
    load: Callable[[], None]


def _load_newsfuse() -> None:
    from newsfuse.brief.learned import load_weights, vectorize_sentences

    load_weights()
    vectorize_sentences(["warm up the vectoriser import"])


def summarize_newsfuse(
    cluster: PreparedCluster, budget: int, weights: ScorerWeights | None = None
) -> list[str]:
    """newsfuse's learned scorer and selection over the cluster's sentences.

    ``weights`` defaults to the shipped coefficients.
    """
    from newsfuse.brief.learned import (
        extract_features,
        load_weights,
        select_sentences,
        vectorize_sentences,
    )

    sentences = [s for article in cluster.sentences for s in article]
    if not sentences:
        return []
    tfidf = vectorize_sentences([s.text for s in sentences])
    scores = (weights or load_weights()).score(extract_features(sentences, tfidf))
    return [s.text for s in select_sentences(sentences, scores, budget, tfidf=tfidf)]


def _load_brief() -> None:
    from newsfuse.embed import get_embedder

    get_embedder()


def summarize_with_brief(cluster: PreparedCluster, budget: int) -> list[str]:
    """The brief stage's own default ``summarize`` (when that stage is present)."""
    import importlib

    summarize = importlib.import_module("newsfuse.brief").summarize
    return [s.text for s in summarize(list(cluster.articles), budget)]


def _baseline(name: str) -> System:
    function = BASELINES[name]

    def run(cluster: PreparedCluster, budget: int) -> list[str]:
        documents: Sequence[Sequence[str]] = [[s.text for s in doc] for doc in cluster.sentences]
        return function(documents, budget, cluster.reference)

    def load() -> None:
        if name in ("lexrank", "textrank"):
            from newsfuse.evaluate.baselines import _make_sumy

            _make_sumy(name)
        elif name == "mmr":
            import sklearn.feature_extraction.text  # noqa: F401

    return System(name=name, summarize=run, load=load)


def get_systems(names: Sequence[str | System]) -> list[System]:
    """The systems named (newsfuse, brief, or a baseline), in the order given.

    A :class:`System` given instead of a name is used as it is (e.g. a
    cross-validated variant built by a benchmark).
    """
    systems: list[System] = []
    for raw in names:
        if isinstance(raw, System):
            systems.append(raw)
            continue
        name = raw.strip().lower()
        if not name:
            continue
        if name == "newsfuse":
            systems.append(System(name, summarize_newsfuse, _load_newsfuse))
        elif name == "brief":
            systems.append(System(name, summarize_with_brief, _load_brief))
        elif name in BASELINES:
            systems.append(_baseline(name))
        else:
            known = ", ".join(["newsfuse", "brief", *BASELINES])
            raise ConfigError(f"--systems: unknown system {name!r}; choose from {known}")
    if not systems:
        raise ConfigError("--systems: name at least one system, e.g. newsfuse,lexrank")
    return systems
