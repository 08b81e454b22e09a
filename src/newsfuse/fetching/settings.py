"""The options of the safe fetcher, as one frozen value that travels with it."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from importlib import metadata

from newsfuse.config import environment_number
from newsfuse.errors import ConfigError

# Environment variables read by :meth:`FetchSettings.from_environment`.
ALLOW_HOSTS_VARIABLE = "NEWSFUSE_ALLOW_HOSTS"
HOST_DELAY_VARIABLE = "NEWSFUSE_HOST_DELAY"


def _package_version() -> str:
    try:
        return metadata.version("newsfuse")
    except metadata.PackageNotFoundError:
        return "0"


# Names newsfuse and its version, so that a site operator can see who is fetching.
DEFAULT_USER_AGENT = f"newsfuse/{_package_version()} (news brief reader; obeys robots.txt)"


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """Timeouts, caps, redirects, politeness and the SSRF allow list of a :class:`Fetcher`."""

    # Seconds to open a TCP (and TLS) connection: a live host answers in well under 10 s.
    connect_timeout: float = 10.0
    # Seconds of silence between two body chunks before the body counts as stalled.
    read_timeout: float = 20.0
    # Seconds for one whole response, headers to last byte: stops a host that trickles bytes.
    total_timeout: float = 60.0
    # Bytes on the wire: the largest news pages are ~3 MB of HTML; 10 MB leaves room.
    max_body_bytes: int = 10 * 1024 * 1024
    # Bytes after gzip/deflate decoding: caps a decompression bomb, not only what was sent.
    max_decoded_bytes: int = 20 * 1024 * 1024
    # Redirects followed per fetch, each re-checked; browsers stop at 20, real feeds use 1-3.
    max_redirects: int = 5
    # Seconds between two requests to one host and port: the customary polite crawl rate.
    host_delay: float = 1.0
    # HOST or HOST:PORT entries admitted although they resolve to private or loopback addresses.
    allow_hosts: tuple[str, ...] = ()
    # Sent with every request, and matched against robots.txt groups, so sites can tell us apart.
    user_agent: str = DEFAULT_USER_AGENT
    # Obey robots.txt: outlets publish their crawl rules there and a news reader should keep them.
    obey_robots: bool = True
    # Seconds a host's robots.txt is kept before it is fetched again (RFC 9309 suggests a day).
    robots_ttl: float = 24 * 3600.0
    # A PEM file of extra certificate authorities (an intranet CA); "" trusts the system's only.
    ca_file: str = ""
    # Extra (name, value) request headers, e.g. Accept-Language; the fetcher's own win over them.
    headers: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        for name in ("connect_timeout", "read_timeout", "total_timeout"):
            if getattr(self, name) <= 0:
                raise ConfigError(
                    f"FetchSettings.{name} must be positive, got {getattr(self, name)}"
                )
        for name in ("max_body_bytes", "max_decoded_bytes"):
            if getattr(self, name) < 1:
                raise ConfigError(
                    f"FetchSettings.{name} must be at least 1, got {getattr(self, name)}"
                )
        if self.max_redirects < 0:
            raise ConfigError(f"FetchSettings.max_redirects must be >= 0, got {self.max_redirects}")
        if self.host_delay < 0:
            raise ConfigError(f"FetchSettings.host_delay must be >= 0, got {self.host_delay}")
        object.__setattr__(
            self, "allow_hosts", tuple(normalise_allow_entry(entry) for entry in self.allow_hosts)
        )

    @classmethod
    def from_environment(
        cls, environ: Mapping[str, str] | None = None, **overrides: object
    ) -> FetchSettings:
        """Settings from ``NEWSFUSE_ALLOW_HOSTS`` and ``NEWSFUSE_HOST_DELAY``, then ``overrides``.

        ``allow_hosts`` given in ``overrides`` is added to the environment's list,
        as a repeated ``--allow-host`` adds to ``NEWSFUSE_ALLOW_HOSTS``.
        """
        environ = os.environ if environ is None else environ
        values: dict[str, object] = {}
        allowed = [entry for entry in environ.get(ALLOW_HOSTS_VARIABLE, "").split(",") if entry]
        delay = environment_number(HOST_DELAY_VARIABLE, "seconds", environ=environ)
        if delay is not None:
            values["host_delay"] = delay
        extra = overrides.pop("allow_hosts", ())
        if not isinstance(extra, list | tuple):
            raise ConfigError("allow_hosts must be a list of HOST[:PORT] entries")
        values["allow_hosts"] = (*allowed, *(str(entry) for entry in extra))
        values.update(overrides)
        return replace(cls(), **values)  # type: ignore[arg-type]


def normalise_allow_entry(entry: str) -> str:
    """Lower-case a HOST[:PORT] allow-list entry, IPv6 in brackets; ConfigError if malformed."""
    text = entry.strip().lower()
    host, port = split_host_port(text)
    if not host or any(character in host for character in "/@?# "):
        raise ConfigError(f"allow-host entry {entry!r} is not HOST or HOST:PORT")
    if port is not None and not 0 < port < 65536:
        raise ConfigError(f"allow-host entry {entry!r} has port {port} out of range")
    host = f"[{host}]" if ":" in host else host
    return host if port is None else f"{host}:{port}"


def split_host_port(text: str) -> tuple[str, int | None]:
    """Split ``host``, ``host:port``, ``[v6]`` or ``[v6]:port`` into a bare host and a port."""
    if text.startswith("["):
        closing = text.find("]")
        if closing < 0:
            raise ConfigError(f"{text!r}: an IPv6 address in brackets lacks its ']'")
        host, rest = text[1:closing], text[closing + 1 :]
        if not rest:
            return host, None
        if not rest.startswith(":"):
            raise ConfigError(f"{text!r} is not HOST or HOST:PORT")
        return host, _parse_port(rest[1:], text)
    if text.count(":") == 1:
        host, port = text.split(":")
        return host, _parse_port(port, text)
    # A bare IPv6 address without brackets has no port.
    return text, None


def _parse_port(port: str, text: str) -> int:
    if not port.isdigit():
        raise ConfigError(f"{text!r}: port {port!r} is not a number")
    return int(port)
