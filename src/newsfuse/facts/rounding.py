"""Whether one figure is a rounding of another: "nearly two cents" beside "1.75 cents",
"$16" beside "$15.99", "about 70" beside 67.

A source that rounds states the same figure less precisely; a reader shown the pair as a
conflict is misled. Two readings, chosen leave-one-set-out by
``benchmarks/studies/rounding.py`` (docs/benchmarks-facts.md, rounding10):

- a whole figure ("two", "$16") beside one written with decimals that lies nearer to it
  than to the next whole step ("1.75", "$15.99"); a figure half-way ("4.5 %" beside
  "5 %") rounds either way, so it rounds to neither. With
  ``params.rounding_whole_needs_reach`` the gap must also be within
  ``params.rounding_reach``, or the whole figure bounded, a near hedge on the side where
  the other lies ("nearly two" beside 1.75, not beside 2.3): labelled sets mark
  "3.7 million miles" against "4m miles" and "4.5 %" against "5 %" as conflicts;
- a figure hedged as near ("about", "nearly", "just over"; facts.qualifiers) beside one
  on the side the hedge allows, within ``params.rounding_reach`` and, for "about",
  within half its last written digit: "about 70" and 67, not "about 600" and 560,
  which labelled news marks a conflict.

Neither reads years or dates, nor a fraction ("two-thirds", "one in three", "4½"),
whose first written number is no whole figure with a last digit.
"""

from __future__ import annotations

import re

from newsfuse.facts.eras import YEAR_RE
from newsfuse.facts.numbers import NUMBER_WORDS_RE, parse_number_words
from newsfuse.facts.params import FactParams
from newsfuse.model import Claim

_DIGITS_RE = re.compile(r"\d[\d,]*(?:\.\d+)?")
# Float noise allowed at a half step: 1.75 and "2" lie 0.25 apart, not 0.2500000000000002.
_HALF_STEP_SLACK = 1e-9
# Bounds (facts.qualifiers) that say a figure is near the one stated, and on which side.
_HEDGE_SIDES = {"about": 0, "just under": -1, "just over": 1}
# Open bounds: their words also read as prepositions ("over five years" for "during").
_OPEN_BOUNDS = frozenset({"at least", "at most"})
# A fraction's first number is its numerator ("two-thirds", "one in three", "4½").
_FRACTION_RE = re.compile(
    r"[½¼¾⅓⅔⅛⅜⅝⅞⅕]|\b(?:thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?"
    r"|ninths?|tenths?)\b|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
    r"\s+(?:in|out\s+of)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|\w+teen"
    r"|\w+ty|a\s+hundred)\b",
    re.IGNORECASE,
)


def states_a_fraction(text: str) -> bool:
    """Whether a figure's text is a fraction ("a third", "two-thirds", "one in three",
    "4½") rather than a figure written to its last digit."""
    return _FRACTION_RE.search(text) is not None


def written_figure(text: str) -> tuple[float, float, bool] | None:
    """The first number written in ``text`` as (number, step of its last written digit,
    whether it has decimals): "1.75" → (1.75, 0.01, True), "600" → (600, 100, False),
    "two" → (2, 1, False); None when no number is written or it is a fraction's."""
    if _FRACTION_RE.search(text):
        return None
    digits = _DIGITS_RE.search(text)
    words = NUMBER_WORDS_RE.search(text)
    if digits is not None and (words is None or digits.start() <= words.start()):
        written = digits.group().replace(",", "")
        whole, _, decimals = written.partition(".")
        if decimals:
            return float(written), 10.0 ** -len(decimals), True
        return float(whole), _trailing_step(int(whole)), False
    if words is None:
        return None
    number = parse_number_words(words.group())
    if number is None or not float(number).is_integer():
        return None
    return number, _trailing_step(int(number)), False


def _trailing_step(number: int) -> float:
    """The step of a whole number's last non-zero digit (560 → 10, 600 → 100, 0 → 1)."""
    step = 1
    while number and number % (step * 10) == 0:
        step *= 10
    return float(step)


def rounding_step(claim: Claim) -> tuple[float, bool] | None:
    """The step of the claim's last written digit in its value's units (with whether it
    was written with decimals), or None when its text gives no number to read."""
    if isinstance(claim.value, str):
        return None
    written = written_figure(claim.text)
    if written is None or written[0] == 0:
        return None
    number, step, decimals = written
    return step * abs(claim.value / number), decimals


def rounds_to(fine: Claim, coarse: Claim, params: FactParams = FactParams()) -> bool:
    """Whether ``coarse`` states ``fine`` rounded, by either reading of the module doc."""
    if isinstance(fine.value, str) or isinstance(coarse.value, str):
        return False
    if _is_year(fine) or _is_year(coarse):
        return False
    gap = float(fine.value) - float(coarse.value)
    one, other = rounding_step(fine), rounding_step(coarse)
    if (
        one is not None
        and other is not None
        and _whole_rounding(gap, one, other)
        and (not params.rounding_whole_needs_reach or _whole_within_reach(gap, coarse, params))
    ):
        return True
    side = _HEDGE_SIDES.get(coarse.bound)
    if side is None or side * gap < 0 or abs(gap) > params.rounding_reach * abs(coarse.value):
        return False
    if side != 0 or _FRACTION_RE.search(coarse.text):
        return True  # a fraction ("about two-thirds") has no last digit; the reach bounds it
    return other is not None and abs(gap) <= other[0] / 2 * (1 + _HALF_STEP_SLACK)


def _whole_rounding(gap: float, fine: tuple[float, bool], coarse: tuple[float, bool]) -> bool:
    """Whether a figure with decimals (``fine``: step, decimals) lies ``gap`` from a whole
    one (``coarse``) and strictly nearer to it than to the next whole step."""
    decimals_beside_whole = fine[1] and not coarse[1] and coarse[0] > fine[0]
    return decimals_beside_whole and abs(gap) < coarse[0] / 2 * (1 - _HALF_STEP_SLACK)


def _whole_within_reach(gap: float, coarse: Claim, params: FactParams) -> bool:
    """Whether a figure ``gap`` from the whole figure ``coarse`` is within
    ``params.rounding_reach`` of it, or ``coarse`` is bounded: a near hedge only on the
    side it allows ("nearly two" beside 1.75, not 2.3); an open bound on either side, since
    its word may be a preposition ("an average of 4.7 years", "over five years")."""
    side = _HEDGE_SIDES.get(coarse.bound)
    if side is not None:
        return side * gap >= 0
    return coarse.bound in _OPEN_BOUNDS or abs(gap) <= params.rounding_reach * abs(
        float(coarse.value)
    )


def _is_year(claim: Claim) -> bool:
    """Whether a claim is a date or a year ("around 2020"), which is never a rounding."""
    if claim.kind == "date" or claim.attribute == "year":
        return True
    return claim.unit is None and YEAR_RE.fullmatch(claim.text.strip()) is not None


def is_rounding_pair(first: Claim, second: Claim, params: FactParams = FactParams()) -> bool:
    """Whether either of two claims states the other rounded (:func:`rounds_to`)."""
    if first.unit != second.unit or not params.rounded_figures_differ:
        return False
    return rounds_to(first, second, params) or rounds_to(second, first, params)
