"""The public surface (``newsfuse.__all__``): every name resolves, and stays what it is.

Each scenario runs in a fresh interpreter, imports newsfuse in its own order
(a subpackage first, every module first, ``from newsfuse import *``, plain
attribute access) and calls every public function twice, looking the name up
again for the second call: a public name that a submodule import could replace
would fail there, as ``newsfuse.brief`` once did.
"""

from __future__ import annotations

import ast
import importlib
import os
import pkgutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import newsfuse

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "cli"

AVAILABLE = sorted(newsfuse.__all__)

# How each scenario imports newsfuse before it calls anything.
IMPORT_ORDERS = {
    "attribute access only": "import newsfuse",
    "summary subpackage first": "import newsfuse.summary\nimport newsfuse",
    "reading subpackage first": "import newsfuse.reading\nimport newsfuse",
    "corpus and cli first": "import newsfuse.corpus\nimport newsfuse.cli\nimport newsfuse",
    "every module first": textwrap.dedent(
        """
        import importlib, pkgutil
        import newsfuse
        for info in pkgutil.walk_packages(newsfuse.__path__, "newsfuse."):
            if info.name != "newsfuse.__main__":
                importlib.import_module(info.name)
        """
    ),
    "star import": "from newsfuse import *\nimport newsfuse",
}

# Run in the child: call each public function twice, each time looking it up afresh.
CALLS = textwrap.dedent(
    """
    import dataclasses, inspect, sys, tempfile, types
    from pathlib import Path

    FIXTURES = Path(sys.argv[1])
    AVAILABLE = sys.argv[2].split(",")
    PATHS = [str(path) for path in sorted(FIXTURES.iterdir())]
    TEXT = (FIXTURES / "harbour-gazette.txt").read_text(encoding="utf-8")
    CHECKED = set()


    def public(name):
        value = getattr(newsfuse, name)
        assert not isinstance(value, types.ModuleType), f"newsfuse.{name} is a module"
        if name in globals():  # bound by a star import: the same object as the attribute
            assert globals()[name] is value, f"{name} from * differs from newsfuse.{name}"
        return value


    def comparable(value):
        # Timings differ from run to run; everything else must not.
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            fields = {
                f.name: comparable(getattr(value, f.name))
                for f in dataclasses.fields(value)
                if f.name not in ("timings", "seconds")
            }
            return (type(value).__name__, fields)
        if isinstance(value, (list, tuple)):
            return [comparable(item) for item in value]
        if isinstance(value, dict):
            return {key: comparable(item) for key, item in value.items()}
        if inspect.isgenerator(value):
            return [comparable(item) for item in value]
        return value


    def twice(name, *args, **kwargs):
        first = comparable(public(name)(*args, **kwargs))
        second = comparable(public(name)(*args, **kwargs))
        assert first == second, f"newsfuse.{name}: the second call gave another result"
        CHECKED.add(name)
        return first


    def once_per_store(name, first_db, second_db, **kwargs):
        # A write changes the store, so "twice" means the same call on two equal stores.
        first = comparable(public(name)(db=first_db, **kwargs))
        second = comparable(public(name)(db=second_db, **kwargs))
        assert first == second, f"newsfuse.{name}: the second call gave another result"
        CHECKED.add(name)
        return first


    articles = public("read")(PATHS)
    twice("read", PATHS)
    twice("read_report", PATHS)
    twice("read_text", TEXT)
    twice("compare_facts", articles)
    twice("brief", articles, 60)

    with tempfile.TemporaryDirectory() as folder:
        first_db, second_db = Path(folder, "first.db"), Path(folder, "second.db")
        report = once_per_store("ingest", first_db, second_db, inputs=PATHS, embedder="hashing")
        if "Corpus" in AVAILABLE:  # refresh_briefs takes the corpus (or its path) first
            first = comparable(public("refresh_briefs")(first_db, workers=1, budget=60))
            second = comparable(public("refresh_briefs")(second_db, workers=1, budget=60))
            assert first == second, "newsfuse.refresh_briefs: the second call gave another result"
            CHECKED.add("refresh_briefs")
        else:
            once_per_store("refresh_briefs", first_db, second_db, workers=1, budget=60)
        stories = twice("list_stories", db=first_db)
        story_id = public("list_stories")(db=first_db)[0].id
        storyline_id = public("list_stories")(db=first_db)[0].storyline_id
        twice("get_story", story_id, db=first_db, budget=60)
        twice("get_storyline", storyline_id, db=first_db)
        twice("export_stories", db=first_db)
        twice("check_store", db=first_db)
        assert stories and report, "the store scenario read nothing"

    if "Corpus" in AVAILABLE:
        # Two in-memory handles given the same input must end up alike, call for call.
        with public("Corpus")(memory=True, embedder="hashing") as first, public("Corpus")(
            memory=True, embedder="hashing"
        ) as second:
            assert comparable(first.ingest(PATHS)) == comparable(second.ingest(PATHS))
            story = first.stories()[0]
            for method, args in [
                ("stories", ()),
                ("story", (story.id,)),
                ("storyline", (story.storyline_id,)),
                ("export", ()),
            ]:
                once = comparable(getattr(first, method)(*args))
                again = comparable(getattr(first, method)(*args))
                assert once == again, f"Corpus.{method}: the second call gave another result"
        CHECKED.add("Corpus")

    for name in AVAILABLE:
        value = public(name)
        if name == "__version__":
            assert isinstance(value, str)
        elif isinstance(value, type):
            CHECKED.add(name)  # a class: resolving it is the check
        else:
            assert callable(value), f"newsfuse.{name} is neither a class nor a function"
    missing = sorted(
        name for name in AVAILABLE if name not in CHECKED and name != "__version__"
    )
    assert not missing, f"public functions this test does not call yet: {missing}"
    print("ok", len(CHECKED))
    """
)


def _run(script: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run(
        [sys.executable, "-c", script, str(FIXTURES), ",".join(AVAILABLE)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )


@pytest.mark.parametrize("order", sorted(IMPORT_ORDERS))
def test_every_public_function_gives_the_same_result_when_called_twice(order: str) -> None:
    result = _run(IMPORT_ORDERS[order] + "\n" + CALLS)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.startswith("ok"), result.stdout


def test_all_is_sorted_and_every_name_has_a_home() -> None:
    assert newsfuse.__all__ == sorted(newsfuse.__all__)
    assert len(set(newsfuse.__all__)) == len(newsfuse.__all__)
    homes = newsfuse._HOMES
    assert set(homes) == set(newsfuse.__all__) - {"__version__"}


@pytest.mark.parametrize("name", AVAILABLE)
def test_every_public_name_resolves_from_its_home(name: str) -> None:
    value = getattr(newsfuse, name)
    if name != "__version__":
        assert value is getattr(importlib.import_module(newsfuse._HOMES[name]), name)
    assert name in dir(newsfuse)


def test_no_public_name_is_also_a_module_name() -> None:
    modules = {
        info.name.rsplit(".", 1)[-1]
        for info in pkgutil.walk_packages(newsfuse.__path__, "newsfuse.")
    }
    assert sorted(set(newsfuse.__all__) & modules) == []


def test_an_unknown_name_raises_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nonexistent'"):
        _ = newsfuse.nonexistent  # type: ignore[attr-defined]


def test_importing_newsfuse_loads_no_stage() -> None:
    result = _run(
        "import sys, newsfuse\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('newsfuse.'))\n"
        "assert loaded == ['newsfuse._version'], loaded\n"
    )
    assert result.returncode == 0, result.stderr


def test_type_checkers_see_every_public_name_at_its_home() -> None:
    # The TYPE_CHECKING imports of newsfuse/__init__.py give the lazy names their types.
    tree = ast.parse(Path(newsfuse.__file__).read_text(encoding="utf-8"))
    seen: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            for statement in node.body:
                assert isinstance(statement, ast.ImportFrom) and statement.module
                seen.update({alias.name: statement.module for alias in statement.names})
    expected = {name: home for name, home in newsfuse._HOMES.items() if name in AVAILABLE}
    assert seen == expected
