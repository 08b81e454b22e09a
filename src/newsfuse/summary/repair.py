"""Repairs to an article's sentences before anything is chosen: whole quotations, no junk.

The sentence splitter cuts a quotation that holds a full stop ("“We left. Then
the roof fell,” she said.") into pieces, one with an opening mark and no
closing one; lifted into a brief, each half misleads. Pages also leave list
dashes, bullets and rules glued to a sentence ("--A 76-year-old man ...").
:func:`repair_sentences` re-joins the pieces of a quotation within a paragraph
and trims the junk; spans stay exact (``text == article.text[start:end]``), so
citations still point at what the source says. A half-quotation that cannot be
re-joined is left as is for the brief not to choose
(:func:`~newsfuse.summary.lexical.has_unbalanced_quotes`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from newsfuse.model import Article, Sentence
from newsfuse.summary.lexical import has_unbalanced_quotes, junk_edges, opens_quotation
from newsfuse.summary.params import BriefParams


def repair_sentences(
    article: Article, sentences: Sequence[Sentence], params: BriefParams = BriefParams()
) -> list[Sentence]:
    """``sentences`` of ``article`` with cut quotations re-joined and junk edges trimmed.

    Re-joined sentences are renumbered in article order.
    """
    joined = rejoin_quotations(article, sentences, params)
    return [replace(trim_junk(sentence), index=index) for index, sentence in enumerate(joined)]


def rejoin_quotations(
    article: Article, sentences: Sequence[Sentence], params: BriefParams = BriefParams()
) -> list[Sentence]:
    """Join a sentence that opens a quotation with the following sentences of its paragraph
    up to the one that closes it, if the result balances within ``params.max_chosen_words``
    words; otherwise keep the pieces."""
    repaired: list[Sentence] = []
    position = 0
    while position < len(sentences):
        sentence = sentences[position]
        end = (
            _closing_position(sentences, position, params)
            if opens_quotation(sentence.text)
            else None
        )
        if end is None:
            repaired.append(sentence)
            position += 1
            continue
        last = sentences[end]
        repaired.append(
            replace(sentence, end=last.end, text=article.text[sentence.start : last.end])
        )
        position = end + 1
    return repaired


def _closing_position(sentences: Sequence[Sentence], first: int, params: BriefParams) -> int | None:
    """Position of the sentence that closes the quotation ``sentences[first]`` opens, or None."""
    words = len(sentences[first].text.split())
    text = sentences[first].text
    for position in range(first + 1, len(sentences)):
        following = sentences[position]
        if following.paragraph != sentences[first].paragraph:
            return None
        words += len(following.text.split())
        if words > params.max_chosen_words:
            return None
        text += " " + following.text
        if not has_unbalanced_quotes(text):
            return position
    return None


def trim_junk(sentence: Sentence) -> Sentence:
    """``sentence`` without leading or trailing junk characters (its span trimmed to match)."""
    head, tail = junk_edges(sentence.text)
    if (head == 0 and tail == 0) or head + tail >= len(sentence.text):
        return sentence
    return replace(
        sentence,
        start=sentence.start + head,
        end=sentence.end - tail,
        text=sentence.text[head : len(sentence.text) - tail],
    )
