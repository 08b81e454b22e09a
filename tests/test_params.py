"""Tests of the stages' tunables: frozen values, each field with its reason, changed by replace."""

from __future__ import annotations

import ast
import dataclasses
import inspect
from pathlib import Path

import pytest

from newsfuse.group import params as group_params
from newsfuse.group.params import EmbeddingCalibration, GroupingParams
from newsfuse.summary import params as brief_params
from newsfuse.summary.params import BriefParams

PARAMS_CLASSES = [
    (group_params, GroupingParams),
    (group_params, EmbeddingCalibration),
    (brief_params, BriefParams),
]


def _fields_without_a_reason(module: object, cls: type) -> list[str]:
    """Fields of ``cls`` whose line in ``module``'s source has no comment just above it."""
    source = inspect.getsource(module)  # type: ignore[arg-type]
    lines = source.splitlines()
    tree = ast.parse(source)
    node = next(n for n in ast.walk(tree) if isinstance(n, ast.ClassDef) and n.name == cls.__name__)
    missing = []
    for statement in node.body:
        if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            above = lines[statement.lineno - 2].strip()
            if not above.startswith("#"):
                missing.append(statement.target.id)
    return missing


@pytest.mark.parametrize(
    ("module", "cls"), PARAMS_CLASSES, ids=lambda x: getattr(x, "__name__", "")
)
def test_every_tunable_says_why_it_has_its_value(module: object, cls: type) -> None:
    assert _fields_without_a_reason(module, cls) == []


@pytest.mark.parametrize(
    ("module", "cls"), PARAMS_CLASSES, ids=lambda x: getattr(x, "__name__", "")
)
def test_params_are_frozen_slotted_values(module: object, cls: type) -> None:
    value = cls()
    assert not hasattr(value, "__dict__")
    first = dataclasses.fields(cls)[0].name
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(value, first, getattr(value, first))
    assert cls() == value and hash(cls()) == hash(value)


def test_a_replaced_tunable_leaves_the_defaults_alone() -> None:
    swept = dataclasses.replace(BriefParams(), support_screen_cosine=0.5)
    assert swept.support_screen_cosine == 0.5
    assert BriefParams().support_screen_cosine == 0.6
    assert dataclasses.replace(swept, support_screen_cosine=0.6) == BriefParams()


def test_the_candidate_window_is_derived_from_the_story_window() -> None:
    assert list(GroupingParams().window_offsets) == list(range(-5, 6))
    wider = dataclasses.replace(GroupingParams(), story_window_days=8)
    assert list(wider.window_offsets) == list(range(-8, 9))


def test_no_module_constant_shadows_a_tunable() -> None:
    # A tunable has one home: a module constant of the same name would be a second.
    root = Path(group_params.__file__).parent.parent
    names = {
        f.name.upper() for cls in (GroupingParams, BriefParams) for f in dataclasses.fields(cls)
    }
    for folder in ("group", "summary"):
        for path in (root / folder).glob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for statement in tree.body:
                if isinstance(statement, ast.Assign | ast.AnnAssign):
                    targets = (
                        statement.targets
                        if isinstance(statement, ast.Assign)
                        else [statement.target]
                    )
                    for target in targets:
                        if isinstance(target, ast.Name):
                            assert target.id not in names, f"{path.name}: {target.id}"
