"""Feed documents to :class:`Feed`: RSS 0.9x/1.0/2.0 and Atom (feedparser), JSON Feed, sitemaps.

Parsing is forgiving about markup (feedparser recovers from malformed XML and
wrong declared encodings) and strict about outcome: a document with no feed in
it is an :class:`~newsfuse.errors.InputError` naming where it came from.
"""

from __future__ import annotations

import calendar
import io
import json
import time
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeElementTree
import feedparser
from defusedxml import DefusedXmlException

from newsfuse.errors import InputError
from newsfuse.feeds.model import Feed, FeedItem
from newsfuse.feeds.urls import canonical_url, url_key
from newsfuse.reading.decode import normalise_text
from newsfuse.reading.records import parse_published

SITEMAP_NAMESPACE = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS_NAMESPACE = "{http://www.google.com/schemas/sitemap-news/0.9}"
# Bytes of a document looked at to tell JSON, a sitemap and a feed apart.
SNIFF_BYTES = 2048


def parse_feed(content: bytes, *, url: str = "", content_type: str = "") -> Feed:
    """Parse a feed or news sitemap fetched from ``url``; relative links resolve against it.

    Items with the same id, or the same canonical URL, are folded into the first.
    Raises :class:`InputError` when the document holds no feed at all.
    """
    origin = url or "<feed>"
    head = content[:SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{"):
        feed = _parse_json_feed(content, origin, url)
    elif b"<urlset" in head or b"<sitemapindex" in head:
        feed = _parse_sitemap(content, origin, url)
    else:
        feed = _parse_with_feedparser(content, origin, url, content_type)
    items, duplicates = fold_items(feed.items)
    return Feed(
        title=feed.title,
        homepage=feed.homepage,
        items=items,
        kind=feed.kind,
        language=feed.language,
        sitemaps=feed.sitemaps,
        duplicates=duplicates,
    )


def fold_items(items: Iterable[FeedItem]) -> tuple[tuple[FeedItem, ...], int]:
    """Keep the first item of each id and each canonical URL; return them and how many folded."""
    kept: list[FeedItem] = []
    seen_ids: set[str] = set()
    seen_urls: set[str] = set()
    folded = 0
    for item in items:
        key = url_key(item.url) if item.url else ""
        if item.id in seen_ids or (key and key in seen_urls):
            folded += 1
            continue
        seen_ids.add(item.id)
        if key:
            seen_urls.add(key)
        kept.append(item)
    return tuple(kept), folded


def _parse_with_feedparser(content: bytes, origin: str, url: str, content_type: str) -> Feed:
    # No content-location: feedparser would then resolve guids as if they were URLs;
    # links are made absolute here, by canonical_url, instead.
    headers = {"content-type": content_type} if content_type else {}
    # A stream, never a str: feedparser would fetch a str that looks like a URL itself.
    parsed = feedparser.parse(io.BytesIO(content), response_headers=headers)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        reason = f" ({problem})" if problem else ""
        raise InputError(origin, f"not an RSS, Atom, JSON Feed or sitemap document{reason}")
    channel = parsed.feed
    items: list[FeedItem] = []
    for entry in parsed.entries:
        item = _item_from_entry(entry, url)
        if item is not None:
            items.append(item)
    return Feed(
        title=normalise_text(channel.get("title", "")),
        homepage=canonical_url(channel.get("link", ""), url) or channel.get("link", ""),
        items=tuple(items),
        kind=parsed.get("version", "") or "unknown",
        language=str(channel.get("language", "") or ""),
    )


def _item_from_entry(entry: Mapping[str, Any], base: str) -> FeedItem | None:
    link = _entry_link(entry)
    url = canonical_url(link, base)
    guid = str(entry.get("id") or "").strip() or url
    if not guid:
        return None
    content = ""
    for part in entry.get("content") or ():
        value = part.get("value", "")
        if len(value) > len(content):
            content = value
    summary = str(entry.get("summary", "") or "")
    if content and content.strip() == summary.strip():
        summary = ""
    return FeedItem(
        id=guid,
        url=url,
        title=normalise_text(str(entry.get("title", "") or "")),
        summary=summary,
        content=content,
        published=_struct_to_datetime(entry.get("published_parsed") or entry.get("updated_parsed")),
        author=_entry_author(entry),
        link=_join(base, link),
    )


def _entry_link(entry: Mapping[str, Any]) -> str:
    for link in entry.get("links") or ():
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return str(link["href"])
    return str(entry.get("link", "") or "")


def _entry_author(entry: Mapping[str, Any]) -> str:
    detail = entry.get("author_detail") or {}
    name = detail.get("name") if isinstance(detail, Mapping) else None
    return str(name or entry.get("author", "") or "").strip()


def _struct_to_datetime(value: time.struct_time | None) -> datetime | None:
    if value is None:
        return None
    # feedparser gives UTC struct_times; timegm reads them as UTC.
    return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)


def _to_utc(value: datetime | None) -> datetime | None:
    return value.astimezone(UTC) if value is not None else None


def _join(base: str, link: str) -> str:
    return urljoin(base, link) if base and link else link


def _parse_json_feed(content: bytes, origin: str, url: str) -> Feed:
    """JSON Feed 1.0/1.1 (https://jsonfeed.org/version/1.1), read as the plain JSON it is."""
    try:
        document = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(origin, f"not valid JSON ({error})") from None
    if not isinstance(document, dict) or not str(document.get("version", "")).startswith(
        "https://jsonfeed.org/version/"
    ):
        raise InputError(origin, 'not a JSON Feed (no "version": "https://jsonfeed.org/...")')
    version = str(document["version"]).rsplit("/", 1)[-1]
    feed_author = _json_author(document)
    items: list[FeedItem] = []
    for entry in document.get("items") or ():
        if not isinstance(entry, dict):
            continue
        link = str(entry.get("url") or entry.get("external_url") or "")
        url_value = canonical_url(link, url)
        guid = str(entry.get("id") or "").strip() or url_value
        if not guid:
            continue
        content_html = entry.get("content_html") or entry.get("content_text") or ""
        items.append(
            FeedItem(
                id=guid,
                url=url_value,
                title=normalise_text(str(entry.get("title") or "")),
                summary=str(entry.get("summary") or ""),
                content=str(content_html),
                published=_to_utc(
                    parse_published(entry.get("date_published") or entry.get("date_modified"))
                ),
                author=_json_author(entry) or feed_author,
                link=_join(url, link),
            )
        )
    return Feed(
        title=normalise_text(str(document.get("title") or "")),
        homepage=str(document.get("home_page_url") or ""),
        items=tuple(items),
        kind=f"json{version}",
        language=str(document.get("language") or ""),
    )


def _json_author(entry: Mapping[str, Any]) -> str:
    authors = entry.get("authors")
    if isinstance(authors, list):
        names = [str(a.get("name")) for a in authors if isinstance(a, dict) and a.get("name")]
        if names:
            return ", ".join(names)
    author = entry.get("author")
    if isinstance(author, dict) and author.get("name"):
        return str(author["name"])
    return ""


def _parse_sitemap(content: bytes, origin: str, url: str) -> Feed:
    """A sitemap (``<urlset>``, with Google News extensions) or a sitemap index."""
    try:
        root = SafeElementTree.fromstring(content)
    except (SafeElementTree.ParseError, DefusedXmlException) as error:
        raise InputError(origin, f"malformed sitemap XML ({error})") from None
    if root.tag == f"{SITEMAP_NAMESPACE}sitemapindex":
        locations = tuple(
            canonical_url(_child_text(node, f"{SITEMAP_NAMESPACE}loc"), url)
            for node in root.iter(f"{SITEMAP_NAMESPACE}sitemap")
        )
        return Feed(kind="sitemapindex", sitemaps=tuple(loc for loc in locations if loc))
    if root.tag != f"{SITEMAP_NAMESPACE}urlset":
        raise InputError(origin, f"not a sitemap (root element {root.tag!r})")
    items: list[FeedItem] = []
    title = language = ""
    for node in root.iter(f"{SITEMAP_NAMESPACE}url"):
        link = _child_text(node, f"{SITEMAP_NAMESPACE}loc")
        url_value = canonical_url(link, url)
        if not url_value:
            continue
        news = node.find(f"{NEWS_NAMESPACE}news")
        published = _to_utc(parse_published(_child_text(node, f"{SITEMAP_NAMESPACE}lastmod")))
        item_title = ""
        if news is not None:
            item_title = _child_text(news, f"{NEWS_NAMESPACE}title")
            published = (
                parse_published(_child_text(news, f"{NEWS_NAMESPACE}publication_date") or None)
                or published
            )
            publication = news.find(f"{NEWS_NAMESPACE}publication")
            if publication is not None:
                title = title or _child_text(publication, f"{NEWS_NAMESPACE}name")
                language = language or _child_text(publication, f"{NEWS_NAMESPACE}language")
        items.append(
            FeedItem(
                id=url_value,
                url=url_value,
                title=normalise_text(item_title),
                published=published,
                link=_join(url, link),
            )
        )
    return Feed(title=title, items=tuple(items), kind="sitemap", language=language)


def _child_text(node: Element, tag: str) -> str:
    child = node.find(tag)
    return (child.text or "").strip() if child is not None else ""
