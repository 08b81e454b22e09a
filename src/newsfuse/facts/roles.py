"""What stands around a figure that makes it another attribute than a look-alike.

Two figures of the same kind can differ without disagreeing: one is what
*would* happen ("the jackpot would be $316 million" as a cash option, "if 25 %
of shareholders vote it down"), the other what did; one is a day of a month
that the date reader could not place ("on April 14" with no year known),
parsed as a count; one is what a source "had earlier said". These read the
figure's clause in the spaCy parse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsfuse.facts.dates import MONTHS

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = [
    "CONDITIONAL_MARKERS",
    "HYPOTHETICAL_AUXILIARIES",
    "MAIN_CLAUSE_AUXILIARIES",
    "figure_mood",
    "is_day_of_month",
]

# Auxiliaries that make a clause a possibility rather than a report of what happened.
HYPOTHETICAL_AUXILIARIES = frozenset({"could", "might", "may"})
# "would" only in a main clause: in a reported one it is the past of "will" ("an
# earlier estimate that it would cost $140 million" reports a figure).
MAIN_CLAUSE_AUXILIARIES = frozenset({"would"})
# Adverbs on a verb that make its figure an earlier account than the current one.
EARLIER_ADVERBS = frozenset({"earlier", "previously", "initially", "originally"})
# A verb's active subject: an earlier-adverb there dates the subject's state, not the figure.
ACTIVE_SUBJECTS = frozenset({"nsubj", "csubj"})
# Subordinators that make a clause a condition ("if 25 % vote against").
CONDITIONAL_MARKERS = frozenset({"if", "unless"})


def figure_mood(span: Span) -> str:
    """``"hypothetical"`` when the figure stands in a conditional clause or under a
    modal of possibility on its governing verbs ("would be $316 million",
    "if 25 % of shareholders vote"), else ``""`` (a report of what is or was)."""
    for ancestor in (span.root, *span.root.ancestors):
        for child in ancestor.children:
            if child.dep_ == "aux" and (
                child.lower_ in HYPOTHETICAL_AUXILIARIES
                or (child.lower_ in MAIN_CLAUSE_AUXILIARIES and ancestor.dep_ == "ROOT")
            ):
                return "hypothetical"
            if child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKERS:
                return "hypothetical"
    return ""


def is_earlier_figure(span: Span) -> bool:
    """Whether a verb governing the figure says it is an earlier account: "had
    earlier said that 10 people were wounded", "initially reported 30".

    Not through the verb's active subject: in "the boy, 7, was previously
    healthy" the adverb dates the boy's state, not the account of his age.
    """
    below = span.root
    for ancestor in span.root.ancestors:
        reached_by, below = below.dep_, ancestor
        if ancestor.pos_ not in ("VERB", "AUX") or reached_by in ACTIVE_SUBJECTS:
            continue
        for child in ancestor.children:
            if child.dep_ == "advmod" and child.lower_ in EARLIER_ADVERBS:
                return True
    return False


def is_day_of_month(span: Span) -> bool:
    """Whether a number right after a month's name is that month's day ("April 14")."""
    doc = span.doc
    if span.start == 0:
        return False
    before = doc[span.start - 1].lower_.rstrip(".")
    return before in MONTHS
