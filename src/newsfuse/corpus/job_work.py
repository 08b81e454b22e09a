"""What each kind of job does: a brief of the request's articles, or an ingest into the corpus.

Each returns ``{"answer": ..., "view": ...}``: the JSON the synchronous
endpoint would have answered, and (for briefs) what the web UI needs to show
the brief again (the brief and its source articles, as stored JSON).
Progress is reported per step; a step that finds the job cancelled stops it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from newsfuse.config import DEFAULT_BUDGET
from newsfuse.corpus.handle import Corpus
from newsfuse.corpus.jobs import BRIEF, INGEST
from newsfuse.corpus.runner import Report
from newsfuse.errors import ConfigError, InputError
from newsfuse.model import Article, Brief, IngestReport, ReadReport, Removal, Skipped
from newsfuse.pipeline import brief, read_report
from newsfuse.render import brief_to_dict
from newsfuse.store.codec import decode_brief, encode_brief

# Articles per ingest step: one progress report and one cancellation check per step;
# a quarter of the ingest batch, so that progress moves every second or two.
INGEST_STEP = 16

# The steps of a brief job: reading, summarising, comparing facts.
BRIEF_STAGES = ("reading", "summarising", "comparing facts")


def run_job(corpus: Corpus, kind: str, request: dict[str, Any], report: Report) -> Any:
    """Do the work of one job (``kind`` is ``brief`` or ``ingest``) and return its result."""
    if kind == BRIEF:
        return run_brief(request, report)
    if kind == INGEST:
        return run_ingest(corpus, request, report)
    raise ConfigError(f"unknown job kind {kind!r}")


def run_brief(request: dict[str, Any], report: Report) -> dict[str, Any]:
    """Brief the request's articles, as ``POST /api/brief`` does."""
    total = len(BRIEF_STAGES)
    report(0, total, BRIEF_STAGES[0])
    read = read_request(request)
    if not read.articles:
        reasons = "; ".join(str(s) for s in read.skipped) or "no text"
        raise InputError("articles", f"no usable article in the request ({reasons})")

    def on_stage(stage: str) -> None:
        report(BRIEF_STAGES.index(stage) if stage in BRIEF_STAGES else 1, total, stage)

    result = brief(
        read.articles,
        budget=int(request.get("budget", DEFAULT_BUDGET)),
        skipped=read.skipped,
        on_stage=on_stage,
    )
    report(total, total, "done")
    view = {"brief": encode_brief(result), "articles": [encode_article(a) for a in result.sources]}
    return {"answer": brief_to_dict(result), "view": view}


def prepared_request(read: ReadReport, budget: int) -> dict[str, Any]:
    """A brief job's request from articles already read (the web form's uploads)."""
    return {
        "prepared": [encode_article(a) for a in read.articles],
        "skipped": [[s.origin, s.reason] for s in read.skipped],
        "budget": budget,
    }


def read_request(request: dict[str, Any]) -> ReadReport:
    """The articles of a job's request: records to read, or articles already read."""
    if "prepared" in request:
        return ReadReport(
            articles=tuple(decode_article(a) for a in request["prepared"]),
            skipped=tuple(Skipped(origin, reason) for origin, reason in request["skipped"]),
        )
    return read_report(request.get("articles", []))


def run_ingest(corpus: Corpus, request: dict[str, Any], report: Report) -> dict[str, Any]:
    """Add the request's articles to the corpus, as ``POST /api/articles`` does, in steps."""
    read = read_report(request.get("articles", []))
    articles = read.articles
    parts: list[IngestReport] = []
    for start in range(0, len(articles), INGEST_STEP):
        report(start, len(articles), "ingesting")
        chunk = articles[start : start + INGEST_STEP]
        parts.append(corpus.ingest_articles(chunk, skipped=read.skipped if start == 0 else ()))
    report(len(articles), len(articles), "done")
    if not parts:
        parts.append(IngestReport(0, 0, 0, tuple(read.skipped), ()))
    return {"answer": ingest_answer(parts), "view": None}


def ingest_answer(parts: Sequence[IngestReport]) -> dict[str, Any]:
    """The ingest reports of the steps as one ``POST /api/articles`` answer."""
    return {
        "new": sum(p.new for p in parts),
        "duplicates": sum(p.duplicates for p in parts),
        "near_duplicates": sum(p.near_duplicates for p in parts),
        "skipped": [{"origin": s.origin, "reason": s.reason} for p in parts for s in p.skipped],
        "stories_touched": list(dict.fromkeys(s for p in parts for s in p.stories_touched)),
    }


def encode_article(article: Article) -> dict[str, Any]:
    """An article as JSON data (all of it: the UI shows its text with the cited spans)."""
    return {
        "id": article.id,
        "text": article.text,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "author": article.author,
        "origin": article.origin,
        "removed": [[r.text, r.reason] for r in article.removed],
    }


def decode_article(data: dict[str, Any]) -> Article:
    """The article :func:`encode_article` wrote."""
    published = data.get("published")
    return Article(
        id=data["id"],
        text=data["text"],
        title=data.get("title", ""),
        source=data.get("source", ""),
        url=data.get("url", ""),
        published=datetime.fromisoformat(published) if published else None,
        author=data.get("author", ""),
        origin=data.get("origin", ""),
        removed=tuple(Removal(text, reason) for text, reason in data.get("removed", [])),
    )


def brief_of_view(view: dict[str, Any]) -> Brief:
    """The brief a brief job made, with its sources, from the job's stored view."""
    articles = [decode_article(item) for item in view["articles"]]
    # Sources in their order: decoding looks them up by id, the first of an id wins.
    by_id: dict[str, Article] = {}
    for article in articles:
        by_id.setdefault(article.id, article)
    return decode_brief(view["brief"], by_id)
