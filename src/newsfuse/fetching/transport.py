"""An httpx transport that dials only addresses the SSRF guard has checked (pinned DNS)."""

from __future__ import annotations

import ssl
import threading
from collections.abc import Iterable

import httpcore
import httpx

from newsfuse.fetching.guard import Target


class PinnedBackend(httpcore.SyncBackend):
    """A network backend that connects each (host, port) to its pinned, checked address.

    A host that was not pinned is never dialled, and no DNS lookup happens here:
    the name in the URL still goes into the Host header and TLS SNI, so
    certificates are verified against the name while the socket goes to the
    address that was checked.
    """

    def __init__(self) -> None:
        self._pins: dict[tuple[str, int], str] = {}
        self._lock = threading.Lock()

    def pin(self, target: Target) -> None:
        """Send the next connections to ``target.host:target.port`` to ``target.address``."""
        with self._lock:
            self._pins[(target.host, target.port)] = target.address

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        """Dial the pinned address of ``host:port``; refuse a host that was never checked."""
        with self._lock:
            address = self._pins.get((host.lower().rstrip("."), port))
        if address is None:
            raise httpcore.ConnectError(f"{host}:{port} was not checked by the SSRF guard")
        return super().connect_tcp(address, port, timeout, local_address, socket_options)


class PinnedTransport(httpx.HTTPTransport):
    """httpx's own transport with its connection pool built on a :class:`PinnedBackend`."""

    def __init__(self, backend: PinnedBackend, ssl_context: ssl.SSLContext) -> None:
        super().__init__(verify=ssl_context, trust_env=False)
        # httpx exposes no network_backend option; the pool is rebuilt with the same settings.
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl_context,
            max_connections=100,
            max_keepalive_connections=20,
            keepalive_expiry=5.0,
            http1=True,
            http2=False,
            network_backend=backend,
        )
