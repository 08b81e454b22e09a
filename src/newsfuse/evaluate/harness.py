"""The evaluation run: every system on every cluster, scored, timed and checked for leaks.

:func:`evaluate_clusters` is the one function behind ``newsfuse eval`` and
``benchmarks/gates/gate.py``. It prepares each cluster once through the pipeline
(read, clean, split), runs every system on it, cuts the output at the word
budget, scores it with ROUGE against the syntok-split reference and counts
boilerplate leaks. Preparation time is charged to every system, since each
would need it; one-off loading is timed apart.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from newsfuse.embed import get_embedder
from newsfuse.errors import ConfigError
from newsfuse.evaluate.audit import AuditSummary, audit_brief, format_audits, pool_audits
from newsfuse.evaluate.data import Cluster, read_clusters
from newsfuse.evaluate.leaks import count_leaks, get_detector
from newsfuse.evaluate.pipeline import describe_pipeline, read_cluster, split_cluster
from newsfuse.evaluate.rouge import ROUGE_TYPES, score_summary
from newsfuse.evaluate.stats import Interval, bootstrap_interval, paired_bootstrap_pvalue
from newsfuse.evaluate.systems import DEFAULT_SYSTEMS, PreparedCluster, System, get_systems
from newsfuse.evaluate.text import count_words, cut_to_budget, split_plain_sentences
from newsfuse.model import Skipped

# The Multi-News baselines were measured at 300 words: about the references' length.
DEFAULT_EVAL_BUDGET = 300
# The system every other one is tested against (paired bootstrap).
MAIN_SYSTEM = "newsfuse"

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True, slots=True)
class ClusterResult:
    """One system on one cluster."""

    system: str
    cluster_id: str
    scores: dict[str, float]
    words: int
    seconds: float
    leaks: int
    sentences: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SystemReport:
    """One system over all clusters: ROUGE with 95 % CIs, p-values against newsfuse, speed."""

    name: str
    scores: dict[str, Interval]
    p_values: dict[str, float]  # newsfuse better than this system by chance (empty for itself)
    mean_words: float
    seconds_p50: float
    seconds_p95: float
    clusters_per_second: float
    load_seconds: float
    leaks: int
    per_cluster: tuple[ClusterResult, ...] = field(repr=False, default=())

    def to_json(self) -> dict[str, Any]:
        """The report without per-cluster outputs, as plain JSON."""
        return {
            "name": self.name,
            "scores": {
                k: {"mean": v.mean, "low": v.low, "high": v.high} for k, v in self.scores.items()
            },
            "p_values": self.p_values,
            "mean_words": self.mean_words,
            "seconds_p50": self.seconds_p50,
            "seconds_p95": self.seconds_p95,
            "clusters_per_second": self.clusters_per_second,
            "load_seconds": self.load_seconds,
            "leaks": self.leaks,
        }


@dataclass(frozen=True, slots=True)
class EvaluationReport:
    """A whole evaluation run."""

    systems: tuple[SystemReport, ...]
    clusters: int
    budget: int
    pipeline: dict[str, str]
    skipped: tuple[Skipped, ...] = ()
    preparation_seconds_p50: float = 0.0
    # The readability audit of each system's output (:mod:`.audit`), when it was run.
    audits: tuple[tuple[str, AuditSummary], ...] = ()

    def system(self, name: str) -> SystemReport:
        """The report of system ``name`` (KeyError if it was not run)."""
        for report in self.systems:
            if report.name == name:
                return report
        raise KeyError(name)

    def to_json(self) -> dict[str, Any]:
        """The run's summary as plain JSON (what ``summary.json`` holds)."""
        return {
            "clusters": self.clusters,
            "budget": self.budget,
            "pipeline": self.pipeline,
            "skipped": [str(s) for s in self.skipped],
            "preparation_seconds_p50": self.preparation_seconds_p50,
            "systems": [s.to_json() for s in self.systems],
            "audits": {name: summary.to_json() for name, summary in self.audits},
        }


def prepare_cluster(cluster: Cluster) -> PreparedCluster:
    """Read, clean and split a cluster's documents through the pipeline."""
    articles = read_cluster(cluster)
    sentences = split_cluster(articles)
    return PreparedCluster(
        id=cluster.id,
        articles=tuple(articles),
        sentences=tuple(tuple(s) for s in sentences),
        reference=cluster.summary,
    )


def _summarize_system(
    name: str, results: list[ClusterResult], load_seconds: float, main: list[ClusterResult] | None
) -> SystemReport:
    scores = {
        metric: bootstrap_interval([r.scores[metric] for r in results]) for metric in ROUGE_TYPES
    }
    p_values: dict[str, float] = {}
    if main is not None and name != MAIN_SYSTEM:
        for metric in ROUGE_TYPES:
            p_values[metric] = paired_bootstrap_pvalue(
                [r.scores[metric] for r in main], [r.scores[metric] for r in results]
            )
    seconds = np.array([r.seconds for r in results]) if results else np.zeros(1)
    total = float(seconds.sum())
    return SystemReport(
        name=name,
        scores=scores,
        p_values=p_values,
        mean_words=float(np.mean([r.words for r in results])) if results else 0.0,
        seconds_p50=float(np.quantile(seconds, 0.5)),
        seconds_p95=float(np.quantile(seconds, 0.95)),
        clusters_per_second=len(results) / total if total > 0 else float("inf"),
        load_seconds=load_seconds,
        leaks=sum(r.leaks for r in results),
        per_cluster=tuple(results),
    )


def evaluate_clusters(
    clusters: Sequence[Cluster],
    *,
    budget: int = DEFAULT_EVAL_BUDGET,
    systems: Sequence[str | System] = DEFAULT_SYSTEMS,
    on_cluster: Callable[[str], None] | None = None,
    skipped: Sequence[Skipped] = (),
) -> EvaluationReport:
    """Run, score and time ``systems`` on ``clusters`` at ``budget`` words."""
    if budget < 1:
        raise ConfigError(f"--budget must be a positive number of words, got {budget}")
    chosen: list[System] = get_systems(systems)
    load_seconds: dict[str, float] = {}
    for system in chosen:
        started = time.perf_counter()
        system.load()
        load_seconds[system.name] = time.perf_counter() - started
    detector = get_detector()
    results: dict[str, list[ClusterResult]] = {s.name: [] for s in chosen}
    preparation: list[float] = []
    for cluster in clusters:
        started = time.perf_counter()
        prepared = prepare_cluster(cluster)
        prepare_seconds = time.perf_counter() - started
        preparation.append(prepare_seconds)
        reference = split_plain_sentences(cluster.summary)
        for system in chosen:
            started = time.perf_counter()
            output = cut_to_budget(system.summarize(prepared, budget), budget)
            seconds = prepare_seconds + time.perf_counter() - started
            results[system.name].append(
                ClusterResult(
                    system=system.name,
                    cluster_id=cluster.id,
                    # ROUGE-Lsum's units are sentences: a brief passage of two is two.
                    scores=score_summary(
                        [part for unit in output for part in split_plain_sentences(unit)],
                        reference,
                    ).as_dict(),
                    words=sum(count_words(s) for s in output),
                    seconds=seconds,
                    leaks=count_leaks(output, detector),
                    sentences=tuple(output),
                )
            )
        if on_cluster is not None:
            on_cluster(cluster.id)
    main = results.get(MAIN_SYSTEM)
    reports = tuple(
        _summarize_system(s.name, results[s.name], load_seconds[s.name], main) for s in chosen
    )
    return EvaluationReport(
        systems=reports,
        clusters=len(clusters),
        budget=budget,
        pipeline=describe_pipeline(),
        skipped=tuple(skipped),
        preparation_seconds_p50=float(np.median(preparation)) if preparation else 0.0,
    )


def write_outputs(report: EvaluationReport, directory: Path) -> None:
    """Write ``<system>/<id>.txt`` per cluster, ``scores.jsonl`` and ``summary.json``."""
    directory.mkdir(parents=True, exist_ok=True)
    with (directory / "scores.jsonl").open("w", encoding="utf-8") as scores:
        for system in report.systems:
            folder = directory / system.name
            folder.mkdir(exist_ok=True)
            for result in system.per_cluster:
                name = _UNSAFE.sub("_", result.cluster_id) or "cluster"
                (folder / f"{name}.txt").write_text(
                    "\n".join(result.sentences) + "\n", encoding="utf-8"
                )
                record = {
                    "system": result.system,
                    "id": result.cluster_id,
                    **result.scores,
                    "words": result.words,
                    "seconds": result.seconds,
                    "leaks": result.leaks,
                }
                scores.write(json.dumps(record) + "\n")
    (directory / "summary.json").write_text(
        json.dumps(report.to_json(), indent=2) + "\n", encoding="utf-8"
    )


def evaluate_file(
    path: str | Path,
    *,
    budget: int = DEFAULT_EVAL_BUDGET,
    systems: Sequence[str] = DEFAULT_SYSTEMS,
    limit: int | None = None,
    out: str | Path | None = None,
    on_start: Callable[[int], None] | None = None,
    on_cluster: Callable[[str], None] | None = None,
    audit: bool = False,
) -> EvaluationReport:
    """Evaluate ``systems`` on a Multi-News JSON Lines file; optionally write outputs to ``out``.

    ``on_start(count)`` and ``on_cluster(id)`` let a caller show progress;
    ``audit`` adds the readability audit of every system's output (:func:`audit_report`).
    """
    data = read_clusters(path, limit=limit)
    if on_start is not None:
        on_start(len(data.clusters))
    report = evaluate_clusters(
        data.clusters, budget=budget, systems=systems, on_cluster=on_cluster, skipped=data.skipped
    )
    if audit:
        report = audit_report(report)
    if out is not None:
        write_outputs(report, Path(out))
    return report


def audit_report(report: EvaluationReport) -> EvaluationReport:
    """``report`` with the readability audit of each system's output, as a reader gets it.

    Repeats by meaning use the default embedder (MiniLM) at the audit's measured
    cut-off. Titles are not audited: systems here return sentences only.
    """
    encode = get_embedder().encode
    audits = tuple(
        (
            system.name,
            pool_audits([audit_brief(r.sentences, encode=encode) for r in system.per_cluster]),
        )
        for system in report.systems
    )
    return replace(report, audits=audits)


def _cell(interval: Interval) -> str:
    return f"{interval.mean:.2f} [{interval.low:.2f}, {interval.high:.2f}]"


def format_report(report: EvaluationReport) -> str:
    """A Markdown table of the run: ROUGE with CIs, p-values against newsfuse, length, speed."""
    lines = [
        f"{report.clusters} clusters, budget {report.budget} words, "
        f"ROUGE F1 x 100 (95 % bootstrap CI); p = paired bootstrap, {MAIN_SYSTEM} better",
        "",
        "| system | R-1 | R-2 | R-L | R-Lsum | p (R-1/R-2/R-L) | words | s/cluster p50 | p95 "
        "| clusters/s | load s | leaks |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for system in report.systems:
        p = system.p_values
        p_cell = "/".join(f"{p[m]:.3f}" for m in ("rouge1", "rouge2", "rougeL")) if p else "-"
        lines.append(
            f"| {system.name} | "
            + " | ".join(_cell(system.scores[m]) for m in ROUGE_TYPES)
            + f" | {p_cell} | {system.mean_words:.0f} | {system.seconds_p50:.3f} "
            f"| {system.seconds_p95:.3f} | {system.clusters_per_second:.2f} "
            f"| {system.load_seconds:.2f} | {system.leaks} |"
        )
    names = [s.name for s in report.systems]
    if MAIN_SYSTEM in names and "lexrank" in names:
        ratio = (
            report.system(MAIN_SYSTEM).clusters_per_second
            / report.system("lexrank").clusters_per_second
        )
        lines += ["", f"throughput {MAIN_SYSTEM} / lexrank: {ratio:.2f}x (same run)"]
    if report.audits:
        lines += ["", "readability audit (evaluate/audit.py):", "", format_audits(report.audits)]
    lines += ["", "pipeline: " + ", ".join(f"{k}: {v}" for k, v in report.pipeline.items())]
    if report.skipped:
        lines.append(
            f"skipped {len(report.skipped)} line(s): " + "; ".join(map(str, report.skipped))
        )
    return "\n".join(lines)
