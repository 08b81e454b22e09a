"""From an evaluation cluster to the pipeline's data: cleaned articles and their sentences.

Documents go through newsfuse's real reading and cleaning
(:func:`newsfuse.pipeline.read_report`) and sentence splitting
(:func:`newsfuse.segment.split_sentences`), so that the scores are the product's.
"""

from __future__ import annotations

from newsfuse.evaluate.data import Cluster
from newsfuse.model import Article, Sentence
from newsfuse.pipeline import read_report
from newsfuse.segment import split_sentences

# The stages each cluster goes through, named in every report so a score says what made it.
PIPELINE_STAGES = {
    "read+clean": "newsfuse.pipeline.read_report",
    "segment": "newsfuse.segment.split_sentences",
}


def describe_pipeline() -> dict[str, str]:
    """Which function each stage of the evaluation ran, for the report."""
    return dict(PIPELINE_STAGES)


def read_cluster(cluster: Cluster) -> list[Article]:
    """The cluster's documents as cleaned articles, ids ``<cluster>-<n>``."""
    records = [
        {"id": f"{cluster.id}-{number}", "text": document}
        for number, document in enumerate(cluster.documents)
    ]
    return list(read_report(records).articles)


def split_cluster(articles: list[Article]) -> list[list[Sentence]]:
    """Sentences of each article, in article order."""
    return [split_sentences(article) for article in articles]
