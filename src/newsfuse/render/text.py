"""The plain-text rendering, for terminals and pipes.

No ANSI colour: the output is often piped or saved, and every verdict already
carries a text marker ("≠ CONFLICT", "→ REVISED", "✓ agree").
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence

from newsfuse.model import Brief
from newsfuse.render.layout import (
    ABSENT_CELL,
    MADE_HEADING_MARK,
    FactRow,
    build_fact_rows,
    choose_title,
    fact_columns,
    format_citation,
    format_footer,
    format_note,
    view_sentences,
    view_sources,
)

# Prose wraps at 78 columns: fits an 80-column terminal with room for the margin.
PROSE_WIDTH = 78
# The fact table may use up to 100 columns; wider tables wrap badly in terminals.
TABLE_WIDTH = 100
# Below this many columns per source cell a grid is unreadable, so the table is
# printed as one block per fact instead.
MIN_CELL_WIDTH = 12
# The subject column never takes more than this; long subjects wrap within it.
MAX_SUBJECT_WIDTH = 26
# Spaces between table columns.
COLUMN_GAP = 2

# A space that textwrap does not break at (it only splits on ASCII whitespace).
_GLUE = "\u00a0"
_PARENTHESISED = re.compile(r"\([^()]*\)")


def render_text(brief: Brief) -> str:
    """The brief as plain text: title, cited bullets, sources, fact table, stats footer."""
    title = choose_title(brief)
    blocks = [f"{title}\n{'=' * min(len(title), PROSE_WIDTH)}"]
    blocks.append(_render_sentences(brief) or "(The brief is empty: no sentence was selected.)")
    blocks.append(_render_sources(brief))
    if brief.facts:
        blocks.append(_render_facts(build_fact_rows(brief)))
    blocks.append(format_footer(brief))
    return "\n\n".join(blocks)


def _render_sentences(brief: Brief) -> str:
    lines = []
    for sentence in view_sentences(brief):
        text = sentence.text
        if sentence.sources:
            text += " " + format_citation(sentence.sources)
        if sentence.note:
            text += f" (≠ {format_note(sentence.note)})"
        lines.append(textwrap.fill(text, PROSE_WIDTH, initial_indent="- ", subsequent_indent="  "))
    return "\n".join(lines)


def _render_sources(brief: Brief) -> str:
    lines = ["Sources", "-------"]
    for view in view_sources(brief):
        article = view.article
        head = f"[{view.number}] {article.label}"
        if view.heading and view.heading != article.label:
            head += f' — "{view.heading}"'
            if view.heading_made:
                head += f" {MADE_HEADING_MARK}"
        lines.append(textwrap.fill(head, PROSE_WIDTH, subsequent_indent="    "))
        # Dates and URLs are not wrapped: a URL broken over two lines cannot be clicked.
        details = [view.published] if view.published else []
        if article.url:
            details.append(article.url)
        if article.origin and article.origin != article.url:
            details.append(f"({article.origin})" if article.url else article.origin)
        if details:
            lines.append("    " + " · ".join(details[:2]) + "".join(" " + d for d in details[2:]))
    return "\n".join(lines)


def _render_facts(rows: Sequence[FactRow]) -> str:
    header = ["Facts", "-----"]
    columns = fact_columns(rows)
    subject_width = min(MAX_SUBJECT_WIDTH, max(len("Fact"), *(len(r.subject) for r in rows)))
    status_width = max(len("Status"), *(len(r.marker) for r in rows))
    fixed = subject_width + status_width + 2 * COLUMN_GAP
    cell_width = (TABLE_WIDTH - fixed) // max(len(columns), 1) - COLUMN_GAP
    widest = max((len(r.cells[n - 1]) for r in rows for n in columns), default=1)
    cell_width = min(cell_width, max(widest, len(f"[{columns[-1]}]") if columns else 1))
    if not columns or cell_width < MIN_CELL_WIDTH:
        return "\n".join(header + _render_fact_blocks(rows))
    widths = [subject_width, status_width] + [cell_width] * len(columns)
    titles = ["Fact", "Status"] + [f"[{n}]" for n in columns]
    lines = header + _grid_row(titles, widths)
    lines.append((" " * COLUMN_GAP).join("-" * w for w in widths))
    for row in rows:
        cells = [row.cells[n - 1] for n in columns]
        lines.extend(_grid_row([row.subject, row.marker, *cells], widths))
    return "\n".join(lines)


def _grid_row(cells: Sequence[str], widths: Sequence[int]) -> list[str]:
    """One table row; cells too long for their column wrap onto extra lines."""
    wrapped = [
        [
            line.replace(_GLUE, " ")
            for line in textwrap.wrap(_glue_brackets(c), w, break_on_hyphens=False)
        ]
        or [""]
        for c, w in zip(cells, widths, strict=True)
    ]
    height = max(len(w) for w in wrapped)
    gap = " " * COLUMN_GAP
    return [
        gap.join(
            (lines[i] if i < len(lines) else "").ljust(width)
            for lines, width in zip(wrapped, widths, strict=True)
        ).rstrip()
        for i in range(height)
    ]


def _glue_brackets(text: str) -> str:
    """Join the words inside parentheses so "(10 Mar)" never wraps in the middle."""
    return _PARENTHESISED.sub(lambda m: m.group(0).replace(" ", _GLUE), text)


def _render_fact_blocks(rows: Sequence[FactRow]) -> list[str]:
    """The fact table for many sources: a line per fact, then each source's value."""
    lines = []
    for row in rows:
        lines.append(f"{row.marker}  {row.subject}")
        values = [
            f"[{n}] {cell}" for n, cell in enumerate(row.cells, start=1) if cell != ABSENT_CELL
        ]
        lines.append(
            textwrap.fill(
                " · ".join(values), PROSE_WIDTH, initial_indent="    ", subsequent_indent="    "
            )
        )
    return lines
