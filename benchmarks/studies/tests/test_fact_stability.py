"""Rows kept or moved when claims come back (benchmarks/studies/fact_stability.py), on
invented rows."""

from __future__ import annotations

from study_scripts import load_study

stability = load_study("fact_stability")


def _row(subject: str, *cells: set[str]) -> tuple[str, tuple[frozenset[str], ...]]:
    return subject, tuple(frozenset(cell) for cell in cells)


def test_a_row_joined_by_a_returning_claim_is_kept() -> None:
    # Invented Larkfield regatta: a returning "26" joins source one's count of boats.
    before = [_row("boats entered", {"12"}, {"12"})]
    after = [_row("boats entered", {"12", "26"}, {"12"})]
    assert stability.lost_rows(before, after) == []


def test_a_value_moved_to_another_row_is_lost() -> None:
    # Source three's "Sunday" leaves the row of the race for another row.
    before = [_row("date of the race", {"Sunday"}, {"Sunday"}, {"Sunday"}),
              _row("date of the prizes", {"Sunday"}, {"Sunday"}, set())]  # fmt: skip
    after = [_row("date of the race", {"Sunday"}, {"Sunday"}, set()),
             _row("date of the prizes", {"Sunday"}, {"Sunday"}, {"Sunday"})]  # fmt: skip
    assert stability.lost_rows(before, after) == [before[0]]


def test_a_renamed_row_is_lost() -> None:
    before = [_row("boats entered", {"12"}, {"12"})]
    assert stability.lost_rows(before, [_row("boats", {"12"}, {"12"})]) == before
