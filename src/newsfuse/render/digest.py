"""A digest of the top stories of a period, as Markdown or a standalone HTML page.

For cron and e-mail: each story with its counts (independent outlets, articles,
first and last seen), its cited brief and the facts its sources dispute. The
stories and their order are chosen by :meth:`newsfuse.corpus.Corpus.digest`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape

from newsfuse.errors import ConfigError
from newsfuse.model import Brief, Fact, StorySummary
from newsfuse.render.atom import brief_fragment
from newsfuse.render.layout import safe_url, view_sources
from newsfuse.render.markdown import escape_markdown, markdown_bullets

DIGEST_FORMATS = ("markdown", "html")


@dataclass(frozen=True, slots=True)
class DigestStory:
    """One story of a digest: its listing entry, its brief and the facts in conflict."""

    story: StorySummary
    brief: Brief
    conflicts: tuple[Fact, ...] = ()


@dataclass(frozen=True, slots=True)
class Digest:
    """The top stories active between ``since`` and ``until``, most covered first."""

    since: datetime
    until: datetime
    stories: tuple[DigestStory, ...]


def render_digest(digest: Digest, fmt: str = "markdown") -> str:
    """The digest as ``markdown`` or ``html``; :class:`ConfigError` for another format."""
    name = fmt.strip().lower()
    if name == "markdown":
        return render_digest_markdown(digest)
    if name == "html":
        return render_digest_html(digest)
    raise ConfigError(
        f"unknown digest format {fmt!r}: choose one of {', '.join(DIGEST_FORMATS)} (--format)"
    )


def describe_counts(story: StorySummary, conflicts: int) -> str:
    """One line of counts: outlets, articles, first and last seen, conflicts."""
    articles = story.source_count or story.article_count
    parts = [
        _plural(story.outlet_count, "independent outlet"),
        _plural(articles, "article"),
    ]
    if story.first_published is not None:
        parts.append(f"first seen {_when(story.first_published)}")
    if story.last_published is not None and story.last_published != story.first_published:
        parts.append(f"last seen {_when(story.last_published)}")
    if conflicts:
        parts.append(_plural(conflicts, "conflict") + " found")
    return " · ".join(parts)


def describe_conflict(fact: Fact, brief: Brief) -> str:
    """A disputed fact in one line: its subject, then each source's value with its number."""
    numbers = {article.id: index for index, article in enumerate(brief.sources, start=1)}
    values = "; ".join(
        f"{' '.join(claim.text.split())} [{numbers[claim.article_id]}]"
        if claim.article_id in numbers
        else " ".join(claim.text.split())
        for claim in fact.claims
    )
    return f"{' '.join(fact.subject.split())}: {values}"


def render_digest_markdown(digest: Digest) -> str:
    """The digest as Markdown: a heading per story, its counts, cited bullets, conflicts."""
    blocks = [
        f"# News digest, {_when(digest.since)} to {_when(digest.until)}",
        f"*{_plural(len(digest.stories), 'story', 'stories')}, most independent coverage first.*",
    ]
    if not digest.stories:
        blocks.append("*No story was active in this period.*")
    for rank, entry in enumerate(digest.stories, start=1):
        blocks.append(f"## {rank}. {escape_markdown(entry.story.title or entry.story.id)}")
        blocks.append(f"*{escape_markdown(describe_counts(entry.story, len(entry.conflicts)))}*")
        if entry.conflicts:
            blocks.append(
                "\n".join(
                    f"> **Conflict:** {escape_markdown(describe_conflict(fact, entry.brief))}"
                    for fact in entry.conflicts
                )
            )
        bullets = markdown_bullets(entry.brief)
        blocks.append("\n".join(bullets) or "*No sentence was selected for this brief.*")
        blocks.append("\n".join(_markdown_sources(entry.brief)))
    return "\n\n".join(blocks)


def render_digest_html(digest: Digest) -> str:
    """The digest as one standalone HTML page (no scripts, no external files), for e-mail."""
    title = f"News digest, {_when(digest.since)} to {_when(digest.until)}"
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title>",
        "<style>body{font-family:sans-serif;max-width:46em;margin:auto;padding:1em;"
        "line-height:1.45}.counts{color:#555}.conflict{border-left:4px solid #b00;"
        "padding-left:.6em;color:#700}</style>",
        "</head><body>",
        f"<h1>{escape(title)}</h1>",
        f"<p>{_plural(len(digest.stories), 'story', 'stories')}, most independent "
        "coverage first.</p>",
    ]
    if not digest.stories:
        parts.append("<p>No story was active in this period.</p>")
    for rank, entry in enumerate(digest.stories, start=1):
        story = entry.story
        parts.append(f'<section class="story" id="story-{escape(story.id)}">')
        parts.append(f"<h2>{rank}. {escape(story.title or story.id)}</h2>")
        counts = describe_counts(story, len(entry.conflicts))
        parts.append(f'<p class="counts">{escape(counts)}</p>')
        for fact in entry.conflicts:
            parts.append(
                '<p class="conflict"><strong>Conflict:</strong> '
                f"{escape(describe_conflict(fact, entry.brief))}</p>"
            )
        parts.append(brief_fragment(entry.brief))
        parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _markdown_sources(brief: Brief) -> Sequence[str]:
    lines = []
    for number, view in enumerate(view_sources(brief), start=1):
        article = view.article
        label = escape_markdown(
            " · ".join(p for p in (article.source, article.title) if p) or article.id
        )
        target = safe_url(article.url)
        lines.append(f"{number}. {label}" + (f" <{target}>" if target else ""))
    return lines


def _plural(count: int, word: str, plural: str = "") -> str:
    return f"{count} {word if count == 1 else plural or word + 's'}"


def _when(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
