"""The one reader of numbers from environment variables."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.config import environment_number
from newsfuse.errors import ConfigError


def test_an_unset_or_blank_variable_is_none() -> None:
    assert environment_number("NEWSFUSE_X", "seconds", environ={}) is None
    assert environment_number("NEWSFUSE_X", "seconds", environ={"NEWSFUSE_X": "  "}) is None


@given(value=st.floats(min_value=0, allow_infinity=False))
def test_a_number_of_zero_or_more_is_read_back(value: float) -> None:
    assert environment_number("NEWSFUSE_X", "seconds", environ={"NEWSFUSE_X": repr(value)}) == value


@pytest.mark.parametrize(
    ("text", "whole", "message"),
    [
        ("abc", False, "NEWSFUSE_X: expected a number of seconds, got 'abc'"),
        ("-1", False, "NEWSFUSE_X: expected 0 or more seconds, got '-1'"),
        ("nan", False, "NEWSFUSE_X: expected 0 or more seconds, got 'nan'"),
        ("1.5", True, "NEWSFUSE_X: expected a whole number of seconds, got '1.5'"),
    ],
)
def test_anything_else_is_refused_in_one_line_naming_the_variable(
    text: str, whole: bool, message: str
) -> None:
    with pytest.raises(ConfigError) as raised:
        environment_number("NEWSFUSE_X", "seconds", whole=whole, environ={"NEWSFUSE_X": text})
    assert str(raised.value) == message


def test_the_process_environment_is_read_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSFUSE_X", " 12 ")
    value = environment_number("NEWSFUSE_X", "MB", whole=True)
    assert value == 12 and isinstance(value, int) and not math.isnan(value)
