"""Canonical article URLs, so that one article reached by several links counts once.

courlan normalises the URL (case, default port, path dots, sorted query) and
strips tracking parameters (utm_*, fbclid, gclid ...); on top of that AMP and
mobile variants are folded onto the plain page and the fragment is dropped.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from courlan import normalize_url

# Host labels that mark a mobile or AMP copy of a site (m.outlet.test -> outlet.test).
MOBILE_LABELS = frozenset({"m", "mobile", "amp", "mobil"})
# Query parameters that only ask for the AMP rendering of the same article.
AMP_PARAMETERS = frozenset({"amp", "_amp", "outputtype", "amp_js_v", "usqp", "_gsa"})
# Google's AMP cache serves https://outlet-test.cdn.ampproject.org/c/s/outlet.test/path.
_AMP_CACHE = re.compile(r"^/(?:[a-z]/)*s/(?P<host>[^/]+)(?P<path>/.*)?$")
_AMP_SUFFIX = re.compile(r"\.amp(\.html?)$")


def canonical_url(url: str, base: str = "") -> str:
    """The canonical form of ``url`` (made absolute against ``base``); "" if it has no host."""
    if not url.strip():
        return ""
    absolute = urljoin(base, url.strip()) if base else url.strip()
    parts = urlsplit(absolute)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return ""
    host = parts.hostname.lower()
    path = parts.path
    if host.endswith(".cdn.ampproject.org"):
        cached = _AMP_CACHE.match(path)
        if cached:
            host = cached.group("host").lower()
            path = cached.group("path") or "/"
    labels = host.split(".")
    if len(labels) > 2 and labels[0] in MOBILE_LABELS:
        host = ".".join(labels[1:])
    netloc = host if parts.port is None else f"{host}:{parts.port}"
    path = _fold_amp_path(path)
    query = urlencode(
        [(key, value) for key, value in parse_qsl(parts.query, keep_blank_values=True)
         if key.lower() not in AMP_PARAMETERS]
    )  # fmt: skip
    rebuilt = urlunsplit((parts.scheme.lower(), netloc, path, query, ""))
    try:
        normalised = normalize_url(rebuilt, strict=False)
    except ValueError:
        return ""
    return urlunsplit(urlsplit(normalised)._replace(fragment=""))


def url_key(url: str) -> str:
    """The identity of an article URL for folding: canonical, without scheme and ``www.``."""
    canonical = canonical_url(url)
    if not canonical:
        return ""
    parts = urlsplit(canonical)
    netloc = parts.netloc.removeprefix("www.")
    path = parts.path.rstrip("/") or "/"
    return f"{netloc}{path}" + (f"?{parts.query}" if parts.query else "")


def _fold_amp_path(path: str) -> str:
    segments = path.split("/")
    trailing_slash = path.endswith("/") and len(segments) > 2
    kept = [segment for segment in segments if segment.lower() != "amp"]
    folded = "/".join(kept) or "/"
    if trailing_slash and not folded.endswith("/"):
        folded += "/"
    return _AMP_SUFFIX.sub(r"\1", folded)
