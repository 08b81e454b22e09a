"""newsfuse: news articles in, cited briefs with a cross-source fact table out.

The public API lives in :mod:`newsfuse.api`; names are re-exported here lazily
so that ``import newsfuse`` (and ``newsfuse --help``) stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_API_NAMES = (
    "read",
    "read_report",
    "brief",
    "compare_facts",
    "ingest",
    "list_stories",
    "get_story",
    "get_storyline",
    "export_stories",
)
_MODEL_NAMES = (
    "Article",
    "Brief",
    "BriefSentence",
    "Citation",
    "Claim",
    "Fact",
    "ReadReport",
    "Sentence",
    "Skipped",
)

__all__ = [
    "Article",
    "Brief",
    "BriefSentence",
    "Citation",
    "Claim",
    "Fact",
    "ReadReport",
    "Sentence",
    "Skipped",
    "__version__",
    "brief",
    "compare_facts",
    "export_stories",
    "get_story",
    "get_storyline",
    "ingest",
    "list_stories",
    "read",
    "read_report",
]

if TYPE_CHECKING:
    from newsfuse.api import brief, compare_facts, read, read_report
    from newsfuse.corpus import (
        export_stories,
        get_story,
        get_storyline,
        ingest,
        list_stories,
    )
    from newsfuse.model import (
        Article,
        Brief,
        BriefSentence,
        Citation,
        Claim,
        Fact,
        ReadReport,
        Sentence,
        Skipped,
    )


def __getattr__(name: str) -> Any:
    if name in _API_NAMES:
        from newsfuse import api

        return getattr(api, name)
    if name in _MODEL_NAMES:
        from newsfuse import model

        return getattr(model, name)
    raise AttributeError(f"module 'newsfuse' has no attribute {name!r}")
