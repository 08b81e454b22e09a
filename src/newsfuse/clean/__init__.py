"""Clean: remove boilerplate from article text, keeping every sentence of the story.

Stage contract: :func:`clean_articles` takes the raw articles of one read and
returns new articles whose ``text`` is the story alone (paragraphs joined by a
blank line); ``Article.removed`` lists each dropped block with its reason.
Metadata found in dropped lines (an update stamp, a byline) fills
``published`` and ``author`` when they are not known yet, and the main language
of the kept lines (found to tell foreign notices from the story) fills
``language``. A document that is
not an article at all (a consent wall, an error page, a crawl notice; see
:mod:`newsfuse.clean.documents`) gets ``Article.non_article`` set to the reason,
and :func:`clean_report` reports it as skipped unless asked to keep it.

The approach is line classification by shape, position, wording and language,
in the spirit of boilerplate detection by shallow text features (Kohlschütter
et al., WSDM 2010, "Boilerplate Detection using Shallow Text Features"), plus
repetition across the articles of the batch. It is deliberately conservative:
in the middle of an article only strong evidence removes a line.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from itertools import combinations

from newsfuse.clean import signals
from newsfuse.clean.classify import (
    HEAD_LINES,
    REASON_BYLINE,
    REASON_DATE,
    REASON_DATELINE,
    REASON_STAMP,
    Line,
    classify_lines,
    normalise_line,
    split_lines,
)
from newsfuse.clean.documents import is_non_article
from newsfuse.clean.params import CleanParams
from newsfuse.clean.stamps import parse_stamp
from newsfuse.model import Article, ReadReport, Removal, Skipped

__all__ = [
    "CleanParams",
    "clean_article",
    "clean_articles",
    "clean_report",
    "find_repeated_lines",
    "is_non_article",
]

# Two articles sharing a line are "unrelated" (so the line is site furniture, not
# a wire story both reprint) when their other words overlap less than this
# (Jaccard of content-word sets). Reports of one event share names and numbers
# and score well above 0.1; articles on different events score a few percent.
UNRELATED_MAX_JACCARD = 0.08
# When one of them is nothing but shared lines, its words must be found in the
# other's own text less often than this: a reprinted wire story shares names and
# places with the rest of the article that reprints it; site furniture does not.
UNRELATED_MAX_CONTAINMENT = 0.15
# Holders are judged by their own text when it has at least this many content words.
UNRELATED_MIN_OWN_WORDS = 20  # distinct content words outside shared lines
# Content words are at least this long (shorter ones are mostly function words).
CONTENT_WORD_MIN_CHARS = 4
# Frequent English words of four letters or more: they say nothing about the topic.
COMMON_WORDS = signals.word_set(
    "that this with from have been were they their them then than there these those "
    "will would could should said says about after before every other being which "
    "when what where while some into over such most just like very even back many "
    "much more also only still does each made make time year years people first last "
    "well your yours here above below starting added period because through"
)


def clean_articles(articles: Sequence[Article], params: CleanParams | None = None) -> list[Article]:
    """Remove boilerplate from every article; returns one cleaned article per input, in order.

    All articles of a read are passed together so that lines repeated across
    unrelated articles (site furniture) can be recognised. An article may come
    back with empty ``text`` if nothing in it was story (see :func:`clean_report`).
    """
    repeated = find_repeated_lines(articles)
    return [clean_article(article, repeated=repeated, params=params) for article in articles]


def clean_report(report: ReadReport, *, keep_non_articles: bool = False) -> ReadReport:
    """Clean a read; articles left with no text, and non-articles, move to ``skipped``.

    A non-article (``Article.non_article`` set: a consent wall, an error page, a
    crawl notice) is reported as skipped with its reason so that it neither forms
    a story nor feeds a brief, and is never silently lost. ``keep_non_articles``
    keeps such documents among the articles, still flagged, for a caller who
    knows better (the detector is conservative, but it can be wrong).
    """
    kept: list[Article] = []
    skipped = list(report.skipped)
    for article in clean_articles(report.articles):
        if article.non_article and not keep_non_articles:
            skipped.append(
                Skipped(
                    article.origin or article.id,
                    f"document {article.id!r} is not an article ({article.non_article}); "
                    "left out of stories and briefs; if it is one, pass --keep-non-articles "
                    "(keep_non_articles=True in Python)",
                )
            )
        elif article.text:
            kept.append(article)
        else:
            reasons = sorted({removal.reason for removal in article.removed})
            skipped.append(
                Skipped(
                    article.origin or article.id,
                    f"article {article.id!r} is all boilerplate ({', '.join(reasons)}); "
                    "nothing left to summarise",
                )
            )
    return ReadReport(articles=tuple(kept), skipped=tuple(skipped))


def clean_article(
    article: Article,
    *,
    repeated: frozenset[str] = frozenset(),
    params: CleanParams | None = None,
) -> Article:
    """Clean one article; ``repeated`` are normalised lines known to be site furniture."""
    params = params or CleanParams()
    lines = split_lines(article.text)
    classified = classify_lines(lines, title=article.title, repeated=repeated, params=params)
    kept: list[Line] = []
    removed: list[Removal] = []
    published, author = article.published, article.author
    previous_reason = ""
    for line, reason in zip(lines, classified.reasons, strict=True):
        if not reason:
            kept.append(line)
        elif reason == previous_reason:  # consecutive lines removed for one reason: one block
            removed[-1] = Removal(removed[-1].text + "\n" + line.text, reason)
        else:
            removed.append(Removal(line.text, reason))
        previous_reason = reason
        if reason and published is None and reason in (REASON_STAMP, REASON_DATE):
            published = parse_stamp(line.text)
        if reason == REASON_BYLINE and not author:
            author = signals.byline_name(line.text)
    kept = _strip_dateline(kept, removed)
    cleaned = replace(article, text=_join(kept), removed=(*article.removed, *removed))
    if published is None:  # "LONDON, March 3, 2021 (Reuters) -": a dateline with a year
        datelines = [r.text for r in removed if r.reason == REASON_DATELINE]
        dated = [d for d in datelines if re.search(r"\b(19|20)\d{2}\b", d)]
        published = parse_stamp(dated[0]) if dated else None
    return replace(
        cleaned,
        published=published,
        author=author,
        non_article=article.non_article or (is_non_article(cleaned) or ""),
        language=article.language or classified.language,
    )


def _strip_dateline(kept: list[Line], removed: list[Removal]) -> list[Line]:
    # A wire dateline opens the body; every one among the first lines is stripped (not
    # just the first) so that cleaning twice gives the same text as cleaning once.
    result = list(kept)
    for position, line in enumerate(kept[:HEAD_LINES]):
        prefix = signals.dateline_prefix(line.text)
        if prefix:
            removed.append(Removal(prefix.strip(), REASON_DATELINE))
            result[position] = Line(line.paragraph, line.text[len(prefix) :])
    return result


def _join(lines: list[Line]) -> str:
    paragraphs: list[list[str]] = []
    previous: int | None = None
    for line in lines:
        if line.paragraph != previous:
            paragraphs.append([])
            previous = line.paragraph
        paragraphs[-1].append(line.text)
    return "\n\n".join("\n".join(paragraph) for paragraph in paragraphs)


def _content_words(text: str) -> set[str]:
    return {
        word
        for word in (w.lower() for w in signals.words_of(text))
        if len(word) >= CONTENT_WORD_MIN_CHARS and word not in COMMON_WORDS and not word.isdigit()
    }


def find_repeated_lines(articles: Sequence[Article]) -> frozenset[str]:
    """Normalised lines that occur in two or more unrelated articles of the batch.

    A line shared by articles about the same event is kept: wire copy reprinted
    by several outlets is story, not furniture. Two holders are compared by the
    words of their own (unshared) lines; when one holder has no text of its own
    (it is nothing but shared lines), all its words are compared with the other's
    own words instead. Two holders that are both nothing but shared lines cannot
    be told apart from two copies of one story, so they never decide.
    """
    holders: dict[str, set[int]] = defaultdict(set)
    line_sets: list[set[str]] = []
    for number, article in enumerate(articles):
        normalised = {normalise_line(line.text) for line in split_lines(article.text)}
        normalised = {line for line in normalised if any(c.isalpha() for c in line)}
        line_sets.append(normalised)
        for line in normalised:
            holders[line].add(number)
    shared = {line: owners for line, owners in holders.items() if len(owners) > 1}
    if not shared:
        return frozenset()
    own: dict[int, set[str]] = {}
    whole: dict[int, set[str]] = {}

    def own_words(number: int) -> set[str]:
        if number not in own:
            lines = [line for line in line_sets[number] if line not in shared]
            own[number] = _content_words("\n".join(lines))
        return own[number]

    def all_words(number: int) -> set[str]:
        if number not in whole:
            whole[number] = _content_words("\n".join(line_sets[number]))
        return whole[number]

    def unrelated(first: int, second: int) -> bool:
        first_own = len(own_words(first)) >= UNRELATED_MIN_OWN_WORDS
        second_own = len(own_words(second)) >= UNRELATED_MIN_OWN_WORDS
        if first_own and second_own:
            return _jaccard(own_words(first), own_words(second)) < UNRELATED_MAX_JACCARD
        if first_own or second_own:
            with_text, without = (first, second) if first_own else (second, first)
            bare = all_words(without)
            if not bare:
                return False
            contained = len(bare & own_words(with_text)) / len(bare)
            return contained < UNRELATED_MAX_CONTAINMENT
        return False

    repeated = set()
    for line, owners in shared.items():
        if any(unrelated(a, b) for a, b in combinations(sorted(owners), 2)):
            repeated.add(line)
    return frozenset(repeated)


def _jaccard(first: set[str], second: set[str]) -> float:
    union = first | second
    return len(first & second) / len(union) if union else 0.0
