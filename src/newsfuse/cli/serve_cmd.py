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
    ) -> None:
        """Serve the web UI and the JSON API (OpenAPI at /openapi.json).

        The server opens the store once at startup and closes it on exit.
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
        app = create_app(db, token=token, lock_timeout=lock_timeout)
        uvicorn.run(app, host=host, port=port, log_level="warning")
