"""Whether a later report's figure is an earlier one plus a change it reports.

"4,000 jobs" in one report and "another 3,000, taking the total to 7,000" in a
report a day later are not a dispute over the job cuts: the later total is the
earlier figure plus the increment the later report states ("another",
"additional", "new"), or the later report names the earlier figure as its old
value ("up from 4,000"). Such a pair is a revision. Only articles published at
least ``FactParams.revision_min_gap`` apart qualify: within a day, two totals
that differ by a stated increment are still two accounts of one moment.

:func:`told_as_change` reads the other side of the same pattern within one report: a
change it tells in one clause ("going from $16 to more than $26") makes its old and new
values one attribute at two moments, so sources giving the old value do not dispute it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime

from newsfuse.facts.describe import Mention
from newsfuse.facts.params import FactParams
from newsfuse.facts.qualifiers import LOWER_BOUNDS
from newsfuse.facts.rounding import is_rounding_pair
from newsfuse.facts.verdict import values_agree
from newsfuse.model import Claim

__all__ = ["explained_by_increment", "told_as_change"]

# How far apart, in characters, a change's old and new values may stand and still be one
# change ("from $16 to more than $26", "cut to 3.2 % of GDP next year from 4.1 %").
CHANGE_SPAN_CHARS = 40
# What ends the change's clause: a figure past it belongs to another statement.
CLAUSE_BREAK_RE = re.compile(r"[.;!?\n]")


def explained_by_increment(
    group: Sequence[Mention],
    by_article: Mapping[str, Sequence[Mention]],
    published: Mapping[str, datetime | None],
    params: FactParams,
) -> bool:
    """Whether some differing pair in ``group`` is an earlier figure and a later total
    that its later article explains: an increment it states makes up the difference,
    or it gives the earlier figure as the previous value. ``by_article`` holds every
    mention of each article, the group's and the others."""
    for later in group:
        later_time = published.get(later.claim.article_id)
        if later_time is None or isinstance(later.claim.value, str):
            continue
        for earlier in group:
            earlier_time = published.get(earlier.claim.article_id)
            if (
                earlier_time is None
                or later_time - earlier_time < params.revision_min_gap
                or isinstance(earlier.claim.value, str)
                or values_agree(earlier.claim, later.claim, params)
            ):
                continue
            own = by_article.get(later.claim.article_id, ())
            if _explains(later.claim, earlier.claim, own, params):
                return True
    return False


def _explains(later: Claim, earlier: Claim, own: Sequence[Mention], params: FactParams) -> bool:
    """Whether one of the later article's own figures (other than ``later``) is the
    change from ``earlier`` to ``later``, or ``earlier`` restated as the old value."""
    for mention in own:
        claim = mention.claim
        if claim == later or claim.unit != later.unit or isinstance(claim.value, str):
            continue
        if mention.previous and values_agree(claim, earlier, params):
            return True
        if mention.role != "increment" or claim.bound in LOWER_BOUNDS:
            continue
        total = replace(earlier, value=float(earlier.value) + float(claim.value))
        if values_agree(total, later, params):
            return True
    return False


def told_as_change(
    group: Sequence[Mention],
    by_article: Mapping[str, Sequence[Mention]],
    texts: Mapping[str, str],
    params: FactParams,
) -> bool:
    """Whether every differing pair of ``group`` is the old and the new value of a change one
    of the group's articles tells in one clause ("a case going from $16 to more than $26"
    beside other sources' "$15.99"): one attribute at two moments, which sources that give
    the old value do not contradict. A figure no change explains ("rose from 12 to 20"
    beside "20" and "25") still disputes."""
    changes = [
        (old.claim, new.claim)
        for new in group
        if not new.previous
        for old in by_article.get(new.claim.article_id, ())
        if old.previous
        and _one_change(
            old.claim,
            new.claim,
            texts.get(new.claim.article_id, ""),
            [other.claim for other in by_article.get(new.claim.article_id, ())],
        )
        and not values_agree(old.claim, new.claim, params)
    ]
    if not changes:
        return False
    for index, first in enumerate(group):
        for second in group[index + 1 :]:
            a, b = first.claim, second.claim
            if values_agree(a, b, params):
                continue
            if not any(
                (_same_figure(old, a, params) and _same_figure(new, b, params))
                or (_same_figure(old, b, params) and _same_figure(new, a, params))
                for old, new in changes
            ):
                return False
    return True


def _same_figure(first: Claim, second: Claim, params: FactParams) -> bool:
    """Whether two claims state one figure, equal or one the other rounded ("$16", "$15.99")."""
    return values_agree(first, second, params) or is_rounding_pair(first, second, params)


def _one_change(old: Claim, new: Claim, text: str, figures: Sequence[Claim] = ()) -> bool:
    """Whether ``old`` (a "from" value) and ``new`` are figures of one kind and unit told
    in one clause, close enough to be the two ends of one change, with no figure of that
    kind and unit among ``figures`` (the article's) between them: in "grew from 12 members
    to 30 and hired 20 coaches" the change's new end is the 30, not the 20."""
    if old.kind != new.kind or old.unit != new.unit or isinstance(old.value, str):
        return False
    start, end = (old.end, new.start) if old.end <= new.start else (new.end, old.start)
    between = text[start:end]
    if any(
        figure.kind == old.kind and figure.unit == old.unit and start <= figure.start < end
        for figure in figures
    ):
        return False
    return 0 <= end - start <= CHANGE_SPAN_CHARS and not CLAUSE_BREAK_RE.search(between)
