"""Light compression: drop a sentence's trailing attribution and its asides.

News sentences carry words a brief can spare: a trailing attribution (", police said.",
", according to the ministry.") and parentheticals in round brackets or between two dashes
("(a former teacher)", "-- the third this year --"). Dropping them frees words of the
budget for facts. Nothing inside quotation marks is ever touched, an attribution is
kept whenever the sentence quotes anyone (it names the speaker), and a bracket that
only spells out an abbreviation ("(FBI)") is kept, since the brief may use it later.

A compressed sentence is the text of the article pieces it keeps, joined as they are
(each piece keeps its own spacing), so its citation is one span per kept piece:
``article_text[start:end]`` of the spans, concatenated, is the compressed text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from newsfuse.model import BriefSentence, Citation, Sentence

_QUOTES = '"“”‘’'
# A trailing attribution, the sentence's final punctuation excluded: ", police said",
# ", the ministry told reporters", ", according to the coastguard". A few words only:
# a longer clause before "said" carries content of its own.
_ATTRIBUTION = re.compile(
    r",\s+(?:according\s+to\s+[^,;:()\[\]]{1,60}?"
    r"|(?:[^\s,;:()\[\]]+\s+){1,5}?(?:said|says|reported|reports|told\s+[^\s,;:]+(?:\s+[^\s,;:]+)?|added|noted|announced))"
    r"(?=[.!?]$)"
)
# Asides in round brackets and between two dashes, with the space before them. Square
# brackets are not asides: an editor's insertion names what the text leaves unnamed
# ("They [the firefighters] arrived").
_BRACKETED = re.compile(r"\s+\([^()\[\]]{1,120}\)")
_DASHED = re.compile(r"\s+(?:--|—|–)\s+[^—–]{1,120}?\s+(?:--|—|–)(?=\s)")
_FIGURE = re.compile(r"\d")
# A bracket that only spells out an abbreviation ("(FBI)", "(U.N.)"): kept.
_ABBREVIATION = re.compile(r"\s+\([A-Z][A-Z.&-]{1,9}\)")


def compress_text(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` to keep, in order, once its trailing attribution and its
    asides outside quotation marks are cut; ``[(0, len(text))]`` when nothing is cut."""
    cuts: list[tuple[int, int]] = []
    for pattern in (_BRACKETED, _DASHED):
        for match in pattern.finditer(text):
            if _ABBREVIATION.fullmatch(match.group()) or _quoted(text, match.start(), match.end()):
                continue
            # An aside with a figure states a fact ("30 (34%) cases", "40 miles (65km)").
            if _FIGURE.search(match.group()):
                continue
            start, end = match.span()
            # "a CPU, (not named), and": the aside's own comma goes with it.
            if text[start - 1 : start] == "," and text[end : end + 1] in ",;":
                end += 1
            cuts.append((start, end))
    if not any(q in text for q in _QUOTES):
        attribution = _ATTRIBUTION.search(text)
        if attribution is not None:
            cuts.append(attribution.span())
    return _kept(len(text), cuts)


def compress_sentences(
    brief: Sequence[BriefSentence], texts: Mapping[str, str], min_words: int
) -> list[BriefSentence]:
    """``brief`` with each sentence taken as written from its article (its first citation's
    span is its text; ``texts``: article texts by id) compressed (:func:`compress_text`),
    if at least ``min_words`` words are left; its first citation becomes one span per
    kept piece, the other citations stay."""
    return [_compress(sentence, texts, min_words) for sentence in brief]


def _compress(sentence: BriefSentence, texts: Mapping[str, str], min_words: int) -> BriefSentence:
    if not sentence.citations:
        return sentence
    own = sentence.citations[0]
    written = texts.get(own.article_id, "")[own.start : own.end]
    kept = compress_text(written)
    text = "".join(written[start:end] for start, end in kept)
    if kept == [(0, len(written))] or (
        # Compressed already (before selection) or compressed now; a passage joined from
        # several pieces, or text rewritten, is left as it is.
        sentence.text != text and (sentence.text != written or len(text.split()) < min_words)
    ):
        return sentence
    spans = tuple(
        Citation(own.article_id, own.start + start, own.start + end, own.score)
        for start, end in kept
    )
    return replace(sentence, text=text, citations=(*spans, *sentence.citations[1:]))


def compress_passage(sentence: Sentence, article_text: str, min_words: int) -> Sentence:
    """``sentence`` (a span of ``article_text`` as written) with its text compressed
    (:func:`compress_text`) if at least ``min_words`` words are left; its span stays the
    whole sentence (:func:`compress_sentences` cites the kept pieces once it is chosen)."""
    if article_text[sentence.start : sentence.end] != sentence.text:
        return sentence
    kept = compress_text(sentence.text)
    text = "".join(sentence.text[start:end] for start, end in kept)
    if kept == [(0, len(sentence.text))] or len(text.split()) < min_words:
        return sentence
    return replace(sentence, text=text)


def _kept(length: int, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of ``range(length)`` outside ``cuts`` (overlapping cuts merged)."""
    kept = []
    position = 0
    for start, end in sorted(cuts):
        if start > position:
            kept.append((position, start))
        position = max(position, end)
    if position < length:
        kept.append((position, length))
    return kept


def _quoted(text: str, start: int, end: int) -> bool:
    """True if ``text[start:end]`` is inside a quotation or contains a quotation mark."""
    if any(q in text[start:end] for q in _QUOTES):
        return True
    before = text[:start]
    curly = before.count("“") > before.count("”")
    return curly or before.count('"') % 2 == 1
