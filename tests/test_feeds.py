"""Tests of feed parsing, OPML, autodiscovery, URL folding and feed items as articles.

Feeds and pages are fetched from a real server on 127.0.0.1 with the safe
fetcher; the fixtures are invented outlets and events, with page furniture.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from feed_server import FIXTURES, FeedServer, refuse_non_loopback, start_server
from newsfuse.errors import FetchError, InputError
from newsfuse.feeds import (
    Feed,
    FeedItem,
    Subscription,
    article_from_item,
    canonical_url,
    complete_article,
    discover_feeds,
    find_feeds,
    fold_items,
    parse_feed,
    poll_feed,
    read_opml,
    url_key,
    write_opml,
)
from newsfuse.fetching import FEED_TYPES, Fetcher, FetchSettings


@pytest.fixture(scope="module")
def server() -> Iterator[FeedServer]:
    state = start_server()
    yield state
    state.stop()


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    refuse_non_loopback(monkeypatch)


@pytest.fixture(scope="module")
def fetcher(server: FeedServer) -> Iterator[Fetcher]:
    settings = FetchSettings(
        connect_timeout=2.0,
        read_timeout=2.0,
        total_timeout=5.0,
        host_delay=0.0,
        allow_hosts=(server.host_port,),
    )
    with Fetcher(settings) as client:
        yield client


def fetch_feed(fetcher: Fetcher, server: FeedServer, path: str) -> Feed:
    result = fetcher.fetch(server.url(path), accept=FEED_TYPES)
    return parse_feed(result.content, url=result.final_url, content_type=result.content_type)


@pytest.mark.parametrize(
    ("path", "kind", "title", "count"),
    [
        ("/feeds/rss2.xml", "rss20", "Kellsport Harbour Gazette", 3),
        ("/feeds/rss1.xml", "rss10", "Lighthouse Point Post", 1),
        ("/feeds/rss091.xml", "rss091u", "Quarry Hill Herald", 1),
        ("/feeds/atom.xml", "atom10", "Orchard Valley Courier", 2),
        ("/feeds/feed.json", "json1.1", "Tramway Town Times", 2),
        ("/feeds/sitemap.xml", "sitemap", "Kellsport Harbour Gazette", 2),
    ],
)
def test_every_feed_format_is_parsed_from_the_server(fetcher, server, path, kind, title, count):
    feed = fetch_feed(fetcher, server, path)
    assert (feed.kind, feed.title, len(feed.items)) == (kind, title, count)
    assert all(item.id and item.url.startswith(("http://", "https://")) for item in feed.items)


def test_an_rss_item_keeps_guid_date_author_and_content(fetcher, server):
    feed = fetch_feed(fetcher, server, "/feeds/rss2.xml")
    ferry, market, chair = feed.items
    assert ferry.id == "hg-2026-1201-ferry"
    # A relative link resolves against the feed's URL, and loses its utm_* parameters.
    assert ferry.url == server.url("/news/ferry-timetable")
    assert ferry.link == server.url("/news/ferry-timetable?utm_source=rss&utm_medium=feed")
    assert ferry.published == datetime(2026, 12, 1, 8, 30, tzinfo=UTC)
    assert ferry.author == "Mara Quillfeather"
    assert market.url == "https://harbour-gazette.test/news/fish-market"
    assert market.author == "Oren Saltmarsh"
    assert "410,000 crowns" in market.content
    assert chair.id == "hg-2026-1129-chair"
    assert feed.homepage == "https://harbour-gazette.test/"


def test_atom_and_json_feed_dates_are_aware_utc(fetcher, server):
    atom = fetch_feed(fetcher, server, "/feeds/atom.xml")
    assert atom.items[0].published == datetime(2026, 12, 1, 5, 15, tzinfo=UTC)
    assert atom.items[0].url == "https://orchard-courier.test/2026/12/harvest?page=2"
    json_feed = fetch_feed(fetcher, server, "/feeds/feed.json")
    line, fares = json_feed.items
    assert line.published == datetime(2026, 12, 1, 11, 45, tzinfo=UTC)
    assert line.author == "Cass Rindle"
    assert fares.url == "https://tramway-times.test/news/fares"
    assert fares.author == "Ode Pell"


def test_a_news_sitemap_gives_titles_and_publication_dates(fetcher, server):
    sitemap = fetch_feed(fetcher, server, "/feeds/sitemap.xml")
    assert sitemap.language == "en"
    assert [item.title for item in sitemap.items] == [
        "Fish market reopens after storm repairs",
        "Harbour board elects new chair",
    ]
    assert sitemap.items[1].url == "https://harbour-gazette.test/news/board-chair"
    assert sitemap.items[1].published == datetime(2026, 11, 29, tzinfo=UTC)


def test_a_sitemap_index_lists_its_sitemaps():
    index = (
        b'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<sitemap><loc>https://outlet.test/news-1.xml</loc></sitemap>"
        b"<sitemap><loc>/news-2.xml</loc></sitemap></sitemapindex>"
    )
    feed = parse_feed(index, url="https://outlet.test/sitemap.xml")
    assert feed.kind == "sitemapindex" and feed.items == ()
    assert feed.sitemaps == ("https://outlet.test/news-1.xml", "https://outlet.test/news-2.xml")


def test_malformed_xml_still_yields_its_items(fetcher, server):
    feed = fetch_feed(fetcher, server, "/feeds/malformed.xml")
    assert feed.title == "Broken Bridge Bugle"
    assert [item.url for item in feed.items] == [
        "https://bridge-bugle.test/inspection",
        "https://bridge-bugle.test/second",
    ]


def test_a_wrong_declared_encoding_is_recovered(fetcher, server):
    feed = fetch_feed(fetcher, server, "/feeds/wrong-encoding.xml")
    assert feed.title == "Café Corner Chronicle"
    assert feed.items[0].title == "Café owner wins pastry prize"


@pytest.mark.parametrize(
    "document",
    [b"<html><body><p>Just a page.</p></body></html>", b"{not json", b'{"version": "1"}', b""],
)
def test_a_document_that_is_no_feed_is_an_input_error_naming_it(document):
    with pytest.raises(InputError, match=r"outlet\.test/x"):
        parse_feed(document, url="https://outlet.test/x")


def test_ten_thousand_items_are_fetched_and_parsed(fetcher, server):
    feed = fetch_feed(fetcher, server, "/feeds/big.xml")
    assert len(feed.items) == 10_000
    assert feed.items[-1].url == "https://valley-bulletin.test/news/9999"
    assert feed.duplicates == 0


def test_duplicate_guids_and_tracking_variants_fold_into_one_item(fetcher, server):
    feed = fetch_feed(fetcher, server, "/feeds/duplicates.xml")
    assert [item.url for item in feed.items] == [
        "https://millbrook-messenger.test/pond",
        "https://millbrook-messenger.test/choir?id=7",
    ]
    # The first of each is kept: a later copy with the same guid, and the mobile AMP link.
    assert feed.items[0].summary == "The pond will be empty until March."
    assert feed.duplicates == 2


def test_items_from_two_feeds_fold_by_canonical_url():
    first = FeedItem(id="a-1", url=canonical_url("https://outlet.test/story?utm_source=x"))
    second = FeedItem(id="b-9", url=canonical_url("http://www.outlet.test/story/#top"))
    items, folded = fold_items([first, second])
    assert items == (first,) and folded == 1


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [
        ("https://Outlet.TEST:443/a/b?utm_source=rss&utm_medium=feed", "https://outlet.test/a/b"),
        ("https://outlet.test/a/b?fbclid=XYZ&gclid=1", "https://outlet.test/a/b"),
        ("https://outlet.test/a/b?id=7&utm_campaign=c", "https://outlet.test/a/b?id=7"),
        ("https://outlet.test/a/b#comments", "https://outlet.test/a/b"),
        ("https://m.outlet.test/a/b", "https://outlet.test/a/b"),
        ("https://amp.outlet.test/a/b", "https://outlet.test/a/b"),
        ("https://outlet.test/amp/a/b", "https://outlet.test/a/b"),
        ("https://outlet.test/a/b/amp", "https://outlet.test/a/b"),
        ("https://outlet.test/a/b.amp.html", "https://outlet.test/a/b.html"),
        ("https://outlet.test/a/b?outputType=amp", "https://outlet.test/a/b"),
        ("https://outlet-test.cdn.ampproject.org/c/s/outlet.test/a/b", "https://outlet.test/a/b"),
        ("ftp://outlet.test/a", ""),
        ("", ""),
    ],
)
def test_canonical_urls_drop_tracking_and_fold_amp_and_mobile(variant, canonical):
    assert canonical_url(variant) == canonical


def test_url_keys_ignore_scheme_www_and_a_trailing_slash():
    assert url_key("http://www.outlet.test/a/b/") == url_key("https://outlet.test/a/b")
    assert url_key("https://outlet.test/a/b?id=1") != url_key("https://outlet.test/a/b?id=2")


_TRACKERS = st.sampled_from(["utm_source", "utm_medium", "fbclid", "gclid", "mc_cid"])
_SEGMENT = st.text("abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=12)


@given(
    segments=st.lists(_SEGMENT, min_size=1, max_size=4),
    trackers=st.lists(st.tuples(_TRACKERS, _SEGMENT), max_size=3),
)
def test_tracking_parameters_never_change_the_key_and_canonical_is_idempotent(segments, trackers):
    plain = "https://outlet.test/" + "/".join(segments)
    query = "&".join(f"{name}={value}" for name, value in trackers)
    tracked = plain + (f"?{query}" if query else "")
    assert url_key(tracked) == url_key(plain)
    once = canonical_url(tracked)
    assert canonical_url(once) == once


# --- OPML ----------------------------------------------------------------------------------


def test_opml_is_read_with_folders_categories_and_homepages():
    subscriptions = read_opml((FIXTURES / "subscriptions.opml").read_bytes())
    by_title = {subscription.title: subscription for subscription in subscriptions}
    assert len(subscriptions) == 4
    gazette = by_title["Kellsport Harbour Gazette"]
    assert gazette.categories == ("Harbour",)
    assert gazette.homepage == "https://harbour-gazette.test/"
    assert by_title["Lighthouse Point Post"].categories == ("Coast", "Harbour", "Weekly")
    assert by_title["Orchard Valley Courier"].categories == ("Inland/Valley",)
    assert by_title["Tramway Town Times"].categories == ()


def test_opml_export_then_import_gives_the_same_subscriptions():
    subscriptions = read_opml((FIXTURES / "subscriptions.opml").read_bytes())
    written = write_opml(subscriptions, title="Coastal towns")
    assert written.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">')
    assert read_opml(written.encode()) == subscriptions


def test_opml_export_escapes_titles():
    odd = Subscription(url="https://outlet.test/f?a=1&b=2", title='Fish & "Chips" <Daily>')
    assert read_opml(write_opml([odd]).encode()) == (odd,)


@pytest.mark.parametrize("document", [b"<opml><body></body></opml>", b"not xml at all"])
def test_an_opml_without_feeds_is_an_input_error(document):
    with pytest.raises(InputError, match=r"subs\.opml"):
        read_opml(document, "subs.opml")


def test_an_opml_string_that_looks_like_a_url_is_never_fetched():
    with pytest.raises(InputError):
        read_opml(b"https://outlet.test/subscriptions.opml")


# --- autodiscovery --------------------------------------------------------------------------


def test_feeds_are_discovered_from_a_site_page_and_fetched(fetcher, server):
    page = fetcher.fetch(server.url("/site/"))
    found = discover_feeds(page.text(), page.final_url)
    assert [(feed.url, feed.content_type) for feed in found] == [
        (server.url("/feeds/rss2.xml"), "application/rss+xml"),
        ("https://harbour-gazette.test/atom.xml", "application/atom+xml"),
        (server.url("/site/feed.json"), "application/feed+json"),
    ]
    assert found[0].title == "Gazette RSS"
    assert fetch_feed(fetcher, server, "/feeds/rss2.xml").title == "Kellsport Harbour Gazette"


def test_discovery_honours_base_href_and_ignores_other_alternates():
    html = (
        '<html><head><base href="https://cdn.outlet.test/x/">'
        '<link rel="alternate" hreflang="fr" href="/fr/">'
        '<link rel="alternate stylesheet" type="text/css" href="a.css">'
        '<link rel="Alternate" type="application/atom+xml; charset=utf-8" href="atom">'
        '<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">'
        "</head></html>"
    )
    found = discover_feeds(html, "https://outlet.test/")
    assert [feed.url for feed in found] == ["https://cdn.outlet.test/x/atom"]


def test_find_feeds_takes_a_feed_url_as_it_is_and_a_site_url_by_discovery(fetcher, server):
    (itself,) = find_feeds(fetcher, server.url("/feeds/atom.xml"))
    assert (itself.url, itself.title) == (server.url("/feeds/atom.xml"), "Orchard Valley Courier")
    discovered = find_feeds(fetcher, server.url("/site/"))
    assert discovered[0].url == server.url("/feeds/rss2.xml")


def test_find_feeds_on_a_page_without_feeds_is_an_input_error(fetcher, server):
    with pytest.raises(InputError, match="names no feed"):
        find_feeds(fetcher, server.url("/news/ferry-timetable"))


def test_polling_again_with_the_validators_gives_no_feed_and_keeps_them(fetcher, server):
    first = poll_feed(fetcher, server.url("/etag.xml"))
    assert first.feed is not None and first.feed.title == "Kellsport Harbour Gazette"
    again = poll_feed(fetcher, server.url("/etag.xml"), etag=first.etag)
    assert again.feed is None
    assert (again.etag, again.last_modified) == (first.etag, first.last_modified)
    assert again.next_poll_at is not None


# --- items as articles ----------------------------------------------------------------------


def test_a_full_text_item_becomes_an_article_with_provenance(fetcher, server):
    feed = fetch_feed(fetcher, server, "/feeds/rss2.xml")
    entry = article_from_item(feed.items[1], feed)
    article = entry.article
    assert not entry.summary_only
    assert article.id == article.url == "https://harbour-gazette.test/news/fish-market"
    assert article.source == "Kellsport Harbour Gazette"
    assert article.author == "Oren Saltmarsh"
    assert article.published == datetime(2026, 11, 30, 16, 0, tzinfo=UTC)
    assert article.origin == "https://harbour-gazette.test/news/fish-market?fbclid=AbC123"
    assert article.text.startswith("Traders returned to the rebuilt fish hall")
    assert article.text.count("\n\n") == 4
    assert complete_article(entry, fetcher) is article


def test_a_teaser_item_is_marked_summary_only(fetcher, server):
    feed = fetch_feed(fetcher, server, "/feeds/rss2.xml")
    flags = [article_from_item(item, feed).summary_only for item in feed.items]
    assert flags == [True, False, True]


def test_a_summary_only_item_is_completed_from_its_page_without_furniture(fetcher, server):
    feed = fetch_feed(fetcher, server, "/feeds/rss2.xml")
    entry = article_from_item(feed.items[0], feed)
    assert entry.summary_only
    article = complete_article(entry, fetcher)
    assert server.seen[-1].path == "/news/ferry-timetable?utm_source=rss&utm_medium=feed"
    assert "twice a day from the first of January" in article.text
    assert "transport committee meets" in article.text
    for furniture in ("cookies", "Most read", "newsletter", "Privacy"):
        assert furniture not in article.text
    assert article.title == "Ferry timetable cut to two sailings a day"
    assert article.author == "Mara Quillfeather"
    assert article.published == datetime(2026, 12, 1, 8, 30, tzinfo=UTC)
    # The page's rel=canonical names the outlet's own URL.
    assert article.url == "https://harbour-gazette.test/news/ferry-timetable"


def test_an_item_whose_page_is_gone_raises_a_fetch_error(fetcher, server):
    item = FeedItem(id="gone", url=server.url("/status/410"), title="Gone")
    entry = article_from_item(item, Feed(title="Outlet"))
    with pytest.raises(FetchError, match="410"):
        complete_article(entry, fetcher)


# Hosts of XML namespaces and format versions, which no parser ever fetches.
NAMESPACE_HOSTS = {"purl.org", "www.w3.org", "www.sitemaps.org", "www.google.com", "jsonfeed.org"}


def test_fixture_files_name_only_invented_test_domains():
    for path in Path(FIXTURES).iterdir():
        text = path.read_text(encoding="latin-1")
        for host in re.findall(r"https?://([^/\s\"'<>]+)", text):
            assert host.endswith(".test") or host in NAMESPACE_HOSTS, (path.name, host)
