"""Sources and the fetch pass: read source lists, poll due feeds, schedule the next poll.

The network half of a pass (:func:`collect_source`: conditional GET, parse,
pick the items not read before, complete teaser items from their pages) runs in
worker threads; the store half (:meth:`newsfuse.corpus.Corpus.fetch`: clean,
ingest, link every item to its stored article, record the poll) runs in the
caller's thread, one source at a time. A source's validators and its items'
sightings are written only after its articles are stored, so a pass killed at
any point is redone by the next one without losing or doubling anything.

:mod:`newsfuse.feeds` and :mod:`newsfuse.fetching` are imported inside the
functions that use them: they cost 0.3-0.5 s at start-up, which every other
corpus command would otherwise pay.
"""

from __future__ import annotations

import csv
import io
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from newsfuse.errors import FetchError, InputError, NewsfuseError
from newsfuse.model import Article
from newsfuse.store.sources import SOURCE_FIELDS, Source

if TYPE_CHECKING:
    from newsfuse.feeds import FeedItem
    from newsfuse.fetching import Fetcher


@dataclass(frozen=True, slots=True)
class PollingParams:
    """How often each source is polled, and how many sources are fetched at once."""

    # Seconds between two polls of one source at least: busy outlets publish every few
    # minutes, and polling faster only adds load on them.
    min_interval: float = 300.0
    # Seconds between two polls at most: a quiet source is still looked at a few times a day.
    max_interval: float = 6 * 3600.0
    # Newest dated items of a feed used to estimate how often it publishes.
    rate_items: int = 20
    # Sources fetched at once; each host still gets one request at a time (HostGate).
    workers: int = 4
    # Seconds watch sleeps at most between passes, so a source added meanwhile starts soon.
    recheck_seconds: float = 60.0

    def __post_init__(self) -> None:
        if self.min_interval < 0 or self.max_interval < self.min_interval:
            raise InputError(
                "polling",
                f"need 0 <= min interval ({self.min_interval}) <= max interval "
                f"({self.max_interval})",
            )
        if self.workers < 1 or self.rate_items < 2:
            raise InputError("polling", "workers must be >= 1 and rate_items >= 2")


@dataclass(frozen=True, slots=True)
class CollectedItem:
    """One unread feed item: its key in the feed, the URL seen, and its article (or why not)."""

    key: str
    url: str
    article: Article | None
    # Why it yields no article; "" when it does.
    problem: str = ""
    # True when the item should be read again next pass (a transient page failure).
    retry: bool = False


@dataclass(frozen=True, slots=True)
class CollectedSource:
    """What the network half of a pass found for one source."""

    source: Source
    fetched_at: datetime
    etag: str = ""
    last_modified: str = ""
    # Earliest next poll the server's caching headers or Retry-After allow.
    not_before: datetime | None = None
    not_modified: bool = False
    items: tuple[CollectedItem, ...] = ()
    # Publication times of the feed's items (for the publishing rate).
    published: tuple[datetime, ...] = ()
    feed_title: str = ""
    error: str = ""
    # Stopped before all items were read: nothing of this source is recorded.
    interrupted: bool = False


@dataclass(frozen=True, slots=True)
class SourceOutcome:
    """One source's part of a pass: items read, articles new, and the error if it failed."""

    url: str
    items: int = 0
    new: int = 0
    linked: int = 0
    not_modified: bool = False
    error: str = ""
    next_poll: datetime | None = None


@dataclass(slots=True)
class FetchReport:
    """The outcome of one fetch pass over the due sources."""

    sources: list[SourceOutcome] = field(default_factory=list)
    new: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    stories_touched: set[str] = field(default_factory=set)
    interrupted: bool = False
    peak_host_concurrency: int = 0
    # Briefs of the stories touched, made at the end of the pass.
    briefs: int = 0

    @property
    def failed(self) -> int:
        """Sources whose poll failed."""
        return sum(1 for outcome in self.sources if outcome.error)

    def summary_line(self) -> str:
        """One line for a log: sources polled, items read, articles new, failures."""
        items = sum(outcome.items for outcome in self.sources)
        unchanged = sum(1 for outcome in self.sources if outcome.not_modified)
        tail = "  (interrupted)" if self.interrupted else ""
        return (
            f"sources: {len(self.sources)}  unchanged: {unchanged}  failed: {self.failed}  "
            f"items: {items}  new: {self.new}  duplicate: {self.duplicates}  "
            f"near-duplicate: {self.near_duplicates}  "
            f"stories touched: {len(self.stories_touched)}  briefs: {self.briefs}{tail}"
        )


# -- source lists -------------------------------------------------------------------------

_TAG_SEPARATORS = re.compile(r"[;,|]")


def read_source_csv(content: str, origin: str) -> list[Source]:
    """Sources from a CSV with a header naming some of ``url,name,homepage,country,language,
    owner,tags`` (``url`` required; tags separated by ``;``, ``,`` or ``|``)."""
    reader = csv.DictReader(io.StringIO(content))
    header = [name.strip().lower() for name in reader.fieldnames or []]
    if "url" not in header:
        raise InputError(origin, f"line 1: the CSV header has no 'url' column (got {header})")
    unknown = sorted(set(header) - set(SOURCE_FIELDS))
    if unknown:
        raise InputError(
            origin, f"line 1: unknown column(s) {unknown}; use {','.join(SOURCE_FIELDS)}"
        )
    reader.fieldnames = header
    sources: list[Source] = []
    for row in reader:
        values = {key: (value or "").strip() for key, value in row.items() if key}
        url = values.get("url", "")
        if not url.lower().startswith(("http://", "https://")):
            raise InputError(origin, f"line {reader.line_num}: url {url!r} is not http(s)")
        tags = tuple(
            sorted({t.strip() for t in _TAG_SEPARATORS.split(values.get("tags", ""))} - {""})
        )
        sources.append(
            Source(
                url=url,
                name=values.get("name", ""),
                homepage=values.get("homepage", ""),
                country=values.get("country", ""),
                language=values.get("language", ""),
                owner=values.get("owner", ""),
                tags=tags,
            )
        )
    return sources


def read_source_file(path: Path) -> list[Source]:
    """Sources from an OPML (``.opml``/``.xml``) or CSV (``.csv``) file."""
    try:
        content = path.read_bytes()
    except OSError as error:
        raise InputError(str(path), f"cannot read the file ({error.strerror})") from None
    if path.suffix.lower() == ".csv":
        return read_source_csv(content.decode("utf-8-sig", errors="replace"), str(path))
    # Imported here: listparser and feedparser cost start-up time for other commands.
    from newsfuse.feeds import read_opml

    return [
        Source(url=s.url, name=s.title, homepage=s.homepage, tags=s.categories)
        for s in read_opml(content, str(path))
    ]


def write_source_opml(sources: Sequence[Source]) -> str:
    """The sources as OPML 2.0, each in the folder of its first tag."""
    # Imported here: see the module docstring.
    from newsfuse.feeds import Subscription, write_opml

    return write_opml(
        Subscription(url=s.url, title=s.name, homepage=s.homepage, categories=s.tags)
        for s in sources
    )


def discover_sources(fetcher: Fetcher, url: str) -> list[Source]:
    """The feed at ``url``, or the feeds a site page at ``url`` advertises, as new sources."""
    # Imported here: see the module docstring.
    from newsfuse.feeds import find_feeds

    found = find_feeds(fetcher, url)
    homepage = "" if len(found) == 1 and found[0].url == url else url
    return [Source(url=feed.url, name=feed.title, homepage=homepage) for feed in found]


# -- the network half of a pass ------------------------------------------------------------


def collect_source(
    fetcher: Fetcher,
    source: Source,
    seen: Callable[[str, list[str]], set[str]],
    stop: threading.Event,
) -> CollectedSource:
    """Poll one source and turn its unread items into articles (teasers completed).

    ``seen(source_url, item_keys)`` says which items were read before. Never
    raises for the source's own failures: they come back in ``error``.
    """
    # Imported here: see the module docstring.
    from newsfuse.feeds import article_from_item, complete_article, poll_feed

    started = datetime.now(UTC)
    try:
        poll = poll_feed(fetcher, source.url, etag=source.etag, last_modified=source.last_modified)
    except FetchError as error:
        return CollectedSource(
            source, started, source.etag, source.last_modified, error.retry_at, error=str(error)
        )
    except NewsfuseError as error:
        # Not a feed, or any other refusal: recorded on the source, the others go on.
        return CollectedSource(source, started, error=str(error))
    fetched_at = poll.fetched_at or started
    if poll.feed is None:
        return CollectedSource(
            source, fetched_at, poll.etag, poll.last_modified, poll.next_poll_at, True
        )
    feed = poll.feed
    known = seen(source.url, [item.id for item in feed.items])
    collected: list[CollectedItem] = []
    for item in feed.items:
        if item.id in known:
            continue
        if stop.is_set():
            # The rest is read next pass: the validators are not saved for a partial read.
            return CollectedSource(source, fetched_at, interrupted=True)
        entry = article_from_item(item, feed, origin=source.url)
        collected.append(_complete(entry, item, fetcher, complete_article))
    return CollectedSource(
        source,
        fetched_at,
        poll.etag,
        poll.last_modified,
        poll.next_poll_at,
        items=tuple(collected),
        published=tuple(item.published for item in feed.items if item.published),
        feed_title=feed.title,
    )


def _complete(
    entry: object, item: FeedItem, fetcher: Fetcher, complete: Callable[..., Article]
) -> CollectedItem:
    """The item's article, its page fetched when the feed gave only a teaser."""
    url = item.link or item.url
    try:
        article = complete(entry, fetcher)
    except FetchError as error:
        # A page that is gone stays gone; anything else may work next pass.
        gone = error.status in (404, 410)
        return CollectedItem(item.id, url, None, str(error), retry=not gone)
    except NewsfuseError as error:
        return CollectedItem(item.id, url, None, str(error))
    return CollectedItem(item.id, url, article)


# -- scheduling ----------------------------------------------------------------------------


def plan_interval(
    params: PollingParams, published: Sequence[datetime], now: datetime, previous: float | None
) -> float:
    """Seconds until the next poll of a source, from how often it publishes.

    The rate is the newest ``rate_items`` dated items over the time from the
    oldest of them to now (so a feed that went quiet slows down), one poll per
    expected item, bounded by ``min_interval`` and ``max_interval``. A feed
    without dates keeps its previous interval (the minimum at first).
    """
    recent = sorted((p for p in published if p <= now), reverse=True)[: params.rate_items]
    if len(recent) >= 2:
        span = (now - recent[-1]).total_seconds()
        interval = span / len(recent)
    else:
        interval = previous if previous is not None else params.min_interval
    return min(max(interval, params.min_interval), params.max_interval)


def plan_retry(params: PollingParams, failures: int) -> float:
    """Seconds before polling a failing source again: doubling from the minimum, capped."""
    base = max(params.min_interval, 1.0)
    return float(min(base * 2 ** max(failures - 1, 0), params.max_interval))


def next_poll_time(now: datetime, seconds: float, not_before: datetime | None) -> datetime:
    """``now`` plus ``seconds``, but never before what the server asked for."""
    planned = now + timedelta(seconds=seconds)
    return max(planned, not_before) if not_before is not None else planned
