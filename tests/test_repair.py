"""Repairs of an article's sentences before the brief chooses: junk edges, cut quotations."""

from __future__ import annotations

from conftest import MemoEmbedder
from newsfuse.model import Article, Sentence
from newsfuse.segment import split_sentences
from newsfuse.summary import summarize
from newsfuse.summary.lexical import dangling_reason, has_unbalanced_quotes
from newsfuse.summary.params import BriefParams
from newsfuse.summary.repair import rejoin_quotations, trim_junk

QUOTED = (
    'Mayor Ilse Varga said: "We will rebuild the Tarrow pier before the summer. '
    'Nobody in this town will be left without work." The council meets on Friday.'
)


def test_junk_at_the_edges_is_trimmed_and_the_span_follows() -> None:
    text = "--A 76-year-old man from Orrin was rescued from the river on Sunday."
    (sentence,) = [trim_junk(s) for s in split_sentences(Article(id="a", text=text))]
    assert sentence.text.startswith("A 76-year-old man")
    assert text[sentence.start : sentence.end] == sentence.text
    text = "… Police closed the Orrin road on Sunday."
    trimmed = trim_junk(Sentence("a", 0, 0, len(text), text))
    assert (trimmed.text, trimmed.start) == ("Police closed the Orrin road on Sunday.", 2)
    text = "Police closed the Orrin road on Sunday. ||"
    trimmed = trim_junk(Sentence("a", 0, 0, len(text), text))
    assert (trimmed.text, trimmed.end) == ("Police closed the Orrin road on Sunday.", len(text) - 3)


def test_a_negative_number_is_not_junk() -> None:
    text = "-5 degrees was the coldest night in Orrin this year."
    (sentence,) = split_sentences(Article(id="a", text=text))
    assert trim_junk(sentence) == sentence


def test_a_player_button_and_a_bracketed_wire_dateline_are_trimmed_with_the_span() -> None:
    for text, expected in (
        ("CLOSE Tarrow Ferries says it will cut two crossings a day.", "Tarrow Ferries says"),
        ("Orrin, Norland (Wire) A flood closed the Halvar road on Sunday.", "A flood closed"),
        ("Orrin, Norland (Wire) -- A flood closed the road.", "A flood closed"),
        ("(Wire) Rangers closed the Halvar road on Sunday.", "Rangers closed"),
    ):
        trimmed = trim_junk(Sentence("a", 0, 0, len(text), text))
        assert trimmed.text.startswith(expected)
        assert text[trimmed.start : trimmed.end] == trimmed.text
    # A party letter after a name, or a word that only starts like the button, stays.
    for text in (
        "Senator Ilse Varga (D) said the pier would reopen.",
        "CLOSED roads in Orrin will reopen on Monday.",
        "(Being a councillor in Orrin is hard work, she said.)",
    ):
        assert trim_junk(Sentence("a", 0, 0, len(text), text)).text == text


def test_a_quotation_cut_by_the_splitter_is_joined_back_with_an_exact_span() -> None:
    sentences = split_sentences(Article(id="a", text=QUOTED))
    assert any(has_unbalanced_quotes(s.text) for s in sentences)
    repaired = rejoin_quotations(sentences, QUOTED, BriefParams(max_quotation_pieces=4))
    assert not any(has_unbalanced_quotes(s.text) for s in repaired)
    assert repaired[0].text.endswith('without work."')
    assert all(QUOTED[s.start : s.end] == s.text for s in repaired)
    assert repaired[-1].text == "The council meets on Friday."


def test_a_quotation_left_open_at_a_paragraph_end_is_not_joined_across_it() -> None:
    text = (
        '"We will rebuild the Tarrow pier," the mayor said, "and fast.\n\nThe pier opened in 1901.'
    )
    sentences = split_sentences(Article(id="a", text=text))
    assert rejoin_quotations(sentences, text, BriefParams(max_quotation_pieces=4)) == sentences


def test_with_the_repairs_on_the_brief_chooses_no_half_quotation_and_no_dangling_opening(
    embedder: MemoEmbedder,
) -> None:
    text = (
        "Storms closed the Tarrow ferry crossing on Monday, stranding 300 travellers. "
        "He said the crossing would reopen soon. "
        'Harbour master Oskar Lund said: "The waves were the highest in forty years. '
        'We had no choice." '
        '"It was frightening," said one traveller, who was stuck for a night. '
        '"The staff were kind.'
    )
    article = Article(id="tarrow", text=text)
    repairs = BriefParams(
        max_quotation_pieces=4,
        drop_unbalanced_quotes=True,
        drop_dangling=("connective", "pronoun", "demonstrative", "pronoun speaker"),
    )
    brief = summarize([article], 200, embedder=embedder, params=repairs)
    texts = [s.text for s in brief]
    assert texts[0].startswith("Storms closed the Tarrow ferry crossing")
    assert not any(has_unbalanced_quotes(t) for t in texts), texts
    assert not any(dangling_reason(t) for t in texts), texts
    assert any('We had no choice."' in t for t in texts), texts
    for sentence in brief:
        own = sentence.citations[0]
        assert text[own.start : own.end] == sentence.text


def test_two_sentences_stating_the_same_rescue_are_not_both_chosen(
    embedder: MemoEmbedder,
) -> None:
    first = Article(
        id="wire",
        text="The coastguard said 212 passengers and 14 crew were taken off the Merrow ferry "
        "by lifeboats on Sunday. The ferry had struck rocks near the Skarn lighthouse.",
    )
    second = Article(
        id="post",
        text="The coastguard said 212 passengers and 14 crew were rescued by lifeboats. "
        "An inquiry into the grounding of the Merrow ferry will open next week.",
    )
    texts = [s.text for s in summarize([first, second], 300, embedder=embedder)]
    assert sum("212 passengers" in t for t in texts) == 1, texts
