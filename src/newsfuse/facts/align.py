"""Align claims across articles: which numbers are about the same attribute of the event.

Each claim is described by what it measures — the noun it counts or the thing
it measures and its modifiers ("additional troops"), the verbs and nouns
around it ("deploy", "announce"), and a sentence-embedding of the clause with
the number masked out. Claims of the same kind and base unit from different
articles are then grouped by average-linkage agglomerative clustering
(Sokal & Michener 1958, UPGMA) under a cannot-link constraint: one claim per
article per group, since an article states an attribute once.

The same value in the same unit is strong evidence of the same attribute,
so pairs that agree need less contextual evidence than pairs that differ;
that asymmetry is what keeps "560 additional troops" away from "4,560 troops
in total" while "40 miles" still meets "65 kilometres".
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from newsfuse.facts.verdict import values_agree
from newsfuse.model import Claim

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from newsfuse.embed import Embedder

# Parts of speech whose lemmas describe what a number is about.
CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "PROPN", "ADV"})
# Context weight halves every this many tokens away from the number: words
# right next to it ("560 additional troops", "injuring 14") say most.
CONTEXT_DECAY_TOKENS = 4.0
# The syntactic head chain of the number (counted noun, its verb) counts this
# much more than mere proximity, because it names the role of the number.
SYNTAX_BOOST = 2.0
# Tokens either side of the number that make up the clause fed to the embedder.
EMBED_WINDOW_TOKENS = 10
# Score weights: lexical cosine, embedding cosine, same counted noun.
LEXICAL_WEIGHT = 0.5
EMBEDDING_WEIGHT = 0.5
HEAD_BONUS = 0.15
# Extra score when two claims carry the same value: equal figures for one
# event are usually the same attribute (see module docstring).
SAME_VALUE_BONUS = 0.25
# Minimum average score for two groups to merge; pairs with different values
# need it without the same-value bonus. Tuned on facts-dev, checked for a
# broad plateau (0.45 – 0.55) rather than a spike.
MERGE_THRESHOLD = 0.5
# Lemmas too generic to tell attributes apart.
GENERIC_LEMMAS = frozenset({"say", "tell", "be", "have", "also", "accord", "report", "add"})
# Words that make a later figure a development rather than a disagreement
# ("the death toll rose to 45", "officials later revised", "now stands at").
REVISION_CUES = frozenset(
    {
        "rise",
        "rose",
        "risen",
        "climb",
        "increase",
        "grow",
        "grew",
        "jump",
        "swell",
        "mount",
        "surge",
        "revise",
        "raise",
        "update",
        "now",
        "later",
        "fall",
        "drop",
        "decline",
        "lower",
        "reach",
        "latest",
    }
)
# How far before the number a revision cue may stand, in tokens.
REVISION_CUE_WINDOW = 8


@dataclass(frozen=True, slots=True)
class Mention:
    """A claim with what the aligner knows about it."""

    claim: Claim
    dimension: str
    head: str
    modifiers: tuple[str, ...]
    context: tuple[tuple[str, float], ...]
    clause: str
    revision_cue: bool


def dimension_of(claim: Claim) -> str:
    """What can be compared with what: kind and base unit ("quantity:m", "count:")."""
    kind = "count" if claim.kind == "count" and claim.attribute != "year" else claim.kind
    if claim.attribute == "year":
        kind = "year"
    return f"{kind}:{claim.unit or ''}"


def _span_tokens(doc: Doc, claim: Claim) -> Span | None:
    return doc.char_span(claim.start, claim.end, alignment_mode="expand")


def _counted_noun(span: Span) -> Token | None:
    """The noun the number counts or measures: "560 [troops]", "a 14-mile [line]"."""
    token = span.root
    for _ in range(3):
        if token.pos_ in ("NOUN", "PROPN") and token.i >= span.end:
            return token
        if token.dep_ in ("nummod", "quantmod", "compound", "amod", "npadvmod", "nmod") and (
            token.head.i != token.i
        ):
            token = token.head
        else:
            break
    if token.pos_ in ("NOUN", "PROPN") and token.i >= span.end:
        return token
    # "560 troops" parsed with the number as head, or a noun right after it.
    doc = span.doc
    for index in range(span.end, min(span.end + 3, len(doc))):
        candidate = doc[index]
        if candidate.pos_ in ("NOUN", "PROPN") and not candidate.like_num:
            # Skip to the last noun of a compound ("attack helicopters").
            while (
                index + 1 < len(doc)
                and doc[index + 1].pos_ == "NOUN"
                and candidate.dep_ == "compound"
            ):
                index += 1
                candidate = doc[index]
            return candidate
        if candidate.pos_ not in ("ADJ", "PUNCT", "ADV"):
            break
    return None


def describe_claim(claim: Claim, doc: Doc) -> Mention:
    """Collect the aligner's view of one claim from the parsed article."""
    span = _span_tokens(doc, claim)
    dimension = dimension_of(claim)
    if span is None or len(span) == 0:
        return Mention(claim, dimension, "", (), (), claim.text, False)
    sentence = span.sent
    noun = _counted_noun(span) if claim.kind in ("count", "quantity", "money", "percent") else None
    head = noun.lemma_.lower() if noun is not None else ""
    modifiers: tuple[str, ...] = ()
    if noun is not None:
        modifiers = tuple(
            child.lemma_.lower()
            for child in noun.children
            if child.dep_ in ("amod", "compound") and child.i not in range(span.start, span.end)
        )
    syntax = {token.i for token in span.root.ancestors}
    if noun is not None:
        syntax.add(noun.i)
        syntax.update(child.i for child in noun.children)
    weights: dict[str, float] = {}
    for token in sentence:
        if span.start <= token.i < span.end:
            continue
        if token.pos_ not in CONTENT_POS or token.is_stop or token.like_num:
            continue
        lemma = token.lemma_.lower()
        if lemma in GENERIC_LEMMAS or not re.search(r"[a-z]", lemma):
            continue
        distance = span.start - token.i if token.i < span.start else token.i - span.end + 1
        weight = 0.5 ** (distance / CONTEXT_DECAY_TOKENS)
        if token.i in syntax:
            weight *= SYNTAX_BOOST
        weights[lemma] = max(weights.get(lemma, 0.0), weight)
    if claim.attribute:
        weights[claim.attribute] = SYNTAX_BOOST
    left = max(sentence.start, span.start - EMBED_WINDOW_TOKENS)
    right = min(sentence.end, span.end + EMBED_WINDOW_TOKENS)
    clause = f"{doc[left : span.start].text} NUMBER {doc[span.end : right].text}".strip()
    cue = any(
        token.lemma_.lower() in REVISION_CUES or token.lower_ in REVISION_CUES
        for token in doc[max(sentence.start, span.start - REVISION_CUE_WINDOW) : span.start]
    )
    return Mention(
        claim, dimension, head, modifiers, tuple(sorted(weights.items())), clause, cue
    )


def _lexical_vectors(mentions: Sequence[Mention]) -> list[dict[str, float]]:
    """Context weights times inverse document frequency over the cluster's mentions."""
    frequency: Counter[str] = Counter()
    for mention in mentions:
        frequency.update(lemma for lemma, _ in mention.context)
    total = max(1, len(mentions))
    vectors = []
    for mention in mentions:
        vector = {
            lemma: weight * math.log(1 + total / frequency[lemma])
            for lemma, weight in mention.context
        }
        norm = math.sqrt(sum(value * value for value in vector.values())) or 1.0
        vectors.append({lemma: value / norm for lemma, value in vector.items()})
    return vectors


def score_pairs(
    mentions: Sequence[Mention], embedder: Embedder | None
) -> np.ndarray:
    """Pairwise alignment scores (without the same-value bonus); -inf where not comparable."""
    count = len(mentions)
    scores = np.full((count, count), -np.inf)
    if count == 0:
        return scores
    lexical = _lexical_vectors(mentions)
    embeddings = embedder.encode([m.clause for m in mentions]) if embedder is not None else None
    for i in range(count):
        for j in range(i + 1, count):
            first, second = mentions[i], mentions[j]
            if first.claim.article_id == second.claim.article_id:
                continue
            if first.dimension != second.dimension:
                continue
            overlap = sum(
                value * lexical[j].get(lemma, 0.0) for lemma, value in lexical[i].items()
            )
            if embeddings is not None:
                semantic = float(embeddings[i] @ embeddings[j])
                score = LEXICAL_WEIGHT * overlap + EMBEDDING_WEIGHT * semantic
            else:
                score = overlap
            if first.head and first.head == second.head:
                score += HEAD_BONUS
            scores[i, j] = scores[j, i] = score
    return scores


def group_mentions(
    mentions: Sequence[Mention], embedder: Embedder | None
) -> list[list[Mention]]:
    """Cluster mentions into attributes: average linkage, one mention per article per group."""
    scores = score_pairs(mentions, embedder)
    count = len(mentions)
    for i in range(count):
        for j in range(i + 1, count):
            if np.isfinite(scores[i, j]) and values_agree(mentions[i].claim, mentions[j].claim):
                scores[i, j] = scores[j, i] = scores[i, j] + SAME_VALUE_BONUS
    groups: list[list[int]] = [[i] for i in range(count)]
    while True:
        best: tuple[float, int, int] | None = None
        for a in range(len(groups)):
            articles_a = {mentions[i].claim.article_id for i in groups[a]}
            for b in range(a + 1, len(groups)):
                if articles_a & {mentions[i].claim.article_id for i in groups[b]}:
                    continue
                pair_scores = [scores[i, j] for i in groups[a] for j in groups[b]]
                if not all(np.isfinite(pair_scores)):
                    continue
                average = float(np.mean(pair_scores))
                if average >= MERGE_THRESHOLD and (best is None or average > best[0]):
                    best = (average, a, b)
        if best is None:
            break
        _, a, b = best
        groups[a] = groups[a] + groups[b]
        del groups[b]
    return [[mentions[i] for i in group] for group in groups]
