"""Tests for newsfuse.segment: sentence spans, paragraphs, headings and quotes."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.model import Article
from newsfuse.segment import split_sentences


def texts_of(text: str) -> list[str]:
    return [s.text for s in split_sentences(Article(id="a", text=text))]


def test_abbreviations_and_dates_do_not_end_sentences() -> None:
    text = "U.S. Gen. Ada Korr landed in Ardis on Jan. 5 at 9 a.m. local time. She left on Friday."
    assert texts_of(text) == [
        "U.S. Gen. Ada Korr landed in Ardis on Jan. 5 at 9 a.m. local time.",
        "She left on Friday.",
    ]


def test_closing_quote_stays_with_its_sentence() -> None:
    assert texts_of('He said "It is done." Then he left.') == [
        'He said "It is done."',
        "Then he left.",
    ]
    assert texts_of("She said: “We are ready.” The crowd cheered.") == [
        "She said: “We are ready.”",
        "The crowd cheered.",
    ]


def test_headline_and_byline_lines_are_their_own_sentences() -> None:
    text = "Harbour fire destroys warehouses\nBy Ines Carvalho\nA fire destroyed three warehouses."
    assert texts_of(text) == [
        "Harbour fire destroys warehouses",
        "By Ines Carvalho",
        "A fire destroyed three warehouses.",
    ]


def test_hard_wrapped_prose_is_joined() -> None:
    text = (
        "The council met on Monday evening to discuss the plans for\n"
        "the new bridge over the river, which residents of Marrow have\n"
        "Opposed for several years because of the noise."
    )
    assert texts_of(text) == [text]


def test_no_sentence_spans_a_blank_line_and_paragraphs_are_numbered() -> None:
    text = "First paragraph without a stop\n\n  \nSecond paragraph. It has two sentences.\n\nThird."
    sentences = split_sentences(Article(id="a", text=text))
    assert [(s.paragraph, s.text) for s in sentences] == [
        (0, "First paragraph without a stop"),
        (1, "Second paragraph."),
        (1, "It has two sentences."),
        (2, "Third."),
    ]
    assert [s.index for s in sentences] == [0, 1, 2, 3]
    assert all(s.article_id == "a" for s in sentences)


def test_empty_and_whitespace_text_has_no_sentences() -> None:
    assert texts_of("") == []
    assert texts_of(" \n\n\t \n") == []


def test_spans_index_into_article_text() -> None:
    text = "  Leading space. Ends with a question?\r\n\r\nAnd an exclamation!  "
    article = Article(id="x", text=text)
    for sentence in split_sentences(article):
        assert text[sentence.start : sentence.end] == sentence.text
    assert texts_of(text) == ["Leading space.", "Ends with a question?", "And an exclamation!"]


_ALPHABET = st.sampled_from(
    [*"abcXYZ019 .,!?;:\"'“”’()-\n\t", "U.S.", "Gen.", "Jan.", "\n\n", "...", "é", "\u00a0"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_spans_round_trip_never_overlap_and_cover_all_text(text: str) -> None:
    sentences = split_sentences(Article(id="h", text=text))
    covered = [False] * len(text)
    previous_end = 0
    for position, sentence in enumerate(sentences):
        assert sentence.index == position
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip() and sentence.text
        assert sentence.start >= previous_end
        assert not re.search(r"\n[ \t\r\f\v]*\n", sentence.text)
        previous_end = sentence.end
        for offset in range(sentence.start, sentence.end):
            covered[offset] = True
    assert all(covered[i] or char.isspace() for i, char in enumerate(text))
    paragraphs = [s.paragraph for s in sentences]
    assert paragraphs == sorted(paragraphs)


def test_an_article_is_split_once_and_callers_get_their_own_list() -> None:
    article = Article(id="memo-1", text="The dam at Orlev held. Engineers checked it twice.")
    first = split_sentences(article)
    first.append(first[0])  # a caller changing its list must not change the next result
    second = split_sentences(article)
    assert [s.text for s in second] == ["The dam at Orlev held.", "Engineers checked it twice."]
    assert second[0] is first[0]  # remembered, not split again
    changed = split_sentences(Article(id="memo-1", text="The dam at Orlev broke."))
    assert [s.text for s in changed] == ["The dam at Orlev broke."]
    renamed = split_sentences(Article(id="memo-2", text=article.text))
    assert {s.article_id for s in renamed} == {"memo-2"}
