"""Two classes of false conflict on unseen clusters (issue 14): a range's ends read as
single values, and a plan read against an outcome. Every sentence here is invented."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from conftest import parsed_figure
from newsfuse.facts import compare_facts
from newsfuse.facts.aspects import figure_aspects
from newsfuse.facts.params import FactParams
from newsfuse.model import Article


def _statuses(texts: list[str], published: list[datetime | None], params: FactParams) -> set:
    articles = [
        Article(id=f"s{index}", text=text, published=when)
        for index, (text, when) in enumerate(zip(texts, published, strict=True))
    ]
    facts = compare_facts(articles, embeddings=False, params=params)
    return {(fact.status, tuple(sorted(claim.text for claim in fact.claims))) for fact in facts}


@pytest.mark.parametrize(
    ("sentence", "figure", "end"),
    [
        ("The Tolvane patients, ages 46 to 81, all live near the square.", "46", "low"),
        ("The Tolvane patients, ages 46 to 81, all live near the square.", "81", "high"),
        ("Between 40 and 50 people were hurt at the Orrin fair.", "40", "low"),
        ("Between 40 and 50 people were hurt at the Orrin fair.", "50", "high"),
        ("Some 40-50 people were hurt at the Orrin fair.", "50", "high"),
        ("The Orrin toll rose from 38 to 45 overnight.", "45", ""),
        ("The Orrin pass will go up by £236 to £5,364.", "5,364", ""),
        ("Forty people were hurt at the Orrin fair.", "Forty", ""),
    ],
)
def test_a_figure_knows_whether_it_ends_a_range(sentence: str, figure: str, end: str) -> None:
    assert figure_aspects(parsed_figure(sentence, figure), "count", None).range_end == end


def test_a_range_end_and_a_single_value_are_no_conflict() -> None:
    texts = [
        "The Tolvane council said the patients, ages 46 to 81, all live or work near Mill Square.",
        "The Tolvane council said the median age of patients is 67.",
    ]
    # read as a plain age here; as a median (statistic_ages) it is not paired at all
    ages = replace(FactParams(), statistic_ages=False)
    found = _statuses(texts, [None, None], ages)
    assert ("differs", ("67", "81")) in found
    off = _statuses(texts, [None, None], replace(ages, range_ends_differ=False))
    assert ("conflict", ("67", "81")) in off
    statistic = _statuses(texts, [None, None], FactParams())
    assert not any(status == "conflict" for status, _ in statistic)


def test_a_value_inside_a_range_is_no_conflict_with_its_end() -> None:
    texts = [
        "Between 40 and 50 people were hurt when the Orrin stand collapsed, police said.",
        "Police said 45 people were hurt when the Orrin stand collapsed.",
    ]
    found = _statuses(texts, [None, None], FactParams())
    assert ("differs", ("40", "45")) in found
    off = _statuses(texts, [None, None], replace(FactParams(), range_ends_differ=False))
    assert ("conflict", ("40", "45")) in off


@pytest.mark.parametrize(
    ("sentence", "figure", "tense"),
    [
        ("Mayor Ilse Varn said she would travel to Dorrow later on Monday.", "Monday", "planned"),
        ("Mayor Ilse Varn visited Dorrow on Tuesday morning.", "Tuesday", "past"),
        ("The Dorrow vote is scheduled for Thursday.", "Thursday", "planned"),
        ("The Kessel ferry is due on Friday, the port said.", "Friday", "planned"),
    ],
)
def test_a_date_is_planned_or_done_by_its_verb(sentence: str, figure: str, tense: str) -> None:
    span = parsed_figure(sentence, figure)
    assert figure_aspects(span, "date", None, plans_and_outcomes=True).tense == tense
    assert figure_aspects(span, "date", None).tense == ""  # off: dates carry no tense


def test_a_count_so_far_is_done_and_a_planned_count_is_not() -> None:
    done = parsed_figure("Ansel Marr has received six shots so far at the Kelby clinic.", "six")
    planned = parsed_figure("Marr is expected to receive the last of four shots on Sunday.", "four")
    assert figure_aspects(done, "count", None, plans_and_outcomes=True).tense == "past"
    assert figure_aspects(planned, "count", None, plans_and_outcomes=True).tense == "planned"
    assert figure_aspects(done, "count", None).tense == ""  # off: a perfect tells no tense


def test_a_planned_visit_and_the_visit_made_are_no_conflict() -> None:
    monday = datetime(2031, 3, 10, 9, tzinfo=UTC)
    tuesday = datetime(2031, 3, 11, 19, tzinfo=UTC)
    texts = [
        "A flood hit Dorrow on Monday. Mayor Ilse Varn said she would visit Dorrow on Monday.",
        "A flood hit Dorrow on Monday. Mayor Ilse Varn visited Dorrow on Tuesday morning.",
    ]
    found = _statuses(texts, [monday, tuesday], FactParams())
    assert not any(status == "conflict" for status, _ in found)
    off = replace(FactParams(), plans_differ_from_outcomes=False)
    assert any(status == "conflict" for status, _ in _statuses(texts, [monday, tuesday], off))
