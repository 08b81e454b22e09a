"""One fetch of a feed (a conditional GET), and finding the feeds behind a URL a user gives."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from newsfuse.errors import InputError
from newsfuse.feeds.discover import discover_feeds
from newsfuse.feeds.model import DiscoveredFeed, Feed
from newsfuse.feeds.parse import parse_feed
from newsfuse.fetching import FEED_TYPES, Fetcher
from newsfuse.reading.html import looks_like_html

# Content types of a web page rather than a feed document.
_PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})


@dataclass(frozen=True, slots=True)
class FeedPoll:
    """The outcome of polling one feed: the feed (None when unchanged) and what to keep.

    ``etag`` and ``last_modified`` go into the next poll; ``next_poll_at`` is the
    earliest time the server's caching headers allow it (None: no constraint).
    """

    url: str
    final_url: str
    feed: Feed | None
    etag: str = ""
    last_modified: str = ""
    fetched_at: datetime | None = None
    next_poll_at: datetime | None = None


def poll_feed(fetcher: Fetcher, url: str, *, etag: str = "", last_modified: str = "") -> FeedPoll:
    """Fetch and parse the feed at ``url``, conditionally on the validators of the last poll.

    Raises :class:`~newsfuse.errors.FetchError` when the fetch fails (its
    ``retry_at`` honours Retry-After) and :class:`InputError` when the document
    is no feed.
    """
    result = fetcher.fetch(url, etag=etag, last_modified=last_modified, accept=FEED_TYPES)
    feed = None
    if not result.not_modified:
        feed = parse_feed(result.content, url=result.final_url, content_type=result.content_type)
    return FeedPoll(
        url=url,
        final_url=result.final_url,
        feed=feed,
        # A 304 may omit the validators; the ones sent are still the current ones.
        etag=result.etag or etag,
        last_modified=result.last_modified or last_modified,
        fetched_at=result.fetched_at,
        next_poll_at=result.next_poll_at,
    )


def find_feeds(fetcher: Fetcher, url: str) -> tuple[DiscoveredFeed, ...]:
    """The feeds behind ``url``: itself when it is a feed, else those its page advertises.

    Raises :class:`InputError` when ``url`` is a page that names no feed, or
    neither a page nor a feed.
    """
    result = fetcher.fetch(url, accept=FEED_TYPES)
    head = result.content[:4096].decode("utf-8", errors="replace")
    if result.content_type in _PAGE_TYPES or (not result.content_type and looks_like_html(head)):
        found = discover_feeds(result.text(), result.final_url)
        if not found:
            raise InputError(url, 'the page names no feed (no <link rel="alternate"> to RSS, '
                                  "Atom or JSON Feed); give the feed's own URL")  # fmt: skip
        return found
    feed = parse_feed(result.content, url=result.final_url, content_type=result.content_type)
    return (DiscoveredFeed(url=url, title=feed.title, content_type=result.content_type),)
