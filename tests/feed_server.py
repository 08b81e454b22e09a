"""A real HTTP(S) server on 127.0.0.1 for the fetching and feed tests.

It serves fixture feeds and pages, and plays misbehaving hosts (slow and
stalled bodies, error statuses, redirect chains and loops, a gzip bomb, a huge
page). It binds to 127.0.0.1 only and every URL it hands out points back at
itself, so nothing a test does can leave this machine.
"""

from __future__ import annotations

import gzip
import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).parent / "fixtures" / "feeds"

# A route answers with (status, headers, body); a callable body is a streaming writer.
Body = bytes | Callable[[BaseHTTPRequestHandler], None]
Route = Callable[[BaseHTTPRequestHandler], tuple[int, dict[str, str], Body]]


@dataclass
class SeenRequest:
    """One request as the server received it."""

    path: str
    headers: dict[str, str]


@dataclass
class FeedServer:
    """A running loopback server: its base URL, its routes and the requests it saw."""

    httpd: ThreadingHTTPServer
    scheme: str = "http"
    host: str = "127.0.0.1"
    routes: dict[str, Route] = field(default_factory=dict)
    seen: list[SeenRequest] = field(default_factory=list)

    @property
    def port(self) -> int:
        return int(self.httpd.server_address[1])

    @property
    def host_port(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    def url(self, path: str) -> str:
        return f"{self.scheme}://{self.host_port}{path}"

    def paths_seen(self) -> list[str]:
        return [request.path for request in self.seen]

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _Handler(BaseHTTPRequestHandler):
    server_version = "FixtureServer/1"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass

    def do_GET(self) -> None:
        state: FeedServer = self.server.state  # type: ignore[attr-defined]
        path = self.path
        state.seen.append(SeenRequest(path, {k.lower(): v for k, v in self.headers.items()}))
        route = state.routes.get(path.split("?", 1)[0])
        if route is None:
            status, headers, body = 404, {"Content-Type": "text/plain"}, b"not found"
        else:
            status, headers, body = route(self)
        try:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            if isinstance(body, bytes):
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            else:
                self.send_header("Connection", "close")
                self.end_headers()
                body(self)
                self.close_connection = True
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
            self.close_connection = True


LOOPBACK = frozenset({"127.0.0.1", "::1"})


def refuse_non_loopback(monkeypatch: Any) -> list[tuple[str, int]]:
    """Make any TCP connection to an address other than 127.0.0.1 or ::1 fail, and log them all.

    A safety net under the SSRF tests: even if the guard under test were broken,
    no test could reach a private, link-local or public address. Names other than
    localhost are not looked up either, so no DNS query leaves the machine.
    """
    attempts: list[tuple[str, int]] = []
    real = socket.create_connection
    real_getaddrinfo = socket.getaddrinfo

    def local_names_only(host: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else str(host)
        if name != "localhost" and not _is_ip_literal(name):
            raise socket.gaierror(f"test safety net: no DNS lookup of {name}")
        return real_getaddrinfo(host, *args, **kwargs)

    def loopback_only(address: tuple[str, int], *args: Any, **kwargs: Any) -> socket.socket:
        attempts.append(address)
        if address[0] not in LOOPBACK:
            raise OSError(f"test safety net: refused a connection to {address[0]}")
        return real(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", loopback_only)
    monkeypatch.setattr(socket, "getaddrinfo", local_names_only)
    return attempts


def _is_ip_literal(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


class _IPv6Server(ThreadingHTTPServer):
    address_family = socket.AF_INET6


def start_server(ssl_context: ssl.SSLContext | None = None, host: str = "127.0.0.1") -> FeedServer:
    """Start a threaded server on loopback, port chosen by the OS, with the default routes."""
    if host not in LOOPBACK:
        raise ValueError(f"test servers bind to loopback only, not {host}")
    server_class = _IPv6Server if ":" in host else ThreadingHTTPServer
    httpd = server_class((host, 0), _Handler)
    httpd.daemon_threads = True
    if ssl_context is not None:
        httpd.socket = ssl_context.wrap_socket(httpd.socket, server_side=True)
    state = FeedServer(httpd, scheme="https" if ssl_context else "http", host=host)
    httpd.state = state  # type: ignore[attr-defined]
    state.routes.update(default_routes(state))
    # A short poll interval makes shutdown (and so each test's teardown) quick.
    threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True).start()
    return state


def fixture(name: str, content_type: str) -> Route:
    data = (FIXTURES / name).read_bytes()
    return lambda handler: (200, {"Content-Type": content_type}, data)


def _text(status: int, headers: dict[str, str] | None = None, body: bytes = b"") -> Route:
    return lambda handler: (status, {"Content-Type": "text/plain", **(headers or {})}, body)


def _redirect(location: str, status: int = 302) -> Route:
    return lambda handler: (status, {"Location": location}, b"")


def _etag(handler: BaseHTTPRequestHandler) -> tuple[int, dict[str, str], Body]:
    headers = {
        "ETag": '"v1"',
        "Last-Modified": "Tue, 01 Dec 2026 10:00:00 GMT",
        "Cache-Control": "max-age=300",
        "Content-Type": "application/rss+xml",
    }
    if handler.headers.get("If-None-Match") == '"v1"':
        return 304, headers, b""
    return 200, headers, (FIXTURES / "harbour_rss2.xml").read_bytes()


def _trickle(handler: BaseHTTPRequestHandler) -> None:
    # One byte every 50 ms for up to 10 s: never silent long enough to trip a read timeout.
    for _ in range(200):
        handler.wfile.write(b"x")
        handler.wfile.flush()
        time.sleep(0.05)


def _no_headers(handler: BaseHTTPRequestHandler) -> tuple[int, dict[str, str], Body]:
    time.sleep(3)
    return 200, {"Content-Type": "text/html"}, b"late"


def _stall(handler: BaseHTTPRequestHandler) -> None:
    handler.wfile.write(b"<html><body>the start of a page")
    handler.wfile.flush()
    time.sleep(3)


def _huge(handler: BaseHTTPRequestHandler) -> None:
    # 50 MB of HTML, generated as it is sent so that nothing large is kept or committed.
    chunk = b"<p>" + b"filler text " * 5000 + b"</p>\n"
    sent = 0
    while sent < 50 * 1024 * 1024:
        handler.wfile.write(chunk)
        sent += len(chunk)


_BOMB = gzip.compress(b"\0" * (20 * 1024 * 1024), compresslevel=9)


def big_feed(count: int = 10_000) -> bytes:
    """An RSS 2.0 feed of ``count`` invented items."""
    items = "".join(
        f"<item><title>Bulletin {n} from the Marsh Valley</title>"
        f"<link>https://valley-bulletin.test/news/{n}</link><guid>valley-{n}</guid>"
        f"<description>Short note number {n} about the valley.</description>"
        f"<pubDate>Tue, 01 Dec 2026 08:00:00 GMT</pubDate></item>"
        for n in range(count)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        "<title>Valley Bulletin</title><link>https://valley-bulletin.test/</link>"
        f"{items}</channel></rss>"
    ).encode()


def default_routes(state: FeedServer) -> dict[str, Route]:
    """The routes every test server has."""
    big = big_feed()
    return {
        "/robots.txt": _text(404),
        "/feeds/rss2.xml": fixture("harbour_rss2.xml", "application/rss+xml; charset=utf-8"),
        "/feeds/atom.xml": fixture("orchard_atom.xml", "application/atom+xml"),
        "/feeds/rss1.xml": fixture("lighthouse_rss1.xml", "application/rdf+xml"),
        "/feeds/rss091.xml": fixture("quarry_rss091.xml", "text/xml"),
        "/feeds/feed.json": fixture("tramway_feed.json", "application/feed+json"),
        "/feeds/sitemap.xml": fixture("harbour_news_sitemap.xml", "application/xml"),
        "/feeds/malformed.xml": fixture("malformed_rss.xml", "application/rss+xml"),
        "/feeds/wrong-encoding.xml": fixture("wrong_encoding_rss.xml", "text/xml; charset=utf-8"),
        "/feeds/duplicates.xml": fixture("duplicates_rss.xml", "application/rss+xml"),
        "/feeds/big.xml": lambda handler: (200, {"Content-Type": "application/rss+xml"}, big),
        "/site/": fixture("harbour_home.html", "text/html; charset=utf-8"),
        "/news/ferry-timetable": fixture("harbour_article.html", "text/html; charset=utf-8"),
        "/etag.xml": _etag,
        "/status/404": _text(404),
        "/status/410": _text(410),
        "/status/500": _text(500),
        "/status/429": _text(429, {"Retry-After": "120"}),
        "/status/503": _text(503, {"Retry-After": "Wed, 02 Dec 2026 12:00:00 GMT"}),
        "/redirect/1": _redirect("/redirect/2", 301),
        "/redirect/2": _redirect("/redirect/3", 307),
        "/redirect/3": _redirect(state.url("/feeds/rss2.xml")),
        "/loop/a": _redirect("/loop/b"),
        "/loop/b": _redirect("/loop/a"),
        "/to-localhost": _redirect(f"http://localhost:{state.port}/feeds/rss2.xml"),
        "/to-other-loopback": _redirect(f"http://127.0.0.2:{state.port}/feeds/rss2.xml"),
        "/to-ipv6-loopback": _redirect(f"http://[::1]:{state.port}/feeds/rss2.xml"),
        "/to-file": _redirect("file:///etc/passwd"),
        "/slow": lambda handler: (200, {"Content-Type": "text/html"}, _trickle),
        "/no-headers": _no_headers,
        "/stall": lambda handler: (200, {"Content-Type": "text/html"}, _stall),
        "/huge": lambda handler: (200, {"Content-Type": "text/html"}, _huge),
        "/huge-declared": lambda handler: (
            200,
            {"Content-Type": "text/html", "Content-Length": str(50 * 1024 * 1024)},
            _huge,
        ),
        "/bomb": lambda handler: (
            200,
            {"Content-Type": "text/html", "Content-Encoding": "gzip"},
            _BOMB,
        ),
        "/gzipped": lambda handler: (
            200,
            {"Content-Type": "text/html", "Content-Encoding": "gzip"},
            gzip.compress(b"<html><body><p>A small zipped page.</p></body></html>"),
        ),
        "/image.png": lambda handler: (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n"),
    }
