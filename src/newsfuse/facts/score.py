"""How likely two claims from different articles are about the same attribute.

The score of a pair adds the cosine of their weighted context words (with
inverse document frequency over the cluster's claims), the cosine of their
embedded clauses, and bonuses and penalties for what the words alone miss:
the same counted noun, the only figure of its kind in each article, roles
that clash (a total against an increment, a statement date against an event
date), figures an order of magnitude apart, a change ("rose to 45") that
answers an earlier report. Only claims of the same kind and base unit are
comparable. The weights are :class:`~newsfuse.facts.params.FactParams` fields.

The same value in the same unit is strong evidence of the same attribute, so
pairs that agree get a bonus scaled by how telling the value is
(:func:`add_same_value_bonus`); that asymmetry is what keeps "560 additional
troops" away from "4,560 troops in total" while "40 miles" still meets "65
kilometres".
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

import numpy as np

from newsfuse.facts.describe import Mention, stem_word
from newsfuse.facts.lexicon import CASUALTY_CONCEPTS, CONCEPT_NAMES, CONCEPTS
from newsfuse.facts.params import FactParams
from newsfuse.facts.synonymy import noun_is_kind_of, nouns_related, verbs_related
from newsfuse.facts.verdict import is_decimal_slip_pair, values_agree
from newsfuse.model import Claim

if TYPE_CHECKING:
    from newsfuse.embed import Embedder

# Two-digit figures swap digits by chance too often ("12" / "21") to say anything.
TRANSPOSED_MIN_DIGITS = 3
# Stated digits beyond which an exact match tells no more: a five-digit vote count shared
# by two reports is already no coincidence (see FactParams.exact_digits_tell_more).
MOST_TELLING_DIGITS = 5


def _date_roles_clash(first: Mention, second: Mention, params: FactParams) -> bool:
    """Whether two dates that differ are days of different things (see ``date_role_penalty``)."""
    if values_agree(first.claim, second.claim, params):
        return False
    if first.role != second.role or first.role == "as of":
        return True
    return params.dates_of_unrelated_events_differ and _events_unrelated(first, second)


def _roles_clash(first: str, second: str) -> bool:
    """Whether two figures play different roles: a total against an increment, or
    the whole of a partitive ("of the train's [96] cars") against anything but
    another whole, since the whole is the denominator, not the event's figure;
    likewise a limit ("the 50 mph limit") against anything but another limit, a
    group's size ("a pack of five runners") against anything but another group's, and
    the change a clause gives for a new total ("rose to 17 after [three] more died")
    against anything but another such change. (A part said to be of a sort is kept
    only from its group's own count: see ``_part_beside_its_group``.)"""
    if first == second:
        return False
    return bool(first and second) or bool({"whole", "limit", "group", "change"} & {first, second})


def _part_beside_its_group(first: Mention, second: Mention) -> bool:
    """Whether one figure is a part said to be of a sort ("[two] of the deaths were from
    heart attacks") and the other counts the group itself ("five deaths"): the same
    noun, but a subgroup against the whole. A part of "them" names no noun to clash."""
    if (first.role == "part") == (second.role == "part"):
        return False
    return bool(first.head) and first.head == second.head


def _remainder_beside_event(first: Mention, second: Mention, params: FactParams) -> bool:
    """Whether one count is what is left of a group ("four remain in hospital") and the
    other, a different value, is told by the event that made a group ("27 people were
    taken to hospital"): a subset against the event's total, whichever report is later.
    The same value says all of the group remain ("1,200 were forced from their homes",
    "1,200 remain in shelters"): one figure, told twice."""
    if values_agree(first.claim, second.claim, params):
        return False
    return any(
        one.remainder and not other.remainder and other.event_count
        for one, other in ((first, second), (second, first))
    )


def _degree_subset_beside_count(first: Mention, second: Mention, params: FactParams) -> bool:
    """Whether one count is a part an adverb marks off ("four critically") and the other, a
    different value, is not: a subgroup against a whole, whichever report is later."""
    if first.degree_subset == second.degree_subset:
        return False
    return not values_agree(first.claim, second.claim, params)


def _concept_missing(first: Mention, second: Mention, strong_weight: float) -> bool:
    """Whether ``first`` names a kind of figure strongly that ``second`` never mentions."""
    strong = {lemma for lemma, w in first.context if lemma in CONCEPT_NAMES and w >= strong_weight}
    mentioned = {lemma for lemma, _ in second.context}
    return bool(strong) and not strong & mentioned


def _casualty_kind(mention: Mention, strong_weight: float, word_after: bool = False) -> str:
    """The casualty ("<death>", "<injury>", "<missing>") a count is of: its governing
    verb's, else (with ``word_after``) the word right after it or its noun ("at least six
    injured" after "three people dead"), else the heaviest among its strong context words
    ("the death toll rose to 17"), or ""."""
    if mention.verb:
        concept = CONCEPTS.get(stem_word(mention.verb.split()[0]), "")
        if concept in CASUALTY_CONCEPTS:
            return concept
    if word_after:
        concept = _casualty_after(mention)
        if concept:
            return concept
    weighted = [(w, lemma) for lemma, w in mention.context if lemma in CASUALTY_CONCEPTS]
    best = max(weighted, default=(0.0, ""))
    return best[1] if best[0] >= strong_weight else ""


def _casualty_after(mention: Mention) -> str:
    """The casualty named by the word right after a count, or after its counted noun
    ("six injured", "two people dead"): the count's own predicate, which a coordinated
    count's nearer context ("three people dead and at least six injured") may outweigh."""
    after = mention.clause.partition("NUMBER")[2].split()
    if after and mention.head_word and after[0].lower() == mention.head_word.lower():
        after = after[1:]
    if not after:
        return ""
    word = re.match(r"[a-z]+", after[0].lower())
    concept = CONCEPTS.get(stem_word(word.group()), "") if word else ""
    return concept if concept in CASUALTY_CONCEPTS else ""


def _casualty_kinds_clash(
    first: Mention, second: Mention, strong_weight: float, word_after: bool = False
) -> bool:
    """Whether both counts name the casualty they count and the two differ."""
    one = _casualty_kind(first, strong_weight, word_after)
    other = _casualty_kind(second, strong_weight, word_after)
    return bool(one and other and one != other)


def _increment_beside_its_total(
    change: Mention, other: Mention, own: Sequence[Mention], params: FactParams
) -> bool:
    """Whether ``change`` is an increment ("three more deaths", "rose to 11 after three
    died") whose article also gives ``other``'s figure plus it ("the toll climbed to
    11" beside another report's "8 deaths"): the increment is what was added to
    ``other``, not ``other`` told again."""
    if change.role not in ("increment", "change"):
        return False
    if values_agree(change.claim, other.claim, params):
        return False
    a, b = change.claim.value, other.claim.value
    if isinstance(a, str) or isinstance(b, str):
        return False
    total = replace(other.claim, value=float(a) + float(b))
    return any(
        mention is not change
        and mention.dimension == change.dimension
        and values_agree(mention.claim, total, params)
        for mention in own
    )


def _anchors_differ(first: Mention, second: Mention) -> bool:
    """Whether two distances are measured from places both name and that share no word
    ("20 miles from Nairobi" / "12 miles away" from the park the lion left)."""
    one, other = first.aspects.anchor, second.aspects.anchor
    if not one or not other or "?" in (one, other):
        return False
    return not set(one.split()) & set(other.split())


def _far_apart(first: Claim, second: Claim, ratio: float) -> bool:
    """Whether two numbers differ by at least ``ratio`` times."""
    a, b = first.value, second.value
    if isinstance(a, str) or isinstance(b, str) or a <= 0 or b <= 0:
        return False
    return max(a, b) / min(a, b) >= ratio


def _transposed(first: Claim, second: Claim) -> bool:
    """Whether two differing figures state the same three or more digits in another
    order ("2,689" / "2,869", "Rs 38,400 crore" / "Rs 34,800 crore")."""
    one, other = re.sub(r"\D", "", first.text), re.sub(r"\D", "", second.text)
    return (
        len(one) >= TRANSPOSED_MIN_DIGITS
        and one != other
        and sorted(one) == sorted(other)
        and first.unit == second.unit
    )


def _head_names(mention: Mention) -> tuple[str, ...]:
    """The counted noun as WordNet may know it: with its last modifier ("big cat"), and alone."""
    if not mention.head_word:
        return ()
    if mention.modifiers:
        return (f"{mention.modifiers[-1]} {mention.head_word}", mention.head_word)
    return (mention.head_word,)


def _heads_kind_of(first: Mention, second: Mention) -> bool:
    """Whether one claim's counted noun is a kind of the other's ("toddler", "child")."""
    return any(
        noun_is_kind_of(one, other)
        for one in _head_names(first)
        for other in _head_names(second)
        if one != other
    )


def _verbs_related(first: Mention, second: Mention) -> bool:
    """Whether the figures' governing verbs differ and WordNet relates them; a
    phrasal verb is tried whole ("set down") and by its verb alone."""
    if not first.verb or not second.verb or first.verb == second.verb:
        return False
    names = ({first.verb, first.verb.split()[0]}, {second.verb, second.verb.split()[0]})
    if names[0] & names[1]:
        return False  # one verb, with and without a particle: already shared context
    return any(verbs_related(one, other) for one in names[0] for other in names[1])


def _events_unrelated(first: Mention, second: Mention) -> bool:
    """Whether two event days tell of different events: WordNet knows both verbs and
    both subjects and relates neither pair ("a section collapsed" / "divers pulled").
    One actor with two verbs ("miners were brought up" / "men were rescued") or one
    verb for two actors may still be one event told two ways."""
    if first.role or second.role or not first.event or not second.event:
        return False
    (one_verb, one_subject), (other_verb, other_subject) = first.event, second.event
    return (
        one_verb != other_verb
        and verbs_related(one_verb, other_verb) is False
        and nouns_related(one_subject, other_subject) is False
    )


def _people_and_a_person(one: str, other: str) -> bool:
    """Whether one noun is "people" and the other a kind of person ("Palestinians")."""
    for generic, specific in ((one, other), (other, one)):
        if generic in ("people", "person") and specific not in ("people", "person"):
            return bool(noun_is_kind_of(specific, "person"))
    return False


def _measure_counts(measure: Mention, counted: Mention, strong_weight: float) -> bool:
    """Whether a count given by a measure noun and no counted noun ("the number of
    [injured]", "the death [toll]") may count what another count's noun names: a kind of
    person for "people", or the casualty the other's verb or strong words name ("toll",
    a count of deaths, against "20,000 people ... killed"). The same noun on both sides
    ("the number of troops" / "560 troops") is no soft match: the plain cosine has it."""
    if not measure.measured or measure.head or not counted.head:
        return False
    measured = measure.measured.lower()
    if stem_word(measured) == counted.head:
        return False
    if _people_and_a_person(measured, counted.head_word.lower()):
        return True
    concept = CONCEPTS.get(stem_word(measured), "")
    return concept in CASUALTY_CONCEPTS and concept == _casualty_kind(counted, strong_weight)


def _lexical_vectors(mentions: Sequence[Mention]) -> list[dict[str, float]]:
    """Context weights times inverse document frequency over the cluster's mentions."""
    frequency: Counter[str] = Counter()
    for mention in mentions:
        frequency.update(lemma for lemma, _ in mention.context)
    total = max(1, len(mentions))
    vectors = []
    for mention in mentions:
        vector = {
            lemma: weight * math.log(1 + total / frequency[lemma])
            for lemma, weight in mention.context
        }
        norm = math.sqrt(sum(value * value for value in vector.values())) or 1.0
        vectors.append({lemma: value / norm for lemma, value in vector.items()})
    return vectors


def _is_later_revision(
    later: Mention, earlier: Mention, published: Mapping[str, datetime | None], params: FactParams
) -> bool:
    """Whether ``later`` presents its figure as a change, a day or more after ``earlier``."""
    later_time = published.get(later.claim.article_id)
    earlier_time = published.get(earlier.claim.article_id)
    return (
        later.revision_cue
        and later_time is not None
        and earlier_time is not None
        and later_time - earlier_time >= params.revision_min_gap
    )


def _times_of_year(
    mentions: Sequence[Mention], published: Mapping[str, datetime | None] | None
) -> dict[str, int]:
    """Each article's year: its publication year, or for an undated one the year all the
    dated articles of the story share (a story spans days, not years); absent if unknown."""
    if published is None:
        return {}
    years = {time.year for time in published.values() if time is not None}
    story_year = next(iter(years)) if len(years) == 1 else None
    found: dict[str, int] = {}
    for mention in mentions:
        article = mention.claim.article_id
        time = published.get(article)
        year = time.year if time is not None else story_year
        if year is not None:
            found[article] = year
    return found


def _of_other_years(
    first: Mention, second: Mention, article_years: Mapping[str, int], params: FactParams
) -> bool:
    """Whether one figure's clause names a year that another figure's time cannot share
    (see ``FactParams.figures_of_other_years_differ``)."""
    if first.year and second.year:
        return first.year != second.year
    for dated, other in ((first, second), (second, first)):
        if dated.year and not other.year:
            other_year = article_years.get(other.claim.article_id)
            if other_year is not None and other_year - dated.year >= params.other_year_min_gap:
                return True
    return False


def _is_upcoming(mention: Mention, published: Mapping[str, datetime | None] | None) -> bool:
    """Whether a date lies after its article's publication day (a date without a year
    or a publication time is not known to)."""
    if mention.claim.kind != "date" or published is None:
        return False
    time = published.get(mention.claim.article_id)
    value = str(mention.claim.value)
    if time is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value[:10]):
        return False
    return value[:10] > time.date().isoformat()


def value_specificity(claim: Claim) -> float:
    """How telling it is that two articles share this exact value, from 0.2 to 1.

    Sharing "3" or "2" says little (many things come in threes); sharing
    "48,213", "$2.5bn" or "18,600 square metres" is almost never a
    coincidence. Measured by the size of the number on a log scale; dates and
    names are moderately specific.
    """
    if isinstance(claim.value, str):
        return 0.6
    magnitude = math.log10(abs(claim.value) + 1)
    specificity = magnitude / 3
    if not float(claim.value).is_integer():
        # A stated decimal ("3.1 %", "4.25 %") is as telling as its significant
        # digits: "3.1" is as unlikely a coincidence as "31".
        digits = re.sub(r"\D", "", claim.text).lstrip("0")
        specificity = max(specificity, len(digits) / 3)
    return max(0.2, min(1.0, specificity))


def stated_digits(claim: Claim) -> int:
    """Significant digits a figure is stated with: 5 for "14,806", 2 for "17,000" and
    "$4.5bn", 0 for a date, a name or a figure in words ("fourteen")."""
    if isinstance(claim.value, str):
        return 0
    return len(re.sub(r"\D", "", claim.text).strip("0"))


def score_pairs(
    mentions: Sequence[Mention],
    embedder: Embedder | None,
    published: Mapping[str, datetime | None] | None,
    params: FactParams,
) -> np.ndarray:
    """Pairwise alignment scores (without the same-value bonus); -inf where not comparable.

    ``published`` (article id → publication time) lets a later "rose to 45"
    reach back to an earlier, different figure.
    """
    count = len(mentions)
    scores = np.full((count, count), -np.inf)
    if count == 0:
        return scores
    lexical = _lexical_vectors(mentions)
    # Limits do not count against uniqueness: "going 47 mph in a 50 mph zone"
    # still gives one speed of the train.
    per_article = Counter((m.claim.article_id, m.dimension) for m in mentions if m.role != "limit")
    upcoming = [_is_upcoming(m, published) for m in mentions]
    upcoming_per_article = Counter(
        m.claim.article_id for m, ahead in zip(mentions, upcoming, strict=True) if ahead
    )
    ages_of = Counter(
        (m.claim.article_id, m.person) for m in mentions if m.claim.kind == "age" and m.person
    )
    head_frequency = Counter(m.head for m in mentions if m.head)
    article_years = _times_of_year(mentions, published)
    by_article: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_article.setdefault(mention.claim.article_id, []).append(mention)
    embeddings = embedder.encode([m.clause for m in mentions]) if embedder is not None else None
    # Only mentions of one dimension are compared: pairs are drawn within each dimension
    # (the scores do not depend on the order pairs are visited in).
    by_dimension: dict[str, list[int]] = {}
    for index, mention in enumerate(mentions):
        by_dimension.setdefault(mention.dimension, []).append(index)
    pairs = (
        (i, j)
        for indexes in by_dimension.values()
        for position, i in enumerate(indexes)
        for j in indexes[position + 1 :]
    )
    for i, j in pairs:
        first, second = mentions[i], mentions[j]
        if first.claim.article_id == second.claim.article_id:
            continue
        overlap = sum(value * lexical[j].get(lemma, 0.0) for lemma, value in lexical[i].items())
        if first.claim.kind == "count" and first.head and second.head and first.head != second.head:
            # Soft cosine: the two counted nouns match as near-synonyms, since a report
            # names its victims by who they were ("Palestinians") or just as "people",
            # and a kind by its class ("boys" / "children").
            if params.people_matches_kinds_of_person > 0 and _people_and_a_person(
                first.head_word.lower(), second.head_word.lower()
            ):
                weight = params.people_matches_kinds_of_person
            elif params.kinds_match_their_class > 0 and _heads_kind_of(first, second):
                weight = params.kinds_match_their_class
            else:
                weight = 0.0
            overlap += weight * lexical[i].get(first.head, 0.0) * lexical[j].get(second.head, 0.0)
        elif first.claim.kind == "count" and params.measures_match_what_they_count > 0:
            # The same soft match between what a measure noun counts ("the [toll] at
            # 10,000") and another report's counted noun ("20,000 people ... killed").
            for (one, one_vector), (other, other_vector) in (
                ((first, lexical[i]), (second, lexical[j])),
                ((second, lexical[j]), (first, lexical[i])),
            ):
                if _measure_counts(one, other, params.concept_strong_weight):
                    overlap += (
                        params.measures_match_what_they_count
                        * one_vector.get(stem_word(one.measured), 0.0)
                        * other_vector.get(other.head, 0.0)
                    )
        if embeddings is not None:
            semantic = float(embeddings[i] @ embeddings[j])
            score = params.lexical_weight * overlap + params.embedding_weight * semantic
        else:
            score = overlap
        if first.head and first.head == second.head:
            # A common head ("people") says less than a rare one ("helicopters").
            rarity = math.log(count / head_frequency[first.head]) / math.log(count)
            score += params.head_bonus * min(1.0, 2 * rarity)
        elif (
            first.claim.kind == "age"
            and first.head
            and second.head
            and _heads_kind_of(first, second)
        ):
            score += params.kind_of_bonus
        if _verbs_related(first, second):
            score += params.verb_related_bonus
        if first.margin and second.margin:
            score += params.margin_bonus
        if (
            "limit" not in (first.role, second.role)
            and per_article[(first.claim.article_id, first.dimension)] == 1
            and per_article[(second.claim.article_id, second.dimension)] == 1
        ):
            score += params.unique_bonus
        if (
            params.only_upcoming_dates_pair
            and upcoming[i]
            and upcoming[j]
            and upcoming_per_article[first.claim.article_id] == 1
            and upcoming_per_article[second.claim.article_id] == 1
        ):
            # The one day ahead a report names is its next scheduled step ("a hearing will
            # be held on ...", "proceedings have been listed for ..."): the only one of its kind.
            score += params.unique_bonus
        if params.figures_of_other_years_differ and _of_other_years(
            first, second, article_years, params
        ):
            score -= params.date_role_penalty
        if first.claim.kind == "date":
            if _date_roles_clash(first, second, params):
                score -= params.date_role_penalty
        elif _roles_clash(first.role, second.role) or _part_beside_its_group(first, second):
            score -= params.role_mismatch_penalty
        if _anchors_differ(first, second):
            score -= params.anchor_mismatch_penalty
        if _far_apart(
            first.claim, second.claim, params.magnitude_gap_ratio
        ) and not is_decimal_slip_pair(first.claim.value, second.claim.value, params):
            score -= params.magnitude_gap_penalty
        if first.claim.kind == "count" and (
            _concept_missing(first, second, params.concept_strong_weight)
            or _concept_missing(second, first, params.concept_strong_weight)
        ):
            score -= params.concept_mismatch_penalty
        own, others = by_article[first.claim.article_id], by_article[second.claim.article_id]
        if _increment_beside_its_total(first, second, own, params) or _increment_beside_its_total(
            second, first, others, params
        ):
            score -= params.increment_beside_total_penalty
        if first.claim.kind == "count" and _casualty_kinds_clash(
            first, second, params.concept_strong_weight, params.casualty_word_after_count
        ):
            score -= params.casualty_kind_clash_penalty
        if first.claim.kind == "count" and _remainder_beside_event(first, second, params):
            score -= params.remainder_beside_event_penalty
        if first.claim.kind == "count" and _degree_subset_beside_count(first, second, params):
            score -= params.degree_subset_beside_count_penalty
        if _transposed(first.claim, second.claim):
            score += params.transposed_digits_bonus * value_specificity(first.claim)
        if first.person and first.person == second.person:
            score += params.person_bonus
            if (
                params.one_age_per_person
                and first.claim.kind == "age"
                and ages_of[(first.claim.article_id, first.person)] == 1
                and ages_of[(second.claim.article_id, second.person)] == 1
            ):
                # One person has one age: the only age each article gives a person
                # is that person's age whatever the words around it.
                score = max(score, params.dispute_threshold)
        if first.claim.kind == "date" and first.lede and second.lede:
            score += params.lede_date_bonus
        if published is not None and (
            _is_later_revision(first, second, published, params)
            or _is_later_revision(second, first, published, params)
        ):
            score += params.revision_bonus
        scores[i, j] = scores[j, i] = score
    return scores


def add_same_value_bonus(
    scores: np.ndarray, mentions: Sequence[Mention], params: FactParams
) -> np.ndarray:
    """Add ``same_value_bonus`` times :func:`value_specificity` to comparable pairs that agree.

    ``scores`` (from :func:`score_pairs`) is updated in place and returned.
    """
    # Only the comparable pairs, found at once: testing every pair one by one took
    # seconds on 60 articles (1.6 million pairs), nearly all of them not comparable.
    rows, columns = np.nonzero(np.triu(np.isfinite(scores), 1))
    for i, j in zip(rows.tolist(), columns.tolist(), strict=True):
        if values_agree(mentions[i].claim, mentions[j].claim, params):
            bonus = params.same_value_bonus * value_specificity(mentions[i].claim)
            if params.exact_digits_tell_more:
                # A chance match of an exact "14,806" is about ten times rarer per digit.
                digits = min(stated_digits(mentions[i].claim), stated_digits(mentions[j].claim))
                bonus *= min(MOST_TELLING_DIGITS, max(3, digits)) / 3
            scores[i, j] = scores[j, i] = scores[i, j] + bonus
    return scores
