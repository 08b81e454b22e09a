"""What every output format shows the same way: numbering, notes, title, fact rows, dates.

The formats (text, Markdown, JSON, HTML) differ only in syntax. Deciding *what*
to show (which number a source gets, how a fact-conflict note reads, what a
revised figure looks like in the fact table) happens here once, as plain data,
so that the four renderings cannot drift apart.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from urllib.parse import urlsplit

from newsfuse.model import FACT_STATUS_ORDER, Article, Brief, BriefSentence, Claim, Fact, FactStatus
from newsfuse.segment import split_sentences
from newsfuse.summary import find_copies

# Shown when no source has a title: the brief still needs a heading.
FALLBACK_TITLE = "News brief"

# The marker for each fact verdict. Always a symbol AND a word, so that the
# verdict survives copy-paste, screen readers and colour-blind readers alike.
STATUS_MARKERS: Mapping[str, str] = {
    "conflict": "≠ CONFLICT",
    "revision": "→ REVISED",
    "differs": "≈ differs",
    "agree": "✓ agree",
    "single": "· one source",
}


# Shown in a fact-table cell for a source that does not state the fact.
ABSENT_CELL = "–"

# Claim kinds that are names: when sources agree on them they share one row.
NAME_KINDS = frozenset({"person", "place", "organization"})
# The subject of the one row that lists the names two or more outlets agree on.
NAMES_SUBJECT = "who and where"
# Outlet names that say nothing about who published an article.
UNKNOWN_OUTLETS = frozenset({"", "unknown"})

# Words a subject needs before two one-source rows under it are shown as one: a single
# word ("people", "amount") names a kind of thing, and its rows are often different facts.
MERGED_SUBJECT_WORDS = 2
# A possessive "'s" or "’s" inside a name ("Pichai’s Alphabet", "’s Tukwila").
_POSSESSIVE = re.compile(r"(?:^|(?<=\S))['’]s(?:\s+|$)")
# A bracketed group in a note written by the fact comparer, e.g. "[b]" or "[b, c]".
_BRACKET = re.compile(r"\[([^\[\]]*)\]")


@dataclass(frozen=True, slots=True)
class NoteSegment:
    """A piece of a rendered note: literal text, or a reference to numbered sources."""

    text: str
    sources: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class SentenceView:
    """A brief sentence ready to print: its text, cited source numbers and note."""

    text: str
    sources: tuple[int, ...]
    note: tuple[NoteSegment, ...]


@dataclass(frozen=True, slots=True)
class SourceView:
    """A numbered source as listed under "Sources"."""

    number: int
    article: Article
    published: str
    # The article's title; without one, a headline cut from its first sentence.
    heading: str = ""
    # True when ``heading`` was made from the first sentence (the page gave no title).
    heading_made: bool = False


@dataclass(frozen=True, slots=True)
class FactRow:
    """One row of the fact table: a subject, its verdict and one cell per source."""

    subject: str
    kind: str
    status: FactStatus
    marker: str
    cells: tuple[str, ...]  # indexed by source number - 1
    revised: tuple[bool, ...]  # True where the cell shows a later, changed figure


def number_sources(brief: Brief) -> dict[str, int]:
    """Map each article id to its 1-based source number, in the order of ``brief.sources``.

    If two sources share an id (a caller's mistake), the first keeps the number
    so that citations stay stable.
    """
    numbers: dict[str, int] = {}
    for number, article in enumerate(brief.sources, start=1):
        numbers.setdefault(article.id, number)
    return numbers


def cited_sources(sentence: BriefSentence, numbers: Mapping[str, int]) -> tuple[int, ...]:
    """The distinct source numbers a sentence cites, ascending (unknown articles are dropped)."""
    return tuple(
        sorted({numbers[c.article_id] for c in sentence.citations if c.article_id in numbers})
    )


def format_citation(sources: Sequence[int]) -> str:
    """Bracketed citation numbers as printed after a sentence: ``[1, 3]``."""
    return "[" + ", ".join(str(n) for n in sources) + "]" if sources else ""


def split_note(note: str, numbers: Mapping[str, int]) -> tuple[NoteSegment, ...]:
    """Split a fact-comparer note into text and source references.

    The comparer writes article ids in brackets ("600 according to [b]"); each
    bracket whose parts are all known article ids becomes a reference to their
    source numbers. Other brackets stay literal text, with any known ids in them
    still replaced, so nothing the comparer wrote is lost.
    """
    segments: list[NoteSegment] = []
    position = 0
    for match in _BRACKET.finditer(note):
        if match.start() > position:
            segments.append(NoteSegment(note[position : match.start()]))
        whole = match.group(1).strip()
        # An id may itself contain a comma; the whole bracket is tried as one id first.
        parts = [whole] if whole in numbers else [part.strip() for part in whole.split(",")]
        if parts and all(part in numbers for part in parts):
            segments.append(NoteSegment("", tuple(numbers[part] for part in parts)))
        elif not any(part in numbers for part in parts):
            segments.append(NoteSegment(match.group(0)))  # no id in it: exactly as written
        else:
            mapped = (str(numbers[part]) if part in numbers else part for part in parts)
            segments.append(NoteSegment("[" + ", ".join(mapped) + "]"))
        position = match.end()
    if position < len(note):
        segments.append(NoteSegment(note[position:]))
    return tuple(segments)


def format_note(segments: Sequence[NoteSegment]) -> str:
    """A split note back as plain text, with source numbers in brackets."""
    return "".join(s.text if not s.sources else format_citation(s.sources) for s in segments)


def view_sentences(brief: Brief) -> tuple[SentenceView, ...]:
    """Every brief sentence with its citation numbers and its note split for rendering."""
    numbers = number_sources(brief)
    return tuple(
        SentenceView(
            text=sentence.text.strip(),
            sources=cited_sources(sentence, numbers),
            note=split_note(sentence.note, numbers) if sentence.note.strip() else (),
        )
        for sentence in brief.sentences
    )


def view_sources(brief: Brief) -> tuple[SourceView, ...]:
    """The numbered sources, with a human-readable publication time; an article without
    one shows its page's own stamp or caption date, marked as such."""
    views = []
    for number, article in enumerate(brief.sources, start=1):
        published = format_published(article.published)
        if not published and (dated := page_date(article)) is not None:
            published = f"{format_published(dated, with_time=False)}, {PAGE_DATE_MARK}"
        heading = article.title.strip()
        made = not heading and bool(heading := first_sentence_headline(article))
        views.append(SourceView(number, article, published, heading, made))
    return tuple(views)


def first_sentence_headline(article: Article) -> str:
    """A headline cut from the article's first sentence, for a source without a title
    ("" for an empty text)."""
    # Imported here: the headline rules live with the brief, whose package loads numpy.
    from newsfuse.summary.headline import headline_from_lead

    sentences = split_sentences(article)
    return headline_from_lead(sentences[0].text) if sentences else ""


# Shown after a source heading made from its first sentence (the page gave no title).
MADE_HEADING_MARK = "(no title; from its first sentence)"
# Shown after a date read from the page's stamp or caption, not its metadata.
PAGE_DATE_MARK = "from the page's stamp or caption"


def page_date(article: Article) -> datetime | None:
    """When an article without a publication time is dated by its own "Updated" stamp
    or photo caption (the date the fact comparison uses for it), that date; else None."""
    if article.published is not None or not article.removed:
        return None
    # Imported here: grouping's date rules load numpy, which plain renders do not need.
    from newsfuse.group.features import page_stamp_date

    return page_stamp_date(article, datetime.now(UTC))


def choose_title(brief: Brief) -> str:
    """The brief's heading: the title most sources share (first-seen on a tie), else a
    short headline cut from the brief's lead, never a body sentence as written."""
    # Imported here: the headline rules live with the brief, whose package loads numpy.
    from newsfuse.summary.headline import make_headline

    return make_headline(brief.sources, brief.sentences) or FALLBACK_TITLE


def format_published(published: datetime | None, *, with_time: bool = True) -> str:
    """A publication time as "12 Mar 2026 09:15 UTC" (or "" when unknown).

    Day-month-name order reads the same in every locale, unlike 03/12.
    """
    if published is None:
        return ""
    text = f"{published.day} {published:%b %Y}"
    if with_time and (published.hour or published.minute):
        text += f" {published:%H:%M}"
        offset = published.utcoffset()
        if offset is not None:
            text += " UTC" if not offset else f" {published:%z}"
    return text


def format_revision_time(published: datetime, baseline: datetime | None) -> str:
    """When a revised figure was reported: "13 Mar", or "12 Mar 16:00" on the same day."""
    text = f"{published.day} {published:%b}"
    if baseline is not None and published.date() == baseline.date():
        text += f" {published:%H:%M}"
    return text


def _value_key(claim: Claim) -> tuple[str, str]:
    """A comparable key for a claim's value (floats rounded so 45 and 45.0 are equal)."""
    value = claim.value
    if isinstance(value, float) and math.isfinite(value):
        return (f"{value:.6g}", claim.unit or "")
    return (str(value).strip().casefold(), claim.unit or "")


def build_fact_rows(
    brief: Brief, *, one_row_per_subject: bool = True, names_apart: bool = True
) -> tuple[FactRow, ...]:
    """The fact table: one row per fact, one cell per source, revisions marked with times.

    Rows come in ``FACT_STATUS_ORDER`` (conflicts, revisions, ..., agreements,
    single-source facts); the JSON keeps the comparer's order. An agreement
    counts independent outlets: one stated only by copies of one report (or by
    one outlet twice) is shown as single-source. Names that two or more
    outlets agree on share one "who and where" row, after the agreed figures,
    so that they do not push the findings down the table. In a revision,
    claims are read in publication order; a source whose value differs from
    the one reported before it shows "→ <text> (<when>)", which is how a
    reader sees that the figure moved rather than that sources disagree.

    With ``one_row_per_subject``, the one-source rows of one source that share a subject
    ("year the bombing spree began" 1978, and 1995) are one row whose cell lists each
    figure, unless the subject is one word (``MERGED_SUBJECT_WORDS``). With
    ``names_apart``, a name the recogniser read with a possessive ("Pichai’s
    Alphabet", "’s Tukwila") is shown as the name it owns when its owner is listed
    beside it.
    """
    numbers = number_sources(brief)
    published = {a.id: a.published for a in brief.sources}
    outlets = find_outlets(brief.sources)
    rows: list[FactRow] = []
    names: list[Fact] = []
    for fact in brief.facts:
        if fact.status == "agree" and count_outlets(fact, outlets) < 2:
            fact = replace(fact, status="single")
        if fact.status == "agree" and fact.kind in NAME_KINDS:
            names.append(fact)
            continue
        rows.append(_build_row(fact, numbers, published, len(brief.sources)))
    if one_row_per_subject:
        rows = _merge_repeated_subjects(rows)
    if names:
        rows.append(_build_names_row(names, numbers, len(brief.sources), names_apart))
    # Disputes first: they are what a reader of the table is looking for. The
    # sort is stable, so the comparer's order holds within each verdict.
    return tuple(
        sorted(rows, key=lambda row: FACT_STATUS_ORDER.get(row.status, len(FACT_STATUS_ORDER)))
    )


def find_outlets(articles: Sequence[Article]) -> dict[str, int]:
    """Article id → the index of its independent outlet.

    Articles from the same named outlet, and copies of one text (the brief's
    :func:`~newsfuse.summary.find_copies`: a wire story run by several
    outlets), count as one outlet, so that agreement means independent reports.
    """
    copies = find_copies([split_sentences(article) for article in articles])
    outlet_index: dict[str, int] = {}
    outlets: dict[str, int] = {}
    for index, article in enumerate(articles):
        outlet = " ".join(article.source.split()).casefold()
        root = copies[index]
        if outlet not in UNKNOWN_OUTLETS:
            root = outlet_index.setdefault(outlet, root)
        outlets.setdefault(article.id, root)
    return outlets


def count_outlets(fact: Fact, outlets: Mapping[str, int]) -> int:
    """How many independent outlets state the fact (see :func:`find_outlets`)."""
    return len({outlets.get(claim.article_id, -1 - i) for i, claim in enumerate(fact.claims)})


def _merge_repeated_subjects(rows: Sequence[FactRow]) -> list[FactRow]:
    """The one-source rows of one source under one subject as one row, at the first's
    place, its cell listing each figure ("1978 / 1995"): two rows with the same subject
    read as a table that repeats itself. Rows of a one-word subject ("people",
    "amount") stay apart: such a word names a kind of thing, not one fact."""
    merged: list[FactRow] = []
    first: dict[tuple[str, str, int], int] = {}
    for row in rows:
        stated = [n for n, cell in enumerate(row.cells) if cell != ABSENT_CELL]
        if (
            row.status != "single"
            or len(stated) != 1
            or len(row.subject.split()) < MERGED_SUBJECT_WORDS
        ):
            merged.append(row)
            continue
        key = (row.subject, row.kind, stated[0])
        if key not in first:
            first[key] = len(merged)
            merged.append(row)
            continue
        earlier = merged[first[key]]
        cells = list(earlier.cells)
        if row.cells[stated[0]] not in cells[stated[0]].split(" / "):
            cells[stated[0]] = f"{cells[stated[0]]} / {row.cells[stated[0]]}"
        merged[first[key]] = replace(earlier, cells=tuple(cells))
    return merged


def _build_names_row(
    names: Sequence[Fact], numbers: Mapping[str, int], source_count: int, apart: bool = True
) -> FactRow:
    """One row for the names sources agree on: each source's cell lists the ones it states
    (with ``apart``, a possessive's owner listed beside it leaves the name it owns)."""
    texts: list[list[str]] = [[] for _ in range(source_count)]
    for fact in names:
        for claim in fact.claims:
            number = numbers.get(claim.article_id)
            name = " ".join(fact.subject.split())
            if number is not None and name not in texts[number - 1]:
                texts[number - 1].append(name)
    if apart:
        texts = [_without_owners(cell) for cell in texts]
    texts = [[name for name in cell if not _ends_another(name, cell)] for cell in texts]
    return FactRow(
        subject=NAMES_SUBJECT,
        kind="name",
        status="agree",
        marker=STATUS_MARKERS["agree"],
        cells=tuple(", ".join(t) if t else ABSENT_CELL for t in texts),
        revised=(False,) * source_count,
    )


def _without_owners(names: Sequence[str]) -> list[str]:
    """Names with a possessive as the name owned: "’s Tukwila" (its owner cut off by
    the recogniser) is "Tukwila", and "Pichai’s Alphabet" is "Alphabet" when "Pichai"
    is listed or ends a listed name ("Sundar Pichai"); "St Brannoc's Hospital", whose
    owner is listed nowhere, is one name, and so is "Lloyd's of Lisk", whose owned part
    is no name."""
    kept: list[str] = []
    for name in names:
        owner, mark, owned = (part.strip() for part in _split_possessive(name))
        if mark and owned[:1].isupper() and (not owner or any(
            other == owner or other.endswith(f" {owner}") for other in names if other != name
        )):  # fmt: skip
            name = owned
        if name not in kept:
            kept.append(name)
    return kept


def _split_possessive(name: str) -> tuple[str, str, str]:
    """(owner, the "'s", what is owned) of a name with one possessive, else (name, "", "")."""
    found = list(_POSSESSIVE.finditer(name))
    if len(found) != 1:
        return name, "", ""
    mark = found[0]
    return name[: mark.start()], mark.group(0), name[mark.end() :]


def _ends_another(name: str, names: Sequence[str]) -> bool:
    """Whether a name is the last words of a longer one beside it ("Volkov" of "Cyril
    Volkov", "Church" of "Russian Orthodox Church") or its initials ("US" of "United
    States"): the cell lists the full name once."""
    letters = name.replace(".", "")
    return any(
        other != name
        and (
            other.endswith(f" {name}")
            or (
                letters.isupper()
                and len(letters) > 1
                and "".join(word[0] for word in other.split()) == letters
            )
        )
        for other in names
    )


def fact_columns(rows: Sequence[FactRow]) -> tuple[int, ...]:
    """The source numbers that state at least one fact: the fact table's columns.

    A source with nothing in the table would only add a column of dashes, which
    in a story with many sources pushes the table off the screen.
    """
    count = max((len(row.cells) for row in rows), default=0)
    return tuple(
        n for n in range(1, count + 1) if any(row.cells[n - 1] != ABSENT_CELL for row in rows)
    )


def _build_row(
    fact: Fact,
    numbers: Mapping[str, int],
    published: Mapping[str, datetime | None],
    source_count: int,
) -> FactRow:
    texts: list[list[str]] = [[] for _ in range(source_count)]
    revised = [False] * source_count
    revision_times: dict[int, str] = {}
    if fact.status == "revision":
        revision_times = _revision_times(fact, numbers, published)
    for claim in fact.claims:
        number = numbers.get(claim.article_id)
        if number is None:
            continue
        text = " ".join(claim.text.split()) or str(claim.value)
        if number in revision_times:
            text = f"→ {text} ({revision_times[number]})"
            revised[number - 1] = True
        if text not in texts[number - 1]:
            texts[number - 1].append(text)
    return FactRow(
        subject=" ".join(fact.subject.split()) or fact.kind,
        kind=fact.kind,
        status=fact.status,
        marker=STATUS_MARKERS.get(fact.status, fact.status),
        cells=tuple(" / ".join(t) if t else ABSENT_CELL for t in texts),
        revised=tuple(revised),
    )


def _revision_times(
    fact: Fact, numbers: Mapping[str, int], published: Mapping[str, datetime | None]
) -> dict[int, str]:
    """Source number → report time, for sources that changed the figure before them."""
    dated = [
        (published[c.article_id], c)
        for c in fact.claims
        if c.article_id in numbers and published.get(c.article_id) is not None
    ]
    dated.sort(key=lambda pair: _sortable(pair[0]))
    times: dict[int, str] = {}
    if not dated:
        return times
    baseline_time, first = dated[0]
    previous = _value_key(first)
    for when, claim in dated[1:]:
        key = _value_key(claim)
        if key != previous and when is not None:
            times[numbers[claim.article_id]] = format_revision_time(when, baseline_time)
        previous = key
    return times


def _sortable(when: datetime | None) -> float:
    """A sort key that orders naive and aware datetimes together (naive taken as UTC)."""
    if when is None:
        return math.inf
    if when.tzinfo is None:
        return when.replace(tzinfo=UTC).timestamp()
    return when.timestamp()


def format_footer(brief: Brief) -> str:
    """The one-line stats footer: articles read, skipped, boilerplate removed, words, time."""
    stats = brief.stats
    parts = [
        f"{stats.articles_read} article{'s' if stats.articles_read != 1 else ''} read",
        f"{len(stats.skipped)} skipped",
        f"{stats.boilerplate_removed_chars:,} chars of boilerplate removed "
        f"in {stats.boilerplate_removed_blocks} block"
        f"{'s' if stats.boilerplate_removed_blocks != 1 else ''}",
    ]
    words = f"{stats.words} words"
    if brief.budget:
        words += f" (budget {brief.budget})"
    parts.append(words)
    total = sum(stats.timings.values())
    if total:
        parts.append(f"{total:.1f} s")
    return " · ".join(parts)


# Only these URL schemes become links: anything else (javascript:, data:, file:)
# in an untrusted article URL could run code or read local files when clicked.
SAFE_URL_SCHEMES = frozenset({"http", "https"})


def safe_url(url: str) -> str | None:
    """The URL if it is safe to link to (http or https with a host), else None.

    Article URLs come from untrusted input. Control characters and whitespace
    inside the URL are rejected too, since browsers strip them and a
    "java\tscript:" URL would otherwise slip past the scheme check.
    """
    candidate = url.strip()
    if not candidate or any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in candidate):
        return None
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() not in SAFE_URL_SCHEMES or not parts.hostname:
        return None
    return candidate
