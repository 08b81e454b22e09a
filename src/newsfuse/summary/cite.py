"""Find, for a brief sentence, the sentences of other articles that state the same content.

Whether sentence B supports sentence A is decided by a small logistic model
(calibrated similarity, not word overlap alone) over four features:

* ``cosine``: MiniLM embedding cosine of A and B (paraphrase evidence);
* ``number_conflict``: 1 when both state numbers and one of A's is not in B
  ("560 troops" does not support "600 troops");
* ``number_missing``: 1 when A states a number and B states none (B cannot
  support the number);
* ``name_missing``: share of A's capitalised names absent from B.

Shared content words were tried as a fifth feature and dropped: they are
collinear with the cosine and got a negative weight in the fit.

The coefficients below are fitted by ``benchmarks/fit/fit_support.py`` on the
hand-written pairs in ``tests/fixtures/brief/support_pairs.jsonl`` (invented
sentences; see ``docs/benchmarks-brief.md`` for precision and recall, and note
that the set is small). A sentence identical to A (after folding case and
spacing) is a copy and full support, score 1.0.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from newsfuse.embed import Embedder, Vectors
from newsfuse.model import Article, Citation, Sentence
from newsfuse.summary.learned import vectorize_sentences
from newsfuse.summary.lexical import containment, content_words, names, normalise_for_identity
from newsfuse.summary.lexical import numbers as numbers_in
from newsfuse.summary.params import BriefParams

# Logistic-model coefficients for (cosine, number_conflict, number_missing, name_missing)
# and the intercept; fitted by benchmarks/fit/fit_support.py (see there).
SUPPORT_COEFFICIENTS = (5.21, -5.08, -2.64, -1.89)
SUPPORT_INTERCEPT = -2.87

# The largest cosine two L2-normalised vectors can have (with float rounding to spare).
MAX_COSINE = 1.001


@dataclass(frozen=True, slots=True, eq=False)
class Evidence:
    """The sentences of one article that may be cited, with their embeddings (row-aligned)."""

    article_id: str
    sentences: tuple[Sentence, ...]
    vectors: Vectors


def support_features(claim: str, evidence: str, cosine: float) -> tuple[float, ...]:
    """Return the model features for "``evidence`` states what ``claim`` states"."""
    claim_numbers, evidence_numbers = numbers_in(claim), numbers_in(evidence)
    number_conflict = bool(claim_numbers and evidence_numbers) and not (
        claim_numbers <= evidence_numbers
    )
    number_missing = bool(claim_numbers) and not evidence_numbers
    claim_names = names(claim)
    name_missing = 1.0 - containment(claim_names, names(evidence) | content_words(evidence))
    return (
        float(cosine),
        float(number_conflict),
        float(number_missing),
        name_missing if claim_names else 0.0,
    )


def support_probability(claim: str, evidence: str, cosine: float) -> float:
    """Calibrated probability in [0, 1] that ``evidence`` states the content of ``claim``."""
    if normalise_for_identity(claim) == normalise_for_identity(evidence):
        return 1.0
    features = support_features(claim, evidence, cosine)
    logit = SUPPORT_INTERCEPT + sum(
        weight * value for weight, value in zip(SUPPORT_COEFFICIENTS, features, strict=True)
    )
    return 1.0 / (1.0 + math.exp(-logit))


def _threshold_logit(threshold: float) -> float:
    """The support model's logit at the probability ``threshold``."""
    return math.log(threshold / (1.0 - threshold))


def _unpenalised_needed_cosine(threshold: float) -> float:
    """The MiniLM cosine a pair the model does not penalise needs to reach ``threshold``
    (about 0.713 at 0.7)."""
    return (_threshold_logit(threshold) - SUPPORT_INTERCEPT) / SUPPORT_COEFFICIENTS[0]


@functools.lru_cache(maxsize=4096)
def needed_cosine(
    claim: str, evidence: str, threshold: float = BriefParams().support_threshold
) -> float:
    """The least MiniLM cosine at which ``evidence`` reaches support probability
    ``threshold`` for ``claim``.

    Remembered per pair and threshold: the shortlist (:func:`could_support`) and the
    screen (:func:`_screen_cosine`) both ask for it.

    The model's logit is linear in the cosine (positive weight), so the
    threshold is crossed at one cosine, found by solving the logit for it; a
    copy (identical after folding) supports at any cosine (``-inf``).
    """
    if normalise_for_identity(claim) == normalise_for_identity(evidence):
        return -math.inf
    cosine_weight, *other_weights = SUPPORT_COEFFICIENTS
    _, *other_features = support_features(claim, evidence, 0.0)
    other_logit = SUPPORT_INTERCEPT + sum(
        weight * value for weight, value in zip(other_weights, other_features, strict=True)
    )
    return (_threshold_logit(threshold) - other_logit) / cosine_weight


def could_support(
    claim: str, evidence: str, threshold: float = BriefParams().support_threshold
) -> bool:
    """False if ``evidence`` cannot reach support probability ``threshold`` for ``claim``
    whatever its cosine.

    A pair needing more than the largest possible cosine (e.g. one whose numbers
    conflict) needs no embedding: skipping it changes no citation and saves
    encoder time.
    """
    return needed_cosine(claim, evidence, threshold) <= MAX_COSINE


def cite_sentence(
    sentence: Sentence,
    vector: Vectors,
    evidence: Sequence[Evidence],
    source: int,
    params: BriefParams = BriefParams(),
) -> tuple[Citation, ...]:
    """Cite ``sentence`` itself (score 1) and the best supporting span of every other article.

    ``evidence[source]`` is the article the sentence was taken from; supporting
    citations follow in order of decreasing score (then input order).
    """
    supporting: list[tuple[float, int, Citation]] = []
    for position, article in enumerate(evidence):
        if position == source or not article.sentences:
            continue
        best = _best_support(sentence.text, vector, article, params)
        if best is not None:
            supporting.append((-best.score, position, best))
    own = Citation(sentence.article_id, sentence.start, sentence.end, 1.0)
    return (own, *(citation for _, _, citation in sorted(supporting, key=lambda x: x[:2])))


def merge_citations(
    passage: Sentence, cited: Sequence[tuple[Citation, ...]], texts: Mapping[str, str]
) -> tuple[Citation, ...]:
    """The citations of a passage from those of its pieces (``cited``, each as from
    :func:`cite_sentence`; ``texts`` the articles' texts by id): its own span, then for
    every other article the span supporting every piece in order if its supports follow
    each other in the text (score: the least), else its best support of any piece; by
    decreasing score (then first seen)."""
    if len(cited) == 1 and (cited[0][0].start, cited[0][0].end) == (passage.start, passage.end):
        return cited[0]
    best: dict[str, Citation] = {}
    by_article: dict[str, list[Citation]] = {}
    for citations in cited:
        for citation in citations[1:]:
            by_article.setdefault(citation.article_id, []).append(citation)
            held = best.get(citation.article_id)
            if held is None or citation.score > held.score:
                best[citation.article_id] = citation
    for article_id, supports in by_article.items():
        text = texts.get(article_id, "")
        if len(supports) == len(cited) and all(
            earlier.end <= later.start and not text[earlier.end : later.start].strip()
            for earlier, later in itertools.pairwise(supports)
        ):
            score = min(c.score for c in supports)
            best[article_id] = Citation(article_id, supports[0].start, supports[-1].end, score)
    order = list(best)
    support = sorted(best.values(), key=lambda c: (-c.score, order.index(c.article_id)))
    return (Citation(passage.article_id, passage.start, passage.end, 1.0), *support)


def _best_support(
    text: str, vector: Vectors, article: Evidence, params: BriefParams
) -> Citation | None:
    cosines = np.asarray(article.vectors, dtype=np.float64) @ np.asarray(vector, dtype=np.float64)
    # Stable sort on negated cosines: equal cosines keep article order (determinism).
    top = np.argsort(-cosines, kind="stable")[: params.candidates_per_article]
    best: Citation | None = None
    for row in top:
        candidate = article.sentences[int(row)]
        probability = support_probability(text, candidate.text, float(cosines[row]))
        if probability >= params.support_threshold and (best is None or probability > best.score):
            best = Citation(article.article_id, candidate.start, candidate.end, probability)
    if best is None:
        return None
    return Citation(best.article_id, best.start, best.end, round(best.score, 3))


def _texts_to_compare(
    chosen: Sequence[Sentence], shortlists: Sequence[Sequence[Sequence[Sentence]]]
) -> list[str]:
    """Each chosen sentence that has shortlisted support, then that support; once each."""
    texts = [
        text
        for sentence, lists in zip(chosen, shortlists, strict=True)
        if any(lists)
        for text in (sentence.text, *(s.text for ss in lists for s in ss))
    ]
    return list(dict.fromkeys(texts))


def _screen_shortlists(
    chosen: Sequence[Sentence],
    shortlists: list[list[list[Sentence]]],
    screen: Embedder,
    params: BriefParams,
) -> list[list[list[Sentence]]]:
    """Drop shortlisted sentences whose screen cosine to their brief sentence is too low.

    Too low is below ``params.support_screen_cosine``, raised by the extra MiniLM cosine the
    pair's penalties (numbers, names) make the support model need.
    """
    unique = _texts_to_compare(chosen, shortlists)
    if not unique:
        return shortlists
    vector_of = dict(zip(unique, screen.encode(unique), strict=True))
    return [
        [
            [
                s
                for s in picked
                if float(vector_of[s.text] @ vector_of[sentence.text])
                >= _screen_cosine(sentence.text, s.text, params)
            ]
            for picked in lists
        ]
        for sentence, lists in zip(chosen, shortlists, strict=True)
    ]


def _screen_cosine(claim: str, evidence: str, params: BriefParams) -> float:
    """The screen cosine ``evidence`` needs to be embedded as support for ``claim``."""
    threshold = params.support_threshold
    extra = needed_cosine(claim, evidence, threshold) - _unpenalised_needed_cosine(threshold)
    return params.support_screen_cosine + max(extra, 0.0)


def cite_sentences(
    chosen: Sequence[Sentence],
    sources: Sequence[int],
    articles: Sequence[Article],
    evidence: Sequence[Sequence[Sentence]],
    embedder: Embedder,
    screen: Embedder | None = None,
    params: BriefParams = BriefParams(),
) -> list[tuple[Citation, ...]]:
    """Cite each chosen sentence: its own span, then the best support in every other article.

    ``sources[i]`` is the position in ``articles`` of the article ``chosen[i]``
    comes from; ``evidence[p]`` are the citable sentences of ``articles[p]``.
    Other articles are shortlisted by TF-IDF (``params.shortlist_per_article``),
    sentences that could not support at any cosine (:func:`could_support`) are
    dropped, and with a ``screen`` encoder (cheap vectors) so are those whose screen
    cosine is below ``params.support_screen_cosine``, and only what is left (and the
    chosen sentences that have any of it) is embedded, in one call, before
    :func:`cite_sentence` decides.
    """
    if not chosen:
        return []
    pool = [sentence for sentences in evidence for sentence in sentences]
    tfidf = vectorize_sentences([s.text for s in (*chosen, *pool)])
    chosen_rows, pool_rows = tfidf[: len(chosen)], tfidf[len(chosen) :]
    bounds = np.cumsum([0, *(len(sentences) for sentences in evidence)])
    shortlists: list[list[list[Sentence]]] = []
    for row, source in enumerate(sources):
        per_article: list[list[Sentence]] = []
        for position, sentences in enumerate(evidence):
            if position == source or not sentences:
                per_article.append([])
                continue
            overlap = pool_rows[bounds[position] : bounds[position + 1]] @ chosen_rows[row]
            top = np.argsort(-overlap, kind="stable")[: params.shortlist_per_article]
            per_article.append(
                [
                    sentences[int(i)]
                    for i in top
                    if overlap[int(i)] >= params.shortlist_min_tfidf
                    and could_support(
                        chosen[row].text, sentences[int(i)].text, params.support_threshold
                    )
                ]
            )
        shortlists.append(per_article)
    if screen is not None:
        shortlists = _screen_shortlists(chosen, shortlists, screen, params)
    # A chosen sentence with nothing shortlisted can cite only its own span: it needs
    # no vector (the zero row below is never compared with anything).
    unique = _texts_to_compare(chosen, shortlists)
    vector_of: dict[str, Vectors] = (
        dict(zip(unique, embedder.encode(unique), strict=True)) if unique else {}
    )
    width = len(next(iter(vector_of.values()))) if vector_of else 1
    nothing = np.zeros(width, dtype=np.float32)
    cited: list[tuple[Citation, ...]] = []
    for sentence, source, per_article in zip(chosen, sources, shortlists, strict=True):
        article_evidence = [
            Evidence(
                article.id,
                tuple(picked),
                np.stack([vector_of[s.text] for s in picked])
                if picked
                else np.zeros((0, width), dtype=np.float32),
            )
            for article, picked in zip(articles, per_article, strict=True)
        ]
        vector = vector_of.get(sentence.text, nothing)
        cited.append(cite_sentence(sentence, vector, article_evidence, source, params))
    return cited
