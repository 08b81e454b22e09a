"""The plain data a feed becomes: a :class:`Feed` of :class:`FeedItem`, and OPML subscriptions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a feed or news sitemap.

    ``id`` is the feed's guid/id, else the canonical URL; ``url`` is the
    canonical URL (tracking parameters stripped, AMP and mobile variants folded)
    and ``link`` the absolute URL as the feed gave it. ``summary`` and
    ``content`` are sanitised HTML (or plain text) as the feed carried them;
    ``published`` is aware UTC, or None when the feed gives no date.
    """

    id: str
    url: str
    title: str = ""
    summary: str = ""
    content: str = ""
    published: datetime | None = None
    author: str = ""
    link: str = ""


@dataclass(frozen=True, slots=True)
class Feed:
    """A parsed feed: its title, the site it belongs to, and its items in feed order.

    ``kind`` names the format (``rss20``, ``rss10``, ``rss091u``, ``atom10``,
    ``json1.1``, ``sitemap``, ``sitemapindex`` ...). A sitemap index has no items;
    the sitemaps it lists are in ``sitemaps``. ``duplicates`` counts items folded
    into an earlier one (same id, or same canonical URL).
    """

    title: str = ""
    homepage: str = ""
    items: tuple[FeedItem, ...] = ()
    kind: str = ""
    language: str = ""
    sitemaps: tuple[str, ...] = ()
    duplicates: int = 0


@dataclass(frozen=True, slots=True)
class Subscription:
    """One feed of an OPML subscription list.

    ``categories`` are folder paths like ``"Inland/Valley"``, sorted, so that an
    import → export → import round trip gives the same value.
    """

    url: str
    title: str = ""
    homepage: str = ""
    categories: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DiscoveredFeed:
    """A feed a page advertises with ``<link rel="alternate" type=...>``."""

    url: str
    title: str = ""
    content_type: str = ""
