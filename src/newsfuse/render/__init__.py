"""Rendering a brief for people and programs: text, Markdown, JSON and HTML.

``render(brief, fmt)`` is the one entry point; ``brief_to_dict`` gives the JSON
shape as data (for the HTTP API and the store). Every format numbers sources
[1], [2], … in the order of ``brief.sources`` and prints citations as those
numbers after each sentence. The formats share their decisions through
:mod:`newsfuse.render.layout`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import resources
from typing import Any

from newsfuse.errors import ConfigError
from newsfuse.model import Brief
from newsfuse.render.data import SCHEMA_VERSION, brief_to_dict, render_json
from newsfuse.render.html import render_html
from newsfuse.render.markdown import render_markdown
from newsfuse.render.text import render_text

__all__ = ["FORMATS", "SCHEMA_VERSION", "brief_to_dict", "load_schema", "render"]

# The output formats, in the order they are offered; "text" is the default.
FORMATS = ("text", "markdown", "json", "html")


def render(brief: Brief, fmt: str = "text") -> str:
    """The brief rendered as ``fmt`` (text, markdown, json or html), without a trailing newline.

    Raises :class:`ConfigError` for any other format name.
    """
    return _renderer(fmt)(brief).rstrip("\n")


def load_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that ``brief_to_dict`` output follows."""
    text = resources.files("newsfuse.render").joinpath("brief.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def _renderer(fmt: str) -> Callable[[Brief], str]:
    name = fmt.strip().lower() if isinstance(fmt, str) else fmt
    if name == "text":
        return render_text
    if name == "markdown":
        return render_markdown
    if name == "json":
        return render_json
    if name == "html":
        return render_html
    raise ConfigError(
        f"unknown output format {fmt!r}: choose one of {', '.join(FORMATS)} (option --format)"
    )
