"""The numpy decoder of the entity recogniser finds exactly what spaCy's recogniser finds."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsfuse.facts.nlp import load_pipeline
from newsfuse.facts.recogniser import recognise_names

# Invented text: multi-word names of every kept kind, names at the start and the end
# of a text, names next to whitespace runs and line breaks, dates and amounts.
TEXTS = (
    "Mayor Odile Brandt of Fernhill met the Harbour Board in Port Calder on Monday.",
    "Tomas Rehn\n\nThe Northern Front said 212 people left Aldmoor  and  Kestrel Bay.",
    "Divers from the Calder Coast Guard searched the Wyvern River for 3 days, said Ana Ruiz",
    "  \n  ",
    "Lantern Aerospace paid $4.5 million to the Fernhill Rowing Club last March.",
    "",
)


def _names(doc: Doc) -> list[tuple[int, int, str]]:
    return [(entity.start, entity.end, entity.label_) for entity in doc.ents]


def test_the_decoder_finds_spacys_names_in_one_batch() -> None:
    nlp = load_pipeline()
    recogniser = nlp.get_pipe("ner")
    by_spacy = list(recogniser.pipe([nlp.make_doc(text) for text in TEXTS]))
    by_decoder = recognise_names(recogniser, [nlp.make_doc(text) for text in TEXTS])
    assert [_names(doc) for doc in by_decoder] == [_names(doc) for doc in by_spacy]
    found = {label for doc in by_decoder for _, _, label in _names(doc)}
    assert {"PERSON", "GPE", "ORG", "DATE"} <= found


def test_every_token_outside_a_name_is_marked_outside() -> None:
    nlp = load_pipeline()
    (doc,) = recognise_names(nlp.get_pipe("ner"), [nlp.make_doc(TEXTS[0])])
    inside = {i for entity in doc.ents for i in range(entity.start, entity.end)}
    assert all(token.ent_iob_ == "O" for token in doc if token.i not in inside)
    assert inside


@pytest.mark.parametrize("preset", ["entities", "sentence starts"])
def test_docs_with_presets_go_to_spacys_recogniser(preset: str) -> None:
    nlp = load_pipeline()
    recogniser = nlp.get_pipe("ner")
    text = "Odile Brandt spoke. Tomas Rehn of Fernhill replied on Monday."

    def make() -> Doc:
        doc = nlp.make_doc(text)
        if preset == "entities":
            doc.set_ents([doc.char_span(0, 12, label="ORG")], default="unmodified")
        else:
            doc[4].is_sent_start = True
        return doc

    (by_spacy,) = recogniser.pipe([make()])
    (by_decoder,) = recognise_names(recogniser, [make()])
    assert _names(by_decoder) == _names(by_spacy)
    if preset == "entities":
        assert _names(by_decoder)[0] == (0, 2, "ORG")


def test_a_move_set_the_decoder_does_not_know_is_left_to_spacy() -> None:
    from newsfuse.facts.recogniser import _Moves

    assert _Moves(["B-ORG", "I-ORG", "L-ORG", "U-ORG", "U-", "O"]).complete
    assert not _Moves(["B-ORG", "I-ORG", "L-ORG", "O"]).complete  # no U-ORG
    assert not _Moves(["B-ORG", "I-ORG", "L-ORG", "U-ORG", "M-ORG", "O"]).complete
    assert not _Moves(["B-ORG", "I-ORG", "L-ORG", "U-ORG"]).complete  # no O
