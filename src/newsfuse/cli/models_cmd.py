"""``newsfuse models``: install optional embedding models into the cache, and list them."""

from __future__ import annotations

from typing import Annotated

import typer

models_app = typer.Typer(help="Install optional embedding models (no network) and list them.")


def register(app: typer.Typer) -> None:
    """Add the ``models`` command group to ``app``."""
    app.add_typer(models_app, name="models")


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
