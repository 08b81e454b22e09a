"""Greedy budgeted sentence selection with redundancy control.

Maximal Marginal Relevance (MMR, Carbonell & Goldstein 1998): repeatedly take
the candidate that maximises ``λ·relevance − (1 − λ)·max cosine to the chosen``,
among those that still fit the word budget. A candidate that does not fit is
skipped, not a stop, so shorter good sentences fill what is left (the budgeted
greedy of Lin & Bilmes 2010). On top of the soft MMR penalty a hard guard drops
candidates that repeat a chosen sentence: near-identical embeddings, or content
words mostly contained in a chosen sentence without adding a new number.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

from newsfuse.embed import Vectors
from newsfuse.model import Sentence
from newsfuse.summary.lexical import containment, content_words, numbers, quotation_speaker
from newsfuse.summary.params import BriefParams
from newsfuse.summary.same_fact import gives_same_name, states_same_fact
from newsfuse.summary.score import Scores


def count_words(text: str) -> int:
    """Words as the budget counts them: whitespace-separated tokens."""
    return len(text.split())


def select_by_mmr(
    sentences: Sequence[Sentence],
    vectors: Vectors,
    scores: Scores,
    budget: int,
    *,
    params: BriefParams = BriefParams(),
) -> list[int]:
    """Return the indices of the sentences chosen by budgeted MMR, in the order chosen.

    The selection for a custom scorer, whose sentences all have embeddings. The
    chosen sentences together have at most ``budget`` words. Ties are broken by
    candidate order, so the result is deterministic.
    """
    mmr_lambda = params.mmr_lambda
    if not sentences or budget < 1:
        return []
    relevance = _rescale(np.asarray(scores, dtype=np.float64))
    similarity = np.asarray(vectors, dtype=np.float64) @ np.asarray(vectors, dtype=np.float64).T
    lengths = [count_words(sentence.text) for sentence in sentences]
    open_rows = set(range(len(sentences)))
    closest = np.zeros(len(sentences), dtype=np.float64)
    chosen: list[int] = []
    remaining = budget
    while True:
        fitting = [row for row in sorted(open_rows) if lengths[row] <= remaining]
        if not fitting:
            return chosen
        gains = mmr_lambda * relevance[fitting] - (1.0 - mmr_lambda) * closest[fitting]
        best = fitting[int(np.argmax(gains))]
        chosen.append(best)
        remaining -= lengths[best]
        open_rows.discard(best)
        closest = np.maximum(closest, similarity[:, best])
        open_rows -= {
            row
            for row in open_rows
            if similarity[row, best] >= params.redundant_cosine
            or _restates(sentences[row].text, sentences[best].text, params)
        }


def _restates(candidate: str, chosen: str, params: BriefParams) -> bool:
    """True if ``candidate`` says nothing new over ``chosen`` by its words and numbers, if
    either one's words are almost all the other's (a reader sees the same sentence twice),
    or if both state one figure counting the same thing (``same_fact.states_same_fact``) or
    say a thing is given one name (``same_fact.gives_same_name``)."""
    if params.repeat_same_figure and states_same_fact(candidate, chosen):
        return True
    if params.repeat_same_name and gives_same_name(candidate, chosen):
        return True
    mine, theirs = content_words(candidate), content_words(chosen)
    if mine and theirs:
        either_way = max(containment(mine, theirs), containment(theirs, mine))
        if either_way >= params.repeat_containment_either_way:
            return True
    if not numbers(candidate) <= numbers(chosen):
        return False
    return containment(mine, theirs) >= params.redundant_containment


def _rescale(scores: Scores) -> Scores:
    """Min-max scale to [0, 1] so MMR's λ means the same for any scorer; NaN counts as lowest."""
    scores = np.nan_to_num(scores, nan=-np.inf)
    finite = scores[np.isfinite(scores)]
    if finite.size == 0:
        return np.ones_like(scores)
    low, high = float(finite.min()), float(finite.max())
    scores = np.clip(scores, low, high)
    if high - low < 1e-12:
        return np.ones_like(scores)
    return (scores - low) / (high - low)


def select_best_first(
    sentences: Sequence[Sentence],
    scores: Scores,
    budget: int,
    *,
    encode: Callable[[Sequence[str]], Vectors],
    tfidf: npt.NDArray[np.float64],
    eligible: Sequence[bool],
    screen: Callable[[Sequence[str]], Vectors] | None = None,
    params: BriefParams = BriefParams(),
) -> list[int]:
    """Take eligible sentences best score first while they fit ``budget``, skipping repeats.

    A sentence repeats a chosen one when their TF-IDF cosine exceeds
    ``params.redundancy_tfidf`` or its words and numbers are contained in it (cheap,
    checked during the greedy pass), or when their embeddings reach
    ``params.redundant_cosine`` (checked on the result: the lower-scored sentence of
    such a pair is excluded and the pass repeated). With a ``screen`` encoder (cheap
    vectors), only pairs whose screen cosine reaches ``params.repeat_screen_cosine``
    (and TF-IDF cosine ``params.repeat_screen_tfidf``) are compared with ``encode``,
    and only their sentences are embedded; without one, every chosen sentence is.
    With ``params.low_overlap_repeat_cosine`` set, pairs under the TF-IDF screen are
    embedded too and repeat at that cosine. With ``params.audit_repeat_cosine`` set
    (the readability audit's cut), every other pair whose screen cosine reaches
    ``params.audit_repeat_screen_cosine`` is embedded too and repeats at that cut, so
    the brief keeps no pair the audit calls a repeat by meaning.
    Ties are broken by input order.
    """
    ranked = [
        row
        for row in sorted(range(len(sentences)), key=lambda r: (-float(scores[r]), r))
        if eligible[row]
    ]
    vectors: dict[int, Vectors] = {}
    screened: dict[int, Vectors] = {}
    excluded: set[int] = set()
    chosen: list[int] = []
    for _ in range(params.max_embedding_rounds):
        chosen = _choose_greedily(sentences, ranked, excluded, budget, tfidf, params)
        pairs = [
            (later, earlier)
            for position, later in enumerate(chosen)
            for earlier in chosen[:position]
        ]
        low_overlap = []
        if params.low_overlap_repeat_cosine is not None:
            low_overlap = [
                (later, earlier)
                for later, earlier in pairs
                if float(tfidf[later] @ tfidf[earlier]) < params.repeat_screen_tfidf
            ]
        unscreened: list[tuple[int, int]] = []
        if screen is not None:
            _embed_missing(sentences, chosen, screened, screen)
            kept = [
                (later, earlier)
                for later, earlier in pairs
                if float(screened[later] @ screened[earlier]) >= params.repeat_screen_cosine
                and float(tfidf[later] @ tfidf[earlier]) >= params.repeat_screen_tfidf
            ]
            if params.audit_repeat_cosine is not None:
                # The audit's meaning rule looks at every pair; the wider static screen
                # only skips pairs too far apart for MiniLM to reach its cut.
                checked = set(kept)
                unscreened = [
                    (later, earlier)
                    for later, earlier in pairs
                    if (later, earlier) not in checked
                    and float(screened[later] @ screened[earlier])
                    >= params.audit_repeat_screen_cosine
                ]
            pairs = kept
        _embed_missing(
            sentences,
            [row for pair in pairs + low_overlap + unscreened for row in pair],
            vectors,
            encode,
        )
        repeats = (
            {
                later
                for later, earlier in pairs
                if float(vectors[later] @ vectors[earlier]) >= params.redundant_cosine
            }
            | {
                later
                for later, earlier in low_overlap
                if float(vectors[later] @ vectors[earlier])
                >= (params.low_overlap_repeat_cosine or 1.0)
            }
            | {
                later
                for later, earlier in unscreened
                if float(vectors[later] @ vectors[earlier]) >= (params.audit_repeat_cosine or 1.0)
            }
        )
        if not repeats:
            break
        excluded |= repeats
    return [row for row in chosen if row not in excluded]


def _embed_missing(
    sentences: Sequence[Sentence],
    rows: Sequence[int],
    vectors: dict[int, Vectors],
    encode: Callable[[Sequence[str]], Vectors],
) -> None:
    """Add to ``vectors`` the vectors of the ``rows`` it lacks, in one ``encode`` call."""
    new = [row for row in dict.fromkeys(rows) if row not in vectors]
    if new:
        for row, vector in zip(new, encode([sentences[row].text for row in new]), strict=True):
            vectors[row] = vector


def _choose_greedily(
    sentences: Sequence[Sentence],
    ranked: Sequence[int],
    excluded: set[int],
    budget: int,
    tfidf: npt.NDArray[np.float64],
    params: BriefParams,
) -> list[int]:
    """The budgeted greedy pass with the cheap (lexical) repeat checks.

    A sentence that contains chosen ones (a passage grown around a chosen sentence,
    ``summary.units``) takes their place instead of repeating them.
    """
    chosen: list[int] = []
    words = 0
    for row in ranked:
        if row in excluded:
            continue
        inside = [other for other in chosen if _contains(sentences[row], sentences[other])]
        rest = [other for other in chosen if other not in inside]
        size = count_words(sentences[row].text) - sum(
            count_words(sentences[other].text) for other in inside
        )
        if words + size > budget:
            continue
        if rest and float((tfidf[rest] @ tfidf[row]).max()) > params.redundancy_tfidf:
            continue
        if any(_restates(sentences[row].text, sentences[other].text, params) for other in rest):
            continue
        if _quotes_too_often(sentences[row].text, [sentences[o].text for o in rest], params):
            continue
        if inside:
            place = chosen.index(inside[0])
            chosen = [*rest[:place], row, *rest[place:]]
        else:
            chosen.append(row)
        words += size
        if words >= budget:
            break
    return chosen


def _quotes_too_often(candidate: str, chosen: Sequence[str], params: BriefParams) -> bool:
    """True if ``candidate`` quotes a named speaker that ``chosen`` already quotes
    ``params.max_quotations_per_speaker`` times."""
    if params.max_quotations_per_speaker is None:
        return False
    speaker = quotation_speaker(candidate)
    if not speaker:
        return False
    quoted = sum(quotation_speaker(text) == speaker for text in chosen)
    return quoted >= params.max_quotations_per_speaker


def _contains(passage: Sentence, sentence: Sentence) -> bool:
    """True if ``sentence``'s span lies within ``passage``'s, in the same article."""
    return (
        passage.article_id == sentence.article_id
        and passage.start <= sentence.start
        and sentence.end <= passage.end
    )
