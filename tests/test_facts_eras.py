"""A background figure framed by an earlier year ("In June 2011, gunmen stormed a wedding,
killing eight") is kept from a story's own figures. Every sentence here is invented."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from conftest import parsed_figure
from newsfuse.facts.describe import Mention, describe_claim
from newsfuse.facts.entities import parse_articles
from newsfuse.facts.eras import clause_year
from newsfuse.facts.extract import scan_claims
from newsfuse.facts.params import FactParams
from newsfuse.facts.score import score_pairs
from newsfuse.model import Article


@pytest.mark.parametrize(
    ("sentence", "figure", "year"),
    [
        # a frame before the verb dates the clause, and the clauses below it
        ("And in June 2011, gunmen stormed a wedding, killing eight guests.", "eight", 2011),
        ("In 2014, the town of Carvel received a $96,000 grant.", "$96,000", 2014),
        ("The last strike at the Tolvey docks, in 1989, lasted 11 weeks.", "11 weeks", 1989),
        # a trailing date is often another figure's, or hung on the wrong verb
        ("Pay fell to $5.5m in 2015 compared with $6.8m in 2014.", "$6.8m", 0),
        ("The Halden mill cut 300 jobs in 2019.", "300", 0),
        # a date inside a noun phrase, or the start of a period, is no frame
        ("The 2010 flood at Brenmoor left 40 homes empty.", "40", 0),
        ("Since 2004, the Brenmoor trust has planted 9,000 trees.", "9,000", 0),
        ("On Monday, rangers counted 12 wolves.", "12", 0),  # a day, no year
    ],
)
def test_a_figure_takes_the_year_a_frame_before_its_verb_names(
    sentence: str, figure: str, year: int
) -> None:
    assert clause_year(parsed_figure(sentence, figure)) == year


def _mentions(article: Article) -> list[Mention]:
    doc = parse_articles([article])[0]
    return [
        describe_claim(claim, doc, FactParams())
        for claim in scan_claims(article)
        if claim.kind == "count" and claim.attribute != "year"
    ]


def test_a_figure_framed_by_an_earlier_year_is_kept_from_this_years_figure() -> None:
    when = datetime(2025, 3, 4, tzinfo=UTC)
    background = Article(
        id="a",
        text="In May 2019, a fire at the Orrin mill killed eight other workers.",
        published=when,
    )
    current = Article(id="b", text="A fire at the Orrin mill killed eight workers.", published=when)
    (old,), (new,) = _mentions(background), _mentions(current)
    assert old.year == 2019 and new.year == 0
    published = {"a": when, "b": when}
    params = FactParams()
    off = replace(params, figures_of_other_years_differ=False)
    apart = float(score_pairs([old, new], None, published, params)[0, 1])
    together = float(score_pairs([old, new], None, published, off)[0, 1])
    assert apart == pytest.approx(together - params.date_role_penalty)
    # An annual figure reported the next year is not kept apart (other_year_min_gap).
    next_year = {"a": when, "b": datetime(2020, 1, 10, tzinfo=UTC)}
    assert float(score_pairs([old, new], None, next_year, params)[0, 1]) == pytest.approx(
        float(score_pairs([old, new], None, next_year, off)[0, 1])
    )
