"""Options shared by several commands, declared once so that their names, help and
defaults cannot drift apart between commands."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

DB_HELP = "Store file (default: $NEWSFUSE_DB, else ~/.local/share/newsfuse/newsfuse.db)."
ALLOW_HOST_HELP = (
    "Admit HOST or HOST:PORT although it resolves to a private or loopback address "
    "(repeatable; also NEWSFUSE_ALLOW_HOSTS, comma-separated)."
)
HOST_DELAY_HELP = "Seconds between two requests to one host (also NEWSFUSE_HOST_DELAY; default 1)."

DbOption = Annotated[Path | None, typer.Option("--db", help=DB_HELP)]
AllowHostOption = Annotated[list[str] | None, typer.Option("--allow-host", help=ALLOW_HOST_HELP)]
HostDelayOption = Annotated[float | None, typer.Option("--host-delay", help=HOST_DELAY_HELP, min=0)]
LockTimeoutOption = Annotated[
    float | None,
    typer.Option(
        "--lock-timeout",
        min=0,
        envvar="NEWSFUSE_LOCK_TIMEOUT",
        help="Seconds to wait for another process's write lock (default 30).",
    ),
]
