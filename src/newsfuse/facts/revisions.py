"""Whether a figure is presented as a development: the cue that makes a later value
a revision rather than a disagreement ("the death toll has climbed to 11",
"insurers have revised their estimate ... up to 95 million", "the landing was
postponed to March 6"). These read the figure's sentence in the spaCy parse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsfuse.facts.lexicon import MOVED_DATE_CUES, REVISION_CUES, STATE_CUES

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["has_moved_date_cue", "has_revision_cue"]


def _is_cue(token: Token, cues: frozenset[str]) -> bool:
    return token.lemma_.lower() in cues or token.lower_ in cues


def _governing_words(span: Span) -> list[Token]:
    """The words that govern the figure in its sentence: the head chain of its root
    and each head's adverbs ("has now risen"), however far back they stand."""
    sentence = span.sent
    words: list[Token] = []
    for ancestor in span.root.ancestors:
        if not sentence.start <= ancestor.i < sentence.end:
            break
        words.append(ancestor)
        words.extend(child for child in ancestor.children if child.dep_ in ("advmod", "prt"))
    return words


def has_revision_cue(span: Span, window: int, states: bool = False) -> bool:
    """Whether a change word ("rose", "revised", "now") stands within ``window``
    tokens before the figure or among the words that govern it, which may stand
    further back ("revised their estimate of the cost of the flooding up to 95m").
    With ``states``, a verb of a lasting state governing it is one too ("26 people
    [remain] missing", "12 are [still] in hospital"): the count as it now stands."""
    sentence = span.sent
    before = span.doc[max(sentence.start, span.start - window) : span.start]
    if any(_is_cue(token, REVISION_CUES) for token in before):
        return True
    governing = _governing_words(span)
    if states and any(_is_cue(token, STATE_CUES) for token in governing):
        return True
    return any(_is_cue(token, REVISION_CUES) for token in governing)


def has_moved_date_cue(span: Span, window: int) -> bool:
    """Whether a date is presented as moved ("postponed to", "pushed back to",
    "moved to", "will now take place on"): a later report's new date for the same
    event, which is a revision of the earlier date, not a dispute over it."""
    sentence = span.sent
    before = span.doc[max(sentence.start, span.start - window) : span.start]
    if any(_is_cue(token, MOVED_DATE_CUES) for token in before):
        return True
    return any(_is_cue(token, MOVED_DATE_CUES) for token in _governing_words(span))
