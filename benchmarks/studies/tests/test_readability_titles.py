"""The title line of benchmarks/readability.py (mean length, titles cut mid-phrase)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2]


def _describe_titles(titles: list[str]) -> str:
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))
    specification = importlib.util.spec_from_file_location(
        "readability", BENCHMARKS / "readability.py"
    )
    assert specification is not None and specification.loader is not None
    module = importlib.util.module_from_spec(specification)
    specification.loader.exec_module(module)
    result: str = module.describe_titles(titles)
    return result


def test_titles_that_end_on_a_leaning_word_an_open_quotation_or_a_dash_are_counted() -> None:
    titles = [
        "Pellow ferry runs aground in fog",
        "Brannock's harbour master -- and",
        'Orrin mayor calls the footbridge a "costly',
        "Councillors vote to sell the site of the",
    ]
    assert _describe_titles(titles) == "titles: mean 6.50 words, 3 of 4 end mid-phrase"
