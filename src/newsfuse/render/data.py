"""The JSON rendering: a brief as plain, versioned, schema-checked data.

The shape is documented in ``docs/json-schema.md`` and fixed by
``brief.schema.json`` (JSON Schema draft 2020-12, shipped with the package).
The ``facts`` list is also the contract read by the external fact-comparison
evaluator, so its claims carry exactly ``article, text, value, unit, start, end``.
"""

from __future__ import annotations

import json
import math
from typing import Any

from newsfuse.model import Article, Brief, Citation, Claim, Fact
from newsfuse.render.layout import choose_title, number_sources, page_date

# Bump the minor version for added optional fields, the major for anything a
# reader written against the old shape would misread.
SCHEMA_VERSION = "1.1"

# Floats beyond this are not exact integers in JSON readers (IEEE double), so
# they keep their float form instead of being written as integers.
_LARGEST_EXACT_INTEGER = 2**53


def brief_to_dict(brief: Brief) -> dict[str, Any]:
    """A brief as JSON-ready data following ``brief.schema.json`` (version ``SCHEMA_VERSION``)."""
    numbers = number_sources(brief)
    articles = {a.id: a for a in reversed(brief.sources)}  # first source wins on duplicate ids
    stats = brief.stats
    return {
        "schema_version": SCHEMA_VERSION,
        "title": choose_title(brief),
        "summary": [
            {
                "text": sentence.text,
                "citations": [
                    _citation_to_dict(c, numbers, articles.get(c.article_id))
                    for c in sentence.citations
                ],
                "note": sentence.note,
            }
            for sentence in brief.sentences
        ],
        "sources": [
            _source_to_dict(number, article)
            for number, article in enumerate(brief.sources, start=1)
        ],
        "facts": [fact_to_dict(fact) for fact in brief.facts],
        "stats": {
            "articles_read": stats.articles_read,
            "skipped": [{"origin": s.origin, "reason": s.reason} for s in stats.skipped],
            "boilerplate_removed": {
                "chars": stats.boilerplate_removed_chars,
                "blocks": stats.boilerplate_removed_blocks,
            },
            "words": stats.words,
            "budget": brief.budget,
            "timings": {stage: float(seconds) for stage, seconds in stats.timings.items()},
        },
    }


def fact_to_dict(fact: Fact) -> dict[str, Any]:
    """A fact in the evaluator's contract: status, subject, kind and its claims."""
    return {
        "status": fact.status,
        "subject": fact.subject,
        "kind": fact.kind,
        "claims": [claim_to_dict(claim) for claim in fact.claims],
    }


def claim_to_dict(claim: Claim) -> dict[str, Any]:
    """A claim as ``{"article", "text", "value", "unit", "start", "end"}``."""
    return {
        "article": claim.article_id,
        "text": claim.text,
        "value": normalise_value(claim.value),
        "unit": claim.unit,
        "start": claim.start,
        "end": claim.end,
    }


def normalise_value(value: float | str) -> float | int | str:
    """A claim value as JSON: whole floats become integers (45, not 45.0).

    Non-finite floats are not valid JSON, so they are written as strings.
    """
    if isinstance(value, bool):  # bool is an int subclass; never a legitimate value
        return str(value).lower()
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        if value.is_integer() and abs(value) < _LARGEST_EXACT_INTEGER:
            return int(value)
    return value


def render_json(brief: Brief) -> str:
    """The brief as indented UTF-8 JSON (non-ASCII kept readable)."""
    return json.dumps(brief_to_dict(brief), ensure_ascii=False, indent=2)


def _citation_to_dict(
    citation: Citation, numbers: dict[str, int], article: Article | None
) -> dict[str, Any]:
    text = ""
    if article is not None and 0 <= citation.start <= citation.end <= len(article.text):
        text = article.text[citation.start : citation.end]
    score = float(citation.score)
    return {
        "source": numbers.get(citation.article_id),
        "article": citation.article_id,
        "start": citation.start,
        "end": citation.end,
        "score": score if math.isfinite(score) else 0.0,
        "text": text,
    }


def _source_to_dict(number: int, article: Article) -> dict[str, Any]:
    return {
        "n": number,
        "id": article.id,
        "source": article.source,
        "title": article.title,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "page_date": dated.date().isoformat() if (dated := page_date(article)) else None,
        "origin": article.origin,
        "author": article.author,
    }
