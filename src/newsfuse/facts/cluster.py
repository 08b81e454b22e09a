"""Group claims into facts: which claims state the same attribute of the event.

Claims of the same kind and base unit from different articles are grouped by
average-linkage agglomerative clustering (Sokal & Michener 1958, UPGMA) over
the pairwise scores of :mod:`newsfuse.facts.score`, under a cannot-link
constraint: one claim per article per group, since an article states an
attribute once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

import numpy as np

from newsfuse.facts.dates import WEEKDAYS
from newsfuse.facts.describe import Mention
from newsfuse.facts.params import FactParams
from newsfuse.facts.score import add_same_value_bonus, score_pairs
from newsfuse.facts.verdict import values_agree

if TYPE_CHECKING:
    from newsfuse.embed import Embedder


@dataclass(frozen=True, slots=True)
class Alignment:
    """One group of mentions taken to state one attribute, with how sure the grouping is.

    ``dispute_score`` is the lowest alignment score between two claims of the
    group that give different values (``inf`` when all agree): a verdict of
    conflict needs every disagreeing pair to be the same attribute, so the
    weakest pair is the evidence.
    """

    mentions: tuple[Mention, ...]
    dispute_score: float
    # How much better the weakest disagreeing pair fits than either claim's best
    # alternative in the other's article (``inf`` when all agree or there is none):
    # a small margin means the other article has look-alikes to choose from.
    dispute_margin: float = float("inf")
    # The most figures of this kind and unit that one of the group's articles
    # states: the more look-alikes an article holds, the likelier a wrong pairing.
    crowding: int = 1


def group_mentions(
    mentions: Sequence[Mention],
    embedder: Embedder | None,
    published: Mapping[str, datetime | None] | None,
    params: FactParams,
) -> list[Alignment]:
    """Cluster mentions into attributes: average linkage, one mention per article per group.

    ``published`` (article id → publication time) lets a later "rose to 45"
    reach back to an earlier, different figure.
    """
    raw_scores = score_pairs(mentions, embedder, published, params)
    scores = add_same_value_bonus(raw_scores.copy(), mentions, params)
    count = len(mentions)
    agreeing = np.zeros((count, count), dtype=bool)
    for i in range(count):
        for j in range(i + 1, count):
            agree = values_agree(mentions[i].claim, mentions[j].claim, params)
            agreeing[i, j] = agreeing[j, i] = agree
    by_dimension: dict[str, list[int]] = {}
    for index, mention in enumerate(mentions):
        by_dimension.setdefault(mention.dimension, []).append(index)
    grouped: list[Alignment] = []
    crowding = Counter((m.claim.article_id, m.dimension) for m in mentions)
    for dimension, indices in by_dimension.items():
        dispute_threshold = params.dispute_threshold
        if dimension.startswith("date:"):
            dispute_threshold = max(params.dispute_threshold, params.date_dispute_threshold)
        if dimension.startswith("year:"):
            dispute_threshold = max(params.dispute_threshold, params.year_dispute_threshold)
        block = np.ix_(indices, indices)
        clusters = _cluster(
            scores[block],
            agreeing[block],
            [mentions[i].claim.article_id for i in indices],
            params.agree_threshold,
            dispute_threshold,
            # Not for dates: a story names several days, and a weekday's restatements
            # ("Monday" twice) are no evidence which calendar date it was.
            restatements_as_one=params.restatements_link_as_one
            and not dimension.startswith(("date:", "year:")),
            restatement_discount=params.restatement_discount,
        )
        clusters = [[indices[i] for i in cluster] for cluster in clusters]
        clusters = _join_restatements(
            clusters,
            mentions,
            scores,
            agreeing,
            params.agree_threshold,
            dispute_threshold,
            current_replaces_earlier=params.current_figure_joins_over_earlier,
            day_replaces_weekday=params.placed_day_over_its_weekday,
        )
        clusters = _prefer_current(clusters, mentions, raw_scores, dispute_threshold)
        if params.rise_replaces_restated_figure and published:
            clusters = _prefer_rise_over_restatement(
                clusters, mentions, raw_scores, agreeing, published, dispute_threshold
            )
        for cluster in clusters:
            disputed = [(i, j) for i in cluster for j in cluster if i < j and not agreeing[i, j]]
            grouped.append(
                Alignment(
                    tuple(mentions[i] for i in cluster),
                    min((float(scores[i, j]) for i, j in disputed), default=np.inf),
                    min((_margin(i, j, mentions, scores) for i, j in disputed), default=np.inf),
                    max(crowding[(mentions[i].claim.article_id, dimension)] for i in cluster),
                )
            )
    return grouped


def _is_current(mention: Mention) -> bool:
    """Whether the figure is the source's current account: not one it "had earlier
    said", nor one that only would or could be."""
    return not mention.earlier and not mention.mood


def _prefer_current(
    clusters: list[list[int]],
    mentions: Sequence[Mention],
    scores: np.ndarray,
    threshold: float,
) -> list[list[int]]:
    """Let an article's current figure stand for it where its earlier account was grouped.

    An earlier account ("had earlier said 10") can agree with another source and
    be grouped first, leaving the same article's current figure ("eight wounded")
    alone. When that current figure is in no group with another article and
    fits the group's other claims on average at ``threshold`` and at least as
    well as the earlier account does (``scores`` without the credit for agreeing
    values, so the earlier account's agreement does not count for it), the two swap.
    """

    def current_for(cluster: list[int], index: int, alone: set[int]) -> int | None:
        if _is_current(mentions[index]):
            return None
        article = mentions[index].claim.article_id
        others = [k for k in cluster if k != index]
        candidates = [
            (float(np.mean(scores[k, others])), k)
            for k in sorted(alone)
            if mentions[k].claim.article_id == article and _is_current(mentions[k])
        ]
        own_fit = float(np.mean(scores[index, others]))
        candidates = [(fit, k) for fit, k in candidates if fit >= max(threshold, own_fit)]
        return max(candidates)[1] if candidates else None

    return _swap_alone(clusters, current_for)


def _prefer_rise_over_restatement(
    clusters: list[list[int]],
    mentions: Sequence[Mention],
    scores: np.ndarray,
    agreeing: np.ndarray,
    published: Mapping[str, datetime | None],
    threshold: float,
) -> list[list[int]]:
    """Let a later article's new figure stand for it where its restatement of the earlier
    one was grouped.

    A later report often tells both values of one attribute: the new one with a change
    word ("the number of injured rose to 12") and the earlier one as such ("the eight
    hurt on the night of the fire"). With one claim per article, the restatement agrees
    with the earlier reports and is grouped with them, and the new figure is left alone,
    so the revision is never seen. When an article published after every other article
    of a group gives there a figure that agrees with all of them and without a change
    word, and gives alone a different, current figure of the same kind with one, told
    before the restatement (a report leads with its news and restates the past below it)
    or beside it as the figure it rose from ("up from 8", ``Mention.previous``), that fits
    one of the group's other claims at ``threshold`` (``scores`` without the credit for
    agreeing values; they all agree, so they are one figure in several wordings, as
    ``FactParams.restatements_link_as_one`` reads them), the two swap: the restatement
    is left as a figure of its own.
    """

    def rise_for(cluster: list[int], index: int, alone: set[int]) -> int | None:
        restated = mentions[index]
        if restated.revision_cue or not _is_current(restated):
            return None
        article = restated.claim.article_id
        when = published.get(article)
        others = [k for k in cluster if k != index]
        earlier_times = [published.get(mentions[k].claim.article_id) for k in others]
        if when is None or any(t is None or t >= when for t in earlier_times):
            return None
        if not all(agreeing[index, k] for k in others):
            return None
        candidates = [
            (float(np.max(scores[k, others])), k)
            for k in sorted(alone)
            if mentions[k].claim.article_id == article
            and mentions[k].revision_cue
            and _is_current(mentions[k])
            and not agreeing[index, k]
            and (restated.previous or mentions[k].claim.start < restated.claim.start)
        ]
        candidates = [(fit, k) for fit, k in candidates if fit >= threshold]
        return max(candidates)[1] if candidates else None

    return _swap_alone(clusters, rise_for)


def _swap_alone(
    clusters: list[list[int]], choose: Callable[[list[int], int, set[int]], int | None]
) -> list[list[int]]:
    """Swap into each group the lone claim ``choose`` picks for a member (given the group,
    the member and the lone claims), leaving that member alone; groups are kept in order
    and the lone claims follow as groups of one."""
    alone = {cluster[0] for cluster in clusters if len(cluster) == 1}
    swapped = False
    for cluster in clusters:
        if len(cluster) < 2:
            continue
        for position, index in enumerate(cluster):
            chosen = choose(cluster, index, alone)
            if chosen is None:
                continue
            cluster[position] = chosen
            alone.discard(chosen)
            alone.add(index)
            swapped = True
    if not swapped:
        return clusters
    return [cluster for cluster in clusters if len(cluster) > 1] + [[k] for k in sorted(alone)]


def _margin(i: int, j: int, mentions: Sequence[Mention], scores: np.ndarray) -> float:
    """How far the pair (i, j) outscores each claim's best other partner in the other's article."""
    margin = np.inf
    for one, other in ((i, j), (j, i)):
        article = mentions[other].claim.article_id
        rivals = [
            float(scores[one, k])
            for k in range(len(mentions))
            if k != other
            and mentions[k].claim.article_id == article
            and np.isfinite(scores[one, k])
            and not _same_value(mentions[k], mentions[other])
        ]
        if rivals:
            margin = min(margin, float(scores[one, other]) - max(rivals))
    return float(margin)


def _same_value(first: Mention, second: Mention) -> bool:
    """A repeat of the same figure in one article is no rival ("560 troops" ... "the 560")."""
    return first.claim.value == second.claim.value and first.claim.unit == second.claim.unit


def _join_restatements(
    clusters: list[list[int]],
    mentions: Sequence[Mention],
    scores: np.ndarray,
    agreeing: np.ndarray,
    agree_threshold: float,
    dispute_threshold: float,
    *,
    current_replaces_earlier: bool = False,
    day_replaces_weekday: bool = False,
) -> list[list[int]]:
    """Join two groups that an article links by stating the same figure in both.

    An article often repeats its figure (headline, lede, quote: "560 troops",
    "an additional 560 troops"), and the one-claim-per-article rule can then
    split one attribute into two groups, each holding one of the repeats
    ("600 / 560" and "560 forces / 560"). Two groups are joined when every
    article they share gives the same value in both, they have an article of
    their own each, and the average score between their claims from different
    articles passes the threshold the joined group needs (agreement or
    dispute). The repeat is then dropped, keeping one claim per article.

    With ``current_replaces_earlier``, an article also links the two groups when it
    gives its earlier account ("had earlier said 10") in one and a current figure
    ("eight wounded") in the other: the current figure is kept, and the join needs no
    article of its own on that side, since the swap itself is the gain.

    With ``day_replaces_weekday``, where the repeat is a bare weekday in one group
    ("Wednesday") and the calendar day it falls on in the other ("Wednesday, March 30"),
    the day is kept: it says which Wednesday.
    """
    changed = True
    while changed:
        changed = False
        for a in range(len(clusters)):
            for b in range(a + 1, len(clusters)):
                joined = _try_join(clusters[a], clusters[b], mentions, scores, agreeing,
                                   agree_threshold, dispute_threshold,
                                   current_replaces_earlier, day_replaces_weekday)  # fmt: skip
                if joined is not None:
                    clusters[a] = joined
                    del clusters[b]
                    changed = True
                    break
            if changed:
                break
    return clusters


def _replaces(current: Mention, earlier: Mention) -> bool:
    """Whether ``current`` is its source's figure now and ``earlier`` what it said before."""
    return earlier.earlier and not current.earlier and not current.mood


def _day_of_weekday(day: Mention, weekday: Mention) -> bool:
    """Whether ``day`` is a calendar day and ``weekday`` a bare weekday name (unplaced)."""
    day_value, weekday_value = str(day.claim.value), str(weekday.claim.value)
    return (
        day.claim.kind == weekday.claim.kind == "date"
        and weekday_value.lower() in WEEKDAYS
        and day_value.lower() not in WEEKDAYS
    )


def _try_join(
    first: list[int],
    second: list[int],
    mentions: Sequence[Mention],
    scores: np.ndarray,
    agreeing: np.ndarray,
    agree_threshold: float,
    dispute_threshold: float,
    current_replaces_earlier: bool = False,
    day_replaces_weekday: bool = False,
) -> list[int] | None:
    """The two groups joined, or ``None`` (see :func:`_join_restatements`)."""
    by_article_first = {mentions[i].claim.article_id: i for i in first}
    by_article_second = {mentions[i].claim.article_id: i for i in second}
    shared = by_article_first.keys() & by_article_second.keys()
    if not shared:
        return None
    kept = dict(by_article_first)  # the claim each shared article keeps
    swapped = False
    for article in shared:
        one, other = by_article_first[article], by_article_second[article]
        if agreeing[one, other]:
            if day_replaces_weekday and _day_of_weekday(mentions[other], mentions[one]):
                kept[article] = other
            continue
        if not current_replaces_earlier:
            return None
        if _replaces(mentions[other], mentions[one]):
            kept[article] = other
            swapped = True
        elif not _replaces(mentions[one], mentions[other]):
            return None
    if not swapped and len(shared) in (len(first), len(second)):
        return None
    pairs = [
        scores[i, j]
        for i in first
        for j in second
        if mentions[i].claim.article_id != mentions[j].claim.article_id
    ]
    if not pairs or not all(np.isfinite(pairs)):
        return None
    joined = [kept[mentions[i].claim.article_id] for i in first]
    joined += [j for j in second if mentions[j].claim.article_id not in shared]
    all_agree = all(agreeing[i, j] for i in joined for j in joined if i < j)
    threshold = agree_threshold if all_agree else dispute_threshold
    return joined if float(np.mean(pairs)) >= threshold else None


def _cluster(
    scores: np.ndarray,
    agreeing: np.ndarray,
    articles: Sequence[str],
    agree_threshold: float,
    dispute_threshold: float,
    *,
    restatements_as_one: bool = False,
    restatement_discount: float = 0.0,
) -> list[list[int]]:
    """Average linkage (UPGMA) with a cannot-link per article, in two passes.

    First only groups whose figures all agree merge (at ``agree_threshold``),
    then any groups (at ``dispute_threshold``): a figure with an agreeing
    partner of the same meaning is not pulled into a dispute with a
    look-alike. With ``restatements_as_one``, the second pass treats each group
    of the first as one figure told in several wordings, scored against
    another by its best-fitting wording less ``restatement_discount`` (see
    ``FactParams.restatements_link_as_one``).
    """
    count = len(articles)
    article_index = {article: k for k, article in enumerate(dict.fromkeys(articles))}
    members = np.zeros((count, len(article_index)), dtype=bool)
    for i, article in enumerate(articles):
        members[i, article_index[article]] = True
    finite = np.where(np.isfinite(scores), scores, 0.0)
    groups = _average_linkage(finite, ~agreeing, members, agree_threshold, agreeing_only=True)
    # Pass two runs over the first pass's groups: summed and best scores between them.
    one_hot = np.zeros((count, len(groups)))
    for index, group in enumerate(groups):
        one_hot[group, index] = 1.0
    summed = one_hot.T @ finite @ one_hot
    sizes = one_hot.sum(axis=0)
    in_groups = one_hot.T @ members.astype(float) > 0
    no_disagreement = np.zeros((len(groups), len(groups)), dtype=bool)
    if restatements_as_one:
        # Each group is one figure in several wordings: its best wording, discounted
        # as a best-of-several, never below the average.
        label = np.argmax(one_hot, axis=1) if count else np.zeros(0, dtype=int)
        best = np.full((len(groups), len(groups)), -np.inf)
        np.maximum.at(best, (label[:, None], label[None, :]), scores)
        best = np.where(np.isfinite(best), best, 0.0)
        average = summed / np.outer(sizes, sizes)
        linked = np.maximum(best - restatement_discount, average)
        parts = _average_linkage(linked, no_disagreement, in_groups, dispute_threshold)
    else:
        parts = _average_linkage(
            summed, no_disagreement, in_groups, dispute_threshold, sizes=sizes.tolist()
        )
    return [[i for part in part_group for i in groups[part]] for part_group in parts]


def _average_linkage(
    totals: np.ndarray,
    disagreeing: np.ndarray,
    members: np.ndarray,
    threshold: float,
    *,
    agreeing_only: bool = False,
    sizes: list[int] | None = None,
) -> list[list[int]]:
    """Merge items while the best average between two groups reaches ``threshold``.

    ``totals`` holds the summed scores between items, ``sizes`` how many claims
    each item stands for (1 each by default); no group holds two claims of one
    article (``members``), and with ``agreeing_only`` none holds two that
    disagree. Sums are kept and updated on each merge (Lance & Williams 1967),
    so a merge costs O(n) rather than O(n²).
    """
    count = len(totals)
    totals = totals.astype(float)
    members = members.copy()
    disagreements = disagreeing.astype(float)
    size = np.ones(count) if sizes is None else np.array(sizes, dtype=float)
    alive = np.ones(count, dtype=bool)
    groups: list[list[int]] = [[i] for i in range(count)]
    while count:
        average = totals / np.outer(size, size)
        shared = (members.astype(int) @ members.T.astype(int)) > 0
        invalid = shared | ~np.outer(alive, alive)
        if agreeing_only:
            invalid |= disagreements > 0
        average = np.where(invalid, -np.inf, average)
        row, column = np.unravel_index(int(np.argmax(average)), average.shape)
        if not np.isfinite(average[row, column]) or average[row, column] < threshold:
            break
        a, b = sorted((int(row), int(column)))
        groups[a].extend(groups[b])
        groups[b] = []
        for matrix in (totals, disagreements):
            matrix[a, :] += matrix[b, :]
            matrix[:, a] += matrix[:, b]
        members[a] |= members[b]
        members[b] = False
        size[a] += size[b]
        alive[b] = False
    return [group for group in groups if group]
