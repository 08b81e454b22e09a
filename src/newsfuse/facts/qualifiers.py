"""What a word before a figure says about it: a bound ("more than 100"), a near
miss ("nearly 2,000") or an estimate ("about 600"), and which other figures the
qualified one is compatible with.

"More than 100 people" does not contradict "112 people", and "nearly two-thirds"
does not contradict "64 per cent": a reader shown such a pair as a conflict is
misled. An estimate ("about 600") is not widened: sources that round a figure
differently still state different figures.
"""

from __future__ import annotations

import math
import re
from typing import Literal

Bound = Literal["", "about", "at least", "at most", "just under", "just over"]

# Qualifier phrases and the bound they put on the figure after them.
QUALIFIERS: dict[str, Bound] = {
    **dict.fromkeys(
        ["more than", "over", "at least", "upwards of", "in excess of", "no fewer than",
         "no less than", "well over", "north of", "a minimum of", "above"],
        "at least",
    ),
    **dict.fromkeys(
        ["up to", "as many as", "as much as", "as high as", "fewer than", "less than", "under",
         "at most", "no more than", "a maximum of", "below", "well under"],
        "at most",
    ),
    **dict.fromkeys(["nearly", "almost", "close to", "just under", "just shy of"], "just under"),
    **dict.fromkeys(["just over", "just above", "slightly more than"], "just over"),
    **dict.fromkeys(
        ["about", "around", "approximately", "roughly", "some", "an estimated", "estimated",
         "~", "an approximate", "circa", "c."],
        "about",
    ),
}  # fmt: skip
# How far below (or above) a "nearly" (or "just over") figure the true one may lie:
# news rounds to the next round step, "nearly 2,000" for 1,850-1,999, which is
# within a tenth.
NEAR_SPAN = 0.1
_QUALIFIER_RE = re.compile(
    r"(?:^|(?<=[\s(]))(?P<q>"
    + "|".join(
        re.escape(q).replace(r"\ ", r"\s+") for q in sorted(QUALIFIERS, key=len, reverse=True)
    )
    + r")\s*(?:[$€£₹]\s?|Rs\.?\s?)?$",
    re.IGNORECASE,
)


def qualifier_before(text: str, start: int) -> Bound:
    """The bound that the words right before ``start`` put on the figure there, or ""."""
    match = _QUALIFIER_RE.search(text[max(0, start - 30) : start])
    if match is None:
        return ""
    return QUALIFIERS[re.sub(r"\s+", " ", match.group("q").lower())]


def interval(bound: Bound, stated: float, tolerance: float) -> tuple[float, float]:
    """The values a figure ``stated`` with ``bound`` can stand for, with the relative
    slack ``tolerance`` of plain agreement (rounding between units) on each side."""
    slack = abs(stated) * tolerance
    low, high = stated - slack, stated + slack
    if bound == "at least":
        return low, math.inf
    if bound == "at most":
        return -math.inf, high
    if bound == "just under":
        return stated - abs(stated) * NEAR_SPAN - slack, high
    if bound == "just over":
        return low, stated + abs(stated) * NEAR_SPAN + slack
    return low, high


def bounds_compatible(
    first: tuple[Bound, float], second: tuple[Bound, float], tolerance: float
) -> bool:
    """Whether two differing figures, each with its bound, can both be true of one quantity.

    "More than 100" and "112" can; "more than 100" and "90" cannot; "nearly
    2,000" and "1,950" can. Two plain or estimated figures never are: whether
    they agree is the plain tolerance's question, not a bound's.
    """
    if first[0] in ("", "about") and second[0] in ("", "about"):
        return False
    low_a, high_a = interval(first[0], first[1], tolerance)
    low_b, high_b = interval(second[0], second[1], tolerance)
    return max(low_a, low_b) <= min(high_a, high_b)
