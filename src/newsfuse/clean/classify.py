"""Decide, line by line, what in one article is boilerplate, and why.

Two kinds of evidence are combined with position:

* strong signals (caption credits, copyright lines, page counters, update
  stamps, bylines, interface text, a line that is one note about the page (an
  opinion disclaimer, an editor's note, a provided photo caption, a call to
  action), a repeated title, lines shared with unrelated articles of the batch)
  remove a line wherever it is;
* weak signals (short fragments, label lines, reader prompts, bare dates,
  notices in another language) remove a line only at the head or tail of the
  article, peeling inwards until the first line that has no signal. A story
  sentence in the middle is therefore never removed on weak evidence.

A related-articles list at the tail ("More from World" followed by headlines
and teasers cut with "...") is found by its shape: a run of headline-like
lines each optionally followed by a one-sentence teaser.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from newsfuse.clean import signals
from newsfuse.clean.language import detect_main_language, is_foreign
from newsfuse.clean.params import CleanParams

# Bylines, datelines and repeated titles sit in the first few lines of a body.
HEAD_LINES = 5
# A related-articles list needs this many teasers cut with an ellipsis, or one
# such teaser and this many headlines; fewer is too weak to tell from a story's
# closing subheadings.
RELATED_MIN_ELLIPSIS_TEASERS = 2
RELATED_MIN_HEADLINES = 3

# Every shape-based signal concerns short lines (captions, stamps, counters, prompts
# run to a few dozen words); longer lines are paragraphs of story and skip those checks.
SHORT_LINE_MAX_CHARS = 600

# Reasons recorded in Removal.reason (stable strings: benchmarks count by them).
REASON_REPEATED = "repeated in unrelated articles"
REASON_CAPTION = "photo caption or credit"
REASON_COPYRIGHT = "copyright line"
REASON_COUNTER = "view counter"
REASON_STAMP = "update stamp"
REASON_DATE = "date line"
REASON_BYLINE = "byline"
REASON_INTERFACE = "interface text"
REASON_TITLE = "repeated title"
REASON_PROMPT = "share/comment prompt"
REASON_WIDGET = "social widget or reader notice"
REASON_FOREIGN = "notice in another language"
REASON_LABEL = "source or label line"
REASON_FRAGMENT = "navigation or label fragment"
REASON_RELATED = "related-articles list"
REASON_DATELINE = "wire dateline"
REASON_DISCLAIMER = "opinion disclaimer"
REASON_EDITOR_NOTE = "editor's note"
REASON_ACTION = "call to action"
# Notes about the page (``signals.page_note_kind``) the cleaner removes when one fills a
# line. Left to the brief: a pointer to the layout ("as shown below"), since the rest of
# its sentence can be story; a provided photo caption, which states story facts
# ("... shows X after he was sentenced"; removing them lost reference words on dev); and
# "The author is a ...", which in a story about a book is story.
NOTE_REASONS = {
    signals.NOTE_OPINION: REASON_DISCLAIMER,
    signals.NOTE_EDITOR: REASON_EDITOR_NOTE,
    signals.NOTE_ACTION: REASON_ACTION,
}


@dataclass(frozen=True, slots=True)
class Line:
    """One non-empty line of an article and the paragraph it belongs to."""

    paragraph: int
    text: str


def split_lines(text: str) -> list[Line]:
    """Split text into non-empty lines, numbering paragraphs (blank-line separated)."""
    lines: list[Line] = []
    for number, paragraph in enumerate(re.split(r"\n\s*\n", text)):
        lines.extend(Line(number, line.strip()) for line in paragraph.split("\n") if line.strip())
    return lines


def normalise_line(text: str) -> str:
    """Lowercased, whitespace-collapsed form of a line, for comparing lines."""
    return " ".join(text.lower().split())


def strong_reason(line: str, *, title: str, repeated: frozenset[str]) -> str:
    """The reason to remove ``line`` wherever it is, or ""."""
    if normalise_line(line) in repeated:
        return REASON_REPEATED
    if title and normalise_line(line) == normalise_line(title):
        return REASON_TITLE
    if len(line) > SHORT_LINE_MAX_CHARS:
        return ""
    if signals.is_caption_credit(line):
        return REASON_CAPTION
    if signals.is_copyright(line):
        return REASON_COPYRIGHT
    if signals.is_counter(line):
        return REASON_COUNTER
    if signals.stamp_kind(line) == "stamp":
        return REASON_STAMP
    if signals.byline_name(line) or signals.is_contributor_credit(line):
        return REASON_BYLINE
    if signals.is_interface_line(line):
        return REASON_INTERFACE
    # A note of one sentence filling its line; in a longer line it is left to the brief.
    if signals.sentence_count(line) <= 1:
        return NOTE_REASONS.get(signals.page_note_kind(line), "")
    return ""


def weak_reason(line: str, *, language: str) -> str:
    """The reason to remove ``line`` if it is at the head or tail of the article, or ""."""
    if len(line) > SHORT_LINE_MAX_CHARS:
        return REASON_FOREIGN if is_foreign(line, language) else ""
    if signals.stamp_kind(line) == "date":
        return REASON_DATE
    if signals.is_reader_prompt(line):
        return REASON_PROMPT
    if signals.is_reader_notice(line):
        return REASON_WIDGET
    if is_foreign(line, language):
        return REASON_FOREIGN
    if signals.is_label_line(line):
        return REASON_LABEL
    if signals.is_fragment(line):
        return REASON_FRAGMENT
    return ""


@dataclass(frozen=True, slots=True)
class Classification:
    """Why each line of an article is boilerplate ("" to keep it), and the main language
    of the kept lines (see :func:`~newsfuse.clean.language.detect_main_language`)."""

    reasons: tuple[str, ...]
    language: str


def classify_lines(
    lines: list[Line],
    *,
    title: str,
    repeated: frozenset[str],
    params: CleanParams | None = None,
) -> Classification:
    """For each line, the reason it is boilerplate, or "" to keep it; and the language
    the kept lines are in, judged on the same lines the foreign-notice check used.

    ``params.keep_figure_blocks`` keeps the figure paragraphs peeling would drop next to
    the story (see :func:`_keep_figure_blocks`)."""
    if params is None:
        params = CleanParams()
    texts = [line.text for line in lines]
    reasons = [strong_reason(text, title=title, repeated=repeated) for text in texts]
    if params.drop_link_lines:
        reasons = [
            reason or (REASON_RELATED if signals.is_link_line(text) else "")
            for reason, text in zip(reasons, texts, strict=True)
        ]
    weak: dict[tuple[int, str], str] = {}

    def weak_at(index: int, language: str) -> str:
        if (index, language) not in weak:
            weak[index, language] = weak_reason(texts[index], language=language)
        return weak[index, language]

    # Removing a related list can expose more tail to peel, peeling can expose a
    # related list, and both change the article's main language (judged on the
    # lines still kept): repeat until nothing changes, so that cleaning the
    # cleaned text again removes nothing more.
    while True:
        before = list(reasons)
        _mark_related_list(texts, reasons)
        language = detect_main_language([t for t, r in zip(texts, reasons, strict=True) if not r])
        # Weak signals are only looked at where peeling reaches: the head and the tail.
        for order in (range(len(lines)), reversed(range(len(lines)))):
            for index in order:
                reason = reasons[index] or weak_at(index, language)
                if not reason:
                    break
                reasons[index] = reason
        if reasons == before:
            if params.keep_figure_blocks:
                # Judged again in the final language: a line first peeled as a fragment
                # may be foreign to it, and the cleaned text is judged in that language.
                weak_reason_of = partial(weak_at, language=language)
                _keep_figure_blocks(lines, reasons, weak_reason_of, params.figure_block_min_lines)
            return Classification(tuple(reasons), language)


# Peeling drops these on shape alone; a figure block is made of such lines.
FIGURE_BLOCK_REASONS = frozenset({REASON_LABEL, REASON_FRAGMENT})
# A paragraph is a figure block when at least this share of its lines states a figure:
# a box or results list may have a header without one ("KEY FIGURES:", "RESULTS - ...").
FIGURE_BLOCK_MIN_SHARE = 0.5


def _keep_figure_blocks(
    lines: list[Line], reasons: list[str], weak_reason_of: Callable[[int], str], min_lines: int
) -> None:
    """Keep again the paragraphs of short figure lines that peeling removed next to the
    story text: a key-figures box closing it, a results list or a stage header opening it.

    From the first (last) kept line outwards, paragraph by paragraph, a paragraph is kept
    while every line of it was peeled as a label or fragment, it has at least ``min_lines``
    lines, and at least ``FIGURE_BLOCK_MIN_SHARE`` of them state a figure
    (``signals.is_figure_line``). The first paragraph that is not such a block stops the
    walk, so a block beyond other boilerplate (a link list after "Advertisement") is never
    reached.
    """
    kept = [index for index, reason in enumerate(reasons) if not reason]
    if not kept:
        return

    def peeled_as_figure_block(index: int) -> bool:
        return (
            0 <= index < len(lines)
            and reasons[index] in FIGURE_BLOCK_REASONS
            and weak_reason_of(index) in FIGURE_BLOCK_REASONS
        )

    for edge, step in ((kept[0], -1), (kept[-1], 1)):
        index = edge + step
        while peeled_as_figure_block(index):
            paragraph = lines[index].paragraph
            block = []
            while peeled_as_figure_block(index) and lines[index].paragraph == paragraph:
                block.append(index)
                index += step
            # The paragraph must end here: a line of it removed for another reason (a
            # date, a prompt) makes it page furniture, not a box.
            whole = not (0 <= index < len(lines) and lines[index].paragraph == paragraph)
            figures = sum(1 for i in block if signals.is_figure_line(lines[i].text))
            too_small = len(block) < min_lines or figures < FIGURE_BLOCK_MIN_SHARE * len(block)
            if not whole or figures == 0 or too_small:
                break
            for i in block:
                reasons[i] = ""


def _mark_related_list(texts: list[str], reasons: list[str]) -> None:
    start = len(texts)
    while start > 0:
        index = start - 1
        text = texts[index]
        # Lines already removed are looked through, so that cleaning twice agrees with once.
        previous = next((i for i in range(index - 1, -1, -1) if not reasons[i]), None)
        follows_headline = previous is not None and signals.is_headline_like(texts[previous])
        one_sentence = (
            signals.sentence_count(text) <= 1
            and len(signals.words_of(text)) <= signals.TEASER_MAX_WORDS
        )
        if not (
            reasons[index]
            or signals.is_headline_like(text)
            or signals.is_listed_headline(text)
            or signals.is_teaser(text)
            or (follows_headline and one_sentence)
        ):
            break
        start = index
    # The list starts with its header, a headline-like line (or an already removed one).
    while start < len(texts) and not (reasons[start] or signals.is_headline_like(texts[start])):
        start += 1
    run = [index for index in range(start, len(texts)) if not reasons[index]]
    teasers = sum(1 for index in run if signals.is_teaser(texts[index]))
    headlines = sum(1 for index in run if signals.is_headline_like(texts[index]))
    listed = sum(1 for index in run if signals.is_listed_headline(texts[index]))
    if (
        teasers >= RELATED_MIN_ELLIPSIS_TEASERS
        or (teasers >= 1 and headlines >= RELATED_MIN_HEADLINES)
        # A bulleted run of headlines closing the article is a link list even without teasers.
        or listed >= RELATED_MIN_HEADLINES
    ):
        for index in run:
            reasons[index] = REASON_RELATED
