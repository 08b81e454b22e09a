"""Incremental story clustering with stable ids, and storylines over stories.

Each new article is compared with a bounded set of candidate stories: those
active within a few days of its event date (a day-bucketed index), those that
share its rarest terms (an inverted index, "blocking" in record-linkage terms),
and, for undated articles, the most recently touched stories. It joins the best
candidate whose similarity clears a threshold (single-pass "leader" clustering,
Hartigan 1975, with centroid updates), unless the evidence says it is another
event: event dates further apart than ``story_window_days``, or different
headline figures for the same thing (600 troops vs 560 troops). Otherwise it
starts a story, which joins the storyline of the most related earlier story.
Then a second pass compares the grown story with its neighbouring stories under
the same rule and merges them when it passes (agglomerative centroid-linkage
merging, restricted to the blocked neighbours so that the cost stays bounded):
a report that arrives later can bridge two stories a single pass kept apart.

Every threshold, window and cap comes from the :class:`GroupingParams` the index is
built with (``newsfuse.group.params``). Embedding cosines are read through the
:class:`EmbeddingCalibration` of the store's embedder in those params: its own join
and link bars, and for the static word-piece embedder the removal of the running
corpus mean (common component removal, Arora et al. 2017).

Ids are stable: a story is named after its *founder*, the member with the
earliest known event date (ties and undated members ordered by content hash),
so the same set of articles gets the same id whatever order they arrived in.
When an earlier article joins, or two stories merge, the story is renamed and
the old id is kept as an alias. Storylines are named after their earliest
story's founder likewise.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from datetime import datetime
from operator import itemgetter, mul

import numpy as np
import numpy.typing as npt

from newsfuse.group.features import (
    DATE_MARK,
    DAY_MARK_PREFIX,
    LEAD_NAME_MARK,
    PLACE_MARK,
    REPORT_DAY_MARK,
    SEQUEL_MARK,
    SITE_MARK,
    STAGE_MARK,
    WEEKDAY_MARK,
    EventDate,
)
from newsfuse.group.lexical import TOP_TERMS, TermVector, add_vectors, normalise_vector
from newsfuse.group.params import EmbeddingCalibration, GroupingParams, calibrate_embedder

__all__ = [
    "ArticleSignals",
    "EmbeddingCalibration",
    "FounderKey",
    "GroupingParams",
    "Placement",
    "StoryIndex",
    "StoryState",
    "StorylineState",
    "calibrate_embedder",
    "conflict_in_days",
    "conflict_in_numbers",
    "conflict_in_places",
    "conflict_in_report_days",
    "make_founder_key",
    "misses_in_lead",
    "name_story",
    "name_storyline",
    "same_language",
    "score_join",
]

FounderKey = tuple[int, str, str]


def make_founder_key(date: EventDate, content_hash: str) -> FounderKey:
    """Sort key of candidate founders: dated before undated, then oldest, then hash."""
    if date.known:
        return (0, date.when.isoformat(), content_hash)
    return (1, "", content_hash)


@dataclass(frozen=True, slots=True)
class ArticleSignals:
    """What the clustering needs to know about one article."""

    article_id: str
    content_hash: str
    date: EventDate
    embedding: npt.NDArray[np.float32]
    terms: TermVector
    key_numbers: tuple[tuple[str, int], ...]
    names: tuple[str, ...]
    # The article's language ("" unknown): it joins only stories of the same language.
    language: str = ""
    # Unit TF-IDF vector of its title and first sentence (empty: not known, no check).
    lead_terms: TermVector = field(default_factory=dict)

    @property
    def founder_key(self) -> FounderKey:
        """Sort key of candidate founders (see :func:`make_founder_key`)."""
        return make_founder_key(self.date, self.content_hash)


@dataclass(slots=True)
class StoryState:
    """A story as the index sees it (mutable: it grows as articles join)."""

    id: str
    storyline_id: str
    founder: FounderKey
    size: int
    embedding_sum: npt.NDArray[np.float32]
    terms: TermVector
    numbers: dict[str, set[int]]
    names: set[str]
    first_known: datetime | None = None
    last_known: datetime | None = None
    days: set[int] = field(default_factory=set)
    terms_norm: float = 0.0
    average: npt.NDArray[np.float32] | None = None
    # The language of its articles ("" while none of them had a known language).
    language: str = ""

    def mean(self) -> npt.NDArray[np.float32]:
        """The plain mean of the members' embeddings (cached until the story changes)."""
        if self.average is None:
            self.average = np.asarray(self.embedding_sum / max(self.size, 1), dtype=np.float32)
        return self.average

    def refresh(self) -> None:
        """Recompute the cached term-vector norm (and drop the cached mean) after a change."""
        self.average = None
        self.terms_norm = math.sqrt(sum(w * w for w in self.terms.values()))


@dataclass(slots=True)
class StorylineState:
    """A storyline: its founder key and its stories."""

    id: str
    founder: FounderKey
    story_ids: set[str]


@dataclass(frozen=True, slots=True)
class Placement:
    """Where an article went, and which ids changed on the way."""

    story_id: str
    storyline_id: str
    new_story: bool
    renamed_stories: tuple[tuple[str, str], ...] = ()
    renamed_storylines: tuple[tuple[str, str], ...] = ()


def name_story(founder: FounderKey) -> str:
    """A story id from its founder's content hash."""
    return "s-" + founder[2][:16]


def name_storyline(founder: FounderKey) -> str:
    """A storyline id from its earliest story's founder content hash."""
    return "l-" + founder[2][:16]


def _by_noun(pairs: tuple[tuple[str, int], ...]) -> dict[str, set[int]]:
    grouped: dict[str, set[int]] = {}
    for noun, value in pairs:
        grouped.setdefault(noun, set()).add(value)
    return grouped


def conflict_in_numbers(article: tuple[tuple[str, int], ...], story: dict[str, set[int]]) -> bool:
    """Whether the article gives a headline figure for something the story counts
    differently (same noun, no value in common); day marks are not figures."""
    return _numbers_conflict(_by_noun(article), story)


def _first_weekday(days: set[int]) -> int:
    """The earliest of several weekdays: where the shortest stretch of the week covering
    them all begins ({Sunday, Monday} gives Sunday)."""
    ordered = sorted(days)
    gaps = [(ordered[i] - ordered[i - 1]) % 7 for i in range(len(ordered))]
    return ordered[max(range(len(ordered)), key=lambda i: (gaps[i], -i))]


def _story_marks(pairs: tuple[tuple[str, int], ...]) -> tuple[tuple[str, int], ...]:
    """The key numbers an article adds to its story, with one day mark of each kind: the
    earliest day its lead names. A follow-up names the event's day and its own, later
    one ("on Monday after Sunday's march"); keeping only the event's day lets the story
    keep its day, so that a chain of follow-ups does not span the week."""
    grouped = _by_noun(pairs)
    kept = [(noun, value) for noun, value in pairs if not noun.startswith(DAY_MARK_PREFIX)]
    if grouped.get(WEEKDAY_MARK):
        kept.append((WEEKDAY_MARK, _first_weekday(grouped[WEEKDAY_MARK])))
    if grouped.get(DATE_MARK):
        kept.append((DATE_MARK, min(grouped[DATE_MARK])))
    for noun in (PLACE_MARK, SITE_MARK, LEAD_NAME_MARK, SEQUEL_MARK, STAGE_MARK, REPORT_DAY_MARK):
        kept.extend((noun, value) for value in sorted(grouped.get(noun, ())))
    return tuple(kept)


def _numbers_conflict(first: dict[str, set[int]], second: dict[str, set[int]]) -> bool:
    return any(
        noun in second and not noun.startswith(DAY_MARK_PREFIX) and not (values & second[noun])
        for noun, values in first.items()
    )


def conflict_in_places(
    first: dict[str, set[int]],
    second: dict[str, set[int]],
    first_terms: Collection[int] = (),
    second_terms: Collection[int] = (),
) -> bool:
    """Whether two reports (or stories) put their event in different places: both leads
    say where it happened, and neither names any word of the other's place.

    A report of one event may place it by district or by town ("in Kelbrook's market
    square", "in the Alder valley near Kelbrook"): its lead then names the other's
    place, and that is no conflict. A place named only further down is background
    ("two weeks ago 46 homes were flooded in Harrowmere"). A site ("at Fallow Farm")
    places the event too, but may be a company's ("at Kessler's plant"), which a report
    of the same event names somewhere, not always in its lead: a site is named when a
    word of it is among the other's terms (``first_terms``, ``second_terms``: the ids of
    each side's top TF-IDF terms, ``TOP_TERMS`` of them, so a site named once in a long
    text may be missed).
    """
    places = first.get(PLACE_MARK, set()), second.get(PLACE_MARK, set())
    sites = first.get(SITE_MARK, set()), second.get(SITE_MARK, set())
    if not (places[0] or sites[0]) or not (places[1] or sites[1]) or places[0] & places[1]:
        return False
    named = first.get(LEAD_NAME_MARK, set()), second.get(LEAD_NAME_MARK, set())
    if places[0] & named[1] or places[1] & named[0] or sites[0] & sites[1]:
        return False
    return not any(t in second_terms for t in sites[0]) and not any(
        t in first_terms for t in sites[1]
    )


def conflict_in_days(
    first: dict[str, set[int]], second: dict[str, set[int]], tolerance: int
) -> bool:
    """Whether two reports (or stories) put their event on different days: no pair of
    dates within ``tolerance`` days when both carry dates, else no weekday in common.

    Weekdays must match exactly: a report filed the next day names the event's day
    beside its own ("on Monday after Sunday's march"), and a one-day slack would let
    every other pair of weekdays through.
    """
    dates = first.get(DATE_MARK), second.get(DATE_MARK)
    if dates[0] and dates[1]:
        return all(abs(a - b) > tolerance for a in dates[0] for b in dates[1])
    weekdays = first.get(WEEKDAY_MARK), second.get(WEEKDAY_MARK)
    if weekdays[0] and weekdays[1]:
        return not weekdays[0] & weekdays[1]
    return conflict_in_report_days(first, second, tolerance)


def conflict_in_report_days(
    first: dict[str, set[int]], second: dict[str, set[int]], tolerance: int
) -> bool:
    """Whether a report that dates only itself ("residents said on Sunday", a report-day
    mark) cannot be a follow-up of the other side's event: its day is not the event's
    weekday or up to ``tolerance`` days after it (round the week). Two sides that date
    only themselves conflict when they share no day, as event days do.

    A follow-up filed the day after names its own day, the day a statement was made or
    a state lasted; successive events of one storyline name the days they happened on,
    which must still match exactly. No report-day marks, no conflict.
    """
    events = first.get(WEEKDAY_MARK, set()), second.get(WEEKDAY_MARK, set())
    reports = first.get(REPORT_DAY_MARK, set()), second.get(REPORT_DAY_MARK, set())
    if events[0] and reports[1]:
        return not _follows(reports[1], events[0], tolerance)
    if events[1] and reports[0]:
        return not _follows(reports[0], events[1], tolerance)
    # Two statements' days tell nothing of which followed which: they must match.
    return bool(reports[0] and reports[1] and not reports[0] & reports[1])


def _follows(later: set[int], earlier: set[int], tolerance: int) -> bool:
    """Whether a weekday of ``later`` is one of ``earlier`` or up to ``tolerance`` days
    after it, round the week."""
    return any((a - b) % 7 <= tolerance for a in later for b in earlier)


def conflict_in_sequels(first: dict[str, set[int]], second: dict[str, set[int]]) -> bool:
    """Whether two reports (or stories) are different occurrences of one storyline's
    event by their leads' own words: one says its event is a repeat ("a second strike",
    "again") and the other does not, or both name a stage of a legal case and share
    none (an arrest, a trial opening months later).

    With no publication time these words are what dates the event; a report of the
    repeat that does not say so is not told apart (no signal, no conflict). Checked only
    where one side has no known date: dates tell successive events apart better.
    """
    if (SEQUEL_MARK in first) != (SEQUEL_MARK in second):
        return True
    stages = first.get(STAGE_MARK), second.get(STAGE_MARK)
    return bool(stages[0] and stages[1] and not stages[0] & stages[1])


def misses_in_lead(
    lead_terms: TermVector, names: tuple[str, ...], story: StoryState, params: GroupingParams
) -> bool:
    """Whether a report's lead states another event than a story's.

    Within one storyline (at least ``params.lead_names`` names shared) the title and
    first sentence say which incident a report is about; a TF-IDF cosine of those with
    the story's terms below ``params.lead_cover_floor`` means its words for what
    happened are not the story's. The same holds when the two share no name at all
    (``params.lead_check_without_names``): with no person or place in common, only the
    kind of event (a fire, a derailment) can have brought them together. A report
    without a known lead is never flagged.
    """
    if not lead_terms:
        return False
    shared = len(story.names.intersection(names))
    if shared < params.lead_names and not (shared == 0 and params.lead_check_without_names):
        return False
    return _story_cosine(lead_terms, story) < params.lead_cover_floor


def score_join(
    embedding: float, lexical: float, params: GroupingParams = GroupingParams()
) -> float:
    """How strongly an article (or story) belongs to a story; 1.0 or more means it joins.

    The embedding cosine is read against ``params.embedding.join``, the TF-IDF cosine
    against ``params.lexical_join``, and their weighted mean against ``params.mix_join``.
    """
    bar = params.embedding.join
    lexical_bar = params.lexical_join
    mix = params.join_mix
    mixed = (mix * lexical / lexical_bar + (1 - mix) * embedding / bar) / params.mix_join
    return max(embedding / bar, lexical / lexical_bar, mixed)


def same_language(first: str, second: str) -> bool:
    """True when two languages may share a story: equal, or either unknown.

    Until cross-lingual grouping exists, embeddings and terms of two languages are
    not comparable, so a story stays within one language.
    """
    return not first or not second or first == second


def _gap_days(moment: datetime, story: StoryState) -> float:
    if story.first_known is None or story.last_known is None:
        return 0.0
    if moment < story.first_known:
        return (story.first_known - moment).total_seconds() / 86400
    if moment > story.last_known:
        return (moment - story.last_known).total_seconds() / 86400
    return 0.0


def _story_cosine(unit_terms: TermVector, story: StoryState) -> float:
    """Cosine of a unit-length term vector with a story's terms (its norm is cached)."""
    if not story.terms_norm:
        return 0.0
    shared = unit_terms.keys() & story.terms.keys()
    # map() sums the same products in the same order as a generator, without its frames.
    products = map(mul, map(unit_terms.__getitem__, shared), map(story.terms.__getitem__, shared))
    return sum(products) / story.terms_norm


def _largest(scores: dict[str, float], count: int) -> set[str]:
    """The ``count`` keys of highest score; among equal scores the earlier-inserted win.

    The same set as ``heapq.nlargest(count, scores, key=scores.__getitem__)``, found
    with one partition of the scores instead of a Python-level heap.
    """
    if len(scores) <= count:
        return set(scores)
    if count <= 0:
        return set()
    keys = list(scores)
    values = np.fromiter(scores.values(), dtype=np.float64, count=len(keys))
    cut = np.partition(values, len(keys) - count)[len(keys) - count]
    above = np.flatnonzero(values > cut)
    ties = np.flatnonzero(values == cut)[: count - len(above)]
    return {keys[i] for i in above.tolist()} | {keys[i] for i in ties.tolist()}


def _within_one_event(first: StoryState, second: StoryState, params: GroupingParams) -> bool:
    """Whether two stories' dated reports fit one event (gap and total span bounded)."""
    if None in (first.first_known, first.last_known, second.first_known, second.last_known):
        return True
    assert first.first_known and first.last_known and second.first_known and second.last_known
    start = min(first.first_known, second.first_known)
    end = max(first.last_known, second.last_known)
    gap = max(second.first_known - first.last_known, first.first_known - second.last_known)
    return (
        gap.total_seconds() / 86400 <= params.story_window_days
        and (end - start).total_seconds() / 86400 <= params.story_max_span_days
    )


def _span_days(moment: datetime, story: StoryState) -> float:
    if story.first_known is None or story.last_known is None:
        return 0.0
    first = min(story.first_known, moment)
    last = max(story.last_known, moment)
    return (last - first).total_seconds() / 86400


class StoryIndex:
    """All stories and storylines, with the blocking indexes that bound each lookup."""

    def __init__(
        self,
        calibration: EmbeddingCalibration | None = None,
        *,
        params: GroupingParams = GroupingParams(),
    ) -> None:
        """An empty index grouping under ``params``; a ``calibration`` given replaces
        ``params.embedding`` (the store passes the embedder's calibration this way)."""
        self.params = params if calibration is None else replace(params, embedding=calibration)
        self.stories: dict[str, StoryState] = {}
        self.storylines: dict[str, StorylineState] = {}
        # term -> {story id: the term's weight in the story's unit-length term vector}, so
        # a lookup accumulates cosine shares without touching the stories themselves.
        self._postings: dict[int, dict[str, float]] = {}
        self._days: dict[int, set[str]] = {}
        self._recent: OrderedDict[str, None] = OrderedDict()
        # Mean embeddings of all stories, one row each, so that scoring a time window's
        # stories is one matrix product instead of stacking their vectors per lookup.
        self._centroids = np.zeros((0, 0), dtype=np.float32)
        self._row_of: dict[str, int] = {}
        self._free_rows: list[int] = []
        # Sum and count of all member embeddings (the corpus mean, for centring).
        self._vector_total: npt.NDArray[np.float64] | None = None
        self._vector_count = 0

    # -- loading -----------------------------------------------------------------------

    def load_story(self, story: StoryState) -> None:
        """Add a story read back from the store."""
        story.refresh()
        self.stories[story.id] = story
        self._count_vectors(story.embedding_sum, story.size)
        self._index_story(story, {})
        self._touch(story.id)

    def load_storyline(self, storyline: StorylineState) -> None:
        """Add a storyline read back from the store."""
        self.storylines[storyline.id] = storyline

    # -- lookup ------------------------------------------------------------------------

    def candidates(self, article: ArticleSignals) -> list[StoryState]:
        """Stories worth comparing with ``article`` in full (a bounded set).

        The best ``params.candidates_per_signal`` by TF-IDF overlap, accumulated over the
        inverted index of the article's heaviest terms, plus the best as many by
        embedding among the stories of its time window (undated articles: the most
        recently touched stories).
        """
        days = [article.date.when.toordinal()] if article.date.known else []
        chosen = self._find_neighbours(article.terms, article.embedding, days)
        return [
            self.stories[i]
            for i in sorted(chosen)
            if same_language(article.language, self.stories[i].language)
        ]

    def _find_neighbours(
        self, unit_terms: TermVector, embedding: npt.NDArray[np.float32], days: list[int]
    ) -> set[str]:
        """Ids of the stories nearest to a term vector and embedding (see :meth:`candidates`)."""
        lexical: dict[str, float] = {}
        # reverse=True keeps ties in their original order, as the key -weight did.
        heaviest = sorted(unit_terms.items(), key=itemgetter(1), reverse=True)[
            : self.params.query_terms
        ]
        for term, weight in heaviest:
            posting = self._postings.get(term)
            if not posting or len(posting) > self.params.max_postings:
                continue
            for story_id, story_weight in posting.items():
                lexical[story_id] = lexical.get(story_id, 0.0) + weight * story_weight
        chosen = _largest(lexical, self.params.candidates_per_signal)
        pool: set[str] = set()
        if days:
            offsets = self.params.window_offsets
            for day in sorted({d + o for d in days for o in offsets}):
                pool |= self._days.get(day, set())
        else:
            pool.update(self._recent.keys())
        if pool:
            ordered = sorted(pool)
            rows = np.fromiter((self._row_of[i] for i in ordered), dtype=np.intp, count=len(pool))
            scores = self._cosines(self._centroids[rows], embedding)
            top = np.argsort(-scores, kind="stable")[: self.params.candidates_per_signal]
            chosen.update(ordered[int(i)] for i in top)
        return chosen

    def place(self, article: ArticleSignals) -> Placement:
        """Put ``article`` into its story (existing or new) and return where it went."""
        candidates = self.candidates(article)
        best_join: tuple[float, StoryState] | None = None
        best_link: tuple[float, StoryState] | None = None
        # The lead check of each candidate, kept for the merge check that follows: the
        # candidates other than the one joined are unchanged until then.
        lead_misses: dict[str, tuple[StoryState, bool]] = {}
        if candidates:
            params = self.params
            bars = params.embedding
            embedding_scores = self._cosines(
                np.stack([c.mean() for c in candidates]), article.embedding
            )
            marks = _by_noun(article.key_numbers)
            for story, embedding_score in zip(candidates, embedding_scores, strict=True):
                lexical_score = _story_cosine(article.terms, story)
                join = score_join(float(embedding_score), lexical_score, params)
                link = max(float(embedding_score) / bars.link, lexical_score / params.lexical_link)
                gap = _gap_days(article.date.when, story) if article.date.known else 0.0
                span = _span_days(article.date.when, story) if article.date.known else 0.0
                if _numbers_conflict(marks, story.numbers):
                    join *= params.number_conflict_factor
                if conflict_in_days(marks, story.numbers, params.day_mark_tolerance_days):
                    join *= params.day_conflict_factor
                if not (article.date.known and story.first_known) and conflict_in_sequels(
                    marks, story.numbers
                ):
                    join *= params.day_conflict_factor
                if conflict_in_places(marks, story.numbers, article.terms, story.terms):
                    join *= params.place_conflict_factor
                missed = misses_in_lead(article.lead_terms, article.names, story, params)
                lead_misses[story.id] = (story, missed)
                if missed:
                    join *= params.lead_miss_factor
                if (
                    gap <= params.story_window_days
                    and span <= params.story_max_span_days
                    and join >= 1.0
                    and (best_join is None or join > best_join[0])
                ):
                    best_join = (join, story)
                shared = len(story.names.intersection(article.names))
                if (
                    gap <= params.storyline_window_days
                    and link >= 1.0
                    and shared >= params.min_shared_names
                    and (best_link is None or link > best_link[0])
                ):
                    best_link = (link, story)
        if best_join is not None:
            placement = self._join(best_join[1], article)
        else:
            placement = self._start(article, best_link[1] if best_link else None)
            if self.params.merge_score >= 1.0:
                # The new story's neighbours are the candidates the article has just
                # failed to join under this same rule: a merge check would find nothing.
                return placement
        return self._merge_neighbours(placement, {c.id for c in candidates}, article, lead_misses)

    def place_copy(self, story_id: str, founder: FounderKey, date: EventDate) -> Placement:
        """Record a near-duplicate copy joining ``story_id``.

        The copy adds no new words or meaning, so the centroid is left alone; but it
        may be the earliest report (the wire original arriving after a re-print), and
        then it names the story, so ids do not depend on which copy came first.
        """
        story = self.stories[story_id]
        if date.known:
            story.first_known = min(story.first_known or date.when, date.when)
            story.last_known = max(story.last_known or date.when, date.when)
            story.days.add(date.when.toordinal())
            self._index_story(story, story.terms)
        return self._rename_if_earlier(story, founder)

    # -- second pass: story merges ------------------------------------------------------

    def _merge_neighbours(
        self,
        placement: Placement,
        nearby: set[str],
        article: ArticleSignals,
        lead_misses: dict[str, tuple[StoryState, bool]] | None = None,
    ) -> Placement:
        """Merge the placed article's story with neighbouring stories of the same event.

        Agglomerative (centroid-linkage) merging restricted to the grown story's
        neighbours, so the cost per article stays bounded. The first check looks among
        ``nearby``, the stories the article was compared with: what the article adds is
        what can make the grown story match another, so that story is near the article
        (a second neighbour search from the grown story costs more and finds the same
        stories). After a merge, the merged story's own neighbours are searched. The
        merged story keeps the id of its earliest founder (the id rule of every story),
        and the other id is reported as renamed so the store keeps it as an alias.
        The placed ``article``'s lead is checked against each partner as at placement:
        it is what brought the stories together. ``lead_misses`` holds that check's
        result for stories placement already compared, reused in the first round.
        """
        story = self.stories[placement.story_id]
        renamed = list(placement.renamed_stories)
        renamed_lines = list(placement.renamed_storylines)
        candidates: set[str] | None = {i for i in nearby if i in self.stories}
        for _ in range(self.params.max_merges_per_placement):
            partner = self._find_merge_partner(story, candidates, article, lead_misses)
            candidates = None
            lead_misses = None
            if partner is None:
                break
            survivor, absorbed = (
                (story, partner) if story.founder < partner.founder else (partner, story)
            )
            renamed.append((absorbed.id, survivor.id))
            renamed_lines.extend(self._merge_stories(survivor, absorbed))
            story = survivor
        if len(renamed) == len(placement.renamed_stories):
            return placement
        return Placement(
            story.id, story.storyline_id, placement.new_story, tuple(renamed), tuple(renamed_lines)
        )

    def _find_merge_partner(
        self,
        story: StoryState,
        candidates: set[str] | None = None,
        article: ArticleSignals | None = None,
        lead_misses: dict[str, tuple[StoryState, bool]] | None = None,
    ) -> StoryState | None:
        """The neighbouring story that ``story`` would join as if it were one article,
        among ``candidates`` if given, else among its neighbours; ``lead_misses`` gives
        the article's lead check for stories it was already run on (unchanged since)."""
        unit_terms = normalise_vector(story.terms)
        if candidates is None:
            neighbours = self._find_neighbours(unit_terms, story.mean(), sorted(story.days))
        else:
            neighbours = set(candidates)
        neighbours.discard(story.id)
        neighbours = {
            i for i in neighbours if same_language(story.language, self.stories[i].language)
        }
        if not neighbours:
            return None
        ordered = sorted(neighbours)
        cosines = self._cosines(np.stack([self.stories[i].mean() for i in ordered]), story.mean())
        best: tuple[float, str] | None = None
        for other_id, cosine in zip(ordered, cosines, strict=True):
            other = self.stories[other_id]
            score = score_join(float(cosine), _story_cosine(unit_terms, other), self.params)
            if _numbers_conflict(story.numbers, other.numbers):
                score *= self.params.number_conflict_factor
            if conflict_in_days(story.numbers, other.numbers, self.params.day_mark_tolerance_days):
                score *= self.params.day_conflict_factor
            if not (story.first_known and other.first_known) and conflict_in_sequels(
                story.numbers, other.numbers
            ):
                score *= self.params.day_conflict_factor
            if conflict_in_places(story.numbers, other.numbers, story.terms, other.terms):
                score *= self.params.place_conflict_factor
            if article is not None:
                known = lead_misses.get(other_id) if lead_misses else None
                if known is not None and known[0] is other:
                    missed = known[1]
                else:
                    missed = misses_in_lead(article.lead_terms, article.names, other, self.params)
                if missed:
                    score *= self.params.lead_miss_factor
            if score < self.params.merge_score or not _within_one_event(story, other, self.params):
                continue
            if best is None or score > best[0]:
                best = (score, other_id)
        return None if best is None else self.stories[best[1]]

    def _merge_stories(self, survivor: StoryState, absorbed: StoryState) -> list[tuple[str, str]]:
        """Fold ``absorbed`` into ``survivor``; return the storylines renamed on the way.

        The merged story stays in the storyline with the earlier founder; the other
        storyline, if left empty, is folded into it (and its id kept as an alias).
        """
        old_terms = survivor.terms
        self._unindex_story(absorbed)
        del self.stories[absorbed.id]
        survivor.size += absorbed.size  # the corpus totals already count both
        survivor.embedding_sum = survivor.embedding_sum + absorbed.embedding_sum
        survivor.terms = add_vectors(survivor.terms, absorbed.terms, TOP_TERMS)
        for noun, values in absorbed.numbers.items():
            survivor.numbers.setdefault(noun, set()).update(values)
        spare = max(0, self.params.max_story_names - len(survivor.names))
        survivor.names.update(sorted(absorbed.names - survivor.names)[:spare])
        known = [d for d in (survivor.first_known, absorbed.first_known) if d is not None]
        survivor.first_known = min(known) if known else None
        latest = [d for d in (survivor.last_known, absorbed.last_known) if d is not None]
        survivor.last_known = max(latest) if latest else None
        survivor.days |= absorbed.days
        survivor.language = survivor.language or absorbed.language
        survivor.refresh()
        self._index_story(survivor, old_terms)
        self._touch(survivor.id)

        home = self.storylines[survivor.storyline_id]
        away = self.storylines[absorbed.storyline_id]
        away.story_ids.discard(absorbed.id)
        if away is home:
            return []
        if away.founder < home.founder:
            home.story_ids.discard(survivor.id)
            away.story_ids.add(survivor.id)
            survivor.storyline_id = away.id
            home, away = away, home
        if away.story_ids:
            return []
        del self.storylines[away.id]
        return [(away.id, home.id)]

    # -- updates -----------------------------------------------------------------------

    def _start(self, article: ArticleSignals, related: StoryState | None) -> Placement:
        founder = article.founder_key
        story = StoryState(
            id=name_story(founder),
            storyline_id="",
            founder=founder,
            size=0,
            embedding_sum=np.zeros_like(article.embedding),
            terms={},
            numbers={},
            names=set(),
        )
        self.stories[story.id] = story
        renamed_lines: tuple[tuple[str, str], ...] = ()
        if related is not None:
            line = self.storylines[related.storyline_id]
            line.story_ids.add(story.id)
            story.storyline_id = line.id
            if founder < line.founder:
                renamed_lines = (self._rename_storyline(line, founder),)
        else:
            line = StorylineState(name_storyline(founder), founder, {story.id})
            self.storylines[line.id] = line
            story.storyline_id = line.id
        self._absorb(story, article)
        return Placement(story.id, story.storyline_id, True, (), renamed_lines)

    def _join(self, story: StoryState, article: ArticleSignals) -> Placement:
        self._absorb(story, article)
        return self._rename_if_earlier(story, article.founder_key)

    def _rename_if_earlier(self, story: StoryState, founder: FounderKey) -> Placement:
        renamed: tuple[tuple[str, str], ...] = ()
        renamed_lines: tuple[tuple[str, str], ...] = ()
        if founder < story.founder:
            old_id = story.id
            self._rename_story(story, founder)
            renamed = ((old_id, story.id),)
            line = self.storylines[story.storyline_id]
            if story.founder < line.founder:
                renamed_lines = (self._rename_storyline(line, story.founder),)
        return Placement(story.id, story.storyline_id, False, renamed, renamed_lines)

    def _absorb(self, story: StoryState, article: ArticleSignals) -> None:
        old_terms = story.terms
        story.language = story.language or article.language
        story.size += 1
        story.embedding_sum = story.embedding_sum + article.embedding
        self._count_vectors(article.embedding, 1)
        story.terms = add_vectors(story.terms, article.terms, TOP_TERMS)
        for noun, value in _story_marks(article.key_numbers):
            values = story.numbers.setdefault(noun, set())
            # Its lead names and sites are bounded like its names (memory per story).
            bounded = noun in (LEAD_NAME_MARK, SITE_MARK)
            if not bounded or len(values) < self.params.max_story_names:
                values.add(value)
        cap = self.params.max_story_names
        if len(story.names) < cap:
            story.names.update(article.names[: cap - len(story.names)])
        if article.date.known:
            when = article.date.when
            story.first_known = min(story.first_known or when, when)
            story.last_known = max(story.last_known or when, when)
            story.days.add(when.toordinal())
        story.refresh()
        self._index_story(story, old_terms)
        self._touch(story.id)

    def _index_story(self, story: StoryState, old_terms: TermVector) -> None:
        for term in old_terms.keys() - story.terms.keys():
            self._postings.get(term, {}).pop(story.id, None)
        scale = 1.0 / story.terms_norm if story.terms_norm else 0.0
        for term, weight in story.terms.items():
            self._postings.setdefault(term, {})[story.id] = weight * scale
        for day in story.days:
            self._days.setdefault(day, set()).add(story.id)
        self._store_centroid(story)

    def _unindex_story(self, story: StoryState) -> None:
        for term in story.terms:
            self._postings.get(term, {}).pop(story.id, None)
        for day in story.days:
            self._days.get(day, set()).discard(story.id)
        self._recent.pop(story.id, None)
        row = self._row_of.pop(story.id, None)
        if row is not None:
            self._free_rows.append(row)

    def _count_vectors(self, vector_sum: npt.NDArray[np.float32], count: int) -> None:
        """Add member embeddings to the corpus totals (the mean removed when centring)."""
        if self._vector_total is None:
            self._vector_total = np.zeros(vector_sum.shape[0], dtype=np.float64)
        self._vector_total += vector_sum
        self._vector_count += count

    def _common_component(self) -> npt.NDArray[np.float32] | None:
        """The vector removed before cosines: the shrunk corpus mean, or None."""
        if not self.params.embedding.centre or self._vector_total is None:
            return None
        mean = self._vector_total / (self._vector_count + self.params.centre_prior)
        return np.asarray(mean, dtype=np.float32)

    def _cosines(
        self, rows: npt.NDArray[np.float32], vector: npt.NDArray[np.float32]
    ) -> npt.NDArray[np.float32]:
        """Cosines of ``vector`` with each row, after removing the common component."""
        common = self._common_component()
        if common is not None:
            rows = rows - common
            vector = vector - common
        # What np.linalg.norm computes for these shapes, without its argument handling.
        row_norms = np.sqrt(np.add.reduce(rows * rows, axis=1))
        norms = row_norms * float(np.sqrt(vector.dot(vector)))
        return np.asarray((rows @ vector) / np.maximum(norms, 1e-12), dtype=np.float32)

    def _store_centroid(self, story: StoryState) -> None:
        """Write the story's mean embedding into its row of the centroid matrix."""
        centroid = story.mean()
        row = self._row_of.get(story.id)
        if row is None:
            if not self._free_rows:
                self._grow_centroids(centroid.shape[0])
            row = self._free_rows.pop()
            self._row_of[story.id] = row
        self._centroids[row] = centroid

    def _grow_centroids(self, dimensions: int) -> None:
        # Doubling keeps the amortised cost of adding a story constant.
        used = self._centroids.shape[0]
        grown = np.zeros((max(64, 2 * used), dimensions), dtype=np.float32)
        grown[:used] = self._centroids[:, :dimensions] if used else grown[:0]
        self._centroids = grown
        self._free_rows.extend(range(grown.shape[0] - 1, used - 1, -1))

    def _touch(self, story_id: str) -> None:
        self._recent[story_id] = None
        self._recent.move_to_end(story_id)
        while len(self._recent) > self.params.recent_stories:
            self._recent.popitem(last=False)

    def _rename_story(self, story: StoryState, founder: FounderKey) -> None:
        self._unindex_story(story)
        del self.stories[story.id]
        line = self.storylines[story.storyline_id]
        line.story_ids.discard(story.id)
        story.founder = founder
        story.id = name_story(founder)
        line.story_ids.add(story.id)
        self.stories[story.id] = story
        self._index_story(story, {})
        self._touch(story.id)

    def _rename_storyline(self, line: StorylineState, founder: FounderKey) -> tuple[str, str]:
        old_id = line.id
        del self.storylines[old_id]
        line.founder = founder
        line.id = name_storyline(founder)
        self.storylines[line.id] = line
        for story_id in line.story_ids:
            self.stories[story_id].storyline_id = line.id
        return (old_id, line.id)
