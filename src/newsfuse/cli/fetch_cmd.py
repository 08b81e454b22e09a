"""Fetch commands: ``fetch`` (one pass over the due sources) and ``watch`` (until stopped).

Both call :meth:`newsfuse.corpus.Corpus.fetch`; Ctrl-C and SIGTERM set a stop
flag, so the sources in hand are finished and recorded before the command ends.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Annotated

import typer

from newsfuse.cli.options import AllowHostOption, DbOption, HostDelayOption
from newsfuse.cli.sources_cmd import make_fetch_settings
from newsfuse.errors import ExitCode

if TYPE_CHECKING:
    from newsfuse.corpus import Corpus
    from newsfuse.corpus.sources import FetchReport, PollingParams
    from newsfuse.fetching import Fetcher

_EMBEDDER_HELP = "Embedder of a new store: 'minilm' (default), 'minilm-static' or 'hashing'."

# The options fetch and watch share; the defaults are PollingParams' (not imported here,
# so that 'newsfuse --help' does not load the corpus).
_MinInterval = Annotated[
    float,
    typer.Option("--min-interval", help="Seconds between polls of a source, at least.", min=0),
]
_MaxInterval = Annotated[
    float, typer.Option("--max-interval", help="Seconds between polls, at most.", min=0)
]
_Workers = Annotated[int, typer.Option("--workers", help="Sources fetched at once.", min=1)]
_Embedder = Annotated[str | None, typer.Option("--embedder", help=_EMBEDDER_HELP)]
_Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No line per source.")]
_NoBriefs = Annotated[
    bool,
    typer.Option(
        "--no-briefs", help="Do not make the briefs of the stories a pass changed at its end."
    ),
]


@contextmanager
def stop_on_signals() -> Iterator[threading.Event]:
    """An event set by SIGINT or SIGTERM while the block runs (the old handlers come back)."""
    stop = threading.Event()

    def request_stop(number: int, frame: object) -> None:
        if not stop.is_set():
            typer.echo("newsfuse: stopping after the sources in hand", err=True)
        stop.set()

    previous = {number: signal.signal(number, request_stop) for number in _STOP_SIGNALS}
    try:
        yield stop
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def _run_pass(
    corpus: Corpus,
    fetcher: Fetcher,
    params: PollingParams,
    stop: threading.Event,
    due_only: bool,
    quiet: bool,
    briefs: bool,
) -> FetchReport:
    def show(line: str) -> None:
        if not quiet:
            typer.echo(line, err=True)

    report = corpus.fetch(
        fetcher, params=params, due_only=due_only, stop=stop, on_source=show, briefs=briefs
    )
    stamp = datetime.now(UTC).strftime("%H:%M:%S")
    typer.echo(f"{stamp}  {report.summary_line()}")
    return report


def _seconds_to_next_poll(corpus: Corpus, params: PollingParams) -> float:
    """Seconds until the earliest planned poll, at least 1 and at most ``recheck_seconds``."""
    now = datetime.now(UTC)
    sources = corpus.sources()
    planned = [s.next_poll for s in sources if s.next_poll is not None]
    if not planned or len(planned) < len(sources):
        return 1.0
    wait = (min(planned) - now).total_seconds()
    return min(max(wait, 1.0), params.recheck_seconds)


def register(app: typer.Typer) -> None:
    @app.command("fetch")
    def fetch_command(
        db: DbOption = None,
        allow_host: AllowHostOption = None,
        host_delay: HostDelayOption = None,
        every_source: Annotated[
            bool,
            typer.Option("--all", help="Poll every source now, not only those due."),
        ] = False,
        min_interval: _MinInterval = 300.0,
        max_interval: _MaxInterval = 6 * 3600.0,
        workers: _Workers = 4,
        embedder: _Embedder = None,
        quiet: _Quiet = False,
        no_briefs: _NoBriefs = False,
    ) -> None:
        """Poll the sources that are due once, and add their new articles to the store.

        Exit status: 0 when every source was polled, 7 when some failed (each
        failure is recorded on its source), 130 when stopped.
        """
        from newsfuse.corpus import Corpus
        from newsfuse.corpus.sources import PollingParams
        from newsfuse.fetching import Fetcher

        params = PollingParams(min_interval, max_interval, workers=workers)
        settings = make_fetch_settings(allow_host, host_delay)
        with (
            stop_on_signals() as stop,
            Fetcher(settings) as fetcher,
            Corpus(db, embedder=embedder) as corpus,
        ):
            report = _run_pass(
                corpus, fetcher, params, stop, not every_source, quiet, not no_briefs
            )
        if report.interrupted:
            sys.exit(ExitCode.INTERRUPTED)
        if report.failed:
            sys.exit(ExitCode.FETCH_FAILED)

    @app.command("watch")
    def watch_command(
        db: DbOption = None,
        allow_host: AllowHostOption = None,
        host_delay: HostDelayOption = None,
        min_interval: _MinInterval = 300.0,
        max_interval: _MaxInterval = 6 * 3600.0,
        workers: _Workers = 4,
        embedder: _Embedder = None,
        quiet: _Quiet = False,
        no_briefs: _NoBriefs = False,
        keep_days: Annotated[
            float | None,
            typer.Option(
                "--keep-days",
                min=0,
                help="After each pass, delete stories with no article newer than this "
                "many days (their articles, briefs and Atom entries too).",
            ),
        ] = None,
    ) -> None:
        """Poll each source when it is due, until Ctrl-C or SIGTERM; one summary line a pass.

        Each source is polled between --min-interval and --max-interval apart, from
        how often it publishes, and never before its server's Cache-Control or
        Retry-After allows. Stopping finishes the sources in hand and exits 0.
        Retention (see the option below) deletes stale stories after each pass,
        each prune in one transaction.
        """
        from newsfuse.corpus import Corpus
        from newsfuse.corpus.sources import PollingParams
        from newsfuse.fetching import Fetcher

        params = PollingParams(min_interval, max_interval, workers=workers)
        settings = make_fetch_settings(allow_host, host_delay)
        with (
            stop_on_signals() as stop,
            Fetcher(settings) as fetcher,
            Corpus(db, embedder=embedder) as corpus,
        ):
            while not stop.is_set():
                _run_pass(corpus, fetcher, params, stop, True, quiet, not no_briefs)
                if keep_days and not stop.is_set():
                    pruned = corpus.prune(keep_days)
                    if pruned.stories:
                        typer.echo(
                            f"pruned: {pruned.stories} stories, {pruned.articles} articles "
                            f"older than {keep_days:g} days"
                        )
                stop.wait(_seconds_to_next_poll(corpus, params))
