"""What a claim is about, as the aligner sees it: a :class:`Mention`.

Each claim is described by what it measures — the noun it counts or the thing
it measures and its modifiers ("additional troops"), the verbs and nouns
around it ("deploy", "announce") weighted by distance and syntax, the clause
with the number masked out (for a sentence embedding), and its role (a total,
an increment, the whole of a partitive, a limit). The words come from the
spaCy parse of the article (:func:`newsfuse.facts.entities.parse_articles`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsfuse.facts.aspects import (
    IMPLICIT_ANCHORS,
    NO_ASPECTS,
    Aspects,
    figure_aspects,
    implied_anchor,
)
from newsfuse.facts.cue_owners import cue_is_another_figures
from newsfuse.facts.date_roles import date_event, date_role, date_scope, event_phrase
from newsfuse.facts.eras import clause_year
from newsfuse.facts.lexicon import (
    AHEAD_WORDS,
    BUSINESS_MARGIN_WORDS,
    CHANGE_MARKERS,
    CONCEPTS,
    CONTENT_POS,
    ELIDED_NUMERAL_ROLES,
    GENERIC_LEMMAS,
    INCREMENT_WORDS,
    LIMIT_NOUNS,
    MARGIN_NOUNS,
    MEASURE_NOUNS,
    PARTITIVE_QUANTIFIERS,
    PERIOD_WORDS,
    PREVIOUS_FILLERS,
    PRONOUN_NOUNS,
    REVISION_CUES,
    STATEMENT_LEMMAS,
    TOTAL_WORDS,
    WIN_VERBS,
)
from newsfuse.facts.params import FactParams
from newsfuse.facts.patterns import OFFSET_AFTER_RE, OFFSET_ALTERNATIVE_BEFORE_RE
from newsfuse.facts.porter import porter_stem
from newsfuse.facts.remainders import is_degree_subset, is_event_count, is_remainder
from newsfuse.facts.revisions import has_moved_date_cue, has_revision_cue, is_perfect_tally
from newsfuse.facts.roles import (
    figure_mood,
    in_past_frame,
    is_change_size,
    is_classified_part,
    is_day_of_month,
    is_denied_figure,
    is_earlier_figure,
)
from newsfuse.facts.synonymy import LOOKUP_CACHE_SIZE, noun_names_group
from newsfuse.model import Claim

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


# Punctuation that ends the number's clause: a noun after it is not what the number counts.
CLAUSE_ENDS = frozenset({".", ";", ":", "!", "?"})


@dataclass(frozen=True, slots=True)
class Mention:
    """A claim with what the aligner knows about it."""

    claim: Claim
    dimension: str
    head: str
    modifiers: tuple[str, ...]
    context: tuple[tuple[str, float], ...]
    clause: str
    revision_cue: bool
    lede: bool
    previous: bool
    person: str = ""
    head_word: str = ""  # the counted noun, or a date's event, in a reader's words (subjects)
    # "total", "increment", "whole", "limit" or "" (see FactParams.role_mismatch_penalty)
    role: str = ""
    # "hypothetical" for a figure in a conditional or a "would" clause (facts.roles), else ""
    mood: str = ""
    # A count right after a month's name: the day of a date the reader could not place.
    day_of_month: bool = False
    # What a source "had earlier said" (facts.roles): an earlier account, not the current one.
    earlier: bool = False
    # Tense, group, base, period, anchor and holder of the figure (facts.aspects).
    aspects: Aspects = NO_ASPECTS
    # The lemma of the verb that governs the figure, with its particle ("set down"), or "".
    verb: str = ""
    # A date's event as (verb lemma, its subject's lemma): "divers pulled ... on Thursday"
    # gives ("pull", "diver"); () when a noun names the event ("Wednesday's collapse").
    event: tuple[str, str] | tuple[()] = ()
    # The year the clauses above a figure name as their time ("in June 2011, ... killing
    # eight"), or 0 (facts.eras).
    year: int = 0
    # A winner's margin ("won by 48 seconds", "a majority of 2,689", "38 seconds ahead").
    margin: bool = False
    # What a measure noun the figure is the value of counts, as a lemma: "injured" in "the
    # number of injured rose to 12", "death" in "the death toll", "toll" alone; else "".
    measured: str = ""
    # A count told by an event verb in the present perfect: the tally so far, which only rises.
    tally: bool = False
    # A count of what is left of a group ("four remain in hospital", facts.remainders).
    remainder: bool = False
    # A count told by the past event that made its group ("27 were taken to hospital").
    event_count: bool = False
    # A part of a group an adverb marks off ("11 were injured, four critically").
    degree_subset: bool = False


def dimension_of(claim: Claim) -> str:
    """What can be compared with what: kind and base unit ("quantity:m", "count:")."""
    kind = "year" if claim.attribute == "year" else str(claim.kind)
    return f"{kind}:{claim.unit or ''}"


def _span_tokens(doc: Doc, claim: Claim) -> Span | None:
    return doc.char_span(claim.start, claim.end, alignment_mode="expand")


def _partitive_whole(span: Span) -> Token | None:
    """The noun after "of the" in "23 of the train's 96 cars", else ``None``."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ == "of":
        for child in doc[span.end].children:
            if child.dep_ == "pobj" and child.pos_ in ("NOUN", "PROPN"):
                return child
        for token in doc[span.end + 1 : min(span.end + 8, len(doc))]:
            if token.pos_ in ("VERB", "AUX") or token.is_punct:
                break
            if token.pos_ in ("NOUN", "PROPN") and token.dep_ not in ("compound", "poss"):
                return token
    return None


def _after_in_clause(span: Span, token: Token) -> bool:
    """Whether ``token`` is a noun after the number with no clause end or line break
    between ("14,806\n\nCivic majority": the parser may link across the lines)."""
    if token.pos_ not in ("NOUN", "PROPN") or token.i < span.end:
        return False
    between = span.doc[span.end : token.i]
    return not any(t.text in CLAUSE_ENDS or "\n" in t.text for t in between)


def _valued_object(span: Span) -> Token | None:
    """The noun a figure after "at" puts a value on: "putting the [toll] at 10,000",
    "valued the [company] at $2bn"; for a measure noun with an "of" complement, the
    thing measured ("put the number of [dead] at 45"). Else ``None``."""
    root = span.root
    preposition = root.head
    if root.dep_ != "pobj" or preposition.lower_ != "at" or preposition.head.pos_ != "VERB":
        return None
    objects = [
        child
        for child in preposition.head.children
        if child.dep_ == "dobj"
        and child.pos_ == "NOUN"
        and child.i < preposition.i
        # "ended the quarter at $4.6bn": a time is when, not what the figure values
        and child.ent_type_ not in ("DATE", "TIME")
        and child.lemma_.lower() not in PERIOD_WORDS
    ]
    if not objects:
        return None
    valued = objects[0]
    if valued.lemma_.lower() in MEASURE_NOUNS:
        for child in valued.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                measured = [g for g in child.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]
                if measured:
                    return measured[0]
    return valued


def is_time_offset(claim: Claim, text: str) -> bool:
    """Whether a count is a guessed offset from another moment ("a day or two later", "a
    week or two earlier"): a unit and "or" before it make it a rough span, said of no
    event the sources date, so it is no fact of the story. An exact offset ("five weeks
    later") is one: real reports disagree on the time between two events."""
    if claim.kind != "count":
        return False
    after = text[claim.end : claim.end + 40]
    before = text[max(0, claim.start - 20) : claim.start]
    return bool(OFFSET_AFTER_RE.match(after) and OFFSET_ALTERNATIVE_BEFORE_RE.search(before))


def _counted_noun(span: Span, valued_objects: bool = True) -> Token | None:
    """The noun the number counts or measures: "560 [troops]", "a 14-mile [line]", and
    with ``valued_objects`` the object a figure after "at" values ("put the [toll] at 45")."""
    whole = _partitive_whole(span)
    if whole is not None:
        return whole
    if valued_objects:
        valued = _valued_object(span)
        if valued is not None:
            return valued
    token = span.root
    for _ in range(3):
        if _after_in_clause(span, token):
            return token
        if token.dep_ in ("nummod", "quantmod", "compound", "amod", "npadvmod", "nmod") and (
            token.head.i != token.i
        ):
            token = token.head
        else:
            break
    if _after_in_clause(span, token):
        return token
    # "560 troops" parsed with the number as head, or a noun right after it.
    doc = span.doc
    for index in range(span.end, min(span.end + 3, len(doc))):
        candidate = doc[index]
        if candidate.text in CLAUSE_ENDS or candidate.is_sent_start or "\n" in candidate.text:
            break  # "majority: 2,689. Turnout: 38.2 %": the next noun is another figure's
        if candidate.pos_ in ("NOUN", "PROPN") and not candidate.like_num:
            # Skip to the last noun of a compound ("attack helicopters").
            while (
                index + 1 < len(doc)
                and doc[index + 1].pos_ == "NOUN"
                and candidate.dep_ == "compound"
            ):
                index += 1
                candidate = doc[index]
            return candidate
        if candidate.pos_ not in ("ADJ", "PUNCT", "ADV"):
            break
    return None


# Links from an age to the noun it describes: "a 52-year-old [driver]" (amod),
# "[Cosme], 32" (appos), "9-Year-Old [Trent]" in a headline (compound).
AGE_LINKS = frozenset({"amod", "appos", "compound", "nmod"})
# Nouns an age may hang from that name the age itself, not who has it ("at age 89").
AGE_WORDS = frozenset({"age", "year", "month", "week", "day"})


def aged_noun(span: Span) -> Token | None:
    """The noun an age describes ("a 52-year-old [driver]", "[Parker], 89"), else ``None``.

    Only a syntactic link counts: the nearest name in the sentence may be
    someone else ("a 27-year-old man ... said Ms Reed").
    """
    token = span.root
    for _ in range(2):
        if token.dep_ not in AGE_LINKS or token.head.i == token.i:
            return None
        token = token.head
        if span.start <= token.i < span.end:
            continue
        if token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() not in AGE_WORDS:
            return token
        return None
    return None


def _is_partitive_whole(span: Span, window_tokens: int) -> bool:
    """Whether the number is the whole in a partitive: "23 of the train's [96] cars"."""
    doc = span.doc
    left = doc[max(span.sent.start, span.start - window_tokens) : span.start]
    for index, token in enumerate(left):
        if token.lower_ != "of" or index == 0:
            continue
        part = left[index - 1]
        # The part is a number or a quantifier ("23 of", "most of"); "each of the
        # 46 families" and "an increase of 18 %" are no partitives of the figure.
        if not (part.like_num or part.lower_ in PARTITIVE_QUANTIFIERS):
            continue
        # Only the determiner or owner of the whole stands between ("of the train's").
        if all(
            t.pos_ in ("DET", "PRON", "PROPN", "NOUN", "ADJ", "PART") for t in left[index + 1 :]
        ):
            return True
    return False


@functools.lru_cache(maxsize=LOOKUP_CACHE_SIZE)
def stem_word(word: str) -> str:
    """Porter stem (Porter 1980), so "announced" and "announcement" meet."""
    return porter_stem(word)


def complement_verb(verb: Token, below: Token) -> Token | None:
    """The infinitive a passive verb passes its subject on to, when the figure stands in
    that subject (``below`` is the verb's child on the way down to the figure): "20,000
    people are believed to have been [killed]", "300 were forced to [flee]". The passive
    verb says who reports or causes the event; the infinitive names what the count did
    or suffered. Else ``None``."""
    if below.dep_ != "nsubjpass":
        return None
    return next(
        (child for child in verb.children if child.dep_ == "xcomp" and child.pos_ == "VERB"),
        None,
    )


def _path_child(span: Span, verb: Token) -> Token:
    """The child of ``verb`` on the way down to the figure (the figure's root itself when
    the verb governs it directly)."""
    token = span.root
    while token.head.i != verb.i and token.head.i != token.i:
        token = token.head
    return token


def _syntax_tokens(span: Span, noun: Token | None, passive_complements: bool = False) -> set[int]:
    """Tokens that name the number's role: its head chain, and the subject and
    object of the verb that governs it ("the death [toll] rose to 45"); with
    ``passive_complements``, of the infinitive a passive verb passes the figure's
    subject on to as well ("are believed to have been [killed] in the crackdown")."""
    syntax: set[int] = set()
    for ancestor in span.root.ancestors:
        syntax.add(ancestor.i)
        if ancestor.pos_ in ("VERB", "AUX"):
            verbs = [ancestor]
            complement = (
                complement_verb(ancestor, _path_child(span, ancestor))
                if passive_complements
                else None
            )
            if complement is not None:
                syntax.add(complement.i)
                verbs.append(complement)
            for child in (child for verb in verbs for child in verb.children):
                if child.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "acomp", "prt"):
                    syntax.add(child.i)
                    syntax.update(grand.i for grand in child.children if grand.dep_ == "compound")
                    if child.lemma_.lower() in MEASURE_NOUNS:
                        # "the number of [injured] rose to 12": the measure names its thing
                        syntax.update(
                            great.i
                            for grand in child.children
                            if grand.dep_ == "prep" and grand.lower_ == "of"
                            for great in grand.children
                            if great.dep_ == "pobj"
                        )
                if child.dep_ == "prep":
                    syntax.update(grand.i for grand in child.children if grand.dep_ == "pobj")
            break
    if noun is not None:
        syntax.add(noun.i)
        syntax.update(child.i for child in noun.children)
    return syntax


def _is_previous_value(span: Span) -> bool:
    """Whether the number is the old value of a change: "up from 38", "from 62 to 64"."""
    doc = span.doc
    start = span.start  # "from an estimated 4.1 %": hedges may stand between
    while start > 0 and doc[start - 1].lower_ in PREVIOUS_FILLERS and span.start - start < 3:
        start -= 1
    before = [token.lower_ for token in doc[max(0, start - 2) : start]]
    if not before or before[-1] != "from":
        return False
    after = [token.lower_ for token in doc[span.end : min(len(doc), span.end + 2)]]
    sentence = span.sent
    changes = any(
        token.lemma_.lower() in REVISION_CUES or token.lower_ in ("to", "up", "down")
        for token in sentence
    )
    return (
        changes
        and (
            "up" in before
            or "down" in before
            or "to" in after
            # "cut to 3.2 % of GDP next year from 4.1 %": the new value may come first.
            or any(
                token.lower_ == "to" and _starts_figure(doc, token.i + 1)
                for token in doc[max(sentence.start, start - 12) : start]
            )
        )
    )


def _starts_figure(doc: Doc, index: int) -> bool:
    """Whether a figure begins at ``index``: a number, or a currency sign before one ("£95m")."""
    if index < len(doc) and doc[index].is_currency:
        index += 1
    return index < len(doc) and doc[index].like_num


# Links by which an age stands as a noun phrase of its own ("[The 27-year-old] averaged").
NOMINAL_LINKS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr"})


def is_definite_age_noun(span: Span) -> bool:
    """Whether an age stands alone as a definite noun phrase: "[The 27-year-old] averaged
    51 km/h" refers back to a person already named (a definite description, the way news
    names someone a second time), not to whoever is named nearest in its sentence."""
    root = span.root
    return root.dep_ in NOMINAL_LINKS and any(
        child.dep_ == "det" and child.lower_ == "the" for child in root.children
    )


def antecedent_person(span: Span) -> Span | None:
    """The last PERSON named before a definite age noun ("Anna Marrow won. [The
    27-year-old] ..."), else ``None`` (not such an age, or no one named before it)."""
    if not is_definite_age_noun(span):
        return None
    before = [e for e in span.doc.ents if e.label_ == "PERSON" and e.end <= span.start]
    return before[-1] if before else None


def previous_subject_name(
    span: Span, skip_aged: bool = False, line_breaks: bool = False
) -> str | None:
    """The person an age refers back to when it opens its own sentence as a definite
    description ("Tomas Orrin won the race, beating Karel Dusek. [The 24-year-old] now
    leads ..."; also "The 24-year-old rider ..."): the subject of the sentence before when
    it is a name, else the first person that sentence names; the surname in lower case.
    Centering (Grosz, Joshi & Weinstein 1995): a definite description continues the last
    sentence's topic, its subject. ``None`` when the age does not open its sentence with
    "The", or no one is found; with ``skip_aged``, "" (someone unnamed) when that sentence
    gives the person another age ("Ana Ruiz, 30, was hurt. [The 24-year-old] man ..."); with
    ``line_breaks``, a line break the parser leaves inside a sentence ends the one before
    ("Ruiz wins Ostby marathon\n\n[The 24-year-old] ...")."""
    doc = span.doc
    sentence = span.sent
    opening = span.start - 1
    if opening < sentence.start or doc[opening].lower_ != "the":
        return None
    if all(token.is_space for token in doc[sentence.start : opening]):  # a paragraph break
        if sentence.start == 0:
            return None
        previous = doc[sentence.start - 1].sent
    elif line_breaks and doc[opening].text == "The" and "\n" in doc[opening - 1].text:
        previous = doc[sentence.start : opening - 1]
    else:
        return None
    # Its last line only: a results list or header above it is parsed into it.
    breaks = [t.i + 1 for t in previous if "\n" in t.text and t.i + 1 < previous.end]
    start = max(
        [i for i in breaks if not all(t.is_space for t in doc[i : previous.end])],
        default=previous.start,
    )
    verb = previous.root
    reported = [c for c in verb.children if c.dep_ == "ccomp"]
    speakers: set[int] = set()
    if verb.lemma_.lower() in STATEMENT_LEMMAS and reported and not _pronoun_subject(reported[0]):
        # The speaker is the source, not the topic, unless the reported clause says "she".
        speakers = {c.i for c in verb.children if c.dep_ == "nsubj"}
        verb = reported[0]
    subjects = [t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass") and t.i >= start]
    if subjects and subjects[0].pos_ == "PROPN":
        # Unlabelled counts: "Ana Ruiz says ..." may carry no label at all.
        if subjects[0].ent_type_ not in ("PERSON", ""):
            return None
        return "" if skip_aged and _another_age(subjects[0], span, previous) else subjects[0].lower_
    # A subject that is no name ("Mara Tellen's win owed much to ..."): the first person.
    people = [
        e
        for e in doc.ents
        if e.label_ == "PERSON" and start <= e.start < previous.end and e.root.i not in speakers
    ]
    if not people:
        return None
    return "" if skip_aged and _another_age(people[0].root, span, previous) else _surname(people[0])


def _another_age(noun: Token, age: Span, sentence: Span) -> bool:
    """Whether ``sentence`` gives ``noun`` an age other than ``age`` ("Ana Ruiz, 30" or
    "30-year-old Ana Ruiz" beside "24-year-old"), linked as :func:`aged_noun` links an
    age to the noun it describes."""
    doc = noun.doc
    own = re.findall(r"\d+", age.text)
    for token in sentence:
        if token.like_num:
            stated = doc[token.i : token.i + 1]
        elif (
            token.lower_ == "old"
            and token.i - 2 >= sentence.start
            and doc[token.i - 2].lemma_ == "year"
        ):
            stated = doc[max(sentence.start, token.i - 4) : token.i + 1]
        else:
            continue
        aged = aged_noun(stated)
        if aged is not None and aged.i == noun.i:
            return bool(own) and re.findall(r"\d+", stated.text) != own
    return False


def _pronoun_subject(verb: Token) -> bool:
    """Whether a verb's subject is a pronoun ("she joined")."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PRON" for c in verb.children)


def _person_of(span: Span, params: FactParams) -> str:
    """Surname of the person an age belongs to: for an age opening its sentence as "The
    24-year-old" the named subject of the sentence before (:func:`previous_subject_name`),
    else for a definite age noun the person named last before it, else the nearest PERSON
    in the sentence,
    else the last one named before it ("... Peter Lomuria won. The 24-year-old ..."),
    else the first one named after it (a delayed lede)."""
    if params.opening_age_takes_previous_subject:
        subject = previous_subject_name(
            span, params.opening_age_skips_aged_subject, params.opening_age_after_line_break
        )
        if subject is not None:
            return subject
    if params.definite_age_refers_back:
        antecedent = antecedent_person(span)
        if antecedent is not None:
            return _surname(antecedent)
    sentence = span.sent
    people = [entity for entity in span.doc.ents if entity.label_ == "PERSON"]
    inside = [entity for entity in people if sentence.start <= entity.start < sentence.end]
    if inside:
        nearest = min(inside, key=lambda entity: abs(entity.start - span.start))
        return _surname(nearest)
    before = [entity for entity in people if entity.end <= sentence.start]
    if before:
        return _surname(before[-1])
    # A delayed lede ("A 61-year-old retired teacher has won ...") names its
    # person only in a following sentence: the first person named after it.
    after = [entity for entity in people if entity.start >= sentence.end]
    return _surname(after[0]) if after else ""


def _surname(entity: Span) -> str:
    """The last word of a name, without a possessive ("Peter Lomuria's" → "lomuria")."""
    words = [token.lower_ for token in entity if token.is_alpha]
    return words[-1] if words else ""


def _surname_of(token: Token) -> str:
    """The surname of the name a token belongs to ("27-year-old Susana D. [Gonzalez]")."""
    for entity in token.doc.ents:
        if entity.start <= token.i < entity.end and entity.label_ == "PERSON":
            return _surname(entity)
    return token.lower_


def _sizes_group(noun: Token) -> bool:
    """Whether the counted noun follows "of" after a noun naming a group: "a pack of
    five [runners]", "a crowd of 200 [fans]": the figure is the group's size."""
    preposition = noun.head
    if noun.dep_ != "pobj" or preposition.lower_ != "of" or preposition.head.pos_ != "NOUN":
        return False
    return bool(noun_names_group(preposition.head.lemma_.lower()))


def is_margin(span: Span) -> bool:
    """Whether the figure is a winner's margin: the object of "by" after a verb of winning
    ("won by 48 seconds", "beat Deshwal by 13,842 votes"), of a margin noun ("a majority
    of 2,689", "a 147-vote lead", "the lead narrowed to 92") or how far "ahead" one was."""
    chain = [span.root]
    if span.root.dep_ in ("nummod", "compound") and span.root.head.pos_ == "NOUN":
        chain.append(span.root.head)  # "48 [seconds]", "147-[vote]"
    for token in chain:
        head = token.head
        if token.dep_ == "pobj" and head.lower_ == "of" and _is_margin_noun(head.head):
            return True
        if token.dep_ == "pobj" and head.lower_ == "by" and head.head.lemma_.lower() in WIN_VERBS:
            return True
        if token.dep_ == "compound" and _is_margin_noun(head):
            return True
        if token.dep_ == "npadvmod" and head.lower_ in AHEAD_WORDS:
            return True
        if token.dep_ == "pobj" and head.lower_ in ("to", "at") and _has_margin_subject(head.head):
            return True  # "Okafor's lead narrowed to 92 votes"
    # "the margin was 38 seconds"
    return any(token.dep_ == "attr" and _has_margin_subject(token.head) for token in chain)


def _has_margin_subject(verb: Token) -> bool:
    return verb.pos_ in ("VERB", "AUX") and any(
        child.dep_ in ("nsubj", "nsubjpass") and _is_margin_noun(child) for child in verb.children
    )


def _is_margin_noun(token: Token) -> bool:
    """A margin noun not made a business ratio by its modifiers ("gross margin")."""
    return (
        token.pos_ == "NOUN"
        and token.lemma_.lower() in MARGIN_NOUNS
        and not any(child.lower_ in BUSINESS_MARGIN_WORDS for child in token.children)
    )


def _explains_change(span: Span) -> bool:
    """Whether the figure stands in a clause that explains a change: "the toll rose to 17
    [after three injured passengers died]", "climbed to 45 [as rescuers found 12 more
    bodies]": the clause's figure is what was added, not another report of the total."""
    for ancestor in span.root.ancestors:
        if ancestor.pos_ not in ("VERB", "AUX"):
            continue
        return (
            ancestor.dep_ == "advcl"
            and ancestor.head.lemma_.lower() in REVISION_CUES
            and any(child.dep_ == "mark" and child.lower_ in CHANGE_MARKERS
                    for child in ancestor.children)
        )  # fmt: skip
    return False


def _elided_noun(span: Span) -> Token | None:
    """The noun a bare numeral leaves out, counted by an earlier figure of its sentence:
    "Four of the six [cars] left the tracks, and two came to rest on their sides",
    "Five [people] died and two were injured"; ``None`` unless the numeral stands as a
    noun phrase (a subject or object, or "two of them") without a determiner: "the two"
    refers back to people or things named, not to a noun left out."""
    root = span.root
    if root.pos_ != "NUM" or root.dep_ not in ELIDED_NUMERAL_ROLES:
        return None
    before = span.doc[span.start - 1] if span.start > span.sent.start else None
    if before is not None and (before.pos_ == "DET" or before.tag_ == "PRP$"):
        return None  # the parser may hang "the" elsewhere: the word before decides
    first, _ = _paragraph_bounds(span, stop_at_line_breaks=True)  # not a line above
    earlier = [
        token.head
        for token in span.doc[first : span.start]
        if token.dep_ == "nummod"
        and token.head.pos_ == "NOUN"
        and first <= token.head.i < span.start
    ]
    return earlier[-1] if earlier else None


# Parts of speech of what a measure noun counts: "of [villagers]", "of [dead]", "of [injured]".
MEASURED_POS = frozenset({"NOUN", "PROPN", "ADJ", "VERB"})


def _measure_noun(span: Span, noun: Token | None) -> Token | None:
    """The measure noun a count is the value of: "put the [toll] at 10,000", "the death
    [toll] rose to 17" (the verb's subject or object), else ``None``."""
    if noun is not None:
        return noun if noun.lemma_.lower() in MEASURE_NOUNS else None
    for ancestor in span.root.ancestors:
        if ancestor.pos_ not in ("VERB", "AUX"):
            continue
        return next(
            (
                child
                for child in ancestor.children
                if child.dep_ in ("nsubj", "nsubjpass", "dobj")
                and child.pos_ == "NOUN"
                and child.lemma_.lower() in MEASURE_NOUNS
            ),
            None,
        )
    return None


def _measured(measure: Token) -> Token:
    """What a measure noun counts: "the number of [injured]", "the [death] toll"; the
    measure itself where it names nothing more ("the toll", a count of deaths)."""
    for child in measure.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grandchild in child.children:
                # the parser tags "injured" after "of" a verb, and a pcomp
                if grandchild.dep_ in ("pobj", "pcomp") and grandchild.pos_ in MEASURED_POS:
                    return grandchild
    for child in measure.children:
        if child.dep_ in ("compound", "amod", "nmod") and child.pos_ in ("NOUN", "ADJ"):
            return child
    return measure


def _role_of(span: Span, noun: Token | None, params: FactParams) -> str:
    """Whether a figure is a total ("4,560 in total", "the train's 96 cars" in a
    partitive) or an increment ("560 additional troops", "600 more"), a part said to
    be of a sort ("two of the deaths were ..."), else ""."""
    if _is_partitive_whole(span, params.partitive_window_tokens):
        return "whole"
    if params.classified_part_is_a_role and is_classified_part(span):
        return "part"
    if noun is not None and noun.lemma_.lower() in LIMIT_NOUNS:
        return "limit"
    if params.group_size_is_a_role and noun is not None and _sizes_group(noun):
        return "group"
    if params.change_clause_is_increment and _explains_change(span):
        return "change"
    doc = span.doc
    sentence = span.sent
    nearby = list(doc[max(sentence.start, span.start - params.role_window_tokens) : span.start])
    nearby += list(doc[span.end : min(sentence.end, span.end + params.role_window_tokens)])
    if noun is not None:
        nearby += [child for child in noun.children if child.dep_ == "amod"]
    words = {token.lemma_.lower() for token in nearby}
    if words & INCREMENT_WORDS:
        return "increment"
    if words & TOTAL_WORDS:
        return "total"
    return ""


def describe_claim(claim: Claim, doc: Doc, params: FactParams) -> Mention:
    """Collect the aligner's view of one claim from the parsed article."""
    span = _span_tokens(doc, claim)
    dimension = dimension_of(claim)
    if span is None or len(span) == 0:
        return Mention(claim, dimension, "", (), (), claim.text, False, False, False)
    sentence = span.sent
    noun = (
        _counted_noun(span, params.count_valued_objects)
        if claim.kind in ("count", "quantity", "money", "percent")
        else None
    )
    measure = _measure_noun(span, noun) if claim.kind == "count" else None
    if noun is not None and noun.lemma_.lower() in PRONOUN_NOUNS | MEASURE_NOUNS:
        # "23 others", "put the toll at 45": no counted noun of its own (subjects still
        # name the toll; the aligner reads what it counts from the context words)
        noun = None
    if noun is None and claim.kind == "count" and params.elided_noun_from_earlier_figure:
        noun = _elided_noun(span)
    aged = aged_noun(span) if claim.kind == "age" else None
    if aged is not None and aged.pos_ == "NOUN":
        noun = aged  # who is that old ("driver", "son") is the age's head noun
    head = stem_word(noun.lemma_.lower()) if noun is not None else ""
    modifiers: tuple[str, ...] = ()
    if noun is not None:
        modifiers = tuple(
            child.lemma_.lower()
            for child in noun.children
            if child.dep_ in ("amod", "compound") and child.i not in range(span.start, span.end)
        )
    syntax = _syntax_tokens(span, noun, params.passive_complement_names_event)
    place = implied_anchor(span) if params.away_is_from_place_left and claim.unit == "m" else None
    if place is not None:  # as "from the park" is a head-chain word of "30km from the park"
        syntax.add(place.i)
    first, last = _paragraph_bounds(span, params.context_stops_at_line_breaks)
    if params.fact_sheet_labels and _ends_fact_sheet_line(span):
        last = span.end  # "Deaths: 3": the line is the statement; the next is another's
    if claim.kind == "date":
        scope = [token for token in date_scope(span) if first <= token.i < last]
    else:
        scope = list(doc[first:last])
    weights: dict[str, float] = {}
    for token in scope:
        if span.start <= token.i < span.end:
            continue
        if token.pos_ not in CONTENT_POS or token.is_stop or token.like_num:
            continue
        if token.ent_type_ in ("DATE", "TIME") and token.lemma_.lower() not in PERIOD_WORDS:
            continue  # "on Monday" is when, not what; days differ between reports
        lemma = token.lemma_.lower()
        if lemma in GENERIC_LEMMAS or not re.search(r"[a-z]", lemma):
            continue
        distance = span.start - token.i if token.i < span.start else token.i - span.end + 1
        weight = 0.5 ** (distance / params.context_decay_tokens)
        if token.i in syntax:
            weight = params.syntax_boost * max(weight, params.syntax_min_decay)
        stem = stem_word(lemma)
        weights[stem] = max(weights.get(stem, 0.0), weight)
        if stem in CONCEPTS:
            concept = CONCEPTS[stem]
            weights[concept] = max(weights.get(concept, 0.0), weight)
    if place is not None:
        # "away" names no place: the place it stands for takes its weight
        implicit = [stem_word(word) for word in IMPLICIT_ANCHORS if stem_word(word) in weights]
        moved = max((weights.pop(stem) for stem in implicit), default=0.0)
        anchor = stem_word(place.lemma_.lower())
        weights[anchor] = max(weights.get(anchor, 0.0), moved)
    if claim.attribute:
        weights[claim.attribute] = params.syntax_boost
    if _is_partitive_whole(span, params.partitive_window_tokens):
        weights["<whole>"] = params.syntax_boost
    previous = _is_previous_value(span)
    person = ""
    if aged is not None and aged.pos_ == "PROPN":
        person = _surname_of(aged)  # "27-year-old Tomas Reyes": the name the age describes
    elif claim.kind == "age" and not claim.attribute:  # an age statistic is of no person
        person = _person_of(span, params)
    if claim.kind == "date":
        # A date is about the event its clause reports (see date_scope).
        before = " ".join(token.text for token in scope if token.i < span.start)
        after = " ".join(token.text for token in scope if token.i >= span.end)
        clause = f"{before} DATE {after}".strip()
    else:
        left = max(first, span.start - params.embed_window_tokens)
        right = min(last, span.end + params.embed_window_tokens)
        clause = f"{doc[left : span.start].text} NUMBER {doc[span.end : right].text}".strip()
    if claim.kind == "date":  # dates do not "rise", but they are moved
        cue = has_moved_date_cue(
            span, params.revision_cue_window_tokens, params.moved_date_cue_in_own_clause
        )
    else:
        cue = has_revision_cue(
            span,
            params.revision_cue_window_tokens,
            params.lasting_state_is_revision_cue,
            params.magnitude_verbs_are_revision_cues,
            params.distance_moved_is_no_revision and claim.unit == "m",
            params.scope_verbs_are_revision_cues,
            params.revision_cue_in_own_clause,
            params.since_point_is_no_revision,
            params.added_part_is_no_revision,
        )
        if cue and params.cue_of_another_figure_is_none:
            cue = not cue_is_another_figures(span, params.revision_cue_window_tokens)
    role = (
        date_role(
            span,
            params.date_range_end_is_as_of,
            params.date_role_skips_time_nouns,
            params.date_role_stops_at_determined_time_nouns,
        )
        if claim.kind == "date"
        else _role_of(span, noun, params)
    )
    if (
        params.change_size_is_no_revision
        and claim.unit == "%"
        and is_change_size(span, params.change_over_repeated_period)
    ):
        cue = False  # the size of a change ("rose 17%") is no new level, whatever verb reports it
    remainder = claim.kind == "count" and is_remainder(span)
    if remainder and params.remainder_beside_event_penalty:
        cue = False  # what is left of a group is a subset, not the group's count now
    lede = sentence.start == next(iter(doc.sents)).start
    return Mention(
        claim,
        dimension + (":previous" if previous else ""),
        head,
        modifiers,
        tuple(sorted(weights.items())),
        clause,
        cue and not previous,
        lede,
        previous,
        person,
        event_phrase(span) if claim.kind == "date" else _head_word(noun),
        role,
        figure_mood(span),
        claim.kind == "count" and is_day_of_month(span),
        is_earlier_figure(span)
        or (params.past_frames_are_earlier and in_past_frame(span))
        or (params.denied_figures_are_earlier and is_denied_figure(span)),
        figure_aspects(
            span,
            str(claim.kind),
            claim.unit,
            params.away_is_from_place_left,
            params.plans_differ_from_outcomes,
            params.other_owners_differ,
            params.polarity_needs_counted_subject,
            params.periods_need_time_words,
            params.participle_names_group,
            params.whose_names_owner,
        ),
        _governing_verb(span, params.passive_complement_names_event),
        date_event(span) if claim.kind == "date" else (),
        clause_year(span) if claim.kind != "date" and claim.attribute != "year" else 0,
        claim.kind != "date" and is_margin(span),
        _measured(measure).lemma_.lower() if measure is not None and noun is None else "",
        params.perfect_tallies_rise and claim.kind == "count" and is_perfect_tally(span),
        remainder,
        claim.kind == "count" and is_event_count(span),
        claim.kind == "count" and is_degree_subset(span),
    )


def _ends_fact_sheet_line(span: Span) -> bool:
    """Whether the figure stands after a label and a colon and ends its line ("Deaths: 3")."""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].text != ":":
        return False
    return span.end == len(doc) or "\n" in span[-1].whitespace_ or doc[span.end].is_space


def _paragraph_bounds(span: Span, stop_at_line_breaks: bool) -> tuple[int, int]:
    """The token range of the figure's sentence, from the last line break before the
    figure when ``stop_at_line_breaks``: the parser may run a sentence across a blank
    line ("... has the details. Video credit\n\nA 2-year-old toddler was ..."), and a
    caption or credit line above says nothing of the figure below. (Cutting below the
    figure too cost precision on facts-real-dev: list items under a lead-in line.)"""
    sentence = span.sent
    first = sentence.start
    if stop_at_line_breaks:
        for token in span.doc[first : span.start]:
            if "\n" in token.text_with_ws:
                first = token.i + 1
    return first, sentence.end


def _governing_verb(span: Span, passive_complements: bool = False) -> str:
    """The lemma of the nearest verb above the figure, with its particle: "hurt" in
    "five people were hurt", "set down" in "the plane set down at 3 pm"; with
    ``passive_complements``, the infinitive a passive verb passes the figure's subject
    on to ("killed" in "20,000 people are believed to have been killed")."""
    for ancestor in span.root.ancestors:
        if ancestor.pos_ == "VERB":
            complement = (
                complement_verb(ancestor, _path_child(span, ancestor))
                if passive_complements
                else None
            )
            if complement is not None:
                ancestor = complement
            particles = [child.lower_ for child in ancestor.children if child.dep_ == "prt"]
            return " ".join([ancestor.lemma_.lower(), *particles[:1]])
    return ""


def _head_word(noun: Token | None) -> str:
    return noun.lemma_.lower() if noun is not None else ""
