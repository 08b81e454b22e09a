"""``newsfuse digest``: the top stories of a recent period, for cron and e-mail.

A thin command over :meth:`newsfuse.corpus.Corpus.digest` and
:func:`newsfuse.render.digest.render_digest`.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from newsfuse.cli.options import DbOption
from newsfuse.config import DEFAULT_BUDGET
from newsfuse.errors import ConfigError

_SPAN = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([mhdw])\s*$", re.IGNORECASE)
_UNIT_SECONDS = {"m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


class DigestFormat(StrEnum):
    markdown = "markdown"
    html = "html"


def parse_since(value: str, now: datetime) -> datetime:
    """A period like ``24h``, ``90m``, ``7d`` or ``2w`` back from ``now``, or an ISO date."""
    match = _SPAN.match(value)
    if match:
        amount, unit = float(match.group(1)), match.group(2).lower()
        return now - timedelta(seconds=amount * _UNIT_SECONDS[unit])
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise ConfigError(
            f"--since {value!r} is neither a period (24h, 90m, 7d, 2w) nor an ISO date"
        ) from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def register(app: typer.Typer) -> None:
    @app.command("digest")
    def digest_command(
        db: DbOption = None,
        since: Annotated[
            str,
            typer.Option("--since", help="Period back from now (24h, 90m, 7d) or an ISO date."),
        ] = "24h",
        fmt: Annotated[
            DigestFormat, typer.Option("--format", "-f", help="markdown or html.")
        ] = DigestFormat.markdown,
        limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Stories at most.")] = 10,
        budget: Annotated[
            int, typer.Option("--budget", "-b", min=1, help="Words per brief at most.")
        ] = DEFAULT_BUDGET,
        output: Annotated[
            Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
        ] = None,
    ) -> None:
        """The top stories of a recent period by independent coverage, each with its
        cited brief and the facts its sources dispute (for cron and e-mail)."""
        # Imported when the command runs, so that 'newsfuse --help' stays fast.
        from newsfuse.corpus import Corpus
        from newsfuse.render.digest import render_digest

        now = datetime.now(UTC)
        start = parse_since(since, now)
        with Corpus(db) as corpus:
            digest = corpus.digest(start, limit=limit, budget=budget, now=now)
        text = render_digest(digest, fmt.value)
        if output is None:
            typer.echo(text)
            return
        partial = output.with_name(output.name + ".partial")
        # Written beside and renamed, so that a mail job never sends half a digest.
        partial.write_text(text + "\n", encoding="utf-8")
        partial.replace(output)
