"""A readable name for what a fact measures ("people evacuated", "date troops arrived").

Each claim gets a noun phrase made of its own sentence's words (from the spaCy
parse): the counted noun with its modifiers and the verb it is the subject or
object of, for a distance the thing located and the place it is measured from,
for a date or a year the event it is the day of, for an age the person. A fact's
subject is the phrase most of its claims share; word stems are never shown.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsfuse.facts.date_roles import STATEMENT_LEMMAS
from newsfuse.facts.describe import (
    Mention,
    _counted_noun,
    aged_noun,
    antecedent_person,
    stem_word,
)
from newsfuse.facts.lexicon import CONCEPTS, GENERIC_COUNT_NOUNS
from newsfuse.facts.patterns import AGE_STATISTIC_PHRASE_RE
from newsfuse.model import Claim

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# What a base unit measures, for readable subjects ("distance of the airbase from Mosul").
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
# What a sum or a share is called before what it is of ("amount of damage").
KIND_NAMES = {"money": "amount", "percent": "percentage"}
# Nouns whose plural takes no "s" ("a man or two" -> "men").
IRREGULAR_PLURALS = {
    "man": "men",
    "woman": "women",
    "child": "children",
    "person": "people",
    "foot": "feet",
    "tooth": "teeth",
}
# Tokens a bracketed share takes at most ("16 %", "16 per cent").
SHARE_TOKENS = 3
# A subject longer than this many words stops being a label and becomes a sentence.
MAX_PHRASE_WORDS = 7
# Verb forms that read as a participle after a noun ("people evacuated", "homes destroyed").
PARTICIPLE_TAGS = frozenset({"VBN", "VBD"})
# Verbs that say nothing after their object ("patients had" is "patients").
LIGHT_VERB_LEMMAS = frozenset({"have", "be", "get"})
# Prepositions by which a verb says where people were taken or kept ("taken to hospital",
# "treated in hospital"): the place tells one count of people from another.
PLACE_PREPOSITIONS = frozenset({"to", "in", "into", "from"})
# Words a verb's place takes at most in a label ("to St Brannoc's Hospital").
PLACE_WORDS = 4
# Prepositions that name where a distance is measured from ("south of Mosul").
FROM_PREPOSITIONS = frozenset({"of", "from"})
# Prepositions by which a figure says what it is of ("$2m in damages", "$100 per barrel").
FIGURE_PREPOSITIONS = frozenset({"in", "of", "per"})
# How many tokens after a distance its origin may start ("50 km south [of] Mosul").
ORIGIN_WINDOW_TOKENS = 3
# Entity types whose words keep their capitals even first in a sentence ("Iraqi forces").
NAME_ENTITY_TYPES = frozenset({"PERSON", "NORP", "GPE", "LOC", "ORG", "FAC", "EVENT"})
# Determiners a clause keeps before its nouns ("date the fire broke out"); a label
# without a verb drops them ("people evacuated").
CLAUSE_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their", "his", "her"})
# Tags of a clause's subject that name someone or something: nouns and names.
PERSONAL_SUBJECT_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
# Pronouns that stand for people in a report's clause ("she was paid"); "it", "I" and
# "you" name nothing a reader of the table can place.
PERSON_PRONOUNS = frozenset({"he", "she", "they", "we"})
# A clause too long for a label is shortened step by step: (keep "of" complements, keep
# the subject's determiner, keep the object's determiner, keep the auxiliaries, keep the
# nouns' modifiers); the last step leaves "terminal closed".
CLAUSE_SHORTENINGS = (
    (True, True, True, True, True),
    (False, True, True, True, True),
    (False, True, False, True, True),
    (False, False, False, True, True),
    (False, False, False, False, True),
    (False, False, False, False, False),
)


# The parser's dependencies of a verb's subject, active and passive.
_SUBJECT_DEPENDENCIES = ("nsubj", "nsubjpass")


@dataclass(frozen=True, slots=True)
class _ClauseReading:
    """How :func:`_event_of` and :func:`_clause` read a clause, as :func:`claim_phrase`'s
    switches ask: all off reads subjects that are nouns and nothing more."""

    agents: bool = False  # a passive keeps who did it ("by the militia")
    acronyms: bool = False  # a word in capitals read as a verb is a name ("IS occupied")
    shared_subjects: bool = False  # a verb without a subject takes the one it shares
    pronouns: bool = False  # a personal pronoun is a subject ("date she appeared")


def claim_phrase(
    claim: Claim,
    doc: Doc,
    complements: bool = True,
    sized_nouns: bool = True,
    agents: bool = True,
    verb_complements: bool = True,
    bracketed_shares: bool = True,
    acronyms: bool = True,
    plurals: bool = True,
    age_holder: str = "",
    generic_verbs: bool = False,
    restated_counts: bool = False,
    shared_subjects: bool = False,
    pronoun_subjects: bool = False,
    measure_units: bool = False,
) -> str:
    """What one claim measures, in its sentence's words ("people evacuated"), or "".

    With ``complements``, a figure with no named actor is named by its own complement
    or gerund ("amount of penalties", "duration of spending"), and an event named by a
    noun takes "of" ("year of territorial gains"). With ``sized_nouns``, a figure hyphened
    to a noun that sizes another ("a two-storey building") names the noun it sizes
    ("storey building"), and one after "or" counts the noun before it ("a day or two
    later"). With ``agents``, an event in the passive keeps who did it ("by the militia").
    With ``verb_complements``, a verb after its counted noun keeps its particle and its
    "to" complement ("rescues carried out", "visitors expected to come"). With
    ``bracketed_shares``, a share bracketed after its count is named by what the count
    counts ("eight (20%) for flu" -> "percentage positive for flu"), and a count in a
    bracketed list by the state the list reports ("positive for flu"). With ``acronyms``,
    a word in capitals the parser reads as a verb ("IS occupied Mosul") is a name. With
    ``plurals``, the singular noun a figure after "or" counts ("a day or two later") is
    named in the plural ("days later"). With ``age_holder`` (the lower-case surname of the
    person an age was given to, as the comparison reads it), an age no noun of its own
    describes is named after that person rather than the name nearest it. With
    ``generic_verbs``, a generic noun ("people") keeps the verb that says what befell it,
    with its place (see :func:`_generic_verb`). With ``restated_counts``, a bare figure
    that restates an earlier count ("all eight were expected to recover" after "Eight
    people were taken ...") is named by that count's noun and what is said of it ("people
    expected to recover"). With ``shared_subjects``, a verb with no subject of its own
    takes the one it shares (see :func:`_verb_subjects`): "date Ilse Varnhagen retired",
    not "date retired". With ``pronoun_subjects``, the day or year of a clause whose
    subject is a personal pronoun keeps it: "date she appeared", not "date
    appeared". With ``measure_units``, a measure's own unit is never what it is of (see
    :func:`_measure_phrase`).
    """
    span = doc.char_span(claim.start, claim.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return ""
    if claim.kind == "date" or claim.attribute == "year":
        reading = _ClauseReading(agents, acronyms, shared_subjects, pronoun_subjects)
        event = _event_of(span, complements=complements, reading=reading)
        return f"{claim.attribute or 'date'} {event}".strip() if event else ""
    if claim.kind == "age" and claim.attribute:  # an age statistic: of a group, no person
        before = span.sent.text[: span.start_char - span.sent.start_char]
        statistic = list(AGE_STATISTIC_PHRASE_RE.finditer(before))
        return statistic[-1].group(0).lower() if statistic else ""
    if claim.kind == "age":
        return _age_phrase(span, age_holder) or (_age_limit_holder(span) if sized_nouns else "")
    if claim.kind == "quantity" and claim.unit in MEASURE_NAMES:
        measure = MEASURE_NAMES[claim.unit or ""]
        phrase = _measure_phrase(span, measure, complements, measure_units)
        if phrase != measure:
            return phrase
        event = _figure_event(span, complements, _ClauseReading(agents, acronyms, shared_subjects))
        return f"{measure} {event}" if event else measure  # "duration Mohawk had been cornered"
    if _is_label(span):
        return f"{_as_written([span.root.head])} number"  # "Warehouse 3", "Gate 5": a label
    if claim.kind == "percent" and bracketed_shares:
        counted = _bracketed_share(span)
        if counted is not None:
            # "eight (20%) for flu": the share is of what its count counts
            count_span = span.doc[counted.i : counted.i + 1]
            named, said = _count_reading(
                count_span, sized_nouns, verb_complements, bracketed_shares, plurals
            )
            if named and named != "%":
                # what is said of the count reads on ("percentage tested positive"); a
                # noun takes "of" ("percentage of males")
                return f"percentage {named}" if said else f"percentage of {named}"
    if measure_units and claim.kind == "count":
        unit = _counted_noun(span)
        owner = _unit_owner(unit) if unit is not None and unit.lower_ in MONEY_SUBUNITS else ""
        if owner:
            return f"amount of {owner}"  # "adds two cents to every ounce": the tax's amount
    phrase = _count_phrase(
        span, sized_nouns, verb_complements, bracketed_shares, plurals, generic_verbs
    )
    if restated_counts and phrase and _counted_noun(span) is None and _predicate_of(span):
        earlier = _restated_count_noun(span)
        if earlier is not None and phrase == _predicate_of(span):
            named = f"{_noun_phrase(earlier)} {phrase}"
            if len(named.split()) <= MAX_PHRASE_WORDS:
                phrase = named
    restated = _share_of_count(span) if complements else None
    if not phrase and restated is not None:
        # "54 (61%) were males": the share is of what the figure before it counts.
        phrase = _count_phrase(span.doc[restated.i : restated.i + 1])
    if claim.attribute in ("votes for", "votes against"):
        return f"{claim.attribute} {phrase}".strip()
    name = KIND_NAMES.get(claim.kind)
    if name is None:
        return phrase
    if phrase and verb_complements and len(f"{name} of {phrase}".split()) > MAX_PHRASE_WORDS:
        # "amount of" leaves no room for the verb's complement: the verb alone
        phrase = _count_phrase(span, sized_nouns, False, bracketed_shares, plurals) or phrase
    if phrase:
        return f"{name} of {phrase}"
    event = _figure_event(span, complements, _ClauseReading(agents, acronyms, shared_subjects))
    return f"{name} {event}" if event else name  # "amount she was paid"


def _figure_event(span: Span, complements: bool, reading: _ClauseReading) -> str:
    """What a figure with no noun of its own is the size of: the clause of someone's it
    stands in ("amount she was paid"), else, with ``complements``, its own complement
    ("amount of penalties"), else ""."""
    event = _event_of(span, people=True, complements=complements, reading=reading)
    if not event and complements:
        event = _figure_complement(span)
    return event


# The hundredth parts of a currency the scanner reads as counts ("1.75 cents per ounce"):
# units, never what the figure is of.
MONEY_SUBUNITS = frozenset({"cent", "cents", "penny", "pence"})
# A word of a label holds a letter or a digit: "|" or "–" from a caption line is none.
_WORD_CHARACTER = re.compile(r"[^\W_]")
# A web address written into the text, with or without its scheme ("pic.twitter.com/x").
_WEB_ADDRESS = re.compile(r"(?i)^(?:https?://|www\.)|^[\w-]+(?:\.[\w-]+)+/|\.(?:com|org|net)$")
# Words that only link what follows them: left before a mark that is taken out, they go
# with it ("year of |" is "year").
_LINK_WORDS = frozenset({"of", "from", "to", "in", "by", "at", "the", "a", "an"})
# Signs that stand for a figure: inside a subject they hold the figure's place and stay
# ("year Shell gave % of the plan"); only at its end are they dropped ("growth of %").
FIGURE_SIGNS = frozenset({"%", "$", "£", "€"})


def keep_words_only(phrase: str) -> str:
    """A subject as words only: without web addresses, without a word written twice in a
    row (apostrophes and case aside: "Lampman's Lampman’s daughter" is "Lampman's
    daughter"), and without marks that hold no letter or digit, with the link words before
    such a mark ("year of |" is "year", "annual growth of %" is "annual growth"); a
    figure's sign inside the phrase stays (:data:`FIGURE_SIGNS`). A phrase with nothing
    left is returned as it is."""
    written = phrase.split()
    words: list[str] = []
    for index, word in enumerate(written):
        if _WEB_ADDRESS.search(word):
            continue
        if not _WORD_CHARACTER.search(word):
            if word in FIGURE_SIGNS and index < len(written) - 1:
                words.append(word)  # "gave % of the plan": the sign holds the figure's place
                continue
            while len(words) > 1 and words[-1].lower() in _LINK_WORDS:
                words.pop()  # "growth of %" is "growth"
            continue
        if words and _same_word(words[-1], word):
            continue
        words.append(word)
    if words and words[-1].endswith(":"):
        words[-1] = words[-1].rstrip(":")  # "date: <address>" is "date"
    return " ".join(word for word in words if word) or phrase


def _same_word(first: str, second: str) -> bool:
    """Whether two words are one word written twice (curly or straight apostrophe, case)."""
    return first.replace("’", "'").casefold() == second.replace("’", "'").casefold()


def acting_verb(claim: Claim, doc: Doc) -> tuple[str, str]:
    """The verb that acts on what a count counts, as written and as its lemma ("Forty
    firefighters [spent] the night", "45 firefighters were [sent]", "people [hurt]"), or
    empty strings (a light verb, or none): what tells one outlet's wording of a figure
    from another's."""
    if claim.kind in ("date", "age") or claim.unit in MEASURE_NAMES:
        return "", ""
    span = doc.char_span(claim.start, claim.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return "", ""
    noun = _counted_noun(span)
    if noun is None or noun.like_num:
        return "", ""
    verbs = [c for c in noun.children if c.dep_ == "acl" and c.tag_ in PARTICIPLE_TAGS]
    if not verbs and noun.dep_ in ("nsubj", "nsubjpass", "dobj") and noun.head.pos_ == "VERB":
        verbs = [noun.head]
    if not verbs or verbs[0].lemma_.lower() in LIGHT_VERB_LEMMAS:
        return "", ""
    return verbs[0].lower_, verbs[0].lemma_.lower()


def _count_phrase(
    span: Span,
    sized_nouns: bool = False,
    verb_complements: bool = False,
    bracketed_shares: bool = False,
    plurals: bool = False,
    generic_verbs: bool = False,
) -> str:
    """What a count, sum or share counts: its noun with its verb ("people evacuated"),
    the object a verb values, the subject of its verb, or what is said of it."""
    return _count_reading(
        span, sized_nouns, verb_complements, bracketed_shares, plurals, generic_verbs
    )[0]


def _count_reading(
    span: Span,
    sized_nouns: bool = False,
    verb_complements: bool = False,
    bracketed_shares: bool = False,
    plurals: bool = False,
    generic_verbs: bool = False,
) -> tuple[str, bool]:
    """:func:`_count_phrase`, and whether the phrase is what is said of the count
    ("tested positive", "positive for flu") rather than the noun it counts ("males")."""
    if bracketed_shares:
        listed = _list_item(span)
        if listed:
            # "were positive: seven (37%) for flu and three (16%) for colds"
            return listed, True
    noun = _counted_noun(span)
    if sized_nouns:
        alternative = _alternative_of(span)
        if alternative is not None:
            # "a day or two later" -> "day later": the noun with the adverb it measures
            head = alternative.head
            later = (
                f" {head.lower_}" if alternative.dep_ == "npadvmod" and head.pos_ == "ADV" else ""
            )
            counted = _noun_phrase(alternative)
            if plurals and alternative.tag_ == "NN":
                counted = f"{counted[: -len(alternative.text)]}{_plural(alternative.lower_)}"
            return counted + later, False
        sized = _sized_noun(span, noun)
        if sized is not noun and sized is not None:
            # its verb acts on the building, not on the storeys; no plural, "storeys of
            # building" would read "a two-state solution" as "states of solution"
            return _noun_phrase(sized), False
        if noun is not None and noun.text == "%" and noun.i >= span.end:
            listed = _listed_count(span, noun)
            if listed:
                return listed, " for " in listed or " with " in listed
    if noun is not None and not noun.like_num and any(ch.isalpha() for ch in noun.text):
        return _noun_with_verb(noun, span, verb_complements, generic_verbs), False
    phrase = _valued_object(span, verb_complements) or _subject_of_verb(span, verb_complements)
    if phrase:
        return phrase, False
    figure = span
    phrase = _predicate_of(span)
    if not phrase and noun is not None and noun.text == "%" and noun.i >= span.end:
        # "65 (76%) were healthy" parsed with the share as the subject: what is said of it
        figure = span.doc[noun.i : noun.i + 1]
        phrase = _predicate_of(figure)
    attributes = [c for c in figure.root.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
    is_noun = bool(attributes) and phrase == _noun_phrase(attributes[0])  # "were males"
    return phrase, bool(phrase) and not is_noun


def _plural(noun: str) -> str:
    """The plural of a singular English noun, by the regular rules and the few common
    irregular nouns ("day" -> "days", "century" -> "centuries", "man" -> "men")."""
    if noun in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[noun]
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return f"{noun}es"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        return f"{noun[:-1]}ies"
    return f"{noun}s"


def _listed_count(span: Span, share: Token) -> str:
    """What a count before its bracketed share counts in a list ("asthma (nine [10%])",
    "were positive: seven (37%) for EV-D68 and three (16%) for rhinoviruses"), never the
    share's "%": the noun the share restates, or the state (else the verb) the list
    itemises with the count's own "for"/"with"; else ""."""
    head = share.head
    if share.dep_ == "appos" and not head.like_num and head.is_alpha and head.i < span.start:
        return _as_written([head])  # "asthma (nine [10%])"
    doc = span.doc
    after = doc[share.i + 2] if share.i + 2 < len(doc) else None
    if after is None or after.lower_ not in ("for", "with") or doc[share.i + 1].text not in ")]":
        return ""
    objects = [g for g in after.children if g.dep_ == "pobj"]
    verb = next((t for t in share.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if not objects or verb is None:
        return ""
    states = [c for c in verb.children if c.dep_ == "acomp" and verb.i < c.i < span.start]
    said = states or ([verb] if verb.pos_ == "VERB" else [])
    if not said:
        return ""
    return f"{_as_written(said)} {after.lower_} {_noun_phrase(objects[0])}"


def _sized_noun(span: Span, noun: Token | None) -> Token | None:
    """The noun a hyphened figure and its noun size ("a two-storey [building]", "a
    12-member [committee]"), else ``noun``: the figure is of the building, not a storey."""
    doc = span.doc
    if (
        noun is None
        or span.end >= len(doc)
        or doc[span.end].text != "-"
        or noun.i != span.end + 1
        or noun.dep_ not in ("compound", "amod")
    ):
        return noun
    sized = noun.head
    if sized.i > noun.i and sized.pos_ == "NOUN":
        return sized
    return noun


def _alternative_of(span: Span) -> Token | None:
    """The noun a figure after "or" is the count of ("a day or two", "a week or two"),
    or None."""
    root = span.root
    noun = root.head
    if root.dep_ != "nummod" or noun.i >= span.start or noun.pos_ != "NOUN":
        return None
    between = span.doc[noun.i + 1 : span.start]
    return noun if [t.lower_ for t in between] == ["or"] else None


def _is_label(span: Span) -> bool:
    """Whether the figure is a label's number ("Warehouse 3", "Gate 5"), not a count."""
    root = span.root
    return (
        root.dep_ == "nummod"
        and root.head.i == span.start - 1
        and root.head.pos_ in ("NOUN", "PROPN")
    )


def _share_of_count(span: Span) -> Token | None:
    """The figure a bracketed share restates ("54 (61%)"), or None."""
    root = span.root
    head = root.head
    if root.dep_ == "appos" and head.i < span.start and head.like_num:
        return head
    return None


def _bracketed_share(span: Span) -> Token | None:
    """The count a share is bracketed right after ("eight (20%)", "nine [10%]"), or None."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text not in ("(", "["):
        return None
    count = doc[span.start - 2]
    after = doc[span.end] if span.end < len(doc) else None
    if not count.like_num or after is None or after.text not in (")", "]"):
        return None
    return count


def _list_item(span: Span) -> str:
    """What a count in a list of bracketed shares counts, read off the list's words (its
    parse varies from item to item): "10 (53%) were positive: seven (37%) for flu and
    three (16%) for colds" -> "positive for colds", the state said before the colon with
    the item's own "for"/"with"; else ""."""
    doc = span.doc
    sentence = span.sent
    if span.end >= sentence.end or doc[span.end].text not in ("(", "["):
        return ""
    # the count, "(", the share ("16 %"), ")" and then "for"
    close = next((t.i for t in doc[span.end : sentence.end] if t.text in (")", "]")), None)
    if close is None or close - span.end > SHARE_TOKENS + 1 or close + 1 >= sentence.end:
        return ""
    lead = _list_lead(doc, close, sentence.end)
    if lead:
        return lead  # "10 (53%) were positive: ..." -> "positive"
    if doc[close + 1].lower_ not in ("for", "with"):
        return ""
    colon = next(
        (t for t in reversed(doc[sentence.start : span.start]) if t.text in (":", ";")), None
    )
    if colon is None or colon.text != ":":
        return ""
    state: list[Token] = []
    for token in reversed(doc[sentence.start : colon.i]):
        if token.pos_ not in ("VERB", "ADJ", "ADV", "AUX", "PART"):
            break
        state.insert(0, token)
    state = [t for t in state if t.pos_ != "AUX"]
    objects = [g for g in doc[close + 1].children if g.dep_ == "pobj"]
    if not state or not objects:
        return ""
    return f"{_as_written(state)} {doc[close + 1].lower_} {_noun_phrase(objects[0])}"


def _list_lead(doc: Doc, close: int, end: int) -> str:
    """The state a list's lead count has, when its bracketed share is followed by only
    that state and a colon ("10 (53%) were positive:"), else ""."""
    colon = next((t.i for t in doc[close + 1 : end] if t.text == ":"), None)
    if colon is None:
        return ""
    state = list(doc[close + 1 : colon])
    if not state or any(t.pos_ not in ("VERB", "ADJ", "ADV", "AUX", "PART") for t in state):
        return ""
    said = [t for t in state if t.pos_ != "AUX"]
    return _as_written(said) if said else ""


def describe_subject(
    group: Sequence[Mention],
    phrases: Mapping[Claim, str] | None = None,
    verbs: Mapping[Claim, tuple[str, str]] | None = None,
    generic_verbs: bool = False,
) -> str:
    """A short readable name for what a group of claims measures ("additional troops").

    The phrase most of the group's claims agree with (see :func:`claim_phrase`): a
    phrase that holds all of another's words restates it ("firefighters discharged"
    restates "firefighters"), so it counts that one's claims too; among equals the
    one said most often, then the one sharing most words with the others (the
    consensus), then the longer, which says more. Without phrases, the counted noun
    or the context words the group weighs most, shown as written.

    With ``verbs`` (each claim's :func:`acting_verb`), a row whose claims' verbs differ
    ("Forty firefighters spent the night", "45 firefighters were sent") is named by what
    they share: the chosen phrase leaves out the one outlet's verb ("firefighters"). With
    ``generic_verbs``, a row of a generic noun ("people") keeps a verb instead, the one
    most of its claims share in meaning (:func:`_generic_row_subject`).
    """
    given = [phrase for m in group if (phrase := (phrases or {}).get(m.claim, ""))]
    short = [phrase for phrase in given if len(phrase.split()) <= MAX_PHRASE_WORDS]
    # A long phrase of the sources' words still reads better than the aligner's stems.
    found = Counter(short or sorted(given, key=lambda phrase: len(phrase.split()))[:1])
    if found:
        words = {phrase: set(phrase.lower().split()) for phrase in found}

        def shared(phrase: str) -> int:
            """How many of the other phrases' words this one uses: the consensus wording."""
            return sum(len(words[phrase] & words[other]) for other in found if other != phrase)

        def support(phrase: str) -> int:
            """How many claims' phrases this one restates, its own included."""
            return sum(found[other] for other in found if words[other] <= words[phrase])

        chosen = max(
            found,
            key=lambda phrase: (
                support(phrase),
                found[phrase],
                shared(phrase),
                len(phrase),
                phrase,
            ),
        )
        if generic_verbs:
            generic = _generic_row_subject(chosen, group, phrases or {}, verbs or {})
            if generic:
                return generic
        return _without_disputed_verb(chosen, group, phrases or {}, verbs or {})
    return _describe_from_words(group)


def _generic_row_subject(
    chosen: str,
    group: Sequence[Mention],
    phrases: Mapping[Claim, str],
    verbs: Mapping[Claim, tuple[str, str]],
) -> str:
    """The subject of a row whose claims count a generic noun ("people") by different
    verbs ("were injured", "hurt", "were taken to hospital"): the shortest phrase (then
    the first) of the claims whose verb means what most of the row's verbs mean, read
    through the lexicon's concepts ("injured" and "hurt" are both an injury), so "people
    injured", never the bare "people", and "residents evacuated" before one outlet's
    "residents evacuated from Marlow"; "" when the row's noun is no generic one or no
    claim has a verb."""
    noun = chosen.split()[0] if chosen else ""
    if not any(noun == word or noun == _plural(word) for word in GENERIC_COUNT_NOUNS):
        return ""
    meanings: dict[Claim, str] = {}
    for mention in group:
        phrase = phrases.get(mention.claim, "")
        lemma = verbs.get(mention.claim, ("", ""))[1]
        if lemma and phrase.split()[:1] == [noun] and len(phrase.split()) > 1:
            meanings[mention.claim] = CONCEPTS.get(stem_word(lemma), lemma)
    if not meanings:
        return ""
    support = Counter(meanings.values())
    best = max(support.values())
    shared = [phrases[claim] for claim in meanings if support[meanings[claim]] == best]
    return min(shared, key=lambda phrase: len(phrase.split()))


def _without_disputed_verb(
    chosen: str,
    group: Sequence[Mention],
    phrases: Mapping[Claim, str],
    verbs: Mapping[Claim, tuple[str, str]],
) -> str:
    """The chosen subject without its last word when that word is the verb of its own
    claims and another claim of the row acts by a different verb: "firefighters sent"
    for "45 firefighters were sent" beside "40 firefighters fought" is "firefighters"."""
    own = {verbs.get(m.claim, ("", "")) for m in group if phrases.get(m.claim) == chosen}
    lemmas = {lemma for _, lemma in own}
    others = {verbs.get(m.claim, ("", ""))[1] for m in group} - lemmas - {""}
    head, _, last = chosen.rpartition(" ")
    if len(lemmas) != 1 or "" in lemmas or not others or not head:
        return chosen
    if last not in {written for written, _ in own}:
        return chosen  # the phrase does not end in its verb ("people dead")
    return head


def _describe_from_words(group: Sequence[Mention]) -> str:
    """The subject from the aligner's words, when no claim's sentence gave a phrase."""
    heads = Counter(m.head_word for m in group if m.head_word)
    claim = group[0].claim
    phrase = ""
    if heads:
        head = max(heads, key=lambda name: (heads[name], len(name.split())))
        owner = next(m for m in group if m.head_word == head)
        phrase = " ".join(_surface_word(word, group) for word in [*owner.modifiers, *head.split()])
    if not phrase:
        weights: dict[str, float] = defaultdict(float)
        for mention in group:
            for lemma, weight in mention.context:
                if not lemma.startswith("<"):
                    weights[lemma] += weight
        top = sorted(weights, key=lambda lemma: -weights[lemma])[:2]
        phrase = " ".join(_surface_word(stem, group) for stem in top)
    if claim.kind == "date":
        return f"date: {phrase}".strip(": ")
    if claim.kind == "quantity":
        return f"{MEASURE_NAMES.get(claim.unit or '', claim.unit or '')}: {phrase}".strip(": ")
    return phrase or claim.text


def _surface_word(stem: str, group: Sequence[Mention]) -> str:
    """The word as written for a context stem ("damag" → "damage"), for readable subjects:
    in lower case where a clause writes it so, else capitalised as written ("Giffords")."""
    written = [
        word
        for mention in group
        for word in re.findall(r"[A-Za-z][A-Za-z'-]*", mention.clause)
        if stem_word(word.lower()) == stem
    ]
    lower = [word for word in written if word == word.lower()]
    return (lower or written or [stem])[0]


def _word(token: Token) -> str:
    """A token as a label shows it: names and words capitalised mid-sentence ("Iraqi")
    as written, other words in lower case."""
    if token.pos_ == "PROPN" or token.ent_type_ in NAME_ENTITY_TYPES or _is_acronym(token):
        return token.text
    if token.text[:1].isupper() and not token.is_sent_start:
        return token.text
    return token.text.lower()


def _noun_phrase(noun: Token, skip: range = range(0), whole_names: bool = False) -> str:
    """A noun with its adjectives, compounds and possessor, no numbers ("US service members");
    with ``whole_names``, a name's every word ("Islamic State militants")."""
    words = [
        child
        for child in noun.children
        if child.dep_ in ("amod", "compound", "poss")
        and child.i < noun.i
        and child.i not in skip
        and not (child.like_num and child.pos_ != "ADJ")  # "the first engine" keeps "first"
        and child.pos_ not in ("PRON", "DET", "NUM")
    ]
    words = [w for w in words if w.dep_ != "poss" or w.pos_ == "PROPN"]
    if whole_names:  # "Islamic" of "Islamic State militants", never "State militants"
        words += [
            part
            for word in words
            if word.pos_ == "PROPN" and word.dep_ == "compound"
            for part in word.subtree
            if part.dep_ == "compound" and part.pos_ == "PROPN" and part.i < word.i
        ]
    # A possessor keeps its "'s" ("Iraq's largest city", never "Iraq largest city").
    marks = [c for w in words if w.dep_ == "poss" for c in w.children if c.dep_ == "case"]
    return _as_written([*words, *marks, noun])


def _as_written(tokens: Sequence[Token]) -> str:
    """Words in order, each with what is hyphened to it ("pro-democracy", "baton-wielding"),
    spaced as written: never "pro - democracy", never "wielding" alone."""
    doc = tokens[0].doc
    kept: dict[int, Token] = {}
    for token in tokens:
        if token.like_url or token.like_email:
            continue  # "pic.twitter.com/…" is no word of a label
        start = token.i
        while start > 0 and not doc[start - 1].whitespace_ and _joins(doc[start - 1]):
            start -= 1
        while doc[start].text == "-":
            start += 1  # "14-mile": the number is the figure, not a word of the subject
        for index in range(start, token.i + 1):
            kept[index] = doc[index]
    text = ""
    for index in sorted(kept):
        token = kept[index]
        if text and (index - 1 not in kept or doc[index - 1].whitespace_):
            text += " "
        text += _word(token)
    return text


def _joins(token: Token) -> bool:
    """Whether a token may be part of a hyphened word: a word or the hyphen itself."""
    return token.text == "-" or (token.text.isalnum() and not token.like_num)


def _noun_with_verb(
    noun: Token, span: Span, complements: bool = False, generic_verbs: bool = False
) -> str:
    """The counted noun with its "of" complement and the verb that acts on it.

    "12 people were evacuated" → "people evacuated"; "killed 40 civilians" →
    "civilians killed"; "a rise in the number of injured" keeps "of injured". With
    ``complements``, the verb keeps its particle and "to" complement (see
    :func:`_verb_with_complements`); with ``generic_verbs``, a generic noun keeps what
    befell it (:func:`_generic_verb`).
    """
    skip = range(span.start, span.end)
    phrase = _noun_phrase(noun, skip)
    if generic_verbs and noun.lemma_.lower() in GENERIC_COUNT_NOUNS:
        told = _generic_verb(noun, phrase)
        if told:
            return f"{phrase} {told}"
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [g for g in child.children if g.dep_ == "pobj" and not g.like_num]
            if objects:
                phrase += f" of {_noun_phrase(objects[0])}"
        if child.dep_ == "acl" and child.tag_ in PARTICIPLE_TAGS:
            # "troops deployed to the region"
            return f"{phrase} {_verb_with_complements(child, phrase, complements, True)}"
    verb = noun.head
    if _values_figure(verb, span):
        return phrase  # "put the damage at £2.4 million": the verb only says "is"
    # The object's state after the verb: "left 300 people dead" -> "people dead".
    states = [
        c
        for c in verb.children
        if noun.dep_ == "dobj" and c.dep_ == "oprd" and c.pos_ in ("ADJ", "VERB") and c.i > noun.i
    ]
    if states:
        phrase += f" {states[0].text.lower()}"
    elif (
        noun.dep_ in ("nsubjpass", "dobj")
        and verb.tag_ in PARTICIPLE_TAGS
        and verb.lemma_.lower() not in LIGHT_VERB_LEMMAS
    ):
        passive = noun.dep_ == "nsubjpass"
        phrase += f" {_verb_with_complements(verb, phrase, complements, passive)}"
    return phrase


def _generic_verb(noun: Token, noun_phrase: str) -> str:
    """What befell a generic noun's count, as its verb says it: the participle after it
    ("people [hurt] on the night"), the passive or intransitive verb it is the subject of
    ("people were [injured]", "people [died]"), with the place the verb takes them to or
    in ("taken to hospital", "treated in hospital") while the label stays short; else ""
    (a verb with an object says what the people did, not what befell them)."""
    verbs = [c for c in noun.children if c.dep_ == "acl" and c.tag_ in PARTICIPLE_TAGS]
    verb = noun.head
    if verbs:
        verb = verbs[0]
    elif not (
        noun.dep_ in _SUBJECT_DEPENDENCIES
        and verb.pos_ == "VERB"
        and verb.tag_ in PARTICIPLE_TAGS
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children)
    ):
        return ""
    if verb.lemma_.lower() in LIGHT_VERB_LEMMAS:
        return ""
    words = [verb.lower_, *(c.lower_ for c in verb.children if c.dep_ == "prt")]
    room = MAX_PHRASE_WORDS - len(noun_phrase.split()) - len(words)
    places = [
        c
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in PLACE_PREPOSITIONS and c.i > verb.i
    ]
    if places:
        place = list(places[0].subtree)
        written = _as_written(place)
        if any(t.dep_ == "pobj" and t.pos_ in ("NOUN", "PROPN") for t in place) and len(
            written.split()
        ) <= min(room, PLACE_WORDS):
            words.append(written)
    return " ".join(words)


def _verb_with_complements(verb: Token, noun_phrase: str, complements: bool, passive: bool) -> str:
    """A verb as it follows its noun in a label: with ``complements``, its particle
    ("rescues carried out", never "rescues carried", which reads as carried by hand) and,
    for a ``passive`` verb of the noun, its "to" complement with that one's own particle
    and object ("visitors expected to come", "people believed to have been killed"),
    while the label stays within ``MAX_PHRASE_WORDS``; else the verb alone. An active
    verb's "to" clause says what its object was for ("ordered doses to meet demand"),
    not what the count is."""
    words = [verb.lower_]
    if not complements:
        return words[0]
    words += [c.lower_ for c in verb.children if c.dep_ == "prt" and c.i > verb.i]
    room = MAX_PHRASE_WORDS - len(noun_phrase.split()) - len(words)
    for xcomp in verb.children if passive else ():
        helpers = [a for a in xcomp.children if a.dep_ in ("aux", "auxpass") and a.i < xcomp.i]
        if xcomp.dep_ != "xcomp" or xcomp.pos_ != "VERB" or not helpers:
            continue
        if helpers[0].lower_ != "to":
            continue
        said = [*helpers, xcomp, *(c for c in xcomp.children if c.dep_ == "prt")]
        objects = [c for c in xcomp.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
        told = [a.lower_ for a in sorted(said, key=lambda t: t.i)]
        told += [_noun_phrase(objects[0])] if objects else []
        if len(" ".join(told).split()) <= room:
            words += told
        break
    return " ".join(words)


def _values_figure(verb: Token, span: Span) -> bool:
    """Whether the figure is the object of a preposition of the verb ("put the damage
    at £2.4 million", "estimated the crowd at 5,000"): the verb values its object."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return any(
        child.dep_ == "prep"
        and child.i > verb.i
        # the parser may leave the figure out of the preposition's subtree ("at £1.2m.")
        and (span.root in child.subtree or child == before)
        for child in verb.children
    )


def _valued_object(span: Span, verb_complements: bool = False) -> str:
    """What a valuing verb puts the figure on: "the sums involved, which she put at £1.2m"
    -> "sums involved"; "" when the figure's verb does not value an object."""
    verb = next((t for t in span.root.ancestors if t.pos_ == "VERB"), None)
    if verb is None or not _values_figure(verb, span):
        return ""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        return ""
    valued = objects[0]
    if valued.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        valued = verb.head  # "which": the noun the relative clause is about
    if valued.pos_ not in ("NOUN", "PROPN"):
        return ""
    return _noun_with_verb(valued, span, verb_complements)


def _restated_count_noun(span: Span) -> Token | None:
    """The noun of the nearest earlier count that a bare figure repeats, in its own
    sentence or the one before ("Eight [people] were taken to hospital ... all eight were
    expected to recover"), else ``None``: the figure stands for what that count counts."""
    doc = span.doc
    sentence = span.sent
    first = doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
    figure = span.text.lower()
    for token in reversed(doc[first : span.start]):
        noun = token.head
        if (
            token.lower_ == figure
            and token.dep_ == "nummod"
            and noun.pos_ == "NOUN"
            and noun.tag_ == "NNS"
            and noun.i > token.i
        ):
            return noun
    return None


def _predicate_of(span: Span) -> str:
    """For a figure that is itself the subject ("all eight were expected to recover"),
    what is said of it: "expected to recover", "treated and sent home", or the noun it is
    ("five of them were firefighters" -> "firefighters")."""
    root = span.root
    verb = root.head
    if root.dep_ not in _SUBJECT_DEPENDENCIES or verb.pos_ not in ("VERB", "AUX"):
        return ""
    attributes = [c for c in verb.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
    if attributes:
        return _noun_phrase(attributes[0])
    states = [c for c in verb.children if c.dep_ == "acomp" and c.pos_ == "ADJ" and c.i > verb.i]
    if verb.pos_ == "AUX" and states:
        # "65 were previously healthy" -> "previously healthy": the state, with its adverbs
        between = verb.doc[verb.i + 1 : states[0].i]
        if all(t.pos_ in ("ADV", "PART") for t in between):
            return _as_written([*between, states[0]])
    if verb.pos_ != "VERB":
        return ""
    # "12 were not injured": the negation stays ("not injured", never "injured")
    words: list[Token] = [c for c in verb.children if c.dep_ == "neg" and c.i < verb.i]
    for token in verb.doc[verb.i : verb.sent.end]:
        if token.is_punct or token.i not in _predicate_tokens(verb):
            break  # up to the first comma: a clause, not the sentence
        words.append(token)
    return _as_written(words[:MAX_PHRASE_WORDS]) if words else ""


def _predicate_tokens(verb: Token) -> set[int]:
    """The verb with its particle, object, complements and joined verbs, without its
    subject, auxiliaries and the adverbial clauses and times hung on it."""
    dropped = ("nsubj", "nsubjpass", "aux", "auxpass", "advcl", "npadvmod", "mark", "ccomp",
               "parataxis", "punct")  # fmt: skip
    kept = {verb.i}
    for child in verb.children:
        if child.dep_ not in dropped and child.i > verb.i:
            kept.update(token.i for token in child.subtree)
    return kept


def _subject_of_verb(span: Span, verb_complements: bool = False) -> str:
    """For a bare figure ("the toll rose to 45"), the subject (else object) of its verb."""
    span_range = range(span.start, span.end)
    for ancestor in span.root.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            # "the toll rose to 45"; "which will take the number of troops to 5,000"
            for roles in (_SUBJECT_DEPENDENCIES, ("dobj",)):
                nouns = [
                    c
                    for c in ancestor.children
                    if c.dep_ in roles
                    and c.pos_ in ("NOUN", "PROPN")
                    and c.i not in span_range
                    and any(ch.isalpha() for ch in c.text)  # never "%"
                ]
                if nouns:
                    return _noun_with_verb(nouns[0], span, verb_complements)
            return ""
    return ""


def _measure_phrase(
    span: Span, measure: str, directions: bool = True, skip_units: bool = False
) -> str:
    """ "distance of Harrow Field from Velmora": the thing located and the place measured from.

    With ``directions``, a measure of a direction ("lies 5 miles east of the town") locates
    the subject of the direction's verb ("distance of quay from town centre"). With
    ``skip_units``, a unit noun is never what is measured (see :func:`_is_unit_noun`): "30
    feet by 45 feet" around a warehouse is the warehouse's, and an "of" right after the
    measure names what it is of ("67 years of that ring": "duration of ring")."""
    doc = span.doc
    origin = ""
    for token in doc[span.end : min(span.end + ORIGIN_WINDOW_TOKENS + 1, span.sent.end)]:
        if token.lower_ in FROM_PREPOSITIONS:
            objects = [c for c in token.children if c.dep_ == "pobj"]
            if objects:
                origin = _noun_phrase(objects[0])
                if skip_units and token.i == span.end and token.lower_ == "of":
                    return f"{measure} of {origin}"  # "67 years of that ring": its duration
            break
    root = span.root
    located = ""
    head = root
    if skip_units:
        while head.dep_ == "pobj" and head.head.pos_ == "ADP" and _is_unit_noun(head.head.head):
            head = head.head.head  # "30 feet by 45 feet": the first measure's
        root = head
    # Up an apposition chain to the name it restates ("Harrow Field, a small airstrip, 40 miles").
    while head.dep_ in ("appos", "npadvmod", "nmod") and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head
        if head.pos_ == "PROPN" or head.dep_ != "appos":
            break
    if head is not root:
        located = _noun_phrase(head)
    elif root.dep_ == "dobj" and root.head.pos_ == "VERB":
        # "the first engine took 14 minutes to arrive": the measure is of what was done.
        verb = root.head
        subjects = _verb_subjects(verb)
        if (subjects and _names_someone(subjects[0])) or verb.dep_ == "relcl":
            clause = _clause(verb, range(span.start, span.end), MAX_PHRASE_WORDS - 1, people=True)
            return f"{measure} {clause}"
    elif (
        root.head.pos_ in ("VERB", "AUX")
        or root.dep_ == "ROOT"
        or (directions and root.head.pos_ == "ADV" and root.head.head.pos_ in ("VERB", "AUX"))
    ):
        verb = root.head if root.dep_ != "ROOT" else root
        if verb.pos_ == "ADV":
            verb = verb.head  # "lies 5 miles east of": the verb the direction is of
        subjects = _verb_subjects(verb)
        measured = subjects[0] if subjects else None
        if measured is not None and measured.pos_ in ("NOUN", "PROPN"):
            other_unit = _is_unit_noun(measured) and measured.i not in range(span.start, span.end)
            located = "" if skip_units and other_unit else _noun_phrase(measured)
    elif (
        root.head.pos_ == "ADP"
        and root.head.head.pos_ in ("NOUN", "PROPN")
        and not (skip_units and _is_unit_noun(root.head.head))
    ):
        located = _noun_phrase(root.head.head)  # "a line of 14 miles"
    if located.lower() == origin.lower():
        located = ""
    parts = [measure, f"of {located}" if located else "", f"from {origin}" if origin else ""]
    return " ".join(part for part in parts if part)


def _unit_owner(unit: Token) -> str:
    """What a figure's unit noun is the size of: the noun it modifies ("a 2 cent per
    ounce [tax]"), else the subject or the object of its verb ("the [tax] adds two cents",
    "raise the [tax] by ten cents"), else ""."""
    if unit.dep_ in ("compound", "amod", "nmod", "npadvmod") and unit.head.pos_ == "NOUN":
        return _noun_phrase(unit.head)
    verb = next((t for t in unit.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return ""
    for dependencies in (_SUBJECT_DEPENDENCIES, ("dobj",)):
        nouns = [c for c in verb.children if c.dep_ in dependencies and c.i != unit.i]
        if nouns and nouns[0].pos_ in ("NOUN", "PROPN") and not _is_unit_noun(nouns[0]):
            return _noun_phrase(nouns[0])
    return ""


def _is_unit_noun(token: Token) -> bool:
    """A noun a figure of its own sizes ("45 feet", "67 years"): a unit, never the thing
    measured."""
    return token.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in token.children)


def _event_of(
    span: Span,
    people: bool = False,
    complements: bool = True,
    reading: _ClauseReading = _ClauseReading(),
) -> str:
    """What a date or year is the time of, as a clause: "Carter arrived", "US will send troops".

    With ``people``, for a figure with nothing else to name it, only a clause with a
    subject, which may be a personal pronoun ("amount she was paid"); else "".
    ``reading`` as :func:`_clause` takes it (``shared_subjects``: :func:`_verb_subjects`)."""
    shared_subjects, acronyms = reading.shared_subjects, reading.acronyms
    span_range = range(span.start, span.end)
    verb = next(
        (
            t
            for t in span.root.ancestors
            if t.i not in span_range
            and (t.pos_ == "VERB" or (t.pos_ == "NOUN" and t.ent_type_ not in ("DATE", "TIME")))
        ),
        None,
    )  # "in June 2014" hangs from "June": the event is the verb above it
    if verb is None:
        return ""
    if verb.pos_ == "NOUN":
        if not complements:
            return _noun_phrase(verb)
        # An event named by a noun is joined by "of": "date of election" for
        # "Tuesday's election", "year of dramatic territorial gains".
        event = _noun_phrase(verb, span_range)
        return f"of {event}" if event else ""
    if verb.lemma_.lower() in STATEMENT_LEMMAS:
        said = [
            c
            for c in verb.children
            if c.dep_ == "ccomp"
            and c.pos_ in ("VERB", "AUX")
            # a quote before its "said in 2008" is not what the date is of: the saying is
            and (c.i > span.start or not complements)
        ]
        if said:
            verb = said[0]  # "Carter said Monday that the US will deploy": the deployment
        elif verb.dep_ in ("ccomp", "parataxis", "advcl", "conj") and verb.head.pos_ == "VERB":
            verb = verb.head
    if (
        shared_subjects
        and verb.dep_ == "xcomp"
        and not _verb_subjects(verb)
        and _verb_subjects(verb.head, shared_subjects)
    ):
        # "Marlow is expected to raise $2m": the verb that has the subject, with its "to"
        verb = verb.head
    if people:
        subjects = _verb_subjects(verb, shared_subjects)
        if acronyms and not subjects:
            subjects = _acronym_subjects(verb)
        named = bool(subjects) and (
            _names_someone(subjects[0]) or (acronyms and _is_acronym(subjects[0]))
        )
        if not named and not (verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN")):
            if complements and verb.tag_ == "VBG" and not _verb_subjects(verb):
                # "after spending 24 years together": what was done, "of spending"
                return f"of {_clause(verb, span_range)}"
            return ""
    return _clause(verb, range(span.start, span.end), people=people, reading=reading)


def _verb_subjects(verb: Token, shared: bool = False) -> list[Token]:
    """The verb's subjects; with ``shared``, those of the verb it is joined to when it has
    none ("Kordal stayed home and retired on Friday": "retired" is Kordal's too). Only a
    verb that stands alone shares: one with an auxiliary or an agent of its own ("and
    were rescued", "and killed by gunmen") lost its subject to the parser, or is a
    passive whose subject is not the active verb's."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPENDENCIES]
    while (
        shared
        and not subjects
        and verb.dep_ == "conj"
        and verb.head.pos_ in ("VERB", "AUX")
        and _stands_alone(verb)
    ):
        verb = verb.head
        subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPENDENCIES]
    return subjects


def _stands_alone(verb: Token) -> bool:
    """Whether a verb joined to another by "and" has no auxiliary or agent of its own."""
    return not any(c.dep_ in ("aux", "auxpass", "agent") for c in verb.children)


def _figure_complement(span: Span) -> str:
    """What a sum, share or measure is of, by its own preposition: "$18.7 billion in
    penalties" -> "of penalties", "$100 per barrel" -> "per barrel"; else ""."""
    for child in span.root.children:
        if child.dep_ != "prep" or child.i < span.end or child.lower_ not in FIGURE_PREPOSITIONS:
            continue
        objects = [
            g
            for g in child.children
            if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN") and not g.like_num
        ]
        if objects:
            joined = "per" if child.lower_ == "per" else "of"
            return f"{joined} {_noun_phrase(objects[0])}"
    return ""


def _names_someone(subject: Token) -> bool:
    """Whether a clause's subject names someone or something: a noun, a name, or a
    pronoun for people."""
    return subject.tag_ in PERSONAL_SUBJECT_TAGS or subject.lower_ in PERSON_PRONOUNS


def _clause(
    verb: Token,
    skip: range,
    room: int = MAX_PHRASE_WORDS - 1,
    people: bool = False,
    reading: _ClauseReading = _ClauseReading(),
) -> str:
    """The verb with its subject, auxiliaries, particle, object and "to" complement, as a
    clause ("the fire broke out", "Iraqi forces retook the airfield", "the first engine
    took to arrive"), in at most ``room`` words: determiners and "of" complements go
    first when it is longer. With ``reading.agents``, a passive verb keeps who did it
    ("the city has been controlled by the militia"). With ``reading.acronyms``, a word in
    capitals the parser reads as a verb or an auxiliary is the clause's subject ("IS
    occupied Mosul", never "is occupied Mosul"). With ``reading.shared_subjects``, see
    :func:`_verb_subjects`. With ``reading.pronouns``, a personal pronoun is a subject
    ("date she appeared")."""
    agents, acronyms = reading.agents, reading.acronyms
    shared_subjects, pronouns = reading.shared_subjects, reading.pronouns
    nouns = ("NOUN", "PROPN")
    subjects = [
        c
        for c in _verb_subjects(verb, shared_subjects)
        if (
            c.pos_ in nouns
            or (pronouns and c.lower_ in PERSON_PRONOUNS)
            or (people and _names_someone(c))
            or (acronyms and _is_acronym(c))
        )
    ]
    if acronyms and not subjects:
        subjects = _acronym_subjects(verb)
    if not subjects and verb.dep_ == "relcl" and verb.head.pos_ in nouns:
        subjects = [verb.head]  # "Daesh, which overran Mosul in 2014"
    doc = verb.doc
    objects = [
        c
        for c in verb.children
        if c.dep_ == "dobj"
        and c.pos_ in nouns
        and c.i not in skip
        # An object past a comma is an apposition the parser hung on the verb.
        and not any(t.text == "," for t in doc[min(verb.i, c.i) : max(verb.i, c.i)])
    ]
    doers = [
        g
        for c in verb.children
        if agents and c.dep_ == "agent"
        for g in c.children
        if g.dep_ == "pobj"
        and g.pos_ in nouns
        and not any(t.i in skip for t in g.subtree)
        # only right after the verb (the figure aside): "escorted into custody by a
        # sheriff" would drop the words between
        and all(t.i in skip or t.dep_ == "prt" for t in doc[verb.i + 1 : c.i])
    ]
    auxiliaries = [
        c
        for c in verb.children
        if c.dep_ in ("aux", "auxpass") and not (acronyms and c in subjects)
    ]
    particles = [c.text.lower() for c in verb.children if c.dep_ == "prt"]  # "broke out"
    # "took 14 minutes to arrive", where the parser may hang "to arrive" on the figure.
    # "to" and, with ``shared_subjects``, a passive's "be": "expected to be released".
    helpers = ("aux", "auxpass") if shared_subjects else ("aux",)
    complements = [
        " ".join(t.text.lower() for t in (*[a for a in c.children if a.dep_ in helpers], c))
        for c in [*verb.children, *(g for o in verb.children if o.i in skip for g in o.children)]
        if c.pos_ == "VERB"
        and c.i > verb.i
        and (
            c.dep_ == "xcomp"
            if c.head == verb
            else any(a.lower_ == "to" for a in c.children if a.dep_ == "aux")
        )
    ]
    phrase = ""
    # Shortened in this order: the "of" complements, the object's determiner, the subject's.
    for rich, subject_determined, object_determined, helped, modified in CLAUSE_SHORTENINGS:
        words = [_clause_noun(subjects[0], rich, subject_determined, modified)] if subjects else []
        words += [*(_auxiliaries(auxiliaries) if helped else []), verb.text.lower(), *particles]
        if doers and subjects:  # "seized by militants" alone does not say what was seized
            words += ["by", _clause_noun(doers[0], rich, object_determined, modified, True)]
        if objects:
            words.append(_clause_noun(objects[0], rich, object_determined, modified))
        words += complements[:1]
        phrase = " ".join(word for word in words if word).replace(" \u2060", "")
        # "by" joins the agent: it does not count against the clause's room
        if len(phrase.split()) <= room + bool(doers and subjects):
            break
    return phrase


def _is_acronym(token: Token) -> bool:
    """Whether a word is written in capitals in a sentence that is not ("IS", "WHO"):
    a name, whatever the parser reads it as."""
    text = token.text
    if len(text) < 2 or not text.isalpha() or not text.isupper():
        return False
    return any(t.is_alpha and not t.text.isupper() for t in token.sent)


def _acronym_subjects(verb: Token) -> list[Token]:
    """A verb's auxiliary or subject written in capitals before it, the parser's
    reading of a name ("IS occupied the town": "IS" as "is"), as its subject; else []."""
    return [
        c
        for c in verb.children
        if c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") and c.i < verb.i and _is_acronym(c)
    ][:1]


def _auxiliaries(tokens: Sequence[Token]) -> list[str]:
    """Auxiliaries as written, a contraction marked to join the word before ("they've")."""
    return [f"\u2060{t.lower_}" if t.text[:1] in ("'", "\u2019") else t.lower_ for t in tokens]


def _clause_noun(
    noun: Token, rich: bool, determined: bool, modified: bool = True, whole_names: bool = False
) -> str:
    """A noun as a clause shows it: with its determiner ("the fire") when ``determined``,
    with its "of" complement ("the number of injured") when ``rich``, with its adjectives
    and compounds when ``modified`` (a name's every word with ``whole_names``)."""
    words = _noun_phrase(noun, whole_names=whole_names) if modified else _as_written([noun])
    if rich:
        for child in noun.children:
            objects = [g for g in child.children if g.dep_ == "pobj" and not g.like_num]
            if child.dep_ == "prep" and child.lower_ == "of" and objects:
                words += f" of {_clause_noun(objects[0], False, determined)}"
                break
    determiners = [
        c for c in noun.children if c.dep_ in ("det", "poss") and c.lower_ in CLAUSE_DETERMINERS
    ]
    plural = noun.tag_ in ("NNS", "NNPS")  # "an additional 560 forces" without its figure
    if plural:
        determiners = [d for d in determiners if d.lower_ not in ("a", "an")]
    if determined and determiners and determiners[0].i < noun.i:
        words = f"{determiners[0].lower_} {words}"
    return words


def _age_phrase(span: Span, holder: str = "") -> str:
    """Whose age it is: the noun the age describes ("age of the ranger's son"), the
    name it describes ("age of Carlie Trent"), else the person of surname ``holder`` as
    named in the article, else the nearest person named."""
    aged = aged_noun(span)
    if aged is not None and aged.pos_ == "PROPN":
        for entity in span.doc.ents:
            if entity.start <= aged.i < entity.end:
                return f"age of {entity.text}"
        return f"age of {aged.text}"
    if aged is not None:
        owners = [c for c in aged.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")]
        owner = f"{_noun_phrase(owners[0])}'s " if owners else ""
        article = "" if owners and owners[0].pos_ == "PROPN" else "the "
        return f"age of {article}{owner}{_noun_phrase(aged, range(span.start, span.end))}"
    person = _holder_name(span, holder) if holder else ""
    person = person or _person_near(span)
    return f"age of {person}" if person else ""


def _holder_name(span: Span, surname: str) -> str:
    """The name, as written, of the person of ``surname`` an age belongs to: at its last
    mention before the age, the person the recogniser names there, else the run of proper
    nouns ending in it ("Anouk Verlaine"); "" if none comes before. A later mention may be a
    relative ("Her father, Luc Verlaine"), so none is taken."""
    doc = span.doc
    for token in reversed(doc[: span.start]):
        if token.lower_ == surname and token.pos_ == "PROPN":
            for entity in doc.ents:
                if entity.label_ == "PERSON" and entity.start <= token.i < entity.end:
                    return entity.text  # "Sheriff Jeffrey R. Gahler": the name, no title
            first = token.i
            while first > token.sent.start and doc[first - 1].pos_ == "PROPN":
                first -= 1
            return doc[first : token.i + 1].text
    return ""


def _age_limit_holder(span: Span) -> str:
    """Whose age limit a figure is: "children under the age of thirteen" -> "age of
    children", the noun right before the "under (over, at) the age of"; else ""."""
    root = span.root
    of = root.head
    age = of.head
    if root.dep_ != "pobj" or of.lower_ != "of" or age.lower_ != "age" or age.dep_ != "pobj":
        return ""
    before = span.doc[age.head.i - 1] if age.head.i > 0 else None
    if before is None or before.pos_ not in ("NOUN", "PROPN") or before.i < span.sent.start:
        return ""
    return f"age of {_noun_phrase(before)}"


def _person_near(span: Span) -> str:
    """The person an age belongs to: for a definite age noun the last one named before it,
    else a name in its sentence, else the last one before it."""
    antecedent = antecedent_person(span)
    if antecedent is not None:
        return antecedent.text
    people = [e for e in span.doc.ents if e.label_ == "PERSON"]
    sentence = span.sent
    inside = [e for e in people if sentence.start <= e.start < sentence.end]
    if inside:
        return min(inside, key=lambda e: abs(e.start - span.start)).text
    before = [e for e in people if e.end <= sentence.start]
    return before[-1].text if before else ""
