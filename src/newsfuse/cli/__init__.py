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
from newsfuse.cli import (
    brief_cmd,
    digest_cmd,
    eval_cmd,
    fetch_cmd,
    maintain_cmd,
    models_cmd,
    serve_cmd,
    sources_cmd,
    store_cmd,
)
from newsfuse.errors import ExitCode, NewsfuseError

app = typer.Typer(
    name="newsfuse",
    help="Turn news articles into cited briefs with a cross-source fact table.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain click help: rich's help formatter costs more to import than the rest of --help.
    rich_markup_mode=None,
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
    configure_logging(logging.DEBUG if debug else logging.INFO if verbose else logging.WARNING)


# Libraries whose log lines are about their own internals (trafilatura's "discarding
# data: None" for a page without a body, urllib3's retries): routed through newsfuse's
# logging one level quieter, so that by default the output carries newsfuse's messages only.
LIBRARY_LOGGERS = (
    "trafilatura", "htmldate", "courlan", "justext", "charset_normalizer", "urllib3",
    "httpx", "httpcore", "lxml", "filelock", "sentence_transformers", "transformers",
    "onnxruntime", "spacy", "dask", "distributed", "asyncio",
)  # fmt: skip


class LibraryLogHandler(logging.Handler):
    """Passes a library's log record on as newsfuse's ``newsfuse.library.<name>``, one
    level quieter (a library's warning shows with --verbose, its debug lines with --debug)."""

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR:
            level = logging.WARNING
        elif record.levelno >= logging.WARNING:
            level = logging.INFO
        else:
            level = logging.DEBUG
        target = logging.getLogger(f"newsfuse.library.{record.name}")
        if target.isEnabledFor(level):
            target.log(level, "%s: %s", record.name, record.getMessage())


def configure_logging(level: int) -> None:
    """Log newsfuse's messages to stderr at ``level``, and libraries' through
    :class:`LibraryLogHandler`, so none is ever printed raw."""
    logging.basicConfig(level=level, format="newsfuse: %(levelname)s: %(message)s")
    handler = LibraryLogHandler()
    # One level quieter at the source too, so that libraries skip formatting what is dropped.
    library_level = {logging.WARNING: logging.ERROR, logging.INFO: logging.WARNING}
    for name in LIBRARY_LOGGERS:
        library = logging.getLogger(name)
        library.handlers = [handler]
        library.propagate = False
        library.setLevel(library_level.get(level, logging.DEBUG))


def _register() -> None:
    # In the order `newsfuse --help` lists them; a command that fails to import fails loudly.
    for module in (
        brief_cmd,
        store_cmd,
        maintain_cmd,
        sources_cmd,
        fetch_cmd,
        digest_cmd,
        models_cmd,
        eval_cmd,
        serve_cmd,
    ):
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
        # Typer vendors click (typer._click), so its usage errors are not click's classes.
        if isinstance(error, (click.exceptions.Exit, typer.Exit)):
            sys.exit(error.exit_code)
        if isinstance(error, (click.ClickException, typer.TyperException)):
            show = getattr(error, "show", None)
            if callable(show):
                show()
            else:
                typer.echo(f"newsfuse: error: {error.format_message()}", err=True)
            sys.exit(error.exit_code)
        if isinstance(error, (click.exceptions.Abort, typer.Abort)):
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
