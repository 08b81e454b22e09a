"""What handlers receive from the app: its one :class:`~newsfuse.corpus.Corpus`."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from newsfuse.corpus import Corpus
from newsfuse.errors import StoreError


def corpus_of(request: Request) -> Corpus:
    """The app's corpus, opened at startup and closed at shutdown (see ``create_app``)."""
    corpus: Corpus | None = getattr(request.app.state, "corpus", None)
    if corpus is None:
        raise StoreError("the store is not open: the app was not started (lifespan not run)")
    return corpus


# A handler parameter of this type receives the app's corpus.
AppCorpus = Annotated[Corpus, Depends(corpus_of)]
