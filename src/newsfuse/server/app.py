"""The FastAPI application factory: wiring of routes, templates, static files and security.

Handlers live in :mod:`newsfuse.server.api_routes` and
:mod:`newsfuse.server.page_routes` and hold no logic: they call the public
Python API (:mod:`newsfuse.pipeline`, and the methods of the app's one
:class:`~newsfuse.corpus.Corpus`, opened at startup and closed at shutdown).
They are plain ``def`` functions, so FastAPI runs them in its threadpool and
the event loop stays free while a brief is computed or SQLite is read; the
corpus handle is thread-safe (a lock around its connection and write path).
While it serves, the process keeps few malloc arenas and gives free memory back
periodically (:mod:`newsfuse.server.memory`).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsfuse._version import __version__
from newsfuse.corpus import Corpus
from newsfuse.corpus.jobs import JobSettings
from newsfuse.errors import (
    ConfigError,
    FetchError,
    InputError,
    ModelError,
    NewsfuseError,
    NotFoundError,
    StoreError,
)
from newsfuse.server import api_routes, feed_routes, job_routes, page_routes, source_routes
from newsfuse.server.jobs import start_jobs
from newsfuse.server.memory import limit_arenas, trimming
from newsfuse.server.openapi import build_openapi
from newsfuse.server.security import BodySizeLimitMiddleware, SecurityHeadersMiddleware
from newsfuse.server.views import format_time
from newsfuse.server.warm import MODELS_ON_DEMAND, start_warm_up

log = logging.getLogger(__name__)

PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = PACKAGE_DIR / "templates"
STATIC_DIR = PACKAGE_DIR / "static"

# Request bodies above this are refused with 413: two hundred long articles as
# raw HTML fit in 5 MB, and the limit keeps one client from filling memory.
MAX_BODY_BYTES = 5 * 1024 * 1024

# HTTP status for each of newsfuse's own errors.
ERROR_STATUS: tuple[tuple[type[NewsfuseError], int], ...] = (
    (NotFoundError, 404),
    (InputError, 422),
    (ConfigError, 422),
    (StoreError, 503),
    (ModelError, 503),
    (FetchError, 502),
)


def create_app(
    db: str | Path | None = None,
    *,
    token: str | None = None,
    max_body_bytes: int = MAX_BODY_BYTES,
    lock_timeout: float | None = None,
    jobs: JobSettings | None = None,
    preload: bool = False,
) -> FastAPI:
    """Build the newsfuse web app over the store at ``db`` (None: the store's default).

    With a ``token``, write endpoints (``POST /api/articles``, ``POST /api/brief``
    and the ``/new`` form) require it as a bearer token; ``newsfuse serve``
    insists on one whenever it listens on anything but loopback. The store is
    opened when the app starts and closed when it stops; ``lock_timeout`` is the
    longest wait for another process's write lock (see :class:`Corpus`).
    Requests above ``jobs``' size threshold become background jobs (202 Accepted),
    run by this server or another sharing the store (see :class:`JobSettings`).
    With ``preload``, the models load in the background as the app starts, so that
    the first brief does not wait for them (``/healthz`` says when they are ready).
    """

    @asynccontextmanager
    async def open_corpus(app: FastAPI) -> AsyncIterator[None]:
        # Before the threadpool's first thread: a long-running server's memory stays flat.
        limit_arenas()
        with Corpus(db, lock_timeout=lock_timeout) as corpus, trimming():
            app.state.corpus = corpus
            app.state.models = MODELS_ON_DEMAND
            if preload:
                start_warm_up(app)
            with start_jobs(app, corpus, jobs or JobSettings(), lock_timeout):
                yield
        app.state.corpus = None

    app = FastAPI(
        lifespan=open_corpus,
        title="newsfuse",
        version=__version__,
        description="Cited news briefs with a cross-source fact table, over a newsfuse store.",
        # The interactive docs pages load scripts from a CDN; the spec stays available.
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.token = token or None
    templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
    templates.env.autoescape = True
    templates.env.filters["when"] = format_time
    templates.env.globals["url_for"] = path_for
    templates.env.globals["version"] = __version__
    app.state.templates = templates

    app.include_router(api_routes.router)
    app.include_router(feed_routes.router)
    app.include_router(page_routes.router)
    app.include_router(source_routes.router)
    app.include_router(job_routes.router)
    app.include_router(job_routes.pages)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")

    install_error_handlers(app)
    app.openapi = lambda: build_openapi(app)  # type: ignore[method-assign]
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(BodySizeLimitMiddleware, max_bytes=max_body_bytes)
    return app


@jinja2.pass_context
def path_for(context: Mapping[str, Any], name: str, /, **params: Any) -> str:
    """Root-relative URL of a route or static file for templates.

    Starlette's own ``url_for`` builds absolute URLs from the Host header, which
    breaks behind an HTTPS proxy (mixed content); a path works everywhere.
    """
    request: Request = context["request"]
    return str(request.app.url_path_for(name, **params))


def wants_html(request: Request) -> bool:
    """Pages answer errors with a page; the API and machines get JSON."""
    path = request.url.path
    if path.startswith(("/api/", "/static/")) or path in ("/healthz", "/openapi.json"):
        return False
    return "text/html" in request.headers.get("accept", "") or request.method == "GET"


def error_response(request: Request, status: int, message: str) -> Response:
    """One error answer, as an HTML page or ``{"detail": message}``."""
    if wants_html(request):
        templates: Jinja2Templates = request.app.state.templates
        return templates.TemplateResponse(
            request, "error.html", {"status": status, "message": message}, status_code=status
        )
    return JSONResponse({"detail": message}, status_code=status)


def install_error_handlers(app: FastAPI) -> None:
    """Map newsfuse errors and HTTP errors to clean answers without tracebacks."""

    async def on_newsfuse_error(request: Request, error: Exception) -> Response:
        status = next((code for kind, code in ERROR_STATUS if isinstance(error, kind)), 500)
        if status >= 500:
            log.error("%s %s: %s", request.method, request.url.path, error)
        return error_response(request, status, str(error))

    async def on_http_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, StarletteHTTPException)
        if wants_html(request):
            message = {404: "There is no page at this address."}.get(
                error.status_code, str(error.detail)
            )
            return error_response(request, error.status_code, message)
        return JSONResponse(
            {"detail": error.detail}, status_code=error.status_code, headers=error.headers
        )

    async def on_validation_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        if wants_html(request):
            message = "; ".join(
                f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in error.errors()
            )
            return error_response(request, 422, message)
        details = [
            {"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in error.errors()
        ]
        return JSONResponse({"detail": details}, status_code=422)

    app.add_exception_handler(NewsfuseError, on_newsfuse_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)


__all__ = ["create_app"]
