"""Request and response shapes of the HTTP API, and converters from newsfuse's dataclasses.

These pydantic models exist for the OpenAPI document and for validation at
the edge; inside newsfuse the frozen dataclasses of :mod:`newsfuse.model` rule.
The brief itself is whatever :func:`newsfuse.render.brief_to_dict` returns, so
that ``POST /api/brief`` answers exactly what ``newsfuse brief --format json`` prints.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from newsfuse.errors import InputError
from newsfuse.model import IngestReport, Skipped, StorylineView, StorySummary

# Articles per request: a story rarely has more than a few dozen reports, and the
# brief's pairwise similarity work grows with the square of the sentence count.
MAX_ARTICLES_PER_REQUEST = 200

# Words in a brief at most: longer than any useful brief, short enough to bound the work.
MAX_BUDGET = 2000


class ArticleIn(BaseModel):
    """One article record, the same shape as a line of a newsfuse JSON Lines file."""

    model_config = ConfigDict(extra="allow")

    id: str | None = Field(None, description="Stable id; derived from url or text if absent.")
    title: str = ""
    text: str | None = Field(None, description="Plain text body (give this or html).")
    html: str | None = Field(None, description="Raw HTML page; its main text is extracted.")
    source: str = Field("", description="Outlet name, e.g. 'Harbour Daily'.")
    url: str = ""
    published: str | float | None = Field(
        None, description="Publication time: ISO 8601 preferred, epoch seconds or free text."
    )
    author: str = ""


class ArticlesIn(BaseModel):
    """A batch of article records (``POST /api/articles``)."""

    articles: list[ArticleIn] = Field(..., min_length=1)

    @field_validator("articles")
    @classmethod
    def check_count(cls, articles: list[ArticleIn]) -> list[ArticleIn]:
        """Refuse oversized batches with a message that says what to do."""
        if len(articles) > MAX_ARTICLES_PER_REQUEST:
            raise ValueError(
                f"{len(articles)} articles given, at most {MAX_ARTICLES_PER_REQUEST} are "
                "accepted per request; split them into several requests"
            )
        return articles


class BriefIn(ArticlesIn):
    """Articles about one event and the brief's length (``POST /api/brief``)."""

    budget: int = Field(120, ge=1, le=MAX_BUDGET, description="Words in the brief at most.")


class SkippedOut(BaseModel):
    """An input that could not be used, and why."""

    origin: str
    reason: str


class IngestReportOut(BaseModel):
    """What an ingest did."""

    new: int
    duplicates: int
    near_duplicates: int
    skipped: list[SkippedOut]
    stories_touched: list[str]


class StorySummaryOut(BaseModel):
    """A story as listed."""

    id: str
    title: str
    storyline_id: str
    first_published: datetime | None
    last_published: datetime | None
    article_count: int
    sources: list[str]
    # Articles not near-duplicate copies of another, and their independent outlets.
    source_count: int = 0
    outlet_count: int = 0


class StoryListOut(BaseModel):
    """One page of the story list."""

    stories: list[StorySummaryOut]
    limit: int
    offset: int


class StoryOut(BaseModel):
    """One story: its brief (sentences, citations, sources, facts) and its storyline."""

    story: StorySummaryOut
    brief: dict[str, Any] = Field(..., description="Same JSON as `newsfuse brief --format json`.")
    timeline: list[StorySummaryOut]


class StorylineOut(BaseModel):
    """A storyline: related stories, oldest first."""

    id: str
    title: str
    stories: list[StorySummaryOut]


class HealthOut(BaseModel):
    """Liveness answer; with ``?deep=1`` also the store's problems (empty when sound)."""

    status: str
    version: str
    problems: list[str] | None = None
    models: str = Field(
        "on demand",
        description='The models a brief uses: "loading" or "ready" when the server loads '
        'them as it starts (`newsfuse serve`), "failed: <reason>", or "on demand" (loaded '
        "by the first brief).",
    )


class ErrorOut(BaseModel):
    """Every error answer: one line saying what was wrong and what to do."""

    detail: Any


def records_of(articles: list[ArticleIn]) -> list[dict[str, Any]]:
    """Article models as the plain record dicts the readers take (absent fields left out)."""
    return [article.model_dump(exclude_none=True) for article in articles]


def skipped_out(skipped: Skipped) -> SkippedOut:
    """Convert a :class:`Skipped`."""
    return SkippedOut(origin=skipped.origin, reason=skipped.reason)


def ingest_report_out(report: IngestReport) -> IngestReportOut:
    """Convert an :class:`IngestReport`."""
    return IngestReportOut(
        new=report.new,
        duplicates=report.duplicates,
        near_duplicates=report.near_duplicates,
        skipped=[skipped_out(s) for s in report.skipped],
        stories_touched=list(report.stories_touched),
    )


def story_summary_out(story: StorySummary) -> StorySummaryOut:
    """Convert a :class:`StorySummary`."""
    return StorySummaryOut(
        id=story.id,
        title=story.title,
        storyline_id=story.storyline_id,
        first_published=story.first_published,
        last_published=story.last_published,
        article_count=story.article_count,
        sources=list(story.sources),
        source_count=story.source_count,
        outlet_count=story.outlet_count,
    )


def storyline_out(storyline: StorylineView) -> StorylineOut:
    """Convert a :class:`StorylineView`."""
    return StorylineOut(
        id=storyline.id,
        title=storyline.title,
        stories=[story_summary_out(s) for s in storyline.stories],
    )


def parse_time_bound(value: str | None, field: str, *, end_of_day: bool = False) -> datetime | None:
    """Parse a ``since``/``until`` query value: an ISO date or date-time; empty means none.

    A bare date as ``until`` means the end of that day, so ``until=2026-03-02``
    includes stories published on 2 March.
    """
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise InputError(
            field, f"{text!r} is not a date; use YYYY-MM-DD or an ISO 8601 date-time"
        ) from None
    if end_of_day and len(text) == len("YYYY-MM-DD"):
        moment = moment.replace(hour=23, minute=59, second=59, microsecond=999999)
    # Stored publication times are timezone-aware; a bound without a zone is UTC, as in ingest.
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
