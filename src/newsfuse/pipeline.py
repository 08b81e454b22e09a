"""The pipeline over a batch of articles: read and clean, brief, compare facts.

The store-backed half (ingest, stories) is :mod:`newsfuse.corpus`, one layer up.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from newsfuse.clean import clean_report
from newsfuse.config import DEFAULT_BUDGET
from newsfuse.errors import InputError
from newsfuse.facts import FactParams, annotate_brief
from newsfuse.facts import compare_facts as compare_claims
from newsfuse.model import Article, Brief, BriefStats, Fact, ReadReport, Skipped
from newsfuse.reading import read_inputs
from newsfuse.reading.decode import normalise_text
from newsfuse.reading.html import looks_like_html
from newsfuse.reading.readers import JSONL_SUFFIXES
from newsfuse.reading.records import RawArticle, article_from_record, read_record
from newsfuse.reading.text import split_title
from newsfuse.summary import BriefParams, summarize

log = logging.getLogger(__name__)

Input = str | Path | Mapping[str, Any]

# Where an error about a string given to read_text says the problem was, and its default id.
TEXT_ORIGIN = "<text>"
TEXT_ID = "text"


def read_report(
    inputs: Iterable[Input], *, stdin: TextIO | None = None, keep_non_articles: bool = False
) -> ReadReport:
    """Read and clean articles from paths, folders, ``-`` (stdin) or record dicts.

    Bad inputs never stop the read: each is reported in ``ReadReport.skipped``
    with a one-line reason naming the file and line, and the rest go through.
    Documents that are not articles (consent walls, error pages, crawl notices)
    are skipped with their reason too, unless ``keep_non_articles`` is true.
    """
    return clean_report(read_inputs(list(inputs), stdin=stdin), keep_non_articles=keep_non_articles)


def read_clusters(
    source: str | Path, *, keep_non_articles: bool = False
) -> Iterator[tuple[str, ReadReport]]:
    """Read a collection of clusters one at a time: ``(cluster id, its cleaned articles)``.

    ``source`` is a JSON Lines file with one cluster per line (Multi-News
    ``{"id", "documents"}``, or a single article), streamed so that thousands of
    clusters are never held at once, or a folder whose subfolders are the
    clusters (named by the subfolder). A line that cannot be read is yielded as
    a cluster with no articles and its reason in ``skipped``. It is for briefing
    each cluster of a collection in one process (``newsfuse brief --each``).
    """
    path = Path(source)
    if path.is_dir():
        folders = sorted(p for p in path.iterdir() if p.is_dir() and not p.name.startswith("."))
        if not folders:
            raise InputError(str(path), "has no subfolders; each subfolder is one cluster")
        for folder in folders:
            yield folder.name, read_report([folder], keep_non_articles=keep_non_articles)
        return
    if path.suffix.lower() not in JSONL_SUFFIXES:
        raise InputError(str(path), "is neither a folder nor a .jsonl file of clusters")
    try:
        lines = path.open(encoding="utf-8", errors="replace")
    except OSError as error:
        raise InputError(str(path), f"cannot be read ({error.strerror})") from error
    with lines:
        for number, line in enumerate(lines, start=1):
            if line.strip():
                yield _read_cluster_line(
                    line, f"{path}:{number}", f"{path.stem}-{number}", keep_non_articles
                )


def _read_cluster_line(
    line: str, origin: str, default_id: str, keep_non_articles: bool
) -> tuple[str, ReadReport]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        reason = f"malformed JSON ({error.msg} at column {error.colno}); one object per line"
        return default_id, ReadReport(articles=(), skipped=(Skipped(origin, reason),))
    cluster_id = record.get("id") if isinstance(record, dict) else None
    items = list(read_record(record, origin, default_id))
    raw = ReadReport(
        articles=tuple(item.article for item in items if isinstance(item, RawArticle)),
        skipped=tuple(item for item in items if isinstance(item, Skipped)),
    )
    name = str(cluster_id).strip() if isinstance(cluster_id, str | int) else ""
    return name or default_id, clean_report(raw, keep_non_articles=keep_non_articles)


def read(
    inputs: Iterable[Input], *, stdin: TextIO | None = None, keep_non_articles: bool = False
) -> list[Article]:
    """Read and clean articles; skipped inputs are logged as warnings.

    Use :func:`read_report` to get the skipped inputs as data.
    """
    report = read_report(inputs, stdin=stdin, keep_non_articles=keep_non_articles)
    for skipped in report.skipped:
        log.warning("skipped %s", skipped)
    return list(report.articles)


def read_text(
    content: str,
    *,
    id: str = "",
    title: str = "",
    source: str = "",
    url: str = "",
    published: datetime | str | None = None,
    html: bool | None = None,
    keep_non_articles: bool = False,
) -> Article:
    """Read and clean one article held in a string of plain text or HTML, without a file.

    For a caller who already has the text (from a crawler, a database, a web
    request), as ``trafilatura.extract(html)`` is. ``html=None`` tells HTML from
    text by its markup; HTML is reduced to its main text and its metadata fill
    any field not given; plain text may open with a headline line, as a
    ``.txt`` file may, which becomes the title unless ``title`` is given.
    ``id`` defaults to ``"text"``.

    Raises :class:`~newsfuse.errors.InputError` with a one-line reason when the
    content is empty, is all boilerplate, or is not an article (a consent wall,
    an error page; ``keep_non_articles=True`` keeps those, flagged).
    """
    if not isinstance(content, str):
        raise TypeError(f"read_text: content must be a str, got {type(content).__name__}")
    if not content.strip():
        raise InputError(TEXT_ORIGIN, "is empty; pass the article's text or HTML")
    is_html = looks_like_html(content) if html is None else html
    if not is_html and not title:  # a headline line over the body, as in a .txt file
        title, content = split_title(normalise_text(content))
    record = {
        "id": id,
        "title": title,
        "source": source,
        "url": url,
        "published": published,
        "html" if is_html else "text": content,
    }
    raw = article_from_record(record, TEXT_ORIGIN, default_id=TEXT_ID)
    report = clean_report(ReadReport(articles=(raw.article,)), keep_non_articles=keep_non_articles)
    if report.skipped:
        raise InputError(TEXT_ORIGIN, report.skipped[0].reason)
    return report.articles[0]


def compare_facts(
    articles: Sequence[Article], *, fact_params: FactParams | None = None
) -> list[Fact]:
    """Extract claims from every article, align them across sources and give verdicts.

    ``fact_params`` changes the alignment's weights and thresholds (default
    ``FactParams()``).
    """
    return compare_claims(articles, params=FactParams() if fact_params is None else fact_params)


def brief(
    articles: Sequence[Article],
    budget: int = DEFAULT_BUDGET,
    *,
    facts: bool = True,
    skipped: Sequence[Skipped] = (),
    params: BriefParams | None = None,
    fact_params: FactParams | None = None,
    on_stage: Callable[[str], None] | None = None,
) -> Brief:
    """Summarise articles about one event into a cited brief of at most ``budget`` words.

    Every brief sentence cites the article it was taken from and every other
    article that states the same content. ``skipped`` (from :func:`read_report`)
    is carried into the brief's stats so renderings can report it. ``params``
    overrides the brief's tunables (:class:`~newsfuse.summary.params.BriefParams`),
    ``fact_params`` the fact comparison's (:class:`~newsfuse.facts.FactParams`).
    ``on_stage`` is called with each stage's name as it starts (``"summarising"``,
    ``"comparing facts"``), for progress reports.
    """
    timings: dict[str, float] = {}
    if on_stage is not None:
        on_stage("summarising")
    started = time.perf_counter()
    sentences = summarize(articles, budget=budget, params=params or BriefParams())
    timings["summarize"] = time.perf_counter() - started
    fact_table: list[Fact] = []
    if facts:
        chosen = FactParams() if fact_params is None else fact_params
        if on_stage is not None:
            on_stage("comparing facts")
        started = time.perf_counter()
        fact_table = compare_facts(articles, fact_params=chosen)
        sentences = annotate_brief(sentences, fact_table, chosen)
        timings["facts"] = time.perf_counter() - started
    stats = BriefStats(
        articles_read=len(articles),
        skipped=tuple(skipped),
        boilerplate_removed_chars=sum(len(r.text) for a in articles for r in a.removed),
        boilerplate_removed_blocks=sum(len(a.removed) for a in articles),
        words=sum(len(s.text.split()) for s in sentences),
        timings=timings,
    )
    return Brief(
        sentences=tuple(sentences),
        sources=tuple(articles),
        facts=tuple(fact_table),
        stats=stats,
        budget=budget,
    )


# Two invented reports of one event: enough for every model a brief with facts loads.
_WARM_UP_TEXTS = (
    "Workers in the town of Lessmoor repaired 12 kilometres of flood wall on Monday, "
    "the council said. About 300 homes had been flooded.",
    "Crews in Lessmoor finished repairs to 12 km of the flood wall on Monday, council "
    "officials said, after 310 homes were flooded last week.",
)


def warm_up() -> None:
    """Load every model a brief with facts uses (the encoder, spaCy, WordNet), by
    briefing two invented reports, so that the first real brief does not wait for
    them; ``newsfuse serve`` calls it in the background when it starts."""
    articles = [Article(id=f"warm-up-{n}", text=t) for n, t in enumerate(_WARM_UP_TEXTS)]
    brief(articles, 40)
