"""``newsfuse eval``: score newsfuse and the baselines on Multi-News style clusters."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    """Add the ``eval`` command to ``app``."""

    @app.command("eval")
    def eval_command(
        data: Path = typer.Argument(..., help="JSON Lines: {id, documents: [...], summary}."),
        budget: int = typer.Option(300, "--budget", help="Words per summary (hard cut)."),
        systems: str = typer.Option(
            "newsfuse,lead3,roundrobin,lexrank,textrank,mmr,oracle",
            "--systems",
            help="Comma list: newsfuse, brief, lead3, roundrobin, lexrank, textrank, mmr, oracle.",
        ),
        limit: int | None = typer.Option(None, "--limit", help="Evaluate the first N clusters."),
        out: Path | None = typer.Option(
            None, "--out", help="Write <system>/<id>.txt, scores.jsonl and summary.json here."
        ),
        quiet: bool = typer.Option(False, "--quiet", help="No progress bar."),
    ) -> None:
        """Score summaries with ROUGE (95 % CIs, paired bootstrap), speed and boilerplate leaks."""
        from rich.progress import Progress

        from newsfuse.evaluate import evaluate_file, format_report

        names = [name for name in systems.split(",") if name.strip()]
        with Progress(transient=True, disable=quiet) as progress:
            task = progress.add_task("evaluating", total=None)
            report = evaluate_file(
                data,
                budget=budget,
                systems=names,
                limit=limit,
                out=out,
                on_start=lambda count: progress.update(task, total=count),
                on_cluster=lambda _id: progress.advance(task),
            )
        typer.echo(format_report(report))
