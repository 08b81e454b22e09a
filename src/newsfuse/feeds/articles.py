"""Feed items to articles, with provenance; a teaser-only item completed from its page."""

from __future__ import annotations

from dataclasses import dataclass, replace

from newsfuse.errors import FetchError, InputError
from newsfuse.feeds.model import Feed, FeedItem
from newsfuse.feeds.text import html_to_text, is_teaser
from newsfuse.feeds.urls import canonical_url
from newsfuse.fetching import PAGE_TYPES, Fetcher, FetchResult
from newsfuse.model import Article
from newsfuse.reading.decode import decode_bytes
from newsfuse.reading.html import ExtractedPage, extract_html


@dataclass(frozen=True, slots=True)
class FeedArticle:
    """An article made from a feed item; ``summary_only`` when the feed gave just a teaser.

    A summary-only article must have its page fetched and its main text
    extracted (:func:`complete_article`) before it is briefed.
    """

    article: Article
    summary_only: bool
    item: FeedItem


def article_from_item(item: FeedItem, feed: Feed, *, origin: str = "") -> FeedArticle:
    """Turn a feed item into an article: its id, text, title, source, URL, date and author.

    ``source`` is the feed's title (the outlet); ``origin`` says where the item
    was read (default: the feed item's URL or id). The text is the item's content,
    else its summary, else its title, as plain paragraphs.
    """
    content = html_to_text(item.content) if item.content else ""
    summary = html_to_text(item.summary) if item.summary else ""
    text = content or summary
    summary_only = not text or is_teaser(text)
    if not text:
        text = item.title
    article = Article(
        id=item.url or item.id,
        text=text,
        title=item.title,
        source=feed.title,
        url=item.url,
        published=item.published,
        author=item.author,
        origin=origin or item.link or item.url or item.id,
    )
    return FeedArticle(article=article, summary_only=summary_only, item=item)


def extract_page(result: FetchResult) -> ExtractedPage:
    """Main text and metadata of a fetched HTML page (trafilatura, via the HTML reader)."""
    html = _page_text(result)
    return extract_html(html, result.final_url, url=result.final_url)


def complete_article(entry: FeedArticle, fetcher: Fetcher) -> Article:
    """Fetch a summary-only article's page and replace its text with the page's main text.

    Metadata the feed gave (title, date, author, source) wins over the page's;
    the page fills what the feed left empty, and its ``rel=canonical`` URL, when
    it has one, becomes the article's URL. A full-text article is returned as is.
    Raises :class:`FetchError` or :class:`InputError` when the page cannot be had.
    """
    if not entry.summary_only:
        return entry.article
    article = entry.article
    target = entry.item.link or article.url
    if not target:
        raise InputError(article.origin, "the item has no link to fetch its full text from")
    result = fetcher.fetch(target, accept=PAGE_TYPES)
    if result.not_modified or not result.content:
        raise FetchError(target, "the article page came back empty")
    page = extract_page(result)
    canonical = canonical_url(page.url, result.final_url) if page.url else ""
    return replace(
        article,
        text=page.text,
        title=article.title or page.title,
        author=article.author or page.author,
        source=article.source or page.source,
        published=article.published or page.published,
        url=canonical or article.url or canonical_url(result.final_url),
    )


def _page_text(result: FetchResult) -> str:
    if result.charset:
        try:
            return result.content.decode(result.charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(result.content, result.final_url)
