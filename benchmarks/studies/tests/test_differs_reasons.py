"""The reasons and tables of benchmarks/studies/differs_reasons.py on invented rows."""

from __future__ import annotations

from typing import Any

from newsfuse.facts import FactParams
from study_scripts import load_study

study = load_study("differs_reasons")


def _evidence(**changes: Any) -> dict[str, Any]:
    evidence: dict[str, Any] = {
        "score": 0.9,
        "ratio": 1.1,
        "nouns_differ": False,
        "moods_differ": False,
        "times_differ": False,
        "subgroups_differ": False,
        "aspects_differ": [],
        "day_of_month": False,
        "year": False,
        "compatible": False,
        "rounded": False,
        "unplaced_day": False,
        "transposed": False,
        "long_transposed": False,
    }
    evidence.update(changes)
    return evidence


def test_a_clear_dispute_has_no_reason() -> None:
    assert study.holdback_reasons(_evidence(), 1.0, 1, FactParams()) == []


def test_every_reason_that_holds_is_listed_in_the_verdicts_order() -> None:
    evidence = _evidence(ratio=9.0, subgroups_differ=True, aspects_differ=["group", "owner"])
    reasons = study.holdback_reasons(evidence, 1.0, 1, FactParams())
    assert reasons == ["ratio", "subgroup", "aspect group", "aspect owner"]


def test_a_switched_off_aspect_is_no_reason() -> None:
    evidence = _evidence(aspects_differ=["owner"])
    assert study.holdback_reasons(evidence, 1.0, 1, FactParams(other_owners_differ=False)) == []


def test_differing_nouns_hold_back_no_transposed_figure() -> None:
    assert study.holdback_reasons(_evidence(nouns_differ=True), 1.0, 1, FactParams()) == [
        "nouns differ"
    ]
    evidence = _evidence(nouns_differ=True, transposed=True)
    assert study.holdback_reasons(evidence, 1.0, 1, FactParams()) == []


def test_a_reason_counts_its_sole_holds_apart() -> None:
    rows = [
        {"reasons": ["subgroup"], "outcome": "hidden"},
        {"reasons": ["subgroup", "ratio"], "outcome": "none"},
        {"reasons": ["ratio"], "outcome": "none"},
    ]
    table = study.tabulate(rows)
    assert table["subgroup"]["any"] == {"hidden": 1, "none": 1}
    assert table["subgroup"]["sole"] == {"hidden": 1}
    assert table["ratio"]["sole"] == {"none": 1}
