"""Pair scores of claims (newsfuse.facts.score): the transposed-digits signal."""

from __future__ import annotations

import pytest

from newsfuse.facts.score import _transposed
from newsfuse.model import Claim


def _claim(text: str, value: float, unit: str | None = None) -> Claim:
    return Claim("a", 0, len(text), text, "count" if unit is None else "money", value, unit)


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        # Invented figures: the same digits in another order are a transposition.
        (_claim("2,689", 2689), _claim("2,869", 2869), True),
        (_claim("Rs 38,400 cr", 3.84e11, "INR"), _claim("Rs 34,800 cr", 3.48e11, "INR"), True),
        (_claim("187", 187), _claim("178", 178), True),
        # Two digits swap by chance; the same figure is no transposition; other digits are not.
        (_claim("12", 12), _claim("21", 21), False),
        (_claim("2,689", 2689), _claim("2,689", 2689), False),
        (_claim("2,689", 2689), _claim("2,698", 2698), True),
        (_claim("2,689", 2689), _claim("2,679", 2679), False),
        (_claim("$410m", 4.1e8, "USD"), _claim("410", 410), False),
    ],
)  # fmt: skip
def test_transposed_digits(first: Claim, second: Claim, expected: bool) -> None:
    assert _transposed(first, second) == expected
