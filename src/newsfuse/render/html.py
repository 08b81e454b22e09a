"""The HTML rendering: one self-contained, accessible page.

Everything from the articles (text, titles, outlets, URLs, notes) is untrusted,
so the page is built with Jinja2 autoescaping, only http(s) URLs become links,
and a Content-Security-Policy allows nothing but the page's own inline style
and script (pinned by SHA-256 hash), so even a missed escape could not load or
run anything. No external resource is referenced; the page works offline and
without JavaScript (the tiny script only adds hover highlighting).
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from newsfuse._version import __version__
from newsfuse.model import Brief
from newsfuse.render.layout import (
    ABSENT_CELL,
    MADE_HEADING_MARK,
    build_fact_rows,
    choose_title,
    fact_columns,
    format_footer,
    safe_url,
    view_sentences,
    view_sources,
)

if TYPE_CHECKING:
    import jinja2

TEMPLATE_NAME = "brief.html.j2"


def render_html(brief: Brief) -> str:
    """The brief as a complete HTML5 page: brief with citation links, fact table, sources."""
    # Loaded with the first HTML page: markupsafe and jinja2 are needed by no other format.
    from markupsafe import Markup

    css, script = _read_asset("brief.css"), _read_asset("brief.js")
    sources = [
        {
            "number": view.number,
            "article": view.article,
            "published": view.published,
            "url": safe_url(view.article.url),
            "heading": view.heading,
            "heading_made": view.heading_made,
        }
        for view in view_sources(brief)
    ]
    rows = build_fact_rows(brief) if brief.facts else ()
    context: dict[str, Any] = {
        "title": choose_title(brief),
        "sentences": view_sentences(brief),
        "sources": sources,
        "facts": rows,
        "columns": fact_columns(rows),
        "absent": ABSENT_CELL,
        "made_heading_mark": MADE_HEADING_MARK,
        "footer": format_footer(brief),
        "skipped": brief.stats.skipped,
        "version": __version__,
        "css": Markup(css),
        "script": Markup(script),
        "csp": content_security_policy(css, script),
    }
    return _environment().get_template(TEMPLATE_NAME).render(context)


def content_security_policy(css: str, script: str) -> str:
    """A CSP that allows exactly this inline style and script, and nothing else at all."""
    return (
        "default-src 'none'; "
        f"style-src '{_csp_hash(css)}'; "
        f"script-src '{_csp_hash(script)}'; "
        "base-uri 'none'; form-action 'none'"
    )


def _csp_hash(content: str) -> str:
    digest = hashlib.sha256(content.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


@lru_cache(maxsize=4)
def _read_asset(name: str) -> str:
    return resources.files("newsfuse.render").joinpath("templates", name).read_text("utf-8")


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    # Loaded with the first HTML page: jinja2 takes a while to import and no other format needs it.
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("newsfuse.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
