"""Feed autodiscovery: the feeds a site page advertises with ``<link rel="alternate">``."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urljoin

from newsfuse.feeds.model import DiscoveredFeed

# The link types that name a feed (RSS, Atom, JSON Feed), in the order they are preferred.
FEED_LINK_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json")


class _LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[dict[str, str]] = []
        self.base = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): (value or "").strip() for name, value in attrs}
        if tag == "base" and values.get("href") and not self.base:
            self.base = values["href"]
        elif tag in ("link", "a"):
            self.links.append(values)


def discover_feeds(html: str, page_url: str) -> tuple[DiscoveredFeed, ...]:
    """Feeds named by the page's ``<link rel="alternate" type="...+xml|feed+json">``, deduplicated.

    Links resolve against ``<base href>`` when present, else against ``page_url``;
    RSS comes before Atom before JSON Feed, and document order within a type.
    """
    collector = _LinkCollector()
    collector.feed(html)
    collector.close()
    base = urljoin(page_url, collector.base) if collector.base else page_url
    found: dict[str, DiscoveredFeed] = {}
    for values in collector.links:
        relations = values.get("rel", "").lower().split()
        kind = values.get("type", "").lower().split(";")[0].strip()
        href = values.get("href", "")
        if "alternate" not in relations or kind not in FEED_LINK_TYPES or not href:
            continue
        url = urljoin(base, href)
        if url.split(":", 1)[0].lower() in ("http", "https") and url not in found:
            found[url] = DiscoveredFeed(url=url, title=values.get("title", ""), content_type=kind)
    return tuple(sorted(found.values(), key=lambda feed: FEED_LINK_TYPES.index(feed.content_type)))
