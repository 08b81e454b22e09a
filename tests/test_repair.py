"""Sentence repairs before selection, and the story headline, on invented articles."""

from __future__ import annotations

from newsfuse.model import Article, BriefSentence
from newsfuse.segment import split_sentences
from newsfuse.summary import summarize
from newsfuse.summary.headline import headline_from_lead, make_headline
from newsfuse.summary.lexical import has_unbalanced_quotes
from newsfuse.summary.repair import repair_sentences, trim_junk


def _article(text: str, title: str = "") -> Article:
    return Article(id="pellow-1", text=text, title=title)


def test_a_quotation_the_splitter_cut_is_rejoined_with_an_exact_span() -> None:
    article = _article(
        'The Pellow ferry ran aground on Monday. "We heard a bang. Then the lights went out '
        'and everyone ran to the deck," said Mara Quill, a passenger. Lifeboats came at dawn.'
    )
    pieces = split_sentences(article)
    repaired = repair_sentences(article, pieces)
    assert any(has_unbalanced_quotes(s.text) for s in pieces)
    assert not any(has_unbalanced_quotes(s.text) for s in repaired)
    quoted = next(s for s in repaired if s.text.startswith('"We heard'))
    assert quoted.text.endswith("a passenger.")
    assert all(article.text[s.start : s.end] == s.text for s in repaired)
    assert [s.index for s in repaired] == list(range(len(repaired)))


def test_a_quotation_left_open_at_the_end_of_a_paragraph_is_not_joined_across_it() -> None:
    article = _article(
        'The mayor spoke at noon. "We will rebuild the harbour.\n\nIt was a long day.'
    )
    repaired = repair_sentences(article, split_sentences(article))
    assert any(s.text == '"We will rebuild the harbour.' for s in repaired)


def test_junk_edges_are_trimmed_from_text_and_span() -> None:
    article = _article("--A 76-year-old man from Pellow was arrested on Monday. |")
    sentence = trim_junk(split_sentences(article)[0])
    assert sentence.text == "A 76-year-old man from Pellow was arrested on Monday."
    assert article.text[sentence.start : sentence.end] == sentence.text


def test_the_brief_chooses_no_half_quotation_and_no_junk() -> None:
    first = _article(
        "--A ferry carrying 212 passengers ran aground off the Pellow coast on Monday morning. "
        '"We heard a loud bang under the hull. Then the lights went out and people started to '
        'scream," said Mara Quill, one of the passengers on board. '
        "The coastguard sent three lifeboats and a helicopter to the stranded ferry."
    )
    second = Article(
        id="pellow-2",
        text="The Pellow ferry ran aground on a sandbank with 212 passengers on board on Monday. "
        "All passengers were brought ashore by lifeboats within four hours, the coastguard said. "
        '"The sea was calm, which helped us a lot," a coastguard spokesman said afterwards.',
    )
    brief = summarize([first, second], 120)
    assert brief
    for sentence in brief:
        assert not has_unbalanced_quotes(sentence.text)
        assert not sentence.text.startswith("-")


def test_the_headline_is_the_shared_source_title_when_sources_have_titles() -> None:
    articles = [
        _article("a", "Ferry aground off Pellow"),
        Article(id="b", text="b", title="Pellow ferry runs aground"),
        Article(id="c", text="c", title="Ferry aground off Pellow"),
    ]
    assert make_headline(articles, []) == "Ferry aground off Pellow"


def test_without_source_titles_the_headline_is_a_short_line_from_the_lead() -> None:
    lead = BriefSentence(
        text="PELLOW (Wire) — A ferry carrying 212 passengers ran aground on a sandbank off "
        "the Pellow coast early on Monday after its engines failed in heavy fog, the "
        "coastguard said.",
        citations=(),
    )
    headline = make_headline([_article("x")], [lead])
    assert headline.startswith("A ferry carrying 212 passengers ran aground")
    assert len(headline.split()) <= 15
    assert "coastguard said" not in headline
    assert not headline.endswith(".")


def test_a_short_lead_becomes_the_headline_without_its_attribution() -> None:
    assert (
        headline_from_lead("The Orrin bridge reopened on Sunday after repairs, officials said.")
        == "The Orrin bridge reopened on Sunday after repairs"
    )
