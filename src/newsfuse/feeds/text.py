"""Feed HTML (already sanitised by the parser) to plain paragraphs, and summary detection."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from newsfuse.reading.decode import normalise_text

# Elements that start a new paragraph.
BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section",
     "blockquote", "tr", "pre", "table", "ul", "ol", "figcaption", "hr"}
)  # fmt: skip
# Elements whose content is never article text.
HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "iframe"})
# Words below which an item's text counts as a teaser: a news report runs to 300+ words,
# while feed summaries are one to three sentences (rarely past 80 words).
FULL_TEXT_MIN_WORDS = 150
# Endings that mark a cut-off teaser whatever its length ("…", "[...]", "Read more").
_TRUNCATED = re.compile(
    r"(\u2026|\.\.\.|\[\s*(?:\u2026|\.\.\.)\s*\]|read more|continue reading|more\s*»)\s*$", re.I
)


class _Paragraphs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN_TAGS:
            self._hidden += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN_TAGS:
            self._hidden = max(0, self._hidden - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Plain text of a feed's HTML fragment, paragraphs separated by blank lines."""
    if "<" not in html and "&" not in html:
        return normalise_text(html)
    collector = _Paragraphs()
    collector.feed(html)
    collector.close()
    paragraphs = (" ".join(block.split()) for block in "".join(collector.parts).split("\n\n"))
    return normalise_text("\n\n".join(paragraph for paragraph in paragraphs if paragraph))


def is_teaser(text: str) -> bool:
    """True if ``text`` looks like a summary of an article rather than the article itself."""
    return len(text.split()) < FULL_TEXT_MIN_WORDS or bool(_TRUNCATED.search(text))
