"""Throughput and citations of the brief under each setting of the static screen, in one run.

Usage::

    python benchmarks/screen_speed.py [../shared/data/multinews-dev.jsonl] [--limit N]
        [--repeat-screens none,0.7,0.8,off] [--budget 300]

Each setting is one system of ``newsfuse.evaluate`` next to LexRank, so all are timed
in the same run (ratios to LexRank are what to compare on a shared machine). ``none``
passes every pair to MiniLM (no screen, as before the screen existed); ``off`` skips
the MiniLM repeat check (lexical checks only). The ONNX embedder's memory of recent
vectors is cleared before each brief, so no setting reuses another's vectors.
Citations are compared with the first setting on the brief sentences both choose:
supporting (sentence, cited article) pairs lost and gained.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from newsfuse.embed import Vectors, get_embedder  # noqa: E402
from newsfuse.evaluate.data import read_clusters  # noqa: E402
from newsfuse.evaluate.harness import PreparedCluster, evaluate_clusters  # noqa: E402
from newsfuse.evaluate.systems import System, get_systems  # noqa: E402
from newsfuse.model import BriefSentence  # noqa: E402
from newsfuse.summary import summarize  # noqa: E402
from newsfuse.summary.params import BriefParams  # noqa: E402
from shared_data import shared_path  # noqa: E402

DEFAULT_DATA = shared_path("data", "multinews-dev.jsonl")
# A repeat screen above any cosine: no pair reaches MiniLM.
NO_CHECK = 2.0

SHIPPED = BriefParams()


class PassEverything:
    """A screen under which all texts look alike: every pair reaches MiniLM."""

    name = "pass-everything"

    def encode(self, texts: Sequence[str]) -> Vectors:
        return np.ones((len(texts), 1), dtype=np.float32)


def make_system(setting: str, briefs: dict[str, dict[str, list[BriefSentence]]]) -> System:
    """A newsfuse system with the repeat screen ``setting``, recording its briefs."""
    threshold = {"none": SHIPPED.repeat_screen_cosine, "off": NO_CHECK}.get(setting)
    repeat_screen = float(setting) if threshold is None else threshold
    # "none" is the brief before any screen: every chosen pair reaches MiniLM.
    tfidf_screen = 0.0 if setting == "none" else SHIPPED.repeat_screen_tfidf
    params = replace(SHIPPED, repeat_screen_cosine=repeat_screen, repeat_screen_tfidf=tfidf_screen)
    record = briefs.setdefault(setting, {})

    def run(cluster: PreparedCluster, budget: int) -> list[str]:
        memory = getattr(get_embedder(), "_memo", None)
        if memory is not None:
            memory.clear()
        screen = PassEverything() if setting == "none" else None
        brief = summarize(list(cluster.articles), budget, screen=screen, params=params)
        record[cluster.id] = brief
        return [sentence.text for sentence in brief]

    def load() -> None:
        get_systems(["newsfuse"])[0].load()
        get_embedder("minilm-static")

    return System(f"newsfuse screen={setting}", run, load)


def supporting_pairs(brief: Sequence[BriefSentence]) -> dict[str, set[str]]:
    """Brief sentence -> the articles it cites as support (its own span excluded)."""
    return {s.text: {c.article_id for c in s.citations[1:]} for s in brief}


def compare_citations(
    base: dict[str, list[BriefSentence]], other: dict[str, list[BriefSentence]]
) -> tuple[int, int, int]:
    """(identical briefs, supporting citations lost, gained) on the sentences both choose."""
    identical = lost = gained = 0
    for cluster_id, brief in base.items():
        identical += brief == other[cluster_id]
        before, after = supporting_pairs(brief), supporting_pairs(other[cluster_id])
        for text in before.keys() & after.keys():
            lost += len(before[text] - after[text])
            gained += len(after[text] - before[text])
    return identical, lost, gained


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--budget", type=int, default=300)
    parser.add_argument("--repeat-screens", default="none,0.7,0.8,off")
    args = parser.parse_args()
    settings = args.repeat_screens.split(",")
    briefs: dict[str, dict[str, list[BriefSentence]]] = {}
    systems = [make_system(setting, briefs) for setting in settings]
    clusters = read_clusters(args.data, limit=args.limit).clusters
    report = evaluate_clusters(
        clusters, budget=args.budget, systems=[*systems, *get_systems(["lexrank"])]
    )
    lexrank = report.system("lexrank")
    print(f"{len(clusters)} clusters, budget {args.budget}; citations compared with {settings[0]}")
    print()
    print(
        "| system | R-1 | R-2 | R-L | s/cluster p50 | clusters/s | / LexRank |"
        " identical briefs | citations lost | gained |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    base = briefs[settings[0]]
    for system in report.systems:
        setting = system.name.removeprefix("newsfuse screen=")
        identical, lost, gained = (
            compare_citations(base, briefs[setting]) if setting in briefs else (0, 0, 0)
        )
        scores = system.scores
        print(
            f"| {system.name} | {scores['rouge1'].mean:.2f} | {scores['rouge2'].mean:.2f} "
            f"| {scores['rougeL'].mean:.2f} | {system.seconds_p50:.3f} "
            f"| {system.clusters_per_second:.2f} "
            f"| {system.clusters_per_second / lexrank.clusters_per_second:.2f}x "
            + (f"| {identical} | {lost} | {gained} |" if setting in briefs else "| | | |")
        )


if __name__ == "__main__":
    main()
