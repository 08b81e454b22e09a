"""Atom feeds of stories (RFC 4287): one entry per story, its cited brief as HTML.

:func:`brief_fragment` renders a brief as an HTML fragment a feed reader can
show (sentences with their citation numbers and notes, then the numbered
sources, linked when their URL is safe); :func:`render_atom` writes the feed.
Which entry id a story keeps and when its ``updated`` moves is decided by the
caller (:meth:`newsfuse.corpus.Corpus.atom_entries`), from the brief's digest.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from html import escape
from xml.etree import ElementTree

from newsfuse.model import Brief
from newsfuse.render.layout import format_citation, format_note, view_sentences, view_sources
from newsfuse.render.layout import safe_url as link_target

ATOM_NAMESPACE = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True, slots=True)
class AtomEntry:
    """One entry: a stable id, the story's title and link, when its brief last changed,
    and the brief as HTML."""

    id: str
    title: str
    updated: datetime
    link: str
    html: str
    published: datetime | None = None
    sources: tuple[str, ...] = ()


def brief_fragment(brief: Brief) -> str:
    """The brief as an HTML fragment: a list of cited sentences, then the numbered sources."""
    lines = ["<ul>"]
    for sentence in view_sentences(brief):
        note = format_note(sentence.note)
        lines.append(
            f"<li>{escape(sentence.text)} {escape(format_citation(sentence.sources))}"
            + (f" <em>({escape(note)})</em>" if note else "")
            + "</li>"
        )
    lines.append("</ul>")
    if brief.sources:
        lines.append("<ol>")
        for source in view_sources(brief):
            article = source.article
            label = escape(
                " · ".join(p for p in (article.source, article.title) if p) or article.id
            )
            target = link_target(article.url)
            text = f'<a href="{escape(target)}">{label}</a>' if target else label
            when = f" ({escape(source.published)})" if source.published else ""
            lines.append(f"<li>{text}{when}</li>")
        lines.append("</ol>")
    return "\n".join(lines)


def digest_fragment(html: str) -> str:
    """A short digest of an entry's HTML: equal exactly when the brief shown is equal."""
    return hashlib.sha256(html.encode("utf-8")).hexdigest()[:32]


def render_atom(
    *, feed_id: str, title: str, self_url: str, entries: Sequence[AtomEntry], updated: datetime
) -> str:
    """An Atom 1.0 document of the entries (``updated`` is the feed's own)."""
    ElementTree.register_namespace("", ATOM_NAMESPACE)

    def node(parent: ElementTree.Element, name: str, text: str = "", **attrs: str) -> None:
        child = ElementTree.SubElement(parent, f"{{{ATOM_NAMESPACE}}}{name}", attrs)
        if text:
            child.text = text

    root = ElementTree.Element(f"{{{ATOM_NAMESPACE}}}feed")
    node(root, "id", feed_id)
    node(root, "title", title)
    node(root, "updated", updated.isoformat())
    node(root, "link", rel="self", href=self_url)
    node(root, "generator", "newsfuse")
    for item in entries:
        entry = ElementTree.SubElement(root, f"{{{ATOM_NAMESPACE}}}entry")
        node(entry, "id", item.id)
        node(entry, "title", item.title or item.id)
        node(entry, "updated", item.updated.isoformat())
        if item.published is not None:
            node(entry, "published", item.published.isoformat())
        node(entry, "link", rel="alternate", type="text/html", href=item.link)
        # Atom requires an author: the outlets behind the story, else newsfuse.
        author = ElementTree.SubElement(entry, f"{{{ATOM_NAMESPACE}}}author")
        node(author, "name", ", ".join(item.sources) or "newsfuse")
        node(entry, "content", item.html, type="html")
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(
        root, encoding="unicode"
    )
