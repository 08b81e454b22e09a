"""Repair an article's sentences before the brief chooses among them.

The splitter cuts where a reader would not: a quotation running over two sentences
becomes two halves with one quotation mark each, and a list dash or rule glued to
a paragraph ("--A 76-year-old ...") opens a sentence. Each repair keeps the
sentence a span of the article as written (``article.text[start:end] == text``),
so citations stay exact.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from newsfuse.model import Sentence
from newsfuse.summary.learned import looks_like_page_furniture
from newsfuse.summary.lexical import has_unbalanced_quotes, junk_edges, opens_quotation
from newsfuse.summary.params import BriefParams

# "… All we want is her return.": an ellipsis opening a sentence marks text left out.
_OPENING_ELLIPSIS = re.compile(r"(?:…|\.{3})\s*(?=[\w\"“'‘])")
# "CLOSE United says ...": a video player's close button glued to its caption; and
# "Kabul, Afghanistan (CNN) A wedding ..." or "(CNN) Rangers ...": a dateline (a place,
# a wire in brackets) glued to the first sentence without a dash. Neither is the sentence's text.
_OPENING_FURNITURE = re.compile(
    r"(?:CLOSE\s+|(?:[A-Z][\w.'’]*(?: [A-Z][\w.'’]*){0,3}"
    r"(?:, [A-Z][\w.'’]*(?: [A-Z][\w.'’]*){0,3})?\s*)?"
    r"\((?:[A-Z][A-Za-z.]{1,15})\)\s*(?:[—–-]+\s*)?)(?=[\"“]?[A-Z])"
)


def trim_junk(sentence: Sentence) -> Sentence:
    """``sentence`` without list dashes, bullets, pipes, rules, an opening ellipsis, a
    player's "CLOSE" or a dateline ("Kabul (CNN)") at either edge (its span narrowed to
    match); unchanged if clean or nothing but junk."""
    head, tail = junk_edges(sentence.text)
    ellipsis = _OPENING_ELLIPSIS.match(sentence.text, head)
    head = ellipsis.end() if ellipsis else head
    furniture = _OPENING_FURNITURE.match(sentence.text, head)
    head = furniture.end() if furniture else head
    if not head and not tail:
        return sentence
    kept = sentence.text[head : len(sentence.text) - tail]
    stripped = kept.strip()
    if not stripped:
        return sentence
    start = sentence.start + head + (len(kept) - len(kept.lstrip()))
    return replace(sentence, start=start, end=start + len(stripped), text=stripped)


def rejoin_quotations(
    sentences: Sequence[Sentence], article_text: str, params: BriefParams = BriefParams()
) -> list[Sentence]:
    """The article's sentences with each quotation the splitter cut joined back into one.

    A sentence that opens a quotation it does not close is joined with the sentences
    after it in its paragraph, up to the first with which its quotation marks pair up,
    if the whole stays within ``params.max_chosen_words`` words and none of the
    pieces is page furniture (a caption glued to a quotation stays out). The joined
    sentence is the article's text from the first piece's start to the last one's end.
    Pieces that cannot be joined are left as they are (the brief does not choose them).
    """
    repaired: list[Sentence] = []
    position = 0
    while position < len(sentences):
        first = sentences[position]
        joined_to = (
            _closing_piece(sentences, position, params) if opens_quotation(first.text) else None
        )
        if joined_to is None:
            repaired.append(first)
            position += 1
            continue
        last = sentences[joined_to]
        repaired.append(replace(first, end=last.end, text=article_text[first.start : last.end]))
        position = joined_to + 1
    return repaired


def _closing_piece(sentences: Sequence[Sentence], opening: int, params: BriefParams) -> int | None:
    """Index of the sentence that closes the quotation ``sentences[opening]`` opens, or None."""
    first = sentences[opening]
    if looks_like_page_furniture(first.text):
        return None
    words = len(first.text.split())
    pieces = [first.text]
    for later in range(opening + 1, min(len(sentences), opening + 1 + params.max_quotation_pieces)):
        piece = sentences[later]
        words += len(piece.text.split())
        if (
            piece.paragraph != first.paragraph
            or words > params.max_chosen_words
            or looks_like_page_furniture(piece.text)
        ):
            return None
        pieces.append(piece.text)
        if not has_unbalanced_quotes(" ".join(pieces)):
            return later
    return None
