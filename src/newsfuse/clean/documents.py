"""Tell documents that are not articles (cookie walls, 404 pages, crawl notices) from stories.

Crawls of news pages return, instead of the article, pages that only talk to the
web user: a consent or paywall prompt, an "enable JavaScript" or "page not found"
page, a login form, a web archive's description of its crawl, a reprint notice,
or a video page with nothing but its headline. After cleaning, such a document
is short and written in the vocabulary of web interfaces, law and archiving,
with no attribution ("said", "according to"), dates, quantities or named actors,
and no dateline. A story, even a short one, reports who did what and when:
attribution, names, days and numbers, in the vocabulary of the event.

The test is a lexicon share on the cleaned text (the same idea as the
boilerplate features of Kohlschütter et al., WSDM 2010, applied to the whole
document instead of one block), gated by length and by the absence of news
signals. It is deliberately conservative: a false positive loses a source, a
miss only adds a stray document. The lexicon is generic web, legal and
archiving vocabulary, not text from any site.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from newsfuse.clean import signals
from newsfuse.clean.classify import REASON_DATELINE, normalise_line, split_lines
from newsfuse.clean.language import word_set
from newsfuse.model import Article

__all__ = ["NoticeProfile", "describe_notice", "is_non_article"]

# Longer than this, a document is a story or a primary source (a policy, a report) even
# if it is about cookies or archives; notices are short.
SHORT_MAX_WORDS = 150
LONG_MAX_WORDS = 400
# Share of notice words (web interface, legal, archiving, error vocabulary) that makes a
# short document a notice: between the highest story share and the lowest notice share
# measured (docs/benchmarks-boilerplate.md). A longer document needs a far higher share,
# because a story about a privacy policy uses many such words.
SHORT_MIN_NOTICE_SHARE = 0.08
LONG_MIN_NOTICE_SHARE = 0.25
# A share alone is not enough: at least this many notice words (weighted, phrases
# count double), so that one "online" in an eight-word caption decides nothing.
MIN_NOTICE_WEIGHT = 3.0
# ... and at least this many of them must name a kind of notice (cookie, crawl,
# login, error, ...): general web words ("app", "download", "website") alone are
# the vocabulary of a technology story as much as of a notice.
MIN_KIND_HITS = 2
# A story reports an event: more than this many news marks (attribution such as
# "said" or "according to", a weekday or month name, a quantity, a named actor
# doing something) mark the document as news whatever its vocabulary; one is allowed,
# so that a stray "Monday" decides nothing.
MAX_NEWS_MARKS = 1
# A page whose only text is its headline repeated (title, player caption, share
# text): at most this many words per line, every line the same.
SHELL_MAX_WORDS = signals.HEADLINE_MAX_WORDS


# Each kind of non-article page and the words that mark it. A word may mark several
# kinds; the kind with the most hits names the reason.
NOTICE_KINDS: dict[str, frozenset[str]] = {
    "cookie or consent notice": word_set(
        "cookie cookies consent gdpr tracking trackers preferences personalised personalized "
        "partners vendors opt"
    ),
    "subscription or paywall prompt": word_set(
        "subscribe subscriber subscribers subscription subscriptions paywall premium membership "
        "trial unlimited newsletter"
    ),
    "JavaScript or browser notice": word_set(
        "javascript browser browsers enable enabled disabled adblock blocker blockers plugin "
        "plugins flash unsupported supported upgrade"
    ),
    "error page": word_set(
        "404 403 500 error errors url urls spelling capitalization typed requested unavailable "
        "redirected broken"
    ),
    "web archive or crawl notice": word_set(
        "archive archived archives archiving crawl crawls crawled crawler crawling warc warcs "
        "snapshot snapshots captures captured seed hosts embeds ingested uploaded"
    ),
    "login page": word_set(
        "login logged logging log sign signed password passwords username account accounts "
        "register registration verify"
    ),
    "reprint or legal notice": word_set(
        "reprint reprints licensing license permission non-commercial commercial distribution "
        "terms privacy policy copyright trademark"
    ),
}
# Words of web pages in general: they add to the share but name no kind.
WEB_WORDS = word_set(
    "page pages website websites web site sites link links online internet click tap "
    "download downloads search menu app apps digital edition tablet iphone android "
    "settings button home help faq contact email inbox visit continue www"
)
# Phrases that only notices use; each hit counts double (and once more for its kind).
NOTICE_PHRASES: dict[str, re.Pattern[str]] = {
    "cookie or consent notice": re.compile(r"\b(?:accept|manage|use of) (?:all )?cookies\b"),
    "subscription or paywall prompt": re.compile(
        r"\b(?:already a subscriber|subscribe now|free articles?|sign up)\b"
    ),
    "JavaScript or browser notice": re.compile(
        r"\b(?:enable javascript|javascript is disabled|update your browser|ad ?blocker)\b"
    ),
    "error page": re.compile(
        r"\b(?:page (?:you requested |you are looking for )?(?:was |is |could )?(?:not|n't) "
        r"(?:be )?found|not found|no longer available|error 404|404 error)\b"
    ),
    "login page": re.compile(r"\b(?:log ?in|sign ?in|logged in|signed in) to\b"),
}
_PHRASE_ANCHORS: dict[str, tuple[str, ...]] = {
    "cookie or consent notice": ("cookies",),
    "subscription or paywall prompt": ("subscri", "free article", "sign up"),
    "JavaScript or browser notice": ("javascript", "browser", "blocker"),
    "error page": ("found", "available", "404"),
    "login page": ("log", "sign"),
}
SECOND_PERSON = signals.SECOND_PERSON
_NEWS_MARK = re.compile(
    r"\b(?:said|says|told|according to|reported|announced|added|stated|confirmed|"
    r"spokesman|spokeswoman|spokesperson|yesterday)\b"
    # Capitalised weekday and month names ("May" is left out: "you may").
    r"|\b(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|"
    r"March|April|June|July|August|September|October|November|December)\b"
    # Quantities: "12,000", "2.4 million", "40 percent", "six hours" (a lone digit, as
    # in "level 1", and HTTP status codes, as in "404", are notice vocabulary).
    r"|\b(?!(?:40[0-9]|50[0-9])\b)\d[\d,.]*\d\b|\b\d+\s*(?:%|percent|million|billion)"
    r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
    r"fifty|hundreds?|thousands?|millions?|billions?|dozens?)\b"
    # A named actor doing something: "Lantern Labs released", "Ostvia has begun".
    r"|(?-i:\b[A-Z][\w&.-]+ (?:[a-z]{3,}ed|has|had|was|were|began|took|made|won|lost)\b)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class NoticeProfile:
    """The counts one decision is made from (kept for audits and benchmarks)."""

    words: int
    weight: float  # notice words, phrases counted once more
    kinds: Counter[str]
    news_marks: int  # attribution, weekdays, months: signs of a reported event
    second_person: int

    @property
    def share(self) -> float:
        """Notice words (weighted) per word of text."""
        return self.weight / self.words if self.words else 0.0


def describe_notice(text: str) -> NoticeProfile:
    """Count notice vocabulary, news marks and second person in ``text``."""
    words = [word.lower() for word in signals.words_of(text)]
    weight, kinds = _count_notice_words(text, words)
    return NoticeProfile(
        words=len(words),
        weight=weight,
        kinds=kinds,
        news_marks=len(_NEWS_MARK.findall(text)),
        second_person=sum(1 for word in words if word in SECOND_PERSON),
    )


def _count_notice_words(text: str, words: list[str]) -> tuple[float, Counter[str]]:
    """The notice weight of ``text`` (lowercased ``words`` given), and the hits per kind."""
    kinds: Counter[str] = Counter()
    weight = 0.0
    for word in words:
        marked = [kind for kind, terms in NOTICE_KINDS.items() if word in terms]
        kinds.update(marked)
        if marked or word in WEB_WORDS:
            weight += 1
    lowered = text.lower()
    for kind, pattern in NOTICE_PHRASES.items():
        # Every phrase of a kind contains one of its anchors: skip the regex otherwise.
        if any(anchor in lowered for anchor in _PHRASE_ANCHORS[kind]):
            hits = len(pattern.findall(lowered))
            kinds[kind] += hits
            weight += hits
    return weight, kinds


def is_non_article(article: Article) -> str | None:
    """Why the (cleaned) article is not a news article, or None if it may be one.

    Judges ``article.text`` after boilerplate removal, plus the wire dateline the
    cleaner recorded in ``article.removed`` (a dateline means news). An empty text
    is left to the caller (it is "all boilerplate", a different report). The
    cheap tests run first: most articles are settled by length or vocabulary.
    """
    text = article.text
    if not text.strip():
        return None
    if any(removal.reason == REASON_DATELINE for removal in article.removed):
        return None
    shell = _headline_shell(text)
    if shell:
        return shell
    words = [word.lower() for word in signals.words_of(text)]
    if not words or len(words) > LONG_MAX_WORDS:  # punctuation only: nothing to judge
        return None
    weight, kinds = _count_notice_words(text, words)
    share = weight / len(words)
    needed = SHORT_MIN_NOTICE_SHARE if len(words) <= SHORT_MAX_WORDS else LONG_MIN_NOTICE_SHARE
    if weight < MIN_NOTICE_WEIGHT or share < needed or sum(kinds.values()) < MIN_KIND_HITS:
        return None
    if len(_NEWS_MARK.findall(text)) > MAX_NEWS_MARKS:
        return None
    # Ties go to the kind listed first in NOTICE_KINDS.
    kind = max(NOTICE_KINDS, key=lambda name: kinds[name])
    return f"{kind}: {len(words)} words, {share:.0%} web-notice vocabulary"


def _headline_shell(text: str) -> str:
    lines = split_lines(text)
    count = len(lines)
    if count < 2 or len({normalise_line(line.text) for line in lines}) != 1:
        return ""
    line = lines[0].text
    if len(signals.words_of(line)) > SHELL_MAX_WORDS:
        return ""
    return f"video or gallery page without a story: only its headline, repeated {count} times"
