"""Source commands: ``sources add|import|export|list|remove``.

Each opens a :class:`~newsfuse.corpus.Corpus` on ``--db`` and calls one of its
source methods; ``add`` fetches (the feed, or the site page it discovers feeds
on) and so takes ``--allow-host`` and ``--host-delay``.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from newsfuse.cli.options import AllowHostOption, DbOption, HostDelayOption
from newsfuse.cli.store_cmd import ListFormat

if TYPE_CHECKING:
    from newsfuse.fetching import FetchSettings
    from newsfuse.store.sources import Source


def make_fetch_settings(allow_hosts: list[str] | None, host_delay: float | None) -> FetchSettings:
    """Fetcher settings from the environment, then ``--allow-host`` and ``--host-delay``."""
    # Imported here: httpx and its company cost ~0.3 s, which 'newsfuse --help' must not pay.
    from newsfuse.fetching import FetchSettings

    allowed = tuple(allow_hosts or ())
    if host_delay is None:
        return FetchSettings.from_environment(allow_hosts=allowed)
    return FetchSettings.from_environment(allow_hosts=allowed, host_delay=host_delay)


def _source_record(source: Source) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for name in source.__slots__:
        value = getattr(source, name)
        record[name] = value.isoformat() if isinstance(value, datetime) else value
    record["tags"] = list(source.tags)
    return record


def _status_line(source: Source) -> str:
    fetched = source.last_fetched.strftime("%Y-%m-%d %H:%M") if source.last_fetched else "never"
    upcoming = source.next_poll.strftime("%Y-%m-%d %H:%M") if source.next_poll else "now"
    status = f"error: {source.last_error}" if source.last_error else "ok"
    name = source.name or "-"
    return (
        f"{source.url}  {name}  items: {source.items}  fetched: {fetched}  "
        f"next: {upcoming}  {status}"
    )


def register(app: typer.Typer) -> None:
    sources = typer.Typer(help="Manage the feeds newsfuse fetches.", no_args_is_help=True)
    app.add_typer(sources, name="sources")

    @sources.command("add")
    def add_command(
        urls: Annotated[list[str], typer.Argument(help="Feed URLs, or site URLs to discover.")],
        db: DbOption = None,
        allow_host: AllowHostOption = None,
        host_delay: HostDelayOption = None,
    ) -> None:
        """Add feeds; a site URL adds the feeds its page advertises (<link rel="alternate">)."""
        from newsfuse.corpus import Corpus
        from newsfuse.fetching import Fetcher

        settings = make_fetch_settings(allow_host, host_delay)
        with Fetcher(settings) as fetcher, Corpus(db) as corpus:
            added = corpus.add_sources(urls, fetcher)
        for source in added:
            typer.echo(f"added {source.url}  {source.name}")
        if not added:
            typer.echo("no new source (all already known)")

    @sources.command("import")
    def import_command(
        path: Annotated[Path, typer.Argument(help="An OPML file, or a CSV with columns "
                                             "url,name,homepage,country,language,owner,tags.")],
        db: DbOption = None,
    ) -> None:  # fmt: skip
        """Add the feeds of an OPML or CSV file (known feeds get the file's metadata)."""
        from newsfuse.corpus import Corpus

        with Corpus(db) as corpus:
            added, updated = corpus.import_sources(path)
        typer.echo(f"new: {added}  updated: {updated}")

    @sources.command("export")
    def export_command(
        db: DbOption = None,
        output: Annotated[
            Path | None, typer.Option("--output", "-o", help="Write here, not to stdout.")
        ] = None,
    ) -> None:
        """Print every source as OPML 2.0, tags as folders."""
        from newsfuse.corpus import Corpus

        with Corpus(db) as corpus:
            document = corpus.export_sources()
        if output is None:
            typer.echo(document)
        else:
            output.write_text(document + "\n", encoding="utf-8")

    @sources.command("list")
    def list_command(
        db: DbOption = None,
        output_format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.text,
    ) -> None:
        """Every source with its status: items, last fetched, next poll, last error."""
        from newsfuse.corpus import Corpus

        with Corpus(db) as corpus:
            found = corpus.sources()
        if output_format is ListFormat.json:
            typer.echo(json.dumps([_source_record(s) for s in found], indent=2))
            return
        for source in found:
            typer.echo(_status_line(source))

    @sources.command("remove")
    def remove_command(
        urls: Annotated[list[str], typer.Argument(help="Feed URLs as 'sources list' shows them.")],
        db: DbOption = None,
    ) -> None:
        """Stop fetching these feeds (articles already stored stay)."""
        from newsfuse.corpus import Corpus

        with Corpus(db) as corpus:
            removed = corpus.remove_sources(urls)
        typer.echo(f"removed: {removed}")
