"""A story's headline: a source title where one exists, else a short line made from the lead.

A story list titled with a body sentence ("The FBI is looking into the incident,
one of the officials said.") does not say what happened. Sources usually carry a
title; Multi-News documents and pasted text do not, so the headline is then cut
from the brief's lead: its main clause, without dateline, attribution or
parentheticals, at most ``params.headline_words`` words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from newsfuse.model import Article, BriefSentence
from newsfuse.segment import split_sentences
from newsfuse.summary.params import BriefParams

# "WASHINGTON (AP) — ", "LONDON, March 3 - ": a dateline names the desk, not the event.
_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]+(?:\([^)]*\))?[^—–-]{0,20}?\s[—–-]+\s+")
_PARENTHETICAL = re.compile(r"\s*\([^()]*\)")
# ", police said." / ", according to officials.": who said it is not the news.
_ATTRIBUTION = re.compile(
    r",?\s*(?:according to [^,]+|[^,]{0,60}\b(?:said|says|reported|reports|announced|"
    r"confirmed|told [^,]+))\s*[.!?]?[\"”']?$",
)
# Where a long clause may be cut: before a preposition or conjunction.
_CUT_BEFORE_TEXT = """
after before as at because by during for from in into on over since through to under until
when where while with without amid despite following and but
"""
_CUT_BEFORE = frozenset(_CUT_BEFORE_TEXT.split())
# Words that open an introductory phrase before the main clause.
_OPENING_WORDS = frozenset(
    [
        "although",
        "though",
        "if",
        "once",
        "now",
        "tonight",
        "today",
        "yesterday",
        "last",
        "earlier",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
_QUOTE_MARKS = ('"', "“", "'", "‘")
_TRAILING = ".,;:!?—–- "


def make_headline(
    articles: Sequence[Article],
    brief: Sequence[BriefSentence],
    params: BriefParams = BriefParams(),
) -> str:
    """The story's headline: the title most sources share (first-seen on a tie), else one
    made from the brief's lead (:func:`headline_from_lead`); '' with neither."""
    titles = [a.title.strip() for a in articles if a.title.strip()]
    if titles:
        return Counter(titles).most_common(1)[0][0]
    if not brief:
        return ""
    # A quotation says what someone said, not what happened: the first sentence that
    # does not open with one is the lead for the headline.
    reported = [s.text for s in brief if not s.text.lstrip().startswith(_QUOTE_MARKS)]
    return headline_from_lead((reported or [brief[0].text])[0], params)


def story_headline(
    titles: Sequence[str], lead_text: str, params: BriefParams = BriefParams()
) -> str:
    """A story's headline for its listing, made without a brief: the title most of
    ``titles`` share (first-seen on a tie), else a headline cut from the first sentence
    of ``lead_text`` (the first article's text) that is long enough to report something;
    '' with neither."""
    present = [t.strip() for t in titles if t.strip()]
    if present:
        return Counter(present).most_common(1)[0][0]
    sentences = [s.text for s in split_sentences(Article(id="lead", text=lead_text))]
    if not sentences:
        return ""
    reporting = [
        s
        for s in sentences
        if len(s.split()) >= params.min_chosen_words and not s.lstrip().startswith(_QUOTE_MARKS)
    ]
    return headline_from_lead((reporting or sentences)[0], params)


def headline_from_lead(lead: str, params: BriefParams = BriefParams()) -> str:
    """A short headline cut from ``lead``: its main clause, at most ``params.headline_words``
    words, with no dateline, attribution, parenthetical or final full stop."""
    text = _DATELINE.sub("", lead.strip(), count=1)
    text = _PARENTHETICAL.sub("", text)
    if '"' not in text and "”" not in text:
        # Attributions are cut only outside quotations, never inside them.
        shortened = _ATTRIBUTION.sub("", text)
        if len(shortened.split()) >= params.min_chosen_words:
            text = shortened
    # An opening phrase ("After months of talks, ...") is not the main clause.
    opening, comma, rest = text.partition(", ")
    if comma and opening.split()[0].lower() in _CUT_BEFORE | _OPENING_WORDS:
        text = rest[:1].upper() + rest[1:]
    tokens = text.split()
    for mark in (", ", "; ", " — ", " – "):
        head = text.split(mark, 1)[0]
        if len(head.split()) >= params.min_chosen_words and head != text:
            tokens = head.split()
            break
    if len(tokens) > params.headline_words:
        cuts = [
            position
            for position in range(params.min_chosen_words, params.headline_words + 1)
            if tokens[position].lower().strip(",") in _CUT_BEFORE
        ]
        tokens = tokens[: cuts[-1] if cuts else params.headline_words]
    headline = " ".join(tokens).rstrip(_TRAILING)
    return headline.strip("\"“”'‘’ ") if headline.count('"') % 2 else headline
