"""A change word is the cue of its own value, not of a later figure of its sentence."""

from __future__ import annotations

import pytest

from conftest import parsed_figure
from newsfuse.facts import FactParams
from newsfuse.facts.cue_owners import cue_is_another_figures
from newsfuse.model import Article

WINDOW = FactParams().revision_cue_window_tokens


@pytest.mark.parametrize(
    ("sentence", "number", "another"),
    [
        # Invented outbreak of mumps in Corrib Vale and an invented Larnmoor census.
        ("The number of patients has risen to 14, including a 9-month-old boy.", "9", True),
        ("The toll now stands at 45, including 12 children.", "12", True),
        (
            "Larnmoor grew by 6% and now has 2.1 million people, while five towns lost people.",
            "five",
            True,
        ),
        # A change verb of the figure's own clause stays its cue, valued or not.
        (
            "Larnmoor grew by 6% and now has 2.1 million people, while five towns shrank.",
            "five",
            False,
        ),
        ("This is an increase of 3.2% since the previous count in 2014.", "2014", True),
        # The change word's own value keeps its cue.
        ("The number of patients has risen to 14, including a 9-month-old boy.", "14", False),
        ("The toll rose from 38 to 45.", "45", False),
        ("The mayor will raise the parking fee by 5% to €3.20 an hour.", "€3.20", False),
        (
            "Profit rose to 2.1 billion rupees ($25.3 million), the firm said.",
            "$25.3 million",
            False,
        ),
        ("Officials now say 45 people died.", "45", False),
    ],
)
def test_a_change_word_whose_value_is_another_number_is_not_this_figures_cue(
    sentence: str, number: str, another: bool
) -> None:
    assert cue_is_another_figures(parsed_figure(sentence, number), WINDOW) is another


def test_a_figure_beside_a_new_total_gets_no_revision_cue_unless_the_rule_is_off() -> None:
    # Invented mumps outbreak in Corrib Vale: the baby's age is told beside the new total.
    from newsfuse.facts.describe import describe_claim
    from newsfuse.facts.extract import scan_claims
    from newsfuse.facts.nlp import load_pipeline

    article = Article(
        id="a",
        text="The number of patients in hospital has risen to 4, including a 5-week-old baby.",
    )
    doc = load_pipeline()(article.text)
    claims = {claim.text: claim for claim in scan_claims(article)}
    off = FactParams(cue_of_another_figure_is_none=False)
    assert describe_claim(claims["4"], doc, FactParams()).revision_cue
    assert not describe_claim(claims["5-week"], doc, FactParams()).revision_cue
    assert describe_claim(claims["5-week"], doc, off).revision_cue
