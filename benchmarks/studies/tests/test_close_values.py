"""Tests of the close-values study's pure functions (invented figures)."""

from __future__ import annotations

import math

from study_scripts import load_study

close_values = load_study("close_values")


def test_log_ratio_is_symmetric_and_skips_figures_that_are_not_positive() -> None:
    assert math.isclose(close_values.log_ratio(37.0, 39.0), close_values.log_ratio(39.0, 37.0))
    assert math.isclose(close_values.log_ratio(100.0, 150.0), math.log(1.5))
    assert close_values.log_ratio(0.0, 12.0) is None
    assert close_values.log_ratio(-3.0, 4.0) is None


def test_a_rule_lifts_only_close_pairs_the_bonus_brings_to_the_bar() -> None:
    rows = [
        {"label": "LINK", "score": 0.54, "ratio": math.log(1.05)},  # close, near the bar
        {"label": "-", "score": 0.55, "ratio": math.log(1.08)},  # close look-alike
        {"label": "-", "score": 0.55, "ratio": math.log(3.0)},  # far apart
        {"label": "LINK", "score": 0.40, "ratio": math.log(1.02)},  # close, far under the bar
    ]
    assert close_values.lifted(rows, 1.1, 0.02, 0.56) == (1, 1)
    assert close_values.lifted(rows, 1.06, 0.02, 0.56) == (1, 0)
    assert close_values.lifted(rows, 1.1, 0.0, 0.56) == (0, 0)
