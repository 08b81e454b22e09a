"""Verdicts on aligned claims: agree, conflict, revision or single.

Tolerances follow the benchmark's conventions (and common sense for news
figures): values within 3 % agree, which absorbs unit rounding such as
"40 miles (65 km)"; small integers (counts, ages, small percentages) must be
equal, since "14 injured" and "16 injured" are different claims.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from newsfuse.facts.dates import WEEKDAYS, weekday_of_value
from newsfuse.model import Article, Claim, FactStatus

# Relative tolerance for two values to count as the same figure.
RELATIVE_TOLERANCE = 0.03
# Integers below this must be exactly equal.
EXACT_BELOW = 100
# Durations stated to the second ("2:04:37", "4 minutes and 37 seconds") carry
# their own precision: two such times agree only within this many seconds, since
# 3 % of a marathon time (over three minutes) would merge different records.
SECOND_PRECISION_TOLERANCE = 1.0
# A later report is a revision only if published at least this much later.
REVISION_MIN_GAP = timedelta(days=1)


def values_agree(first: Claim, second: Claim) -> bool:
    """Whether two claims state the same value (same unit; 3 % or exact for small integers)."""
    if first.unit != second.unit:
        return False
    a, b = first.value, second.value
    if isinstance(a, str) or isinstance(b, str):
        if (
            first.kind == "date"
            and second.kind == "date"
            and (str(a).lower() in WEEKDAYS or str(b).lower() in WEEKDAYS)
        ):
            # An undated article's "Monday" agrees with a Monday, whatever its date.
            return weekday_of_value(str(a)) == weekday_of_value(str(b))
        return str(a).casefold() == str(b).casefold()
    if a == b:
        return True
    if first.attribute == "year" or second.attribute == "year":
        return False  # "2025" and "2027" are different years, however close
    for number in (a, b):
        if (float(number).is_integer() and abs(number) < EXACT_BELOW) or number == 0:
            return False
    if first.unit == "s" and _stated_to_the_second(a) and _stated_to_the_second(b):
        return abs(a - b) <= SECOND_PRECISION_TOLERANCE
    return abs(a - b) <= RELATIVE_TOLERANCE * max(abs(a), abs(b))


def _stated_to_the_second(seconds: float) -> bool:
    """Whether a duration over a minute has a seconds part ("2:04:37"), i.e. is precise."""
    return seconds > 60 and seconds % 60 != 0


def decide_status(
    claims: Sequence[Claim],
    articles: dict[str, Article],
    revision_cues: dict[Claim, bool],
) -> FactStatus:
    """The verdict for one aligned group of claims (one per article).

    ``revision`` needs a claim that differs from an earlier article's value,
    comes from an article published at least a day after it, and is
    presented as a development (a cue such as "rose to" or "now" before it).
    """
    if len({claim.article_id for claim in claims}) < 2:
        return "single"
    if all(values_agree(claims[0], other) for other in claims[1:]):
        return "agree"
    for later in claims:
        later_time = articles[later.article_id].published
        if later_time is None or not revision_cues.get(later, False):
            continue
        for earlier in claims:
            earlier_time = articles[earlier.article_id].published
            if (
                earlier_time is not None
                and later_time - earlier_time >= REVISION_MIN_GAP
                and not values_agree(earlier, later)
            ):
                return "revision"
    return "conflict"
