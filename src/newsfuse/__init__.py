"""newsfuse: news articles in, cited briefs with a cross-source fact table out.

The public API lives in :mod:`newsfuse.api`; names are re-exported here lazily
so that ``import newsfuse`` (and ``newsfuse --help``) stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

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
    "refresh_briefs",
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
    from newsfuse.distribute import refresh_briefs
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
    # Data classes (capitalised) come from newsfuse.model, functions from newsfuse.api.
    if name in __all__ and name != "__version__":
        import importlib

        module = importlib.import_module("newsfuse.model" if name[0].isupper() else "newsfuse.api")
        return getattr(module, name)
    raise AttributeError(f"module 'newsfuse' has no attribute {name!r}")
