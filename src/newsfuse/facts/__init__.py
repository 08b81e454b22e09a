"""Fact comparison across sources: claims, normalisation, agree / conflict / revision.

``compare_facts(articles)`` runs the stage: extract claims from each article
(:mod:`~newsfuse.facts.extract`, :mod:`~newsfuse.facts.entities`), align them
across articles (:mod:`~newsfuse.facts.align`) and give each aligned group a
verdict (:mod:`~newsfuse.facts.verdict`). ``annotate_brief`` flags brief
sentences whose figures other sources dispute. The JSON form of a fact (the
fact-comparison benchmark's contract) is written by
:func:`newsfuse.render.data.fact_to_dict`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from newsfuse.facts.numbers import format_value
from newsfuse.facts.verdict import decide_status, values_agree
from newsfuse.model import Article, BriefSentence, Claim, ClaimKind, Fact

if TYPE_CHECKING:
    from newsfuse.embed import Embedder
    from newsfuse.facts.align import Mention

__all__ = ["annotate_brief", "compare_facts"]

# Order of facts in the table: disputes first, since they are what a reader must see.
STATUS_ORDER = {"conflict": 0, "revision": 1, "agree": 2, "single": 3}
# Numeric kinds compared by value; entities are only ever matched by name.
VALUE_KINDS = frozenset({"count", "quantity", "money", "percent", "date", "age"})
# What a base unit measures, for readable subjects ("distance: south of Korbel").
MEASURE_NAMES = {
    "m": "distance",
    "m2": "area",
    "kg": "mass",
    "l": "volume",
    "s": "duration",
    "m/s": "speed",
    "°C": "temperature",
    "%": "percentage",
}


def compare_facts(
    articles: Sequence[Article], *, embedder: Embedder | None = None, embeddings: bool = True
) -> list[Fact]:
    """Extract claims from every article, align them across sources and give verdicts.

    ``embedder`` defaults to the shared MiniLM model; ``embeddings=False``
    aligns on words and syntax alone (faster, a little less accurate).
    Vague amounts ("hundreds of people") are reported as single facts and
    never make a conflict.
    """
    from newsfuse.facts.align import describe_claim, group_mentions
    from newsfuse.facts.entities import extract_entities, parse_articles
    from newsfuse.facts.extract import scan_claims

    if not articles:
        return []
    if embeddings and embedder is None:
        from newsfuse.config import DEFAULT_EMBEDDER
        from newsfuse.embed import get_embedder

        embedder = get_embedder(DEFAULT_EMBEDDER)
    by_id = {article.id: article for article in articles}
    docs = parse_articles(articles)
    mentions: list[Mention] = []
    vague: list[Claim] = []
    entities: list[Claim] = []
    for article, doc in zip(articles, docs, strict=True):
        for claim in scan_claims(article):
            if claim.vague:
                vague.append(claim)
            else:
                mentions.append(describe_claim(claim, doc))
        entities.extend(extract_entities(article, doc))
    facts: list[Fact] = []
    published = {article.id: article.published for article in articles}
    groups = group_mentions(mentions, embedder if embeddings else None, published)
    for group in groups:
        group.sort(key=lambda mention: (mention.claim.article_id, mention.claim.start))
        claims = tuple(mention.claim for mention in group)
        subject = describe_subject(group)
        cues = {mention.claim: mention.revision_cue for mention in group}
        status = decide_status(claims, by_id, cues)
        attributed = tuple(replace(claim, attribute=subject) for claim in claims)
        facts.append(Fact(status, subject, claims[0].kind, attributed))
    facts.extend(Fact("single", claim.text, claim.kind, (claim,)) for claim in vague)
    facts.extend(_compare_entities(entities))
    facts.sort(key=lambda fact: (STATUS_ORDER[fact.status], fact.claims[0].article_id,
                                 fact.claims[0].start))  # fmt: skip
    return facts


def describe_subject(group: Sequence[Mention]) -> str:
    """A short readable name for what a group of claims measures ("additional troops")."""
    heads = Counter(m.head_word for m in group if m.head_word)
    first = group[0]
    claim = first.claim
    phrase = ""
    if heads:
        # The most common name; among equals, the one with most words ("send troops" over "say").
        head = max(heads, key=lambda name: (heads[name], len(name.split())))
        owner = next(m for m in group if m.head_word == head)
        # Words may be stems ("injur" from "the number of injured"): show them as written.
        phrase = " ".join(_surface_word(word, group) for word in [*owner.modifiers, *head.split()])
    if not phrase:
        weights: dict[str, float] = defaultdict(float)
        for mention in group:
            for lemma, weight in mention.context:
                if not lemma.startswith("<"):
                    weights[lemma] += weight
        top = sorted(weights, key=lambda lemma: -weights[lemma])[:2]
        phrase = " ".join(_surface_word(stem, group) for stem in top)
    if claim.attribute in ("votes for", "votes against"):
        return f"{claim.attribute}: {phrase}".strip(": ")
    if claim.kind == "date":
        return f"date: {phrase}".strip(": ")
    if claim.kind == "age":
        return f"age: {phrase}".strip(": ")
    if claim.attribute == "year":
        return f"year: {phrase}".strip(": ")
    if claim.kind == "money":
        return f"amount ({claim.unit}): {phrase}".strip(": ")
    if claim.kind in ("quantity", "percent"):
        return f"{MEASURE_NAMES.get(claim.unit or '', claim.unit or '')}: {phrase}".strip(": ")
    return phrase or claim.text


def _surface_word(stem: str, group: Sequence[Mention]) -> str:
    """The word as written for a context stem ("damag" → "damage"), for readable subjects."""
    from newsfuse.facts.align import stem_word

    for mention in group:
        for word in re.findall(r"[A-Za-z][A-Za-z'-]*", mention.clause):
            if stem_word(word.lower()) == stem:
                return word.lower()
    return stem


def _compare_entities(claims: Sequence[Claim]) -> list[Fact]:
    """People, places and organisations named by two or more sources, as agreements.

    A short name ("Rehn") is folded into a longer one that ends with it
    ("Tomas Rehn") within the same kind. Names are never set against each
    other as conflicts: different names are usually different entities.
    """
    names_by_kind: dict[ClaimKind, set[str]] = defaultdict(set)
    for claim in claims:
        names_by_kind[claim.kind].add(str(claim.value))
    canonical: dict[tuple[ClaimKind, str], str] = {}
    for kind, names in names_by_kind.items():
        for name in names:
            longer = [other for other in names if other != name and other.endswith(" " + name)]
            canonical[(kind, name)] = max(longer, key=len) if len(longer) == 1 else name
    grouped: dict[tuple[ClaimKind, str], dict[str, Claim]] = defaultdict(dict)
    for claim in claims:
        key = (claim.kind, canonical[(claim.kind, str(claim.value))])
        grouped[key].setdefault(claim.article_id, replace(claim, value=key[1]))
    facts = []
    for (kind, name), by_article in grouped.items():
        if len(by_article) >= 2:
            attributed = tuple(replace(c, attribute=name) for c in by_article.values())
            facts.append(Fact("agree", name, kind, attributed))
    return facts


def _describe_value(claim: Claim) -> str:
    if isinstance(claim.value, str):
        return claim.value
    if claim.kind in ("count", "age") or claim.unit is None:
        return format_value(claim.value)
    if claim.kind == "money":
        return f"{claim.unit} {format_value(claim.value)}"
    return claim.text.strip()


def annotate_brief(
    sentences: Sequence[BriefSentence], facts: Sequence[Fact]
) -> list[BriefSentence]:
    """Flag brief sentences that state a figure other sources dispute.

    For every conflict or revision with a claim inside a sentence's first
    citation span, the sentence's ``note`` lists the other sources' values,
    e.g. ``"600 according to [b]"`` (article ids; the renderer maps them to
    source numbers). A revision is flagged as ``"later revised to 45 [c]"``.
    """
    annotated = []
    for sentence in sentences:
        notes: list[str] = []
        if sentence.citations:
            cited = sentence.citations[0]
            for fact in facts:
                if fact.status not in ("conflict", "revision"):
                    continue
                inside = [
                    claim
                    for claim in fact.claims
                    if claim.article_id == cited.article_id
                    and cited.start <= claim.start
                    and claim.end <= cited.end
                ]
                if not inside:
                    continue
                notes.extend(_dispute_notes(fact, inside[0]))
        if notes:
            note = "; ".join(dict.fromkeys(notes))
            if sentence.note:
                note = f"{sentence.note}; {note}"
            annotated.append(replace(sentence, note=note))
        else:
            annotated.append(sentence)
    return annotated


def _dispute_notes(fact: Fact, stated: Claim) -> list[str]:
    """ "<value> according to [x], [y]" for each value that differs from ``stated``."""
    by_value: dict[str, list[str]] = {}
    for claim in fact.claims:
        if claim.article_id == stated.article_id or values_agree(claim, stated):
            continue
        by_value.setdefault(_describe_value(claim), []).append(f"[{claim.article_id}]")
    verb = "later reported as" if fact.status == "revision" else ""
    return [
        f"{verb + ' ' if verb else ''}{value} according to {', '.join(ids)}"
        for value, ids in by_value.items()
    ]
