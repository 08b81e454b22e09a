"""newsfuse: news articles in, cited briefs with a cross-source fact table out.

The public API lives in :mod:`newsfuse.pipeline`; names are re-exported here lazily
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
    from newsfuse.pipeline import brief, compare_facts, read, read_report


_HOMES = {
    "brief": "newsfuse.pipeline",
    "compare_facts": "newsfuse.pipeline",
    "read": "newsfuse.pipeline",
    "read_report": "newsfuse.pipeline",
    "export_stories": "newsfuse.corpus",
    "get_story": "newsfuse.corpus",
    "get_storyline": "newsfuse.corpus",
    "ingest": "newsfuse.corpus",
    "list_stories": "newsfuse.corpus",
    "refresh_briefs": "newsfuse.distribute",
}


def __getattr__(name: str) -> Any:
    # Data classes (capitalised) come from newsfuse.model, functions from newsfuse.pipeline.
    if name in __all__ and name != "__version__":
        import importlib

        return getattr(importlib.import_module(_HOMES.get(name, "newsfuse.model")), name)
    raise AttributeError(f"module 'newsfuse' has no attribute {name!r}")
