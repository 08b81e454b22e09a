"""The year a figure's clause places it in ("And in June 2011, gunmen stormed a wedding,
killing eight people"), to keep a background figure of another year from a story's own.

Reports place earlier events in their history with an explicit year: the figures there
count other events, however alike their words ("eight other people" killed in 2011,
"eight other people" wounded in this week's attack). The year is read from a date
with a year attached by the parse to the figure's verb or a verb above it, as the time
of that clause ("in June 2011", "during 2012"), not a date inside a noun phrase ("the
2010 disaster") nor a starting point ("since 2004"). Only a date standing before its verb
counts, a frame for the clause that follows ("In July 2012, a bomber killed 16 people";
"The last strike, in 1989, lasted 11 weeks"): a trailing date is often another figure's
("fell to $5.5m in 2015 compared with $6.8m", "3.2% in 2026, down from 4.1%"), and where
the parser is least sure what it hangs on.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["YEAR_RE", "clause_year", "verbs_above"]

# Prepositions that place a clause in time; "since", "from" and "until" start or end a
# period that may reach the present, so they do not date the figure's event.
TIME_PREPOSITIONS = frozenset({"in", "during", "on"})
# Years written out as four digits, 1800 to 2099.
YEAR_RE = re.compile(r"(?:1[89]|20)\d\d")


def clause_year(span: Span) -> int:
    """The year the clauses above the figure at ``span`` name as their time, or 0."""
    for verb in verbs_above(span):
        for child in verb.children:
            if child.i >= verb.i or child.i >= span.start:
                continue  # only a frame before the verb (see the module docstring)
            if child.dep_ == "prep" and child.lower_ in TIME_PREPOSITIONS:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        year = _year_of(obj)
                        if year:
                            return year
            elif child.dep_ in ("npadvmod", "tmod"):
                year = _year_of(child)
                if year:
                    return year
    return 0


def verbs_above(span: Span) -> list[Token]:
    """The figure's governing verb and the verbs above it, nearest first."""
    return [t for t in (span.root, *span.root.ancestors) if t.pos_ in ("VERB", "AUX")]


def _year_of(token: Token) -> int:
    """The four-digit year in the date expression ``token`` stands in ("June 2011"), or 0;
    not one further down its subtree ("Thursday, a fee ... paid in 2019")."""
    if token.ent_type_ != "DATE":
        return 0
    for entity in token.doc.ents:
        if entity.start <= token.i < entity.end:
            years = [word.text for word in entity if YEAR_RE.fullmatch(word.text)]
            return int(years[0]) if years else 0
    return 0
