"""The import graph of ``src/newsfuse``, drawn from the code: no cycles, no layer reaching up.

Every ``import`` and ``from … import`` counts, at module level or inside a
function. Imports under ``if TYPE_CHECKING:`` never run, so they cannot form a
runtime cycle and are left out of the cycle check; they still say which layer a
module leans on, so the layer checks include them.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = "newsfuse"
SOURCE = Path(__file__).resolve().parents[1] / "src" / PACKAGE

# The layers, lowest first; a module may import its own layer and those below, never above.
# Data, errors and settings at the bottom, then the stages, the batch pipeline, the store
# handle, and the front ends (with the package root and __main__ above everything).
LAYERS: tuple[tuple[str, ...], ...] = (
    (
        "newsfuse.model",
        "newsfuse.errors",
        "newsfuse.config",
        "newsfuse._version",
        "newsfuse.once",
        "newsfuse.calendar_words",
    ),
    (
        "newsfuse.reading",
        "newsfuse.clean",
        "newsfuse.segment",
        "newsfuse.embed",
        "newsfuse.group",
        "newsfuse.summary",
        "newsfuse.facts",
        "newsfuse.render",
        "newsfuse.store",
        "newsfuse.fetching",
        "newsfuse.feeds",
    ),
    ("newsfuse.pipeline",),
    ("newsfuse.corpus",),
    ("newsfuse.distribute", "newsfuse.evaluate", "newsfuse.cli", "newsfuse.server"),
    ("newsfuse", "newsfuse.__main__"),
)
LAYER_NAMES = ("model", "stages", "pipeline", "corpus", "front ends", "package root")

# The only modules that may import the root package: the root itself and ``python -m``.
ROOT_IMPORTERS = frozenset({"newsfuse", "newsfuse.__main__"})


@dataclass(frozen=True, slots=True)
class Edge:
    """One import of a newsfuse module by another, and where it is written."""

    source: str
    target: str
    line: int
    type_checking: bool

    def __str__(self) -> str:
        where = f"{self.source} (line {self.line})"
        guard = " under TYPE_CHECKING" if self.type_checking else ""
        return f"{where} imports {self.target}{guard}"


def find_modules() -> dict[str, Path]:
    """Every module under ``src/newsfuse`` by dotted name (a package by its own name)."""
    modules: dict[str, Path] = {}
    for path in sorted(SOURCE.rglob("*.py")):
        parts = [PACKAGE, *path.relative_to(SOURCE).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


MODULES = find_modules()


def _is_type_checking_guard(node: ast.If) -> bool:
    test = node.test
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


def _imported_names(node: ast.AST, module: str, path: Path) -> Iterator[str]:
    """The modules one import statement loads by name (parents are implied, not listed)."""
    if isinstance(node, ast.Import):
        yield from (alias.name for alias in node.names)
    elif isinstance(node, ast.ImportFrom):
        if node.level:
            package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
            base = package[: len(package) - node.level + 1]
            origin = ".".join([*base, node.module] if node.module else base)
        else:
            origin = node.module or ""
        for alias in node.names:
            # `from newsfuse import pipeline` loads the submodule, not a name of the root.
            submodule = f"{origin}.{alias.name}"
            yield submodule if submodule in MODULES else origin


def find_edges(module: str, path: Path) -> Iterator[Edge]:
    """Every import of another newsfuse module in ``module``, however deep in the code."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))

    def visit(node: ast.AST, guarded: bool) -> Iterator[Edge]:
        for target in _imported_names(node, module, path):
            if target in MODULES and target != module:
                yield Edge(module, target, getattr(node, "lineno", 0), guarded)
        if isinstance(node, ast.If) and _is_type_checking_guard(node):
            for child in node.body:
                yield from visit(child, True)
            for child in node.orelse:
                yield from visit(child, guarded)
            return
        for child in ast.iter_child_nodes(node):
            yield from visit(child, guarded)

    yield from visit(tree, False)


EDGES = [edge for module, path in MODULES.items() for edge in find_edges(module, path)]


def layer_of(module: str) -> int | None:
    """The layer of a module: that of the longest layer entry it is or sits under."""
    best: tuple[int, int] | None = None  # (length of the entry, layer)
    for number, entries in enumerate(LAYERS):
        for entry in entries:
            if (module == entry or module.startswith(entry + ".")) and (
                best is None or len(entry) > best[0]
            ):
                best = (len(entry), number)
    return None if best is None else best[1]


def find_cycles(edges: list[Edge]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, 1972), each sorted."""
    graph: dict[str, set[str]] = {module: set() for module in MODULES}
    for edge in edges:
        graph[edge.source].add(edge.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for successor in sorted(graph[node]):
            if successor not in index:
                connect(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return sorted(components)


def test_the_graph_sees_the_modules_and_their_imports() -> None:
    assert {"newsfuse", "newsfuse.pipeline", "newsfuse.cli", "newsfuse.model"} <= set(MODULES)
    assert any(e.source == "newsfuse.pipeline" and e.target == "newsfuse.model" for e in EDGES)


def test_from_package_import_submodule_is_an_edge_to_the_submodule_only() -> None:
    tree = ast.parse("from newsfuse import pipeline\nfrom newsfuse.clean import signals\n")
    targets = [
        target
        for node in tree.body
        for target in _imported_names(node, "newsfuse.cli.brief_cmd", SOURCE / "cli" / "x.py")
    ]
    assert targets == ["newsfuse.pipeline", "newsfuse.clean.signals"]


def test_relative_imports_are_resolved_against_the_package() -> None:
    tree = ast.parse("from . import signals\nfrom ..model import Article\n")
    targets = [
        target
        for node in tree.body
        for target in _imported_names(node, "newsfuse.clean.classify", SOURCE / "clean" / "x.py")
    ]
    assert targets == ["newsfuse.clean.signals", "newsfuse.model"]


def test_the_cycle_finder_finds_a_cycle() -> None:
    edges = [
        Edge("newsfuse.pipeline", "newsfuse.model", 1, False),
        Edge("newsfuse.model", "newsfuse.pipeline", 1, False),
    ]
    assert find_cycles(edges) == [["newsfuse.model", "newsfuse.pipeline"]]


def test_every_module_has_a_layer() -> None:
    assert [module for module in MODULES if layer_of(module) is None] == []


def test_no_import_cycles_between_modules() -> None:
    runtime = [edge for edge in EDGES if not edge.type_checking]
    cycles = find_cycles(runtime)
    details = [
        f"cycle {' <-> '.join(cycle)}: "
        + "; ".join(str(e) for e in runtime if e.source in cycle and e.target in cycle)
        for cycle in cycles
    ]
    assert details == []


def test_no_module_imports_a_higher_layer() -> None:
    upward = []
    for edge in EDGES:
        source, target = layer_of(edge.source), layer_of(edge.target)
        if source is not None and target is not None and target > source:
            upward.append(f"{edge} ({LAYER_NAMES[source]} reaches up to {LAYER_NAMES[target]})")
    assert upward == []


def test_only_the_package_root_and_main_import_the_root_package() -> None:
    offenders = [
        str(edge) for edge in EDGES if edge.target == PACKAGE and edge.source not in ROOT_IMPORTERS
    ]
    assert offenders == []


@pytest.mark.parametrize("module", ["newsfuse.model", "newsfuse.errors", "newsfuse.config"])
def test_the_bottom_layer_imports_no_other_newsfuse_layer(module: str) -> None:
    targets = {edge.target for edge in EDGES if edge.source == module}
    assert {target for target in targets if layer_of(target) != 0} == set()
