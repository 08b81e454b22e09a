"""Background jobs over HTTP: ``/api/jobs/{id}`` (status, cancel) and the ``/jobs/{id}`` page.

A big ``POST /api/brief`` or ``POST /api/articles`` answers ``202 Accepted``
with the job (``Location: /api/jobs/{id}``); the client polls that URL with
the same bearer token until the job is ``done`` (its ``result`` is what the
synchronous call answers) or ``failed``. The web UI's job page polls it too;
a browser carries the token it typed in an HttpOnly, same-site cookie.
The queue and the runner are :mod:`newsfuse.corpus.jobs` and
:mod:`newsfuse.corpus.runner`; handlers here only translate.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field

from newsfuse.corpus.job_work import brief_of_view
from newsfuse.corpus.jobs import BRIEF, Job, JobQueue, JobSettings
from newsfuse.corpus.runner import JobRunner
from newsfuse.errors import StoreError
from newsfuse.server.security import bearer_token
from newsfuse.server.views import build_brief_page

# The cookie a browser's job pages send the token in (set when the /new form makes a job).
TOKEN_COOKIE = "newsfuse_token"


class JobProgressOut(BaseModel):
    """How far a job is: ``done`` of ``total`` steps, and the stage under way."""

    done: int
    total: int
    stage: str


class JobOut(BaseModel):
    """A background job: poll ``url`` until ``status`` is done, failed or cancelled."""

    id: str
    kind: str = Field(..., description="brief or ingest")
    status: str = Field(..., description="queued, running, done, failed or cancelled")
    progress: JobProgressOut
    result: Any = Field(None, description="When done: what the synchronous request answers.")
    error: str = Field("", description="When failed: what went wrong.")
    attempts: int = Field(..., description="Times a server started the job.")
    created: datetime
    updated: datetime
    expires: datetime = Field(..., description="When the job and its result are deleted.")
    url: str
    page: str


def job_out(request: Request, job: Job) -> JobOut:
    """Convert a :class:`Job`, with its API and page addresses."""
    return JobOut(
        id=job.id,
        kind=job.kind,
        status=job.status,
        progress=JobProgressOut(done=job.done, total=job.total, stage=job.stage),
        result=job.result,
        error=job.error,
        attempts=job.attempts,
        created=job.created_at,
        updated=job.updated_at,
        expires=job.expires_at,
        url=str(request.app.url_path_for("get_job", job_id=job.id)),
        page=str(request.app.url_path_for("job_page", job_id=job.id)),
    )


def queue_of(request: Request) -> JobQueue:
    """The app's job queue (opened with the corpus at startup)."""
    queue: JobQueue | None = getattr(request.app.state, "jobs", None)
    if queue is None:
        raise StoreError("the job queue is not open: the app was not started (lifespan not run)")
    return queue


AppJobs = Annotated[JobQueue, Depends(queue_of)]


def reader_token(request: Request) -> str | None:
    """The token a job read presents: the bearer header, else the browser's job cookie."""
    return bearer_token(request) or request.cookies.get(TOKEN_COOKIE) or None


def wants_async(request: Request) -> bool:
    """True when the client asks for a job whatever the size (``Prefer: respond-async``,
    RFC 7240)."""
    preferences = request.headers.get("prefer", "").lower().replace(" ", "").split(",")
    return "respond-async" in preferences


def request_size(articles: list[Any]) -> tuple[int, int]:
    """Articles in a request and characters of their text and HTML, to decide on a job."""
    chars = sum(len(a.text or "") + len(a.html or "") for a in articles)
    return len(articles), chars


def submit_job(request: Request, kind: str, payload: dict[str, Any], token: str | None) -> Job:
    """Queue a job for this request and wake this server's runner."""
    job = queue_of(request).submit(kind, payload, token=token)
    runner: JobRunner | None = getattr(request.app.state, "runner", None)
    if runner is not None:
        runner.wake()
    return job


def settings_of(request: Request) -> JobSettings:
    """The app's job settings."""
    return queue_of(request).settings


def start_brief_job(request: Request, payload: dict[str, Any], token: str | None) -> Response:
    """The /new form's big brief: queue it, and send the browser to the job's page.

    The token the form was given travels to the job pages in an HttpOnly,
    same-site cookie (it authorises reading jobs made with it, nothing else).
    """
    job = submit_job(request, BRIEF, payload, token)
    answer = RedirectResponse(str(request.app.url_path_for("job_page", job_id=job.id)), 303)
    if token:
        answer.set_cookie(
            TOKEN_COOKIE,
            token,
            max_age=int(settings_of(request).ttl),
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
        )
    return answer


def accepted(request: Request, job: Job) -> JSONResponse:
    """``202 Accepted`` with the job, its URL in ``Location``."""
    body = job_out(request, job)
    return JSONResponse(
        body.model_dump(mode="json"), status_code=202, headers={"Location": body.url}
    )


ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"description": "No such job for this token, or it expired."},
}

router = APIRouter()


@router.get("/api/jobs/{job_id}", response_model=JobOut, tags=["jobs"], responses=ERRORS)
def get_job(job_id: str, request: Request, queue: AppJobs) -> JobOut:
    """A job's status, progress and, once done, result (needs the token that made it)."""
    return job_out(request, queue.get(job_id, token=reader_token(request)))


@router.delete("/api/jobs/{job_id}", response_model=JobOut, tags=["jobs"], responses=ERRORS)
def delete_job(job_id: str, request: Request, queue: AppJobs) -> JobOut:
    """Cancel a queued or running job (a running one stops at its next step)."""
    return job_out(request, queue.cancel(job_id, token=reader_token(request)))


@router.post("/api/jobs/{job_id}/cancel", response_model=JobOut, tags=["jobs"], responses=ERRORS)
def cancel_job(job_id: str, request: Request, queue: AppJobs) -> JobOut:
    """Cancel a job, as ``DELETE`` does (for clients that only POST)."""
    return job_out(request, queue.cancel(job_id, token=reader_token(request)))


pages = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)


@pages.get("/jobs/{job_id}")
def job_page(job_id: str, request: Request, queue: AppJobs) -> Response:
    """A job's progress (the page polls the job's URL), or its brief once done."""
    job = queue.get(job_id, token=reader_token(request))
    templates: Jinja2Templates = request.app.state.templates
    if job.status == "done" and job.view is not None:
        page = build_brief_page(brief_of_view(job.view))
        return templates.TemplateResponse(
            request, "result.html", {"page": page, "title": "Your brief"}
        )
    context = {"job": job_out(request, job), "title": "Writing your brief"}
    return templates.TemplateResponse(request, "job.html", context)


@pages.post("/jobs/{job_id}/cancel")
def cancel_job_page(job_id: str, request: Request, queue: AppJobs) -> Response:
    """The job page's Cancel button."""
    queue.cancel(job_id, token=reader_token(request))
    return RedirectResponse(str(request.app.url_path_for("job_page", job_id=job_id)), 303)
