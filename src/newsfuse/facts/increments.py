"""Whether a later report's figure is an earlier one plus a change it reports.

"4,000 jobs" in one report and "another 3,000, taking the total to 7,000" in a
report a day later are not a dispute over the job cuts: the later total is the
earlier figure plus the increment the later report states ("another",
"additional", "new"), or the later report names the earlier figure as its old
value ("up from 4,000"). Such a pair is a revision. Only articles published at
least ``FactParams.revision_min_gap`` apart qualify: within a day, two totals
that differ by a stated increment are still two accounts of one moment.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime

from newsfuse.facts.describe import Mention
from newsfuse.facts.params import FactParams
from newsfuse.facts.verdict import values_agree
from newsfuse.model import Claim

__all__ = ["explained_by_increment"]


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
        if mention.role != "increment" or claim.bound in ("at least", "just over"):
            continue
        total = replace(earlier, value=float(earlier.value) + float(claim.value))
        if values_agree(total, later, params):
            return True
    return False
