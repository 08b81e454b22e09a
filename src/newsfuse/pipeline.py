"""The pipeline over a batch of articles: read and clean, brief, compare facts.

The store-backed half (ingest, stories) is :mod:`newsfuse.corpus`, one layer up.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from newsfuse.config import DEFAULT_BUDGET
from newsfuse.model import Article, Brief, BriefStats, Fact, ReadReport, Skipped

if TYPE_CHECKING:
    from newsfuse.facts import FactParams
    from newsfuse.summary.params import BriefParams

log = logging.getLogger(__name__)

Input = str | Path | Mapping[str, Any]


def read_report(
    inputs: Iterable[Input], *, stdin: TextIO | None = None, keep_non_articles: bool = False
) -> ReadReport:
    """Read and clean articles from paths, folders, ``-`` (stdin) or record dicts.

    Bad inputs never stop the read: each is reported in ``ReadReport.skipped``
    with a one-line reason naming the file and line, and the rest go through.
    Documents that are not articles (consent walls, error pages, crawl notices)
    are skipped with their reason too, unless ``keep_non_articles`` is true.
    """
    from newsfuse.clean import clean_report
    from newsfuse.reading import read_inputs

    return clean_report(read_inputs(list(inputs), stdin=stdin), keep_non_articles=keep_non_articles)


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


def compare_facts(
    articles: Sequence[Article], *, fact_params: FactParams | None = None
) -> list[Fact]:
    """Extract claims from every article, align them across sources and give verdicts.

    ``fact_params`` changes the alignment's weights and thresholds (default
    ``FactParams()``).
    """
    from newsfuse.facts import FactParams
    from newsfuse.facts import compare_facts as _compare

    return _compare(articles, params=FactParams() if fact_params is None else fact_params)


def brief(
    articles: Sequence[Article],
    budget: int = DEFAULT_BUDGET,
    *,
    facts: bool = True,
    skipped: Sequence[Skipped] = (),
    params: BriefParams | None = None,
    fact_params: FactParams | None = None,
) -> Brief:
    """Summarise articles about one event into a cited brief of at most ``budget`` words.

    Every brief sentence cites the article it was taken from and every other
    article that states the same content. ``skipped`` (from :func:`read_report`)
    is carried into the brief's stats so renderings can report it. ``params``
    overrides the brief's tunables (:class:`~newsfuse.summary.params.BriefParams`),
    ``fact_params`` the fact comparison's (:class:`~newsfuse.facts.FactParams`).
    """
    from newsfuse.summary import BriefParams, summarize

    timings: dict[str, float] = {}
    started = time.perf_counter()
    sentences = summarize(articles, budget=budget, params=params or BriefParams())
    timings["summarize"] = time.perf_counter() - started
    fact_table: list[Fact] = []
    if facts:
        from newsfuse.facts import FactParams, annotate_brief

        chosen = FactParams() if fact_params is None else fact_params
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
