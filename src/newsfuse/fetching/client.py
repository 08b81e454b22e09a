"""The safe fetcher: one HTTP GET with every guard a crawler of untrusted hosts needs.

Each hop of a fetch (the URL, then every redirect) is checked: http or https
only, the host resolved and refused if its address is not public (unless
allowed), the connection pinned to that address, robots.txt obeyed, one request
per host at a time with a delay between. The body is streamed under a deadline,
a wire-size cap and a decoded-size cap, and its content type is checked.
"""

from __future__ import annotations

import codecs
import functools
import ssl
import time
import zlib
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from types import TracebackType
from urllib.parse import urljoin, urlsplit

import certifi
import httpx

from newsfuse.errors import FetchError
from newsfuse.fetching.guard import Target, check_target
from newsfuse.fetching.politeness import HostGate
from newsfuse.fetching.robots import (
    ALLOW_ALL,
    DISALLOW_ALL,
    MAX_ROBOTS_BYTES,
    UNREACHABLE_TTL,
    RobotsCache,
    RobotsRules,
    parse_robots,
)
from newsfuse.fetching.settings import FetchSettings
from newsfuse.fetching.transport import PinnedBackend, PinnedTransport

# Content types a feed arrives with ("*/*+xml" admits rss+xml, atom+xml, rdf+xml ...);
# HTML is admitted because a site URL is fetched to autodiscover its feed, and
# text/plain and octet-stream because many servers label feeds that way.
FEED_TYPES = (
    "*/*+xml",
    "*/*+json",
    "application/xml",
    "text/xml",
    "application/json",
    "text/html",
    "application/xhtml+xml",
    "text/plain",
    "application/octet-stream",
)
# Content types of an article page.
PAGE_TYPES = ("text/html", "application/xhtml+xml")

# Redirect statuses that carry a Location to follow.
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# Statuses whose Retry-After says when the host will take us again.
RETRY_AFTER_STATUSES = frozenset({429, 503})


@dataclass(frozen=True, slots=True)
class FetchResult:
    """One fetched URL: the body (decoded from gzip/deflate, not from its charset) and its caching.

    ``status`` 304 means the validators sent still match: ``content`` is empty and
    the caller keeps what it had. ``next_poll_at`` is the earliest time the
    server's Cache-Control (or Expires) allows asking again, or None.
    """

    url: str
    final_url: str
    status: int
    content: bytes
    content_type: str = ""
    charset: str = ""
    etag: str = ""
    last_modified: str = ""
    fetched_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    next_poll_at: datetime | None = None
    redirects: tuple[str, ...] = ()

    @property
    def not_modified(self) -> bool:
        """True when the server answered 304 to a conditional GET."""
        return self.status == 304

    def text(self) -> str:
        """The body as text, by the declared charset, else UTF-8, replacing undecodable bytes."""
        encoding = self.charset or "utf-8"
        try:
            codecs.lookup(encoding)
        except LookupError:
            encoding = "utf-8"
        return self.content.decode(encoding, errors="replace")


class Fetcher:
    """A reusable, thread-safe safe HTTP client; close it (or use ``with``) when done.

    One fetcher keeps the per-host politeness clock and the robots.txt cache, so
    a polling loop should keep one for its whole life.
    """

    def __init__(self, settings: FetchSettings | None = None) -> None:
        self.settings = settings or FetchSettings()
        self._backend = PinnedBackend()
        context = make_ssl_context(self.settings.ca_file)
        self._client = httpx.Client(
            transport=PinnedTransport(self._backend, context),
            follow_redirects=False,
            trust_env=False,
            timeout=httpx.Timeout(
                connect=self.settings.connect_timeout,
                read=self.settings.read_timeout,
                write=self.settings.read_timeout,
                pool=self.settings.connect_timeout,
            ),
        )
        self._gate = HostGate()
        self._robots = RobotsCache()

    @property
    def peak_host_concurrency(self) -> int:
        """The most requests this fetcher ever had in flight to one host (1 when polite)."""
        return self._gate.peak_concurrency

    def close(self) -> None:
        """Close the pooled connections."""
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def fetch(
        self,
        url: str,
        *,
        etag: str = "",
        last_modified: str = "",
        accept: Collection[str] | None = None,
    ) -> FetchResult:
        """GET ``url`` safely; FetchError (naming the URL and the reason) on any failure.

        ``etag`` and ``last_modified`` make it a conditional GET (a 304 comes back as a
        result with ``not_modified``); ``accept`` lists admitted content types
        (``type/sub``, ``type/*`` or ``*/*+suffix``), None for any.
        """
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._follow(
            url,
            headers,
            accept=accept,
            max_bytes=self.settings.max_body_bytes,
            check_robots=self.settings.obey_robots,
        )

    def _follow(
        self,
        url: str,
        headers: Mapping[str, str],
        *,
        accept: Collection[str] | None,
        max_bytes: int,
        check_robots: bool,
    ) -> FetchResult:
        redirects: list[str] = []
        current = url
        while True:
            target, request_url = self._check_url(current, original=url)
            if check_robots:
                self._check_robots(request_url, target)
            result = self._request_once(
                url, request_url, target, headers, accept=accept, max_bytes=max_bytes
            )
            if isinstance(result, FetchResult):
                return _with_redirects(result, redirects)
            if len(redirects) >= self.settings.max_redirects:
                raise FetchError(
                    url, f"more than {self.settings.max_redirects} redirects (last to {result})"
                )
            if result in (request_url, url) or result in redirects:
                raise FetchError(url, f"redirect loop at {result}")
            redirects.append(result)
            current = result

    def _check_url(self, url: str, *, original: str) -> tuple[Target, str]:
        # Parsed as httpx will parse it, so the checked host is the one httpx dials.
        try:
            parsed = httpx.URL(url)
        except (httpx.InvalidURL, ValueError) as error:
            raise FetchError(original, f"malformed URL {url!r} ({error})") from None
        if parsed.scheme not in ("http", "https"):
            raise FetchError(original, f"refused: only http and https are fetched, not {url!r}")
        host = parsed.raw_host.decode("ascii")
        if not host:
            raise FetchError(original, f"URL {url!r} names no host")
        if parsed.userinfo:
            raise FetchError(original, f"refused: {url!r} carries credentials")
        port = parsed.port or (443 if parsed.scheme == "https" else 80)
        if not 0 < port < 65536:
            raise FetchError(original, f"URL {url!r} has port {port} out of range")
        target = check_target(
            original, host, port, self.settings.allow_hosts, self.settings.connect_timeout
        )
        return target, str(parsed)

    def _check_robots(self, url: str, target: Target) -> None:
        parts = urlsplit(url)
        if parts.path == "/robots.txt":
            return
        origin = f"{parts.scheme.lower()}://{target.host_key}"
        rules = self._robots.lookup(origin)
        if rules is None:
            rules, ttl = self._load_robots(origin, url)
            self._robots.store(origin, rules, ttl)
        if not rules.can_fetch(url, self.settings.user_agent):
            raise FetchError(url, "refused by the host's robots.txt")

    def _load_robots(self, origin: str, url: str) -> tuple[RobotsRules, float]:
        try:
            result = self._follow(
                f"{origin}/robots.txt",
                {},
                accept=None,
                max_bytes=MAX_ROBOTS_BYTES,
                check_robots=False,
            )
        except FetchError as error:
            if error.status is not None and 400 <= error.status < 500 and error.status != 429:
                # RFC 9309: an unavailable robots.txt (4xx) allows everything.
                return ALLOW_ALL, self.settings.robots_ttl
            # RFC 9309: an unreachable one (5xx, network, 429) means disallow all, for now.
            return DISALLOW_ALL, UNREACHABLE_TTL
        return parse_robots(result.content), self.settings.robots_ttl

    def _crawl_delay(self, request_url: str, target: Target) -> float:
        parts = urlsplit(request_url)
        rules = self._robots.lookup(f"{parts.scheme.lower()}://{target.host_key}")
        robots_delay = rules.crawl_delay(self.settings.user_agent) if rules else 0.0
        return max(self.settings.host_delay, robots_delay)

    def _request_once(
        self,
        url: str,
        request_url: str,
        target: Target,
        headers: Mapping[str, str],
        *,
        accept: Collection[str] | None,
        max_bytes: int,
    ) -> FetchResult | str:
        """One request; a FetchResult, or the absolute URL a redirect points to."""
        request_headers = {
            **dict(self.settings.headers),
            **headers,
            "User-Agent": self.settings.user_agent,
            # Only encodings whose decoding the bomb guard controls.
            "Accept-Encoding": "gzip, deflate",
        }
        with self._gate.turn(target.host_key, self._crawl_delay(request_url, target)):
            deadline = time.monotonic() + self.settings.total_timeout
            self._backend.pin(target)
            try:
                request = self._client.build_request("GET", request_url, headers=request_headers)
                response = self._client.send(request, stream=True)
            except httpx.ConnectTimeout:
                raise FetchError(url, f"timed out connecting to {target.host_key}") from None
            except httpx.TimeoutException:
                raise FetchError(url, f"no response from {target.host_key} in time") from None
            except httpx.HTTPError as error:
                raise FetchError(url, f"connection failed: {one_line(error)}") from None
            try:
                return self._read_response(
                    url, request_url, response, deadline, accept=accept, max_bytes=max_bytes
                )
            finally:
                response.close()

    def _read_response(
        self,
        url: str,
        request_url: str,
        response: httpx.Response,
        deadline: float,
        *,
        accept: Collection[str] | None,
        max_bytes: int,
    ) -> FetchResult | str:
        status = response.status_code
        fetched_at = datetime.now(UTC)
        if status in REDIRECT_STATUSES:
            location = response.headers.get("location", "").strip()
            if not location:
                raise FetchError(url, f"HTTP {status} redirect without a Location", status=status)
            return urljoin(request_url, location)
        if status == 304:
            return FetchResult(
                url=url,
                final_url=request_url,
                status=304,
                content=b"",
                etag=response.headers.get("etag", ""),
                last_modified=response.headers.get("last-modified", ""),
                fetched_at=fetched_at,
                next_poll_at=read_next_poll(response.headers, fetched_at),
            )
        if status >= 400 or status < 200:
            retry_at = None
            if status in RETRY_AFTER_STATUSES:
                retry_at = read_retry_after(response.headers.get("retry-after", ""), fetched_at)
            reason = response.reason_phrase or "error"
            suffix = f"; retry after {retry_at.isoformat()}" if retry_at else ""
            raise FetchError(
                url, f"HTTP {status} {reason} from {request_url}{suffix}", status=status,
                retry_at=retry_at,
            )  # fmt: skip
        if 300 <= status < 400:
            raise FetchError(url, f"HTTP {status} is not a usable answer", status=status)
        mime, charset = split_content_type(response.headers.get("content-type", ""))
        if accept is not None and mime and not accepts_type(mime, accept):
            raise FetchError(url, f"unexpected content type {mime!r} from {request_url}")
        content = read_body(url, response, deadline, max_bytes, self.settings.max_decoded_bytes)
        return FetchResult(
            url=url,
            final_url=request_url,
            status=status,
            content=content,
            content_type=mime,
            charset=charset,
            etag=response.headers.get("etag", ""),
            last_modified=response.headers.get("last-modified", ""),
            fetched_at=fetched_at,
            next_poll_at=read_next_poll(response.headers, fetched_at),
        )


@functools.lru_cache(maxsize=8)
def make_ssl_context(ca_file: str = "") -> ssl.SSLContext:
    """A verifying TLS context trusting certifi's authorities and those in ``ca_file``.

    Cached: loading the authority bundle takes ~0.2 s, and a context is safe to share.
    """
    context = ssl.create_default_context(cafile=certifi.where())
    if ca_file:
        context.load_verify_locations(cafile=ca_file)
    return context


def fetch_url(url: str, settings: FetchSettings | None = None, **options: object) -> FetchResult:
    """Fetch one URL with a one-shot :class:`Fetcher` (``options`` as for :meth:`Fetcher.fetch`)."""
    with Fetcher(settings) as fetcher:
        return fetcher.fetch(url, **options)  # type: ignore[arg-type]


def one_line(error: BaseException) -> str:
    """An exception's message on one line (TLS and socket errors may span several)."""
    return " ".join(str(error).split()) or type(error).__name__


def _with_redirects(result: FetchResult, redirects: list[str]) -> FetchResult:
    if not redirects:
        return result
    return FetchResult(
        url=result.url,
        final_url=result.final_url,
        status=result.status,
        content=result.content,
        content_type=result.content_type,
        charset=result.charset,
        etag=result.etag,
        last_modified=result.last_modified,
        fetched_at=result.fetched_at,
        next_poll_at=result.next_poll_at,
        redirects=tuple(redirects),
    )


def split_content_type(header: str) -> tuple[str, str]:
    """``"text/html; charset=UTF-8"`` → ``("text/html", "utf-8")``."""
    mime, _, parameters = header.partition(";")
    charset = ""
    for parameter in parameters.split(";"):
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip("\"'").lower()
    return mime.strip().lower(), charset


def accepts_type(mime: str, accept: Collection[str]) -> bool:
    """True if ``mime`` matches an entry of ``accept`` (``a/b``, ``a/*`` or ``*/*+suffix``)."""
    major, _, minor = mime.partition("/")
    for entry in accept:
        want_major, _, want_minor = entry.lower().partition("/")
        if want_major not in ("*", major):
            continue
        if want_minor in ("*", minor):
            return True
        if want_minor.startswith("*+") and minor.endswith(want_minor[1:]):
            return True
    return False


def read_body(
    url: str, response: httpx.Response, deadline: float, max_bytes: int, max_decoded: int
) -> bytes:
    """Stream the body under the deadline and both caps, undoing gzip/deflate as it comes."""
    declared = response.headers.get("content-length", "").strip()
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(url, f"body of {int(declared)} bytes exceeds the cap of {max_bytes}")
    decoder = _make_decoder(url, response.headers.get("content-encoding", ""))
    parts: list[bytes] = []
    wire = decoded = 0
    try:
        for chunk in response.iter_raw():
            wire += len(chunk)
            if wire > max_bytes:
                raise FetchError(url, f"body exceeds the cap of {max_bytes} bytes")
            if time.monotonic() > deadline:
                raise FetchError(url, "body took longer than the total timeout")
            for piece in decoder.feed(chunk, max_decoded - decoded):
                decoded += len(piece)
                parts.append(piece)
        for piece in decoder.finish(max_decoded - decoded):
            decoded += len(piece)
            parts.append(piece)
    except httpx.TimeoutException:
        raise FetchError(url, "body stalled (read timeout)") from None
    except httpx.HTTPError as error:
        raise FetchError(url, f"body could not be read: {one_line(error)}") from None
    return b"".join(parts)


class _Decoder:
    """Content-Encoding decoding with a ceiling on output, so a bomb is caught mid-way."""

    def __init__(self, url: str, decompressor: zlib._Decompress | None, raw_fallback: bool) -> None:
        self._url = url
        self._decompressor = decompressor
        self._raw_fallback = raw_fallback
        self._started = False

    def feed(self, chunk: bytes, room: int) -> Iterator[bytes]:
        if self._decompressor is None:
            if len(chunk) > room:
                raise self._too_large()
            yield chunk
            return
        if not self._started and self._raw_fallback:
            self._started = True
            # "deflate" is meant to be zlib-wrapped, but some servers send raw deflate.
            if not _looks_like_zlib(chunk):
                self._decompressor = zlib.decompressobj(-zlib.MAX_WBITS)
        data = chunk
        while data:
            try:
                piece = self._decompressor.decompress(data, room + 1)
            except zlib.error as error:
                raise FetchError(self._url, f"corrupt compressed body ({error})") from None
            if len(piece) > room:
                raise self._too_large()
            room -= len(piece)
            yield piece
            data = self._decompressor.unconsumed_tail

    def finish(self, room: int) -> Iterator[bytes]:
        if self._decompressor is None:
            return
        piece = self._decompressor.flush()
        if len(piece) > room:
            raise self._too_large()
        yield piece

    def _too_large(self) -> FetchError:
        return FetchError(self._url, "decoded body exceeds the cap (a decompression bomb?)")


def _looks_like_zlib(chunk: bytes) -> bool:
    return len(chunk) >= 2 and chunk[0] & 0x0F == 8 and (chunk[0] * 256 + chunk[1]) % 31 == 0


def _make_decoder(url: str, header: str) -> _Decoder:
    encodings = [part.strip().lower() for part in header.split(",") if part.strip()]
    encodings = [name for name in encodings if name != "identity"]
    if not encodings:
        return _Decoder(url, None, raw_fallback=False)
    if len(encodings) > 1:
        raise FetchError(url, f"stacked content encodings {header!r} are not accepted")
    if encodings[0] in ("gzip", "x-gzip"):
        return _Decoder(url, zlib.decompressobj(16 + zlib.MAX_WBITS), raw_fallback=False)
    if encodings[0] == "deflate":
        return _Decoder(url, zlib.decompressobj(), raw_fallback=True)
    raise FetchError(url, f"unsupported content encoding {header!r}")


def read_retry_after(value: str, now: datetime) -> datetime | None:
    """Retry-After as an aware UTC time: delay seconds or an HTTP date; None if unreadable."""
    value = value.strip()
    if not value:
        return None
    if value.isdigit():
        return now + timedelta(seconds=int(value))
    return _parse_http_date(value)


def read_next_poll(headers: httpx.Headers, now: datetime) -> datetime | None:
    """The earliest next poll allowed by Cache-Control max-age (less Age), else by Expires."""
    directives = {}
    for part in headers.get("cache-control", "").split(","):
        name, _, value = part.strip().partition("=")
        directives[name.strip().lower()] = value.strip().strip('"')
    if "no-store" in directives or "no-cache" in directives:
        return None
    max_age = directives.get("max-age", "")
    if max_age.isdigit():
        age = headers.get("age", "").strip()
        seconds = int(max_age) - (int(age) if age.isdigit() else 0)
        return now + timedelta(seconds=max(seconds, 0))
    expires = headers.get("expires", "").strip()
    return _parse_http_date(expires) if expires else None


def _parse_http_date(value: str) -> datetime | None:
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=UTC)
