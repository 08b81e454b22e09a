"""newsfuse: news articles in, cited briefs with a cross-source fact table out.

This module is the whole public surface; everything else is implementation and
may change. Names load on first use (so that ``import newsfuse`` and
``newsfuse --help`` stay fast), each from the module named in ``_HOMES``.

Reading and briefing a batch of articles (:mod:`newsfuse.pipeline`):

- ``read(inputs)``: cleaned articles from paths, folders, ``-`` or record dicts.
- ``read_report(inputs)``: the same, with every skipped input as data.
- ``read_text(content)``: one cleaned article from a string of text or HTML.
- ``brief(articles, budget)``: a brief whose sentences cite their sources.
- ``compare_facts(articles)``: the cross-source fact table alone.

The article store (:mod:`newsfuse.corpus`, :mod:`newsfuse.distribute`):

- ``Corpus(path)``: a handle on a store; ingest, list and read stories through it.
- ``ingest``, ``list_stories``, ``get_story``, ``get_storyline``,
  ``export_stories``, ``check_store``: one-shot wrappers that open a store,
  do one thing and close it.
- ``refresh_briefs(...)``: make every missing or stale story brief, in parallel.

Parameters of the stages, frozen dataclasses to change with ``dataclasses.replace``:
``BriefParams``, ``GroupingParams``, ``FactParams`` and ``EmbedSettings``.

Data (:mod:`newsfuse.model`): ``Article``, ``Removal``, ``Skipped``,
``ReadReport``, ``Sentence``, ``Citation``, ``BriefSentence``, ``Claim``,
``Fact``, ``BriefStats``, ``Brief``, ``IngestReport``, ``StorySummary``,
``StoryView`` and ``StorylineView``.

Errors (:mod:`newsfuse.errors`): ``NewsfuseError`` and its subclasses
``InputError``, ``ConfigError``, ``StoreError``, ``NotFoundError``,
``ModelError`` and ``FetchError``; ``ExitCode`` is the table of the command's exit statuses.

``__version__`` is the installed version.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from newsfuse._version import __version__

__all__ = [
    "Article",
    "Brief",
    "BriefParams",
    "BriefSentence",
    "BriefStats",
    "Citation",
    "Claim",
    "ConfigError",
    "Corpus",
    "EmbedSettings",
    "ExitCode",
    "Fact",
    "FactParams",
    "FetchError",
    "GroupingParams",
    "IngestReport",
    "InputError",
    "ModelError",
    "NewsfuseError",
    "NotFoundError",
    "ReadReport",
    "Removal",
    "Sentence",
    "Skipped",
    "StoreError",
    "StorySummary",
    "StoryView",
    "StorylineView",
    "__version__",
    "brief",
    "check_store",
    "compare_facts",
    "export_stories",
    "get_story",
    "get_storyline",
    "ingest",
    "list_stories",
    "read",
    "read_report",
    "read_text",
    "refresh_briefs",
]

# Where each public name is defined; the only place a name's home is written down.
_HOMES: dict[str, str] = {
    "Article": "newsfuse.model",
    "Brief": "newsfuse.model",
    "BriefParams": "newsfuse.summary.params",
    "BriefSentence": "newsfuse.model",
    "BriefStats": "newsfuse.model",
    "Citation": "newsfuse.model",
    "Claim": "newsfuse.model",
    "ConfigError": "newsfuse.errors",
    "Corpus": "newsfuse.corpus",
    "EmbedSettings": "newsfuse.embed",
    "ExitCode": "newsfuse.errors",
    "FetchError": "newsfuse.errors",
    "Fact": "newsfuse.model",
    "FactParams": "newsfuse.facts.params",
    "GroupingParams": "newsfuse.group.params",
    "IngestReport": "newsfuse.model",
    "InputError": "newsfuse.errors",
    "ModelError": "newsfuse.errors",
    "NewsfuseError": "newsfuse.errors",
    "NotFoundError": "newsfuse.errors",
    "ReadReport": "newsfuse.model",
    "Removal": "newsfuse.model",
    "Sentence": "newsfuse.model",
    "Skipped": "newsfuse.model",
    "StoreError": "newsfuse.errors",
    "StorySummary": "newsfuse.model",
    "StoryView": "newsfuse.model",
    "StorylineView": "newsfuse.model",
    "brief": "newsfuse.pipeline",
    "check_store": "newsfuse.corpus",
    "compare_facts": "newsfuse.pipeline",
    "export_stories": "newsfuse.corpus",
    "get_story": "newsfuse.corpus",
    "get_storyline": "newsfuse.corpus",
    "ingest": "newsfuse.corpus",
    "list_stories": "newsfuse.corpus",
    "read": "newsfuse.pipeline",
    "read_report": "newsfuse.pipeline",
    "read_text": "newsfuse.pipeline",
    "refresh_briefs": "newsfuse.distribute",
}

if TYPE_CHECKING:
    from newsfuse.corpus import (
        Corpus,
        check_store,
        export_stories,
        get_story,
        get_storyline,
        ingest,
        list_stories,
    )
    from newsfuse.distribute import refresh_briefs
    from newsfuse.embed import EmbedSettings
    from newsfuse.errors import (
        ConfigError,
        ExitCode,
        FetchError,
        InputError,
        ModelError,
        NewsfuseError,
        NotFoundError,
        StoreError,
    )
    from newsfuse.facts.params import FactParams
    from newsfuse.group.params import GroupingParams
    from newsfuse.model import (
        Article,
        Brief,
        BriefSentence,
        BriefStats,
        Citation,
        Claim,
        Fact,
        IngestReport,
        ReadReport,
        Removal,
        Sentence,
        Skipped,
        StorylineView,
        StorySummary,
        StoryView,
    )
    from newsfuse.pipeline import brief, compare_facts, read, read_report, read_text
    from newsfuse.summary.params import BriefParams


def __getattr__(name: str) -> Any:
    """Load a public name from its home module on first use, and keep it here."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'newsfuse' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    # Kept as a global so that later lookups skip __getattr__ (and its import).
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public names, for ``dir(newsfuse)`` and tab completion."""
    return sorted({*globals(), *__all__})
