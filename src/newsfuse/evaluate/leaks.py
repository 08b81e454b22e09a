"""The boilerplate leak check: summary sentences that a cleaner should have removed.

A summary that quotes "Sign up for our newsletter" or a web archive's crawl
notice has failed its reader whatever its ROUGE. The check uses the cleaner's
own position-independent signals (``newsfuse.clean``) joined with a small,
independent set of general web-page signals:
navigation, sharing, subscription, advertising, cookie and archive notices,
photo credits, and lines without a verb-bearing sentence shape.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from newsfuse.clean import classify

# Phrases that only appear in page furniture, never in an article's reporting.
# Matched case-insensitively as whole phrases.
BOILERPLATE_PHRASES = (
    "all rights reserved",
    "click here",
    "sign up for",
    "subscribe to our",
    "thanks for subscribing",
    "newsletter",
    "privacy policy",
    "terms of service",
    "terms of use",
    "cookie policy",
    "use cookies",
    "enable javascript",
    "javascript is disabled",
    "story continues below",
    "continue reading the main story",
    "story continued below",
    "advertisement",
    "follow us on",
    "share this article",
    "share this story",
    "share on facebook",
    "read more:",
    "related coverage",
    "image copyright",
    "image caption",
    "media playback is unsupported",
    "add a location to your tweets",
    "twitter stores that location",
    "crawl data",
    "wayback machine",
    "internet archive",
    "breaking news emails",
    "get breaking news alerts",
    "you have been signed up",
    "this material may not be published",
    "copyright 20",
    "the associated press. all rights",
    "for the latest news",
    "download our app",
    "order reprints",
    "presentation-ready copies",
)

_PHRASES = re.compile("|".join(re.escape(p) for p in BOILERPLATE_PHRASES), re.IGNORECASE)
# Credits and separators such as "(Image: Getty)", "Photo", "___", "Play Facebook".
_CREDIT = re.compile(
    r"^\W*(\(?(image|photo|photograph|video|credit)s?\b[^.]{0,60}\)?|_+|play \w+)\W*$",
    re.IGNORECASE,
)
# A line with a web address and fewer words than this is a link, not reporting.
URL_LINE_MAX_WORDS = 15
_URL = re.compile(r"https?://|www\.", re.IGNORECASE)

Detector = Callable[[str], bool]


def looks_like_boilerplate(sentence: str) -> bool:
    """Whether ``sentence`` carries a general page-furniture signal (independent checker)."""
    text = sentence.strip()
    if not text:
        return False
    if _PHRASES.search(text) or _CREDIT.match(text):
        return True
    # Reporting may cite a web address in passing; a short line around one is furniture.
    return bool(_URL.search(text)) and len(text.split()) < URL_LINE_MAX_WORDS


def get_detector() -> Detector:
    """The cleaner's own context-free boilerplate signals, joined with the general ones.

    Only the cleaner's position-independent signals (``strong_reason``:
    captions, credits, copyright, counters, stamps, bylines, interface text)
    are used: its head/tail-only signals (reader prompts, notices, fragments)
    flag ordinary mid-article sentences such as "See, the star has built ...".
    """

    def detect(sentence: str) -> bool:
        return bool(
            classify.strong_reason(sentence, title="", repeated=frozenset())
            or looks_like_boilerplate(sentence)
        )

    return detect


def count_leaks(sentences: Sequence[str], detector: Detector | None = None) -> int:
    """Number of summary sentences the boilerplate detector flags."""
    detect = detector or get_detector()
    return sum(1 for sentence in sentences if detect(sentence))
