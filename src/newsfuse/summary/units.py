"""Grow a candidate sentence into a passage that stands alone, for the brief to choose.

A sentence lifted out of its article may lean on the one before it ("He said ...",
"These rules ...", "If anything, ...") or be half of a quotation the splitter cut.
Dropping such sentences costs ROUGE (the scorer wants them: they carry the story);
this module repairs them instead: the passage is the sentence together with the
article's sentences it needs, the one before for a dangling opening, the rest of
the quotation for a cut one, as long as the whole stays within the chosen-sentence
length. The passage is one contiguous span of the article (its citation), its text
the pieces joined by one space (a paragraph break between them would split a list
item in Markdown). A sentence that cannot be repaired has no passage.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from newsfuse.model import Sentence
from newsfuse.summary.learned import looks_like_page_furniture
from newsfuse.summary.lexical import (
    additive_outside_quotes,
    dangling_reason,
    has_unbalanced_quotes,
    lacks_speaker,
    names_speaker,
    opens_quotation,
)
from newsfuse.summary.params import BriefParams


def stand_alone(
    sentence: Sentence, pieces: Sequence[Sentence], text: str, params: BriefParams = BriefParams()
) -> Sentence | None:
    """``sentence`` grown into a passage of ``pieces`` (its article's sentences, in order,
    ``text`` the article's text) whose opening needs no antecedent and whose quotation
    marks pair up; ``sentence`` itself when it already stands alone; None when no passage
    of at most ``params.max_passage_pieces`` sentences and ``params.max_chosen_words``
    words does."""
    stands = _stands_alone(sentence.text, params)
    # "have also been discharged": what it adds to is likely in the sentence before; the
    # sentence still stands alone grammatically, so it is kept as is when that fails.
    # Only a sentence long enough to be chosen alone: a short page line ("Please try again
    # later.") must not become choosable by growing.
    adds = (
        params.repair_additive
        and len(sentence.text.split()) >= params.min_chosen_words
        and additive_outside_quotes(sentence.text)
    )
    if stands and not adds:
        return sentence
    fallback = sentence if stands else None
    # A bare quotation is repaired only by a sentence that says who spoke.
    needs_speaker = params.attribute_quotations and lacks_speaker(sentence.text)
    position = _position(sentence, pieces)
    if position is None:
        return fallback
    first = last = position
    joined = sentence.text
    words = len(joined.split())
    while last - first + 1 < params.max_passage_pieces:
        # An open quotation goes on in the sentences after; a dangling opening, or a
        # quotation closed but not opened here, needs the sentence before.
        opened = has_unbalanced_quotes(joined) and opens_quotation(joined)
        nxt = last + 1 if opened else first - 1
        if not 0 <= nxt < len(pieces):
            return fallback
        piece = pieces[nxt]
        earlier, later = (piece, pieces[first]) if nxt < first else (pieces[last], piece)
        if text[earlier.end : later.start].strip() or looks_like_page_furniture(piece.text):
            return fallback
        words += len(piece.text.split())
        if words > params.max_chosen_words:
            return fallback
        first, last = min(first, nxt), max(last, nxt)
        joined = " ".join(p.text for p in pieces[first : last + 1])
        if (
            _stands_alone(joined, params)
            and (not needs_speaker or names_speaker(joined))
            and (not adds or first < position)
        ):
            return replace(
                sentence,
                index=pieces[first].index,
                start=pieces[first].start,
                end=pieces[last].end,
                text=joined,
                paragraph=pieces[first].paragraph,
            )
    return fallback


def _stands_alone(text: str, params: BriefParams) -> bool:
    return (
        not dangling_reason(text)
        and not has_unbalanced_quotes(text)
        and not (params.attribute_quotations and lacks_speaker(text))
    )


def _position(sentence: Sentence, pieces: Sequence[Sentence]) -> int | None:
    """Index of the piece that is ``sentence`` (same span), or None."""
    for position, piece in enumerate(pieces):
        if (piece.start, piece.end) == (sentence.start, sentence.end):
            return position
    return None
