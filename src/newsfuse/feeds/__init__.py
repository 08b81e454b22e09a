"""Feeds: RSS, Atom, JSON Feed and news sitemaps to plain items, OPML, discovery, articles.

Stage contract: :func:`poll_feed` fetches a feed conditionally and
:func:`find_feeds` finds the feeds behind a site URL; :func:`parse_feed` turns
a fetched document into a :class:`Feed` of :class:`FeedItem` (canonical URLs,
duplicates folded); :func:`article_from_item` makes each item an
:class:`~newsfuse.model.Article` with provenance, flagging teaser-only items,
which :func:`complete_article` fills from the page (fetched with
:mod:`newsfuse.fetching`). :mod:`newsfuse.clean` runs next, as for any read
article.
"""

from __future__ import annotations

from newsfuse.feeds.articles import FeedArticle, article_from_item, complete_article, extract_page
from newsfuse.feeds.discover import discover_feeds
from newsfuse.feeds.model import DiscoveredFeed, Feed, FeedItem, Subscription
from newsfuse.feeds.opml import read_opml, write_opml
from newsfuse.feeds.parse import fold_items, parse_feed
from newsfuse.feeds.poll import FeedPoll, find_feeds, poll_feed
from newsfuse.feeds.urls import canonical_url, url_key

__all__ = [
    "DiscoveredFeed",
    "Feed",
    "FeedArticle",
    "FeedItem",
    "FeedPoll",
    "Subscription",
    "article_from_item",
    "canonical_url",
    "complete_article",
    "discover_feeds",
    "extract_page",
    "find_feeds",
    "fold_items",
    "parse_feed",
    "poll_feed",
    "read_opml",
    "url_key",
    "write_opml",
]
