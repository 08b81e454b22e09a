"""The Markdown rendering, for READMEs, issues, chat and notes.

Article text is untrusted and may contain Markdown or raw HTML, which many
Markdown renderers pass through; every piece of it is backslash-escaped so it
shows literally, and only http(s) URLs become links.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from newsfuse.model import Brief
from newsfuse.render.layout import (
    MADE_HEADING_MARK,
    build_fact_rows,
    choose_title,
    fact_columns,
    format_citation,
    format_footer,
    format_note,
    safe_url,
    view_sentences,
    view_sources,
)

# CommonMark lets a backslash escape any ASCII punctuation; these are the ones
# that mean something inline (emphasis, links, code, raw HTML, entities, table
# cells, strikethrough). Escaped text never starts a line, so the block-level
# markers (#, -, +, 1.) need no escape and the raw Markdown stays readable.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")


def escape_markdown(text: str) -> str:
    """Text shown literally in Markdown: specials escaped, line breaks flattened to spaces."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def markdown_bullets(brief: Brief) -> list[str]:
    """The brief's sentences as Markdown list items, each with its citation and note."""
    bullets = []
    for sentence in view_sentences(brief):
        line = f"- {escape_markdown(sentence.text)}"
        if sentence.sources:
            line += " " + escape_markdown(format_citation(sentence.sources))
        if sentence.note:
            line += f" *(≠ {escape_markdown(format_note(sentence.note))})*"
        bullets.append(line)
    return bullets


def render_markdown(brief: Brief) -> str:
    """The brief as Markdown: heading, cited bullets, sources, a fact table and a stats line."""
    blocks = [f"# {escape_markdown(choose_title(brief))}"]
    bullets = markdown_bullets(brief)
    blocks.append("\n".join(bullets) or "*The brief is empty: no sentence was selected.*")
    blocks.append(_render_sources(brief))
    if brief.facts:
        blocks.append(_render_facts(brief))
    blocks.append(f"*{escape_markdown(format_footer(brief))}*")
    return "\n\n".join(blocks)


def _render_sources(brief: Brief) -> str:
    lines = ["## Sources", ""]
    for view in view_sources(brief):
        article = view.article
        parts = [f"**\\[{view.number}\\]** {escape_markdown(article.label)}"]
        if view.heading and view.heading != article.label:
            title = escape_markdown(view.heading)
            url = safe_url(article.url)
            parts.append(f"[{title}]({_quote_url(url)})" if url else f"“{title}”")
            if view.heading_made:
                parts[-1] += f" {MADE_HEADING_MARK}"
        if view.published:
            parts.append(escape_markdown(view.published))
        if article.origin:
            parts.append(f"from {escape_markdown(article.origin)}")
        # Two trailing spaces would be invisible; a blank line keeps one source per paragraph.
        lines.append(" — ".join(parts))
        lines.append("")
    return "\n".join(lines).rstrip()


def _render_facts(brief: Brief) -> str:
    rows = build_fact_rows(brief)
    columns = fact_columns(rows)
    lines = [
        "## Facts",
        "",
        "| Fact | Status | " + " | ".join(f"\\[{n}\\]" for n in columns) + " |",
        "|" + "---|" * (len(columns) + 2),
    ]
    for row in rows:
        cells = [escape_markdown(row.subject), f"**{escape_markdown(row.marker)}**"]
        cells += [escape_markdown(row.cells[n - 1]) for n in columns]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _quote_url(url: str) -> str:
    """A URL safe inside Markdown link parentheses (brackets, parens and spaces encoded)."""
    return quote(url, safe=":/?#@!$&'*+,;=%~-._")
