"""Split an article's cleaned text into sentences located by character span.

Sentence boundaries come from syntok (rule-based, no data files; it knows
abbreviations such as "U.S.", "Gen." and "Jan." and keeps a closing quote with
its sentence). Around it this module enforces what the later stages rely on:

* paragraphs are separated by blank lines and no sentence spans a blank line;
* a headline-like line without closing punctuation (a title, a dateline, a
  sub-heading) followed by a line that starts a new sentence is a sentence of
  its own, while hard-wrapped prose (lines broken mid-sentence) is joined;
* a closing quote or bracket that syntok left at the start of the next
  sentence is moved back to the sentence it closes;
* spans tile the paragraph: every non-space character belongs to exactly one
  sentence and ``article.text[s.start:s.end] == s.text`` always holds.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator

from newsfuse.model import Article, Sentence

# Articles whose sentences are remembered (least recently used dropped first): a
# story of up to a few hundred articles is split once however many stages read it;
# a long news article's sentences take tens of kB.
SPLIT_CACHE_SIZE = 512

# A blank line (possibly holding spaces or tabs) separates paragraphs.
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")

# A line longer than this many words is prose, not a heading, even without a full stop:
# headlines and sub-headings in news rarely exceed 15 words.
MAX_HEADING_WORDS = 15

# In a paragraph of three or more lines, a line at least this fraction of the longest
# line's length is taken as hard-wrapped prose: wrapping fills lines to a nearly
# constant width, headings are visibly shorter than the text below them.
WRAP_LENGTH_RATIO = 0.8

# Hard-wrapped text is wrapped at 60-80 columns; a line shorter than this is never
# taken for a wrapped line of prose.
MIN_WRAP_WIDTH = 50

# Characters that may end a sentence (closing quotes and brackets may follow them).
_TERMINAL = ".!?…:;"
_CLOSERS = "\"'”’»)]}"
_OPENERS = "\"'“‘«([{"
# Words after which a line cannot end a heading: the phrase plainly continues.
_CONTINUATION_TEXT = (
    "a an the of to in on at for and or but with by from as that which who whose "
    "is are was were be been has have had will would said says"
)
_CONTINUATION_WORDS = frozenset(_CONTINUATION_TEXT.split())


def split_sentences(article: Article) -> list[Sentence]:
    """Split ``article.text`` into sentences with spans, article-order indices and paragraphs.

    Empty or whitespace-only text gives an empty list. Results are remembered
    for the last SPLIT_CACHE_SIZE articles (by id and text), so the stages that
    each need an article's sentences (the evaluation harness, the brief) split
    it once.
    """
    return list(_split_text(article.id, article.text))


@functools.lru_cache(maxsize=SPLIT_CACHE_SIZE)
def _split_text(article_id: str, text: str) -> tuple[Sentence, ...]:
    sentences: list[Sentence] = []
    for paragraph, (para_start, para_end) in enumerate(_paragraph_spans(text)):
        for start, end in _sentence_spans(text, para_start, para_end):
            sentences.append(
                Sentence(
                    article_id=article_id,
                    index=len(sentences),
                    start=start,
                    end=end,
                    text=text[start:end],
                    paragraph=paragraph,
                )
            )
    return tuple(sentences)


def _paragraph_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``[start, end)`` of each paragraph that holds non-space text."""
    start = 0
    for match in PARAGRAPH_BREAK.finditer(text):
        if text[start : match.start()].strip():
            yield start, match.start()
        start = match.end()
    if text[start:].strip():
        yield start, len(text)


def _sentence_spans(text: str, para_start: int, para_end: int) -> Iterator[tuple[int, int]]:
    """Yield trimmed sentence spans that tile ``text[para_start:para_end]``."""
    cuts = sorted(
        {para_start}
        | set(_heading_cuts(text, para_start, para_end))
        | set(_syntok_cuts(text, para_start, para_end))
    )
    cuts = [_move_past_closers(text, cut, para_end) for cut in cuts]
    bounds = [*sorted(set(cuts)), para_end]
    for start, end in itertools.pairwise(bounds):
        trimmed = _trim(text, start, end)
        if trimmed is not None:
            yield trimmed


def _syntok_cuts(text: str, para_start: int, para_end: int) -> Iterator[int]:
    """Yield the offsets where syntok starts a sentence inside the paragraph."""
    # Loaded on the first split: syntok's import (its regex tables) is not needed by --help.
    import syntok.segmenter

    chunk = text[para_start:para_end]
    try:
        for paragraph in syntok.segmenter.analyze(chunk):
            for sentence in paragraph:
                if sentence:
                    yield para_start + sentence[0].offset
    except (ValueError, IndexError, RecursionError):  # pragma: no cover - defensive
        # syntok chokes on a few pathological strings; the paragraph stays one sentence.
        return


def _heading_cuts(text: str, para_start: int, para_end: int) -> Iterator[int]:
    """Yield the start of every line that follows a headline-like line."""
    lines = _line_spans(text, para_start, para_end)
    if len(lines) < 2:
        return
    longest = max(end - start for start, end in lines)
    for (start, end), (next_start, _) in itertools.pairwise(lines):
        line = text[start:end]
        next_first = text[next_start]
        starts_sentence = next_first.isupper() or next_first.isdigit() or next_first in _OPENERS
        # A line ending in a full stop is left to syntok, which knows "Gen." from "end.".
        if _ends_sentence(line) or not starts_sentence:
            continue
        width = end - start
        wrapped = len(lines) >= 3 and width >= max(MIN_WRAP_WIDTH, WRAP_LENGTH_RATIO * longest)
        if _looks_like_heading(line) and not wrapped:
            yield next_start


def _line_spans(text: str, para_start: int, para_end: int) -> list[tuple[int, int]]:
    """Return the trimmed spans of the non-empty lines of a paragraph."""
    spans: list[tuple[int, int]] = []
    position = para_start
    for raw in text[para_start:para_end].split("\n"):
        trimmed = _trim(text, position, position + len(raw))
        if trimmed is not None:
            spans.append(trimmed)
        position += len(raw) + 1
    return spans


def _ends_sentence(line: str) -> bool:
    stripped = line.rstrip(_CLOSERS + " ")
    return bool(stripped) and stripped[-1] in _TERMINAL


def _looks_like_heading(line: str) -> bool:
    words = line.split()
    if not words or len(words) > MAX_HEADING_WORDS:
        return False
    last = words[-1].lower()
    return last not in _CONTINUATION_WORDS and not line.rstrip().endswith((",", "-", "–", "—"))


def _move_past_closers(text: str, cut: int, para_end: int) -> int:
    """Move a cut right past closing quotes/brackets that belong to the previous sentence.

    A closer belongs to the previous sentence when it touches that sentence's
    final punctuation (no space between) and is followed by space or the end.
    """
    if cut == 0 or text[cut - 1] not in _TERMINAL:
        return cut
    position = cut
    while position < para_end and text[position] in _CLOSERS:
        position += 1
    if position == cut:
        return cut
    if position == para_end or text[position].isspace():
        return position
    return cut


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Shrink ``[start, end)`` to exclude surrounding whitespace; None if nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
