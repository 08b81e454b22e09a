"""Corpus commands: ``ingest``, ``stories``, ``story``, ``storyline``, ``export``
and ``refresh-briefs``.

Each opens a :class:`~newsfuse.corpus.Corpus` on ``--db`` (default:
``$NEWSFUSE_DB``, else the per-user data directory, see :mod:`newsfuse.store`),
calls one of its methods and prints the result.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from newsfuse.cli.options import DbOption, LockTimeoutOption
from newsfuse.config import DEFAULT_BUDGET
from newsfuse.errors import ConfigError, ExitCode

if TYPE_CHECKING:
    from newsfuse.distribute import BriefOutcome
    from newsfuse.model import StorySummary


class ListFormat(StrEnum):
    text = "text"
    json = "json"


class StoryFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"


class ExportFormat(StrEnum):
    jsonl = "jsonl"


def _parse_date(value: str | None, option: str) -> datetime | None:
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


def _summary_line(story: StorySummary) -> str:
    when = story.first_published.date().isoformat() if story.first_published else "undated"
    sources = story.source_count or story.article_count
    return f"{story.id}  {when}  {sources} source(s)  {story.title}"


def register(app: typer.Typer) -> None:
    @app.command("ingest")
    def ingest_command(
        paths: Annotated[
            list[str],
            typer.Argument(
                help="Files (.txt, .html, .jsonl, Multi-News), folders, or '-' for stdin."
            ),
        ],
        db: DbOption = None,
        embedder: Annotated[
            str | None,
            typer.Option(
                "--embedder",
                help="'minilm' (default), 'minilm-static' (fast, a little less accurate) or "
                "'hashing' (model-free); fixed per store.",
            ),
        ] = None,
        keep_non_articles: Annotated[
            bool,
            typer.Option(
                "--keep-non-articles",
                help="Keep documents that look like consent walls, error pages or crawl notices.",
            ),
        ] = False,
        lock_timeout: LockTimeoutOption = None,
    ) -> None:
        """Add articles to the store and group them into stories and storylines.

        Exit status: 0 when every input was read, 3 when some were skipped.
        """
        # The corpus pulls in numpy and the grouping code: imported when a command runs,
        # so that 'newsfuse --help' stays fast.
        from newsfuse.corpus import Corpus

        with Corpus(db, embedder=embedder, lock_timeout=lock_timeout) as corpus:
            report = corpus.ingest(
                paths,
                stdin=sys.stdin,
                progress=sys.stderr.isatty(),
                keep_non_articles=keep_non_articles,
            )
        typer.echo(
            f"new: {report.new}  duplicate: {report.duplicates}  "
            f"near-duplicate: {report.near_duplicates}  skipped: {len(report.skipped)}  "
            f"stories touched: {len(report.stories_touched)}"
        )
        for skipped in report.skipped:
            typer.echo(f"newsfuse: skipped {skipped}", err=True)
        if report.skipped:
            # sys.exit, not typer.Exit: the entry point runs click with standalone_mode=False,
            # where typer.Exit's code is returned and lost rather than used as the status.
            sys.exit(ExitCode.SKIPPED)

    @app.command("stories")
    def stories_command(
        since: Annotated[
            str | None, typer.Option("--since", help="Active on or after (ISO date).")
        ] = None,
        until: Annotated[
            str | None, typer.Option("--until", help="Begun on or before (ISO date).")
        ] = None,
        query: Annotated[
            str | None,
            typer.Option(
                "--query",
                "-q",
                help="Words that one article must all contain, each as the start of a word "
                "(full-text search: any order, case and accents ignored, punctuation "
                "ignored; 'fire' finds 'firefighters', not 'wildfire').",
            ),
        ] = None,
        limit: Annotated[int, typer.Option("--limit", min=0, help="Stories at most.")] = 50,
        offset: Annotated[int, typer.Option("--offset", min=0, help="Stories to skip.")] = 0,
        output_format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.text,
        db: DbOption = None,
    ) -> None:
        """List stories, most recently active first."""
        # The corpus pulls in numpy and the grouping code: imported when a command runs,
        # so that 'newsfuse --help' stays fast.
        from newsfuse.corpus import Corpus

        with Corpus(db) as corpus:
            stories = corpus.stories(
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
        story_id: Annotated[str, typer.Argument(help="A story id from 'newsfuse stories'.")],
        output_format: Annotated[StoryFormat, typer.Option("--format", "-f")] = StoryFormat.text,
        budget: Annotated[
            int, typer.Option("--budget", "-b", min=1, help="Words at most.")
        ] = DEFAULT_BUDGET,
        no_facts: Annotated[
            bool, typer.Option("--no-facts", help="Skip the fact comparison.")
        ] = False,
        db: DbOption = None,
    ) -> None:
        """Show one story: its cited brief, fact table and storyline timeline."""
        # The corpus pulls in numpy and the grouping code: imported when a command runs,
        # so that 'newsfuse --help' stays fast.
        from newsfuse.corpus import Corpus
        from newsfuse.render import brief_to_dict, render

        with Corpus(db) as corpus:
            view = corpus.story(story_id, budget=budget, facts=not no_facts)
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
        storyline_id: Annotated[str, typer.Argument(help="A storyline id (shown by 'stories').")],
        output_format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.text,
        db: DbOption = None,
    ) -> None:
        """Show a storyline: its stories, oldest first."""
        # The corpus pulls in numpy and the grouping code: imported when a command runs,
        # so that 'newsfuse --help' stays fast.
        from newsfuse.corpus import Corpus

        with Corpus(db) as corpus:
            view = corpus.storyline(storyline_id)
        if output_format is ListFormat.json:
            typer.echo(_dump(asdict(view)))
            return
        typer.echo(f"{view.id}  {view.title}")
        for story in view.stories:
            typer.echo(f"  {_summary_line(story)}")

    @app.command("export")
    def export_command(
        output_format: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.jsonl,
        db: DbOption = None,
    ) -> None:
        """Write every story with its article ids, one JSON object per line."""
        # The corpus pulls in numpy and the grouping code: imported when a command runs,
        # so that 'newsfuse --help' stays fast.
        from newsfuse.corpus import Corpus

        with Corpus(db) as corpus:
            for record in corpus.export():
                typer.echo(json.dumps(record, ensure_ascii=False))

    @app.command("refresh-briefs")
    def refresh_briefs_command(
        db: DbOption = None,
        budget: Annotated[
            int, typer.Option("--budget", "-b", min=1, help="Words per brief at most.")
        ] = DEFAULT_BUDGET,
        no_facts: Annotated[
            bool, typer.Option("--no-facts", help="Skip the fact comparison.")
        ] = False,
        workers: Annotated[
            int | None,
            typer.Option("--workers", "-w", min=1, help="Local processes (default: CPU count)."),
        ] = None,
        scheduler: Annotated[
            str | None,
            typer.Option(
                "--scheduler",
                help="Run on this Dask cluster instead (e.g. tcp://10.0.0.5:8786); "
                "needs 'newsfuse[dask]' here and on the workers.",
            ),
        ] = None,
        lock_timeout: LockTimeoutOption = None,
    ) -> None:
        """Make the brief of every story whose cached brief is missing or out of date.

        Briefs are made in parallel (local processes, or a Dask cluster) and
        stored as each finishes, so 'newsfuse story' and the web UI serve them
        at once. Exit status: 0 when every brief was made, 1 when some failed.
        """
        # Imported when the command runs, so that 'newsfuse --help' stays fast.
        from rich.progress import Progress as RichProgress

        from newsfuse.corpus import Corpus
        from newsfuse.distribute import refresh_briefs

        with (
            Corpus(db, lock_timeout=lock_timeout) as corpus,
            RichProgress(transient=True, disable=not sys.stderr.isatty()) as bar,
        ):
            task = bar.add_task("briefing", total=None)

            def start(total: int) -> None:
                bar.update(task, total=total)

            def done(outcome: BriefOutcome) -> None:
                bar.advance(task)
                if outcome.error is not None:
                    bar.console.print(f"newsfuse: story {outcome.story_id}: {outcome.error}")

            report = refresh_briefs(
                corpus,
                budget=budget,
                facts=not no_facts,
                workers=workers,
                scheduler=scheduler,
                on_start=start,
                on_done=done,
            )
        typer.echo(
            f"stories: {report.stories}  up to date: {report.fresh}  made: {report.made}  "
            f"failed: {len(report.failed)}  on {report.engine} in {report.seconds:.1f} s"
        )
        if report.failed:
            sys.exit(1)
