"""Summary-quality evaluation: ROUGE with confidence intervals, baselines and a leak check.

The public entry point is :func:`evaluate_file` (``newsfuse eval`` is a thin
layer over it); the parts are importable on their own for tests and
benchmarks.
"""

from __future__ import annotations

from newsfuse.evaluate.data import Cluster, ClusterSet, read_clusters
from newsfuse.evaluate.harness import (
    DEFAULT_EVAL_BUDGET,
    EvaluationReport,
    SystemReport,
    evaluate_clusters,
    evaluate_file,
    format_report,
    write_outputs,
)
from newsfuse.evaluate.rouge import RougeScores, score_summary
from newsfuse.evaluate.stats import Interval, bootstrap_interval, paired_bootstrap_pvalue
from newsfuse.evaluate.systems import DEFAULT_SYSTEMS

__all__ = [
    "DEFAULT_EVAL_BUDGET",
    "DEFAULT_SYSTEMS",
    "Cluster",
    "ClusterSet",
    "EvaluationReport",
    "Interval",
    "RougeScores",
    "SystemReport",
    "bootstrap_interval",
    "evaluate_clusters",
    "evaluate_file",
    "format_report",
    "paired_bootstrap_pvalue",
    "read_clusters",
    "score_summary",
    "write_outputs",
]
