"""HTML pages to main text and metadata, within the reading limits.

:func:`extract_html` measures a page first (:mod:`newsfuse.reading.limits`), then
parses it (:mod:`newsfuse.reading.page`, trafilatura) in a child process that is
stopped past the time or memory limit (:mod:`newsfuse.reading.worker`).
"""

from __future__ import annotations

import re
import sys

from newsfuse.reading.limits import ReadingLimits, check_html_limits, limits_setting
from newsfuse.reading.page import ExtractedPage, parse_page
from newsfuse.reading.worker import shared_worker

_HTML_SNIFF = re.compile(r"<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<p[\s>]|<div[\s>]", re.I)

__all__ = ["ExtractedPage", "extract_html", "looks_like_html", "parse_page"]


def looks_like_html(text: str) -> bool:
    """True if the start of ``text`` has HTML document structure (for sniffing files)."""
    return bool(_HTML_SNIFF.search(text[:4096]))


def extract_html(
    html: str, origin: str, *, url: str | None = None, limits: ReadingLimits | None = None
) -> ExtractedPage:
    """Extract the main text and metadata of a page; raise :class:`InputError` if none,
    or if the page is over ``limits`` (default: :func:`limits_setting`): too large, too
    deeply nested or with too many elements (found before any parser sees it), or
    taking longer or more memory to parse than allowed (the parse runs in a child
    process, :mod:`newsfuse.reading.worker`, when ``max_parse_seconds`` is set)."""
    limits = limits or limits_setting()
    check_html_limits(html, origin, limits)
    # The child's limits need POSIX pipes and rlimits; elsewhere the pre-scan bounds alone.
    if limits.max_parse_seconds and sys.platform != "win32":
        worker = shared_worker(limits.max_parse_memory_mb or None)
        return worker.parse(html, origin, url, limits.max_parse_seconds)
    return parse_page(html, origin, url=url)
