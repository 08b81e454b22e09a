"""robots.txt rules per host, parsed by protego and cached for a while (RFC 9309)."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from protego import Protego

# Bytes of robots.txt read at most: RFC 9309 asks crawlers to parse at least 500 KiB.
MAX_ROBOTS_BYTES = 512 * 1024
# Seconds a robots.txt that could not be fetched (5xx, network) counts as "disallow all":
# RFC 9309 says to assume complete disallow, and to retry later.
UNREACHABLE_TTL = 15 * 60.0
# Seconds of Crawl-delay honoured at most, so one odd robots.txt cannot stall a pass.
MAX_CRAWL_DELAY = 30.0


@dataclass(frozen=True, slots=True)
class RobotsRules:
    """What one host's robots.txt says: parsed rules, or allow/disallow all when there is none."""

    parser: Protego | None
    allow_all: bool

    def can_fetch(self, url: str, user_agent: str) -> bool:
        """True if ``user_agent`` may fetch ``url`` under these rules."""
        if self.parser is None:
            return self.allow_all
        return bool(self.parser.can_fetch(url, user_agent))

    def crawl_delay(self, user_agent: str) -> float:
        """The host's Crawl-delay for ``user_agent`` in seconds (capped), or 0."""
        if self.parser is None:
            return 0.0
        delay = self.parser.crawl_delay(user_agent)
        return min(float(delay), MAX_CRAWL_DELAY) if delay else 0.0


def parse_robots(content: bytes) -> RobotsRules:
    """Parse a robots.txt body (undecodable bytes are dropped, as RFC 9309 allows)."""
    text = content[:MAX_ROBOTS_BYTES].decode("utf-8", errors="ignore")
    return RobotsRules(parser=Protego.parse(text), allow_all=True)


ALLOW_ALL = RobotsRules(parser=None, allow_all=True)
DISALLOW_ALL = RobotsRules(parser=None, allow_all=False)


class RobotsCache:
    """robots.txt rules per ``scheme://host:port``, each kept until its expiry."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: dict[str, tuple[float, RobotsRules]] = {}

    def lookup(self, origin: str) -> RobotsRules | None:
        """The cached rules of ``origin``, or None if absent or expired."""
        with self._lock:
            entry = self._entries.get(origin)
        if entry is None or entry[0] < time.monotonic():
            return None
        return entry[1]

    def store(self, origin: str, rules: RobotsRules, ttl: float) -> None:
        """Keep ``rules`` for ``origin`` for ``ttl`` seconds."""
        with self._lock:
            self._entries[origin] = (time.monotonic() + ttl, rules)
