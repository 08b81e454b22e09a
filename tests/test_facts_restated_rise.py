"""A later report that restates the earlier figure and gives the new one is a revision."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from newsfuse.facts import FactParams, compare_facts
from newsfuse.model import Article

MONDAY = datetime(2026, 3, 2, 9, tzinfo=UTC)

# Invented event: a bus crash at the Velmor bridge, told by three invented outlets.
EARLY = (
    "Seven people were injured when a bus left the road at the Velmor bridge on Monday "
    "night, the Tarn ambulance service said."
)
ALSO_EARLY = (
    "A bus crashed at the Velmor bridge on Monday night. Seven people were injured, "
    "according to the Tarn ambulance service."
)
LATER = (
    "The number of injured in the Velmor bridge bus crash rose to 11 on Wednesday, after "
    "four more passengers went to hospital, the Tarn ambulance service said.\n\n"
    "The seven people hurt on the night of the crash have been discharged."
)


def cluster(later: str) -> list[Article]:
    return [
        Article(id="a", text=EARLY, source="Tarn Post", published=MONDAY + timedelta(hours=14)),
        Article(
            id="b", text=ALSO_EARLY, source="Velmor Radio", published=MONDAY + timedelta(hours=15)
        ),
        Article(id="c", text=later, source="Ostra Wire", published=MONDAY + timedelta(days=2)),
    ]


# The rule ships off (it cost an untouched set an agreement); these tests switch it on.
RULE_ON = FactParams(rise_replaces_restated_figure=True)


def injured_values(params: FactParams) -> dict[str, list[tuple[float, ...]]]:
    """Each status with the values of the rows that hold a seven or an eleven."""
    found: dict[str, list[tuple[float, ...]]] = {}
    for fact in compare_facts(cluster(LATER), params=params):
        if fact.kind != "count":
            continue
        values = tuple(float(claim.value) for claim in fact.claims)  # type: ignore[arg-type]
        if {7.0, 11.0} & set(values):
            found.setdefault(fact.status, []).append(values)
    return found


def test_the_new_figure_stands_for_a_later_report_that_restates_the_earlier_one() -> None:
    found = injured_values(RULE_ON)
    assert (7.0, 7.0, 11.0) in found.get("revision", [])
    assert "conflict" not in found


def test_without_the_switch_the_restatement_agrees_and_the_rise_stands_alone() -> None:
    found = injured_values(FactParams(rise_replaces_restated_figure=False))
    assert (7.0, 7.0, 7.0) in found.get("agree", [])
    assert "revision" not in found


def test_a_later_report_without_a_change_word_keeps_its_agreeing_figure() -> None:
    later = (
        "The Tarn ambulance service said seven people were injured in the Velmor bridge "
        "bus crash on Monday night. Eleven passengers were questioned by police."
    )
    statuses = {
        fact.status
        for fact in compare_facts(cluster(later), params=RULE_ON)
        if any(claim.value == 7 for claim in fact.claims)
    }
    assert "revision" not in statuses
    assert "agree" in statuses


def test_a_changed_figure_told_below_an_agreeing_one_does_not_replace_it() -> None:
    # The later report leads with the same figure and only below gives another, cued one.
    later = (
        "Seven people were injured when a bus left the road at the Velmor bridge on Monday "
        "night, the Tarn ambulance service said on Wednesday.\n\n"
        "The number of injured passengers who remain in hospital has now fallen to four."
    )
    rows = [
        (fact.status, tuple(claim.value for claim in fact.claims))
        for fact in compare_facts(cluster(later), params=RULE_ON)
        if fact.kind == "count"
    ]
    assert ("agree", (7, 7, 7)) in rows
    assert all(status != "revision" for status, _ in rows)
