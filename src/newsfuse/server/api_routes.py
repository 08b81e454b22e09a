"""JSON endpoints under ``/api``: thin calls into the pipeline and the app's corpus.

Every handler is a plain ``def`` so it runs in the threadpool, never blocking the event loop.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse

from newsfuse._version import __version__
from newsfuse.corpus.jobs import BRIEF, INGEST
from newsfuse.errors import InputError
from newsfuse.pipeline import brief, read_report
from newsfuse.render import brief_to_dict
from newsfuse.server.dependencies import AppCorpus
from newsfuse.server.job_routes import (
    JobOut,
    accepted,
    queue_of,
    request_size,
    submit_job,
    wants_async,
)
from newsfuse.server.schemas import (
    ArticleIn,
    ArticlesIn,
    BriefIn,
    ErrorOut,
    HealthOut,
    IngestReportOut,
    StorylineOut,
    StoryListOut,
    StoryOut,
    ingest_report_out,
    parse_time_bound,
    records_of,
    story_summary_out,
    storyline_out,
)
from newsfuse.server.security import bearer_token, require_write_token
from newsfuse.server.warm import MODELS_ON_DEMAND

# Stories per page at most: a page of the list, not a dump of the store (use export for that).
MAX_PAGE_SIZE = 200

ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorOut, "description": "Bearer token missing or wrong."},
    404: {"model": ErrorOut, "description": "No such story or storyline."},
    413: {"model": ErrorOut, "description": "Request body too large."},
    422: {"model": ErrorOut, "description": "Invalid input; the message says which field."},
}

ACCEPTED: dict[str, Any] = {
    "model": JobOut,
    "description": "A big request: a job was queued; poll the URL in `Location`.",
}

router = APIRouter()


def big_request(request: Request, articles: list[ArticleIn]) -> bool:
    """True when the request is answered by a background job (see ``JobSettings``)."""
    settings = queue_of(request).settings
    return wants_async(request) or settings.wants_job(*request_size(articles))


@router.get(
    "/healthz",
    response_model=HealthOut,
    tags=["meta"],
    responses={
        401: ERRORS[401],
        503: {"model": HealthOut, "description": "The deep check found problems."},
    },
)
def health(
    request: Request,
    corpus: AppCorpus,
    deep: Annotated[
        bool,
        Query(
            description="Also check the store (SQLite integrity and story consistency, "
            "as `newsfuse check`); needs the write token when the server has one."
        ),
    ] = False,
) -> Any:
    """Liveness check (the process answers) or, with `deep=1`, a check of the store."""
    models = getattr(request.app.state, "models", MODELS_ON_DEMAND)
    if not deep:
        return HealthOut(status="ok", version=__version__, models=models)
    # The deep check reads the whole file: only for whoever may write to it.
    require_write_token(request)
    problems = corpus.check()
    status = "failing" if problems else "ok"
    answer = HealthOut(status=status, version=__version__, problems=problems, models=models)
    if problems:
        return JSONResponse(answer.model_dump(), status_code=503)
    return answer


@router.post(
    "/api/brief",
    tags=["brief"],
    dependencies=[Depends(require_write_token)],
    responses={202: ACCEPTED, **{k: ERRORS[k] for k in (401, 413, 422)}},
)
def make_brief(body: BriefIn, request: Request) -> Any:
    """Brief the given articles without storing them: the JSON of `newsfuse brief --format json`.

    Above the server's size threshold (or with `Prefer: respond-async`) the answer is
    `202 Accepted` with a job to poll at its `Location`, whose result is that JSON.
    """
    if big_request(request, body.articles):
        payload = {"articles": records_of(body.articles), "budget": body.budget}
        return accepted(request, submit_job(request, BRIEF, payload, bearer_token(request)))
    report = read_report(records_of(body.articles))
    if not report.articles:
        reasons = "; ".join(str(s) for s in report.skipped) or "no text"
        raise InputError("articles", f"no usable article in the request ({reasons})")
    result = brief(report.articles, budget=body.budget, skipped=report.skipped)
    return brief_to_dict(result)


@router.post(
    "/api/articles",
    response_model=IngestReportOut,
    tags=["store"],
    dependencies=[Depends(require_write_token)],
    responses={202: ACCEPTED, **{k: ERRORS[k] for k in (401, 413, 422)}},
)
def ingest_articles(body: ArticlesIn, corpus: AppCorpus, request: Request) -> Any:
    """Add articles to the store, grouping them into stories; reports new/duplicate/skipped.

    Above the server's size threshold (or with `Prefer: respond-async`) the answer is
    `202 Accepted` with a job to poll at its `Location`, whose result is that report.
    """
    if big_request(request, body.articles):
        payload = {"articles": records_of(body.articles)}
        return accepted(request, submit_job(request, INGEST, payload, bearer_token(request)))
    return ingest_report_out(corpus.ingest(records_of(body.articles)))


@router.get(
    "/api/stories",
    response_model=StoryListOut,
    tags=["store"],
    responses={422: ERRORS[422]},
)
def list_stories(
    corpus: AppCorpus,
    q: Annotated[
        str | None,
        Query(
            description="Words one article must all contain, each as the start of a word "
            "(full-text search; case, accents and punctuation ignored).",
            max_length=500,
        ),
    ] = None,
    since: Annotated[str | None, Query(description="YYYY-MM-DD or ISO date-time.")] = None,
    until: Annotated[str | None, Query(description="YYYY-MM-DD (inclusive) or date-time.")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> StoryListOut:
    """Stories, newest first, optionally filtered by words and a publication window."""
    start = parse_time_bound(since, "since")
    end = parse_time_bound(until, "until", end_of_day=True)
    stories = corpus.stories(
        since=start,
        until=end,
        query=q or None,
        limit=limit,
        offset=offset,
    )
    return StoryListOut(stories=[story_summary_out(s) for s in stories], limit=limit, offset=offset)


@router.get(
    "/api/stories/{story_id}",
    response_model=StoryOut,
    tags=["store"],
    responses={404: ERRORS[404]},
)
def get_story(story_id: str, corpus: AppCorpus) -> StoryOut:
    """One story: its cited brief (with sources and fact table) and its storyline's timeline."""
    view = corpus.story(story_id)
    return StoryOut(
        story=story_summary_out(view.story),
        brief=brief_to_dict(view.brief),
        timeline=[story_summary_out(s) for s in view.timeline],
    )


@router.get(
    "/api/storylines/{storyline_id}",
    response_model=StorylineOut,
    tags=["store"],
    responses={404: ERRORS[404]},
)
def get_storyline(storyline_id: str, corpus: AppCorpus) -> StorylineOut:
    """A storyline: its stories, oldest first."""
    return storyline_out(corpus.storyline(storyline_id))
