"""The tunables of grouping: thresholds, weights, windows and caps, as one value.

A :class:`GroupingParams` travels with the story index (``StoryIndex(params=...)``)
and the feature extraction (``compute_features(..., params)``), so that a study
varies a threshold with ``dataclasses.replace(GroupingParams(), merge_score=0.9)``
instead of rebinding module constants. Values derived from a tunable (the days of
the candidate window) are computed from the params in use, never at import.

Each embedder reads its cosines on its own scale: :class:`EmbeddingCalibration`
holds one embedder's bars, and :meth:`GroupingParams.for_embedder` gives the params
with that embedder's calibration. How the values were measured is in
``docs/benchmarks-stories.md`` ("Why these values").
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class EmbeddingCalibration:
    """How the story index reads one embedder's vectors.

    The defaults are those of all-MiniLM-L6-v2 (the default embedder, also used for
    the model-free hashing embedder).
    """

    # Cosine of an article's lead with a story centroid at which the article joins:
    # MiniLM puts same-event leads at 0.6-0.9, other events on one topic mostly below.
    join: float = 0.66
    # Lower cosine for "related story" (same storyline): same actors and topic, other event.
    link: float = 0.5
    # Whether the running corpus mean is removed before cosines are taken (common
    # component removal, Arora et al. 2017), for embedders whose vectors share one.
    centre: bool = False
    # Words of the lead embedded, the title's included: embedding cost grows with length,
    # while the TF-IDF of the whole text carries most of the grouping.
    lead_words: int = 32


# The static word-piece embedder ("minilm-static", a Model2Vec-style distillation of
# MiniLM) gives sentence vectors with a large common component, so its cosines are read
# after centring and on their own scale; its link bar keeps MiniLM's ratio to the join
# bar, and it embeds 100 words (cheap for it; it truncates at 128 pieces).
STATIC_CALIBRATION = EmbeddingCalibration(join=0.8, link=0.6, centre=True, lead_words=100)

# all-mpnet-base-v2 reads its cosines on a higher scale than MiniLM: these bars pass the
# same share of all Multi-News dev lead pairs as MiniLM's 0.66 and 0.5 (label-free,
# benchmarks/studies/clustering_embedder_cutoffs.py); a bar fitted on cluster labels
# did not carry between halves of that set.
MPNET_CALIBRATION = EmbeddingCalibration(join=0.704, link=0.555)

# Calibrations of the embedders that need their own; any other embedder uses the default.
_CALIBRATIONS = {"minilm-static": STATIC_CALIBRATION, "mpnet": MPNET_CALIBRATION}


def calibrate_embedder(name: str) -> EmbeddingCalibration:
    """The calibration of the embedder registered as ``name`` (the default if it has
    none of its own), so that each embedder's cosines are read on their own scale."""
    return _CALIBRATIONS.get(name, EmbeddingCalibration())


@dataclass(frozen=True, slots=True)
class GroupingParams:
    """Every tunable of grouping articles into stories and stories into storylines."""

    # The embedder's join and link cosines, centring and embedded lead length.
    embedding: EmbeddingCalibration = EmbeddingCalibration()

    # -- joining a story ---------------------------------------------------------------

    # TF-IDF cosine at which an article joins a story: same-event articles share their
    # rare names and numbers, and this bar keeps B-cubed precision high.
    lexical_join: float = 0.2
    # A third way to join: a weighted mean of the two normalised scores (this is the
    # TF-IDF weight) reaching ``mix_join``, for reports moderately similar in both
    # wording and meaning where neither signal alone clears its bar.
    join_mix: float = 0.7
    # The bar of that weighted mean (relative to 1.0, the bar of each signal alone).
    mix_join: float = 0.8
    # A conflicting headline figure (same noun, no shared value) multiplies the join
    # score by this, so only reports sharing most of their wording still join.
    number_conflict_factor: float = 0.5
    # Reports whose leads put the event in different places ("in Kelbrook" vs "in
    # Harrowmere"), neither lead naming the other's place, are likely other incidents of
    # one storyline: the join score is multiplied by this. Event sets tie from 0 to 0.5;
    # the mildest, since a lead may place one event by town or by county.
    place_conflict_factor: float = 0.5
    # Reports whose leads put the event on different days ("on Sunday" vs "on
    # Wednesday") are likely successive events of one storyline: the join score is
    # multiplied by this. Fitted on the invented towns set (0.5 let reports sharing a
    # background paragraph through; 0.25 and 0 tie); scored on the crisis set (F1 0.941)
    # and Multi-News dev (pooled F1 0.882 -> 0.878), neither used to fit it.
    day_conflict_factor: float = 0.25
    # Names a report must share with a story (same people and places: the story's
    # storyline) before its lead is checked: below it, other signals decide.
    lead_names: int = 4
    # TF-IDF cosine of a report's title and first sentence with a story's terms below
    # which, within the storyline, it states another event there. Fitted on the invented
    # towns set (undated F1, mean of 4 orders, before tallies were figures: off 0.801,
    # 0.15 0.814, 0.2 0.834, 0.25 0.872), capped by sets not used to fit it: 0.25 split
    # two reports of one event in tests/fixtures/store/events.jsonl, 0.3 cost recall on
    # the crisis set. Folds and transfer in docs/benchmarks-stories.md ("Lead check").
    lead_cover_floor: float = 0.2
    # The join score of a report whose lead misses the story is multiplied by this: a
    # report sharing most of its wording with the story still joins.
    lead_miss_factor: float = 0.5
    # Also check the lead of a report that shares no name with a story: no common person
    # or place, and a lead whose words are not the story's, is another event of the same
    # kind (a warehouse fire in another town). See docs/benchmarks-stories.md ("No name
    # in common").
    lead_check_without_names: bool = True
    # Days two full dates in leads may differ and still name one event: a report
    # filed the next day gives its own date, and time zones shift a day.
    day_mark_tolerance_days: int = 1
    # Whether a weekday the lead gives to a statement or a lasting state ("residents said
    # on Sunday", "remained closed on Saturday") dates the report, not the event: it then
    # agrees with an event day up to ``day_mark_tolerance_days`` before it. Off: undated
    # F1 rises on every event set and the blind set, but undated precision falls by one
    # report (pooled sets -0.005; blind set, one order, -0.022). See
    # docs/benchmarks-stories.md ("Follow-ups a day later").
    followup_weekdays: bool = False
    # Event dates further apart than this report different events; a few days allow for
    # time zones, late reports and weekly round-ups.
    story_window_days: int = 5
    # Dated reports of one story span at most this many days, so a chain of daily
    # similar reports (a trial, a season) does not grow into one endless story.
    story_max_span_days: int = 10

    # -- linking stories into storylines -----------------------------------------------

    # TF-IDF cosine for "related story" (same storyline); the embedding bar is
    # ``embedding.link``.
    lexical_link: float = 0.1
    # Names two stories must share to be in one storyline, so that a merely topical
    # match (two unrelated floods) does not link them.
    min_shared_names: int = 2
    # How far apart in time stories of one storyline may be.
    storyline_window_days: int = 365
    # Names remembered per story for storyline linking (bounds memory per story).
    max_story_names: int = 60

    # -- candidate stories (blocking) --------------------------------------------------

    # Heaviest TF-IDF terms of an article looked up in the inverted index.
    query_terms: int = 25
    # Terms indexed for more stories than this are too common to block on (the
    # candidate set would grow with the corpus).
    max_postings: int = 100
    # Stories compared in full per article from each blocking signal (TF-IDF overlap,
    # embedding similarity): the true story is nearly always in the top few.
    candidates_per_signal: int = 10
    # Undated articles are compared with this many most recently touched stories.
    recent_stories: int = 2000
    # Prior weight (in articles) of "no common component" in the running corpus mean
    # removed when centring: the mean of a new store's first articles is too noisy to
    # remove in full, so it is shrunk towards zero (sum / (count + prior)).
    centre_prior: float = 20.0

    # -- second pass: story merges -----------------------------------------------------

    # Join score at which a grown story merges with a neighbouring story; 1.0 is exactly
    # the rule an article meets, so a merge is what a later bridging report implies.
    merge_score: float = 1.0
    # Merges chained per placement: a bound keeps the cost per article constant.
    max_merges_per_placement: int = 4

    # -- per-article features ----------------------------------------------------------

    # Words of the lead searched for names: the title and first paragraph carry the
    # who/what/where of an event; later paragraphs drift into background.
    name_lead_words: int = 64
    # A capitalised word that the same lead also writes in lower case is a common word
    # opening a sentence or title ("Fire guts warehouse ... a fire destroyed"), not a name.
    names_skip_common_words: bool = True
    # Sentences of the lead searched for key numbers: headline figures are stated
    # early; later numbers are background.
    key_number_sentences: int = 2
    # Sentences of the body (after the title) searched for the event's day ("on
    # Tuesday"): the first sentence states when; later ones recall earlier days.
    day_mark_sentences: int = 1
    # Sentences of the body read with the title as the report's statement of the event.
    event_lead_sentences: int = 1
    # Untitled texts have no event lead: their first sentence is often site furniture
    # (on untitled Multi-News dev the lead check cost 0.025 B-cubed F1 without this).
    event_lead_needs_title: bool = True
    # Whether untitled texts go without place marks. They keep them: on untitled Multi-News
    # dev they change no story (B-cubed F1 0.880 / 0.881 either way, place factor 0.5).
    place_marks_need_title: bool = False
    # Whether a name after "at" in the lead ("at Vellerton airport", "at Fallow Farm")
    # places the event too, as a site: it conflicts with another report's place only
    # when the other report's text never names it (a company's site, "at Kessler's
    # plant", is named by every report of that fire). See docs/benchmarks-stories.md
    # ("Sites after at").
    site_marks: bool = True
    # Whether the lead's words for a repeat ("a second strike", "walked out again", "weeks
    # after the last walkout") mark an undated report as a later occurrence of its
    # storyline's event: it and a story that has no such report (or the reverse) are then
    # scored as on different days (``day_conflict_factor``). Off: on the blind event set
    # it trades recall for precision (undated P +0.01-0.05, F1 -0.01-0.03); see
    # docs/benchmarks-stories.md ("Repeats and legal stages").
    sequel_marks: bool = False
    # Whether the latest stage of a legal case an undated lead reports (arrest or charge,
    # trial, verdict) marks the event: two reports at different stages are scored as on
    # different days (``day_conflict_factor``). Off, with ``sequel_marks``.
    stage_marks: bool = False
    # Words after a number searched for the thing it counts ("560 additional troops").
    number_context_words: int = 3

    @classmethod
    def for_embedder(cls, name: str) -> GroupingParams:
        """The default params with the calibration of the embedder registered as
        ``name``; replace fields on the result to vary a tunable for that embedder."""
        return cls(embedding=calibrate_embedder(name))

    @property
    def window_offsets(self) -> range:
        """Day offsets around an article's date whose stories are candidates: the
        story window on both sides, so that a sweep of the window moves both the join
        test and the candidate search."""
        return range(-self.story_window_days, self.story_window_days + 1)
