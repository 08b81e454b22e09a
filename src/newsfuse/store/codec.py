"""Briefs to JSON and back, for the brief cache.

Source articles are not copied into the cache: the JSON keeps their ids, and
decoding takes the story's articles from the store.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict
from typing import Any

from newsfuse.model import Article, Brief, BriefSentence, BriefStats, Citation, Claim, Fact, Skipped


def encode_brief(brief: Brief) -> str:
    """The brief as JSON, with its sources reduced to article ids."""
    data: dict[str, Any] = {
        "sentences": [asdict(s) for s in brief.sentences],
        "sources": [a.id for a in brief.sources],
        "facts": [asdict(f) for f in brief.facts],
        "stats": asdict(brief.stats),
        "budget": brief.budget,
    }
    return json.dumps(data, ensure_ascii=False)


def decode_brief(body: str, articles: Mapping[str, Article]) -> Brief:
    """A brief from :func:`encode_brief` JSON, its sources looked up in ``articles``."""
    data = json.loads(body)
    stats = data["stats"]
    return Brief(
        sentences=tuple(
            BriefSentence(
                text=s["text"],
                citations=tuple(Citation(**c) for c in s["citations"]),
                note=s.get("note", ""),
            )
            for s in data["sentences"]
        ),
        sources=tuple(articles[i] for i in data["sources"] if i in articles),
        facts=tuple(
            Fact(
                status=f["status"],
                subject=f["subject"],
                kind=f["kind"],
                claims=tuple(Claim(**c) for c in f["claims"]),
            )
            for f in data["facts"]
        ),
        stats=BriefStats(
            articles_read=stats["articles_read"],
            skipped=tuple(Skipped(**s) for s in stats["skipped"]),
            boilerplate_removed_chars=stats["boilerplate_removed_chars"],
            boilerplate_removed_blocks=stats["boilerplate_removed_blocks"],
            words=stats["words"],
            timings=dict(stats["timings"]),
        ),
        budget=data["budget"],
    )
