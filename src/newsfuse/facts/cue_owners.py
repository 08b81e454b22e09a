"""Which figure a change word is the cue of. "The outbreak has risen to 11, including a
7-month-old", "the capital now has 1.3 million inhabitants, while seven regions lost
people", "an increase of 4.1% since the census in 2016": the change word gives its own new
value (11, 1.3 million, 4.1%), and says nothing of a later figure of the sentence that a
window or the head chain also reaches. These read the figure's sentence in the spaCy parse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsfuse.facts.lexicon import GOVERNING_REVISION_CUES, REVISION_CUES, STATE_CUES

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["cue_is_another_figures"]

# Dependencies by which a word takes its value: the object or attribute of a verb ("now
# has 1.3 million", "is now 41.2"), an adverbial measure.
VALUE_DEPENDENCIES = frozenset({"dobj", "obj", "attr", "npadvmod"})
# Prepositions that give a change word's value or the size of its change ("risen to 11",
# "stands at 45", "an increase of 4.1%", "grew by 9%"); not "from", the earlier value.
VALUE_PREPOSITIONS = frozenset({"to", "at", "of", "by"})
# Dependencies that attach an adverb or particle to the verb it modifies ("has [now]").
MODIFIER_DEPENDENCIES = frozenset({"advmod", "prt"})


def _numbers_of(token: Token) -> list[Token]:
    """The number a value word is or that counts it ("11", "1.3 million inhabitants"), with
    a conversion in apposition ("4.52 billion rupees ($51.4 million)")."""
    numbers = [token] if token.like_num else []
    for child in token.children:
        if child.dep_ == "nummod" and child.like_num:
            numbers.append(child)
        elif child.dep_ == "appos":
            numbers.extend(_numbers_of(child))
    return numbers


def _objects_of(preposition: Token) -> list[Token]:
    """The numbers a value preposition takes, and those of one hung from it ("by 6.3% [to]
    €13.40", which the parser attaches to "by")."""
    numbers: list[Token] = []
    for child in preposition.children:
        if child.dep_ == "pobj":
            numbers.extend(_numbers_of(child))
        elif child.dep_ == "prep" and child.lower_ in VALUE_PREPOSITIONS:
            numbers.extend(_objects_of(child))
    return numbers


def _values_of(word: Token) -> list[Token]:
    """The numbers a change word (or the verb its adverb modifies) gives as its value."""
    holder = word.head if word.dep_ in MODIFIER_DEPENDENCIES else word
    values: list[Token] = []
    for child in holder.children:
        if child.dep_ in VALUE_DEPENDENCIES:
            values.extend(_numbers_of(child))
        elif child.dep_ == "prep" and child.lower_ in VALUE_PREPOSITIONS:
            values.extend(_objects_of(child))
    return values


def _is_cue_word(token: Token) -> bool:
    lemma, lower = token.lemma_.lower(), token.lower_
    cues = REVISION_CUES | STATE_CUES
    if lemma in cues or lower in cues:
        return True
    return token.dep_ == "advmod" and lower in GOVERNING_REVISION_CUES


def cue_is_another_figures(span: Span, window: int) -> bool:
    """Whether every change word that reaches the figure, within ``window`` tokens before
    it or on its head chain, gives another number of the sentence as its own value, and
    no verb above the figure takes the figure as its value ("has risen to 11, including
    a [7]-month-old"). Then the figure is told beside a development, not as one."""
    sentence = span.sent
    inside = {token.i for token in span}
    before = list(span.doc[max(sentence.start, span.start - window) : span.start])
    governing = [a for a in span.root.ancestors if sentence.start <= a.i < sentence.end]
    verbs = [word for word in governing if word.pos_ in ("VERB", "AUX")]
    if any(inside & {value.i for value in _values_of(verb)} for verb in verbs):
        return False
    words = [*before, *governing]
    for verb in governing:
        words.extend(child for child in verb.children if child.dep_ in MODIFIER_DEPENDENCIES)
    cues = [word for word in words if _is_cue_word(word)]
    if not cues:
        return False
    for cue in cues:
        values = {value.i for value in _values_of(cue)}
        if not values or values & inside:
            return False
    return True
