"""How the fact comparison's spaCy pipeline is loaded: numpy's BLAS instead of BLIS,
on one thread, with thinc's global ops left as they were."""

from __future__ import annotations

from typing import Any

import pytest
from thinc.api import get_current_ops
from threadpoolctl import threadpool_info

from newsfuse.facts.entities import parse_articles
from newsfuse.facts.nlp import SPACY_EXCLUDED, load_pipeline
from newsfuse.model import Article


def test_the_pipeline_layers_use_numpy_blas_and_the_global_ops_are_restored() -> None:
    before = get_current_ops()
    nlp = load_pipeline()
    for name in ("tok2vec", "tagger", "parser", "ner"):
        assert nlp.get_pipe(name).model.ops.use_blis is False, name
    assert get_current_ops() is before


def test_the_pipeline_is_loaded_once_with_only_the_components_the_facts_read() -> None:
    nlp = load_pipeline()
    assert load_pipeline() is nlp
    assert nlp.pipe_names == ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]
    assert not set(SPACY_EXCLUDED) & set(nlp.component_names)


def test_parsing_runs_on_one_blas_thread_and_restores_the_pool(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[int] = []
    nlp = load_pipeline()
    original = nlp.pipe

    def pipe(*args: Any, **kwargs: Any) -> Any:
        seen.extend(pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas")
        return original(*args, **kwargs)

    monkeypatch.setattr(nlp, "pipe", pipe)
    article = Article(id="a", text="The Fernhill ferry carried 212 passengers on Monday.")
    (doc,) = parse_articles([article])
    assert [t.text for t in doc][:3] == ["The", "Fernhill", "ferry"]
    assert seen and set(seen) == {1}
