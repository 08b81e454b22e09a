"""The title line of benchmarks/readability.py (mean length, titles cut mid-phrase)."""

from __future__ import annotations

from study_scripts import load_benchmark


def _describe_titles(titles: list[str]) -> str:
    result: str = load_benchmark("readability").describe_titles(titles)
    return result


def test_titles_that_end_on_a_leaning_word_an_open_quotation_or_a_dash_are_counted() -> None:
    titles = [
        "Pellow ferry runs aground in fog",
        "Brannock's harbour master -- and",
        'Orrin mayor calls the footbridge a "costly',
        "Councillors vote to sell the site of the",
    ]
    assert _describe_titles(titles) == "titles: mean 6.50 words, 3 of 4 end mid-phrase"
