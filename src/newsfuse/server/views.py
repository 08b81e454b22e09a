"""Page data for the web UI, built from a :class:`Brief` by small pure functions.

The story page shows each source's cleaned text with the sentences the brief
cites marked, so that hovering or focusing a citation can highlight the exact
supporting span. Marks are computed here from the citations' character
offsets; templates only loop and escape.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from urllib.parse import urlsplit

from newsfuse.evaluate.audit import audit_brief
from newsfuse.model import FACT_STATUS_ORDER, Article, Brief, Citation, Fact
from newsfuse.render.layout import (
    NAME_KINDS,
    NAMES_SUBJECT,
    NoteSegment,
    count_outlets,
    find_outlets,
    first_sentence_headline,
    number_sources,
    page_date,
    split_note,
)
from newsfuse.segment import split_sentences
from newsfuse.summary.lexical import has_unbalanced_quotes

# Human labels for fact verdicts: colour is never the only signal (WCAG 1.4.1).
STATUS_LABELS = {
    "conflict": "Conflict",
    "revision": "Revised",
    "differs": "Differs",
    "agree": "Agree",
    "single": "One source",
}


SAFE_URL_SCHEMES = frozenset({"http", "https"})


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of source text, the citation marks covering all of it, and those starting here.

    ``starts`` names the marks whose first piece this is: the page anchors
    (``id``) for citation links go there.
    """

    text: str
    marks: tuple[str, ...] = ()
    starts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CitationLink:
    """A citation as shown in the brief: source number, and the mark it points at."""

    number: int
    mark: str
    label: str


@dataclass(frozen=True, slots=True)
class LineFlag:
    """Something a reader may want to know about a brief sentence: a short label and why."""

    label: str
    explanation: str


@dataclass(frozen=True, slots=True)
class BriefLine:
    """One brief sentence with its citation links, its fact-conflict note (whose article
    ids are source numbers, as in every other rendering of a brief) and the readability
    audit's flags."""

    text: str
    citations: tuple[CitationLink, ...]
    note: tuple[NoteSegment, ...]
    flags: tuple[LineFlag, ...] = ()


@dataclass(frozen=True, slots=True)
class SourceView:
    """One source as shown: its number, article, a safe link and its marked text."""

    number: int
    article: Article
    link: str | None
    segments: tuple[Segment, ...]
    # When the article has no publication time: its own stamp's or caption's date.
    page_date: datetime | None = None
    # When the article has no title: a headline cut from its first sentence.
    made_heading: str = ""


@dataclass(frozen=True, slots=True)
class ClaimView:
    """What one source says about a fact."""

    text: str
    number: int
    label: str
    mark: str
    differs: bool = False


@dataclass(frozen=True, slots=True)
class FactRow:
    """One row of the fact table."""

    subject: str
    kind: str
    status: str
    status_label: str
    claims: tuple[ClaimView, ...]


@dataclass(frozen=True, slots=True)
class BriefPage:
    """Everything the brief part of a page shows."""

    lines: tuple[BriefLine, ...]
    sources: tuple[SourceView, ...]
    facts: tuple[FactRow, ...]
    brief: Brief


def mark_id(number: int, start: int, end: int) -> str:
    """The DOM id of a marked span; built from numbers only, never from untrusted ids."""
    return f"s{number}-{start}-{end}"


def segment_text(text: str, spans: Iterable[tuple[int, int, str]]) -> tuple[Segment, ...]:
    """Cut ``text`` at every span boundary; each piece lists the marks that cover it.

    Spans are half-open ``(start, end, mark)`` offsets; they may overlap, nest,
    repeat or fall partly outside the text (they are clipped). Concatenating
    the pieces always gives back ``text``.
    """
    clipped = [
        (max(0, start), min(len(text), end), mark)
        for start, end, mark in spans
        if min(len(text), end) > max(0, start)
    ]
    cuts = sorted({0, len(text), *(s for s, _, _ in clipped), *(e for _, e, _ in clipped)})
    segments: list[Segment] = []
    seen: set[str] = set()
    for left, right in itertools.pairwise(cuts):
        marks = tuple(dict.fromkeys(m for s, e, m in clipped if s <= left and right <= e))
        starts = tuple(m for m in marks if m not in seen)
        seen.update(starts)
        if segments and segments[-1].marks == marks:
            previous = segments[-1]
            segments[-1] = Segment(previous.text + text[left:right], marks, previous.starts)
        else:
            segments.append(Segment(text[left:right], marks, starts))
    return tuple(segments)


def safe_link(url: str) -> str | None:
    """``url`` if it is an absolute http(s) address, else None (no javascript: or data: links)."""
    candidate = url.strip()
    if not candidate or any(ord(c) < 33 for c in candidate):
        return None
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() not in SAFE_URL_SCHEMES or not parts.netloc:
        return None
    return candidate


def format_time(moment: datetime | None) -> str:
    """A short readable timestamp, or an empty string when unknown."""
    if moment is None:
        return ""
    text = moment.strftime("%d %b %Y, %H:%M")
    if moment.tzinfo is not None:
        offset = moment.strftime("%z")
        text += " UTC" if offset in ("+0000", "") else f" {offset[:3]}:{offset[3:]}"
    return text


def build_brief_page(brief: Brief) -> BriefPage:
    """Number the sources, mark every cited span in their text and order the fact table."""
    numbers = number_sources(brief)
    first = {article.id: article for article in reversed(brief.sources)}
    labels = {article_id: article.label for article_id, article in first.items()}
    spans: dict[str, list[tuple[int, int, str]]] = {article_id: [] for article_id in numbers}

    def link(article_id: str, start: int, end: int, mark: str | None = None) -> str:
        number = numbers.get(article_id, 0)
        mark = mark or mark_id(number, start, end)
        if article_id in spans:
            spans[article_id].append((start, end, mark))
        return mark

    def cite(citations: Sequence[Citation]) -> tuple[CitationLink, ...]:
        # One link per source: a sentence citing two spans of one article (a surname
        # written as the full name the article gives, ``summary.names``) shows the
        # source's number once, and hovering it highlights both spans.
        links: dict[str, CitationLink] = {}
        for c in citations:
            if c.article_id in links:
                link(c.article_id, c.start, c.end, links[c.article_id].mark)
                continue
            links[c.article_id] = CitationLink(
                number=numbers.get(c.article_id, 0),
                mark=link(c.article_id, c.start, c.end),
                label=labels.get(c.article_id, c.article_id),
            )
        return tuple(links.values())

    flags = line_flags(brief)
    lines = tuple(
        BriefLine(
            text=sentence.text,
            note=split_note(sentence.note, numbers) if sentence.note.strip() else (),
            flags=flags[index],
            citations=cite(sentence.citations),
        )
        for index, sentence in enumerate(brief.sentences)
    )
    outlets = find_outlets(brief.sources)
    table: list[Fact] = []
    names: list[Fact] = []
    for fact in brief.facts:
        if fact.status == "agree" and count_outlets(fact, outlets) < 2:
            fact = replace(fact, status="single")  # copies of one report corroborate nothing
        (names if fact.status == "agree" and fact.kind in NAME_KINDS else table).append(fact)
    facts = tuple(
        FactRow(
            subject=fact.subject,
            kind=fact.kind,
            status=fact.status,
            status_label=STATUS_LABELS.get(fact.status, fact.status),
            claims=tuple(
                ClaimView(
                    text=claim.text,
                    number=numbers.get(claim.article_id, 0),
                    label=labels.get(claim.article_id, claim.article_id),
                    mark=link(claim.article_id, claim.start, claim.end),
                    differs=index in outliers,
                )
                for index, claim in enumerate(fact.claims)
            ),
        )
        for fact in order_facts(table)
        for outliers in [outlying_claims(fact)]
    )
    if names:
        # Names the outlets agree on share one row: each name once, with who states it.
        stated = FactRow(
            subject=NAMES_SUBJECT,
            kind="name",
            status="agree",
            status_label=STATUS_LABELS.get("agree", "agree"),
            claims=tuple(
                ClaimView(
                    text=fact.subject,
                    number=numbers.get(fact.claims[0].article_id, 0),
                    label=", ".join(
                        dict.fromkeys(labels.get(c.article_id, c.article_id) for c in fact.claims)
                    ),
                    mark=link(fact.claims[0].article_id, fact.claims[0].start, fact.claims[0].end),
                )
                for fact in names
            ),
        )
        last = FACT_STATUS_ORDER["agree"]
        agreed = sum(1 for row in facts if FACT_STATUS_ORDER.get(row.status, last + 1) <= last)
        facts = (*facts[:agreed], stated, *facts[agreed:])
    # A source sharing an earlier source's id (a caller's mistake) is shown unmarked.
    sources = tuple(
        SourceView(
            number=number,
            article=article,
            link=safe_link(article.url),
            segments=segment_text(
                article.text, spans[article.id] if numbers[article.id] == number else ()
            ),
            page_date=page_date(article),
            made_heading="" if article.title.strip() else first_sentence_headline(article),
        )
        for number, article in enumerate(brief.sources, start=1)
    )
    return BriefPage(lines=lines, sources=sources, facts=facts, brief=brief)


def line_flags(brief: Brief) -> list[tuple[LineFlag, ...]]:
    """Per brief sentence, the readability audit's flags (``evaluate.audit``: an opening
    that leans on a sentence not shown, a cut quotation, stray characters, a fragment, a
    repeat of an earlier sentence) and whether it joins several sentences of its source
    (a quotation completed, or the sentence a "he" or "this" points back to)."""
    texts = [sentence.text for sentence in brief.sentences]
    audit = audit_brief(texts)
    repeats: dict[int, int] = {}
    for earlier, later in audit.repeats:
        repeats.setdefault(later, earlier)
    article_text = {article.id: article.text for article in reversed(brief.sources)}
    flags: list[tuple[LineFlag, ...]] = []
    for index, (sentence, audited) in enumerate(zip(brief.sentences, audit.sentences, strict=True)):
        found: list[LineFlag] = []
        own = sentence.citations[0] if sentence.citations else None
        if own is not None and own.article_id in article_text:
            span = article_text[own.article_id][own.start : own.end]
            pieces = split_sentences(Article(id=own.article_id, text=span))
            if len(pieces) > 1 and any(has_unbalanced_quotes(p.text) for p in pieces):
                found.append(
                    LineFlag(
                        "Quotation completed",
                        f"{len(pieces)} sentences of the source as written: "
                        "the quotation runs over them",
                    )
                )
            elif len(pieces) > 1:
                found.append(
                    LineFlag(
                        "With the sentence before",
                        f"{len(pieces)} sentences of the source as written: the later "
                        "one needs the earlier to be understood",
                    )
                )
        if audited.dangling:
            found.append(
                LineFlag(
                    "Leans on missing text",
                    f"its opening ({audited.dangling}) refers to a sentence the brief "
                    "does not show",
                )
            )
        if audited.unbalanced_quotes:
            found.append(LineFlag("Cut quotation", "its quotation marks do not pair up"))
        if audited.junk:
            found.append(LineFlag("Stray characters", "it starts or ends with page furniture"))
        if audited.fragment:
            found.append(LineFlag("Fragment", "it is too short to be a sentence"))
        if index in repeats:
            found.append(
                LineFlag("Repeat", f"it says much what sentence {repeats[index] + 1} says")
            )
        flags.append(tuple(found))
    return flags


def order_facts(facts: Sequence[Fact]) -> list[Fact]:
    """Conflicts first, then revisions, agreements and single-source facts (stable)."""
    return sorted(
        facts, key=lambda fact: FACT_STATUS_ORDER.get(fact.status, len(FACT_STATUS_ORDER))
    )


def outlying_claims(fact: Fact) -> frozenset[int]:
    """Indexes of the claims of a disputed fact whose value differs from the most common one.

    These are the numbers a reader should look at twice; for agreeing or
    single-source facts there are none. On a tie, the first value stated wins.
    """
    if fact.status not in ("conflict", "revision"):
        return frozenset()
    values = [claim.value for claim in fact.claims]
    common = max(values, key=values.count) if values else None
    return frozenset(i for i, value in enumerate(values) if value != common)
