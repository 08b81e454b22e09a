"""``newsfuse brief``: read articles and print one cited brief."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer

from newsfuse.config import DEFAULT_BUDGET
from newsfuse.errors import ExitCode, InputError
from newsfuse.render import render


class Format(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"
    html = "html"


def register(app: typer.Typer) -> None:
    @app.command("brief")
    def brief_command(
        paths: list[str] = typer.Argument(
            ...,
            help="Files (.txt, .html, .jsonl, Multi-News), folders, "
            "or '-' for JSON Lines on stdin.",
        ),
        budget: int = typer.Option(DEFAULT_BUDGET, "--budget", "-b", min=1, help="Words at most."),
        output_format: Format = typer.Option(
            Format.text, "--format", "-f", help="Output format.", case_sensitive=False
        ),
        output: Path | None = typer.Option(
            None, "--output", "-o", help="Write to this file instead of stdout."
        ),
        no_facts: bool = typer.Option(False, "--no-facts", help="Skip the fact comparison."),
        keep_non_articles: bool = typer.Option(
            False,
            "--keep-non-articles",
            help="Keep documents that look like consent walls, error pages or crawl notices.",
        ),
    ) -> None:
        """Summarise articles about one event into a brief whose sentences cite their sources.

        Exit status: 0 when every input was read, 3 when some were skipped (the
        brief is still printed), 2 when nothing usable was read.
        """
        # Loaded here, not at the top: the pipeline brings numpy, which `--help` need not wait for.
        from newsfuse import pipeline

        report = pipeline.read_report(paths, stdin=sys.stdin, keep_non_articles=keep_non_articles)
        for skipped in report.skipped:
            typer.echo(f"newsfuse: skipped {skipped}", err=True)
        if not report.articles:
            raise InputError(", ".join(paths), "no readable article in the input")
        result = pipeline.brief(
            report.articles, budget=budget, facts=not no_facts, skipped=report.skipped
        )
        rendered = render(result, output_format.value)
        if output is None:
            typer.echo(rendered)
        else:
            output.write_text(rendered + "\n", encoding="utf-8")
        if report.skipped:
            raise typer.Exit(ExitCode.SKIPPED)
