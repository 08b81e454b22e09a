"""One parse at a time, inside spaCy's memory zone: the vocabulary of a long-running
process stays the size it had after loading.

spaCy interns every token string it has not seen in the shared ``Vocab`` (its
``StringStore`` and a lexeme per word) and never lets go of it, so a server that
briefs the news gains a few thousand entries for each few hundred new articles
(docs/benchmarks-robustness.md). ``Language.memory_zone()`` (spaCy 3.8) frees the
strings and lexemes added inside it when it closes. The zone is a state of the one
``Vocab`` every thread shares and zones must not nest: a parse on a second thread
while a zone is open would have its words freed under it. So every parse of the fact
comparison takes :data:`_PARSE_LOCK` for as long as its Docs are read, and nothing
read from them may outlive the zone except plain ``str``, ``int`` and ``float``
values: no ``Doc``, ``Span``, ``Token`` or ``Lexeme``, and no string hash to be
looked up afterwards.
"""

from __future__ import annotations

import contextlib
import itertools
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from newsfuse.facts.nlp import load_pipeline

if TYPE_CHECKING:
    from spacy.strings import StringStore

# Held while a fact comparison parses and reads its Docs, zone or no zone: a zone
# opened by one thread covers the other threads' parses too.
_PARSE_LOCK = threading.Lock()


@contextlib.contextmanager
def parsing_zone(free_new_words: bool = True) -> Iterator[None]:
    """While active, this thread alone parses with the shared spaCy pipeline, and with
    ``free_new_words`` the words first seen meanwhile leave its vocabulary at the end.

    The pipeline is loaded before the zone opens, since strings added inside a zone
    are freed, the model's own labels included. Docs made inside must not be read
    after it: copy out what is needed as plain data.
    """
    nlp = load_pipeline()
    with _PARSE_LOCK:
        if not free_new_words:
            yield
            return
        lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
        cache = getattr(lemmatizer, "cache", None)
        cached = len(cache) if isinstance(cache, dict) else 0
        try:
            with nlp.memory_zone():
                yield
        finally:
            if isinstance(cache, dict):
                _forget_freed_lemmas(cache, cached, nlp.vocab.strings)


def _forget_freed_lemmas(cache: dict[Any, Any], kept: int, strings: StringStore) -> None:
    """Drop the lemmatizer's cached forms of words the zone freed.

    spaCy's rule lemmatizer caches its forms by (word hash, part of speech,
    morphology) and never empties the cache, which would grow with every new word
    as the vocabulary did. Entries are only ever added, so the zone's are those
    after the first ``kept``; those of words the model knows stay (bounded by its
    vocabulary), so a known word is not lemmatised anew in every brief.
    """
    added = list(itertools.islice(cache, kept, None))
    for key in added:
        if key[0] not in strings:
            del cache[key]
