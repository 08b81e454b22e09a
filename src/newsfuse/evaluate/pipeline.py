"""From an evaluation cluster to the pipeline's data: cleaned articles and their sentences.

Documents go through newsfuse's real reading and cleaning
(:func:`newsfuse.pipeline.read_report`) and sentence splitting
(:func:`newsfuse.segment.split_sentences`) whenever those stages are present;
while a stage is missing (it is built on another branch) a plain stand-in is
used and :func:`describe_pipeline` says so in the report.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from newsfuse.evaluate.data import Cluster
from newsfuse.model import Article, Sentence

Splitter = Callable[[Article], list[Sentence]]


@functools.cache
def _has_module(name: str) -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def describe_pipeline() -> dict[str, str]:
    """Which implementation each stage used: "newsfuse" or the harness's stand-in."""
    return {
        "read+clean": "newsfuse.pipeline.read_report"
        if _has_module("newsfuse.reading") and _has_module("newsfuse.clean")
        else "stand-in (raw documents, no cleaning)",
        "segment": "newsfuse.segment.split_sentences"
        if _has_module("newsfuse.segment")
        else "stand-in (syntok)",
    }


def read_cluster(cluster: Cluster) -> list[Article]:
    """The cluster's documents as cleaned articles, ids ``<cluster>-<n>``."""
    records = [
        {"id": f"{cluster.id}-{number}", "text": document}
        for number, document in enumerate(cluster.documents)
    ]
    if _has_module("newsfuse.reading") and _has_module("newsfuse.clean"):
        from newsfuse.pipeline import read_report

        return list(read_report(records).articles)
    return [Article(id=str(r["id"]), text=str(r["text"]), origin=cluster.origin) for r in records]


def split_with_syntok(article: Article) -> list[Sentence]:
    """Stand-in splitter: syntok sentences with character spans into ``article.text``."""
    from syntok import segmenter

    sentences: list[Sentence] = []
    for paragraph_number, paragraph in enumerate(segmenter.analyze(article.text)):
        for tokens in paragraph:
            if not tokens:
                continue
            start = tokens[0].offset
            end = tokens[-1].offset + len(tokens[-1].value)
            text = " ".join(article.text[start:end].split())
            if text:
                sentences.append(
                    Sentence(
                        article_id=article.id,
                        index=len(sentences),
                        start=start,
                        end=end,
                        text=text,
                        paragraph=paragraph_number,
                    )
                )
    return sentences


def get_splitter() -> Splitter:
    """newsfuse's sentence splitter if present, else the syntok stand-in."""
    if _has_module("newsfuse.segment"):
        from newsfuse.segment import split_sentences

        return split_sentences
    return split_with_syntok


def split_cluster(articles: list[Article]) -> list[list[Sentence]]:
    """Sentences of each article, in article order."""
    splitter = get_splitter()
    return [splitter(article) for article in articles]
