"""Loading a study of benchmarks/studies/ as a module, for tests of its pure functions."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

STUDIES = Path(__file__).resolve().parents[1]
BENCHMARKS = STUDIES.parent


def load_study(name: str) -> ModuleType:
    """The study script ``benchmarks/studies/NAME.py`` as a module (its sibling scripts
    importable, as when it runs)."""
    return _load(STUDIES, name)


def load_benchmark(name: str) -> ModuleType:
    """The measurement script ``benchmarks/NAME.py`` as a module, likewise."""
    return _load(BENCHMARKS, name)


def _load(folder: Path, name: str) -> ModuleType:
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
    specification = importlib.util.spec_from_file_location(name, folder / f"{name}.py")
    assert specification is not None and specification.loader is not None
    module = importlib.util.module_from_spec(specification)
    specification.loader.exec_module(module)
    return module
