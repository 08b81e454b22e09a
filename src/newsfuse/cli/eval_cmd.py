"""``newsfuse eval``: score newsfuse and the baselines on Multi-News style clusters."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

SYSTEMS_HELP = "Comma list: newsfuse, brief, lead3, roundrobin, lexrank, textrank, mmr, oracle."


def register(app: typer.Typer) -> None:
    """Add the ``eval`` command to ``app``."""

    @app.command("eval")
    def eval_command(
        data: Annotated[Path, typer.Argument(help="JSON Lines: {id, documents: [...], summary}.")],
        budget: Annotated[
            int, typer.Option("--budget", help="Words per summary (hard cut).")
        ] = 300,
        systems: Annotated[
            str, typer.Option("--systems", help=SYSTEMS_HELP)
        ] = "newsfuse,lead3,roundrobin,lexrank,textrank,mmr,oracle",
        limit: Annotated[
            int | None, typer.Option("--limit", help="Evaluate the first N clusters.")
        ] = None,
        out: Annotated[
            Path | None,
            typer.Option("--out", help="Write <system>/<id>.txt, scores.jsonl, summary.json here."),
        ] = None,
        quiet: Annotated[bool, typer.Option("--quiet", help="No progress bar.")] = False,
        audit: Annotated[
            bool,
            typer.Option(
                "--audit/--no-audit",
                help="Add the readability audit (dangling openings, cut quotes, junk, repeats).",
            ),
        ] = True,
    ) -> None:
        """Score summaries with ROUGE (95 % CIs, paired bootstrap), speed, boilerplate leaks
        and readability."""
        # Loaded here, not at the top: rich and the harness (numpy) would slow every `--help`.
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
                audit=audit,
            )
        typer.echo(format_report(report))
