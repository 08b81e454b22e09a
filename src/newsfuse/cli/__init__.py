"""The ``newsfuse`` command line: thin commands over :mod:`newsfuse.pipeline`.

Each command group lives in its own module and registers itself on ``app``.
Errors derived from :class:`~newsfuse.errors.NewsfuseError` are printed on one
line with their exit status (:class:`~newsfuse.errors.ExitCode`); ``--debug``
shows the traceback instead.
"""

from __future__ import annotations

import logging
import sys

import click
import typer

from newsfuse._version import __version__
from newsfuse.cli import brief_cmd, eval_cmd, models_cmd, serve_cmd, store_cmd
from newsfuse.errors import ExitCode, NewsfuseError

app = typer.Typer(
    name="newsfuse",
    help="Turn news articles into cited briefs with a cross-source fact table.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

_state = {"debug": False}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsfuse {__version__}")
        raise typer.Exit(ExitCode.OK)


@app.callback()
def _root(
    debug: bool = typer.Option(False, "--debug", help="Show full tracebacks on errors."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log progress details."),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    _state["debug"] = debug
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.INFO if verbose else logging.WARNING,
        format="newsfuse: %(levelname)s: %(message)s",
    )


def _register() -> None:
    # In the order `newsfuse --help` lists them; a command that fails to import fails loudly.
    for module in (brief_cmd, store_cmd, eval_cmd, serve_cmd, models_cmd):
        module.register(app)


def main() -> None:
    """Entry point of the ``newsfuse`` script."""
    _register()
    debug = "--debug" in sys.argv[1:]
    try:
        # Without standalone mode, click returns the code of a raised typer.Exit instead of
        # exiting; pass it on so that "some inputs were skipped" reaches the shell.
        code = app(standalone_mode=False)
        if isinstance(code, int) and code:
            sys.exit(code)
    except NewsfuseError as error:
        if debug:
            raise
        typer.echo(f"newsfuse: error: {error}", err=True)
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        typer.echo("newsfuse: interrupted", err=True)
        sys.exit(ExitCode.INTERRUPTED)
    except SystemExit:
        raise
    except Exception as error:  # the last line of defence: one line, not a traceback
        if isinstance(error, click.exceptions.Exit):
            sys.exit(error.exit_code)
        if isinstance(error, click.ClickException):
            error.show()
            sys.exit(error.exit_code)
        if isinstance(error, click.exceptions.Abort):
            typer.echo("newsfuse: aborted", err=True)
            sys.exit(ExitCode.ERROR)
        if debug:
            raise
        typer.echo(
            f"newsfuse: internal error: {type(error).__name__}: {error} "
            "(run again with --debug for the traceback, and please report it)",
            err=True,
        )
        sys.exit(ExitCode.INTERNAL_ERROR)
