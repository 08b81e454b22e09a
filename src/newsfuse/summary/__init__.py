"""Multi-document extractive briefs with per-sentence citations.

``summarize`` runs five small steps, each in its own module:

1. candidates (here): segment every article, merge copies of one article, drop
   non-story lines (headings, teasers, fragments);
2. ``score``: how summary-worthy each candidate is (pluggable ``scorer=``);
3. ``select``: budgeted MMR selection without repeating a fact;
4. ``order``: chronological when every article is dated, else leads first;
5. ``cite``: the source span plus every other article that states the same.

Every tunable of these steps is a field of :class:`~newsfuse.summary.params.BriefParams`,
passed as ``summarize(..., params=...)``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import numpy.typing as npt

from newsfuse.clean.signals import page_note_kind
from newsfuse.config import DEFAULT_BUDGET
from newsfuse.embed import Embedder, Vectors, get_embedder, single_threaded_blas
from newsfuse.errors import ConfigError
from newsfuse.model import Article, BriefSentence, Sentence
from newsfuse.segment import split_sentences
from newsfuse.summary import learned
from newsfuse.summary.cite import cite_sentences, merge_citations
from newsfuse.summary.compress import compress_passage, compress_sentences
from newsfuse.summary.learned import (
    ScorerWeights,
    load_weights,
    looks_like_page_furniture,
    vectorize_sentences,
)
from newsfuse.summary.lexical import (
    addresses_reader,
    content_words,
    dangling_reason,
    first_person_narrator,
    has_unbalanced_quotes,
    needs_earlier_sentence,
    normalise_for_identity,
    promotes_outlet,
    shown_medium,
)
from newsfuse.summary.names import introduce_names
from newsfuse.summary.order import order_sentences
from newsfuse.summary.params import BriefParams
from newsfuse.summary.repair import rejoin_quotations, trim_junk
from newsfuse.summary.score import SentenceScorer
from newsfuse.summary.select import select_best_first, select_by_mmr
from newsfuse.summary.units import stand_alone

__all__ = ["BriefParams", "SentenceScorer", "find_copies", "is_story_sentence", "summarize"]

_TERMINAL_END = re.compile(r"[.!?][\"'”’)\]]*$")
_TEASER_END = re.compile(r"(\.\.\.|…)[\"'”’)\]]*$")
# List markers and dashes some sites put before a paragraph: not part of the sentence.
_QUOTE_OPENERS = ('"', "“", "'", "‘")


def summarize(
    articles: Sequence[Article],
    budget: int = DEFAULT_BUDGET,
    *,
    scorer: SentenceScorer | None = None,
    embedder: Embedder | None = None,
    weights: ScorerWeights | None = None,
    screen: Embedder | None = None,
    params: BriefParams = BriefParams(),
) -> list[BriefSentence]:
    """Summarise articles about one event into cited sentences of at most ``budget`` words.

    Each returned sentence is a sentence of one article as written (a leading
    list dash or bullet dropped), or a passage of two or three that stands alone
    (``units.stand_alone``: a dangling opening with the sentence before it, a cut
    quotation whole; its pieces joined by one space); its first citation is that span (score 1),
    the others point at the best-supporting sentence of every other article
    that states the same content. The first bare surname of a person the brief has not
    named in full is written as the full name its article gives (``names``), outside
    quotations; that sentence cites the name's span second. A trailing attribution and
    asides in round brackets or between dashes are cut outside quotations
    (``params.compress_asides``, ``compress``); such a sentence cites one span per kept
    piece first. Empty articles are skipped;
    with no sentence at all the result is ``[]``.

    By default sentences are scored by the learned scorer (``learned.py``: a
    logistic regression on TF-IDF, position and cross-document features, fitted
    on greedy-oracle labels) and chosen best-first without near-repeats, which
    needs no embeddings; only the chosen sentences and their likeliest support
    are embedded, for the citations. ``weights`` replaces the shipped
    coefficients (cross-validation). A custom ``scorer`` gets embeddings of every
    candidate and MMR selection instead.

    ``screen`` (default: the static ``minilm-static`` vectors, about 100 times
    faster than MiniLM) picks the pairs worth embedding, retrieve then verify:
    pairs of chosen sentences for the repeat check (``params.repeat_screen_cosine``,
    with ``params.repeat_screen_tfidf``) and support candidates
    (``params.support_screen_cosine``); ``embedder`` decides.

    ``params`` holds every tunable of the brief (:class:`BriefParams`).
    """
    if budget < 1:
        raise ConfigError(f"budget must be a positive number of words, got {budget}")
    with single_threaded_blas():
        return _summarize(articles, budget, scorer, embedder, weights, screen, params)


def _summarize(
    articles: Sequence[Article],
    budget: int,
    scorer: SentenceScorer | None,
    embedder: Embedder | None,
    weights: ScorerWeights | None,
    screen: Embedder | None,
    params: BriefParams,
) -> list[BriefSentence]:
    """:func:`summarize` after its arguments are checked, with BLAS limited."""
    articles = [article for article in articles if article.text.strip()]
    if not articles:
        return []
    segmented = [split_sentences(article) for article in articles]
    pieces = [
        _pieces(sentences, article.text, params)
        for sentences, article in zip(segmented, articles, strict=True)
    ]
    evidence_sentences = [_evidence(article_pieces, params) for article_pieces in pieces]
    copies = find_copies(evidence_sentences, params)
    candidates, sources = _candidates(segmented, evidence_sentences, copies, params)
    if not candidates:
        return []
    if embedder is None:
        embedder = get_embedder()
    if screen is None:
        screen = get_embedder("minilm-static")
    screen = _RememberingEncoder(screen)
    offered: Sequence[Sentence] = candidates
    if scorer is None:
        passages = (
            _passages(candidates, sources, pieces, articles, params)
            if params.repair_passages
            else None
        )
        if passages is not None and params.compress_asides and params.compress_before_selection:
            passages = [
                None
                if passage is None
                else compress_passage(passage, articles[source].text, params.min_chosen_words)
                for passage, source in zip(passages, sources, strict=True)
            ]
        chosen_rows, offered = _select_learned(
            candidates, budget, embedder, weights, screen, params, passages
        )
    else:
        vectors = embedder.encode([s.text for s in candidates])
        scores = scorer(candidates, vectors, articles)
        if len(scores) != len(candidates):
            raise ConfigError(
                f"the sentence scorer returned {len(scores)} scores for {len(candidates)} sentences"
            )
        chosen_rows = select_by_mmr(candidates, vectors, scores, budget, params=params)
    chosen = [offered[row] for row in chosen_rows]
    if not chosen:
        return []
    source_of = {offered[row]: sources[row] for row in chosen_rows}
    # A passage is cited piece by piece: another article may state one of its sentences.
    texts = {article.id: article.text for article in articles}
    parts = [_parts(s, pieces[source_of[s]]) for s in chosen]
    cited = iter(
        cite_sentences(
            [part for sentence_parts in parts for part in sentence_parts],
            [
                source_of[s]
                for s, sentence_parts in zip(chosen, parts, strict=True)
                for _ in sentence_parts
            ],
            articles,
            evidence_sentences,
            embedder,
            screen,
            params,
        )
    )
    citations = [
        merge_citations(sentence, [next(cited) for _ in sentence_parts], texts)
        for sentence, sentence_parts in zip(chosen, parts, strict=True)
    ]
    citation_of = dict(zip(chosen, citations, strict=True))
    ordered = order_sentences(chosen, articles)
    lead = _lead(chosen, offered)
    if (
        params.lead_first
        or (params.lead_when_opening_leans and _leans(ordered[0].text))
        or (params.lead_when_opening_strays and _strays(ordered[0], lead, ordered))
    ):
        ordered = [lead, *[s for s in ordered if s != lead]]
    brief = [
        BriefSentence(text=sentence.text, citations=citation_of[sentence]) for sentence in ordered
    ]
    if params.compress_asides:
        brief = compress_sentences(brief, texts, params.min_chosen_words)
    return introduce_names(brief, texts, budget) if params.introduce_names else brief


def _leans(text: str) -> bool:
    """True if a brief opening with ``text`` would not state the event: a quotation (what
    someone said, not what happened) or an opening that needs an antecedent."""
    return text.lstrip().startswith(_QUOTE_OPENERS) or bool(dangling_reason(text))


def _strays(opening: Sentence, lead: Sentence, chosen: Sequence[Sentence]) -> bool:
    """True if ``opening`` shares no content word with any other chosen sentence while
    ``lead`` does: the opening is about something else (a sentence of an article about
    another event), not the news."""

    def linked(sentence: Sentence) -> bool:
        words = content_words(sentence.text)
        return any(words & content_words(s.text) for s in chosen if s != sentence)

    return opening != lead and not linked(opening) and linked(lead)


def _lead(chosen: Sequence[Sentence], candidates: Sequence[Sentence]) -> Sentence:
    """The sentence that opens the brief: the best-ranked chosen sentence that is the first
    or second story sentence of its article and not a quotation (news states the event
    there: who did what, where, when), else the best-ranked one that is not a quotation,
    else the best-ranked one."""
    position = dict(zip(candidates, (s.index for s in _renumber(candidates)), strict=True))
    reported = [s for s in chosen if not _leans(s.text)]
    early = [s for s in reported if position[s] <= 1]
    return (early or reported or list(chosen))[0]


class _RememberingEncoder:
    """An encoder that encodes each text once: the screen sees the chosen sentences
    in the repeat check and again for the citations."""

    def __init__(self, inner: Embedder) -> None:
        self.name = f"remembering {getattr(inner, 'name', type(inner).__name__)}"
        self._inner = inner
        self._vectors: dict[str, Vectors] = {}

    def encode(self, texts: Sequence[str]) -> Vectors:
        missing = [text for text in dict.fromkeys(texts) if text not in self._vectors]
        if missing:
            self._vectors.update(zip(missing, self._inner.encode(missing), strict=True))
        if not texts:
            return self._inner.encode([])
        return np.stack([self._vectors[text] for text in texts])


def _select_learned(
    candidates: Sequence[Sentence],
    budget: int,
    embedder: Embedder,
    weights: ScorerWeights | None = None,
    screen: Embedder | None = None,
    params: BriefParams = BriefParams(),
    offered: Sequence[Sentence | None] | None = None,
) -> tuple[list[int], Sequence[Sentence]]:
    """Rows of ``candidates`` chosen by the learned scorer, within ``budget`` words.

    Features are computed over every candidate of the cluster (they are
    relative: centrality, support from other articles, position). What is chosen
    for a row is ``offered[row]`` (default: the candidate itself), the candidate as a
    passage that stands alone (:func:`_passages`, None if it has none), scored as the
    candidate. Passages outside the learned selection's length range, looking like
    page furniture or opening with a connective that needs the sentence before
    ("But ...", "So ...") are not chosen, unless nothing else is left (a very short
    input); then the candidates themselves are. Returns the rows chosen and the
    sentences they index (passages, or candidates in that fallback).
    """
    tfidf = vectorize_sentences([s.text for s in candidates])
    if len({s.article_id for s in candidates}) == 1:
        # One article (or copies of one): its lead, in order, is the strongest
        # single-document news summary (the Lead baseline; See et al. 2017), and the
        # scorer's cross-document features say nothing here.
        scores = -np.arange(len(candidates), dtype=np.float64)
    else:
        # Looked up on the module: the salience study swaps in an extended extractor.
        features = learned.extract_features(_renumber(candidates), tfidf)
        scores = (weights or load_weights()).score(features)
    passages = list(candidates) if offered is None else list(offered)
    eligible = [
        s is not None
        and params.min_chosen_words <= len(s.text.split()) <= params.max_chosen_words
        and not looks_like_page_furniture(s.text)
        and not needs_earlier_sentence(s.text)
        and not (params.drop_unbalanced_quotes and has_unbalanced_quotes(s.text))
        and dangling_reason(s.text) not in params.drop_dangling
        and not (params.drop_narrated and (first_person_narrator(s.text) or shown_medium(s.text)))
        and not (params.drop_promotion and promotes_outlet(s.text))
        for s in passages
    ]
    if params.story_passages_only:
        # A passage grown around a candidate took in the sentences before or after it,
        # which were never screened as candidates: a call to action or a page note there
        # ("Remember, you can buy the digital edition." before "And don't forget ...")
        # keeps the whole passage out.
        eligible = [
            allowed
            and (p is c or p is None or not (addresses_reader(p.text) or page_note_kind(p.text)))
            for allowed, p, c in zip(eligible, passages, candidates, strict=True)
        ]
    chosen_from = [p if p is not None else c for p, c in zip(passages, candidates, strict=True)]
    passage_tfidf = _passage_tfidf(candidates, chosen_from, tfidf)
    if params.force_lead:
        lead = _central_lead(candidates, tfidf, eligible)
        if lead is not None:
            # Ranked first: the brief opens with the sentence that states the event.
            scores = np.where(np.arange(len(candidates)) == lead, np.inf, scores)
    for allowed, pool, pool_tfidf in (
        (eligible, chosen_from, passage_tfidf),
        ([True] * len(candidates), candidates, tfidf),
    ):
        chosen = select_best_first(
            pool,
            scores,
            budget,
            encode=embedder.encode,
            tfidf=pool_tfidf,
            eligible=allowed,
            screen=screen.encode if screen is not None else None,
            params=params,
        )
        if chosen:
            return chosen, pool
    return [], candidates


def _central_lead(
    candidates: Sequence[Sentence], tfidf: npt.NDArray[np.float64], eligible: Sequence[bool]
) -> int | None:
    """Row of the sentence that states the event: among the eligible first and second story
    sentences of the articles that are not quotations, the one most similar to the other
    articles' sentences (summed TF-IDF cosine: what every source reports); None if none."""
    positions = [s.index for s in _renumber(candidates)]
    rows = [
        row
        for row, sentence in enumerate(candidates)
        if eligible[row] and positions[row] <= 1 and not sentence.text.startswith(_QUOTE_OPENERS)
    ]
    if not rows or len({s.article_id for s in candidates}) == 1:
        return None
    articles = np.array([s.article_id for s in candidates])
    similarity = tfidf[rows] @ tfidf.T
    centrality = [
        float(similarity[i][articles != candidates[row].article_id].sum())
        for i, row in enumerate(rows)
    ]
    return rows[int(np.argmax(centrality))]


def _renumber(candidates: Sequence[Sentence]) -> list[Sentence]:
    """Number candidates 0, 1, … within their article, for the position features.

    Position is what the candidate's article says first among story sentences:
    a byline or kicker line left before the lead must not push the lead down.
    """
    seen: dict[str, int] = {}
    renumbered = []
    for sentence in candidates:
        position = seen.get(sentence.article_id, 0)
        seen[sentence.article_id] = position + 1
        renumbered.append(replace(sentence, index=position))
    return renumbered


def is_story_sentence(sentence: Sentence, params: BriefParams = BriefParams()) -> bool:
    """True for sentences that can carry the story; False for headings, teasers, fragments.

    A story sentence has at least ``params.min_evidence_words`` words, closes with ., ! or ?
    (headlines, captions and credits usually don't), is not a "..." teaser, is not
    in capitals, has at least two lower-case words (a verb-like phrase), does
    not speak to the reader ("Do you live nearby?", "Send us your photos.") and is not
    a note about the page ("The views expressed are the author's own.").
    """
    text = sentence.text.strip()
    tokens = text.split()
    if (
        len(tokens) < params.min_evidence_words
        or _TEASER_END.search(text)
        or addresses_reader(text)
        or (params.drop_page_notes and page_note_kind(text))
    ):
        return False
    if not _TERMINAL_END.search(text):
        return False
    # Two words starting in lower case also rule out a line in capitals (a lower-case
    # letter is not a capital), so no separate all-capitals test is needed.
    return sum(1 for token in tokens if token[:1].islower()) >= 2


def find_copies(
    evidence: Sequence[Sequence[Sentence]], params: BriefParams = BriefParams()
) -> list[int]:
    """Return for each article the index of the first article it copies (itself if none).

    Articles are copies when at least ``params.copy_overlap`` of the smaller one's
    sentences are identical in the other (case and spacing folded).
    """
    keys = [frozenset(normalise_for_identity(s.text) for s in sentences) for sentences in evidence]
    representative = list(range(len(evidence)))
    for later in range(len(evidence)):
        for earlier in range(later):
            if representative[earlier] != earlier:
                continue
            smaller = min(len(keys[later]), len(keys[earlier]))
            if smaller and len(keys[later] & keys[earlier]) >= params.copy_overlap * smaller:
                representative[later] = earlier
                break
    return representative


def _pieces(sentences: Sequence[Sentence], text: str, params: BriefParams) -> list[Sentence]:
    """An article's sentences (``text``) with junk edges trimmed and quotations the splitter
    cut re-joined: what passages and evidence are made of."""
    trimmed = [trim_junk(s) for s in sentences] if params.trim_junk_edges else list(sentences)
    return rejoin_quotations(trimmed, text, params)


def _evidence(pieces: Sequence[Sentence], params: BriefParams) -> list[Sentence]:
    """The citable sentences of an article: its long enough pieces, the first ones only."""
    long_enough = [s for s in pieces if len(s.text.split()) >= params.min_evidence_words]
    return long_enough[: params.max_sentences_per_article]


def _passages(
    candidates: Sequence[Sentence],
    sources: Sequence[int],
    pieces: Sequence[Sequence[Sentence]],
    articles: Sequence[Article],
    params: BriefParams,
) -> list[Sentence | None]:
    """Each candidate as a passage that stands alone (``units.stand_alone``), or None."""
    return [
        stand_alone(sentence, pieces[source], articles[source].text, params)
        for sentence, source in zip(candidates, sources, strict=True)
    ]


def _parts(sentence: Sentence, pieces: Sequence[Sentence]) -> list[Sentence]:
    """The pieces of its article a chosen passage is made of (itself if it is one)."""
    inside = [p for p in pieces if sentence.start <= p.start and p.end <= sentence.end]
    return inside if len(inside) > 1 else [sentence]


def _passage_tfidf(
    candidates: Sequence[Sentence],
    passages: Sequence[Sentence],
    tfidf: npt.NDArray[np.float64],
) -> npt.NDArray[np.float64]:
    """TF-IDF rows of the passages: a grown passage gets the normalised sum of the rows of
    the candidates inside it (a second fit would cost more and rank the same)."""
    rows = tfidf.copy()
    for row, (candidate, passage) in enumerate(zip(candidates, passages, strict=True)):
        if passage is candidate:
            continue
        inside = [
            other
            for other, sentence in enumerate(candidates)
            if sentence.article_id == passage.article_id
            and passage.start <= sentence.start
            and sentence.end <= passage.end
        ]
        total = tfidf[inside].sum(axis=0) if inside else tfidf[row]
        norm = float(np.linalg.norm(total))
        rows[row] = total / norm if norm > 0 else total
    return rows


def _candidates(
    segmented: Sequence[Sequence[Sentence]],
    evidence: Sequence[Sequence[Sentence]],
    copies: Sequence[int],
    params: BriefParams,
) -> tuple[list[Sentence], list[int]]:
    """Candidate sentences of the articles that are not copies, with their article positions.

    Falls back to the citable sentences, then to every sentence, so that a
    short or heading-only input still yields a brief.
    """
    originals = [position for position, first in enumerate(copies) if first == position]
    for pool in (
        [[s for s in evidence[p] if is_story_sentence(s, params)] for p in originals],
        [list(evidence[p]) for p in originals],
        [list(segmented[p][: params.max_sentences_per_article]) for p in originals],
    ):
        candidates = [s for sentences in pool for s in sentences]
        if candidates:
            positions = [p for p, sentences in zip(originals, pool, strict=True) for _ in sentences]
            return candidates, positions
    return [], []
