"""Incremental story clustering with stable ids, and storylines over stories.

Each new article is compared with a bounded set of candidate stories: those
active within a few days of its event date (a day-bucketed index), those that
share its rarest terms (an inverted index, "blocking" in record-linkage terms),
and, for undated articles, the most recently touched stories. It joins the best
candidate whose similarity clears a threshold (single-pass "leader" clustering,
Hartigan 1975, with centroid updates), unless the evidence says it is another
event: event dates further apart than :data:`STORY_WINDOW_DAYS`, or different
headline figures for the same thing (600 troops vs 560 troops). Otherwise it
starts a story, which joins the storyline of the most related earlier story.
Then a second pass compares the grown story with its neighbouring stories under
the same rule and merges them when it passes (agglomerative centroid-linkage
merging, restricted to the blocked neighbours so that the cost stays bounded):
a report that arrives later can bridge two stories a single pass kept apart.

Embedding cosines are read through an :class:`EmbeddingCalibration` of the store's
embedder: its own join and link bars, and for the static word-piece embedder the
removal of the running corpus mean (common component removal, Arora et al. 2017).

Ids are stable: a story is named after its *founder*, the member with the
earliest known event date (ties and undated members ordered by content hash),
so the same set of articles gets the same id whatever order they arrived in.
When an earlier article joins, or two stories merge, the story is renamed and
the old id is kept as an alias. Storylines are named after their earliest
story's founder likewise.
"""

from __future__ import annotations

import heapq
import math
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
import numpy.typing as npt

from newsfuse.group.features import EventDate
from newsfuse.group.lexical import TOP_TERMS, TermVector, add_vectors, normalize_vector

# Cosine between an article's lead embedding and a story centroid above which the
# article joins the story. all-MiniLM-L6-v2 puts same-event news leads at 0.6-0.9 and
# different events on one topic mostly below 0.6 (benchmarks/clustering.py).
EMBEDDING_JOIN = 0.66

# TF-IDF cosine above which an article joins a story: same-event articles share their
# rare names and numbers; 0.2 kept B-cubed precision near 0.97 on Multi-News dev.
LEXICAL_JOIN = 0.2

# A third way to join: a weighted mean of the two normalised scores (JOIN_MIX is the
# TF-IDF weight) reaching MIX_JOIN, for reports moderately similar in both wording and
# meaning where neither signal alone clears its bar (a batch clustering of Multi-News dev
# scored 0.895 B-cubed F1 with such a mean vs 0.885 with the max). On the incremental
# index every setting of a 4 x 4 grid (JOIN_MIX 0.5-0.8, MIX_JOIN 0.75-0.9) beat "off"
# (99) on both halves of a 2-fold split by cluster; this cell was the best of its row in
# both that grid and the shipped benchmark (F1 +0.010 / +0.014 on the held-out halves;
# +0.012 / +0.019 F1 at precision -0.001 in benchmarks/clustering.py, int8 MiniLM), and
# its neighbours are within 0.01 F1 (docs/benchmarks-stories.md).
JOIN_MIX = 0.7
MIX_JOIN = 0.8

# Lower bars for "related story" (same storyline): same actors and topic, other event.
EMBEDDING_LINK = 0.5
LEXICAL_LINK = 0.1

# The static word-piece embedding ("minilm-static", a Model2Vec-style distillation of
# MiniLM) is about 100x cheaper than the transformer but its sentence vectors share a
# large common component (unrelated Multi-News dev leads have a mean cosine of 0.51 vs
# 0.06 with MiniLM). Removing the corpus mean (common component removal, Arora et al.
# 2017) is what makes it useful: pair F1 of same-cluster lead pairs on dev rose from 0.24
# to 0.51 (32 words), 0.56 with 100 words (MiniLM: 0.65). Its cosines have their own
# scale, so it has its own bars. B-cubed F1 on dev (orders A / B) by join bar: 0.75
# 0.856 / 0.848, 0.8 0.856 / 0.857, 0.85 0.855 / 0.856, 0.9 0.852 / 0.853 (flat; 0.6
# 0.821 / 0.809 merges too much); the link bar keeps MiniLM's ratio to the join bar
# (0.5 / 0.66). docs/benchmarks-stories.md.
STATIC_EMBEDDING_JOIN = 0.8
STATIC_EMBEDDING_LINK = 0.6

# Words of the lead embedded by the static embedder: a lead of 100 words costs about 1.3
# ms per article with it (vs about 20 ms for 32 words with MiniLM) and separated dev
# clusters better than 32 (pair F1 0.56 vs 0.51); the embedder truncates at 128 pieces.
STATIC_LEAD_WORDS = 100

# Prior weight (in articles) of "no common component" in the running corpus mean that is
# removed from static vectors: the mean of the first few articles of a new store is too
# noisy to remove in full (the first article would be centred to zero), so it is shrunk
# towards zero: mean = sum / (count + CENTRE_PRIOR).
CENTRE_PRIOR = 20.0

# Names (capitalised words) two stories must share to be in one storyline, so that a
# merely topical match (two unrelated floods) does not link them.
MIN_SHARED_NAMES = 2

# Articles whose event dates are further apart than this report different events
# (a follow-up weeks later is a new story of the same storyline); a few days allow
# for time zones, late reports and weekly round-ups.
STORY_WINDOW_DAYS = 5

# How far apart in time stories of one storyline may be.
STORYLINE_WINDOW_DAYS = 365

# A conflicting headline figure (same noun, no shared value) halves the join score: the
# match must then be twice as strong as the join threshold, which only reports sharing
# most of their wording reach (a revised figure in a re-write of the same report).
NUMBER_CONFLICT_FACTOR = 0.5

# A story is one event: its dated reports span at most this many days, so a chain of
# daily similar reports (a trial, a season) does not grow into one endless story.
STORY_MAX_SPAN_DAYS = 10

# Query terms looked up in the inverted index per article: its heaviest TF-IDF terms.
QUERY_TERMS = 25

# Terms indexed for more stories than this are too common to block on (they would
# make the candidate set grow with the corpus). 100 and 200 give the same stories on
# Multi-News dev (B-cubed F1 0.882 / 0.884 either way); 100 halves the postings walked
# per lookup in a 10,000-article store (docs/benchmarks-stories.md).
MAX_POSTINGS = 100

# Stories compared in full per article, from each of the two blocking signals (TF-IDF
# overlap and embedding similarity): the true story is nearly always in the top few.
# 10 and 20 give the same stories on Multi-News dev (F1 0.882 / 0.884); 10 halves the
# full comparisons (about 72 to 35 per article in a 10,000-article store).
CANDIDATES_PER_SIGNAL = 10

# Undated articles are also compared with this many most recently touched stories.
RECENT_STORIES = 2000

# Names remembered per story for storyline linking.
MAX_STORY_NAMES = 60

# Second pass: after an article is placed, its story is compared with its neighbouring
# stories under the same join rule an article meets (the same thresholds, date window
# and figure check), now with the pooled vocabulary of all members. A single pass can
# not revisit an article that arrived before the report that bridges it to its event;
# this merge can. 1.0 means "exactly the article join rule"; see
# docs/benchmarks-stories.md for how F1 moves with it.
MERGE_SCORE = 1.0

# Merges chained per placement (each merge may make the grown story match another); a
# bound keeps the cost per article constant.
MAX_MERGES_PER_PLACEMENT = 4

FounderKey = tuple[int, str, str]


@dataclass(frozen=True, slots=True)
class EmbeddingCalibration:
    """How the story index reads one embedder's vectors.

    ``join``/``link`` are the cosines at which an article joins a story or links to
    a related one; ``centre`` says whether the running corpus mean is removed before
    cosines are taken; ``lead_words`` is how much of the lead is embedded.
    """

    join: float
    link: float
    centre: bool
    lead_words: int


def calibrate_embedder(name: str) -> EmbeddingCalibration:
    """The calibration of the embedder registered as ``name`` (read from the module
    constants at call time, so benchmarks can vary them)."""
    from newsfuse.group.features import EMBEDDED_LEAD_WORDS

    if name == "minilm-static":
        return EmbeddingCalibration(
            STATIC_EMBEDDING_JOIN,
            STATIC_EMBEDDING_LINK,
            True,
            STATIC_LEAD_WORDS,
        )
    return EmbeddingCalibration(EMBEDDING_JOIN, EMBEDDING_LINK, False, EMBEDDED_LEAD_WORDS)


_WINDOW_OFFSETS = range(-STORY_WINDOW_DAYS, STORY_WINDOW_DAYS + 1)


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


def conflict_in_numbers(article: tuple[tuple[str, int], ...], story: dict[str, set[int]]) -> bool:
    """Whether the article gives a headline figure for something the story counts
    differently (same noun, no value in common)."""
    mine: dict[str, set[int]] = {}
    for noun, value in article:
        mine.setdefault(noun, set()).add(value)
    return any(noun in story and not (values & story[noun]) for noun, values in mine.items())


def score_join(embedding: float, lexical: float, embedding_join: float | None = None) -> float:
    """How strongly an article (or story) belongs to a story; 1.0 or more means it joins.

    ``embedding_join`` is the embedder's join cosine (default :data:`EMBEDDING_JOIN`).
    """
    bar = EMBEDDING_JOIN if embedding_join is None else embedding_join
    mixed = (JOIN_MIX * lexical / LEXICAL_JOIN + (1 - JOIN_MIX) * embedding / bar) / MIX_JOIN
    return max(embedding / bar, lexical / LEXICAL_JOIN, mixed)


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
    return sum(unit_terms[t] * story.terms[t] for t in shared) / story.terms_norm


def _within_one_event(first: StoryState, second: StoryState) -> bool:
    """Whether two stories' dated reports fit one event (gap and total span bounded)."""
    if None in (first.first_known, first.last_known, second.first_known, second.last_known):
        return True
    assert first.first_known and first.last_known and second.first_known and second.last_known
    start = min(first.first_known, second.first_known)
    end = max(first.last_known, second.last_known)
    gap = max(second.first_known - first.last_known, first.first_known - second.last_known)
    return (
        gap.total_seconds() / 86400 <= STORY_WINDOW_DAYS
        and (end - start).total_seconds() / 86400 <= STORY_MAX_SPAN_DAYS
    )


def _span_days(moment: datetime, story: StoryState) -> float:
    if story.first_known is None or story.last_known is None:
        return 0.0
    first = min(story.first_known, moment)
    last = max(story.last_known, moment)
    return (last - first).total_seconds() / 86400


class StoryIndex:
    """All stories and storylines, with the blocking indexes that bound each lookup."""

    def __init__(self, calibration: EmbeddingCalibration | None = None) -> None:
        self.calibration = calibration or calibrate_embedder("")
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

        The best :data:`CANDIDATES_PER_SIGNAL` by TF-IDF overlap, accumulated over the
        inverted index of the article's heaviest terms, plus the best as many by
        embedding among the stories of its time window (undated articles: the most
        recently touched stories).
        """
        days = [article.date.when.toordinal()] if article.date.known else []
        chosen = self._find_neighbours(article.terms, article.embedding, days)
        return [self.stories[i] for i in sorted(chosen)]

    def _find_neighbours(
        self, unit_terms: TermVector, embedding: npt.NDArray[np.float32], days: list[int]
    ) -> set[str]:
        """Ids of the stories nearest to a term vector and embedding (see :meth:`candidates`)."""
        lexical: dict[str, float] = {}
        heaviest = sorted(unit_terms.items(), key=lambda item: -item[1])[:QUERY_TERMS]
        for term, weight in heaviest:
            posting = self._postings.get(term)
            if not posting or len(posting) > MAX_POSTINGS:
                continue
            for story_id, story_weight in posting.items():
                lexical[story_id] = lexical.get(story_id, 0.0) + weight * story_weight
        chosen = set(heapq.nlargest(CANDIDATES_PER_SIGNAL, lexical, key=lexical.__getitem__))
        pool: set[str] = set()
        if days:
            for day in sorted({d + o for d in days for o in _WINDOW_OFFSETS}):
                pool |= self._days.get(day, set())
        else:
            pool.update(self._recent.keys())
        if pool:
            ordered = sorted(pool)
            rows = np.fromiter((self._row_of[i] for i in ordered), dtype=np.intp, count=len(pool))
            scores = self._cosines(self._centroids[rows], embedding)
            top = np.argsort(-scores, kind="stable")[:CANDIDATES_PER_SIGNAL]
            chosen.update(ordered[int(i)] for i in top)
        return chosen

    def place(self, article: ArticleSignals) -> Placement:
        """Put ``article`` into its story (existing or new) and return where it went."""
        candidates = self.candidates(article)
        best_join: tuple[float, StoryState] | None = None
        best_link: tuple[float, StoryState] | None = None
        if candidates:
            bars = self.calibration
            embedding_scores = self._cosines(
                np.stack([c.mean() for c in candidates]), article.embedding
            )
            for story, embedding_score in zip(candidates, embedding_scores, strict=True):
                lexical_score = _story_cosine(article.terms, story)
                join = score_join(float(embedding_score), lexical_score, bars.join)
                link = max(float(embedding_score) / bars.link, lexical_score / LEXICAL_LINK)
                gap = _gap_days(article.date.when, story) if article.date.known else 0.0
                span = _span_days(article.date.when, story) if article.date.known else 0.0
                if conflict_in_numbers(article.key_numbers, story.numbers):
                    join *= NUMBER_CONFLICT_FACTOR
                if (
                    gap <= STORY_WINDOW_DAYS
                    and span <= STORY_MAX_SPAN_DAYS
                    and join >= 1.0
                    and (best_join is None or join > best_join[0])
                ):
                    best_join = (join, story)
                shared = len(story.names.intersection(article.names))
                if (
                    gap <= STORYLINE_WINDOW_DAYS
                    and link >= 1.0
                    and shared >= MIN_SHARED_NAMES
                    and (best_link is None or link > best_link[0])
                ):
                    best_link = (link, story)
        if best_join is not None:
            placement = self._join(best_join[1], article)
        else:
            placement = self._start(article, best_link[1] if best_link else None)
            if MERGE_SCORE >= 1.0:
                # The new story's neighbours are the candidates the article has just
                # failed to join under this same rule: a merge check would find nothing.
                return placement
        return self._merge_neighbours(placement, {c.id for c in candidates})

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

    def _merge_neighbours(self, placement: Placement, nearby: set[str]) -> Placement:
        """Merge the placed article's story with neighbouring stories of the same event.

        Agglomerative (centroid-linkage) merging restricted to the grown story's
        neighbours, so the cost per article stays bounded. The first check looks among
        ``nearby``, the stories the article was compared with: what the article adds is
        what can make the grown story match another, so that story is near the article
        (a second neighbour search from the grown story cost a fifth of the ingest and
        gave the same stories on Multi-News dev). After a merge, the merged story's own
        neighbours are searched. The merged story keeps the id of its earliest founder
        (the id rule of every story), and the other id is reported as renamed so the
        store keeps it as an alias.
        """
        story = self.stories[placement.story_id]
        renamed = list(placement.renamed_stories)
        renamed_lines = list(placement.renamed_storylines)
        candidates: set[str] | None = {i for i in nearby if i in self.stories}
        for _ in range(MAX_MERGES_PER_PLACEMENT):
            partner = self._find_merge_partner(story, candidates)
            candidates = None
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
        self, story: StoryState, candidates: set[str] | None = None
    ) -> StoryState | None:
        """The neighbouring story that ``story`` would join as if it were one article,
        among ``candidates`` if given, else among its neighbours."""
        unit_terms = normalize_vector(story.terms)
        if candidates is None:
            neighbours = self._find_neighbours(unit_terms, story.mean(), sorted(story.days))
        else:
            neighbours = set(candidates)
        neighbours.discard(story.id)
        if not neighbours:
            return None
        ordered = sorted(neighbours)
        cosines = self._cosines(np.stack([self.stories[i].mean() for i in ordered]), story.mean())
        best: tuple[float, str] | None = None
        for other_id, cosine in zip(ordered, cosines, strict=True):
            other = self.stories[other_id]
            score = score_join(
                float(cosine), _story_cosine(unit_terms, other), self.calibration.join
            )
            if any(
                noun in other.numbers and not (values & other.numbers[noun])
                for noun, values in story.numbers.items()
            ):
                score *= NUMBER_CONFLICT_FACTOR
            if score < MERGE_SCORE or not _within_one_event(story, other):
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
        spare = max(0, MAX_STORY_NAMES - len(survivor.names))
        survivor.names.update(sorted(absorbed.names - survivor.names)[:spare])
        known = [d for d in (survivor.first_known, absorbed.first_known) if d is not None]
        survivor.first_known = min(known) if known else None
        latest = [d for d in (survivor.last_known, absorbed.last_known) if d is not None]
        survivor.last_known = max(latest) if latest else None
        survivor.days |= absorbed.days
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
        story.size += 1
        story.embedding_sum = story.embedding_sum + article.embedding
        self._count_vectors(article.embedding, 1)
        story.terms = add_vectors(story.terms, article.terms, TOP_TERMS)
        for noun, value in article.key_numbers:
            story.numbers.setdefault(noun, set()).add(value)
        if len(story.names) < MAX_STORY_NAMES:
            story.names.update(article.names[: MAX_STORY_NAMES - len(story.names)])
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
        if not self.calibration.centre or self._vector_total is None:
            return None
        mean = self._vector_total / (self._vector_count + CENTRE_PRIOR)
        return np.asarray(mean, dtype=np.float32)

    def _cosines(
        self, rows: npt.NDArray[np.float32], vector: npt.NDArray[np.float32]
    ) -> npt.NDArray[np.float32]:
        """Cosines of ``vector`` with each row, after removing the common component."""
        common = self._common_component()
        if common is not None:
            rows = rows - common
            vector = vector - common
        norms = np.linalg.norm(rows, axis=1) * float(np.linalg.norm(vector))
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
        while len(self._recent) > RECENT_STORIES:
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
