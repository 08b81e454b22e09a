"""Fetching: safe HTTP GETs of feeds and pages from hosts nobody vetted.

Stage contract: :meth:`Fetcher.fetch` (or the one-shot :func:`fetch_url`)
returns a :class:`FetchResult` or raises :class:`~newsfuse.errors.FetchError`
with a one-line reason naming the URL. Guards: http/https only; an SSRF guard
that resolves each host (and every redirect's), refuses non-public addresses
unless allowed, and pins the connection to the checked address; timeouts and
size caps (wire and decoded); content-type checks; robots.txt; one request per
host at a time with a delay; conditional GET, Cache-Control and Retry-After.
:mod:`newsfuse.feeds` parses what comes back.
"""

from __future__ import annotations

from newsfuse.fetching.client import FEED_TYPES, PAGE_TYPES, Fetcher, FetchResult, fetch_url
from newsfuse.fetching.guard import describe_forbidden
from newsfuse.fetching.settings import FetchSettings

__all__ = [
    "FEED_TYPES",
    "PAGE_TYPES",
    "FetchResult",
    "FetchSettings",
    "Fetcher",
    "describe_forbidden",
    "fetch_url",
]
