"""The Sources page of the web UI: each followed feed's status, and add/remove forms.

Adding and removing change the store, so with a server token both forms ask for
it. Adding fetches the URL (a feed, or a site whose feeds are discovered) under
the SSRF guard with the settings of ``NEWSFUSE_ALLOW_HOSTS`` and
``NEWSFUSE_HOST_DELAY``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from newsfuse.errors import NewsfuseError
from newsfuse.server.dependencies import AppCorpus
from newsfuse.server.page_routes import render_page
from newsfuse.server.security import form_token_refused

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)


def sources_context(
    request: Request, corpus: Any, *, error: str = "", notice: str = "", url: str = ""
) -> dict[str, Any]:
    """What the Sources page shows: the sources, whether to ask for a token, messages."""
    return {
        "sources": corpus.sources(),
        "needs_token": request.app.state.token is not None,
        "error": error,
        "notice": notice,
        "url": url,
        "title": "Sources",
    }


@router.get("/sources")
def sources_page(request: Request, corpus: AppCorpus) -> Response:
    """Every followed feed: name, owner, last fetched, last error, items, next poll."""
    return render_page(request, "sources.html", sources_context(request, corpus))


@router.post("/sources/add")
def add_source(
    request: Request,
    corpus: AppCorpus,
    url: Annotated[str, Form(max_length=2000)] = "",
    token: Annotated[str, Form()] = "",
) -> Response:
    """Follow a feed URL, or the feeds a site page advertises."""
    if form_token_refused(request, token):
        context = sources_context(
            request, corpus, error="The access token is missing or wrong.", url=url
        )
        return render_page(request, "sources.html", context, status=401)
    if not url.strip():
        context = sources_context(request, corpus, error="Enter the URL of a feed or a site.")
        return render_page(request, "sources.html", context, status=422)
    # Imported here: httpx and the feed parsers are needed only when a source is added.
    from newsfuse.fetching import Fetcher, FetchSettings

    try:
        with Fetcher(FetchSettings.from_environment()) as fetcher:
            added = corpus.add_sources([url.strip()], fetcher)
    except NewsfuseError as error:
        context = sources_context(request, corpus, error=str(error), url=url)
        return render_page(request, "sources.html", context, status=422)
    notice = f"Added {len(added)} source(s)." if added else "That feed is followed already."
    return render_page(request, "sources.html", sources_context(request, corpus, notice=notice))


@router.post("/sources/remove")
def remove_source(
    request: Request,
    corpus: AppCorpus,
    url: Annotated[str, Form(max_length=2000)] = "",
    token: Annotated[str, Form()] = "",
) -> Response:
    """Stop following a feed (its stored articles stay)."""
    if form_token_refused(request, token):
        context = sources_context(request, corpus, error="The access token is missing or wrong.")
        return render_page(request, "sources.html", context, status=401)
    try:
        corpus.remove_sources([url])
    except NewsfuseError as error:
        context = sources_context(request, corpus, error=str(error))
        return render_page(request, "sources.html", context, status=404)
    # Post/redirect/get: reloading the page does not post the removal again.
    return RedirectResponse(request.url_for("sources_page"), status_code=303)
