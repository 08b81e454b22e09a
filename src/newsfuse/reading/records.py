"""Record dicts (from JSON Lines, stdin or Python callers) to raw articles.

A record is ``{"id", "title", "text" | "html", "source", "url", "published",
"author"}``; everything but the text (or HTML) is optional. Two cluster shapes
are accepted too: Multi-News ``{"id", "documents": [str, ...], "summary"?}``
and ``{"id", "articles": [record, ...]}``. Structure is checked strictly: a
field of the wrong type is reported by name and the record is skipped.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from newsfuse.errors import InputError
from newsfuse.model import Article, Skipped
from newsfuse.reading.dates import parse_published
from newsfuse.reading.decode import normalise_text
from newsfuse.reading.html import extract_html

log = logging.getLogger(__name__)

# Fields whose value must be a string when present (None counts as absent).
STRING_FIELDS = ("id", "title", "text", "html", "source", "url", "author")


@dataclass(frozen=True, slots=True)
class RawArticle:
    """An article as read, before ids are made unique; ``explicit_id`` if the input named it."""

    article: Article
    explicit_id: bool


def _check_fields(record: Mapping[str, Any], origin: str) -> None:
    for name in STRING_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(
                origin,
                f'field "{name}" must be a string, got {type(value).__name__}; fix the record',
            )
    published = record.get("published")
    if published is not None and not isinstance(published, str | int | float | datetime):
        raise InputError(
            origin,
            f'field "published" must be a date string or epoch seconds, '
            f"got {type(published).__name__}",
        )


def article_from_record(record: Mapping[str, Any], origin: str, default_id: str) -> RawArticle:
    """Turn one article record into a raw article; raise :class:`InputError` if unusable."""
    if not isinstance(record, Mapping):
        raise InputError(
            origin, f"expected a JSON object (an article record), got {type(record).__name__}"
        )
    _check_fields(record, origin)
    title = normalise_text(record.get("title") or "")
    author = (record.get("author") or "").strip()
    source = (record.get("source") or "").strip()
    url = (record.get("url") or "").strip()
    published = parse_published(record.get("published"))
    if record.get("published") and published is None:
        log.warning(
            '%s: field "published" (%r) is not a date; ignored', origin, record.get("published")
        )
    text = normalise_text(record.get("text") or "")
    if not text and record.get("html"):
        extracted = extract_html(record["html"], origin, url=url or None)
        text = extracted.text
        title = title or extracted.title
        author = author or extracted.author
        source = source or extracted.source
        url = url or extracted.url
        published = published or extracted.published
    if not text:
        present = "empty" if ("text" in record or "html" in record) else "missing"
        raise InputError(
            origin, f'field "text" (or "html") is {present}; every record needs the article text'
        )
    given_id = (record.get("id") or "").strip()
    return RawArticle(
        Article(
            id=given_id or default_id,
            text=text,
            title=title,
            source=source,
            url=url,
            published=published,
            author=author,
            origin=origin,
        ),
        explicit_id=bool(given_id),
    )


def read_record(
    record: Mapping[str, Any], origin: str, default_id: str
) -> Iterator[RawArticle | Skipped]:
    """Read one record, which may be an article or a cluster of them; never raises InputError."""
    if not isinstance(record, Mapping):
        yield Skipped(
            origin,
            f"expected a JSON object (an article or a cluster), got {type(record).__name__}; "
            "put one object per line",
        )
        return
    if "documents" in record or "articles" in record:
        yield from _read_cluster(record, origin, default_id)
        return
    try:
        yield article_from_record(record, origin, default_id)
    except InputError as error:
        yield Skipped(error.origin, error.reason)


def _read_cluster(
    record: Mapping[str, Any], origin: str, default_id: str
) -> Iterator[RawArticle | Skipped]:
    key = "documents" if "documents" in record else "articles"
    members = record[key]
    cluster_id = record.get("id")
    if cluster_id is not None and not isinstance(cluster_id, str | int):
        yield Skipped(origin, f'field "id" must be a string, got {type(cluster_id).__name__}')
        return
    cluster = str(cluster_id).strip() if cluster_id is not None else default_id
    if not isinstance(members, list):
        yield Skipped(
            origin, f'field "{key}" must be a list, got {type(members).__name__}; fix the record'
        )
        return
    if not members:
        yield Skipped(origin, f'field "{key}" of cluster {cluster!r} is an empty list')
        return
    for index, member in enumerate(members):
        # Articles keep the line as origin; the member index is in their id and in reasons.
        member_origin = origin
        member_id = f"{cluster}/{index}"
        if key == "documents":
            if not isinstance(member, str):
                yield Skipped(
                    member_origin,
                    f'field "documents" item {index} must be a string, '
                    f"got {type(member).__name__}; fix the record",
                )
                continue
            text = normalise_text(member)
            if not text:
                yield Skipped(
                    member_origin, f'"documents" item {index} of cluster {cluster!r} is empty'
                )
                continue
            article = Article(id=member_id, text=text, origin=member_origin)
            yield RawArticle(article, explicit_id=False)
        else:
            yield from read_record(member, member_origin, member_id)
