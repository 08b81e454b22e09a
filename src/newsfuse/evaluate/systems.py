"""The summarisers the harness compares: newsfuse itself and the baselines, behind one shape.

A system takes a prepared cluster (cleaned articles split into sentences, and
the reference, which only the oracle may look at) and returns its summary
sentences in output order. ``load`` does the one-off work (imports, weights)
so it can be timed apart from per-cluster work.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from newsfuse.embed import get_embedder
from newsfuse.errors import ConfigError
from newsfuse.evaluate.baselines import BASELINES, _make_sumy
from newsfuse.model import Article, Sentence
from newsfuse.summary import summarize
from newsfuse.summary.learned import ScorerWeights, load_weights, vectorize_sentences

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
    load_weights()
    vectorize_sentences(["warm up the vectoriser import"])
    get_embedder()
    get_embedder("minilm-static")  # the brief's screen (brief.summarize)


def summarize_newsfuse(
    cluster: PreparedCluster, budget: int, weights: ScorerWeights | None = None
) -> list[str]:
    """newsfuse's brief, exactly as users get it (citations included in the timing).

    ``weights`` defaults to the shipped coefficients; cross-validation passes the
    weights fitted without this cluster.
    """
    return [s.text for s in summarize(list(cluster.articles), budget, weights=weights)]


def _baseline(name: str) -> System:
    function = BASELINES[name]

    def run(cluster: PreparedCluster, budget: int) -> list[str]:
        documents: Sequence[Sequence[str]] = [[s.text for s in doc] for doc in cluster.sentences]
        return function(documents, budget, cluster.reference)

    def load() -> None:
        # Importing the baseline's library is the one-off load being timed.
        if name in ("lexrank", "textrank"):
            _make_sumy(name)
        elif name == "mmr":
            import sklearn.feature_extraction.text  # noqa: F401

    return System(name=name, summarize=run, load=load)


def get_systems(names: Sequence[str | System]) -> list[System]:
    """The systems named (newsfuse or a baseline), in the order given.

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
        elif name in BASELINES:
            systems.append(_baseline(name))
        else:
            known = ", ".join(["newsfuse", *BASELINES])
            raise ConfigError(f"--systems: unknown system {name!r}; choose from {known}")
    if not systems:
        raise ConfigError("--systems: name at least one system, e.g. newsfuse,lexrank")
    return systems
