"""Tests of the safe fetcher against real servers on 127.0.0.1 playing well and badly behaved hosts.

Every request goes to 127.0.0.1; the SSRF tests name other loopback hosts
(another port, localhost, 127.0.0.2, [::1]) that must be refused before any
connection is made, which a spy on socket.create_connection confirms.
"""

from __future__ import annotations

import socket
import ssl
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from ipaddress import ip_address

import pytest
from hypothesis import given
from hypothesis import strategies as st

from feed_server import FeedServer, refuse_non_loopback, start_server
from newsfuse.errors import ConfigError, FetchError, NewsfuseError
from newsfuse.fetching import (
    FEED_TYPES,
    PAGE_TYPES,
    Fetcher,
    FetchSettings,
    describe_forbidden,
    fetch_url,
)
from newsfuse.fetching.client import read_retry_after
from newsfuse.fetching.settings import normalise_allow_entry


@pytest.fixture(scope="module")
def server() -> Iterator[FeedServer]:
    state = start_server()
    yield state
    state.stop()


def quick_settings(server: FeedServer, **overrides: object) -> FetchSettings:
    """Small timeouts and caps, no host delay, and only this server's host:port allowed."""
    values: dict[str, object] = {
        "connect_timeout": 2.0,
        "read_timeout": 1.0,
        "total_timeout": 2.0,
        "max_body_bytes": 1024 * 1024,
        "max_decoded_bytes": 2 * 1024 * 1024,
        "host_delay": 0.0,
        "allow_hosts": (server.host_port,),
        "obey_robots": False,
    }
    values.update(overrides)
    return FetchSettings(**values)  # type: ignore[arg-type]


@pytest.fixture
def fetcher(server: FeedServer) -> Iterator[Fetcher]:
    with Fetcher(quick_settings(server)) as client:
        yield client


@pytest.fixture(autouse=True)
def connections(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Every TCP connection attempted while the test runs; any off loopback fails."""
    return refuse_non_loopback(monkeypatch)


def test_a_feed_is_fetched_with_its_type_charset_and_validators(fetcher, server):
    result = fetcher.fetch(server.url("/feeds/rss2.xml"), accept=FEED_TYPES)
    assert result.status == 200
    assert result.content_type == "application/rss+xml"
    assert result.charset == "utf-8"
    assert b"Kellsport Harbour Gazette" in result.content
    assert "Kellsport" in result.text()
    assert result.fetched_at.tzinfo is UTC


def test_requests_carry_the_user_agent_and_only_encodings_the_guard_decodes(fetcher, server):
    fetcher.fetch(server.url("/feeds/atom.xml"))
    headers = server.seen[-1].headers
    assert headers["user-agent"].startswith("newsfuse/")
    assert headers["accept-encoding"] == "gzip, deflate"


def test_a_conditional_get_returns_not_modified_and_the_next_poll_time(fetcher, server):
    first = fetcher.fetch(server.url("/etag.xml"))
    assert first.etag == '"v1"' and first.last_modified.endswith("GMT")
    assert first.next_poll_at == first.fetched_at + timedelta(seconds=300)
    second = fetcher.fetch(server.url("/etag.xml"), etag=first.etag)
    assert second.not_modified and second.content == b""
    assert server.seen[-1].headers["if-none-match"] == '"v1"'
    assert second.next_poll_at is not None


@pytest.mark.parametrize("status", [404, 410, 500])
def test_an_error_status_is_a_fetch_error_naming_the_url(fetcher, server, status):
    url = server.url(f"/status/{status}")
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(url)
    assert caught.value.status == status
    assert str(caught.value).startswith(url)
    assert "\n" not in str(caught.value)
    assert isinstance(caught.value, NewsfuseError)


def test_429_reports_retry_after_seconds_as_the_earliest_retry(fetcher, server):
    before = datetime.now(UTC)
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(server.url("/status/429"))
    retry_at = caught.value.retry_at
    assert retry_at is not None
    assert before + timedelta(seconds=119) <= retry_at <= before + timedelta(seconds=125)


def test_503_reports_a_retry_after_http_date(fetcher, server):
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(server.url("/status/503"))
    assert caught.value.retry_at == datetime(2026, 12, 2, 12, 0, tzinfo=UTC)


def test_a_redirect_chain_is_followed_and_recorded(fetcher, server):
    result = fetcher.fetch(server.url("/redirect/1"))
    assert result.final_url == server.url("/feeds/rss2.xml")
    assert result.redirects == (
        server.url("/redirect/2"),
        server.url("/redirect/3"),
        server.url("/feeds/rss2.xml"),
    )
    assert result.url == server.url("/redirect/1")


def test_too_many_redirects_are_refused(server):
    with Fetcher(quick_settings(server, max_redirects=2)) as client, pytest.raises(FetchError):
        client.fetch(server.url("/redirect/1"))


def test_a_redirect_loop_is_refused(fetcher, server):
    with pytest.raises(FetchError, match="loop"):
        fetcher.fetch(server.url("/loop/a"))


def test_a_redirect_to_another_scheme_is_refused(fetcher, server):
    with pytest.raises(FetchError, match="only http and https"):
        fetcher.fetch(server.url("/to-file"))


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://a/"])
def test_only_http_and_https_are_fetched(fetcher, url, connections):
    with pytest.raises(FetchError, match="only http and https"):
        fetcher.fetch(url)
    assert connections == []


def test_a_page_with_the_wrong_content_type_is_refused(fetcher, server):
    with pytest.raises(FetchError, match="content type 'image/png'"):
        fetcher.fetch(server.url("/image.png"), accept=PAGE_TYPES)


def test_a_gzipped_body_is_decoded(fetcher, server):
    assert b"small zipped page" in fetcher.fetch(server.url("/gzipped")).content


def test_a_gzip_bomb_is_stopped_by_the_decoded_size_cap(fetcher, server):
    started = time.monotonic()
    with pytest.raises(FetchError, match="decompression bomb"):
        fetcher.fetch(server.url("/bomb"))
    assert time.monotonic() - started < 2


def test_a_50_mb_page_is_cut_off_while_streaming(fetcher, server):
    with pytest.raises(FetchError, match="exceeds the cap"):
        fetcher.fetch(server.url("/huge"))


def test_a_declared_length_over_the_cap_is_refused_before_reading(fetcher, server):
    with pytest.raises(FetchError, match="52428800 bytes exceeds the cap"):
        fetcher.fetch(server.url("/huge-declared"))


def test_a_stalled_body_trips_the_read_timeout(fetcher, server):
    with pytest.raises(FetchError, match="stalled"):
        fetcher.fetch(server.url("/stall"))


def test_a_host_that_never_answers_trips_the_read_timeout(fetcher, server):
    with pytest.raises(FetchError, match="no response from"):
        fetcher.fetch(server.url("/no-headers"))


def test_a_trickling_body_trips_the_total_timeout(server):
    settings = quick_settings(server, total_timeout=0.5)
    started = time.monotonic()
    with Fetcher(settings) as client, pytest.raises(FetchError, match="total timeout"):
        client.fetch(server.url("/slow"))
    assert time.monotonic() - started < 2


# --- SSRF guard -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def other_server() -> Iterator[FeedServer]:
    state = start_server()
    yield state
    state.stop()


def test_another_port_on_the_allowed_host_is_refused_before_connecting(
    fetcher, other_server, connections
):
    with pytest.raises(FetchError, match="loopback"):
        fetcher.fetch(other_server.url("/feeds/rss2.xml"))
    assert connections == []
    assert other_server.seen == []


@pytest.mark.parametrize(
    "host", ["localhost", "127.0.0.2", "[::1]", "[::ffff:127.0.0.1]", "0.0.0.0"]
)
def test_loopback_names_not_on_the_allow_list_are_refused_before_connecting(
    fetcher, server, connections, host
):
    seen_before = len(server.seen)
    with pytest.raises(FetchError, match="refused"):
        fetcher.fetch(f"http://{host}:{server.port}/feeds/rss2.xml")
    assert connections == []
    assert len(server.seen) == seen_before


@pytest.mark.parametrize("path", ["/to-localhost", "/to-other-loopback", "/to-ipv6-loopback"])
def test_a_redirect_to_a_loopback_host_not_allowed_is_refused(fetcher, server, connections, path):
    seen_before = len(server.seen)
    with pytest.raises(FetchError, match="refused"):
        fetcher.fetch(server.url(path))
    # Only the allowed server was dialled, and it saw only the redirecting request.
    assert {address for address in connections} <= {("127.0.0.1", server.port)}
    assert server.paths_seen()[seen_before:] == [path]


def test_nothing_on_loopback_is_fetched_without_an_allow_list(server, connections):
    with (
        Fetcher(quick_settings(server, allow_hosts=())) as client,
        pytest.raises(FetchError, match="loopback address"),
    ):
        client.fetch(server.url("/feeds/rss2.xml"))
    assert connections == []


def test_the_connection_goes_to_the_checked_address_not_a_second_dns_answer(
    server, monkeypatch, connections
):
    answers = iter(["127.0.0.1", "127.0.0.2"])
    real_getaddrinfo = socket.getaddrinfo

    def rebinding(host: str, *args: object, **kwargs: object) -> list:
        if host == "rebind.test":
            address = next(answers, "127.0.0.2")
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, server.port))]
        return real_getaddrinfo(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    settings = quick_settings(server, allow_hosts=(f"rebind.test:{server.port}",))
    with Fetcher(settings) as client:
        client.fetch(f"http://rebind.test:{server.port}/feeds/rss2.xml")
    assert connections == [("127.0.0.1", server.port)]
    assert server.seen[-1].headers["host"] == f"rebind.test:{server.port}"


def test_an_international_domain_name_is_checked_and_pinned_in_its_ascii_form(
    server, monkeypatch, connections
):
    looked_up: list[str] = []
    real_getaddrinfo = socket.getaddrinfo

    def hosts_file(host: str, *args: object, **kwargs: object) -> list:
        if host == "127.0.0.1":  # socket.create_connection's own lookup of the pinned address
            return real_getaddrinfo(host, *args, **kwargs)  # type: ignore[arg-type]
        looked_up.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", server.port))]

    monkeypatch.setattr(socket, "getaddrinfo", hosts_file)
    settings = quick_settings(server, allow_hosts=(f"xn--bcher-kva.test:{server.port}",))
    with Fetcher(settings) as client:
        assert client.fetch(f"http://Bücher.test:{server.port}/feeds/rss2.xml").status == 200
    assert looked_up == ["xn--bcher-kva.test"]
    assert connections == [("127.0.0.1", server.port)]
    assert server.seen[-1].headers["host"] == f"xn--bcher-kva.test:{server.port}"


def test_an_unresolvable_host_is_a_fetch_error(fetcher):
    with pytest.raises(FetchError, match=r"cannot resolve host 'nowhere\.test'"):
        fetcher.fetch("http://nowhere.test/feed.xml")


def test_a_hung_dns_lookup_times_out(server, monkeypatch):
    def hung(host: str, *args: object, **kwargs: object) -> list:
        time.sleep(1.5)
        return []

    monkeypatch.setattr(socket, "getaddrinfo", hung)
    started = time.monotonic()
    with (
        Fetcher(quick_settings(server, connect_timeout=0.3)) as client,
        pytest.raises(FetchError, match="timed out resolving"),
    ):
        client.fetch("http://slow-dns.test/feed.xml")
    assert time.monotonic() - started < 1.2


def test_a_name_with_any_private_answer_is_refused(server, monkeypatch, connections):
    def mixed(host: str, *args: object, **kwargs: object) -> list:
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", server.port)),
            # Never dialled: the guard refuses it, and the safety net would too.
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.1.2.3", server.port)),
        ]

    monkeypatch.setattr(socket, "getaddrinfo", mixed)
    with Fetcher(quick_settings(server)) as client, pytest.raises(FetchError, match="refused"):
        client.fetch(f"http://mixed.test:{server.port}/")
    assert connections == []


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.0.0.1", "private"),
        ("192.168.1.1", "private"),
        ("172.16.0.1", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "non-global"),
        ("::ffff:10.0.0.1", "private"),
        ("2002:7f00:1::", "loopback"),
        ("fc00::1", "private"),
        ("93.184.216.34", None),
        ("2606:4700::1111", None),
    ],
)
def test_addresses_are_classified_without_connecting(address, kind):
    assert describe_forbidden(ip_address(address)) == kind


def test_allow_entries_and_the_environment_are_read():
    assert normalise_allow_entry(" Intranet.Example:8080 ") == "intranet.example:8080"
    assert normalise_allow_entry("[::1]:80") == "[::1]:80"
    assert normalise_allow_entry("::1") == "[::1]"
    settings = FetchSettings.from_environment(
        {"NEWSFUSE_ALLOW_HOSTS": "wiki.corp,127.0.0.1:9", "NEWSFUSE_HOST_DELAY": "0.25"},
        allow_hosts=["extra.corp"],
    )
    assert settings.allow_hosts == ("wiki.corp", "127.0.0.1:9", "extra.corp")
    assert settings.host_delay == 0.25
    assert FetchSettings.from_environment({}).host_delay == 1.0


@given(
    host=st.from_regex(r"[a-z][a-z0-9-]{0,20}(\.[a-z][a-z0-9-]{0,10}){0,3}", fullmatch=True),
    port=st.one_of(st.none(), st.integers(1, 65535)),
)
def test_an_allow_entry_is_normalised_once_and_for_all(host, port):
    entry = host.upper() if port is None else f"{host.upper()}:{port}"
    normalised = normalise_allow_entry(entry)
    assert normalised == (host if port is None else f"{host}:{port}")
    assert normalise_allow_entry(normalised) == normalised


def test_a_host_delay_that_is_no_number_is_a_config_error():
    with pytest.raises(ConfigError, match=r"^NEWSFUSE_HOST_DELAY: expected a number of seconds"):
        FetchSettings.from_environment({"NEWSFUSE_HOST_DELAY": "soon"})
    with pytest.raises(ConfigError, match=r"^NEWSFUSE_HOST_DELAY: expected 0 or more seconds"):
        FetchSettings.from_environment({"NEWSFUSE_HOST_DELAY": "-1"})


@given(seconds=st.integers(0, 10**6))
def test_retry_after_seconds_are_added_to_the_answer_time(seconds):
    now = datetime(2026, 12, 3, tzinfo=UTC)
    assert read_retry_after(str(seconds), now) == now + timedelta(seconds=seconds)
    assert read_retry_after("not a date", now) is None


@pytest.mark.parametrize("entry", ["a/b", "host:port", "host:70000", "user@host"])
def test_a_malformed_allow_entry_is_a_config_error(entry):
    with pytest.raises(NewsfuseError):
        FetchSettings(allow_hosts=(entry,))


def test_an_allowed_ipv6_loopback_host_is_fetched_through_its_pinned_address(connections):
    try:
        state = start_server(host="::1")
    except OSError:
        pytest.skip("no IPv6 loopback on this machine")
    try:
        with Fetcher(quick_settings(state, allow_hosts=(f"[::1]:{state.port}",))) as client:
            result = client.fetch(f"http://[::1]:{state.port}/feeds/rss2.xml")
        assert result.status == 200
        assert connections == [("::1", state.port)]
    finally:
        state.stop()


def test_a_credential_in_the_url_or_a_bad_port_is_refused(fetcher, server, connections):
    with pytest.raises(FetchError, match="credentials"):
        fetcher.fetch(f"http://user:secret@{server.host_port}/feeds/rss2.xml")
    with pytest.raises(FetchError, match="port"):
        fetcher.fetch("http://127.0.0.1:99999/")
    assert connections == []


# --- politeness and robots.txt ----------------------------------------------------------


def test_requests_to_one_host_are_spaced_by_the_host_delay(server):
    with Fetcher(quick_settings(server, host_delay=0.3)) as client:
        started = time.monotonic()
        for _ in range(3):
            client.fetch(server.url("/feeds/rss091.xml"))
        assert time.monotonic() - started >= 0.6


def test_concurrent_fetches_to_one_host_run_one_at_a_time(server):
    from concurrent.futures import ThreadPoolExecutor

    with Fetcher(quick_settings(server)) as client, ThreadPoolExecutor(6) as pool:
        results = list(pool.map(client.fetch, [server.url("/feeds/rss1.xml")] * 12))
        assert all(result.status == 200 for result in results)
        assert client.peak_host_concurrency == 1


def test_robots_txt_is_obeyed_and_cached_per_host():
    robots_server = start_server()
    try:
        robots = b"User-agent: *\nDisallow: /news/\n"
        robots_server.routes["/robots.txt"] = lambda handler: (
            200, {"Content-Type": "text/plain"}, robots,
        )  # fmt: skip
        settings = quick_settings(robots_server, obey_robots=True)
        with Fetcher(settings) as client:
            client.fetch(robots_server.url("/feeds/rss2.xml"))
            client.fetch(robots_server.url("/feeds/atom.xml"))
            with pytest.raises(FetchError, match=r"robots\.txt"):
                client.fetch(robots_server.url("/news/ferry-timetable"))
        assert robots_server.paths_seen() == ["/robots.txt", "/feeds/rss2.xml", "/feeds/atom.xml"]
    finally:
        robots_server.stop()


def test_an_unreachable_robots_txt_disallows_and_a_missing_one_allows(server):
    failing = start_server()
    try:
        failing.routes["/robots.txt"] = failing.routes["/status/500"]
        with (
            Fetcher(quick_settings(failing, obey_robots=True)) as client,
            pytest.raises(FetchError, match=r"robots\.txt"),
        ):
            client.fetch(failing.url("/feeds/rss2.xml"))
        with Fetcher(quick_settings(server, obey_robots=True)) as client:
            assert client.fetch(server.url("/feeds/rss2.xml")).status == 200
    finally:
        failing.stop()


# --- HTTPS with a local certificate authority ---------------------------------------------


@pytest.fixture(scope="module")
def tls_server() -> Iterator[tuple[FeedServer, str]]:
    trustme = pytest.importorskip("trustme")
    authority = trustme.CA()
    certificate = authority.issue_cert("127.0.0.1")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    certificate.configure_cert(context)
    state = start_server(context)
    with authority.cert_pem.tempfile() as ca_file:
        yield state, ca_file
    state.stop()


def test_https_is_fetched_with_a_local_certificate_authority(tls_server):
    state, ca_file = tls_server
    with Fetcher(quick_settings(state, ca_file=ca_file)) as client:
        result = client.fetch(state.url("/feeds/atom.xml"))
    assert result.final_url.startswith("https://127.0.0.1:")
    assert b"Orchard Valley Courier" in result.content


def test_https_from_an_unknown_authority_is_refused(tls_server):
    state, _ca_file = tls_server
    with pytest.raises(FetchError, match="connection failed"):
        fetch_url(state.url("/feeds/atom.xml"), quick_settings(state))
