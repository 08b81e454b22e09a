"""Fact comparison across sources: claims, normalisation, agree / conflict / revision.

``compare_facts(articles, params=FactParams())`` runs the stage and
``annotate_brief`` flags brief sentences whose figures other sources dispute.
The modules, in the order the stage runs them:

- :mod:`~newsfuse.facts.extract` finds numeric and date claims in the text,
  :mod:`~newsfuse.facts.classify` says what each number is (money, a quantity,
  an age...) with the regular expressions of :mod:`~newsfuse.facts.patterns`,
  and :mod:`~newsfuse.facts.numbers`, :mod:`~newsfuse.facts.units` and
  :mod:`~newsfuse.facts.dates` normalise the values;
  :mod:`~newsfuse.facts.entities` finds named people, places and organisations;
- :mod:`~newsfuse.facts.describe` says what each claim is about (with the word
  lists of :mod:`~newsfuse.facts.lexicon` and, for dates,
  :mod:`~newsfuse.facts.date_roles`);
- :mod:`~newsfuse.facts.score` scores pairs of claims and
  :mod:`~newsfuse.facts.cluster` groups them into facts;
- :mod:`~newsfuse.facts.verdict` gives each fact its status and
  :mod:`~newsfuse.facts.subject` its readable name;
- :mod:`~newsfuse.facts.compare` runs the above over a batch of articles, and
  :mod:`~newsfuse.facts.annotate` flags disputed figures in a brief.

Every tunable is a field of :class:`~newsfuse.facts.params.FactParams`. The
JSON form of a fact (the fact-comparison benchmark's contract) is written by
:func:`newsfuse.render.data.fact_to_dict`.
"""

from __future__ import annotations

from newsfuse.facts.annotate import annotate_brief
from newsfuse.facts.compare import compare_facts
from newsfuse.facts.params import FactParams

__all__ = ["FactParams", "annotate_brief", "compare_facts"]
