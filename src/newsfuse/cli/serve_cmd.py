"""``newsfuse serve``: the HTTP API and web UI over a store.

Writes need a bearer token whenever the server listens on anything but
loopback; without one it refuses to start rather than expose an open writer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsfuse.cli.options import LockTimeoutOption
from newsfuse.errors import ConfigError

# Port of the development server by default (the common one for local web apps).
DEFAULT_PORT = 8000

# Defaults of the job options, those of newsfuse.corpus.jobs.JobSettings (a test keeps them
# equal); written out so that 'newsfuse --help' does not import the store.
SYNC_MAX_ARTICLES = 10
SYNC_MAX_CHARS = 20_000
JOB_TTL = 24 * 3600.0
JOB_LEASE = 30.0
JOB_POLL_INTERVAL = 1.0


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve_command(
        db: Annotated[
            Path | None,
            typer.Option(help="The store (SQLite file); the store's default when absent."),
        ] = None,
        host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
        port: Annotated[int, typer.Option(min=0, max=65535, help="Port.")] = DEFAULT_PORT,
        token: Annotated[
            str | None,
            typer.Option(
                envvar="NEWSFUSE_TOKEN",
                help="Bearer token for writes (POST). Required unless the host is loopback.",
            ),
        ] = None,
        lock_timeout: LockTimeoutOption = None,
        sync_max_articles: Annotated[
            int,
            typer.Option(
                min=0, help="Requests with more articles become background jobs (202 Accepted)."
            ),
        ] = SYNC_MAX_ARTICLES,
        sync_max_chars: Annotated[
            int,
            typer.Option(
                min=0,
                help="Requests with more characters of text and HTML become background jobs.",
            ),
        ] = SYNC_MAX_CHARS,
        max_jobs: Annotated[
            int | None,
            typer.Option(
                min=1, help="Background jobs this server runs at once [default: 1 per 2 cores]."
            ),
        ] = None,
        job_ttl: Annotated[
            float,
            typer.Option(min=1, help="Seconds a job and its result are kept (then deleted)."),
        ] = JOB_TTL,
        job_lease: Annotated[
            float,
            typer.Option(
                min=0.1,
                help="Seconds a server holds a job without renewing it; after that another "
                "server sharing the store (or this one restarted) runs it again.",
            ),
        ] = JOB_LEASE,
        preload: Annotated[
            bool,
            typer.Option(
                help="Load the models in the background as the server starts, so that the "
                "first brief does not wait for them (/healthz says when they are ready)."
            ),
        ] = True,
    ) -> None:
        """Serve the web UI and the JSON API (OpenAPI at /openapi.json).

        The server opens the store once at startup and closes it on exit. Big
        requests answer 202 Accepted with a job to poll; unfinished jobs survive a
        restart, and servers sharing one store share its jobs.
        """
        # uvicorn and FastAPI load only when serving, so that 'newsfuse --help' stays fast.
        import uvicorn

        from newsfuse.server.app import create_app
        from newsfuse.server.security import is_loopback

        if not is_loopback(host) and not token:
            raise ConfigError(
                f"--host {host} is reachable from other machines, so writes need a token: "
                "pass --token TOKEN or set NEWSFUSE_TOKEN (or use --host 127.0.0.1)"
            )
        typer.echo(f"newsfuse: serving on http://{host}:{port}/ (Ctrl+C to stop)", err=True)
        from newsfuse.corpus.jobs import JobSettings

        jobs = JobSettings(
            sync_max_articles=sync_max_articles,
            sync_max_chars=sync_max_chars,
            max_running=max_jobs or JobSettings().max_running,
            ttl=job_ttl,
            lease=job_lease,
            poll_interval=min(JOB_POLL_INTERVAL, job_lease / 3),
        )
        app = create_app(db, token=token, lock_timeout=lock_timeout, jobs=jobs, preload=preload)
        uvicorn.run(app, host=host, port=port, log_level="warning")
