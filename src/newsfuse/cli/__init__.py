"""The ``newsfuse`` command line: thin commands over :mod:`newsfuse.pipeline`.

Each command group lives in its own module and registers itself on ``app``.
Errors derived from :class:`~newsfuse.errors.NewsfuseError` are printed on one
line with a non-zero exit status; ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import logging
import sys

import typer

from newsfuse import __version__

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
        raise typer.Exit()


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
    from newsfuse.cli import brief_cmd

    brief_cmd.register(app)
    for name in ("store_cmd", "eval_cmd", "serve_cmd"):
        try:
            module = __import__(f"newsfuse.cli.{name}", fromlist=["register"])
        except ModuleNotFoundError:
            continue
        module.register(app)


def main() -> None:
    """Entry point of the ``newsfuse`` script."""
    from newsfuse.errors import NewsfuseError

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
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as error:  # the last line of defence: one line, not a traceback
        import click

        if isinstance(error, click.exceptions.Exit):
            sys.exit(error.exit_code)
        if isinstance(error, click.ClickException):
            error.show()
            sys.exit(error.exit_code)
        if isinstance(error, click.exceptions.Abort):
            typer.echo("newsfuse: aborted", err=True)
            sys.exit(1)
        if debug:
            raise
        typer.echo(
            f"newsfuse: internal error: {type(error).__name__}: {error} "
            "(run again with --debug for the traceback, and please report it)",
            err=True,
        )
        sys.exit(70)
