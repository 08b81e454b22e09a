"""The ``--param NAME=VALUE`` option of the fact benchmarks and studies: one
:class:`~newsfuse.facts.FactParams` field changed per use, for ablations and sweeps.

Imports ``newsfuse`` but puts nothing on ``sys.path``: each script decides which
checkout's ``src`` it runs (``PYTHONPATH=<other checkout>/src`` studies that code).
"""

from __future__ import annotations

import argparse
from dataclasses import fields, replace
from typing import Any

from newsfuse.facts import FactParams


def add_param_option(parser: argparse.ArgumentParser) -> None:
    """Add the repeatable ``--param NAME=VALUE`` option to ``parser``."""
    parser.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="change one FactParams field (repeatable)",
    )


def parse_params(settings: list[str]) -> FactParams:
    """``FactParams()`` with each ``NAME=VALUE`` applied (numeric, true/false and none)."""
    defaults = FactParams()
    numeric = {f.name: type(getattr(defaults, f.name)) for f in fields(FactParams)}
    changes: dict[str, Any] = {}
    for setting in settings:
        name, _, value = setting.partition("=")
        kind = numeric.get(name)
        if name in numeric and value.lower() == "none":
            changes[name] = None  # an optional rule turned off
            continue
        if kind is bool and value.lower() in ("true", "false"):
            changes[name] = value.lower() == "true"
            continue
        if kind not in (int, float):
            raise SystemExit(f"--param {setting}: not a numeric or true/false FactParams field")
        changes[name] = kind(value)
    return replace(defaults, **changes)
