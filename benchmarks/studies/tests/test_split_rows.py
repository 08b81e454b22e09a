"""Counting rows that split an agreeing group (benchmarks/studies/split_rows.py) on
invented predictions."""

from __future__ import annotations

from typing import Any

from study_scripts import load_study


def _equal(expected: dict[str, Any], claim: dict[str, Any]) -> bool:
    return bool(expected["value"] == claim["value"])


def _claim(article: str, value: int) -> dict[str, Any]:
    return {"article": article, "text": str(value), "value": value, "unit": None}


# Four bulletins on the Tarrow ferry: a and b say 9 crew, c says 12, d says 9 but was left
# single; the labels hold all four in one conflict.
FACTS = [
    {"status": "conflict", "subject": "crew", "kind": "count",
     "claims": [_claim("a", 9), _claim("c", 12)]},
    {"status": "agree", "subject": "crew members", "kind": "count",
     "claims": [_claim("b", 9), _claim("d", 9)]},
    {"status": "single", "subject": "lifeboats", "kind": "count", "claims": [_claim("d", 12)]},
]  # fmt: skip
LABELS = [
    {"status": "conflict",
     "claims": {"a": {"value": 9}, "b": {"value": 9}, "c": {"value": 12}}},
]  # fmt: skip


def test_each_same_figure_left_outside_a_disputed_row_is_found() -> None:
    study = load_study("split_rows")
    found = study.outside_agreements(FACTS, LABELS, _equal)
    outside = sorted((claim["article"], claim["value"]) for _, _, claim, _ in found)
    # b's and d's 9 agree with a's; d's lifeboats (12) equal c's figure.
    assert outside == [("b", 9), ("d", 9), ("d", 12)]


def test_only_a_claim_the_labels_put_in_the_row_belongs() -> None:
    study = load_study("split_rows")
    belongs = {
        (claim["article"], claim["value"])
        for _, _, claim, belongs in study.outside_agreements(FACTS, LABELS, _equal)
        if belongs
    }
    assert belongs == {("b", 9)}


def test_agreeing_rows_are_not_searched() -> None:
    study = load_study("split_rows")
    agreeing_only = [fact for fact in FACTS if fact["status"] != "conflict"]
    assert study.outside_agreements(agreeing_only, LABELS, _equal) == []


def test_subject_words_leave_out_stop_words() -> None:
    study = load_study("split_rows")
    assert study.subject_words("Number of the Crew") == {"number", "crew"}
