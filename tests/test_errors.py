"""The exit-status table and the error hierarchy that uses it."""

from __future__ import annotations

import pytest

from newsfuse.errors import (
    ConfigError,
    ExitCode,
    FetchError,
    InputError,
    ModelError,
    NewsfuseError,
    NotFoundError,
    StoreError,
)


def test_exit_codes_have_the_documented_values() -> None:
    assert {code.name: int(code) for code in ExitCode} == {
        "OK": 0,
        "ERROR": 1,
        "BAD_INPUT": 2,
        "SKIPPED": 3,
        "NOT_FOUND": 4,
        "MODEL_UNAVAILABLE": 5,
        "STORE_ERROR": 6,
        "FETCH_FAILED": 7,
        "INTERNAL_ERROR": 70,
        "INTERRUPTED": 130,
    }


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (NewsfuseError, ExitCode.ERROR),
        (InputError, ExitCode.BAD_INPUT),
        (ConfigError, ExitCode.BAD_INPUT),
        (StoreError, ExitCode.STORE_ERROR),
        (NotFoundError, ExitCode.NOT_FOUND),
        (ModelError, ExitCode.MODEL_UNAVAILABLE),
        (FetchError, ExitCode.FETCH_FAILED),
    ],
)
def test_every_error_exits_with_a_code_from_the_table(
    error: type[NewsfuseError], code: ExitCode
) -> None:
    assert error.exit_code is code


def test_a_store_error_is_told_apart_from_skipped_inputs() -> None:
    assert StoreError.exit_code != ExitCode.SKIPPED


def test_every_error_class_has_its_own_status_but_the_two_kinds_of_bad_input() -> None:
    codes = [kind.exit_code for kind in (NotFoundError, ModelError, StoreError, FetchError)]
    assert len(set(codes)) == len(codes)


def test_input_error_names_the_origin_and_the_reason() -> None:
    error = InputError("a.jsonl:3", 'field "text" is empty')
    assert str(error) == 'a.jsonl:3: field "text" is empty'
    assert (error.origin, error.reason) == ("a.jsonl:3", 'field "text" is empty')
