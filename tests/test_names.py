"""Introducing people by their full name (``newsfuse.summary.names``), on invented text."""

from __future__ import annotations

from newsfuse.model import BriefSentence, Citation
from newsfuse.summary.names import full_names, introduce_names

ARTICLE = (
    "Ferry captain Odile Trancart steered the Gull into Varnby harbour on Monday. "
    "The crossing took nine hours, the operator said. "
    "Trancart said the swell was the worst she had seen."
)


def _sentence(text: str, article: str = ARTICLE, article_id: str = "a") -> BriefSentence:
    start = article.index(text)
    return BriefSentence(text, (Citation(article_id, start, start + len(text), 1.0),))


def test_a_bare_surname_first_mentioned_is_written_as_the_full_name_of_its_article() -> None:
    brief = [_sentence("Trancart said the swell was the worst she had seen.")]
    [introduced] = introduce_names(brief, {"a": ARTICLE})
    assert introduced.text == "Odile Trancart said the swell was the worst she had seen."
    name = introduced.citations[1]
    assert ARTICLE[name.start : name.end] == "Odile Trancart"
    assert introduced.citations[0] == brief[0].citations[0]


def test_a_surname_the_brief_introduced_already_is_left_bare() -> None:
    brief = [
        _sentence("Ferry captain Odile Trancart steered the Gull into Varnby harbour on Monday."),
        _sentence("Trancart said the swell was the worst she had seen."),
    ]
    assert introduce_names(brief, {"a": ARTICLE}) == brief


def test_a_surname_inside_a_quotation_is_never_rewritten() -> None:
    article = 'Rhun Pellow runs the quay. "Ask Pellow about the tides," a porter said.'
    brief = [_sentence('"Ask Pellow about the tides," a porter said.', article)]
    assert introduce_names(brief, {"a": article}) == brief


def test_a_surname_given_to_two_people_of_the_article_is_left_alone() -> None:
    article = "Ines Varga and her brother Tomas Varga sailed. Varga said it was calm."
    brief = [_sentence("Varga said it was calm.", article)]
    assert introduce_names(brief, {"a": article}) == brief


def test_capitalised_words_also_written_in_lower_case_are_not_names() -> None:
    article = "Harbour Police closed the quay. Police said the harbour police had left."
    assert full_names(article, frozenset({"police", "harbour", "the", "closed"})) == {}


def test_a_title_before_the_surname_says_who_and_is_kept() -> None:
    brief = [_sentence("Trancart said the swell was the worst she had seen.")]
    titled = [BriefSentence("Capt. " + brief[0].text, brief[0].citations)]
    assert introduce_names(titled, {"a": ARTICLE}) == titled


def test_a_word_after_a_bracketed_capitalised_word_is_part_of_a_name() -> None:
    article = "Riggers told Brisk Wire the mast was rotten. DARNHOLM (Brisk Wire) - A rigger fell."
    brief = [_sentence("DARNHOLM (Brisk Wire) - A rigger fell.", article)]
    assert introduce_names(brief, {"a": article}) == brief


def test_a_name_is_written_in_full_only_while_the_brief_keeps_its_budget() -> None:
    brief = [_sentence("Trancart said the swell was the worst she had seen.")]
    words = len(brief[0].text.split())
    assert introduce_names(brief, {"a": ARTICLE}, budget=words) == brief
    [introduced] = introduce_names(brief, {"a": ARTICLE}, budget=words + 1)
    assert introduced.text.startswith("Odile Trancart said")


def test_a_title_cut_short_is_not_a_surname() -> None:
    article = (
        "Voters backed Coastal Gov. Ilsa Marrow. The harbour Gov. Ilsa Marrow said it was safe."
    )
    brief = [_sentence("The harbour Gov. Ilsa Marrow said it was safe.", article)]
    assert introduce_names(brief, {"a": article}) == brief
