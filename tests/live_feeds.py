"""Invented outlets for the sources, fetch and watch tests, served by ``feed_server``.

Every outlet has an RSS feed on the loopback server whose item links point back
at the same server; some items carry the full text, others only a teaser whose
page (with furniture) the fetcher must read. Events, outlets and people are
invented; every word is generated here.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler

from feed_server import Body, FeedServer

# Invented events: (place, subject, figure, official) -- each gives every outlet a story.
EVENTS = (
    ("Quillmouth", "the tidal barrier on the Sallow estuary", "forty-two", "Ottilie Brack"),
    ("Harrowgate Vale", "the reopened tin mine at Corran Hill", "seventeen", "Desmond Ferrault"),
    ("Low Wicking", "the new tram depot on Furrow Lane", "ninety", "Agatha Pellow"),
    ("Strand Epsom", "a flood of the Merrin canal locks", "six", "Bertil Ganmoor"),
    ("Caddow Bay", "the lighthouse keepers' strike", "twelve", "Imelda Sorrow"),
    ("Vettering", "a fire at the Vettering paper mill", "thirty", "Osric Lamb"),
)

OPENINGS = (
    "Officials in {place} said on {day} that work on {subject} would go ahead.",
    "Residents of {place} gathered on {day} to hear plans for {subject}.",
    "A report published on {day} raised new questions about {subject} in {place}.",
)


@dataclass(frozen=True)
class Item:
    """One feed item of an invented outlet."""

    slug: str
    title: str
    paragraphs: tuple[str, ...]
    published: datetime
    teaser_only: bool


def article_paragraphs(event: int, outlet: int, serial: int) -> tuple[str, ...]:
    """Four paragraphs about ``event`` as outlet ``outlet`` words it (``serial`` varies it)."""
    place, subject, figure, official = EVENTS[event % len(EVENTS)]
    day = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")[(serial + outlet) % 5]
    opening = OPENINGS[outlet % len(OPENINGS)].format(place=place, subject=subject, day=day)
    return (
        opening,
        f"{official}, who speaks for the {place} council, said {figure} people had been "
        f"involved in the work on {subject} so far, and that the council expected the "
        f"figure to rise before the end of the month. Report number {serial} of desk {outlet}.",
        f"Local traders in {place} said the plans for {subject} had divided the town. "
        f"Some welcomed the jobs; others said nobody had asked them before the council "
        f"voted. The council will publish its own account of {subject} in {serial + 2} days.",
        f"A public meeting about {subject} is planned for hall {serial + outlet} in {place}, "
        f"where {official} has promised to answer {serial * 3 + outlet} questions.",
    )


def outlet_items(outlet: int, count: int, teaser_every: int = 3) -> list[Item]:
    """``count`` items of one outlet, newest first, one event each; every
    ``teaser_every``-th item carries only a teaser."""
    base = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    items = []
    for serial in range(count):
        place, subject, _, _ = EVENTS[serial % len(EVENTS)]
        items.append(
            Item(
                slug=f"o{outlet}-{serial}",
                title=f"{place}: news on {subject} ({outlet}-{serial})",
                paragraphs=article_paragraphs(serial, outlet, serial),
                published=base - timedelta(hours=serial * 3 + outlet),
                teaser_only=teaser_every > 0 and serial % teaser_every == teaser_every - 1,
            )
        )
    return items


def rss(server: FeedServer, name: str, items: list[Item], extra: str = "") -> bytes:
    """An RSS 2.0 feed of the items, their links pointing at the server's pages."""
    entries = []
    for item in items:
        body = "".join(f"<p>{escape(p)}</p>" for p in item.paragraphs)
        content = (
            "" if item.teaser_only else f"<content:encoded><![CDATA[{body}]]></content:encoded>"
        )
        entries.append(
            f"<item><title>{escape(item.title)}</title>"
            f"<link>{escape(server.url('/live/pages/' + item.slug))}?utm_source=rss</link>"
            f'<guid isPermaLink="false">{item.slug}</guid>'
            f"<pubDate>{format_datetime(item.published)}</pubDate>"
            f"<description>{escape(item.paragraphs[0][:60])}</description>{content}</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>{escape(name)}</title><link>{escape(server.url('/live/'))}</link>"
        f"{''.join(entries)}{extra}</channel></rss>"
    ).encode()


def page(item: Item, outlet_name: str) -> bytes:
    """The item's article page, with navigation, a cookie banner and a footer."""
    body = "".join(f"<p>{escape(p)}</p>" for p in item.paragraphs)
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{escape(item.title)}</title>"
        f"<meta property='article:published_time' content='{item.published.isoformat()}'>"
        f"</head><body><nav><a href='/'>Home</a> <a href='/sport'>Sport</a></nav>"
        "<div class='cookie-banner'>We use cookies. <button>Accept all</button></div>"
        f"<article><h1>{escape(item.title)}</h1>{body}</article>"
        f"<footer>(c) {escape(outlet_name)} · <a href='/privacy'>Privacy</a></footer>"
        "</body></html>"
    ).encode()


def serve_outlet(
    server: FeedServer,
    path: str,
    name: str,
    items: list[Item],
    *,
    etag: str = "",
    page_delay: float = 0.0,
) -> None:
    """Add an outlet's feed at ``path`` (with an ETag when given) and its item pages."""
    document = rss(server, name, items)

    def feed(handler: BaseHTTPRequestHandler) -> tuple[int, dict[str, str], Body]:
        headers = {"Content-Type": "application/rss+xml"}
        if etag:
            headers["ETag"] = etag
            if handler.headers.get("If-None-Match") == etag:
                return 304, headers, b""
        return 200, headers, document

    server.routes[path] = feed
    for item in items:
        html = page(item, name)

        def article(
            handler: BaseHTTPRequestHandler, html: bytes = html
        ) -> tuple[int, dict[str, str], Body]:
            if page_delay:
                time.sleep(page_delay)
            return 200, {"Content-Type": "text/html; charset=utf-8"}, html

        server.routes["/live/pages/" + item.slug] = article


def site_page(feed_urls: list[str], title: str) -> bytes:
    """A home page advertising feeds with <link rel="alternate">."""
    links = "".join(
        f"<link rel='alternate' type='application/rss+xml' href='{escape(url)}'>"
        for url in feed_urls
    )
    return (
        f"<!doctype html><html><head><title>{escape(title)}</title>{links}</head>"
        f"<body><h1>{escape(title)}</h1><p>Welcome.</p></body></html>"
    ).encode()
