"""What a word before a figure says about it: a bound ("more than 100"), a near
miss ("nearly 2,000") or an estimate ("about 600"), and which other figures the
qualified one is compatible with.

"More than 100 people" does not contradict "112 people", and "nearly two-thirds"
does not contradict "64 per cent": a reader shown such a pair as a conflict is
misled. An estimate ("about 600") is not widened: sources that round a figure
differently still state different figures.
"""

from __future__ import annotations

import re
from typing import Literal

from newsfuse.facts.params import FactParams
from newsfuse.model import Claim

Bound = Literal["", "about", "at least", "at most", "just under", "just over"]
_BOUNDS = frozenset({"", "about", "at least", "at most", "just under", "just over"})
# Bounds that put the value at or above the figure ("more than 100", "just over 2,000"),
# whose "more" or "over" the role reader may take for an increment word.
LOWER_BOUNDS: frozenset[Bound] = frozenset({"at least", "just over"})

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
# How far past its figure a bound reaches: news bounds a figure by the next round
# step ("nearly 3,000" for 2,950, "more than $26 million" for $26.6 million). A
# bound far from the other figure is still a disagreement: labelled sets mark
# "more than 1,200" against 2,100 and "nearly 50 metres" against 150 ft (8.6 %
# apart) as conflicts, so the reach stays below that.
NEAR_SPAN = 0.05
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


def interval(
    bound: Bound, stated: float, tolerance: float, reach: float = NEAR_SPAN
) -> tuple[float, float]:
    """The values a figure ``stated`` with ``bound`` can stand for: the relative slack
    ``tolerance`` of plain agreement (rounding between units) on each side, and a
    lower bound ("more than") reaching ``reach`` (relative) above, an upper bound
    ("nearly", "up to") as far below."""
    slack = abs(stated) * tolerance
    reach = abs(stated) * reach
    if bound in LOWER_BOUNDS:
        return stated - slack, stated + reach + slack
    if bound in ("at most", "just under"):
        return stated - reach - slack, stated + slack
    return stated - slack, stated + slack


def bounds_compatible(
    first: tuple[Bound, float],
    second: tuple[Bound, float],
    tolerance: float,
    reach: float = NEAR_SPAN,
) -> bool:
    """Whether two differing figures, each with its bound, can both be true of one quantity.

    "More than 100" and "103" can; "more than 100" and "90" or "150" cannot;
    "nearly 2,000" and "1,920" can. A plain figure must lie in the bounded
    one's :func:`interval`; two bounded figures' intervals (without the slack)
    must meet. Two plain or estimated figures never are: whether they agree is
    the plain tolerance's question, not a bound's.
    """
    plain_a = first[0] in ("", "about")
    plain_b = second[0] in ("", "about")
    if plain_a and plain_b:
        return False
    if plain_a or plain_b:
        (bound, stated), other = (second, first[1]) if plain_a else (first, second[1])
        low, high = interval(bound, stated, tolerance, reach)
        return low <= other <= high
    low_a, high_a = interval(first[0], first[1], 0.0, reach)
    low_b, high_b = interval(second[0], second[1], 0.0, reach)
    return max(low_a, low_b) <= min(high_a, high_b)


def bounds_allow(first: Claim, second: Claim, params: FactParams) -> bool:
    """Whether two differing numeric claims fit each other's stated bounds
    (:func:`bounds_compatible` with the plain agreement tolerance).

    Small whole numbers get neither slack nor reach: labelled news marks "at
    least 20 killed" against "21 killed" as a conflict, since a count that
    small is stated exactly, and "at least" there is the reporter's caution. Two
    open bounds on one side ("more than 260", "more than 200") always fit
    (``params.same_side_bounds_agree``)."""
    a, b = first.value, second.value
    if isinstance(a, str) or isinstance(b, str):
        return False
    exact = any(float(v).is_integer() and abs(v) < params.exact_below for v in (a, b))
    tolerance, reach = (0.0, 0.0) if exact else (params.relative_tolerance, NEAR_SPAN)
    one, other = _as_bound(first.bound), _as_bound(second.bound)
    if params.same_side_bounds_agree and _same_side(one, other):
        return True
    return bounds_compatible((one, float(a)), (other, float(b)), tolerance, reach)


def _same_side(one: Bound, other: Bound) -> bool:
    """Whether two open bounds both limit from below, or both from above. Not a near
    bound: "nearly 500" and "nearly 2,000" each say where the figure is, and disagree."""
    return one == other and one in ("at least", "at most")


def _as_bound(text: str) -> Bound:
    return text if text in _BOUNDS else ""  # type: ignore[return-value]
