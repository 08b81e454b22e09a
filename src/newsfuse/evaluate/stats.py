"""Bootstrap confidence intervals and the paired bootstrap test over clusters.

Resampling is over clusters (the unit that varies between test sets), with a
fixed seed so reports are reproducible. The paired test follows
Berg-Kirkpatrick, Burkett & Klein (2012, "An Empirical Investigation of
Statistical Significance in NLP"): the p-value is the share of resampled test
sets on which system A's advantage over B exceeds twice the observed one,
i.e. the observed advantage is tested against a null re-centred at zero.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

# 1000 resamples: the conventional size; the 95 % interval ends move < 0.1 ROUGE
# point between seeds at 100+ clusters.
RESAMPLES = 1000
SEED = 20190701  # fixed so that a report can be regenerated exactly
CONFIDENCE = 0.95


@dataclass(frozen=True, slots=True)
class Interval:
    """A mean with its bootstrap confidence interval."""

    mean: float
    low: float
    high: float


def _resample_indices(size: int, resamples: int, seed: int) -> np.ndarray:
    generator = np.random.default_rng(seed)
    return generator.integers(0, size, size=(resamples, size))


def bootstrap_interval(
    values: Sequence[float],
    *,
    resamples: int = RESAMPLES,
    seed: int = SEED,
    confidence: float = CONFIDENCE,
) -> Interval:
    """Percentile bootstrap interval of the mean of per-cluster ``values``."""
    data = np.asarray(values, dtype=np.float64)
    if data.size == 0:
        return Interval(float("nan"), float("nan"), float("nan"))
    means = data[_resample_indices(data.size, resamples, seed)].mean(axis=1)
    tail = (1.0 - confidence) / 2.0
    low, high = np.quantile(means, [tail, 1.0 - tail])
    return Interval(float(data.mean()), float(low), float(high))


def paired_bootstrap_pvalue(
    system: Sequence[float],
    baseline: Sequence[float],
    *,
    resamples: int = RESAMPLES,
    seed: int = SEED,
) -> float:
    """One-sided p-value that ``system`` beats ``baseline`` only by chance (paired by cluster).

    Small values (< 0.05) mean the advantage is unlikely to vanish on another
    sample of clusters; a value near 1 means the system is not better at all.
    """
    first = np.asarray(system, dtype=np.float64)
    second = np.asarray(baseline, dtype=np.float64)
    if first.shape != second.shape:
        raise ValueError(f"paired scores differ in length: {first.size} != {second.size}")
    if first.size == 0:
        return float("nan")
    differences = first - second
    observed = differences.mean()
    if observed <= 0:
        return 1.0
    resampled = differences[_resample_indices(differences.size, resamples, seed)].mean(axis=1)
    # The add-one correction keeps the estimate conservative (never exactly 0).
    exceed = int(np.count_nonzero(resampled > 2.0 * observed))
    return (exceed + 1) / (resamples + 1)
