"""Whether a figure is presented as a development: the cue that makes a later value
a revision rather than a disagreement ("the death toll has climbed to 11",
"insurers have revised their estimate ... up to 95 million", "the landing was
postponed to March 6"). These read the figure's sentence in the spaCy parse.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsfuse.facts.lexicon import (
    ADDING_VERBS,
    DIRECTION_PARTICLES,
    GOVERNING_REVISION_CUES,
    MEASURE_NOUNS,
    MOVED_DATE_CUES,
    NEW_VALUE_PREPOSITIONS,
    REACH_VERBS,
    REVISION_CUES,
    SCOPE_CUES,
    STATE_CUES,
)
from newsfuse.facts.synonymy import verb_changes_magnitude

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = [
    "announces_update",
    "has_moved_date_cue",
    "has_revision_cue",
    "is_added_part",
    "is_distance_moved",
    "is_perfect_tally",
    "is_period_start",
    "update_notice_spans",
]


def _is_cue(token: Token, cues: frozenset[str]) -> bool:
    return token.lemma_.lower() in cues or token.lower_ in cues


# Dependencies by which a clause with its own subject hangs from another clause: one
# coordinated with it ("..., and people over 65 make up 22%") or subordinate to it.
OTHER_CLAUSE_DEPENDENCIES = frozenset({"conj", "advcl"})
SUBJECT_DEPENDENCIES = frozenset({"nsubj", "nsubjpass"})


def _governing_words(span: Span, own_clause: bool = False) -> list[Token]:
    """The words that govern the figure in its sentence: the head chain of its root
    and each head's adverbs ("has now risen"), however far back they stand. With
    ``own_clause`` the chain stops at the verb of the figure's clause when that clause has
    its own subject and is coordinated with or subordinate to another
    (``OTHER_CLAUSE_DEPENDENCIES``): the other clause's change words are of its figures."""
    sentence = span.sent
    words: list[Token] = []
    for ancestor in span.root.ancestors:
        if not sentence.start <= ancestor.i < sentence.end:
            break
        words.append(ancestor)
        words.extend(child for child in ancestor.children if child.dep_ in ("advmod", "prt"))
        if (
            own_clause
            and ancestor.dep_ in OTHER_CLAUSE_DEPENDENCIES
            and any(child.dep_ in SUBJECT_DEPENDENCIES for child in ancestor.children)
        ):
            break
    return words


def is_added_part(span: Span) -> bool:
    """Whether the figure is what a change adds: the object of "include" or "add" in the
    infinitive another verb takes ("widened the evacuation zone to include two river
    districts", "expanded the recall to add 300 vans"), not the new level of the whole."""
    sentence = span.sent
    for ancestor in span.root.ancestors:
        if not sentence.start <= ancestor.i < sentence.end:
            return False
        if ancestor.pos_ in ("VERB", "AUX"):
            return (
                ancestor.lemma_.lower() in ADDING_VERBS
                and ancestor.dep_ in ("xcomp", "advcl")
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in ancestor.children)
            )
    return False


def is_period_start(span: Span) -> bool:
    """Whether "since" takes the figure, directly or through the noun it sizes or dates
    ("natural increase close to zero [since] 2020", "[since] the previous census in 2016"):
    where a period starts, not a new value, whatever change word stands beside it."""
    sentence = span.sent
    for ancestor in span.root.ancestors:
        if not sentence.start <= ancestor.i < sentence.end or ancestor.pos_ in ("VERB", "AUX"):
            return False
        if ancestor.lower_ == "since" and ancestor.dep_ == "prep":
            return True
    return False


def _phrasal_lemma(verb: Token) -> str:
    """The verb's lemma with its particle, as WordNet writes phrasal verbs ("go up")."""
    particles = [child.lower_ for child in verb.children if child.dep_ == "prt"]
    return " ".join([verb.lemma_.lower(), *particles[:1]])


def _changes_amount_to(span: Span) -> bool:
    """Whether the figure is the new value of a verb of changing an amount, which
    WordNet files under "increase", "decrease" or "change magnitude", given with "to"
    ("cut its estimate to $9m", "the toll has gone up to 19", "was trimmed to 60").
    Without "to" such a verb's figure is the change itself ("added 300 jobs"). The
    "to" may hang from a verb between (the parser attaches "cut its estimate of the
    cost to repair the flood to $9m" to "repair"); a particle the parser puts between
    ("gone [up] to") joins its verb."""
    sentence = span.sent
    through_to = False
    particle = ""
    for ancestor in span.root.ancestors:
        if not sentence.start <= ancestor.i < sentence.end:
            return False
        if ancestor.pos_ == "ADP" and ancestor.lower_ in NEW_VALUE_PREPOSITIONS:
            through_to = True
            continue
        if ancestor.pos_ in ("ADP", "ADV") and ancestor.dep_ in ("advmod", "prt"):
            particle = ancestor.lower_  # the parser tags "up" either way
            continue
        if ancestor.pos_ in ("VERB", "AUX") and through_to:
            lemma = ancestor.lemma_.lower()
            phrasal = f"{lemma} {particle}" if particle else _phrasal_lemma(ancestor)
            if phrasal.partition(" ")[2] in DIRECTION_PARTICLES:
                return True  # "scaled back to", "marked down to"
            if verb_changes_magnitude(phrasal) or verb_changes_magnitude(lemma):
                return True
        particle = ""
    return False


def _reached_by_a_count(span: Span) -> bool:
    """Whether the figure is the level a count or toll reached ("the number of injured
    hit 31", "the death toll topped 50"): a verb of reaching whose subject is such a noun."""
    verb = span.root.head
    if verb.lemma_.lower() not in REACH_VERBS or span.root.dep_ not in ("dobj", "obj"):
        return False
    return any(
        child.dep_ == "nsubj" and child.lemma_.lower() in MEASURE_NOUNS for child in verb.children
    )


# Auxiliaries of the present perfect: the state up to now ("has died"); "had" is a past
# state and tells no update.
PRESENT_PERFECT_AUXILIARIES = frozenset({"has", "have", "'s", "'ve"})


def is_perfect_tally(span: Span) -> bool:
    """Whether the figure is the subject or object of an event verb in the present perfect,
    active ("two patients [have died]", "the department [has confirmed] 14 cases"): a tally
    as it stands at the time of the report. "Be" is a state ("have been on strike"), not an
    event; a passive ("seven deaths have been linked to the floods") tells what a figure is
    attributed to, not that it was counted up; a modal ("may have died") or a negation is
    no count of what happened; a figure the verb reaches by a preposition is a new value
    ("has risen to 40") or another count ("have died in three hospitals")."""
    sentence = span.sent
    below = span.root
    for ancestor in span.root.ancestors:
        if not sentence.start <= ancestor.i < sentence.end:
            return False
        if ancestor.pos_ in ("VERB", "AUX"):
            children = list(ancestor.children)
            return (
                ancestor.tag_ == "VBN"
                and ancestor.lemma_.lower() != "be"
                and below.dep_ not in ("prep", "agent", "dative")
                and any(
                    child.dep_ == "aux" and child.lower_ in PRESENT_PERFECT_AUXILIARIES
                    for child in children
                )
                and not any(
                    child.dep_ in ("auxpass", "neg") or child.tag_ == "MD" for child in children
                )
            )
        below = ancestor
    return False


def is_distance_moved(span: Span) -> bool:
    """Whether a length is the bare object of the verb it follows ("fell 300 feet",
    "climbed 2,000 metres") or sizes a noun ("a 150-metre fall", "a 90-foot drop"): the
    distance something moved, not an amount's new value, which a change verb gives with
    "to" ("the river rose to 5.2 metres")."""
    root = span.root
    if root.dep_ in ("compound", "amod", "nummod", "nmod") and root.head.pos_ == "NOUN":
        return True
    return root.dep_ in ("dobj", "npadvmod", "obj") and root.head.pos_ == "VERB"


def has_revision_cue(
    span: Span,
    window: int,
    states: bool = False,
    magnitude_verbs: bool = False,
    distance: bool = False,
    scope: bool = False,
    own_clause: bool = False,
    period_start: bool = False,
    added_part: bool = False,
) -> bool:
    """Whether a change word ("rose", "revised", "now") stands within ``window``
    tokens before the figure or among the words that govern it, which may stand
    further back ("revised their estimate of the cost of the flooding up to 95m").
    With ``states``, a verb of a lasting state governing it is one too ("26 people
    [remain] missing", "12 are [still] in hospital"): the count as it now stands.
    With ``magnitude_verbs``, so is any verb WordNet says changes an amount, or a verb
    with a particle of direction, when the figure is its new value ("cut its estimate to
    $9m", "scaled back to 45,000"), a verb of reaching whose subject is a count ("the
    number of injured hit 31"), and "since" on a governing verb ("has since confirmed").
    With ``distance``, the figure is a length something moved ("fell 300 feet", "a
    150-metre fall"), which no change word makes a revision. With ``scope``, a verb of
    enlarging a scope in the figure's own clause is one too ("extended to cover 52,000
    households"; not "expanded its recall, adding cars built in 2025"). With
    ``own_clause``, a clause with its own subject stops the governing words
    (``_governing_words``); with ``period_start``, a figure "since" takes is no new value
    (``is_period_start``); with ``added_part``, nor is what a change adds
    (``is_added_part``)."""
    if distance and is_distance_moved(span):
        return False
    if period_start and is_period_start(span):
        return False
    if added_part and is_added_part(span):
        return False
    sentence = span.sent
    before = span.doc[max(sentence.start, span.start - window) : span.start]
    if any(_is_cue(token, REVISION_CUES) for token in before):
        return True
    governing = _governing_words(span, own_clause)
    if states and any(_is_cue(token, STATE_CUES) for token in governing):
        return True
    if scope and any(_is_cue(token, SCOPE_CUES) for token in _own_verbs(span)):
        return True
    if any(_is_cue(token, REVISION_CUES) for token in governing):
        return True
    if not magnitude_verbs:
        return False
    if any(
        token.dep_ == "advmod" and token.lower_ in GOVERNING_REVISION_CUES for token in governing
    ):
        return True
    return _changes_amount_to(span) or _reached_by_a_count(span)


def _own_verbs(span: Span) -> list[Token]:
    """The verb of the figure's clause, and the verb above it when that clause is an
    infinitive ("was extended on Thursday [to cover] 52,000 households"); not the verb
    of a clause a participle modifies ("expanded its recall, adding cars [built] in 2025")."""
    sentence = span.sent
    verbs: list[Token] = []
    for ancestor in span.root.ancestors:
        if not sentence.start <= ancestor.i < sentence.end:
            break
        if ancestor.pos_ not in ("VERB", "AUX"):
            continue
        verbs.append(ancestor)
        infinitive = ancestor.dep_ in ("advcl", "xcomp") and any(
            child.dep_ == "aux" and child.lower_ == "to" for child in ancestor.children
        )
        if not infinitive:
            break
    return verbs


# Dependencies of verbs that stay within the clause of the verb above them: auxiliaries,
# particles, and an open complement ("attempt [to land]", "plans [to open]").
CLAUSE_INNER_DEPENDENCIES = frozenset({"aux", "auxpass", "advmod", "prt", "xcomp"})


def _own_clause_words(span: Span) -> list[Token]:
    """The head chain of the figure up to its own verb, with that verb's adverbs and
    particles: "set alight by a storm on February 26" stops at "set", so the "now" of
    the sentence's main verb ("the blaze ... has now burnt") does not reach the date. An
    infinitive a verb takes is of its clause ("will now attempt [to land] on March 6")."""
    words: list[Token] = []
    for token in _governing_words(span):
        words.append(token)
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in CLAUSE_INNER_DEPENDENCIES:
            words.extend(c for c in token.children if c.dep_ in ("advmod", "prt", "aux"))
            break
    return words


def has_moved_date_cue(span: Span, window: int, own_clause: bool = False) -> bool:
    """Whether a date is presented as moved ("postponed to", "pushed back to",
    "moved to", "will now take place on"): a later report's new date for the same
    event, which is a revision of the earlier date, not a dispute over it. With
    ``own_clause``, only the words of the date's own clause count, not those of a
    main clause its clause modifies."""
    if own_clause:
        return any(_is_cue(token, MOVED_DATE_CUES) for token in _own_clause_words(span))
    sentence = span.sent
    before = span.doc[max(sentence.start, span.start - window) : span.start]
    if any(_is_cue(token, MOVED_DATE_CUES) for token in before):
        return True
    return any(_is_cue(token, MOVED_DATE_CUES) for token in _governing_words(span))


# Words by which a report says it supersedes earlier figures: a comparison with what was
# first believed ("stronger than first thought"), a corrected or revised figure named as
# such ("the corrected total"), an update notice ("This update replaces the advisory of
# March 3") or a reference back to figures published before.
UPDATE_NOTICE = re.compile(
    r"\bthan (?:first|initially|originally|previously) "
    r"(?:thought|reported|estimated|believed|feared|stated|announced)\b"
    r"|\b(?:corrected|revised|updated) "
    r"(?:figures?|totals?|counts?|estimates?|tolls?|numbers?|tally|tallies)\b"
    r"|\bthis update\b|\bupdate replaces\b"
    r"|\b(?:figures|numbers|estimates?|counts?|totals?) (?:published|released|given|reported) "
    r"(?:earlier|previously)\b",
    re.IGNORECASE,
)


# Words by which a report places its figure against what was reported before: "up from
# earlier estimates", "higher than the first count" ("than first reported" is a notice).
EARLIER_ACCOUNT_NOTICE = re.compile(
    r"\b(?:up|down|higher|lower|more|fewer|less) (?:from|than) (?:the |an? )?"
    r"(?:earlier|initial|first|previous|prior|original) "
    r"(?:estimates?|reports?|figures?|counts?|tally|tallies|totals?|accounts?)\b",
    re.IGNORECASE,
)


def _notices(text: str, earlier_accounts: bool) -> list[re.Match[str]]:
    """The update notices of a text, with ``earlier_accounts`` also the phrases that
    place a figure against earlier reports (``EARLIER_ACCOUNT_NOTICE``)."""
    found = list(UPDATE_NOTICE.finditer(text))
    if earlier_accounts:
        found.extend(EARLIER_ACCOUNT_NOTICE.finditer(text))
    return found


def announces_update(text: str, earlier_accounts: bool = False) -> bool:
    """Whether an article says that its figures update or correct earlier ones
    (``UPDATE_NOTICE``; with ``earlier_accounts`` also ``EARLIER_ACCOUNT_NOTICE``): then a
    figure it gives that differs from a report a day or more older is a development of
    that report, though no change word stands beside it ("Survey teams rated the twister
    an EF2, with peak winds of 125 mph")."""
    return bool(_notices(text, earlier_accounts))


# Quoted speech: a speaker's "worse than first thought" is no notice by the report.
QUOTATION = re.compile(r'"[^"\n]*"|“[^”\n]*”')


def update_notice_spans(text: str, earlier_accounts: bool = False) -> list[tuple[int, int]]:
    """Where the report itself says it updates or corrects earlier figures
    (``UPDATE_NOTICE``, with ``earlier_accounts`` also ``EARLIER_ACCOUNT_NOTICE``): the
    notices outside quotation marks, as character spans."""
    quoted = [match.span() for match in QUOTATION.finditer(text)]
    return [
        match.span()
        for match in _notices(text, earlier_accounts)
        if not any(start <= match.start() < end for start, end in quoted)
    ]
