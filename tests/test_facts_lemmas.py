"""The memo lemmatizer sets exactly the lemmas spaCy's rule lemmatizer sets."""

from __future__ import annotations

from spacy.tokens import Doc

from newsfuse.facts.lemmas import MemoLemmatizer
from newsfuse.facts.nlp import load_pipeline

# Invented text: plurals, tenses, comparatives, contractions the attribute ruler
# lemmatises itself ("n't", "'s"), names, numbers and whitespace runs.
TEXTS = (
    "The Fernhill ferries were carrying 212 passengers when two engines failed.",
    "She 's the oldest warden; they had n't paid the larger fees.  \n\n  Divers swam.",
    "Harbour Board members voted, and the votes were counted twice by the clerks.",
)


def test_the_pipeline_runs_the_memo_under_the_lemmatizers_name() -> None:
    assert isinstance(load_pipeline().get_pipe("lemmatizer"), MemoLemmatizer)


def test_the_memo_sets_spacys_lemmas_twice_over() -> None:
    nlp = load_pipeline()
    memo = nlp.get_pipe("lemmatizer")
    assert isinstance(memo, MemoLemmatizer)
    for _ in range(2):  # the second round reads every lemma from the memo
        for parsed in nlp.pipe(TEXTS, disable=["lemmatizer", "ner"]):
            by_spacy = memo.inner(Doc(nlp.vocab).from_bytes(parsed.to_bytes()))
            by_memo = memo(Doc(nlp.vocab).from_bytes(parsed.to_bytes()))
            assert [t.lemma_ for t in by_memo] == [t.lemma_ for t in by_spacy]
    lemmas = {t.lemma_ for t in memo(nlp.make_doc("x")) if t.lemma_}
    assert lemmas
    parsed = next(nlp.pipe([TEXTS[0]], disable=["ner"]))
    assert {"ferry", "carry", "engine", "fail"} <= {t.lemma_ for t in parsed}


def test_lemmas_the_attribute_ruler_set_are_kept() -> None:
    nlp = load_pipeline()
    parsed = next(nlp.pipe(["They had n't paid."], disable=["ner"]))
    assert [t.lemma_ for t in parsed if t.text == "n't"] == ["not"]
