"""Server-rendered pages of the web UI: story list, story, storyline and the ``/new`` form.

Handlers are plain ``def`` functions (threadpool) that call the public Python
API and hand dataclasses to Jinja2 templates, which escape every value.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from newsfuse.corpus.job_work import prepared_request
from newsfuse.pipeline import brief, read_report
from newsfuse.server.dependencies import AppCorpus
from newsfuse.server.job_routes import settings_of, start_brief_job
from newsfuse.server.schemas import MAX_ARTICLES_PER_REQUEST, MAX_BUDGET, parse_time_bound
from newsfuse.server.security import form_token_refused
from newsfuse.server.views import build_brief_page

# Stories per page of the list: one screenful of titles on a laptop.
PAGE_SIZE = 30

# Seconds between two refreshes of the story list while it is open (``?refresh=`` sets
# another, within the bounds): a feed pass takes minutes, so half a minute is prompt.
REFRESH_SECONDS = 30
MIN_REFRESH_SECONDS = 1
MAX_REFRESH_SECONDS = 3600

# Uploaded files keep only these suffixes (the readers pick the format by suffix).
UPLOAD_SUFFIXES = frozenset({".txt", ".html", ".htm", ".jsonl", ".json"})

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)


def render_page(
    request: Request, name: str, context: dict[str, Any], status: int = 200
) -> Response:
    """Render a template with the request (for url_for) and the given data."""
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, name, context, status_code=status)


@router.get("/")
def story_list_page(
    request: Request,
    corpus: AppCorpus,
    q: Annotated[str, Query(max_length=500)] = "",
    since: str = "",
    until: str = "",
    offset: Annotated[int, Query(ge=0)] = 0,
    refresh: Annotated[
        int, Query(ge=MIN_REFRESH_SECONDS, le=MAX_REFRESH_SECONDS)
    ] = REFRESH_SECONDS,
) -> Response:
    """The story list, with word search and a date window; it refreshes itself while open
    (so stories appear as ``newsfuse watch`` adds them)."""
    stories = corpus.stories(
        since=parse_time_bound(since, "since"),
        until=parse_time_bound(until, "until", end_of_day=True),
        query=q.strip() or None,
        limit=PAGE_SIZE + 1,
        offset=offset,
    )
    return render_page(
        request,
        "index.html",
        {
            "stories": stories[:PAGE_SIZE],
            "conflicts_found": corpus.conflicts_found([s.id for s in stories[:PAGE_SIZE]]),
            "refresh": refresh,
            "has_more": len(stories) > PAGE_SIZE,
            "q": q,
            "since": since,
            "until": until,
            "offset": offset,
            "page_size": PAGE_SIZE,
        },
    )


@router.get("/stories/{story_id}")
def story_page(story_id: str, request: Request, corpus: AppCorpus) -> Response:
    """One story: the cited brief, the fact table, the sources' text and the timeline."""
    view = corpus.story(story_id)
    return render_page(
        request,
        "story.html",
        {"view": view, "page": build_brief_page(view.brief), "title": view.story.title},
    )


@router.get("/storylines/{storyline_id}")
def storyline_page(storyline_id: str, request: Request, corpus: AppCorpus) -> Response:
    """A storyline: its stories over time."""
    storyline = corpus.storyline(storyline_id)
    return render_page(request, "storyline.html", {"storyline": storyline})


@router.get("/new")
def new_brief_page(request: Request) -> Response:
    """The form to paste or upload articles and get a brief."""
    return render_page(request, "new.html", form_context(request))


@router.post("/new")
def new_brief_result(
    request: Request,
    budget: Annotated[int, Form(ge=1, le=MAX_BUDGET)] = 120,
    token: Annotated[str, Form()] = "",
    title: Annotated[list[str], Form()] = [],  # noqa: B006 - FastAPI copies defaults
    source: Annotated[list[str], Form()] = [],  # noqa: B006
    published: Annotated[list[str], Form()] = [],  # noqa: B006
    url: Annotated[list[str], Form()] = [],  # noqa: B006
    text: Annotated[list[str], Form()] = [],  # noqa: B006
    files: Annotated[list[UploadFile], File()] = [],  # noqa: B006
) -> Response:
    """Brief the pasted and uploaded articles (stateless: nothing is stored)."""
    if form_token_refused(request, token):
        context = form_context(request, error="The access token is missing or wrong.")
        return render_page(request, "new.html", context, status=401)
    records = pasted_records(title, source, published, url, text)
    with tempfile.TemporaryDirectory(prefix="newsfuse-upload-") as folder:
        paths = save_uploads(files, Path(folder))
        if len(records) + len(paths) > MAX_ARTICLES_PER_REQUEST:
            error = f"At most {MAX_ARTICLES_PER_REQUEST} articles per brief; remove some."
            return render_page(request, "new.html", form_context(request, error=error), 422)
        if not records and not paths:
            error = "Paste the text of at least one article, or choose a file."
            return render_page(request, "new.html", form_context(request, error=error), 422)
        report = read_report([*records, *paths])
    chars = sum(len(article.text) for article in report.articles)
    if report.articles and settings_of(request).wants_job(len(report.articles), chars):
        return start_brief_job(request, prepared_request(report, budget), token or None)
    if not report.articles:
        reasons = "; ".join(str(s) for s in report.skipped) or "no text"
        error = f"No usable article was found ({reasons})."
        return render_page(request, "new.html", form_context(request, error=error), 422)
    result = brief(report.articles, budget=budget, skipped=report.skipped)
    return render_page(
        request, "result.html", {"page": build_brief_page(result), "title": "Your brief"}
    )


def form_context(request: Request, error: str = "") -> dict[str, Any]:
    """What the ``/new`` form needs: whether to ask for a token, and an error to show."""
    return {
        "needs_token": request.app.state.token is not None,
        "error": error,
        "max_articles": MAX_ARTICLES_PER_REQUEST,
        "title": "New brief",
    }


def pasted_records(
    titles: list[str],
    sources: list[str],
    published: list[str],
    urls: list[str],
    texts: list[str],
) -> list[dict[str, str]]:
    """Pair the repeated form fields into article records, dropping blocks without text."""
    records: list[dict[str, str]] = []
    for index, body in enumerate(texts):
        if not body.strip():
            continue
        record = {"id": f"pasted-{index + 1}", "text": body}
        for key, values in (("title", titles), ("source", sources), ("url", urls)):
            if index < len(values) and values[index].strip():
                record[key] = values[index].strip()
        if index < len(published) and published[index].strip():
            record["published"] = published[index].strip()
        records.append(record)
    return records


def save_uploads(files: list[UploadFile], folder: Path) -> list[Path]:
    """Write uploads to ``folder`` under safe generated names, keeping a known suffix."""
    paths: list[Path] = []
    for index, upload in enumerate(files):
        if not upload.filename:
            continue
        suffix = Path(upload.filename).suffix.lower()
        path = folder / f"upload-{index + 1}{suffix if suffix in UPLOAD_SUFFIXES else '.txt'}"
        path.write_bytes(upload.file.read())
        paths.append(path)
    return paths
