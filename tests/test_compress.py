"""Light compression of brief sentences (``newsfuse.summary.compress``), on invented text."""

from __future__ import annotations

from dataclasses import replace

from conftest import MemoEmbedder
from newsfuse.model import Article, BriefSentence, Citation
from newsfuse.summary import summarize
from newsfuse.summary.compress import compress_sentences, compress_text
from newsfuse.summary.params import BriefParams

ARTICLE = (
    "The Gull ferry ran aground off Varnby on Monday night, the coastguard said. "
    "Captain Odile Trancart (a former fisherwoman) steered it off the sandbank at dawn. "
    "The crossing -- the third cancelled this month -- will resume on Friday. "
    '"We were lucky (very lucky) the tide turned," a deckhand said. '
    "The Varnby Harbour Authority (VHA) opened an inquiry. "
    "Repairs will cost 2 million crowns, according to the operator."
)


def _sentence(text: str, extra: tuple[Citation, ...] = ()) -> BriefSentence:
    start = ARTICLE.index(text)
    return BriefSentence(text, (Citation("a", start, start + len(text), 1.0), *extra))


def _compressed(text: str) -> BriefSentence:
    [sentence] = compress_sentences([_sentence(text)], {"a": ARTICLE}, min_words=6)
    return sentence


def _cited_text(sentence: BriefSentence) -> str:
    own = [c for c in sentence.citations if c.article_id == "a"]
    return "".join(ARTICLE[c.start : c.end] for c in own)


def test_a_trailing_attribution_is_cut_and_the_citation_spans_are_the_kept_pieces() -> None:
    sentence = _compressed(
        "The Gull ferry ran aground off Varnby on Monday night, the coastguard said."
    )
    assert sentence.text == "The Gull ferry ran aground off Varnby on Monday night."
    pieces = [ARTICLE[c.start : c.end] for c in sentence.citations]
    assert pieces == ["The Gull ferry ran aground off Varnby on Monday night", "."]
    assert _cited_text(sentence) == sentence.text


def test_an_according_to_attribution_is_cut() -> None:
    sentence = _compressed("Repairs will cost 2 million crowns, according to the operator.")
    assert sentence.text == "Repairs will cost 2 million crowns."
    assert _cited_text(sentence) == sentence.text


def test_a_bracketed_aside_is_cut_and_both_sides_are_cited() -> None:
    sentence = _compressed(
        "Captain Odile Trancart (a former fisherwoman) steered it off the sandbank at dawn."
    )
    assert sentence.text == "Captain Odile Trancart steered it off the sandbank at dawn."
    assert len(sentence.citations) == 2
    assert _cited_text(sentence) == sentence.text


def test_an_aside_between_two_dashes_is_cut() -> None:
    sentence = _compressed(
        "The crossing -- the third cancelled this month -- will resume on Friday."
    )
    assert sentence.text == "The crossing will resume on Friday."
    assert _cited_text(sentence) == sentence.text


def test_nothing_inside_quotation_marks_is_compressed_nor_the_speaker_of_a_quotation() -> None:
    text = '"We were lucky (very lucky) the tide turned," a deckhand said.'
    assert _compressed(text) == _sentence(text)
    inner = 'She said "the swell (huge) was bad" on Monday, officials said.'
    assert compress_text(inner) == [(0, len(inner))]


def test_a_bracket_spelling_out_an_abbreviation_is_kept() -> None:
    text = "The Varnby Harbour Authority (VHA) opened an inquiry."
    assert _compressed(text) == _sentence(text)


def test_an_aside_with_a_figure_is_kept_as_a_fact() -> None:
    for text in (
        "The ferry stopped 40 miles (65km) short of the Varnby quay in heavy fog.",
        "Of the passengers, 30 (34%) were treated for cold at the Varnby clinic.",
        "The ferry -- built in 1987 at the Orrin yard -- was due to retire next spring.",
    ):
        assert compress_text(text) == [(0, len(text))], text


def test_a_sentence_left_too_short_is_not_compressed() -> None:
    text = "The crossing -- the third cancelled this month -- will resume on Friday."
    [sentence] = compress_sentences([_sentence(text)], {"a": ARTICLE}, min_words=8)
    assert sentence.text == text


def test_support_from_other_articles_is_kept_after_the_kept_pieces() -> None:
    support = Citation("b", 10, 60, 0.8)
    text = "Repairs will cost 2 million crowns, according to the operator."
    [sentence] = compress_sentences([_sentence(text, (support,))], {"a": ARTICLE}, min_words=6)
    assert sentence.citations[-1] == support
    assert all(c.article_id == "a" for c in sentence.citations[:-1])


def test_a_sentence_that_is_not_its_span_as_written_is_left_alone() -> None:
    rewritten = BriefSentence(
        "Repairs will cost 2 million crowns, according to the operator.",
        (Citation("a", 0, 20, 1.0),),
    )
    assert compress_sentences([rewritten], {"a": ARTICLE}, min_words=6) == [rewritten]


def test_a_brief_compressed_before_selection_cites_the_kept_pieces_of_each_sentence(
    embedder: MemoEmbedder,
) -> None:
    articles = [
        Article(id="a", text=ARTICLE),
        Article(
            id="b",
            text=(
                "The ferry Gull ran aground near Varnby on Monday night, officials said. "
                "Repairs to the Gull will cost 2 million crowns (about 190,000 euros). "
                "Crossings from Varnby will resume on Friday, the operator said."
            ),
        ),
    ]
    params = replace(BriefParams(), compress_asides=True)
    brief = summarize(articles, 60, embedder=embedder, params=params)
    texts = {article.id: article.text for article in articles}
    compressed = [
        s
        for s in brief
        if len(s.citations) > 1 and s.citations[1].article_id == s.citations[0].article_id
    ]
    assert compressed
    for sentence in brief:
        own = [c for c in sentence.citations if c.article_id == sentence.citations[0].article_id]
        assert "".join(texts[c.article_id][c.start : c.end] for c in own) == sentence.text
    assert not any(s.text.endswith(("the coastguard said.", "officials said.")) for s in brief)


def test_an_editors_insertion_in_square_brackets_is_kept() -> None:
    text = "They [the Varnby lifeboat crew] reached the Gull within an hour."
    assert compress_text(text) == [(0, len(text))]


def test_an_aside_between_commas_takes_one_comma_with_it() -> None:
    text = "The hold carried timber, (the manifest is unclear), and grain."
    kept = compress_text(text)
    assert "".join(text[start:end] for start, end in kept) == "The hold carried timber, and grain."
