"""Plain-text layouts: a title line over a body, and Multi-News ``|||||`` clusters."""

from __future__ import annotations

import re

# A title is one short line: news headlines run 5-15 words, rarely over 150 characters.
# Anything longer is a first paragraph, even without a final full stop.
TITLE_MAX_CHARS = 150
TITLE_MAX_WORDS = 25

# Multi-News separates the documents of a cluster with five pipes, and its raw
# ``.src`` files encode newlines inside a document as this token (Fabbri et al., 2019).
MULTINEWS_SEPARATOR = "|||||"
MULTINEWS_NEWLINE = "NEWLINE_CHAR"

# Sentences end with these; a headline does not (a trailing quote or bracket is looked through).
_FINAL_PUNCTUATION = re.compile(r"[.!?…:;,]['\"’”»)\]]*$")
_BYLINE = re.compile(r"^by\s", re.I)


def split_title(text: str) -> tuple[str, str]:
    """Split ``text`` into ``(title, body)`` if its first line is a headline, else ``("", text)``.

    A headline is a short first line without final punctuation that is followed
    by a body; a first paragraph that merely lacks a full stop is too long to
    pass, and a byline ("By ...") is not a title.
    """
    first, _, rest = text.partition("\n")
    first, rest = first.strip(), rest.strip()
    if not rest or not first:
        return "", text
    if len(first) > TITLE_MAX_CHARS or len(first.split()) > TITLE_MAX_WORDS:
        return "", text
    if _FINAL_PUNCTUATION.search(first) or _BYLINE.match(first):
        return "", text
    if not any(character.isalpha() for character in first):
        return "", text
    return first, rest


def is_multinews(text: str) -> bool:
    """True if ``text`` holds Multi-News documents separated by ``|||||``."""
    return MULTINEWS_SEPARATOR in text


def split_multinews(text: str) -> list[list[str]]:
    """Split Multi-News raw text into clusters of documents.

    A file in the raw ``.src`` layout (``NEWLINE_CHAR`` tokens) holds one cluster
    per line; any other text is one cluster. Empty documents are kept as empty
    strings so that document indices match the source.
    """
    if MULTINEWS_NEWLINE in text:
        lines = [line for line in text.split("\n") if line.strip()]
        return [
            [document.replace(MULTINEWS_NEWLINE, "\n").strip() for document in _split(line)]
            for line in lines
        ]
    return [[document.strip() for document in _split(text)]]


def _split(text: str) -> list[str]:
    documents = text.split(MULTINEWS_SEPARATOR)
    # A trailing separator (common in the raw files) does not start a document.
    if documents and not documents[-1].strip():
        documents.pop()
    return documents
