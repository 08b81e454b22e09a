"""Plain data that flows between the pipeline stages.

Every object that refers to text carries provenance: the id of the article it
comes from and a half-open character span ``[start, end)`` into that article's
cleaned ``text``. Stages are functions from these objects to these objects;
nothing here does I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

FactStatus = Literal["agree", "conflict", "revision", "differs", "single"]
# Order of facts wherever they are listed: disputes first, since they are what a reader
# must see, then figures shown side by side without a verdict ("differs": the comparer
# cannot tell whether they are the same attribute at the same time), single-source last.
FACT_STATUS_ORDER: dict[str, int] = {
    "conflict": 0,
    "revision": 1,
    "differs": 2,
    "agree": 3,
    "single": 4,
}
ClaimKind = Literal[
    "count", "quantity", "money", "percent", "date", "age", "person", "place", "organization"
]


@dataclass(frozen=True, slots=True)
class Removal:
    """A block of boilerplate the cleaner dropped, with the reason, for audit and stats."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Article:
    """One news article after reading and cleaning.

    ``text`` is the cleaned body; every span elsewhere indexes into it.
    ``origin`` says where the article was read from (``path``, ``path:line`` or
    ``<stdin>:line``) so that errors and provenance can point back to it.
    ``non_article`` is set by the cleaner when the document is not a news article
    at all (a cookie wall, a 404 page, a crawl notice): the reason, else "".
    Such documents must not form stories or feed a brief.
    ``language`` is the language the text is written in (an ISO 639-1 code, or a
    Unicode script name for a non-Latin script), "" when unknown.
    """

    id: str
    text: str
    title: str = ""
    source: str = ""
    url: str = ""
    published: datetime | None = None
    author: str = ""
    origin: str = ""
    removed: tuple[Removal, ...] = ()
    non_article: str = ""
    language: str = ""

    @property
    def label(self) -> str:
        """A short human name for the article: outlet, else title, else id."""
        return self.source or self.title or self.id


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be read, and why (one line, names file and line)."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass(frozen=True, slots=True)
class ReadReport:
    """What a read produced: the articles, and every input that was skipped."""

    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...] = ()


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article, located by character span in ``Article.text``."""

    article_id: str
    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class Citation:
    """Evidence for a brief sentence: a span of one article and how strongly it supports it."""

    article_id: str
    start: int
    end: int
    score: float


@dataclass(frozen=True, slots=True)
class BriefSentence:
    """A sentence of the brief. ``citations[0]`` is the sentence it was taken from; a
    compressed sentence (``summary.compress``) cites one span per kept piece first."""

    text: str
    citations: tuple[Citation, ...]
    note: str = ""  # inline fact-conflict flag, e.g. "600 according to [3]"


@dataclass(frozen=True, slots=True)
class Claim:
    """A fact-bearing expression in one article, normalised to a comparable value.

    ``value`` is a number in base units (``unit``: "m", "kg", "USD", "%", ...;
    ``None`` for plain counts), an ISO date string, or a name for entities.
    ``attribute`` is the aligner's key for "what is being measured" (e.g.
    "troops deployed"); claims with equal attributes are compared.
    """

    article_id: str
    start: int
    end: int
    text: str
    kind: ClaimKind
    value: float | str
    unit: str | None = None
    attribute: str = ""
    approximate: bool = False
    vague: bool = False
    bound: str = ""  # what a qualifier says: "at least", "at most", "just under", "about", ...


@dataclass(frozen=True, slots=True)
class Fact:
    """One attribute of the event as the sources state it, with a verdict."""

    status: FactStatus
    subject: str
    kind: ClaimKind
    claims: tuple[Claim, ...]


@dataclass(frozen=True, slots=True)
class BriefStats:
    """Bookkeeping shown to users: what was read, skipped, removed, and how long it took."""

    articles_read: int = 0
    skipped: tuple[Skipped, ...] = ()
    boilerplate_removed_chars: int = 0
    boilerplate_removed_blocks: int = 0
    words: int = 0
    timings: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Brief:
    """A cited multi-document summary with its sources and the cross-source fact table."""

    sentences: tuple[BriefSentence, ...]
    sources: tuple[Article, ...]
    facts: tuple[Fact, ...] = ()
    stats: BriefStats = field(default_factory=BriefStats)
    budget: int = 0


@dataclass(frozen=True, slots=True)
class StorySummary:
    """A story (articles reporting one event) as listed: no brief, just what identifies it."""

    id: str
    title: str
    storyline_id: str
    first_published: datetime | None
    last_published: datetime | None
    article_count: int
    sources: tuple[str, ...] = ()
    # Independent sources: articles that are not near-duplicate copies of another.
    source_count: int = 0
    # Independent outlets: the outlets of those articles, outlets with one owner once.
    outlet_count: int = 0


@dataclass(frozen=True, slots=True)
class StoryView:
    """One story in full: its brief (with facts and sources) and its storyline's timeline."""

    story: StorySummary
    brief: Brief
    timeline: tuple[StorySummary, ...] = ()
    # (copy article id, original article id) for syndicated near-duplicates left out
    # of the brief so that one wire text does not count as several sources.
    duplicates: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class StorylineView:
    """A storyline: related stories over time, oldest first."""

    id: str
    title: str
    stories: tuple[StorySummary, ...]


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What an ingest did: counts of new, duplicate and skipped articles, and stories touched."""

    new: int
    duplicates: int
    near_duplicates: int
    skipped: tuple[Skipped, ...]
    stories_touched: tuple[str, ...]
