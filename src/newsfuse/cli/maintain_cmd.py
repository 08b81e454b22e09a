"""Store upkeep commands: ``backup``, ``restore`` and ``check``.

Each calls one function of :mod:`newsfuse.corpus` (``backup_store``,
``restore_store``, ``check_store``) and prints one line per result.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from newsfuse.cli.options import DbOption, LockTimeoutOption
from newsfuse.errors import ExitCode, StoreError


def _existing_store(db: Path | None) -> Path:
    """The store path the command works on, which must exist: checking or backing up a
    store must not create an empty one at a mistyped path."""
    # The store package pulls in numpy: imported when a command runs.
    from newsfuse.store import default_db_path

    path = db.expanduser() if db is not None else default_db_path()
    if not path.is_file():
        raise StoreError(f"{path}: no store there; pass the store file with --db")
    return path


def register(app: typer.Typer) -> None:
    @app.command("backup")
    def backup_command(
        target: Annotated[Path, typer.Argument(help="File to write the backup to (replaced).")],
        db: DbOption = None,
        lock_timeout: LockTimeoutOption = None,
    ) -> None:
        """Copy the store to one file while other processes keep using it.

        Uses SQLite's online backup API: the copy is one consistent snapshot,
        checked before it replaces TARGET. 'newsfuse restore TARGET' puts it back.
        """
        # The corpus pulls in numpy: imported when a command runs, so --help stays fast.
        from newsfuse.corpus import backup_store

        backup_store(target, db=_existing_store(db), lock_timeout=lock_timeout)
        typer.echo(f"newsfuse: backed up to {target}", err=True)

    @app.command("restore")
    def restore_command(
        backup: Annotated[Path, typer.Argument(help="A file written by 'newsfuse backup'.")],
        db: DbOption = None,
        force: Annotated[
            bool,
            typer.Option("--force", help="Restore even while another process has the store open."),
        ] = False,
        lock_timeout: LockTimeoutOption = None,
    ) -> None:
        """Put a backup back as the store, after checking its integrity.

        Refuses a store that a running serve, ingest or watch has open, unless --force.
        """
        # The corpus pulls in numpy: imported when a command runs, so --help stays fast.
        from newsfuse.corpus import restore_store

        restore_store(backup, db=db, force=force, lock_timeout=lock_timeout)
        typer.echo(f"newsfuse: restored {backup}", err=True)

    @app.command("check")
    def check_command(
        db: DbOption = None,
    ) -> None:
        """Check the store: SQLite's integrity check and newsfuse's own invariants.

        Exit status: 0 when sound, 6 when a problem was found (one line each).
        """
        # The corpus pulls in numpy: imported when a command runs, so --help stays fast.
        from newsfuse.corpus import check_store

        problems = check_store(db=_existing_store(db))
        for problem in problems:
            typer.echo(f"problem: {problem}")
        if problems:
            sys.exit(ExitCode.STORE_ERROR)
        typer.echo("ok: integrity and consistency checks passed")
