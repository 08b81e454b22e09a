"""What a figure's clause says about which thing, and when, it measures.

Two figures of one kind can differ without disagreeing because they are about
different things or times. These read the spaCy parse around a figure:

- its *tense*: what was done ("served about three years") against what is
  planned ("agreed to serve about 7 years");
- the *group* it is a part of: "three of the men" counts some of the men
  another source counts in full ("eight men remain suspended");
- whether it is the *base* of another figure ("another 3,000 jobs on top of
  the 4,000 cuts already announced");
- the *period* of a change ("14 new cases since Friday", "15 over the past week");
- the *anchor* of a distance ("20 miles from Nairobi" against "12 miles away");
- the *holder* of an age ("Kifah Rafati, 40", "a 30-year-old man") and the
  words of its article, to tell whether another article names that person.
- its *polarity*: a count of who did not ("two members did not sign") against
  one of who did ("six directors signed");
- its *range end*: "46" and "81" of "ages 46 to 81" bound the ages of many people,
  neither is one person's age ("the median age is 67");
- its *owner*: the named person or organisation the figure belongs to ("Kulik's
  campaign raised $0", "Ms Ortiz has three children"), or the instance of the event it
  happened in ("in the second shooting"), so that figures of two people, or of two
  shootings, in one cluster are not read as one attribute.

Each is compared in :mod:`newsfuse.facts.verdict`; where two figures differ in
one of them, the system cannot tell that they are one attribute at one time,
so it shows them side by side as ``differs`` rather than as a conflict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsfuse.facts.lexicon import PERIOD_TIME_WORDS, RECKONING_LEMMAS, STATEMENT_LEMMAS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "NO_ASPECTS",
    "Aspects",
    "figure_aspects",
    "figure_owner",
    "named_owner",
    "owner_candidates",
    "owners_differ",
    "period_has_time_word",
]

# Auxiliaries and markers that make a verb's figure planned, not done ("will
# serve", "to serve", "would cut"): a plan and an outcome are different times.
PLANNED_MARKERS = frozenset({"will", "shall", "'ll", "wo", "would", "to"})
# Verbs and adjectives that make what they govern a plan: "is scheduled for Tuesday",
# "is expected in the town on Friday", "is due on 4 May".
PLANNING_WORDS = frozenset({"schedule", "expect", "plan", "due", "intend"})
# Words joining the two ends of a range ("46 to 81", "40-50", "between 40 and 50").
RANGE_JOINS = frozenset({"to", "-", "–", "—", "and"})
# Words before "X to Y" that make it a change, not a range: "from 38 to 45" (old and new
# value), "up by £236 to £5,364" (the change and the new value).
CHANGE_OPENERS = frozenset({"from", "by"})
# Phrases before a figure that make it the base another figure adds to ("another
# 3,000 on top of the 4,000 cuts"): an earlier figure, not the current total.
BASE_PHRASES = (("on", "top", "of"), ("in", "addition", "to"), ("besides",))
# Words that place a distance relative to somewhere unnamed ("12 miles away").
IMPLICIT_ANCHORS = frozenset({"away", "off", "distant"})
# Of those, the words that take no place of their own ("12 miles away"), so that the place
# the sentence moves from stands for it; "off" has one ("off the coast"), unread.
UNNAMED_ANCHORS = frozenset({"away", "distant"})
# Prepositions whose object is the place a distance is measured from.
ANCHOR_PREPOSITIONS = frozenset({"from", "of", "outside"})
# Clause relations that start another event; a period below one is not the figure's.
OTHER_CLAUSES = frozenset({"ccomp", "advcl", "conj", "relcl", "parataxis", "xcomp"})
# Links by which a figure is the number of the noun it hangs from ("[two] members").
COUNTING_LINKS = frozenset({"nummod", "quantmod"})
# Names that can own a figure: a person or an organisation ("Kulik's campaign", "Acme
# posted a loss of $3m"). Places are left out: outlets name one event's place at different
# grains ("Las Vegas", "the Strip"), so two place names are no evidence of two events.
OWNER_LABELS = frozenset({"PERSON", "ORG"})
# Links from a figure's noun, or from its verb, to the name that owns it.
OWNER_LINKS = frozenset({"poss", "nsubj", "nsubjpass", "agent"})
# Words after a surname that are not one ("Corvin Tate III", "Ames Jr").
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Ordinals that tell instances of one kind of event apart ("the second shooting").
EVENT_ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "earlier", "later"})
# Determiners and adjectives dropped from a period phrase so "the past week" meets "past week".
_PERIOD_FILLER = frozenset({"the", "a", "an", "over", "in", "during", "for"})
# Written times a period may be given in: a year, alone or in a range or decade ("2019",
# "1968–1969", "mid-1900s"), a day of the month ("4th"), a numeric date ("4/12"), a clock
# time ("11:03"), a fiscal quarter or half ("q3", "h1", "fy26").
_PERIOD_PATTERN = re.compile(
    r".*\b1[0-9]\d\ds?\b.*|.*\b20\d\ds?\b.*|\d{1,2}(?:st|nd|rd|th)|\d{1,2}/\d{1,2}(?:/\d+)?"
    r"|\d{1,2}:\d\d|q[1-4]|h[12]|fy\d\d(?:\d\d)?"
)
# An age phrase read as a date ("47 - year - old", "the age of"): it holds "year", no time.
_AGE_PHRASE = re.compile(
    r"\S+ (?:- )?(?:years?|months?|weeks?|days?) (?:- )?old|\bage of\b|\bage\b"
)


@dataclass(frozen=True, slots=True)
class Aspects:
    """What a figure's clause tells about its thing and time (see the module docstring)."""

    tense: str = ""  # "past", "planned" or "" (present, or not told)
    group: str = ""  # lemma of the unnumbered group a part belongs to ("man"), else ""
    base: bool = False  # the base another figure adds to ("on top of the 4,000 cuts")
    period: str = ""  # the period of a change, in lower case ("since friday"), else ""
    anchor: str = ""  # "from" place words of a distance, "?" when unnamed ("away"), else ""
    holder: str = ""  # surname of the named person an age belongs to, else ""
    words: frozenset[str] = frozenset()  # lower-case words of the whole article
    negated: bool = False  # the governing verb is negated ("did not sign", "never paid")
    range_end: str = ""  # "low" or "high" end of a range ("46 to 81"), else ""
    owner: str = ""  # "PERSON:surname", "ORG:words" or "EVENT:noun:ordinal" (figure_owner)


def figure_aspects(
    span: Span,
    kind: str,
    unit: str | None,
    implied_anchors: bool = False,
    plans_and_outcomes: bool = False,
    owners: bool = False,
    counted_subjects: bool = False,
    timed_periods: bool = False,
    participle_groups: bool = False,
    whose_owners: bool = False,
) -> Aspects:
    """The :class:`Aspects` of the figure at ``span`` (a claim of ``kind`` and ``unit``);
    with ``implied_anchors``, a distance "away" is measured from the place its sentence
    moves from (:func:`implied_anchor`); with ``plans_and_outcomes``, a date has a tense
    too ("would travel on Monday" is planned, "visited on Tuesday" past), and planning
    words tell a plan (:func:`_tense`); with ``owners``, the figure's owner is read
    (:func:`figure_owner`); with ``counted_subjects``, polarity is read only of a figure
    that counts its negated verb's subject (:func:`_counts_who_did_not`); with
    ``timed_periods``, a period holds a time word (:func:`period_has_time_word`); with
    ``participle_groups``, "of those evacuated" names a group (:func:`_part_group`); with
    ``whose_owners``, "whose" names its antecedent as owner (:func:`owner_candidates`)."""
    verb = _governing_verb(span)
    anchor = _anchor(span) if kind == "quantity" and unit == "m" else ""
    if anchor == "?" and implied_anchors:
        place = implied_anchor(span)
        anchor = place.lemma_.lower() if place is not None else anchor
    return Aspects(
        tense=_tense(verb, plans_and_outcomes)
        if verb is not None and (kind != "date" or plans_and_outcomes)
        else "",
        group=_part_group(span, participle_groups) if kind == "count" else "",
        base=_is_base(span),
        period=_period(span, verb, timed_periods) if verb is not None else "",
        anchor=anchor,
        holder=_holder(span) if kind == "age" else "",
        words=_article_words(span.doc) if kind == "age" else frozenset(),
        negated=_counts_who_did_not(span, verb, counted_subjects),
        range_end=_range_end(span) if kind != "date" else "",
        owner=figure_owner(span, verb, whose_owners) if owners else "",
    )


def _range_end(span: Span) -> str:
    """ "low" for 46 and "high" for 81 in "ages 46 to 81", "46-81" or "between 46 and 81";
    "" for a single figure, or for "from 38 to 45" and "by 236 to 5,364", which news uses
    for an old value or a change and the new value (as facts.extract reads "from")."""
    doc = span.doc

    def is_number(index: int) -> bool:
        return 0 <= index < len(doc) and (doc[index].like_num or doc[index].tag_ == "$")

    def opens(index: int, join: str) -> bool:  # the word before the low end
        word = doc[index].lower_ if index >= 0 else ""
        if join == "and":
            return word == "between"
        return word not in CHANGE_OPENERS

    start = span.start - 1 if span.start > 0 and doc[span.start - 1].tag_ == "$" else span.start
    after = span.end
    if (
        after + 1 < len(doc)
        and doc[after].lower_ in RANGE_JOINS
        and is_number(after + 1)
        and opens(start - 1, doc[after].lower_)
    ):
        return "low"
    join = start - 1
    if join >= 1 and doc[join].lower_ in RANGE_JOINS:
        low = join - 1
        while low > max(0, join - 3) and not doc[low].like_num:
            low -= 1  # "40 km to 50 km", "$5m-$7m": past the low end's unit
        if doc[low].like_num and opens(low - 1 - (doc[low - 1].tag_ == "$"), doc[join].lower_):
            return "high"
    return ""


def _counts_who_did_not(span: Span, verb: Token | None, counted_only: bool = False) -> bool:
    """Whether the figure counts the subject of a negated verb ("two members did not
    sign"); a figure in a negated verb's object ("would not affect its nine instruments")
    is still a count of the thing. With ``counted_only``, the figure must be the subject
    or its number: one that describes the subject ("Ulven, 44"; "the 12-week limit") does
    not count it, and a parse that hangs a name on another clause's negated verb ("as
    Ulven, 44, from Holby; the other has not been named") would give it a polarity."""
    if verb is None or not any(c.dep_ == "neg" for c in verb.children):
        return False
    below = span.root
    path = []
    while below.head.i != verb.i and below.head.i != below.i:
        path.append(below.dep_)
        below = below.head
    if counted_only and not set(path) <= COUNTING_LINKS:
        return False
    return below.head.i == verb.i and below.dep_ in ("nsubj", "nsubjpass")


def _governing_verb(span: Span) -> Token | None:
    root = span.root
    if root.pos_ in ("VERB", "AUX") and root.dep_ != "amod":
        return root
    return next((t for t in root.ancestors if t.pos_ in ("VERB", "AUX")), None)


def _tense(verb: Token, planning_words: bool = False) -> str:
    """ "planned" under "will", "would" or "to" (or, with ``planning_words``, as what "is
    scheduled", "is expected" or "is due"); "past" for a simple past (or, with
    ``planning_words``, what is done "so far" or "to date"); else "".

    A conjunct whose past form is its base form shares the tense of the verb it
    is joined to ("would shut the mine and cut 560 jobs"); "will send troops,
    the minister announced" keeps its own past.
    """
    markers = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if markers & PLANNED_MARKERS:
        return "planned"
    if planning_words and verb.lemma_.lower() in PLANNING_WORDS and markers:
        return "planned"  # "is scheduled for", "is expected on"
    if planning_words and any(c.dep_ == "acomp" and c.lower_ == "due" for c in verb.children):
        return "planned"  # "is due on 4 May"
    if planning_words and _to_date(verb):
        return "past"  # "has received six shots so far": what is done by the report's time
    ambiguous = verb.lower_ == verb.lemma_.lower()
    if not markers and ambiguous and verb.dep_ == "conj" and verb.head.i != verb.i:
        inherited = _tense(verb.head, planning_words)
        if inherited:
            return inherited
    return "past" if not markers and verb.tag_ == "VBD" else ""


def _to_date(verb: Token) -> bool:
    """Whether the verb counts what is done by the report's time: "so far", "thus far",
    "to date" hang on it."""
    for child in verb.children:
        if child.lower_ == "far" and any(c.lower_ in ("so", "thus") for c in child.children):
            return True
        if child.lower_ == "to" and any(c.lower_ == "date" for c in child.children):
            return True
    return False


def _part_group(span: Span, participles: bool = False) -> str:
    """The group of "three of the men": a noun after "of the" that carries no number;
    with ``participles``, also the participle of "three of those evacuated".

    "Twenty-three of the train's 96 cars" numbers its whole, and "21 of them"
    names none, so neither is a part of a group another source may count.
    """
    doc = span.doc
    if span.end + 2 >= len(doc) or doc[span.end].lower_ != "of":
        return ""
    if doc[span.end + 1].lower_ not in ("the", "these", "those"):
        return ""
    if participles and _names_group_by_participle(doc[span.end + 1], doc[span.end + 2]):
        return doc[span.end + 2].lemma_.lower()
    for token in doc[span.end + 2 : min(span.end + 7, len(doc))]:
        if token.like_num or token.pos_ in ("VERB", "AUX", "PUNCT", "PRON"):
            return ""
        if token.pos_ == "NOUN" and token.dep_ not in ("compound", "poss"):
            return token.lemma_.lower()
    return ""


def _names_group_by_participle(those: Token, word: Token) -> bool:
    """Whether "those" and the word after it name a group by what befell it ("those
    evacuated", "those killed"): a participle hanging on "those"."""
    return (
        those.lower_ == "those" and word.tag_ == "VBN" and word.dep_ == "acl" and word.head == those
    )


def _is_base(span: Span) -> bool:
    doc = span.doc
    before = [t.lower_ for t in doc[max(span.sent.start, span.start - 5) : span.start]]
    while before and before[-1] in ("the", "a", "an", "its", "their"):
        before.pop()
    return any(tuple(before[-len(phrase) :]) == phrase for phrase in BASE_PHRASES)


def _period(span: Span, verb: Token, timed: bool = False) -> str:
    """The time words in the figure's own clause ("since Friday", "the past week"); with
    ``timed``, only the date phrases that hold a time word, without age phrases."""
    words: list[Token] = []

    def visit(token: Token) -> None:
        for child in token.children:
            if child.dep_ in OTHER_CLAUSES or span.start <= child.i < span.end:
                continue
            if child.ent_type_ == "DATE":
                words.append(child)
            visit(child)

    visit(verb)
    if verb.dep_ == "acl":  # "14 new cases confirmed since Friday"
        visit(verb.head)
    kept = sorted({t.i: t for t in words}.values(), key=lambda t: t.i)
    if not timed:
        return " ".join(t.lower_ for t in kept if t.lower_ not in _PERIOD_FILLER)
    # Each date phrase on its own: "Tarrow harbour on Friday" keeps "friday" alone.
    phrases: dict[int, list[str]] = {}
    for token in kept:
        if token.lower_ not in _PERIOD_FILLER:
            phrases.setdefault(_date_phrase_start(token), []).append(token.lower_)
    timed_phrases = [" ".join(_AGE_PHRASE.sub(" ", " ".join(w)).split()) for w in phrases.values()]
    return " ".join(p for p in timed_phrases if period_has_time_word(p))


def _date_phrase_start(token: Token) -> int:
    """The first token of the DATE phrase ``token`` stands in (its own index if none)."""
    index = token.i
    while index > 0 and token.doc[index].ent_iob_ == "I":
        index -= 1
    return index


def period_has_time_word(period: str) -> bool:
    """Whether a period read from DATE words (:func:`_period`) names a time: a month, a
    weekday, a year, a time noun or "since"/"last"/"past" (``PERIOD_TIME_WORDS``), or a
    written date; not a name ("for Morrow") nor an age ("47 - year - old")."""
    words = [word.removesuffix(".") for word in _AGE_PHRASE.sub(" ", period).split()]
    return any(w in PERIOD_TIME_WORDS or _PERIOD_PATTERN.fullmatch(w) for w in words)


def _anchor(span: Span) -> str:
    """Where a distance is measured from: the words after "from" or "of" next to it,
    or "?" when it is only "away" (from a place the sentence leaves unnamed)."""
    doc = span.doc
    after = doc[span.end : min(span.end + 3, len(doc))]
    for index, token in enumerate(after):
        if token.lower_ in ANCHOR_PREPOSITIONS or (
            token.lower_ in ("north", "south", "east", "west") and index == 0
        ):
            objects = [t for t in token.subtree if t.pos_ in ("PROPN", "NOUN") and t.i > token.i]
            if token.lower_ not in ANCHOR_PREPOSITIONS:
                following = doc[token.i + 1] if token.i + 1 < len(doc) else None
                if following is None or following.lower_ != "of":
                    continue
                objects = [t for t in following.subtree if t.pos_ in ("PROPN", "NOUN")]
            if objects:
                return " ".join(sorted({t.lemma_.lower() for t in objects}))
        if token.lower_ in IMPLICIT_ANCHORS:
            return "?"
    return ""


def implied_anchor(span: Span) -> Token | None:
    """The place a distance given only as "away" is measured from: the object of the last
    "from" before it in its sentence ("the lion escaped from the [park] ... and ended up
    in Isinya town, 12 miles away"), the point the sentence's movement started; else
    ``None`` (no "away", or no place moved from)."""
    doc = span.doc
    after = doc[span.end : min(span.end + 3, len(doc))]
    if not any(token.lower_ in UNNAMED_ANCHORS for token in after):
        return None
    for preposition in reversed(doc[span.sent.start : span.start]):
        if preposition.lower_ != "from":
            continue
        for child in preposition.children:
            if child.dep_ == "pobj" and child.pos_ in ("PROPN", "NOUN") and child.i < span.start:
                return child  # not "seen from [20 miles] away": the figure is no place
    return None


def _holder(span: Span) -> str:
    """The surname of the person an age is stated of by the parse: "Kifah Rafati, 40",
    "the 72-year-old Durst"; "" for "a 30-year-old man" or "the 24-year-old"."""
    head = span.root.head if span.root.dep_ in ("appos", "amod", "nummod") else None
    if head is None or head.i == span.root.i:
        return ""
    entity = _names_by_token(span.doc).get(head.i)
    return _surname(entity) if entity is not None and entity.label_ == "PERSON" else ""


def _surname(person: Span) -> str:
    """The last word of a person's name that is a word and no suffix ("Tate" of "Corvin
    Tate III"), lower case; "" if there is none."""
    words = [t.lower_ for t in person if t.is_alpha and t.lower_ not in NAME_SUFFIXES]
    return words[-1] if words else ""


def figure_owner(span: Span, verb: Token | None = None, whose_owners: bool = False) -> str:
    """Who or what a figure belongs to, read from its own clause (see :class:`Aspects`):

    - the instance of an event the figure's verb places it in, told apart by an ordinal
      ("wounded in the second shooting"): ``"EVENT:shooting:second"``;
    - the named person or organisation that possesses its noun ("Kulik's campaign"), that
      it is "of" ("the campaign of Acme"), that it stands beside ("the ailing Durst, 73"),
      or that is the subject of its own verb ("Acme posted $3m", "Ms Ortiz has three
      children"): ``"PERSON:ortiz"``, ``"ORG:acme"``.

    Who says or reckons a figure is its source, not its owner: neither the subject of a verb
    of saying or reckoning ("Ortiz said 40 died", "Reuters counted 40 bodies", "put the
    toll at 40") nor the possessor of a reckoning ("Reuters' tally") owns it. Neither a
    pronoun nor the name nearest before is followed: both mislead more often than not
    (benchmarks/studies/fact_owners.py). "" when the clause names no owner."""
    if verb is None:
        verb = _governing_verb(span)
    event = _event_instance(verb) if verb is not None else ""
    if event:
        return event
    for candidate in owner_candidates(span, verb, whose_owners):
        named = named_owner(candidate)
        if named:
            return named
    return ""


def owner_candidates(span: Span, verb: Token | None, whose_owners: bool = False) -> list[Token]:
    """The words of a figure's clause that may name its owner, likeliest first: the noun
    it stands beside, its noun's possessor or "of" object (or those of the noun whose
    preposition's object it is: "Tolland's share of 40%"), then its verb's subject or
    agent and the subject's possessor; none through a verb or noun of saying or reckoning
    (:func:`figure_owner`). With ``whose_owners``, a possessor "whose" stands for the noun
    its relative clause modifies, and a figure's compound noun ("2,000-bed hospital")
    lends its head's possessor."""
    root = span.root
    if root.dep_ == "appos":  # "the ailing Durst, 73": the figure is of the noun before
        return [root.head]
    noun = root.head if root.dep_ in ("nummod", "quantmod", "compound") else root
    holders = [noun]
    if whose_owners and noun.dep_ == "compound" and noun.head.pos_ in ("NOUN", "PROPN"):
        holders.append(noun.head)
    if noun.dep_ == "pobj" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        holders.append(noun.head.head)
    candidates: list[Token] = []
    for holder in holders:
        if _is_source_word(holder):
            continue
        candidates += [c for c in holder.children if c.dep_ == "poss"]
        for preposition in holder.children:
            if preposition.dep_ == "prep" and preposition.lower_ == "of":
                candidates += [c for c in preposition.children if c.dep_ == "pobj"]
    if verb is not None and not _is_source_word(verb):
        for subject in verb.children:
            if subject.dep_ in OWNER_LINKS and not span.start <= subject.i < span.end:
                candidates.append(subject)
                if not _is_source_word(subject):
                    candidates += [c for c in subject.children if c.dep_ == "poss"]
    if whose_owners:
        candidates = [
            _relative_antecedent(c) or c if c.lower_ == "whose" else c for c in candidates
        ]
    return candidates


def _relative_antecedent(token: Token) -> Token | None:
    """The noun a relative clause holding ``token`` modifies ("Dalmar Health" for "whose"
    in "Dalmar Health, whose own hospital has 2,000 beds"), else ``None``. A noun after a
    preposition is no antecedent: the clause may belong higher ("Ben Ames, chief executive
    at Dalmar, whose pay fell": the pay is Ames's, the parse ties it to Dalmar)."""
    for ancestor in token.ancestors:
        if ancestor.dep_ == "relcl":
            return ancestor.head if ancestor.head.dep_ != "pobj" else None
    return None


def _is_source_word(token: Token) -> bool:
    """Whether a verb or noun says or reckons a figure ("said", "counted", "tally", "put
    the toll at"; not "put forward")."""
    lemma = token.lemma_.lower()
    if lemma == "put":
        return any(child.lower_ == "at" for child in token.children)
    return lemma in STATEMENT_LEMMAS or lemma in RECKONING_LEMMAS


def named_owner(token: Token) -> str:
    """ "PERSON:surname" or "ORG:words" for a word of a person's or organisation's name
    (the article's parse), else ""."""
    entity = _names_by_token(token.doc).get(token.i)
    if entity is None:
        return ""
    if entity.label_ == "PERSON":
        surname = _surname(entity)
        return f"PERSON:{surname}" if surname else ""
    words = [t.lower_ for t in entity if t.is_alpha and t.lower_ not in ("the", "s")]
    return f"ORG:{' '.join(words)}" if words else ""


def _names_by_token(doc: Doc) -> dict[int, Span]:
    """Each token of a person's or organisation's name, with its name (cached per doc)."""
    cached = doc.user_data.get("newsfuse_owner_names")
    if cached is None:
        cached = {
            index: entity
            for entity in doc.ents
            if entity.label_ in OWNER_LABELS
            for index in range(entity.start, entity.end)
        }
        doc.user_data["newsfuse_owner_names"] = cached
    return cached


def _event_instance(verb: Token) -> str:
    """ "EVENT:shooting:second" for a verb placed "in the second shooting", else ""."""
    for preposition in verb.children:
        if preposition.dep_ != "prep" or preposition.lower_ not in ("in", "during", "at"):
            continue
        for noun in preposition.children:
            if noun.dep_ != "pobj" or noun.pos_ != "NOUN":
                continue
            for modifier in noun.children:
                if modifier.dep_ == "amod" and modifier.lower_ in EVENT_ORDINALS:
                    return f"EVENT:{noun.lemma_.lower()}:{modifier.lower_}"
    return ""


def owners_differ(one: str, other: str) -> bool:
    """Whether two figures' owners (:func:`figure_owner`) are clearly different: two
    people of different surnames, two organisations sharing no word, a person and an
    organisation not named after them, or two instances of one kind of event; "" (no owner
    named) differs from nothing."""
    kind, _, rest = one.partition(":")
    other_kind, _, other_rest = other.partition(":")
    if not rest or not other_rest or one == other:
        return False
    if "EVENT" in (kind, other_kind) and kind != other_kind:
        return False
    if kind == other_kind == "PERSON":
        return rest != other_rest
    if "PERSON" in (kind, other_kind):  # "Kulik" may be read as an ORG: "ORG:kulik campaign"
        surname, words = (rest, other_rest) if kind == "PERSON" else (other_rest, rest)
        return surname not in words.split()
    if kind == "ORG":
        return not set(rest.split()) & set(other_rest.split())
    if kind == "EVENT":
        return rest.split(":")[0] == other_rest.split(":")[0]
    return True


def _article_words(doc: Doc) -> frozenset[str]:
    cached = doc.user_data.get("newsfuse_words")
    if cached is None:
        cached = frozenset(t.lower_ for t in doc if t.is_alpha)
        doc.user_data["newsfuse_words"] = cached
    return cached


# A figure whose clause says nothing of these (no parse, or a hand-made Mention).
NO_ASPECTS = Aspects()
