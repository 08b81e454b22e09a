"""Whether a count is what is left of a group an earlier report counted: "four remain in
hospital" after "27 people were taken to hospital", "three men are still at large" after
"five men broke out", "all but nine of the evacuated homes". Such a remainder is a subset
of the event's total, not a later value of it, so it neither revises nor disputes that
total. A remainder of a state ("26 people remain missing" after "32 were missing") is the
state's count now, and stays comparable. These read the figure's sentence in the spaCy
parse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["is_event_count", "is_remainder"]

# Verbs of staying in a state: their subject is what is left ("four remain in hospital").
STAYING_VERBS = frozenset({"remain", "stay"})
# Adverbs that make a state's count what is left of a group ("three are still at large").
STILL_ADVERBS = frozenset({"still"})
# Words right before a count that make it what is left of a group ("all but nine").
REMAINDER_OPENINGS = (("all", "but"),)
# Tags of a verb telling an event: the past tense and the past participle ("were
# taken", "broke out"); a present participle ("were missing") is a state.
EVENT_TAGS = frozenset({"VBD", "VBN"})
# Verbs whose past tells a state, not an event ("were", "remained", "had").
STATE_LEMMAS = frozenset({"be", "remain", "stay", "have"})


# Dependencies by which a verb takes the state its subject is in as an adjective or a
# participle ("remain missing", "remain seriously injured", "are still closed").
STATE_COMPLEMENTS = frozenset({"acomp", "xcomp", "oprd", "attr"})


def _own_verb(span: Span) -> tuple[Token | None, str]:
    """The first verb or auxiliary above the figure in its sentence (its clause's verb),
    and the dependency by which the figure's branch hangs from it."""
    sentence = span.sent
    below = span.root
    for ancestor in span.root.ancestors:
        if not sentence.start <= ancestor.i < sentence.end:
            return None, ""
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor, below.dep_
        below = ancestor
    return None, ""


def is_remainder(span: Span) -> bool:
    """Whether a count is what is left of a group: the subject of a verb of staying
    ("another nine people remain in intensive care"), or of a clause with "still" ("three
    men are still at large"), that says where they stay, or a count after "all but" ("all
    but nine of the evacuated homes"). Not a state named as an adjective or participle
    ("26 people remain missing", "two remain seriously injured"): that names the attribute
    itself, whose count it is now; nor a figure the verb reaches by a preposition ("the
    number of homes destroyed remained at 37")."""
    doc = span.doc
    for words in REMAINDER_OPENINGS:
        first = span.start - len(words)
        if first >= span.sent.start and tuple(t.lower_ for t in doc[first : span.start]) == words:
            return True
    verb, reached_by = _own_verb(span)
    if verb is None or reached_by not in ("nsubj", "nsubjpass"):
        return False
    children = list(verb.children)
    if any(child.dep_ in STATE_COMPLEMENTS for child in children):
        return False
    staying = verb.lemma_.lower() in STAYING_VERBS or any(
        child.dep_ == "advmod" and child.lower_ in STILL_ADVERBS for child in children
    )
    return staying and any(child.dep_ == "prep" for child in children)


def is_event_count(span: Span) -> bool:
    """Whether a count is told by the event that made its group ("27 people were taken to
    hospital", "five men broke out", "62 homes were evacuated"): its clause's verb is a
    lexical verb in the past, not a state ("32 were missing", "3,200 customers were
    without power")."""
    verb, _ = _own_verb(span)
    return (
        verb is not None
        and verb.pos_ == "VERB"
        and verb.tag_ in EVENT_TAGS
        and verb.lemma_.lower() not in STATE_LEMMAS
    )


# Dependencies by which a count qualified by an adverb hangs after the count of its group
# ("Eleven people were injured, [four] critically", "..., two of them seriously").
SUBSET_DEPENDENCIES = frozenset({"npadvmod", "appos", "conj"})


def is_degree_subset(span: Span) -> bool:
    """Whether a count is the part of a group that an adverb of degree marks off, told after
    the group's own count ("Eleven people were injured, four critically", "nine were hurt,
    two of them seriously"): a subgroup, not the group's count, so it is neither a
    revision nor a dispute of another report's total. The parser hangs such a count
    variously, so a comma before it stands for the dependency."""
    root = span.root
    after_comma = span.start > span.sent.start and span.doc[span.start - 1].text == ","
    return (root.dep_ in SUBSET_DEPENDENCIES or after_comma) and any(
        child.dep_ == "advmod"
        and child.pos_ == "ADV"
        and child.lower_.endswith("ly")
        and child.i > root.i
        for child in root.children
    )
