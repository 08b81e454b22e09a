"""Loading a study of benchmarks/studies/ as a module, for tests of its pure functions, and
the test suite's helpers these tests share (importable without ``tests/`` on the path)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

STUDIES = Path(__file__).resolve().parents[1]
BENCHMARKS = STUDIES.parent
TEST_HELPERS = BENCHMARKS.parent / "tests" / "conftest.py"
TEST_HELPERS_MODULE = "tests_conftest"


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
    return _execute(name, folder / f"{name}.py")


def parsed_figure(sentence: str, number: str) -> Any:
    """``tests/conftest.py``'s ``parsed_figure``: the spaCy span of ``number`` in
    ``sentence`` parsed alone, as the fact stage parses it."""
    return _test_helpers().parsed_figure(sentence, number)


def _test_helpers() -> ModuleType:
    """``tests/conftest.py`` loaded from its file, once, under a name of its own (so that it
    shadows no ``conftest`` pytest loads)."""
    return sys.modules.get(TEST_HELPERS_MODULE) or _execute(
        TEST_HELPERS_MODULE, TEST_HELPERS, register=True
    )


def _execute(name: str, path: Path, register: bool = False) -> ModuleType:
    """The module at ``path`` run under ``name``; with ``register``, kept in ``sys.modules``
    (before it runs: the dataclasses of a module look it up there)."""
    specification = importlib.util.spec_from_file_location(name, path)
    assert specification is not None and specification.loader is not None
    module = importlib.util.module_from_spec(specification)
    if register:
        sys.modules[name] = module
    specification.loader.exec_module(module)
    return module
