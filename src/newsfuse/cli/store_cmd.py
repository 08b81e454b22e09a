"""Corpus commands: ``ingest``, ``stories``, ``story``, ``storyline`` and ``export``.

Thin wrappers over :mod:`newsfuse.corpus`; every one takes ``--db`` (default:
``$NEWSFUSE_DB``, else the per-user data directory, see :mod:`newsfuse.store`).
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any

import typer

from newsfuse.config import DEFAULT_BUDGET

# Exit status when the ingest went through but some inputs were skipped.
EXIT_SKIPPED = 3

_DB_HELP = "Store file (default: $NEWSFUSE_DB, else ~/.local/share/newsfuse/newsfuse.db)."


class ListFormat(str, Enum):
    text = "text"
    json = "json"


class StoryFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"


class ExportFormat(str, Enum):
    jsonl = "jsonl"


def _parse_date(value: str | None, option: str) -> datetime | None:
    from newsfuse.errors import ConfigError

    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise ConfigError(
            f"{option} {value!r} is not a date; use YYYY-MM-DD or an ISO date and time"
        ) from None


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"cannot encode {type(value).__name__}")


def _dump(data: Any) -> str:
    return json.dumps(data, default=_json_default, ensure_ascii=False, indent=2)


def _summary_line(story: Any) -> str:
    when = story.first_published.date().isoformat() if story.first_published else "undated"
    sources = story.source_count or story.article_count
    return f"{story.id}  {when}  {sources} source(s)  {story.title}"


def register(app: typer.Typer) -> None:
    @app.command("ingest")
    def ingest_command(
        paths: list[str] = typer.Argument(
            ..., help="Files (.txt, .html, .jsonl, Multi-News), folders, or '-' for stdin."
        ),
        db: Path | None = typer.Option(None, "--db", help=_DB_HELP),
        embedder: str | None = typer.Option(
            None,
            "--embedder",
            help="'minilm' (default) or 'hashing' (model-free, fast); fixed per store.",
        ),
    ) -> None:
        """Add articles to the store and group them into stories and storylines.

        Exit status: 0 when every input was read, 3 when some were skipped.
        """
        from newsfuse import corpus

        report = corpus.ingest(
            paths, db=db, stdin=sys.stdin, progress=sys.stderr.isatty(), embedder=embedder
        )
        typer.echo(
            f"new: {report.new}  duplicate: {report.duplicates}  "
            f"near-duplicate: {report.near_duplicates}  skipped: {len(report.skipped)}  "
            f"stories touched: {len(report.stories_touched)}"
        )
        for skipped in report.skipped:
            typer.echo(f"newsfuse: skipped {skipped}", err=True)
        if report.skipped:
            raise typer.Exit(EXIT_SKIPPED)

    @app.command("stories")
    def stories_command(
        since: str | None = typer.Option(None, "--since", help="Active on or after (ISO date)."),
        until: str | None = typer.Option(None, "--until", help="Begun on or before (ISO date)."),
        query: str | None = typer.Option(None, "--query", "-q", help="Text in an article."),
        limit: int = typer.Option(50, "--limit", min=0, help="Stories at most."),
        offset: int = typer.Option(0, "--offset", min=0, help="Stories to skip."),
        output_format: ListFormat = typer.Option(ListFormat.text, "--format", "-f"),
        db: Path | None = typer.Option(None, "--db", help=_DB_HELP),
    ) -> None:
        """List stories, most recently active first."""
        from newsfuse import corpus

        stories = corpus.list_stories(
            db=db,
            since=_parse_date(since, "--since"),
            until=_parse_date(until, "--until"),
            query=query,
            limit=limit,
            offset=offset,
        )
        if output_format is ListFormat.json:
            typer.echo(_dump([asdict(s) for s in stories]))
            return
        for story in stories:
            typer.echo(_summary_line(story))

    @app.command("story")
    def story_command(
        story_id: str = typer.Argument(..., help="A story id from 'newsfuse stories'."),
        output_format: StoryFormat = typer.Option(StoryFormat.text, "--format", "-f"),
        budget: int = typer.Option(DEFAULT_BUDGET, "--budget", "-b", min=1, help="Words at most."),
        no_facts: bool = typer.Option(False, "--no-facts", help="Skip the fact comparison."),
        db: Path | None = typer.Option(None, "--db", help=_DB_HELP),
    ) -> None:
        """Show one story: its cited brief, fact table and storyline timeline."""
        from newsfuse import corpus
        from newsfuse.render import brief_to_dict, render

        view = corpus.get_story(story_id, db=db, budget=budget, facts=not no_facts)
        if output_format is StoryFormat.json:
            data = {
                "story": asdict(view.story),
                "brief": brief_to_dict(view.brief),
                "timeline": [asdict(s) for s in view.timeline],
                "duplicates": [list(pair) for pair in view.duplicates],
            }
            typer.echo(_dump(data))
            return
        typer.echo(render(view.brief, output_format.value))
        if output_format is StoryFormat.text and len(view.timeline) > 1:
            typer.echo("\nStoryline " + view.story.storyline_id + ":")
            for story in view.timeline:
                marker = "*" if story.id == view.story.id else " "
                typer.echo(f"{marker} {_summary_line(story)}")

    @app.command("storyline")
    def storyline_command(
        storyline_id: str = typer.Argument(..., help="A storyline id (shown by 'stories')."),
        output_format: ListFormat = typer.Option(ListFormat.text, "--format", "-f"),
        db: Path | None = typer.Option(None, "--db", help=_DB_HELP),
    ) -> None:
        """Show a storyline: its stories, oldest first."""
        from newsfuse import corpus

        view = corpus.get_storyline(storyline_id, db=db)
        if output_format is ListFormat.json:
            typer.echo(_dump(asdict(view)))
            return
        typer.echo(f"{view.id}  {view.title}")
        for story in view.stories:
            typer.echo(f"  {_summary_line(story)}")

    @app.command("export")
    def export_command(
        output_format: ExportFormat = typer.Option(ExportFormat.jsonl, "--format", "-f"),
        db: Path | None = typer.Option(None, "--db", help=_DB_HELP),
    ) -> None:
        """Write every story with its article ids, one JSON object per line."""
        from newsfuse import corpus

        for record in corpus.export_stories(db=db):
            typer.echo(json.dumps(record, ensure_ascii=False))
