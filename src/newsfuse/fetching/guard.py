"""The SSRF guard: which addresses a fetch may connect to, checked after DNS resolution.

A URL names a host; the guard resolves it once, refuses loopback, private,
link-local, multicast, reserved and unspecified addresses (unless the host is on
the allow list), and returns the one address the connection must then use, so
that a second DNS answer cannot switch it (DNS rebinding).
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import Any

from newsfuse.errors import FetchError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True, slots=True)
class Target:
    """A checked destination: the host as named in the URL, its port, and the address to dial."""

    host: str
    port: int
    address: str

    @property
    def host_key(self) -> str:
        """``host:port`` as politeness and robots.txt count hosts (IPv6 in brackets)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"


def describe_forbidden(address: IPAddress) -> str | None:
    """Why ``address`` must not be fetched by default (e.g. "loopback"), or None if public."""
    mapped = getattr(address, "ipv4_mapped", None) or getattr(address, "sixtofour", None)
    if mapped is not None:
        # An IPv4 address tunnelled in IPv6 reaches the IPv4 host: judge that one.
        return describe_forbidden(mapped)
    teredo = getattr(address, "teredo", None)
    if teredo is not None:
        return describe_forbidden(teredo[1])
    for kind, flag in (
        ("unspecified", address.is_unspecified),
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("reserved", address.is_reserved),
        ("private", address.is_private),
    ):
        if flag:
            return kind
    # Shared (carrier-grade NAT), documentation and other special ranges are not global.
    return None if address.is_global else "non-global"


def is_allowed(host: str, port: int, allow_hosts: tuple[str, ...]) -> bool:
    """True if ``host`` (as named in the URL) or ``host:port`` is on the allow list."""
    name = host.lower().rstrip(".")
    bracketed = f"[{name}]" if ":" in name else name
    return bracketed in allow_hosts or f"{bracketed}:{port}" in allow_hosts


# Threads that run DNS lookups, so that a lookup can time out (getaddrinfo has no timeout);
# a hung lookup keeps one of them until the resolver gives up.
_RESOLVER_THREADS = 4
_resolver: ThreadPoolExecutor | None = None
_resolver_lock = threading.Lock()


def _lookup(host: str, port: int, timeout: float) -> list[Any]:
    global _resolver
    with _resolver_lock:
        if _resolver is None:
            _resolver = ThreadPoolExecutor(_RESOLVER_THREADS, thread_name_prefix="newsfuse-dns")
    future = _resolver.submit(socket.getaddrinfo, host, port, type=socket.SOCK_STREAM)
    return future.result(timeout=timeout)


def resolve_addresses(url: str, host: str, port: int, timeout: float = 10.0) -> list[IPAddress]:
    """Every address ``host`` resolves to within ``timeout`` s (an IP literal is itself)."""
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        answers = _lookup(host, port, timeout)
    except FutureTimeout:
        raise FetchError(url, f"timed out resolving host {host!r}") from None
    except (OSError, UnicodeError) as error:
        reason = " ".join(str(error).split())
        raise FetchError(url, f"cannot resolve host {host!r} ({reason})") from None
    addresses: list[IPAddress] = []
    for _family, _type, _proto, _name, sockaddr in answers:
        # Strip an IPv6 zone ("fe80::1%eth0"): the zone never makes an address public.
        address = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise FetchError(url, f"host {host!r} has no address")
    return addresses


def check_target(
    url: str, host: str, port: int, allow_hosts: tuple[str, ...], timeout: float = 10.0
) -> Target:
    """Resolve ``host`` and return the address to connect to; FetchError if it is refused.

    Every resolved address is checked, not only the first, so a name that mixes a
    public and a private answer is refused as a whole.
    """
    host = host.lower().rstrip(".")
    addresses = resolve_addresses(url, host, port, timeout)
    if not is_allowed(host, port, allow_hosts):
        for address in addresses:
            kind = describe_forbidden(address)
            if kind is not None:
                entry = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
                raise FetchError(
                    url,
                    f"refused: {host} resolves to {address}, a {kind} address "
                    f"(admit it with --allow-host {entry})",
                )
    return Target(host=host, port=port, address=str(addresses[0]))
