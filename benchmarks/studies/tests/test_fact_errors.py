"""The sentence marking of benchmarks/studies/fact_errors.py on invented text."""

from __future__ import annotations

from pathlib import Path

from study_scripts import load_study


def test_a_claim_is_shown_marked_in_its_own_sentence() -> None:
    study = load_study("fact_errors")
    text = "The Osk ferry sank. Rescuers found 14 people alive. Divers went on."
    start = text.index("14")
    assert study.sentence_around(text, start, start + 2) == "Rescuers found [[14]] people alive."


def test_a_long_sentence_is_cut() -> None:
    study = load_study("fact_errors")
    text = "Pellam counted " + "very " * 200 + "12 boats"
    start = text.index("12")
    shown = study.sentence_around(text, start, start + 2)
    assert shown.startswith("Pellam counted very") and len(shown) == study.SHOWN_CHARACTERS


def test_the_evaluator_given_is_used(tmp_path: Path) -> None:
    study = load_study("fact_errors")
    given = tmp_path / "elsewhere" / "my_eval.py"
    assert study.evaluator_path(tmp_path / "sets" / "x.jsonl", given) == given


def test_an_evaluator_beside_the_set_comes_before_the_shared_one(tmp_path: Path) -> None:
    study = load_study("fact_errors")
    (tmp_path / "facts_eval.py").write_text("", encoding="utf-8")
    found = study.evaluator_path(tmp_path / "x.jsonl", None)
    assert found == tmp_path / "facts_eval.py"


def test_a_set_without_an_evaluator_beside_it_uses_the_shared_one(tmp_path: Path) -> None:
    study = load_study("fact_errors")
    found = study.evaluator_path(tmp_path / "x.jsonl", None)
    assert found.parts[-3:] == ("shared", "bench", "facts_eval.py")
