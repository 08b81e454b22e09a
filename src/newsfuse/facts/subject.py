"""A short readable name for what a fact measures ("additional troops", "date: send troops").

Built from the counted noun most of the group's claims share, else from the
context words they weigh most, shown as written rather than as stems.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from newsfuse.facts.describe import Mention, stem_word

# What a base unit measures, for readable subjects ("distance: south of Korbel").
MEASURE_NAMES = {
    "m": "distance",
    "m2": "area",
    "kg": "mass",
    "l": "volume",
    "s": "duration",
    "m/s": "speed",
    "°C": "temperature",
    "%": "percentage",
}


def describe_subject(group: Sequence[Mention]) -> str:
    """A short readable name for what a group of claims measures ("additional troops")."""
    heads = Counter(m.head_word for m in group if m.head_word)
    first = group[0]
    claim = first.claim
    phrase = ""
    if heads:
        # The most common name; among equals, the one with most words ("send troops" over "say").
        head = max(heads, key=lambda name: (heads[name], len(name.split())))
        owner = next(m for m in group if m.head_word == head)
        # Words may be stems ("injur" from "the number of injured"): show them as written.
        phrase = " ".join(_surface_word(word, group) for word in [*owner.modifiers, *head.split()])
    if not phrase:
        weights: dict[str, float] = defaultdict(float)
        for mention in group:
            for lemma, weight in mention.context:
                if not lemma.startswith("<"):
                    weights[lemma] += weight
        top = sorted(weights, key=lambda lemma: -weights[lemma])[:2]
        phrase = " ".join(_surface_word(stem, group) for stem in top)
    if claim.attribute in ("votes for", "votes against"):
        return f"{claim.attribute}: {phrase}".strip(": ")
    if claim.kind == "date":
        return f"date: {phrase}".strip(": ")
    if claim.kind == "age":
        return f"age: {phrase}".strip(": ")
    if claim.attribute == "year":
        return f"year: {phrase}".strip(": ")
    if claim.kind == "money":
        return f"amount ({claim.unit}): {phrase}".strip(": ")
    if claim.kind in ("quantity", "percent"):
        return f"{MEASURE_NAMES.get(claim.unit or '', claim.unit or '')}: {phrase}".strip(": ")
    return phrase or claim.text


def _surface_word(stem: str, group: Sequence[Mention]) -> str:
    """The word as written for a context stem ("damag" → "damage"), for readable subjects."""
    for mention in group:
        for word in re.findall(r"[A-Za-z][A-Za-z'-]*", mention.clause):
            if stem_word(word.lower()) == stem:
                return word.lower()
    return stem
