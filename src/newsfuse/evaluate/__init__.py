"""Summary-quality evaluation: ROUGE with confidence intervals, baselines, a leak check and
a readability audit.

The public entry point is :func:`evaluate_file` (``newsfuse eval`` is a thin
layer over it); the parts are importable on their own for tests and
benchmarks.
"""

from __future__ import annotations

from newsfuse.evaluate.audit import (
    AuditParams,
    AuditSummary,
    BriefAudit,
    audit_brief,
    format_audits,
    pool_audits,
)
from newsfuse.evaluate.data import Cluster, ClusterSet, read_clusters
from newsfuse.evaluate.harness import (
    DEFAULT_EVAL_BUDGET,
    EvaluationReport,
    SystemReport,
    audit_report,
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
    "AuditParams",
    "AuditSummary",
    "BriefAudit",
    "Cluster",
    "ClusterSet",
    "EvaluationReport",
    "Interval",
    "RougeScores",
    "SystemReport",
    "audit_brief",
    "audit_report",
    "bootstrap_interval",
    "evaluate_clusters",
    "evaluate_file",
    "format_audits",
    "format_report",
    "paired_bootstrap_pvalue",
    "pool_audits",
    "read_clusters",
    "score_summary",
    "write_outputs",
]
