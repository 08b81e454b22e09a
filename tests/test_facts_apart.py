"""Figures from reports published weeks apart tell of different moments, not a dispute."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from newsfuse.clean.classify import REASON_CAPTION
from newsfuse.facts import FactParams, compare_facts
from newsfuse.model import Article, Fact, Removal


def report(article_id: str, text: str, published: datetime | None) -> Article:
    return Article(id=article_id, text=text, source=f"Outlet {article_id}", published=published)


# Invented: a navy sends engineers to the island of Veskar twice, in March and in May.
MARCH = "The navy will send 340 more engineers to Veskar to rebuild the harbour, officials said."
MAY = "The navy will send about 380 more engineers to Veskar to rebuild the port, officials said."
DISTANCE_A = "The engineers will be based at Orvik, 40 miles (64 km) north of the harbour."
DISTANCE_B = "The engineers will be based at Orvik, 90 kilometres north of the harbour."


def statuses(facts: list[Fact], value: float | str) -> set[str]:
    return {fact.status for fact in facts if any(c.value == value for c in fact.claims)}


def test_reports_days_apart_conflict_and_months_apart_do_not() -> None:
    day = datetime(2026, 3, 2, 9, tzinfo=UTC)
    close = [report("a", MARCH, day), report("b", MAY, day.replace(day=3))]
    assert statuses(compare_facts(close), 380) == {"conflict"}
    apart = [report("a", MARCH, day), report("b", MAY, day.replace(month=5))]
    assert "conflict" not in statuses(compare_facts(apart), 380)


def test_the_rule_can_be_switched_off() -> None:
    day = datetime(2026, 3, 2, 9, tzinfo=UTC)
    apart = [report("a", MARCH, day), report("b", MAY, day.replace(month=5))]
    off = FactParams(conflict_max_days_apart=None)
    assert statuses(compare_facts(apart, params=off), 380) == {"conflict"}


def test_a_distance_between_places_still_conflicts_months_apart() -> None:
    day = datetime(2026, 3, 2, 9, tzinfo=UTC)
    apart = [
        report("a", MARCH + " " + DISTANCE_A, day),
        report("b", MAY + " " + DISTANCE_B, day.replace(month=5)),
    ]
    facts = compare_facts(apart)
    assert statuses(facts, 90000.0) | statuses(facts, 90) == {"conflict"}


def test_an_undated_report_is_dated_by_its_own_photo_caption() -> None:
    day = datetime(2026, 3, 2, 9, tzinfo=UTC)
    caption = Removal("Engineers unload cranes at Veskar on 4 May 2026 (photo)", REASON_CAPTION)
    undated = replace(report("b", MAY, None), removed=(caption,))
    assert "conflict" not in statuses(compare_facts([report("a", MARCH, day), undated]), 380)
    # Without the caption nothing dates it, so the figures are compared as one moment.
    assert statuses(compare_facts([report("a", MARCH, day), report("b", MAY, None)]), 380) == {
        "conflict"
    }


def test_figures_months_apart_stay_side_by_side_in_one_row() -> None:
    day = datetime(2026, 3, 2, 9, tzinfo=UTC)
    march_again = MARCH.replace("officials said", "a spokeswoman said")
    apart = [
        report("a", MARCH, day),
        report("b", march_again, day.replace(day=3)),
        report("c", MAY, day.replace(month=5)),
    ]
    rows = [fact for fact in compare_facts(apart) if {340, 380} <= {c.value for c in fact.claims}]
    assert [(row.status, sorted(c.article_id for c in row.claims)) for row in rows] == [
        ("differs", ["a", "b", "c"])
    ]
    split = compare_facts(apart, params=FactParams(reports_apart_side_by_side=False))
    assert statuses(split, 340) == {"agree"}
    assert statuses(split, 380) == {"single"}
