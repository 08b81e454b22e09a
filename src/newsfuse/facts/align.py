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

import functools
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

import numpy as np

from newsfuse.facts.dates import MONTHS, WEEKDAYS
from newsfuse.facts.verdict import REVISION_MIN_GAP, values_agree
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
# The head chain links by syntax, not proximity, so its words decay no lower
# than this: "the death [toll] from the sinking of the ferry rose to 17".
SYNTAX_MIN_DECAY = 0.35
# Tokens either side of the number that make up the clause fed to the embedder.
EMBED_WINDOW_TOKENS = 10
# Score weights: lexical cosine, embedding cosine, same counted noun.
LEXICAL_WEIGHT = 0.7
EMBEDDING_WEIGHT = 0.7
HEAD_BONUS = 0.1
# Extra score when two claims carry the same value: equal figures for one
# event are usually the same attribute (see module docstring).
SAME_VALUE_BONUS = 0.4
# Extra score when both claims are the only ones of their kind and unit in
# their articles (the only speed, the only age): with nothing else to pair
# with, they are most likely the same attribute.
UNIQUE_BONUS = 0.15
# Score taken away when one figure is a total and the other a part or an
# increment ("560 additional troops" vs "4,560 troops in total", "23 of the
# train's 96 cars"): different roles are different attributes.
ROLE_MISMATCH_PENALTY = 0.3
# Words marking a figure as a total or as an increment, within a few tokens.
TOTAL_WORDS = frozenset({"total", "overall", "altogether", "all", "whole", "entire", "bring"})
INCREMENT_WORDS = frozenset({"additional", "more", "extra", "another", "further", "new"})
ROLE_WINDOW_TOKENS = 4
# Nouns that make a figure a bound rather than a measurement ("the 50 mph
# limit", "a capacity of 300"): what was allowed is not what happened.
LIMIT_NOUNS = frozenset({"limit", "cap", "capacity", "maximum", "minimum", "threshold", "ceiling"})
# Lemmas of saying: a date on one of them ("officials said Tuesday", "the
# announcement, made on March 10") is when something was said, which is a
# different attribute from when the thing itself happened ("rose to 17 on
# Tuesday"). Statement dates are still compared with each other: when a
# decision is announced, the announcement is the event.
STATEMENT_LEMMAS = frozenset(
    {"say", "tell", "announce", "state", "confirm", "declare", "disclose", "reveal", "testify"}
    | {"claim", "insist", "warn", "note", "explain", "comment", "brief", "report", "add"}
    | {"announcement", "statement", "remark", "comment", "briefing", "interview"}
)
# Prepositions that make a date a reference time, not the day of an event:
# "had burned 12,400 acres by Monday" says when a running figure stood ("as
# of"), "trapped since Tuesday" when a state began.
AS_OF_WORDS = frozenset({"by"})
SINCE_WORDS = frozenset({"since", "until", "till"})
# Score taken away when two different dates play different roles (a statement
# against an event, a start against an end) or are both "as of" dates: each
# report gives its figure as of its own time, so those are not disputes. It is
# a cannot-link in practice (no pair scores much above 2.5): 0.5 still let two
# near-identical sentences ("flooded on Wednesday" / "officials said
# Thursday") merge; facts-dev scores the same with 0.5, 1.0 and 3.0.
DATE_ROLE_PENALTY = 3.0
# Nouns that only say a figure is a count ("the number of injured", "the
# tally of votes"): what they count is the word after "of".
MEASURE_NOUNS = frozenset({"number", "total", "tally", "count", "figure", "toll", "level"})
# How far back the part of a partitive may start: "Twenty-three of the train's
# 96 cars" puts the part six tokens before the whole (spaCy splits the hyphen).
PARTITIVE_WINDOW_TOKENS = 6
# Quantifiers that make "<quantifier> of the N things" a part of a whole of N.
PARTITIVE_QUANTIFIERS = frozenset({"all", "some", "most", "many", "several", "half", "none"})
# Score taken away when two differing figures are this many times apart or
# more: sources that disagree about one attribute differ by a few per cent or
# a few units ("560" vs "600", "12" vs "21"), not by an order of magnitude
# ("a sprint between two runners" vs "38,000 runners").
MAGNITUDE_GAP_RATIO = 10.0
MAGNITUDE_GAP_PENALTY = 0.5
# Score taken away when one figure's own words name a kind of figure from
# CONCEPTS ("the number of [injured] rose to 12") and the other's context names
# no such thing at all ("Forty firefighters spent the night"): a count of
# injured people is not a count of firefighters. "Own words" means a weight of
# at least CONCEPT_STRONG_WEIGHT (the head chain, or the next few tokens).
# Counts only: on ages and percentages it cost three facts-dev items.
CONCEPT_MISMATCH_PENALTY = 0.2
CONCEPT_STRONG_WEIGHT = 0.7
# Score added when two ages belong to the same person (same surname).
PERSON_BONUS = 0.3
# Extra score for two dates that both stand in their article's first sentence:
# the lede reports the main event, so its dates are about the same thing.
LEDE_DATE_BONUS = 0.15
# Extra score when a later article presents its figure as a change ("rose to
# 45") and an earlier one gives a different figure: the change implies the
# attribute was reported before, with another value.
REVISION_BONUS = 0.25
# Minimum average score for two groups to merge: first among agreeing
# figures, then for groups whose figures differ (a dispute).
AGREE_THRESHOLD = 0.45
# 0.56 is the middle of the range (0.54-0.58) where facts-dev scores its best with the
# int8 ONNX embeddings (conflict P/R 0.92/0.92); 0.52 lets one false conflict in, 0.6
# (tuned with the torch embeddings) now misses one (benchmarks/facts.py --clean).
DISPUTE_THRESHOLD = 0.56
# Dates need more to be set against each other: an article names several
# days (the event, the report, the follow-up), so a date that differs is more
# often another event than a disagreement.
DATE_DISPUTE_THRESHOLD = 0.6
# Years even more so: a story names the year of the event, of its history
# ("built in 1967"), of plans ("to open in 2032") and of the copyright line,
# so two different years are set against each other only on strong evidence.
YEAR_DISPUTE_THRESHOLD = 0.9
# Words news copy uses interchangeably for the same kind of figure, mapped to
# one concept so that "killing 38 people" meets "the death toll rose to 45"
# and "troops" meets "soldiers". Keys are Porter stems.
CONCEPTS: dict[str, str] = {
    **dict.fromkeys(["kill", "die", "dead", "death", "toll", "fatal", "bodi", "fatl"], "<death>"),
    **dict.fromkeys(["injur", "injuri", "hurt", "wound"], "<injury>"),
    **dict.fromkeys(["miss", "unaccount"], "<missing>"),
    **dict.fromkeys(["hospit", "hospitalis", "hospitaliz"], "<hospital>"),
    **dict.fromkeys(["evacu", "flee", "displac"], "<evacuation>"),
    **dict.fromkeys(["arrest", "detain", "custodi"], "<arrest>"),
    **dict.fromkeys(["troop", "soldier", "forc"], "<troops>"),
    **dict.fromkeys(["job", "posit", "post", "layoff"], "<jobs>"),
    **dict.fromkeys(["cost", "price", "worth", "valu"], "<cost>"),
    **dict.fromkeys(["vote", "ballot"], "<votes>"),
}
CONCEPT_NAMES = frozenset(CONCEPTS.values())
# Lemmas too generic to tell attributes apart: reporting verbs, light verbs
# whose meaning lies in their complement ("[ended] up in the hospital", "[got]
# sick"), and hedges, which say how exact a figure is, not what it measures.
GENERIC_LEMMAS = frozenset(
    {"say", "tell", "be", "have", "also", "accord", "report", "add"}
    | {"end", "get", "go", "wind", "turn", "make", "take", "become"}
    | {"roughly", "approximately", "nearly", "almost", "estimate", "around", "some"}
)
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
# Date words that name the period a figure measures rather than the day it was
# reported ("inflation in September", "third-quarter profit"): kept as context,
# while weekdays and "yesterday" are dropped.
PERIOD_WORDS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august"}
    | {"september", "october", "november", "december", "quarter", "annual", "fiscal"}
)
# Words that make a token part of a date of its own (weekdays, months).
DATE_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS) | {"yesterday", "today", "tonight"}
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
    lede: bool
    previous: bool
    person: str = ""
    head_word: str = ""  # the counted noun, or a date's event, in a reader's words (subjects)
    role: str = ""  # "total", "increment", "whole", "limit" or "" (see ROLE_MISMATCH_PENALTY)


def dimension_of(claim: Claim) -> str:
    """What can be compared with what: kind and base unit ("quantity:m", "count:")."""
    kind = "year" if claim.attribute == "year" else str(claim.kind)
    return f"{kind}:{claim.unit or ''}"


def _span_tokens(doc: Doc, claim: Claim) -> Span | None:
    return doc.char_span(claim.start, claim.end, alignment_mode="expand")


def _partitive_whole(span: Span) -> Token | None:
    """The noun after "of the" in "23 of the train's 96 cars", else ``None``."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ == "of":
        for child in doc[span.end].children:
            if child.dep_ == "pobj" and child.pos_ in ("NOUN", "PROPN"):
                return child
        for token in doc[span.end + 1 : min(span.end + 8, len(doc))]:
            if token.pos_ in ("VERB", "AUX") or token.is_punct:
                break
            if token.pos_ in ("NOUN", "PROPN") and token.dep_ not in ("compound", "poss"):
                return token
    return None


def _counted_noun(span: Span) -> Token | None:
    """The noun the number counts or measures: "560 [troops]", "a 14-mile [line]"."""
    whole = _partitive_whole(span)
    if whole is not None:
        return whole
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


def _is_partitive_whole(span: Span) -> bool:
    """Whether the number is the whole in a partitive: "23 of the train's [96] cars"."""
    doc = span.doc
    left = doc[max(span.sent.start, span.start - PARTITIVE_WINDOW_TOKENS) : span.start]
    for index, token in enumerate(left):
        if token.lower_ != "of" or index == 0:
            continue
        part = left[index - 1]
        # The part is a number or a quantifier ("23 of", "most of"); "each of the
        # 46 families" and "an increase of 18 %" are no partitives of the figure.
        if not (part.like_num or part.lower_ in PARTITIVE_QUANTIFIERS):
            continue
        # Only the determiner or owner of the whole stands between ("of the train's").
        if all(
            t.pos_ in ("DET", "PRON", "PROPN", "NOUN", "ADJ", "PART") for t in left[index + 1 :]
        ):
            return True
    return False


@functools.cache
def stem_word(word: str) -> str:
    """Porter stem (Porter 1980), so "announced" and "announcement" meet."""
    return str(_porter().stem(word))


_stem = stem_word


@functools.cache
def _porter() -> Any:
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer()


def _syntax_tokens(span: Span, noun: Token | None) -> set[int]:
    """Tokens that name the number's role: its head chain, and the subject and
    object of the verb that governs it ("the death [toll] rose to 45")."""
    syntax: set[int] = set()
    for ancestor in span.root.ancestors:
        syntax.add(ancestor.i)
        if ancestor.pos_ in ("VERB", "AUX"):
            for child in ancestor.children:
                if child.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "acomp", "prt"):
                    syntax.add(child.i)
                    syntax.update(grand.i for grand in child.children if grand.dep_ == "compound")
                    if child.lemma_.lower() in MEASURE_NOUNS:
                        # "the number of [injured] rose to 12": the measure names its thing
                        syntax.update(
                            great.i
                            for grand in child.children
                            if grand.dep_ == "prep" and grand.lower_ == "of"
                            for great in grand.children
                            if great.dep_ == "pobj"
                        )
                if child.dep_ == "prep":
                    syntax.update(grand.i for grand in child.children if grand.dep_ == "pobj")
            break
    if noun is not None:
        syntax.add(noun.i)
        syntax.update(child.i for child in noun.children)
    return syntax


def _is_previous_value(span: Span) -> bool:
    """Whether the number is the old value of a change: "up from 38", "from 62 to 64"."""
    doc = span.doc
    before = [token.lower_ for token in doc[max(0, span.start - 2) : span.start]]
    if not before or before[-1] != "from":
        return False
    after = [token.lower_ for token in doc[span.end : min(len(doc), span.end + 2)]]
    sentence = span.sent
    changes = any(
        token.lemma_.lower() in REVISION_CUES or token.lower_ in ("to", "up", "down")
        for token in sentence
    )
    return changes and (
        "up" in before
        or "down" in before
        or "to" in after
        or "to" in [token.lower_ for token in doc[max(sentence.start, span.start - 4) : span.start]]
    )


def _person_of(span: Span) -> str:
    """Surname of the person an age belongs to: the nearest PERSON in the sentence,
    else the last one named before it ("... Peter Lomuria won. The 24-year-old ..."),
    else the first one named after it (a delayed lede)."""
    sentence = span.sent
    people = [entity for entity in span.doc.ents if entity.label_ == "PERSON"]
    inside = [entity for entity in people if sentence.start <= entity.start < sentence.end]
    if inside:
        nearest = min(inside, key=lambda entity: abs(entity.start - span.start))
        return _surname(nearest)
    before = [entity for entity in people if entity.end <= sentence.start]
    if before:
        return _surname(before[-1])
    # A delayed lede ("A 61-year-old retired teacher has won ...") names its
    # person only in a following sentence: the first person named after it.
    after = [entity for entity in people if entity.start >= sentence.end]
    return _surname(after[0]) if after else ""


def _surname(entity: Span) -> str:
    """The last word of a name, without a possessive ("Peter Lomuria's" → "lomuria")."""
    words = [token.lower_ for token in entity if token.is_alpha]
    return words[-1] if words else ""


def _date_role(span: Span) -> str:
    """What a date is the day of: "as of" ("by Monday"), "since" ("since Tuesday"),
    "statement" ("officials said Tuesday"), or "" for the day of an event."""
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    if before in AS_OF_WORDS or (
        before in ("of", "at") and span.start > 1 and doc[span.start - 2].lower_ == "as"
    ):
        return "as of"
    if before in SINCE_WORDS:
        return "since"
    verb = next((t for t in span.root.ancestors if t.pos_ in ("VERB", "AUX", "NOUN")), None)
    if span.root.pos_ == "VERB":
        verb = span.root
    if verb is None:
        return ""
    related = [verb]
    if verb.pos_ != "NOUN":
        related += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if verb.dep_ in ("acl", "relcl"):
            related.append(verb.head)  # "the announcement, made on March 10"
    if any(token.lemma_.lower() in STATEMENT_LEMMAS for token in related):
        return "statement"
    return ""


def _noun_phrase(noun: Token) -> str:
    """A noun with its adjective and compound modifiers, as written ("additional US troops")."""
    words = [c for c in noun.children if c.dep_ in ("amod", "compound", "nummod") and c.i < noun.i]
    words = [c for c in words if not c.like_num and c.dep_ != "nummod"]
    return " ".join([*(w.text for w in words), noun.text])


def _event_phrase(span: Span) -> str:
    """What a date is the day of, in a reader's words: "send troops", "ferry capsized".

    The date's governing verb (for a statement, the verb of what was said:
    "the US will send 600 troops, Carter said on Wednesday" gives "send
    troops") with its object, else its subject. Used for readable subjects.
    """
    verb = next(
        (
            t
            for t in span.root.ancestors
            if t.pos_ == "VERB" or (t.pos_ == "NOUN" and t.ent_type_ not in ("DATE", "TIME"))
        ),
        None,
    )  # "during the Wednesday evening rush hour" is about the hour's verb, not "evening"
    if verb is None:
        return ""
    if verb.pos_ == "NOUN":
        return _noun_phrase(verb)  # "Tuesday's election", "the May 2 banquet"
    if verb.lemma_.lower() in STATEMENT_LEMMAS:
        said = [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
        if said:
            verb = said[0]
        elif verb.dep_ in ("ccomp", "parataxis", "advcl", "conj") and verb.head.pos_ == "VERB":
            verb = verb.head  # "The US will send 600 troops, Carter said": "said" hangs below
    objects = [c for c in verb.children if c.dep_ in ("dobj", "attr") and c.pos_ == "NOUN"]
    if objects:
        return f"{verb.lemma_.lower()} {_noun_phrase(objects[0])}"
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"]
    if subjects:
        return f"{_noun_phrase(subjects[0])} {verb.text.lower()}"
    return verb.lemma_.lower()


def _date_scope(span: Span) -> list[Token]:
    """The tokens that tell what a date is the day of.

    Usually the whole sentence: it reports one event. When the sentence names
    another day too ("miners trapped since Tuesday were brought to the surface
    Friday"), each date keeps its own verb's phrase, without the parts of it
    that hold the other dates, so the two days are not described alike.
    """
    sentence = span.sent
    others = {
        token.i
        for token in sentence
        if token.ent_type_ == "DATE" and not span.start <= token.i < span.end
        and token.lower_.rstrip(".") in DATE_WORDS
    }  # fmt: skip
    if not others:
        return list(sentence)
    verb = next((t for t in span.root.ancestors if t.pos_ in ("VERB", "AUX")), span.root)
    kept: set[int] = set()

    def keep(token: Token) -> None:
        # Whole subtrees without another date; where one holds a date, its head
        # word stays ("miners [trapped since Tuesday]") and the search goes down.
        subtree = {t.i for t in token.subtree}
        if not subtree & others or token.i == span.root.i:
            kept.update(subtree)
            return
        if token.i not in others:
            kept.add(token.i)
        if token.dep_ in ("conj", "relcl", "acl", "advcl", "ccomp") and token is not verb:
            return  # a clause of its own, about the other date
        for child in token.children:
            keep(child)

    keep(verb)
    return [token for token in sentence if token.i in kept]


def _date_roles_clash(first: Mention, second: Mention) -> bool:
    """Whether two dates that differ are days of different things (see DATE_ROLE_PENALTY)."""
    if values_agree(first.claim, second.claim):
        return False
    return first.role != second.role or first.role == "as of"


def _role_of(span: Span, noun: Token | None) -> str:
    """Whether a figure is a total ("4,560 in total", "the train's 96 cars" in a
    partitive) or an increment ("560 additional troops", "600 more"), else ""."""
    if _is_partitive_whole(span):
        return "whole"
    if noun is not None and noun.lemma_.lower() in LIMIT_NOUNS:
        return "limit"
    doc = span.doc
    sentence = span.sent
    nearby = list(doc[max(sentence.start, span.start - ROLE_WINDOW_TOKENS) : span.start])
    nearby += list(doc[span.end : min(sentence.end, span.end + ROLE_WINDOW_TOKENS)])
    if noun is not None:
        nearby += [child for child in noun.children if child.dep_ == "amod"]
    words = {token.lemma_.lower() for token in nearby}
    if words & INCREMENT_WORDS:
        return "increment"
    if words & TOTAL_WORDS:
        return "total"
    return ""


def describe_claim(claim: Claim, doc: Doc) -> Mention:
    """Collect the aligner's view of one claim from the parsed article."""
    span = _span_tokens(doc, claim)
    dimension = dimension_of(claim)
    if span is None or len(span) == 0:
        return Mention(claim, dimension, "", (), (), claim.text, False, False, False)
    sentence = span.sent
    noun = _counted_noun(span) if claim.kind in ("count", "quantity", "money", "percent") else None
    head = _stem(noun.lemma_.lower()) if noun is not None else ""
    modifiers: tuple[str, ...] = ()
    if noun is not None:
        modifiers = tuple(
            child.lemma_.lower()
            for child in noun.children
            if child.dep_ in ("amod", "compound") and child.i not in range(span.start, span.end)
        )
    syntax = _syntax_tokens(span, noun)
    scope = _date_scope(span) if claim.kind == "date" else list(sentence)
    weights: dict[str, float] = {}
    for token in scope:
        if span.start <= token.i < span.end:
            continue
        if token.pos_ not in CONTENT_POS or token.is_stop or token.like_num:
            continue
        if token.ent_type_ in ("DATE", "TIME") and token.lemma_.lower() not in PERIOD_WORDS:
            continue  # "on Monday" is when, not what; days differ between reports
        lemma = token.lemma_.lower()
        if lemma in GENERIC_LEMMAS or not re.search(r"[a-z]", lemma):
            continue
        distance = span.start - token.i if token.i < span.start else token.i - span.end + 1
        weight = 0.5 ** (distance / CONTEXT_DECAY_TOKENS)
        if token.i in syntax:
            weight = SYNTAX_BOOST * max(weight, SYNTAX_MIN_DECAY)
        stem = _stem(lemma)
        weights[stem] = max(weights.get(stem, 0.0), weight)
        if stem in CONCEPTS:
            concept = CONCEPTS[stem]
            weights[concept] = max(weights.get(concept, 0.0), weight)
    if claim.attribute:
        weights[claim.attribute] = SYNTAX_BOOST
    if _is_partitive_whole(span):
        weights["<whole>"] = SYNTAX_BOOST
    previous = _is_previous_value(span)
    person = _person_of(span) if claim.kind == "age" else ""
    if claim.kind == "date":
        # A date is about the event its clause reports (see _date_scope).
        before = " ".join(token.text for token in scope if token.i < span.start)
        after = " ".join(token.text for token in scope if token.i >= span.end)
        clause = f"{before} DATE {after}".strip()
    else:
        left = max(sentence.start, span.start - EMBED_WINDOW_TOKENS)
        right = min(sentence.end, span.end + EMBED_WINDOW_TOKENS)
        clause = f"{doc[left : span.start].text} NUMBER {doc[span.end : right].text}".strip()
    cue = any(
        token.lemma_.lower() in REVISION_CUES or token.lower_ in REVISION_CUES
        for token in doc[max(sentence.start, span.start - REVISION_CUE_WINDOW) : span.start]
    )
    lede = sentence.start == next(iter(doc.sents)).start
    return Mention(
        claim,
        dimension + (":previous" if previous else ""),
        head,
        modifiers,
        tuple(sorted(weights.items())),
        clause,
        cue and not previous and claim.kind != "date",  # dates do not "rise"
        lede,
        previous,
        person,
        _event_phrase(span) if claim.kind == "date" else _head_word(noun),
        _date_role(span) if claim.kind == "date" else _role_of(span, noun),
    )


def _head_word(noun: Token | None) -> str:
    return noun.lemma_.lower() if noun is not None else ""


def _roles_clash(first: str, second: str) -> bool:
    """Whether two figures play different roles: a total against an increment, or
    the whole of a partitive ("of the train's [96] cars") against anything but
    another whole, since the whole is the denominator, not the event's figure;
    likewise a limit ("the 50 mph limit") against anything but another limit."""
    if first == second:
        return False
    return bool(first and second) or "whole" in (first, second) or "limit" in (first, second)


def _concept_missing(first: Mention, second: Mention) -> bool:
    """Whether ``first`` names a kind of figure strongly that ``second`` never mentions."""
    strong = {
        lemma for lemma, w in first.context if lemma in CONCEPT_NAMES and w >= CONCEPT_STRONG_WEIGHT
    }
    mentioned = {lemma for lemma, _ in second.context}
    return bool(strong) and not strong & mentioned


def _far_apart(first: Claim, second: Claim) -> bool:
    """Whether two numbers differ by at least ``MAGNITUDE_GAP_RATIO`` times."""
    a, b = first.value, second.value
    if isinstance(a, str) or isinstance(b, str) or a <= 0 or b <= 0:
        return False
    return max(a, b) / min(a, b) >= MAGNITUDE_GAP_RATIO


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


def _is_later_revision(
    later: Mention, earlier: Mention, published: Mapping[str, datetime | None]
) -> bool:
    later_time = published.get(later.claim.article_id)
    earlier_time = published.get(earlier.claim.article_id)
    return (
        later.revision_cue
        and later_time is not None
        and earlier_time is not None
        and later_time - earlier_time >= REVISION_MIN_GAP
    )


def value_specificity(claim: Claim) -> float:
    """How telling it is that two articles share this exact value, from 0.2 to 1.

    Sharing "3" or "2" says little (many things come in threes); sharing
    "48,213", "$2.5bn" or "18,600 square metres" is almost never a
    coincidence. Measured by the size of the number on a log scale; dates and
    names are moderately specific.
    """
    if isinstance(claim.value, str):
        return 0.6
    magnitude = math.log10(abs(claim.value) + 1)
    specificity = magnitude / 3
    if not float(claim.value).is_integer():
        # A stated decimal ("3.1 %", "4.25 %") is as telling as its significant
        # digits: "3.1" is as unlikely a coincidence as "31".
        digits = re.sub(r"\D", "", claim.text).lstrip("0")
        specificity = max(specificity, len(digits) / 3)
    return max(0.2, min(1.0, specificity))


def score_pairs(
    mentions: Sequence[Mention],
    embedder: Embedder | None,
    published: Mapping[str, datetime | None] | None = None,
) -> np.ndarray:
    """Pairwise alignment scores (without the same-value bonus); -inf where not comparable."""
    count = len(mentions)
    scores = np.full((count, count), -np.inf)
    if count == 0:
        return scores
    lexical = _lexical_vectors(mentions)
    # Limits do not count against uniqueness: "going 47 mph in a 50 mph zone"
    # still gives one speed of the train.
    per_article = Counter((m.claim.article_id, m.dimension) for m in mentions if m.role != "limit")
    head_frequency = Counter(m.head for m in mentions if m.head)
    embeddings = embedder.encode([m.clause for m in mentions]) if embedder is not None else None
    for i in range(count):
        for j in range(i + 1, count):
            first, second = mentions[i], mentions[j]
            if first.claim.article_id == second.claim.article_id:
                continue
            if first.dimension != second.dimension:
                continue
            overlap = sum(value * lexical[j].get(lemma, 0.0) for lemma, value in lexical[i].items())
            if embeddings is not None:
                semantic = float(embeddings[i] @ embeddings[j])
                score = LEXICAL_WEIGHT * overlap + EMBEDDING_WEIGHT * semantic
            else:
                score = overlap
            if first.head and first.head == second.head:
                # A common head ("people") says less than a rare one ("helicopters").
                rarity = math.log(count / head_frequency[first.head]) / math.log(count)
                score += HEAD_BONUS * min(1.0, 2 * rarity)
            if (
                "limit" not in (first.role, second.role)
                and per_article[(first.claim.article_id, first.dimension)] == 1
                and per_article[(second.claim.article_id, second.dimension)] == 1
            ):
                score += UNIQUE_BONUS
            if first.claim.kind == "date":
                if _date_roles_clash(first, second):
                    score -= DATE_ROLE_PENALTY
            elif _roles_clash(first.role, second.role):
                score -= ROLE_MISMATCH_PENALTY
            if _far_apart(first.claim, second.claim):
                score -= MAGNITUDE_GAP_PENALTY
            if first.claim.kind == "count" and (
                _concept_missing(first, second) or _concept_missing(second, first)
            ):
                score -= CONCEPT_MISMATCH_PENALTY
            if first.person and first.person == second.person:
                score += PERSON_BONUS
            if first.claim.kind == "date" and first.lede and second.lede:
                score += LEDE_DATE_BONUS
            if published is not None and (
                _is_later_revision(first, second, published)
                or _is_later_revision(second, first, published)
            ):
                score += REVISION_BONUS
            scores[i, j] = scores[j, i] = score
    return scores


def group_mentions(
    mentions: Sequence[Mention],
    embedder: Embedder | None,
    published: Mapping[str, datetime | None] | None = None,
) -> list[list[Mention]]:
    """Cluster mentions into attributes: average linkage, one mention per article per group.

    ``published`` (article id → publication time) lets a later "rose to 45"
    reach back to an earlier, different figure.
    """
    scores = score_pairs(mentions, embedder, published)
    count = len(mentions)
    for i in range(count):
        for j in range(i + 1, count):
            if np.isfinite(scores[i, j]) and values_agree(mentions[i].claim, mentions[j].claim):
                bonus = SAME_VALUE_BONUS * value_specificity(mentions[i].claim)
                scores[i, j] = scores[j, i] = scores[i, j] + bonus
    agreeing = np.zeros((count, count), dtype=bool)
    for i in range(count):
        for j in range(i + 1, count):
            agreeing[i, j] = agreeing[j, i] = values_agree(mentions[i].claim, mentions[j].claim)
    by_dimension: dict[str, list[int]] = {}
    for index, mention in enumerate(mentions):
        by_dimension.setdefault(mention.dimension, []).append(index)
    grouped: list[list[Mention]] = []
    for dimension, indices in by_dimension.items():
        dispute_threshold = DISPUTE_THRESHOLD
        if dimension.startswith("date:"):
            dispute_threshold = max(DISPUTE_THRESHOLD, DATE_DISPUTE_THRESHOLD)
        if dimension.startswith("year:"):
            dispute_threshold = max(DISPUTE_THRESHOLD, YEAR_DISPUTE_THRESHOLD)
        block = np.ix_(indices, indices)
        clusters = _cluster(
            scores[block],
            agreeing[block],
            [mentions[i].claim.article_id for i in indices],
            dispute_threshold,
        )
        clusters = [[indices[i] for i in cluster] for cluster in clusters]
        clusters = _join_restatements(clusters, mentions, scores, agreeing, dispute_threshold)
        grouped.extend([mentions[i] for i in cluster] for cluster in clusters)
    return grouped


def _join_restatements(
    clusters: list[list[int]],
    mentions: Sequence[Mention],
    scores: np.ndarray,
    agreeing: np.ndarray,
    dispute_threshold: float,
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
    """
    changed = True
    while changed:
        changed = False
        for a in range(len(clusters)):
            for b in range(a + 1, len(clusters)):
                joined = _try_join(clusters[a], clusters[b], mentions, scores, agreeing,
                                   dispute_threshold)  # fmt: skip
                if joined is not None:
                    clusters[a] = joined
                    del clusters[b]
                    changed = True
                    break
            if changed:
                break
    return clusters


def _try_join(
    first: list[int],
    second: list[int],
    mentions: Sequence[Mention],
    scores: np.ndarray,
    agreeing: np.ndarray,
    dispute_threshold: float,
) -> list[int] | None:
    by_article_first = {mentions[i].claim.article_id: i for i in first}
    by_article_second = {mentions[i].claim.article_id: i for i in second}
    shared = by_article_first.keys() & by_article_second.keys()
    if not shared or len(shared) in (len(first), len(second)):
        return None
    if not all(agreeing[by_article_first[k], by_article_second[k]] for k in shared):
        return None
    pairs = [
        scores[i, j]
        for i in first
        for j in second
        if mentions[i].claim.article_id != mentions[j].claim.article_id
    ]
    if not pairs or not all(np.isfinite(pairs)):
        return None
    joined = first + [j for j in second if mentions[j].claim.article_id not in shared]
    all_agree = all(agreeing[i, j] for i in joined for j in joined if i < j)
    threshold = AGREE_THRESHOLD if all_agree else dispute_threshold
    return joined if float(np.mean(pairs)) >= threshold else None


def _cluster(
    scores: np.ndarray, agreeing: np.ndarray, articles: Sequence[str], dispute_threshold: float
) -> list[list[int]]:
    """Average linkage (UPGMA) with a cannot-link per article, in two passes.

    First only groups whose figures all agree merge (at ``AGREE_THRESHOLD``),
    then any groups (at ``dispute_threshold``): a figure with an agreeing
    partner of the same meaning is not pulled into a dispute with a
    look-alike. Sums of scores between groups are kept and updated on each
    merge (Lance & Williams 1967), so a merge costs O(n) rather than O(n²).
    """
    count = len(articles)
    article_index = {article: k for k, article in enumerate(dict.fromkeys(articles))}
    members = np.zeros((count, len(article_index)), dtype=bool)
    for i, article in enumerate(articles):
        members[i, article_index[article]] = True
    totals = np.where(np.isfinite(scores), scores, 0.0)
    disagreements = (~agreeing).astype(float)
    sizes = np.ones(count)
    alive = np.ones(count, dtype=bool)
    groups: list[list[int]] = [[i] for i in range(count)]
    for agreeing_only, threshold in ((True, AGREE_THRESHOLD), (False, dispute_threshold)):
        while True:
            average = totals / np.outer(sizes, sizes)
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
            sizes[a] += sizes[b]
            alive[b] = False
    return [group for group in groups if group]
