"""The built-in Porter stemmer gives NLTK's stems, so fact alignment is unchanged without NLTK."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.facts.porter import porter_stem

nltk_porter = pytest.importorskip("nltk.stem.porter")
NLTK = nltk_porter.PorterStemmer()

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_textbook_examples_stem_as_in_the_paper() -> None:
    pairs = {
        "caresses": "caress",
        "ponies": "poni",
        "agreed": "agre",
        "hopping": "hop",
        "relational": "relat",
        "announced": "announc",
        "announcement": "announc",
        "dying": "die",
        "news": "news",
        "happy": "happi",
    }
    assert {word: porter_stem(word) for word in pairs} == pairs


def test_every_word_of_the_bundled_example_stems_as_nltk_does() -> None:
    words = {
        word
        for path in EXAMPLES.rglob("*")
        if path.is_file()
        for word in re.findall(r"[A-Za-z]+", path.read_text(encoding="utf-8", errors="ignore"))
    }
    assert len(words) > 200
    assert [w for w in sorted(words) if porter_stem(w) != NLTK.stem(w)] == []


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="aeiouybcdlmnrstzgw", min_size=1, max_size=14))
def test_any_lower_case_word_stems_as_nltk_does(word: str) -> None:
    assert porter_stem(word) == NLTK.stem(word)
