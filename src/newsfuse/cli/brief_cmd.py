"""``newsfuse brief``: read articles and print one cited brief."""

from __future__ import annotations

import re
import sys
from enum import StrEnum
from pathlib import Path

import typer

from newsfuse.config import DEFAULT_BUDGET
from newsfuse.errors import ExitCode, InputError


class Format(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"
    html = "html"


def register(app: typer.Typer) -> None:
    @app.command("brief")
    def brief_command(
        paths: list[str] | None = typer.Argument(
            None,
            help="Files (.txt, .html, .jsonl, Multi-News), folders, "
            "or '-' for JSON Lines on stdin.",
            show_default=False,
        ),
        budget: int = typer.Option(DEFAULT_BUDGET, "--budget", "-b", min=1, help="Words at most."),
        output_format: Format = typer.Option(
            Format.text, "--format", "-f", help="Output format.", case_sensitive=False
        ),
        output: Path | None = typer.Option(
            None,
            "--output",
            "-o",
            help="Write to this file instead of stdout (with --each: this folder, one file each).",
        ),
        each: Path | None = typer.Option(
            None,
            "--each",
            help="Brief each cluster of this Multi-News .jsonl (one per line), or each "
            "subfolder of this folder, in one process; needs -o DIR.",
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
        if each is not None:
            if paths:
                raise InputError(", ".join(paths), "give either PATHS or --each, not both")
            if output is None:
                raise InputError(str(each), "--each writes one file per cluster: add -o DIR")
            code = brief_each(each, output, budget, output_format, not no_facts, keep_non_articles)
            raise typer.Exit(code)
        if not paths:
            raise InputError("newsfuse brief", "give the articles to brief (PATHS), or --each")
        # Loaded here, not at the top: the pipeline brings numpy, which `--help` need not wait for.
        from newsfuse import pipeline
        from newsfuse.render import render

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


# File name suffix of each output format, for the files --each writes.
SUFFIXES = {"text": ".txt", "markdown": ".md", "json": ".json", "html": ".html"}
UNSAFE_IN_FILE_NAMES = re.compile(r"[^A-Za-z0-9._-]+")


def brief_each(
    source: Path,
    folder: Path,
    budget: int,
    output_format: Format,
    facts: bool,
    keep_non_articles: bool,
) -> int:
    """Brief every cluster of ``source`` into ``folder``, one file per cluster id; the exit status.

    Start-up (imports, models) is paid once for all clusters. A cluster with
    nothing readable is reported and left without a file; the rest go on.
    """
    from rich.progress import Progress

    from newsfuse import pipeline
    from newsfuse.render import render

    folder.mkdir(parents=True, exist_ok=True)
    total = _count_clusters(source)
    written: set[str] = set()
    skipped_any = False
    briefed = 0
    with Progress(transient=True, disable=not sys.stderr.isatty()) as bar:
        task = bar.add_task("briefing", total=total)
        for cluster_id, report in pipeline.read_clusters(
            source, keep_non_articles=keep_non_articles
        ):
            bar.advance(task)
            for skipped in report.skipped:
                typer.echo(f"newsfuse: skipped {skipped}", err=True)
            skipped_any = skipped_any or bool(report.skipped)
            if not report.articles:
                typer.echo(f"newsfuse: cluster {cluster_id!r}: no readable article", err=True)
                continue
            result = pipeline.brief(
                report.articles, budget=budget, facts=facts, skipped=report.skipped
            )
            name = _file_name(cluster_id, written)
            target = folder / (name + SUFFIXES[output_format.value])
            target.write_text(render(result, output_format.value) + "\n", encoding="utf-8")
            briefed += 1
    typer.echo(f"newsfuse: {briefed} of {total} clusters briefed into {folder}", err=True)
    if not briefed:
        raise InputError(str(source), "no cluster had a readable article")
    return ExitCode.SKIPPED if skipped_any else ExitCode.OK


def _count_clusters(source: Path) -> int:
    """How many clusters ``source`` holds, for the progress bar."""
    if source.is_dir():
        return sum(1 for p in source.iterdir() if p.is_dir() and not p.name.startswith("."))
    try:
        with source.open("rb") as lines:
            return sum(1 for line in lines if line.strip())
    except OSError:
        return 0  # read_clusters reports the error with its reason


def _file_name(cluster_id: str, taken: set[str]) -> str:
    """A file name for the cluster: its id made safe, made unique with ``~2``, ``~3``."""
    base = UNSAFE_IN_FILE_NAMES.sub("_", cluster_id).strip("._") or "cluster"
    name, number = base, 1
    while name in taken:
        number += 1
        name = f"{base}~{number}"
    taken.add(name)
    return name
