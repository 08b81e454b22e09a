"""One HTML page to main text and metadata in this process, via trafilatura
(Barbaresi, ACL 2021), without limits: :mod:`newsfuse.reading.html` bounds it.

trafilatura finds the article body and its metadata (title, date, author,
site name, canonical URL) without network access. When it finds no body (tiny
or unusual pages) we fall back to the page's ``<title>`` and visible text.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from html.parser import HTMLParser
from typing import Any

from newsfuse.errors import InputError
from newsfuse.reading.dates import parse_published
from newsfuse.reading.decode import normalise_text

# Elements whose content is never visible text (used by the fallback only).
INVISIBLE_TAGS = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe"})
# Elements that start a new paragraph in the fallback's text.
BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section",
     "blockquote", "tr", "header", "footer", "pre", "table", "ul", "ol", "figcaption"}
)  # fmt: skip

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ExtractedPage:
    """Main text and metadata of one HTML page."""

    text: str
    title: str = ""
    author: str = ""
    source: str = ""
    url: str = ""
    published: datetime | None = None


def parse_page(html: str, origin: str, *, url: str | None = None) -> ExtractedPage:
    """:func:`extract_html` without limits, in this process (the parsing child runs it)."""
    # Loaded on the first HTML page only: trafilatura (with lxml) takes a while to import.
    import trafilatura

    try:
        found = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=_metadata_date_params(),
        )
    except MemoryError:  # over the parsing child's memory limit: the page is skipped
        raise
    except Exception as error:  # a library bug on odd markup: read the visible text instead
        log.debug("%s: trafilatura failed (%s: %s)", origin, type(error).__name__, error)
        found = None
    fields: dict[str, Any] = {}
    if isinstance(found, dict):
        fields = found
    elif found is not None:
        fields = found.as_dict()
    fallback_title, fallback_text = _visible_text(html)
    body = str(fields.get("text") or "")
    if not body.strip():
        text = normalise_text(fallback_text)
        if not text:
            raise InputError(origin, "HTML page has no visible text; nothing to read")
        return ExtractedPage(text=text, title=normalise_text(fallback_title))
    # trafilatura puts one block per line; paragraphs are blank-line separated downstream.
    lines = [line.strip() for line in normalise_text(body).split("\n")]
    return ExtractedPage(
        text="\n\n".join(line for line in lines if line),
        title=normalise_text(str(fields.get("title") or fallback_title)),
        author=str(fields.get("author") or "").strip(),
        source=str(fields.get("sitename") or "").strip(),
        url=str(fields.get("url") or url or "").strip(),
        published=parse_published(fields.get("date")),
    )


def _metadata_date_params() -> dict[str, Any]:
    """htmldate settings that read only the page's metadata (``<meta>``, JSON-LD, ``<time>``,
    URL): its extensive search also takes dates from the story's sentences ("in 1944"),
    which say what the story mentions, not when it was published; page stamps in the
    text are parsed by the cleaner instead."""
    from datetime import UTC
    from datetime import datetime as clock

    return {
        "original_date": True,
        "extensive_search": False,
        "max_date": clock.now(UTC).strftime("%Y-%m-%d"),
        "outputformat": "%Y-%m-%dT%H:%M:%S%z",
    }


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title: list[str] = []
        self.parts: list[str] = []
        self._hidden = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in INVISIBLE_TAGS:
            self._hidden += 1
        if tag in BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in INVISIBLE_TAGS:
            self._hidden = max(0, self._hidden - 1)
        if tag in BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._hidden:
            self.parts.append(data)


def _visible_text(html: str) -> tuple[str, str]:
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    title = " ".join("".join(collector.title).split())
    paragraphs = (" ".join(block.split()) for block in "".join(collector.parts).split("\n\n"))
    return title, "\n\n".join(p for p in paragraphs if p)
