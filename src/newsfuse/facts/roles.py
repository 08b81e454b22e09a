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
from newsfuse.facts.eras import verbs_above
from newsfuse.facts.lexicon import (
    CHANGE_ADVERBS,
    CHANGE_NOUNS,
    CHANGE_VERBS,
    REPEATED_PERIOD_NOUNS,
)
from newsfuse.facts.synonymy import verb_changes_magnitude

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = [
    "CONDITIONAL_MARKERS",
    "HYPOTHETICAL_AUXILIARIES",
    "MAIN_CLAUSE_AUXILIARIES",
    "figure_mood",
    "in_past_frame",
    "is_change_size",
    "is_classified_part",
    "is_day_of_month",
    "is_denied_figure",
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
# Dependencies by which a figure modifies a noun ("a 14 per cent rise", "a 40% fall").
MODIFIER_DEPENDENCIES = frozenset({"compound", "nummod", "amod", "nmod", "npadvmod", "quantmod"})
# Dependencies by which a figure is a verb's bare object ("rose 17%", "fell 300 feet").
BARE_OBJECT_DEPENDENCIES = frozenset({"dobj", "obj", "npadvmod"})
# Tags of comparatives, whose measure is a difference ("a 31% [lower] risk", "20% [more]").
COMPARATIVE_TAGS = frozenset({"JJR", "RBR"})
# Determiners and pronouns of a group already named ("two of [the] deaths", "of [them]").
DEFINITE_WORDS = frozenset({"the", "these", "those", "them", "they", "which", "whom"})
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


# Units of a calendar that a relative frame counts back by ("a year ago", "last month").
FRAME_UNITS = frozenset({"year", "month", "week", "season", "quarter"})
# Words that put such a unit before the report's time ("last year", "the previous month").
FRAME_PAST = frozenset({"last", "previous", "prior", "ago", "earlier", "before"})
# How a time frame hangs on a verb: an adverbial, a preposition or the verb's subject.
FRAME_DEPENDENCIES = frozenset({"npadvmod", "advmod", "prep", "nsubj", "nsubjpass"})
# Verbs of expecting an outcome: in the past perfect ("had forecast 700,000 tonnes") they
# give a figure the outcome has since replaced. Not "estimate": an estimate measures what
# is ("had estimated the cost at $410 million" is the account still disputed).
EXPECTATION_VERBS = frozenset({"forecast", "expect", "predict", "project", "anticipate"})


def in_past_frame(span: Span) -> bool:
    """Whether the figure's clause sets it at a time before the report's: a relative frame
    on a governing verb or its subject ("A year ago growth was running at 1.2 per cent",
    "Last year's rise was 3.99%", "in the previous year") or an expectation in the past
    perfect ("the board had forecast 700,000 tonnes"), which the report has since replaced.
    Not a frame inside the figure's own noun phrase ("a rise on last year")."""
    for verb in verbs_above(span):
        if (
            verb.lemma_.lower() in EXPECTATION_VERBS
            and verb.tag_ == "VBN"
            and any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)
        ):
            return True
        for child in verb.children:
            if child.i >= span.start and child.dep_ != "nsubj":
                continue  # a frame before the figure, or the subject's own time
            if child.dep_ in FRAME_DEPENDENCIES and _names_past_frame(child):
                return True
    return False


def _names_past_frame(token: Token) -> bool:
    """Whether ``token`` heads a relative past time ("a year ago", "last year('s)",
    "in the previous month"), directly or as the possessor of a subject noun."""
    words = [token] if token.dep_ != "prep" else [c for c in token.children if c.dep_ == "pobj"]
    if token.dep_ in ("nsubj", "nsubjpass"):
        words = [c for c in token.children if c.dep_ == "poss"]
    for word in words:
        if word.lemma_.lower() in FRAME_UNITS:
            marks = {c.lower_ for c in word.children}
            if "the" in marks and "last" in marks:
                continue  # "over the last month": a period up to now, not before it
            if marks & FRAME_PAST:
                return True
        elif word.lower_ in ("ago", "earlier", "before") and any(
            c.lemma_.lower() in FRAME_UNITS for c in word.subtree
        ):
            return True
    return False


# Words a correction puts before the figure it takes back: "not the 180,000 reported
# earlier", "rather than 12", "instead of the £4m first given".
DENIAL_BEFORE = (("not",), ("rather", "than"), ("instead", "of"))
# Words that may stand between the denial and the figure ("not the 180,000", "not some").
DENIAL_FILLERS = frozenset({"the", "a", "an", "about", "around", "some", "roughly", "nearly"})


def is_denied_figure(span: Span) -> bool:
    """Whether a correction takes the figure back: "not the 180,000 reported earlier",
    "3,400 rather than 3,100". The denied figure is an earlier account, not the
    current one. Not a figure in a negated verb's object ("would not affect its nine
    instruments"): the denial stands right before the figure, with at most a determiner
    or approximator between."""
    doc = span.doc
    index = span.start - 1
    while index >= 0 and doc[index].lower_ in DENIAL_FILLERS:
        index -= 1
    for words in DENIAL_BEFORE:
        first = index - len(words) + 1
        if first >= 0 and tuple(t.lower_ for t in doc[first : index + 1]) == words:
            return True
    return False


def is_day_of_month(span: Span) -> bool:
    """Whether a number right after a month's name is that month's day ("April 14")."""
    doc = span.doc
    if span.start == 0:
        return False
    before = doc[span.start - 1].lower_.rstrip(".")
    return before in MONTHS


def _is_change_verb(token: Token) -> bool:
    """A verb of rising or falling, or one WordNet files under changing an amount."""
    lemma = token.lemma_.lower()
    return token.pos_ == "VERB" and (lemma in CHANGE_VERBS or bool(verb_changes_magnitude(lemma)))


def _repeated_period(token: Token) -> bool:
    """Whether a token opens "year on year" ("month-on-month", "year over year"): the parse
    makes such a phrase the head of the figure before it ("grew 3.7% [year] on year")."""
    if token.lemma_.lower() not in REPEATED_PERIOD_NOUNS:
        return False
    after = [t.lower_ for t in token.doc[token.i + 1 : token.i + 5] if t.lower_ != "-"]
    return len(after) >= 2 and after[0] in ("on", "over") and after[1] == token.lower_


def is_change_size(span: Span, repeated_periods: bool = False) -> bool:
    """Whether a figure is the size of a change or a difference rather than the level
    reached: it modifies a noun of change ("a 14 per cent rise", "a rise of 14 per
    cent"), is the bare object or "by" phrase of a verb of changing ("profit rose 17%",
    "cut the risk by 31%"), follows "up" or "down" ("up 14% year on year") or measures
    a comparative ("a 31% lower risk"). The level takes "to" ("rose to 17%"). With
    ``repeated_periods``, a figure the parse hangs on "year on year" stands in its place
    ("grew 3.7% year on year")."""
    root = span.root
    head = root.head
    if repeated_periods and root.dep_ in MODIFIER_DEPENDENCIES and _repeated_period(head):
        root, head = head, head.head
    if head is root:
        return False
    lemma = head.lemma_.lower()
    if root.dep_ in MODIFIER_DEPENDENCIES and lemma in CHANGE_NOUNS and head.pos_ == "NOUN":
        return True
    if root.dep_ in BARE_OBJECT_DEPENDENCIES and _is_change_verb(head):
        return True
    if root.dep_ in MODIFIER_DEPENDENCIES and head.tag_ in COMPARATIVE_TAGS:
        return True
    if head.lower_ in CHANGE_ADVERBS and head.i < root.i:
        return True
    if root.dep_ == "pobj" and head.lower_ in ("by", "of"):
        governor = head.head
        if head.lower_ == "by":
            return _is_change_verb(governor)
        return governor.pos_ == "NOUN" and governor.lemma_.lower() in CHANGE_NOUNS
    return False


def is_classified_part(span: Span) -> bool:
    """Whether a count is a part of a group already counted, said to be of some sort:
    "Two of the deaths were from heart attacks", "three of them are in a serious
    condition". The part is a subgroup, not the group told again. A part that did
    something ("three of the passengers died") is the count of who did it."""
    root = span.root
    if root.dep_ not in ("nsubj", "nsubjpass") or root.head.lemma_.lower() != "be":
        return False
    for child in root.children:
        if child.dep_ != "prep" or child.lower_ != "of":
            continue
        for whole in child.children:
            if whole.dep_ != "pobj":
                continue
            if whole.lower_ in DEFINITE_WORDS:
                return True
            numbered = any(grand.like_num for grand in whole.children)
            definite = any(grand.lower_ in DEFINITE_WORDS for grand in whole.children)
            if definite and not numbered:
                return True
    return False
